"""The four phases of the Keski-Uusimaa demo, in the seed's order, on the autumn 2026 calendar.

The first seminar and discussion lie in the past (the discussion is closed, so every
comment reads as it would after the close); the second discussion, with its ballot,
runs from 16.11. to 4.12.2026.
"""

from __future__ import annotations

from datetime import UTC, datetime

from ..i18n import HELSINKI
from ..models import PhaseKind


def helsinki(
    year: int, month: int, day: int, hour: int = 0, minute: int = 0
) -> datetime:
    """Return a Helsinki wall-clock time as an aware UTC datetime (as it is stored)."""
    return datetime(year, month, day, hour, minute, tzinfo=HELSINKI).astimezone(UTC)


SEMINAR_1 = {
    "kind": PhaseKind.SEMINAR,
    "starts_at": helsinki(2026, 10, 7, 13, 0),
    "ends_at": helsinki(2026, 10, 7, 15, 0),
    "title": {
        "fi": "Alueellinen työpajaseminaari 1",
        "sv": "Regionalt workshopseminarium 1",
        "en": "Regional workshop seminar 1",
    },
    "description": {
        "fi": """\
Iltapäiväseminaari klo 13.00–15.00. Tavoitteena on koota kuntien ja koulutuksen \
järjestäjien sekä opiskeluhuollon ja opiskeluterveydenhuollon johtoa ja esimiehiä yhdessä \
valmistautumaan oppilas- ja opiskelijahuoltolain uudistukseen.

**Esittelypuheenvuorot**

- oppilas- ja opiskelijahuollon lain uudistuminen hyvinvoivan oppimisympäristön edistäjänä
- nuorten yhteiskuntatakuun alueellinen malli
- oppilas- ja opiskelijahuollon lakiuudistuksen sisältö

Puheenvuorojen jälkeen kuullaan kommenttipuheenvuoroja ja keskustellaan yhdessä. Sen \
jälkeen osallistujat jakautuvat työpajoihin:

1. **Palveluiden järjestäminen** – kunnan ja koulutuksen järjestäjän yhteistyö
2. **Osaamisen kehittämistarpeet** – oppilaitoksen henkilöstö sekä opiskeluhuollon ja \
opiskeluterveydenhuollon henkilöstö

Työpajoissa kootaan aiheisiin liittyviä tavoitteita, tahtoa, toiveita ja tarpeita, ja \
tuotokset esitellään kaikille. Lopuksi sovitaan alueellisen yhteistyön jatkamisesta.

**Tuotos:** kommenttipuheenvuoroista ja keskusteluista kootaan muistiot osallistujille ja \
alueellisen yhteistyön jatkotyöstämisen pohjaksi.""",
        "sv": """\
Eftermiddagsseminarium kl. 13.00–15.00. Målet är att samla ledningen och cheferna för \
kommunerna, utbildningsanordnarna, studerandevården och studerandehälsovården för att \
tillsammans förbereda sig för reformen av lagen om elev- och studerandevård.

**Inledningsanföranden**

- reformen av lagen om elev- och studerandevård som ett sätt att främja en välmående lärmiljö
- den regionala modellen för ungdomarnas samhällsgaranti
- innehållet i reformen av lagen om elev- och studerandevård

Efter anförandena följer kommentarsanföranden och en gemensam diskussion. Därefter delar \
deltagarna upp sig i workshoppar:

1. **Ordnandet av tjänster** – samarbetet mellan kommunen och utbildningsanordnaren
2. **Behov av kompetensutveckling** – läroanstaltens personal samt personalen inom \
studerandevården och studerandehälsovården

I workshopparna samlar man mål, vilja, önskemål och behov kring ämnet, och resultaten \
presenteras för alla. Till sist kommer man överens om hur det regionala samarbetet fortsätter.

**Resultat:** av kommentarsanförandena och diskussionerna sammanställs promemorior till \
deltagarna och som grund för det fortsatta regionala samarbetet.""",
        "en": """\
An afternoon seminar, 13.00–15.00. It brings together the management and supervisors of \
the municipalities, the education providers, student welfare and student health care to \
prepare jointly for the reform of the Pupil and Student Welfare Act.

**Introductory talks**

- the reform of the pupil and student welfare act as a promoter of a wellbeing learning \
environment
- the regional model of the youth guarantee
- the content of the pupil and student welfare reform

The talks are followed by comment talks and a joint discussion. The participants then split \
into workshops:

1. **Organising services** – cooperation between the municipality and the education provider
2. **Competence development needs** – the institution's staff, and the staff of student \
welfare and student health care

The workshops gather goals, will, wishes and needs on their topic, and the results are \
presented to everyone. Finally the participants agree on how regional cooperation continues.

**Output:** memos of the comment talks and discussions, sent to the participants and used \
as the basis for the follow-up work.""",
    },
}

