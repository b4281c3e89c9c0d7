"""The two workshop seminars of the demo: place, goal, output, agenda and workshops.

Plain data only; ``loader_seminars.load_seminars`` turns it into rows. Finnish quotes
the seed ("Alueellinen työpajaseminaari 1." and "2."), Swedish and English translate
it. The seed gives each seminar's hours (13.00–15.00; 9–15.30) and the order of its
parts, not the time of each part: the times in between are the demo's, chosen so the
parts fill the day without gaps. Speakers and facilitators are roles, not people.

What is the demo's own, not the seed's:

- the places and rooms (the seed names none), the seat limits and the lunch break;
- the first seminar's method: the seed only says its workshops "keskustella ja koota
  aiheisiin liittyviä tavoitteita, tahtoa, toiveita ja tarpeita", so they are buzz
  groups with one prompt for each of those four (or for each staff group);
- the morning buzz groups of the second seminar: the seed lists *porinaryhmät* among
  its methods and its workshop 3 continues "aamupäivän yhteisöllisyys-työskentelyn
  pohjalta", so the morning community work is a block of its own, for everyone;
- workshop 1 of the second seminar runs "tunneriviä ja prosessikävelyä"; a workshop
  has one method, so it is a process walk and its description says it opens with the
  feeling line.
"""

from __future__ import annotations

from datetime import datetime

from ..i18n import HELSINKI
from ..models import AgendaKind, WorkshopMethod
from .phases import PHASES, SEMINAR_1, SEMINAR_2, helsinki


def _at(phase: dict, clock: str) -> datetime:
    """The phase's day at a Helsinki wall-clock time written as the seed does ("13.00")."""
    day = phase["starts_at"].astimezone(HELSINKI).date()
    hour, minute = (int(part) for part in clock.split("."))
    return helsinki(day.year, day.month, day.day, hour, minute)


def _item(
    phase: dict,
    kind: AgendaKind,
    starts: str,
    ends: str,
    title: dict,
    *,
    speaker: str = "",
    description: dict | None = None,
    workshops: tuple[dict, ...] = (),
) -> dict:
    return {
        "kind": kind,
        "starts_at": _at(phase, starts),
        "ends_at": _at(phase, ends),
        "title": title,
        "speaker": speaker,
        "description": description or {},
        "workshops": list(workshops),
    }


def _workshop(
    title: dict,
    *,
    method: WorkshopMethod,
    facilitator: str,
    room: str,
    seats: int | None,
    prompts: list[dict],
    description: dict,
) -> dict:
    return {
        "title": title,
        "description": description,
        "facilitator_name": facilitator,
        "method": method,
        "room": room,
        "seat_limit": seats,
        "prompts": prompts,
    }


def _q(fi: str, sv: str, en: str) -> dict:
    return {"fi": fi, "sv": sv, "en": en}


# Seminar 1: "Seminaari kestää iltapäivän klo 13.00-15.00" -----------------------------

_S1 = SEMINAR_1

