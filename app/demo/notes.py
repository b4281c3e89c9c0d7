"""Example notes of the demo's workshops, and the memos drafted from them.

Plain data only; ``loader_notes.load_notes`` turns it into rows. Each note is a
sticky note written in the room from a phone, on behalf of a work group of
``data.GROUPS``; its author is the participant who writes for that group in the
online discussion (``comments.AUTHORS``). ``key`` is stored as the note's
``submission_key``: with the author it is how a reload finds the note again.

The notes quote or paraphrase the seed where it has something to say: its summaries
of the seminars ("Mitä tuloksena"), the expectations of the regional work ("Missä
olemme nyt?", "Missä haluan, että olemme kahden vuoden kuluttua?") and its practical
examples of communal work. Everything else is the demo's own.

Times lie inside the workshop block: a buzz group's or treasure map's prompts take
turns; a process walk's groups are at a station in the round the app's rotation puts
them there (group i at station (i + round) mod n, the groups sorted by name, as
``live_queries.rotation`` does when nobody chose the workshop beforehand); an
open-space topic collects notes after it was proposed.

One note is a duplicate the facilitator merged into an earlier one (n007 into n001,
on the first seminar's wall), one was hidden for naming a student (n018).

Memos: the facilitator drafted every workshop memo a day after each seminar; the
first seminar's memos, and its seminar memo, she marked final two hours later; the
second seminar's are still drafts.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from ..i18n import HELSINKI
from ..models import AgendaKind
from .comments import (
    AUTHORS,
    FACILITATOR,
    HYRIA,
    HYVINKAA,
    HYVINVOINTIALUE,
    JARVENPAA,
    KEUDA,
    NURMIJARVI,
    SEURAKUNTAOPISTO,
    VALIDIA,
)
from .phases import PHASES, helsinki
from .seminars import SEMINAR_1_DATA, SEMINAR_2_DATA

#: How long after its writing the facilitator hid a note.
HIDE_DELAY = timedelta(minutes=4)
#: When the memos were drafted and the final ones marked, after the seminar's end.
DRAFTED_AFTER = timedelta(days=1)
FINAL_AFTER = timedelta(days=1, hours=2)

#: The groups in the order the process walk's rotation puts them (by name).
WALK_ORDER = sorted(AUTHORS, key=str.casefold)

#: The groups by the short names the walls below use.
GROUPS_BY_NAME = {
    "Validia": VALIDIA,
    "Hyria": HYRIA,
    "Keuda": KEUDA,
    "Seurakuntaopisto": SEURAKUNTAOPISTO,
    "Järvenpää": JARVENPAA,
    "Hyvinkää": HYVINKAA,
    "Nurmijärvi": NURMIJARVI,
    "Hyvinvointialue": HYVINVOINTIALUE,
}


def _phase(seminar: dict) -> dict:
    return PHASES[seminar["phase"] - 1]


def _clock(seminar: dict, clock: str) -> datetime:
    """The seminar's day at a Helsinki wall-clock time written as the seed does."""
    day = _phase(seminar)["starts_at"].astimezone(HELSINKI).date()
    hour, minute = (int(part) for part in clock.split("."))
    return helsinki(day.year, day.month, day.day, hour, minute)


def _key(number: int) -> str:
    return f"demo-n{number:03d}"


def _wall(
    text: str,
    *,
    merged: dict[int, int] | None = None,
    hidden: dict[int, str] | None = None,
) -> list[dict]:
    """Notes written one a line: number, group (``GROUPS_BY_NAME``), text.

    ``merged`` maps a duplicate's number to the number of the note it was merged
    into, ``hidden`` a hidden note's number to the facilitator's reason.
    """
    notes = []
    for line in text.strip().splitlines():
        number, name, body = line.split(maxsplit=2)
        group = GROUPS_BY_NAME[name]
        note = {
            "key": _key(int(number)),
            "group": group,
            "author": AUTHORS[group],
            "body": body,
        }
        if merged and int(number) in merged:
            note["merged_into"] = _key(merged[int(number)])
        if hidden and int(number) in hidden:
            note["hidden"] = {"reason": hidden[int(number)]}
        notes.append(note)
    return notes