DISCUSSION_1 = {
    "kind": PhaseKind.DISCUSSION,
    "starts_at": helsinki(2026, 10, 12, 9, 0),
    "ends_at": helsinki(2026, 10, 30, 16, 0),
    "title": {
        "fi": "Alueellisen yhteistyön pohjustus – verkkokeskustelu",
        "sv": "Grunden för det regionala samarbetet – webbdiskussion",
        "en": "Laying the groundwork for regional cooperation – online discussion",
    },
    "description": {
        "fi": """\
Verkkokeskusteluun osallistuminen kestää noin puoli tuntia. Tavoitteena on käynnistää \
alueellinen yhteistyö ja valmistautua yhdessä oppilas- ja opiskelijahuoltolain uudistukseen.

Kukin toimijataho käsittelee aihetta omassa vakiintuneessa työryhmäpalaverissaan. Työryhmä \
katsoo ensin edustajaryhmän keskustelusta tehdyn videon ja kokoaa sitten ajatuksensa \
verkkoalustalle seuraaviin kysymyksiin:

1. Mitä sinulle merkityksellistä kuulit videon keskustelussa?
2. Mitä vaikutuksia lakimuutoksella on omaan työhönne?
3. Mitä annettavaa teillä on alueelliseen yhteistyöhön? Mitä voisitte saada alueelliselta \
yhteistyöltä?

Kaikki osallistujat pääsevät lukemaan muiden kommentteja.

**Tuotos:** verkkokeskusteluista kootaan tiivistelmä kaikille osallistujille ja toisen \
seminaarin työpajojen pohjaksi.""",
        "sv": """\
Att delta i webbdiskussionen tar ungefär en halvtimme. Målet är att starta det regionala \
samarbetet och att tillsammans förbereda sig för reformen av lagen om elev- och \
studerandevård.

Varje aktör behandlar ämnet på sitt eget etablerade arbetsgruppsmöte. Arbetsgruppen ser \
först en video av representantgruppens diskussion och samlar sedan sina tankar på \
webbplattformen kring följande frågor:

1. Vad hörde du i videodiskussionen som var betydelsefullt för dig?
2. Hur påverkar lagändringen ert eget arbete?
3. Vad har ni att ge det regionala samarbetet? Vad kunde ni få av det regionala samarbetet?

Alla deltagare kan läsa de andras kommentarer.

**Resultat:** av webbdiskussionerna sammanställs ett sammandrag till alla deltagare och som \
underlag för workshopparna i det andra seminariet.""",
        "en": """\
Taking part in the online discussion takes about half an hour. The aim is to start regional \
cooperation and to prepare together for the reform of the Pupil and Student Welfare Act.

Each organisation takes up the topic in its own regular work group meeting. The work group \
first watches a video of the representative group's discussion and then gathers its \
thoughts on the platform under these questions:

1. What did you hear in the video discussion that was meaningful to you?
2. How does the change in the law affect your own work?
3. What can you give to regional cooperation? What could you gain from it?

Everyone taking part can read the others' comments.

**Output:** a summary of the online discussions for all participants and for the workshops \
of the second seminar.""",
    },
}