SEMINAR_1_DATA = {
    "phase": PHASES.index(SEMINAR_1) + 1,
    "place": "Järvenpää-talo, Järvenpää",
    "online_url": "",
    "goal": _q(
        """\
Koota kuntien ja koulutuksen järjestäjien sekä opiskelijahuollon ja \
opiskeluterveydenhuollon johtoa ja esimiehiä yhdessä valmistautumaan oppilas- ja \
opiskelijahuoltolain uudistukseen. Tarkoituksena on keskustella lakiuudistuksen \
palveluiden järjestämiselle asettamista haasteista, alueellisen yhteistyön \
mahdollisuuksista, koulutuksellisista tarpeista ja muista mahdollisesti esiin tulevista \
kysymyksistä.

- Yhteistä keskustelua ja pohdintaa lakiuudistuksen asettamista haasteista palveluiden \
järjestämiselle
- Alueellisen yhteistyön mahdollisuuksien kartoittaminen
- Yhteistyön jatkamisen suunnitteleminen ja sopiminen""",
        """\
Att samla ledningen och cheferna för kommunerna och utbildningsanordnarna samt för \
studerandevården och studerandehälsovården för att tillsammans förbereda sig för \
reformen av lagen om elev- och studerandevård. Avsikten är att diskutera de \
utmaningar som lagreformen ställer på ordnandet av tjänster, möjligheterna till \
regionalt samarbete, utbildningsbehoven och andra frågor som kan komma upp.

- Gemensam diskussion och reflektion om de utmaningar som lagreformen ställer på \
ordnandet av tjänster
- Kartläggning av möjligheterna till regionalt samarbete
- Planering av och överenskommelse om det fortsatta samarbetet""",
        """\
To bring together the management and supervisors of the municipalities and education \
providers, and of student welfare and student health care, to prepare jointly for the \
reform of the Pupil and Student Welfare Act. The purpose is to discuss the challenges \
the reform sets for organising services, the possibilities of regional cooperation, \
training needs and any other questions that come up.

- Joint discussion and reflection on the challenges the reform sets for organising \
services
- Mapping the possibilities of regional cooperation
- Planning and agreeing on continued cooperation""",
    ),
    "expected_output": _q(
        """\
Työpajaseminaarin kommenttipuheenvuoroista ja keskusteluista kootaan muistiot, jotka \
lähetetään seminaariin osallistujille ja joita hyödynnetään alueellisen yhteistyön \
jatkotyöstämisessä.

Tiivistelmä kommenttipuheenvuoroista ja työpajojen keskusteluista:

- palveluiden järjestäminen kunnan ja koulutuksen järjestäjän yhteistyönä
- osaamisen kehittämistarpeet: oppilaitoksen henkilöstö, opiskelijahuollon henkilöstö \
ja opiskeluterveydenhuollon henkilöstö""",
        """\
Av workshopseminariets kommentarsanföranden och diskussioner sammanställs promemorior \
som skickas till seminariedeltagarna och som används i det fortsatta regionala \
samarbetet.

Sammandrag av kommentarsanförandena och workshopparnas diskussioner:

- ordnandet av tjänster i samarbete mellan kommunen och utbildningsanordnaren
- behov av kompetensutveckling: läroanstaltens personal, studerandevårdens personal och \
studerandehälsovårdens personal""",
        """\
Memos are compiled from the seminar's comment talks and discussions, sent to the \
participants and used in the follow-up work on regional cooperation.

A summary of the comment talks and the workshop discussions:

- organising services in cooperation between the municipality and the education \
provider
- competence development needs: the institution's staff, student welfare staff and \
student health care staff""",
    ),
    "agenda": [
        # "Keskustelujen pohjustukseksi käydään esittelypuheenvuoroja seuraavista
        # teemoista:" – three talks, in the seed's order.
        _item(
            _S1,
            AgendaKind.INTRO_TALK,
            "13.00",
            "13.15",
            _q(
                "Oppilas- ja opiskelijahuollon lain uudistuminen hyvinvoivan "
                "oppimisympäristön edistäjänä",
                "Reformen av lagen om elev- och studerandevård som främjare av en "
                "välmående lärmiljö",
                "The reform of the Pupil and Student Welfare Act as a promoter of a "
                "wellbeing learning environment",
            ),
            speaker="Validia Ammattiopiston koulutusjohtaja",
        ),
        _item(
            _S1,
            AgendaKind.INTRO_TALK,
            "13.15",
            "13.30",
            _q(
                "Nuorten yhteiskuntatakuun alueellinen malli",
                "Den regionala modellen för ungdomarnas samhällsgaranti",
                "The regional model of the youth guarantee",
            ),
            speaker="Keski-Uudenmaan työllisyysalueen nuorisotakuun koordinaattori",
        ),
        _item(
            _S1,
            AgendaKind.INTRO_TALK,
            "13.30",
            "13.45",
            _q(
                "Oppilas- ja opiskelijahuollon lakiuudistuksen sisältö",
                "Innehållet i reformen av lagen om elev- och studerandevård",
                "The content of the pupil and student welfare reform",
            ),
            speaker="Opetushallituksen opetusneuvos",
        ),
        # "Puheenvuorojen jälkeen jaettiin kommenttipuheenvuoroja ja käytiin yhteistä
        # keskustelua teemojen herättämistä ajatuksista."
        _item(
            _S1,
            AgendaKind.COMMENT_TALK,
            "13.45",
            "14.05",
            _q(
                "Kommenttipuheenvuorot ja yhteinen keskustelu",
                "Kommentarsanföranden och gemensam diskussion",
                "Comment talks and joint discussion",
            ),
            speaker="Keski-Uudenmaan hyvinvointialueen opiskeluhuollon päällikkö, "
            "Hyvinkään kaupungin sivistystoimenjohtaja, Keudan opiskelijahuollon "
            "päällikkö",
            description=_q(
                "Puheenvuorojen jälkeen kuullaan kommenttipuheenvuoroja ja keskustellaan "
                "yhdessä teemojen herättämistä ajatuksista.",
                "Efter anförandena följer kommentarsanföranden och en gemensam "
                "diskussion om de tankar som temana väcker.",
                "The talks are followed by comment talks and a joint discussion of the "
                "thoughts the themes raise.",
            ),
        ),
        # "Tämän jälkeen osallistujat jakaantuivat työpajoihin." – "Työpajojen
        # keskusteluaiheet: 1. Palveluiden järjestäminen ... 2. Osaamisen
        # kehittämistarpeet"
        _item(
            _S1,
            AgendaKind.WORKSHOPS,
            "14.05",
            "14.40",
            _q("Työpajatyöskentely", "Arbete i workshoppar", "Workshops"),
            description=_q(
                "Osallistujat jakautuvat kahteen työpajaan. Työpajoissa keskustellaan ja "
                "kootaan aiheisiin liittyviä tavoitteita, tahtoa, toiveita ja tarpeita.",
                "Deltagarna delar upp sig i två workshoppar. I workshopparna diskuterar "
                "man och samlar mål, vilja, önskemål och behov kring ämnena.",
                "The participants split into two workshops, which discuss their topics "
                "and gather goals, will, wishes and needs.",
            ),
            workshops=(
                _workshop(
                    _q(
                        "Palveluiden järjestäminen",
                        "Ordnandet av tjänster",
                        "Organising services",
                    ),
                    description=_q(
                        "Kunnan ja koulutuksen järjestäjän yhteistyö.",
                        "Samarbetet mellan kommunen och utbildningsanordnaren.",
                        "Cooperation between the municipality and the education "
                        "provider.",
                    ),
                    method=WorkshopMethod.BUZZ_GROUPS,
                    facilitator="Validia Ammattiopiston kehittämispäällikkö",
                    room="Kokoushuone 1",
                    seats=40,
                    prompts=[
                        _q(
                            "Tavoitteet: mihin kunnan ja koulutuksen järjestäjän "
                            "yhteistyöllä pyritään palveluiden järjestämisessä?",
                            "Mål: vad strävar kommunen och utbildningsanordnaren efter "
                            "i sitt samarbete kring ordnandet av tjänster?",
                            "Goals: what should cooperation between the municipality "
                            "and the education provider achieve in organising services?",
                        ),
                        _q(
                            "Tahto: mihin olemme valmiita sitoutumaan yhdessä?",
                            "Vilja: vad är vi beredda att förbinda oss till "
                            "tillsammans?",
                            "Will: what are we ready to commit to together?",
                        ),
                        _q(
                            "Toiveet: mitä toivomme toisiltamme?",
                            "Önskemål: vad önskar vi av varandra?",
                            "Wishes: what do we hope for from each other?",
                        ),
                        _q(
                            "Tarpeet: mitä tarvitsemme, jotta yhteistyö toimii?",
                            "Behov: vad behöver vi för att samarbetet ska fungera?",
                            "Needs: what do we need for the cooperation to work?",
                        ),
                    ],
                ),
                _workshop(
                    _q(
                        "Osaamisen kehittämistarpeet",
                        "Behov av kompetensutveckling",
                        "Competence development needs",
                    ),
                    description=_q(
                        "- oppilaitoksen henkilöstö\n"
                        "- opiskelijahuollon ja opiskelijaterveydenhuollon henkilöstö",
                        "- läroanstaltens personal\n"
                        "- personalen inom studerandevården och studerandehälsovården",
                        "- the institution's staff\n"
                        "- student welfare and student health care staff",
                    ),
                    method=WorkshopMethod.BUZZ_GROUPS,
                    facilitator="Keski-Uudenmaan hyvinvointialueen "
                    "opiskeluterveydenhuollon osastonhoitaja",
                    room="Kokoushuone 2",
                    seats=40,
                    # One prompt per staff group of the seed's summary ("Mitä
                    # tuloksena").
                    prompts=[
                        _q(
                            "Oppilaitoksen henkilöstö: mitä osaamista lakiuudistus "
                            "edellyttää?",
                            "Läroanstaltens personal: vilket kunnande kräver "
                            "lagreformen?",
                            "The institution's staff: what competence does the reform "
                            "call for?",
                        ),
                        _q(
                            "Opiskelijahuollon henkilöstö: mitä osaamista lakiuudistus "
                            "edellyttää?",
                            "Studerandevårdens personal: vilket kunnande kräver "
                            "lagreformen?",
                            "Student welfare staff: what competence does the reform "
                            "call for?",
                        ),
                        _q(
                            "Opiskeluterveydenhuollon henkilöstö: mitä osaamista "
                            "lakiuudistus edellyttää?",
                            "Studerandehälsovårdens personal: vilket kunnande kräver "
                            "lagreformen?",
                            "Student health care staff: what competence does the "
                            "reform call for?",
                        ),
                    ],
                ),
            ),
        ),
        # "Keskustelujen tuotokset esitellään kaikille. Lopuksi sovitaan alueellisen
        # yhteistyön jatkamisesta." – "Kokoava yhteiskeskustelu"
        _item(
            _S1,
            AgendaKind.WRAP_UP,
            "14.40",
            "15.00",
            _q(
                "Kokoava yhteiskeskustelu",
                "Sammanfattande gemensam diskussion",
                "Joint wrap-up discussion",
            ),
            speaker="Seminaarin vetäjät",
            description=_q(
                "Työpajojen tuotokset esitellään kaikille. Lopuksi sovitaan alueellisen "
                "yhteistyön jatkamisesta.",
                "Workshopparnas resultat presenteras för alla. Till sist kommer man "
                "överens om hur det regionala samarbetet fortsätter.",
                "The workshops present their results to everyone. Finally, the "
                "participants agree on how regional cooperation continues.",
            ),
        ),
    ],
}


