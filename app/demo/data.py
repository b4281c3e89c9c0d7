"""The Keski-Uusimaa demo process: the regional example of the seed document.

Plain data only; ``loader.load_demo`` turns it into rows. Finnish is the main
language and quotes the seed; Swedish and English are translations.
"""

from __future__ import annotations

from ..models import OrganisationKind, ProcessRoleKind, Role
from .ballot import BALLOT
from .coding import CODING
from .comments import COMMENTS
from .notes import NOTES
from .phases import PHASES
from .seminars import SEMINARS
from .themes import THEME_SPECS
from .themes import THEMES as THEMES  # the titles: tests/coding and ballot.py use them

#: The password of every demo account (it passes the password policy).
DEMO_PASSWORD = "Demo-Osallistamo-2026"

ACCOUNTS = [
    {"email": "admin@example.fi", "name": "Ylläpitäjä", "role": Role.ADMIN},
    {
        "email": "fasilitaattori@example.fi",
        "name": "Fasilitaattori Fanni",
        "role": Role.FACILITATOR,
        "process_role": ProcessRoleKind.FACILITATOR,
    },
    {
        "email": "tarkkailija@example.fi",
        "name": "Tarkkailija Tero",
        "role": Role.MEMBER,
        "process_role": ProcessRoleKind.OBSERVER,
    },
]

PROCESS = {
    "slug": "keski-uusimaa",
    "region": "Keski-Uusimaa",
    "language": "fi",
    #: The account that creates the process (and so becomes its facilitator).
    "creator": "fasilitaattori@example.fi",
    "title": {
        "fi": "Alueellinen opiskeluhuollon kehittämisprosessi",
        "sv": "Regional utvecklingsprocess för studerandevården",
        "en": "Regional development process for student welfare",
    },
    "description": {
        "fi": """\
Keski-Uudenmaan kunnat, hyvinvointialue ja toisen asteen ammatilliset oppilaitokset \
valmistautuvat yhdessä oppilas- ja opiskelijahuoltolain uudistukseen. Kehittämistyön \
tavoitteena on luoda pohjaa ja koota näkökulmia:

- alueen oppilaitosten yhteistyölle yhteisöllisen hyvinvointityön kehittämisessä
- hyvinvointipalveluiden rakentamiselle kunnissa
- toimijoiden väliselle yhteistyölle.

Alueella opiskelee toisen asteen ammatillisessa koulutuksessa noin 8 000 16–25-vuotiasta \
nuorta. Koska heidän palvelunsa järjestetään sekä asuinkunnissa että oppilaitosten \
sijaintikunnissa, luonteva tapa kehittää opiskelijoiden hyvinvointipalveluita on alueellinen.

Prosessi etenee kahden työpajaseminaarin ja kahden verkkokeskustelun kautta. \
Verkkokeskusteluissa kukin työryhmä käsittelee kysymyksiä omassa palaverissaan ja \
kirjoittaa ajatuksensa ryhmän nimissä.""",
        "sv": """\
Kommunerna, välfärdsområdet och yrkesläroanstalterna på andra stadiet i Mellersta Nyland \
förbereder sig tillsammans för reformen av lagen om elev- och studerandevård. Målet med \
utvecklingsarbetet är att lägga en grund och samla synpunkter för

- samarbetet mellan regionens läroanstalter i utvecklingen av det gemensamma välfärdsarbetet
- uppbyggnaden av välfärdstjänster i kommunerna
- samarbetet mellan aktörerna.

I regionen studerar cirka 8 000 unga i åldern 16–25 år inom yrkesutbildningen på andra \
stadiet. Eftersom deras tjänster ordnas både i hemkommunerna och i de kommuner där \
läroanstalterna finns, är det naturligt att utveckla de studerandes välfärdstjänster regionalt.

Processen består av två workshopseminarier och två webbdiskussioner. I webbdiskussionerna \
behandlar varje arbetsgrupp frågorna på sitt eget möte och skriver sina tankar i gruppens \
namn.""",
        "en": """\
The municipalities, the wellbeing services county and the vocational upper secondary \
institutions of Central Uusimaa prepare together for the reform of the Pupil and Student \
Welfare Act. The aim of the development work is to lay a foundation and gather views for

- cooperation between the region's institutions in developing communal wellbeing work
- building wellbeing services in the municipalities
- cooperation between the actors.

About 8,000 young people aged 16–25 study in vocational upper secondary education in the \
region. Because their services are arranged both by their home municipalities and by the \
municipalities where the institutions are, the natural way to develop students' wellbeing \
services is a regional one.

The process runs through two workshop seminars and two online discussions. In the online \
discussions each work group talks the questions over in its own meeting and posts its \
thoughts in the group's name.""",
    },
}