def _timed(note: dict, at: datetime) -> dict:
    note = {**note, "at": at}
    if "hidden" in note:
        note["hidden"] = {**note["hidden"], "at": at + HIDE_DELAY}
    return note


def _spread(seminar: dict, start: str, end: str, notes: list[dict]) -> list[dict]:
    """The notes written one after another between two wall-clock times."""
    return _between(_clock(seminar, start), _clock(seminar, end), notes)


def _between(first: datetime, last: datetime, notes: list[dict]) -> list[dict]:
    step = (last - first) / (len(notes) + 1)
    return [
        _timed(note, (first + step * (i + 1)).replace(second=0, microsecond=0))
        for i, note in enumerate(notes)
    ]


#: The process walk's rounds (after the feeling line that opens the workshop).
WALK_ROUNDS = (
    ("12.30", "13.00"),
    ("13.00", "13.30"),
    ("13.30", "14.00"),
    ("14.00", "14.30"),
)


def _station(index: int, notes: list[dict]) -> list[dict]:
    """A station's notes, each written in the round its group stood there."""
    stations = len(WALK_ROUNDS)
    timed = []
    for note in notes:
        place = WALK_ORDER.index(note["group"])
        start, _end = WALK_ROUNDS[(index - place) % stations]
        # Two groups share a station in each round; the second writes a bit later.
        minutes = 8 + 6 * (place // stations)
        timed.append(
            _timed(note, _clock(SEMINAR_2_DATA, start) + timedelta(minutes=minutes))
        )
    return sorted(timed, key=lambda note: note["at"])


def _topic(group: str, clock: str, question: str, notes: list[dict]) -> dict:
    """An open-space topic a participant proposed, with the notes it collected."""
    proposed = _clock(SEMINAR_2_DATA, clock)
    until = _clock(SEMINAR_2_DATA, "14.15")
    return {
        "group": group,
        "author": AUTHORS[group],
        "question": question,
        "at": proposed,
        "notes": _between(proposed + timedelta(minutes=5), until, notes),
    }


def _workshop(
    seminar: dict,
    block: int,
    number: int,
    prompts: list[list[dict]],
    *,
    topics: tuple[dict, ...] = (),
    current: int = 1,
) -> dict:
    """Notes of the ``number``-th workshop of the seminar's ``block``-th workshop block.

    The workshop is named by its natural keys (phase, agenda position, position), and
    ``current`` by the position of the prompt the projector shows first.
    """
    blocks = [
        position
        for position, item in enumerate(seminar["agenda"], start=1)
        if item["kind"] is AgendaKind.WORKSHOPS
    ]
    return {
        "phase": seminar["phase"],
        "agenda_item": blocks[block - 1],
        "workshop": number,
        "current": current,
        "prompts": prompts,
        "topics": list(topics),
    }


_S1, _S2 = SEMINAR_1_DATA, SEMINAR_2_DATA

# Seminar 1, 7.10.2026, workshops 14.05–14.40 -----------------------------------------

#: Palveluiden järjestäminen (buzz groups): tavoitteet, tahto, toiveet, tarpeet.
SERVICES = _workshop(
    _S1,
    1,
    1,
    [
        # Tavoitteet
        _spread(
            _S1,
            "14.06",
            "14.15",
            _wall(
                """\
  1 Validia          Opiskelija saa saman tuen kotikunnasta ja oppilaitoksesta riippumatta.
  2 Järvenpää        Yhteinen koulutuksen järjestäjien ohjausryhmä koko Järvenpään alueelle.
  3 Hyvinvointialue  Siirtymävaiheissa kukaan ei putoa palveluiden väliin.
  4 Keuda            Yksi sopimus, vaikka toimipisteitä on kuudessa kunnassa.
  5 Hyvinkää         Palvelukuvaukset ja mallinnetut asiakasprosessit koko seudulle.
  6 Nurmijärvi       Selkeä työnjako: mikä on kunnan, mikä oppilaitoksen vastuulla?
  7 Hyria            Opiskelijalle sama tuki asuinkunnasta ja oppilaitoksesta riippumatta.
""",
                # The same thought as n001 from another table: merged into it.
                merged={7: 1},
            ),
        ),
        # Tahto
        _spread(
            _S1,
            "14.15",
            "14.22",
            _wall(
                """\
  8 Hyvinkää         Hyvinkään 0–25-ryhmä toimii myös koulutuksen järjestäjien ohjausryhmänä.
  9 Seurakuntaopisto Tapaamme kuntien opiskeluhuollon vähintään kahdesti lukuvuodessa.
 10 Validia          Validia koordinoi alueellista verkostoa ainakin seuraavan lukuvuoden.
 11 Hyvinvointialue  Nimetty yhteyshenkilö jokaiseen toisen asteen toimipisteeseen.
 12 Järvenpää        Uskalletaan tehdä päätöksiä seutukunnallisesti, ei vain kunta kerrallaan.
"""
            ),
        ),
        # Toiveet
        _spread(
            _S1,
            "14.22",
            "14.29",
            _wall(
                """\
 13 Keuda            Kunnilta linjaus palvelutasosta: mitä palveluita ja millaisissa rakenteissa?
 14 Nurmijärvi       Oppilaitoksilta tieto, paljonko nurmijärveläisiä niissä opiskelee.
 15 Hyria            Hyvät käytännöt jakoon, ei saman asian kehittämistä moneen kertaan.
 16 Hyvinvointialue  Terveydenhoitaja kutsutaan yhteisöllisiin ryhmiin alusta asti.
 17 Validia          Päättäjät ja hallinnonalat samaan pöytään, myös kuntien edustajat.
 18 Seurakuntaopisto Esim. Ville 2B:ltä jäi ilman kuraattoria koko syksyn, soittakaa äidille.
""",
                # A student's name on the room's wall: the facilitator hid it.
                hidden={
                    18: "Yksittäisen opiskelijan tunnistettavia tietoja: ne eivät "
                    "kuulu yhteiselle seinälle."
                },
            ),
        ),
        # Tarpeet
        _spread(
            _S1,
            "14.29",
            "14.37",
            _wall(
                """\
 19 Järvenpää        Säännöllinen foorumi, jossa kunnat ja oppilaitokset tapaavat.
 20 Hyvinkää         Yhteinen yhteystietolista: kuka vastaa mistäkin kunnassa ja oppilaitoksessa.
 21 Keuda            Sovittu tapa siirtää tieto opiskelijan tuesta nivelvaiheessa.
 22 Nurmijärvi       Rahoitusmalli: kuka maksaa, kun opiskelija asuu toisessa kunnassa?
 23 Hyvinvointialue  Aikaa yhteisölliseen työhön: kuraattoreilla ja psykologeilla 30 % työajasta.
 24 Validia          Mallintamisen ammattilaiset avuksi alueellisen toimintamallin kuvaamiseen.
"""
            ),
        ),
    ],
)

#: Osaamisen kehittämistarpeet (buzz groups): one prompt per staff group.
COMPETENCE = _workshop(
    _S1,
    1,
    2,
    [
        # Oppilaitoksen henkilöstö
        _spread(
            _S1,
            "14.06",
            "14.17",
            _wall(
                """\
 25 Seurakuntaopisto Jokainen opettaja mieltää itsensä myös kasvattajaksi, johdon tuella.
 26 Validia          Huolen puheeksi ottaminen ja ohjaaminen opiskeluhuollon palveluihin.
 27 Hyria            Ryhmäyttäminen: opiskelijaryhmä opiskelun sosiaalisena voimavarana.
 28 Keuda            Perustieto uudesta laista koko henkilöstölle, ei vain opiskeluhuollolle.
 29 Järvenpää        Tietosuoja arjessa: mitä opettaja saa kertoa ja kenelle?
"""
            ),
        ),
        # Opiskelijahuollon henkilöstö
        _spread(
            _S1,
            "14.17",
            "14.28",
            _wall(
                """\
 30 Hyria            Yhteisöllisen työn menetelmiä, kun yksilötyö täyttää kalenterin.
 31 Keuda            Monialaisen asiantuntijaryhmän kokoaminen ja kirjaaminen uuden lain mukaan.
 32 Hyvinvointialue  Konsultatiivinen työnohjaus ja matalan kynnyksen konsultaatio erikoissairaanhoidosta.
 33 Nurmijärvi       Talous- ja velkaneuvonnan perusteet osaksi opiskelijapalveluja.
 34 Seurakuntaopisto Kouluterveyskyselyn tulokset yhteisöllisen työn kohdentamisen pohjaksi.
 35 Validia          Muutos vaatii tukea, esimerkiksi työnohjauksen muodossa.
"""
            ),
        ),
        # Opiskeluterveydenhuollon henkilöstö
        _spread(
            _S1,
            "14.28",
            "14.38",
            _wall(
                """\
 36 Hyvinvointialue  Oppilaitoksen arki tutuksi: terveydenhoitaja mukaan yhteisöllisiin ryhmiin.
 37 Hyvinkää         Hoitoketjut kuntoon nuorisopsykiatrian kanssa: kuka ohjaa ja minne?
 38 Keuda            Terveydenhoitajille 15 % työajasta yhteisölliseen työhön: mitä se tarkoittaa?
 39 Järvenpää        Mielenterveyden ensiapu ja varhainen tunnistaminen koko tiimille.
 40 Hyria            Ajantasaiset päihdetyön menetelmät, teemapäivät yhdessä nuorisotyön kanssa.
"""
            ),
        ),
    ],
)

# Seminar 2, 11.11.2026: the morning's community work, 10.30–11.30 -------------------

#: Yhteisöllisyys oppilaitoksessa (buzz groups, everyone).
COMMUNITY = _workshop(
    _S2,
    1,
    1,
    [
        # Mitä yhteisöllisyys tarkoittaa?
        _spread(
            _S2,
            "10.33",
            "10.50",
            _wall(
                """\
 41 Validia          Jokainen opiskelija tuntee kuuluvansa ryhmään ja oppilaitokseen.
 42 Seurakuntaopisto Asuntolan illat ja yhteiset ruokailut ovat yhteisöllisyyttä parhaimmillaan.
 43 Keuda            Koko henkilöstö huolehtii hyvinvoinnista, ei vain opiskeluhuolto.
 44 Hyria            Opiskelijat pääsevät itse vaikuttamaan oppilaitoksen arkeen.
 45 Nurmijärvi       Turvallinen ilmapiiri, jossa kiusaamiseen puututaan heti.
"""
            ),
        ),
        # Mitä teemme jo nyt?
        _spread(
            _S2,
            "10.50",
            "11.08",
            _wall(
                """\
 46 Hyria            Kuraattori mukana ryhmänohjaajan tunneilla kiertävästi vuosikellon aiheilla.
 47 Hyvinvointialue  Hyvinvointi- ja stressinhallintatunnit ensimmäisen vuoden opiskelijoille.
 48 Keuda            Yhteisöllinen opiskeluhuoltoryhmä kokoontuu kuukausittain jokaisessa toimipisteessä.
 49 Hyvinkää         Ehkäisevän päihdetyön teemapäivä nuorisotyön ja järjestöjen kanssa.
 50 Validia          Kouluterveyskyselyn tulokset käydään läpi opettajakokouksessa joka syksy.
 51 Järvenpää        Draamaharjoituksia kiusaamistilanteista yhdessä opettajan kanssa.
"""
            ),
        ),
        # Miten osuutta voisi lisätä?
        _spread(
            _S2,
            "11.08",
            "11.27",
            _wall(
                """\
 52 Keuda            Kiinteät ajat yhteisölliselle työlle kalenteriin ennen yksilötapaamisia.
 53 Seurakuntaopisto Opiskelijakunta mukaan suunnittelemaan teemapäiviä ja tempauksia.
 54 Hyvinvointialue  Yhteisöllisen työn määrää ja laatua seurataan yhteisellä mittarilla.
 55 Validia          Vapaamuotoiset keskustelut käytävillä ja ruokalassa lasketaan myös työksi.
 56 Nurmijärvi       Kuntien nuorisotyö mukaan oppilaitosten yhteisöllisiin palavereihin.
"""
            ),
        ),
    ],
)

# Seminar 2, the afternoon workshops, 12.15–14.30 -------------------------------------

#: Työpaja 1 (process walk): four stations, the groups rotating.
WALK = _workshop(
    _S2,
    2,
    1,
    [
        # Mistä puhutaan eniten?
        _station(
            0,
            _wall(
                """\
 57 Validia          Kuka kutsuu monialaisen asiantuntijaryhmän koolle ja kuka kirjaa?
 58 Keuda            Miten kuuden kunnan toimipisteet saavat samantasoiset palvelut?
 59 Hyria            Kuraattorien ja psykologien siirtyminen hyvinvointialueen työntekijöiksi.
 60 Seurakuntaopisto Asuntolassa asuvien opiskelijoiden tuki iltaisin ja viikonloppuisin.
 61 Hyvinvointialue  Tiedonkulku: mitä saa kertoa opettajalle ilman opiskelijan lupaa?
 62 Järvenpää        Opiskeluhuollon suunnitelman päivittäminen ja kenen vastuulla se on.
 63 Nurmijärvi       Resurssien jako, kun opiskelijat tulevat monesta eri kunnasta.
"""
            ),
        ),
        # Mistä ei ole puhuttu?
        _station(
            1,
            _wall(
                """\
 64 Hyvinkää         Huoltajien osallistuminen täysi-ikäisten opiskelijoiden asioihin.
 65 Keuda            Miten opiskelijoiden oma ääni kuuluu opiskeluhuollon kehittämisessä?
 66 Validia          Yhteys lastensuojelulain hyvinvointisuunnitelmaan: siitä ei ole puhuttu.
 67 Hyria            Oppisopimusopiskelijat työpaikoilla: kuka tukee heitä?
 68 Nurmijärvi       Mitä tapahtuu, kun opiskelija keskeyttää ja jää kaikkien palveluiden ulkopuolelle?
 69 Hyvinvointialue  Rekisterit ja arkistointi: mihin kirjaukset tallennetaan jatkossa?
"""
            ),
        ),
        # Oma työyhteisö ja työ
        _station(
            2,
            _wall(
                """\
 70 Hyria            Enemmän aikaa luokissa, vähemmän yksittäisiä vastaanottoaikoja.
 71 Seurakuntaopisto Opettajana opin tunnistamaan, milloin ohjaan opiskelijan eteenpäin.
 72 Hyvinvointialue  Huoli oman työn jatkuvuudesta ja vaikutusmahdollisuuksista muutoksessa.
 73 Järvenpää        Esimiehenä vastaan siitä, että ohjausryhmä oikeasti kokoontuu.
 74 Keuda            Kirjaamiskäytännöt muuttuvat, joten koulutusta tarvitaan heti keväällä.
 75 Validia          Yhteistyö kuntien kanssa tulee osaksi arkea, ei erillisprojektiksi.
 76 Hyvinkää         Uusi rooli kaupunkitason opiskeluhuoltoryhmän jäsenenä.
"""
            ),
        ),
        # Keskeiset muutostarpeet
        _station(
            3,
            _wall(
                """\
 77 Keuda            Oma yhteisöllinen opiskeluhuoltoryhmä jokaiseen toimipisteeseen.
 78 Validia          Luovutaan rohkeasti vanhoista, toimimattomista rakenteista.
 79 Nurmijärvi       Kuntien ja oppilaitosten yhteinen vuosikello opiskeluhuollolle.
 80 Hyria            Opiskeluhuollon suunnitelma osaksi arkea eikä mappiin hyllylle.
 81 Seurakuntaopisto Opiskelijoiden ja huoltajien kuuleminen suunnitelmaa laadittaessa.
 82 Hyvinvointialue  Selkeät hoitoketjut erikoissairaanhoitoon ja nimetty yhteyshenkilö.
"""
            ),
        ),
    ],
)

#: Työpaja 2 (treasure map): now, steps, goal.
TREASURE = _workshop(
    _S2,
    2,
    2,
    [
        # Nyt
        _spread(
            _S2,
            "12.25",
            "13.05",
            _wall(
                """\
 83 Nurmijärvi       Palvelut vaihtelevat paljon kunnittain ja ikäryhmittäin.
 84 Järvenpää        Järvenpäässä yhteinen ohjausryhmä on jo perustettu.
 85 Keuda            Kenttä on hajallaan: heikkoja signaaleja tunnistetaan, suunta puuttuu.
 86 Hyvinkää         Hyvinkään 0–25-ryhmä kokoaa lasten ja nuorten palvelut yhteen.
 87 Hyvinvointialue  Kunnilta odotetaan vielä linjausta palvelutasosta.
 88 Validia          Oppilaitokset tekevät jo yhteistyötä, kunnat mukana vaihtelevasti.
"""
            ),
        ),
        # Askeleet
        _spread(
            _S2,
            "13.05",
            "13.45",
            _wall(
                """\
 89 Hyvinvointialue  Yhteinen runko oppilaitoskohtaisille opiskeluhuollon suunnitelmille.
 90 Hyria            Alueellinen yhteistyöryhmä, joka kokoontuu neljästi vuodessa.
 91 Nurmijärvi       Palvelukuvaukset ja asiakasprosessit mallinnetaan yhdessä ammattilaisten kanssa.
 92 Validia          Kokeillaan laajennettua kaupunkitason opiskeluhuoltoryhmää Hyvinkäällä ja Järvenpäässä.
 93 Keuda            Sovitaan, kuka vastaa yhteistyön aloitteellisuudesta.
 94 Seurakuntaopisto Yhteiset koulutuspäivät oppilaitosten ja kuntien työntekijöille.
"""
            ),
        ),
        # Tavoite
        _spread(
            _S2,
            "13.45",
            "14.25",
            _wall(
                """\
 95 Järvenpää        Aluetasolla sovittu peruspalvelutaso, joka räätälöidään yksikkötasolla.
 96 Hyvinkää         Opiskelija saa saman tuen kuntarajoista riippumatta.
 97 Hyria            Yhteinen rakenne hyvinvointisuunnitelmille koko Keski-Uudellamaalla.
 98 Hyvinvointialue  Monialainen yhteistyö toimii saumattomasti ja luottamus on kasvanut.
 99 Validia          Työntekijät kokevat työniloa ja onnistuvat yhdessä.
100 Nurmijärvi       Koulupudokkaita on vähemmän, ja sen voi osoittaa luvuilla.
"""
            ),
        ),
    ],
)

#: Työpaja 3 (open space): the seed's two questions, then the participants' topics.
OPEN_SPACE = _workshop(
    _S2,
    2,
    3,
    [
        # Both questions at once while the room settles: Kuinka kehitetään...?
        _spread(
            _S2,
            "12.18",
            "12.35",
            _wall(
                """\
101 Hyria            Pienin askelin: alkuun yksi yhteinen teemapäivä lukukaudessa.
102 Seurakuntaopisto Opiskelijat suunnittelemaan alusta asti, ei vasta antamaan palautetta.
103 Keuda            Johto näyttää esimerkkiä ja varaa työaikaa yhteisölliseen työhön.
104 Hyvinkää         Nuorisotyö ja järjestöt kumppaneiksi oppilaitoksen arkeen.
"""
            ),
        ),
        # Mitä yhteisöllisyys tarkoittaa käytännön tasolla?
        _spread(
            _S2,
            "12.18",
            "12.35",
            _wall(
                """\
105 Hyvinvointialue  Terveydenhoitaja tapaa ryhmiä eikä vain yksittäisiä opiskelijoita.
106 Validia          Psykologi sanoittaa arjen tilanteita opettajien ja opiskelijoiden kanssa.
107 Järvenpää        Ilmiöihin reagoidaan yhdessä, kun huoli nousee monesta suunnasta.
108 Nurmijärvi       Koko yhteisön hyvinvointi on yhtä tärkeää kuin yksilön tuki.
"""
            ),
        ),
    ],
    topics=(
        _topic(
            KEUDA,
            "12.36",
            "Ryhmäytyminen opintojen alussa",
            _wall(
                """\
109 Hyria            Ensimmäinen viikko yhteisiä tehtäviä ennen varsinaisia opintoja.
110 Keuda            Ryhmänohjaaja ja kuraattori vetävät ryhmäytyksen yhdessä.
111 Validia          Myös kesken vuoden aloittavat tarvitsevat oman ryhmäytyksen.
112 Seurakuntaopisto Asuntolan tutor-opiskelijat vastaanottamaan uusia opiskelijoita.
113 Hyvinkää         Opiskelijoilta kysytään kuukauden päästä, miten ryhmäytys onnistui.
"""
            ),
        ),
        _topic(
            HYVINVOINTIALUE,
            "12.37",
            "Terveydenhoitaja ja kuraattori luokkiin",
            _wall(
                """\
114 Hyvinvointialue  Yhteisiä oppitunteja opettajan kanssa vuosikellon teemoista.
115 Hyria            Tunnetaidot ja stressinhallinta ensimmäisen vuoden ryhmille.
116 Nurmijärvi       Sama malli kuin yläkoulussa: kiertävä luokanvalvojan tunti.
117 Järvenpää        Työaika tähän sovitaan esimiesten kesken etukäteen.
"""
            ),
        ),
        _topic(
            SEURAKUNTAOPISTO,
            "12.38",
            "Opiskelijoiden osallisuus ja oma ääni",
            _wall(
                """\
118 Seurakuntaopisto Opiskelijakunnan edustaja valitaan opiskeluhuoltoryhmän jäseneksi.
119 Validia          Kysytään opiskelijoilta, mitä he odottavat hyvinvoinnin tuelta.
120 Keuda            Kouluterveyskyselyn tulokset käsitellään yhdessä opiskelijoiden kanssa.
121 Hyvinkää         Nuorisovaltuusto kutsutaan mukaan alueelliseen kehittämiseen.
122 Hyvinvointialue  Palautekanava, johon voi kirjoittaa myös nimettömänä.
"""
            ),
        ),
        _topic(
            JARVENPAA,
            "12.40",
            "Yhteistyö nuorisotyön kanssa",
            _wall(
                """\
123 Järvenpää        Nuorisotyöntekijät kutsutaan yhteisölliseen opiskeluhuoltopalaveriin joka kuukausi.
124 Hyvinkää         Yhteinen teemailtapäivä ehkäisevästä päihdetyöstä keväällä.
125 Nurmijärvi       Etsivä nuorisotyö tavoittaa keskeyttäneet, kun tieto kulkee oppilaitokselta.
126 Hyria            Nuorisotilat ja oppilaitos jakavat havaintoja ilmiöistä ajoissa.
"""
            ),
        ),
    ),
)


def _memos(seminar: dict, *, final: bool, seminar_memo: bool) -> dict:
    ends = _phase(seminar)["ends_at"]
    return {
        "phase": seminar["phase"],
        "drafted_at": ends + DRAFTED_AFTER,
        "final_at": ends + FINAL_AFTER if final else None,
        "seminar_memo": seminar_memo,
    }


NOTES = {
    #: Who drafted the memos and hid the note: the demo's facilitator.
    "by": FACILITATOR,
    "workshops": [SERVICES, COMPETENCE, COMMUNITY, WALK, TREASURE, OPEN_SPACE],
    "memos": [
        _memos(_S1, final=True, seminar_memo=True),
        _memos(_S2, final=False, seminar_memo=False),
    ],
}