# Seminar 2: "Seminaari kestää koko päivän klo 9-15.30" --------------------------------

_S2 = SEMINAR_2

SEMINAR_2_DATA = {
    "phase": PHASES.index(SEMINAR_2) + 1,
    "place": "Hyvinkään kaupungintalo, Hyvinkää",
    "online_url": "",
    "goal": _q(
        """\
Koota kuntien ja koulutuksen järjestäjien johtoa ja työntekijöitä keskustelemaan \
oppilas- ja opiskelijahuoltolain uudistuksesta. Tarkoituksena on edistää alueellista \
yhteistyötä ja vuorovaikutusta oppimisympäristöjen hyvinvoinnin alueellisessa \
kehittämistyössä.

- Yhteistä keskustelua ja pohdintaa lakiuudistuksen vaikutuksen tasoista
- Tavoitteen kirkastaminen alueelliselle yhteistyölle
- Oppilaitostason keskeisten muutostarpeiden tunnistaminen
- Työntekijätason näkökulma: mitä lakimuutos tarkoittaa omassa työyhteisössäni ja \
työssäni?""",
        """\
Att samla ledningen och personalen hos kommunerna och utbildningsanordnarna för att \
diskutera reformen av lagen om elev- och studerandevård. Avsikten är att främja \
regionalt samarbete och växelverkan i det regionala utvecklingsarbetet för välmående \
lärmiljöer.

- Gemensam diskussion och reflektion om på vilka nivåer lagreformen verkar
- Ett tydligare mål för det regionala samarbetet
- Att identifiera de viktigaste förändringsbehoven på läroanstaltsnivå
- Personalens synvinkel: vad betyder lagändringen för min arbetsgemenskap och mitt \
arbete?""",
        """\
To bring together the management and staff of the municipalities and education \
providers to discuss the reform of the Pupil and Student Welfare Act. The purpose is \
to promote regional cooperation and interaction in the regional development of \
wellbeing in learning environments.

- Joint discussion and reflection on the levels at which the reform has effects
- Clarifying the aim of regional cooperation
- Identifying the key needs for change at the level of the institution
- The staff's point of view: what does the change in the law mean for my work \
community and my work?""",
    ),
    "expected_output": _q(
        """\
Työpajojen ja seminaarin tuotoksista kootaan muistiot, jotka lähetetään seminaariin \
osallistujille ja joita hyödynnetään alueellisen yhteistyön jatkotyöstämisessä.

Tiivistelmä työpajojen keskusteluista:

- mistä puhumme paljon, mistä vähän ja mistä ei puhuta, mutta pitäisi
- mitkä askeleet vievät työtä eteenpäin
- millaista yhteistyötä nyt tehdään
- kuinka kuntien ja koulujen välinen yhteistyö organisoidaan
- mitä yhteisöllisyys tarkoittaa ja kuinka sitä voidaan kehittää""",
        """\
Av workshopparnas och seminariets resultat sammanställs promemorior som skickas till \
seminariedeltagarna och som används i det fortsatta regionala samarbetet.

Sammandrag av workshopparnas diskussioner:

- vad vi talar mycket om, vad lite och vad vi inte talar om men borde
- vilka steg som för arbetet framåt
- vilket slags samarbete som görs nu
- hur samarbetet mellan kommunerna och skolorna organiseras
- vad gemenskap betyder och hur den kan utvecklas""",
        """\
Memos are compiled from the results of the workshops and the seminar, sent to the \
participants and used in the follow-up work on regional cooperation.

A summary of the workshop discussions:

- what we talk about a lot, what little, and what we do not talk about but should
- which steps take the work forward
- what kind of cooperation is done now
- how cooperation between municipalities and schools is organised
- what community means and how it can be developed""",
    ),
    "agenda": [
        # "Seminaarin alussa esitellään yhteinen pohjustus oppilas- ja
        # opiskelijahuoltolain uudistuksesta ja yhteisöllisen oppilaitoksen
        # kehittämisestä." – two talks.
        _item(
            _S2,
            AgendaKind.INTRO_TALK,
            "9.00",
            "9.45",
            _q(
                "Oppilas- ja opiskelijahuoltolain uudistus",
                "Reformen av lagen om elev- och studerandevård",
                "The reform of the Pupil and Student Welfare Act",
            ),
            speaker="Opetushallituksen opetusneuvos",
        ),
        _item(
            _S2,
            AgendaKind.INTRO_TALK,
            "9.45",
            "10.30",
            _q(
                "Yhteisöllisen oppilaitoksen kehittäminen",
                "Att utveckla en gemenskaplig läroanstalt",
                "Developing a communal institution",
            ),
            speaker="Validia Ammattiopiston koulutusjohtaja",
        ),
        # "aamupäivän yhteisöllisyys-työskentely" (workshop 3) with "Porinaryhmät",
        # the one method of the seed's list that no afternoon workshop uses.
        _item(
            _S2,
            AgendaKind.WORKSHOPS,
            "10.30",
            "11.30",
            _q(
                "Yhteisöllisyys-työskentely",
                "Arbete kring gemenskap",
                "Working on community",
            ),
            description=_q(
                "Kaikki osallistujat keskustelevat porinaryhmissä yhteisöllisestä "
                "opiskeluhuoltotyöstä. Iltapäivän työpaja 3 jatkaa tästä pohjasta.",
                "Alla deltagare diskuterar gemenskapligt studerandevårdsarbete i "
                "bikupor. Eftermiddagens workshop 3 fortsätter på den grunden.",
                "All participants discuss communal student welfare work in buzz "
                "groups. Workshop 3 in the afternoon builds on it.",
            ),
            workshops=(
                _workshop(
                    _q(
                        "Yhteisöllisyys oppilaitoksessa",
                        "Gemenskap i läroanstalten",
                        "Community in the institution",
                    ),
                    description=_q(
                        "Pienryhmät pohtivat kysymystä muutaman minuutin ja kertovat "
                        "sitten ajatuksensa muille.",
                        "Smågrupper funderar på frågan några minuter och berättar "
                        "sedan sina tankar för de andra.",
                        "Small groups think about the question for a few minutes and "
                        "then share their thoughts with the others.",
                    ),
                    method=WorkshopMethod.BUZZ_GROUPS,
                    facilitator="Validia Ammattiopiston kehittämispäällikkö",
                    room="Valtuustosali",
                    seats=None,
                    prompts=[
                        _q(
                            "Mitä yhteisöllisyys tarkoittaa meidän oppilaitoksessamme?",
                            "Vad betyder gemenskap i vår läroanstalt?",
                            "What does community mean in our institution?",
                        ),
                        _q(
                            "Millaista yhteisöllistä opiskeluhuoltotyötä teemme jo nyt?",
                            "Vilket slags gemenskapligt studerandevårdsarbete gör vi "
                            "redan nu?",
                            "What communal student welfare work do we already do?",
                        ),
                        _q(
                            "Miten yhteisöllisen työn osuutta voisi lisätä?",
                            "Hur kunde andelen gemenskapligt arbete ökas?",
                            "How could the share of communal work be increased?",
                        ),
                    ],
                ),
            ),
        ),
        _item(_S2, AgendaKind.BREAK, "11.30", "12.15", _q("Lounas", "Lunch", "Lunch")),
        # "Sen jälkeen osallistujat valitsevat haluamansa työpajan osallistavaa
        # työskentelyä varten:" – Työpaja 1, 2 and 3.
        _item(
            _S2,
            AgendaKind.WORKSHOPS,
            "12.15",
            "14.30",
            _q("Työpajat", "Workshoppar", "Workshops"),
            description=_q(
                "Osallistujat valitsevat haluamansa työpajan osallistavaa työskentelyä "
                "varten.",
                "Deltagarna väljer den workshop de vill delta i.",
                "Each participant chooses a workshop for participatory work.",
            ),
            workshops=(
                _workshop(
                    _q(
                        "Mitä lakimuutos tarkoittaa meidän oppilaitoksessa ja minun "
                        "työssä?",
                        "Vad betyder lagändringen för vår läroanstalt och för mitt "
                        "arbete?",
                        "What does the change in the law mean for our institution and "
                        "for my work?",
                    ),
                    description=_q(
                        "Työpajan keskusteluissa pohditaan lakimuutoksen vaikutusta "
                        "oppilaitokseen. Työpaja alkaa tunnerivillä, minkä jälkeen "
                        "ryhmät kiertävät prosessikävelyn asemia.",
                        "I workshoppen funderar man på hur lagändringen påverkar "
                        "läroanstalten. Workshoppen börjar med en känslolinje, och "
                        "sedan går grupperna runt mellan processvandringens stationer.",
                        "The workshop considers how the change in the law affects the "
                        "institution. It opens with a feeling line; then the groups "
                        "rotate between the stations of a process walk.",
                    ),
                    method=WorkshopMethod.PROCESS_WALK,
                    facilitator="Keudan opiskelijahuollon päällikkö",
                    room="Aula",
                    seats=30,
                    # Stations: the seed's two questions, then its goals "Työntekijätason
                    # näkökulma" and "Oppilaitostason keskeisten muutostarpeiden
                    # tunnistaminen".
                    prompts=[
                        _q(
                            "Mitkä asiat teidän oppilaitoksessa synnyttävät eniten "
                            "keskustelua?",
                            "Vilka frågor väcker mest diskussion i er läroanstalt?",
                            "Which issues raise the most discussion in your "
                            "institution?",
                        ),
                        _q(
                            "Onko jotain lakimuutoksen vaikutusta, mistä ei ole vielä "
                            "keskusteltu lainkaan?",
                            "Finns det någon följd av lagändringen som man inte alls "
                            "har diskuterat ännu?",
                            "Is there an effect of the change in the law that has not "
                            "been discussed at all yet?",
                        ),
                        _q(
                            "Mitä lakimuutos tarkoittaa omassa työyhteisössäni ja "
                            "työssäni?",
                            "Vad betyder lagändringen för min arbetsgemenskap och mitt "
                            "arbete?",
                            "What does the change in the law mean for my work community "
                            "and my work?",
                        ),
                        _q(
                            "Mitkä ovat oppilaitoksemme keskeiset muutostarpeet?",
                            "Vilka är de viktigaste förändringsbehoven i vår "
                            "läroanstalt?",
                            "What are our institution's key needs for change?",
                        ),
                    ],
                ),
                _workshop(
                    _q(
                        "Opiskelijahuollon kokonaisuus lakiuudistuksen jälkeen",
                        "Studerandevården som helhet efter lagreformen",
                        "Student welfare as a whole after the reform",
                    ),
                    description=_q(
                        """\
- Millaista yhteistyötä Keski-Uudellamaalla kannattaa lakiuudistuksen kanssa tehdä?
- Kuinka kuntien ja koulujen välinen yhteistyö organisoidaan?
- Mitä samankaltaisuuksia siinä voisi olla eri paikkakunnilla?
- Voimmeko luoda yhteisen rakenteen hyvinvointisuunnitelmille?

Menetelmänä on tulevaisuustyöskentelyn aarrekartta: missä olemme nyt, mitkä askeleet \
vievät eteenpäin ja missä haluamme olla kahden vuoden kuluttua.""",
                        """\
- Vilket slags samarbete lönar det sig att göra i Mellersta Nyland med lagreformen?
- Hur organiseras samarbetet mellan kommunerna och skolorna?
- Vilka likheter kunde det ha på olika orter?
- Kan vi skapa en gemensam struktur för välfärdsplanerna?

Metoden är skattkartan, en metod för framtidsarbete: var vi står nu, vilka steg som \
för oss framåt och var vi vill stå om två år.""",
                        """\
- What kind of cooperation is worth doing in Central Uusimaa with the reform?
- How is cooperation between municipalities and schools organised?
- What could it have in common from one town to another?
- Can we create a shared structure for wellbeing plans?

The method is the treasure map, a futures method: where we are now, which steps take \
us forward, and where we want to be in two years.""",
                    ),
                    method=WorkshopMethod.TREASURE_MAP,
                    facilitator="Keski-Uudenmaan hyvinvointialueen opiskeluhuollon "
                    "päällikkö",
                    room="Kokoushuone 1",
                    seats=25,
                    # The three parts, with the seed's questions "Missä olemme nyt?",
                    # "Mitkä askeleet vievät työtä eteenpäin" and "Missä haluan, että
                    # olemme kahden vuoden kuluttua?"
                    prompts=[
                        _q(
                            "Nyt: missä olemme nyt? Millaista yhteistyötä kunnat ja "
                            "oppilaitokset tekevät nyt?",
                            "Nu: var står vi nu? Vilket slags samarbete gör kommunerna "
                            "och läroanstalterna nu?",
                            "Now: where are we now? What cooperation do the "
                            "municipalities and institutions do now?",
                        ),
                        _q(
                            "Askeleet: mitkä askeleet vievät työtä eteenpäin?",
                            "Steg: vilka steg för arbetet framåt?",
                            "Steps: which steps take the work forward?",
                        ),
                        _q(
                            "Tavoite: missä haluamme, että olemme kahden vuoden "
                            "kuluttua?",
                            "Mål: var vill vi att vi står om två år?",
                            "Goal: where do we want to be in two years?",
                        ),
                    ],
                ),
                _workshop(
                    _q(
                        "Yhteisöllisyys käytännössä",
                        "Gemenskap i praktiken",
                        "Community in practice",
                    ),
                    description=_q(
                        "Työpajassa jatketaan keskustelua aamupäivän "
                        "yhteisöllisyys-työskentelyn pohjalta ja tuodaan siihen vielä "
                        "lisää konkretiaa. Osallistujat ehdottavat aiheita ja liittyvät "
                        "haluamaansa aiheeseen.",
                        "Workshoppen fortsätter diskussionen från förmiddagens arbete "
                        "kring gemenskap och gör den ännu mer konkret. Deltagarna "
                        "föreslår ämnen och ansluter sig till det ämne de vill.",
                        "The workshop continues from the morning's work on community "
                        "and makes it more concrete still. Participants propose topics "
                        "and join the topic they want.",
                    ),
                    method=WorkshopMethod.OPEN_SPACE,
                    facilitator="Hyrian opiskeluhuollon koordinaattori",
                    room="Valtuustosali",
                    seats=None,
                    prompts=[
                        _q(
                            "Kuinka kehitetään yhteisöllistä oppilaitosta?",
                            "Hur utvecklar man en gemenskaplig läroanstalt?",
                            "How do we develop a communal institution?",
                        ),
                        _q(
                            "Mitä yhteisöllisyys tarkoittaa oppilas- ja "
                            "opiskelijahuollon näkökulmasta käytännön tasolla?",
                            "Vad betyder gemenskap i praktiken ur elev- och "
                            "studerandevårdens synvinkel?",
                            "What does community mean in practice from the point of "
                            "view of pupil and student welfare?",
                        ),
                    ],
                ),
            ),
        ),
        # "Työpajojen keskustelujen tuotoksen esitellään lopuksi kaikille. Loppukoonti
        # toteutetaan seminaarin vetäjien kootessa keskustelut jäsennetysti yhteen."
        _item(
            _S2,
            AgendaKind.WRAP_UP,
            "14.30",
            "15.30",
            _q(
                "Työpajojen tuotokset ja loppukoonti",
                "Workshopparnas resultat och slutsammanfattning",
                "Workshop results and final summing-up",
            ),
            speaker="Seminaarin vetäjät",
            description=_q(
                "Työpajojen keskustelujen tuotokset esitellään kaikille. Loppukoonnissa "
                "seminaarin vetäjät kokoavat keskustelut jäsennetysti yhteen.",
                "Resultaten av workshopparnas diskussioner presenteras för alla. I "
                "slutsammanfattningen sammanför seminariets ledare diskussionerna "
                "strukturerat.",
                "The results of the workshop discussions are presented to everyone. In "
                "the final summing-up the seminar leaders draw the discussions "
                "together in a structured way.",
            ),
        ),
    ],
}

#: In the seed's order; each names its phase by position (1..4) in ``PHASES``.
SEMINARS = [SEMINAR_1_DATA, SEMINAR_2_DATA]