ORGANISATIONS = [
    {"name": "Validia Ammattiopisto", "kind": OrganisationKind.EDUCATION_PROVIDER},
    {"name": "Hyria", "kind": OrganisationKind.EDUCATION_PROVIDER},
    {"name": "Keuda", "kind": OrganisationKind.EDUCATION_PROVIDER},
    {"name": "Seurakuntaopisto", "kind": OrganisationKind.EDUCATION_PROVIDER},
    {"name": "Järvenpään kaupunki", "kind": OrganisationKind.MUNICIPALITY},
    {"name": "Hyvinkään kaupunki", "kind": OrganisationKind.MUNICIPALITY},
    {"name": "Nurmijärven kunta", "kind": OrganisationKind.MUNICIPALITY},
    {
        "name": "Keski-Uudenmaan hyvinvointialue",
        "kind": OrganisationKind.WELLBEING_COUNTY,
    },
]


def _group(name: str, organisation: str, contact: str) -> dict:
    """A work group whose contact's address is made from the contact's name."""
    ascii_name = (
        contact.lower().translate(str.maketrans("äöå", "aoa")).replace(" ", ".")
    )
    return {
        "name": name,
        "organisation": organisation,
        "contact_name": contact,
        "contact_email": f"{ascii_name}@example.fi",
    }


GROUPS = [
    _group("Validian opiskeluhuoltoryhmä", "Validia Ammattiopisto", "Laura Nieminen"),
    _group("Hyrian opiskeluhuoltoryhmä", "Hyria", "Mikko Lahtinen"),
    _group("Keudan opiskeluhuoltoryhmä", "Keuda", "Sanna Koskinen"),
    _group(
        "Seurakuntaopiston opiskeluhuoltoryhmä", "Seurakuntaopisto", "Jukka Heikkinen"
    ),
    _group(
        "Järvenpään koulutuksen järjestäjien ohjausryhmä",
        "Järvenpään kaupunki",
        "Päivi Mäkelä",
    ),
    _group("Hyvinkään 0–25-ryhmä", "Hyvinkään kaupunki", "Timo Laine"),
    _group("Nurmijärven sivistystoimen johto", "Nurmijärven kunta", "Riitta Järvinen"),
    _group(
        "Hyvinvointialueen opiskeluhuollon palvelut",
        "Keski-Uudenmaan hyvinvointialue",
        "Kaisa Salonen",
    ),
]

#: People who joined a work group by its code: no email, no password.
PARTICIPANTS = [{"name": "Osallistuja Olli", "group": "Validian opiskeluhuoltoryhmä"}]

KESKI_UUSIMAA = {
    "password": DEMO_PASSWORD,
    "accounts": ACCOUNTS,
    "process": PROCESS,
    "phases": PHASES,
    #: The twelve themes of the vote: titles, descriptions, keywords (``themes.py``).
    "themes": THEME_SPECS,
    "organisations": ORGANISATIONS,
    "groups": GROUPS,
    "participants": PARTICIPANTS,
    #: Example comments of the first online discussion (``comments.py``).
    "comments": COMMENTS,
    #: The second online discussion's ballot and the groups' votes (``ballot.py``).
    "ballot": BALLOT,
    #: The two workshop seminars: agendas, workshops and prompts (``seminars.py``).
    "seminars": SEMINARS,
    #: Example notes in every workshop, open-space topics and the memos (``notes.py``).
    "notes": NOTES,
    #: The facilitator's coding of the comments and the drafted follow-up proposal
    #: (``coding.py``, ``proposal.py``).
    "coding": CODING,
}