SEMINAR_2 = {
    "kind": PhaseKind.SEMINAR,
    "starts_at": helsinki(2026, 11, 11, 9, 0),
    "ends_at": helsinki(2026, 11, 11, 15, 30),
    "title": {
        "fi": "Alueellinen työpajaseminaari 2",
        "sv": "Regionalt workshopseminarium 2",
        "en": "Regional workshop seminar 2",
    },
    "description": {
        "fi": """\
Koko päivän seminaari klo 9.00–15.30. Tavoitteena on edistää alueellista yhteistyötä ja \
vuorovaikutusta oppimisympäristöjen hyvinvoinnin kehittämisessä. Aluksi esitellään yhteinen \
pohjustus oppilas- ja opiskelijahuoltolain uudistuksesta ja yhteisöllisen oppilaitoksen \
kehittämisestä. Sen jälkeen kukin valitsee työpajan:

1. **Mitä lakimuutos tarkoittaa meidän oppilaitoksessa ja minun työssä?** Mitkä asiat \
synnyttävät oppilaitoksessanne eniten keskustelua? Onko lakimuutoksella vaikutuksia, joista \
ei ole vielä keskusteltu lainkaan? *Menetelmät: tunnerivi ja prosessikävely.*
2. **Opiskelijahuollon kokonaisuus lakiuudistuksen jälkeen.** Millaista yhteistyötä \
Keski-Uudellamaalla kannattaa tehdä? Kuinka kuntien ja koulujen välinen yhteistyö \
organisoidaan? Voimmeko luoda yhteisen rakenteen hyvinvointisuunnitelmille? *Menetelmä: \
tulevaisuustyöskentelyn aarrekartta.*
3. **Yhteisöllisyys käytännössä.** Kuinka kehitetään yhteisöllistä oppilaitosta? Mitä \
yhteisöllisyys tarkoittaa oppilas- ja opiskelijahuollon näkökulmasta käytännön tasolla? \
*Menetelmä: open space.*

Työpajojen tuotokset esitellään lopuksi kaikille, ja seminaarin vetäjät kokoavat \
keskustelut jäsennetysti yhteen.

**Tuotos:** työpajojen ja seminaarin tuotoksista kootaan muistiot osallistujille ja \
alueellisen yhteistyön jatkotyöstämisen pohjaksi.""",
        "sv": """\
Heldagsseminarium kl. 9.00–15.30. Målet är att främja regionalt samarbete och växelverkan \
i utvecklingen av välmående lärmiljöer. Först presenteras en gemensam introduktion till \
reformen av lagen om elev- och studerandevård och till utvecklingen av en gemenskaplig \
läroanstalt. Därefter väljer var och en en workshop:

1. **Vad betyder lagändringen för vår läroanstalt och för mitt arbete?** Vilka frågor väcker \
mest diskussion i er läroanstalt? Har lagändringen följder som man inte har diskuterat \
alls? *Metoder: känslolinje och processvandring.*
2. **Studerandevården som helhet efter lagreformen.** Vilket slags samarbete lönar det sig \
att göra i Mellersta Nyland? Hur organiseras samarbetet mellan kommunerna och skolorna? Kan \
vi skapa en gemensam struktur för välfärdsplanerna? *Metod: skattkarta, en metod för \
framtidsarbete.*
3. **Gemenskap i praktiken.** Hur utvecklar man en gemenskaplig läroanstalt? Vad betyder \
gemenskap i praktiken ur elev- och studerandevårdens synvinkel? *Metod: open space.*

Till sist presenteras workshopparnas resultat för alla, och seminariets ledare \
sammanfattar diskussionerna strukturerat.

**Resultat:** av workshopparnas och seminariets resultat sammanställs promemorior till \
deltagarna och som grund för det fortsatta regionala samarbetet.""",
        "en": """\
A full-day seminar, 9.00–15.30. The aim is to promote regional cooperation and interaction \
in developing wellbeing in learning environments. It opens with a shared introduction to \
the reform of the Pupil and Student Welfare Act and to developing a communal institution. \
Each participant then chooses a workshop:

1. **What does the change in the law mean for our institution and for my work?** Which \
issues raise the most discussion in your institution? Does the change have effects that \
have not been discussed at all? *Methods: feeling line and process walk.*
2. **Student welfare as a whole after the reform.** What kind of cooperation is worth \
doing in Central Uusimaa? How is cooperation between municipalities and schools \
organised? Can we create a shared structure for wellbeing plans? *Method: treasure map, \
a futures method.*
3. **Community in practice.** How do we develop a communal institution? What does community \
mean in practice from the point of view of pupil and student welfare? *Method: open space.*

At the end the workshops present their results to everyone, and the seminar leaders draw \
the discussions together.

**Output:** memos of the workshops and the seminar, sent to the participants and used as \
the basis for the follow-up work.""",
    },
}

DISCUSSION_2 = {
    "kind": PhaseKind.DISCUSSION,
    "starts_at": helsinki(2026, 11, 16, 9, 0),
    "ends_at": helsinki(2026, 12, 4, 16, 0),
    "title": {
        "fi": "Alueellisen yhteistyön jatkotyöstäminen – verkkokeskustelu",
        "sv": "Fortsatt arbete med det regionala samarbetet – webbdiskussion",
        "en": "Taking regional cooperation further – online discussion",
    },
    "description": {
        "fi": """\
Verkkokeskusteluun osallistuminen kestää noin puoli tuntia. Toisen seminaarin tuotoksista \
on koottu ehdotuksia jatkotyöskentelyä varten. Nyt kootaan kommentteja siitä, mitkä ovat \
tärkeimpiä aiheita alueellisen yhteistyön jatkotyöskentelyyn. Kukin toimijataho käsittelee \
aihetta omassa työryhmäpalaverissaan.

Työryhmä keskustelee ja kokoaa ajatuksensa seuraaviin kysymyksiin:

1. Mitkä asiat teidän oppilaitoksessa voisivat eniten hyötyä yhteisestä työstämisestä?
2. Mihin asioihin kannattaisi seuraavaksi käytettävissä olevat yhteistyön resurssit \
lähiaikoina suunnata?

**Äänestys:** keskustelun jälkeen työryhmä äänestää tärkeimmät yhteisen kehittämisen \
aihealueet prosessin 12 teeman joukosta. Kukin työryhmä äänestää kerran koko ryhmän \
puolesta. Osallistujat näkevät muiden kommentit ja äänestyksen yhteenvedon.

**Tuotos:** kommenteista ja äänestyksen tuloksista tehdään ehdotus alueellisen yhteistyön \
jatkotyöstämisen periaatteista ja suunnittelun resursoinnista.""",
        "sv": """\
Att delta i webbdiskussionen tar ungefär en halvtimme. Av resultaten från det andra \
seminariet har man sammanställt förslag för det fortsatta arbetet. Nu samlas kommentarer om \
vilka ämnen som är viktigast i det fortsatta regionala samarbetet. Varje aktör behandlar \
ämnet på sitt eget arbetsgruppsmöte.

Arbetsgruppen diskuterar och samlar sina tankar kring följande frågor:

1. Vilka frågor i er läroanstalt skulle ha mest nytta av att man arbetar med dem \
tillsammans?
2. Vart borde samarbetets tillgängliga resurser riktas inom den närmaste tiden?

**Omröstning:** efter diskussionen röstar arbetsgruppen fram de viktigaste områdena för \
gemensam utveckling bland processens 12 teman. Varje arbetsgrupp röstar en gång, för hela \
gruppen. Deltagarna ser de andras kommentarer och en sammanfattning av omröstningen.

**Resultat:** utgående från kommentarerna och omröstningen utarbetas ett förslag till \
principer för det fortsatta regionala samarbetet och till resurser för planeringen.""",
        "en": """\
Taking part in the online discussion takes about half an hour. Proposals for the follow-up \
work have been drawn from the results of the second seminar. Now we gather comments on which \
topics matter most as regional cooperation continues. Each organisation takes up the topic \
in its own work group meeting.

The work group discusses and gathers its thoughts under these questions:

1. Which issues in your institution would benefit most from working on them together?
2. Where should the available cooperation resources be directed in the near future?

**Vote:** after the discussion the work group votes for the most important areas of joint \
development among the process's 12 themes. Each work group votes once, on behalf of the \
whole group. Participants can read the others' comments and a summary of the vote.

**Output:** the comments and the vote are turned into a proposal of principles for \
continuing regional cooperation and for resourcing the planning.""",
    },
}

#: The online discussions' questions, as the seed gives them, in order.
DISCUSSION_1["prompts"] = [
    {
        "fi": "Mitä sinulle merkityksellistä kuulit videon keskustelussa?",
        "sv": "Vad hörde du i videodiskussionen som var betydelsefullt för dig?",
        "en": "What did you hear in the video discussion that was meaningful to you?",
    },
    {
        "fi": "Mitä vaikutuksia lakimuutoksella on omaan työhönne?",
        "sv": "Vilka följder har lagändringen för ert eget arbete?",
        "en": "How does the change in the law affect your own work?",
    },
    {
        "fi": "Mitä annettavaa teillä on alueelliseen yhteistyöhön? Mitä voisitte saada "
        "alueelliselta yhteistyöltä?",
        "sv": "Vad kan ni ge det regionala samarbetet? Vad kunde ni få av det?",
        "en": "What can you give to regional cooperation? What could you gain from it?",
    },
]
DISCUSSION_2["prompts"] = [
    {
        "fi": "Mitkä asiat teidän oppilaitoksessa voisivat eniten hyötyä yhteisestä "
        "työstämisestä?",
        "sv": "Vilka frågor i er läroanstalt skulle ha mest nytta av att man arbetar "
        "med dem tillsammans?",
        "en": "Which issues in your institution would benefit most from working on "
        "them together?",
    },
    {
        "fi": "Mihin asioihin kannattaisi seuraavaksi käytettävissä olevat yhteistyön "
        "resurssit lähiaikoina suunnata?",
        "sv": "Vart borde de tillgängliga resurserna för samarbetet riktas härnäst?",
        "en": "Where should the available cooperation resources be directed in the "
        "near future?",
    },
]

#: In the seed's order; the loader numbers them 1..4.
PHASES = [SEMINAR_1, DISCUSSION_1, SEMINAR_2, DISCUSSION_2]
