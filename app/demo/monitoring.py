"""The demo's follow-up monitoring: the regional student-welfare plan's four goals.

The seed ("Toimenpiteet alueellisen opiskeluhuoltosuunnitelman toteuttamiseksi ja
seuraamiseksi") follows four goals: pupils' and students' wellbeing and health
(regional and local figures from reports), the delivery of student-welfare services
(amount, quality and equality), communal work in the region's institutions
(psychologists and curators at least 30 % of working time, school nurses at least
15 %), and the cooperation between the wellbeing services county and the education
providers (the regional cooperation group's feedback, yearly negotiations and a
yearly feedback survey). Each goal has actions with owners, due dates and dated
notes, and indicators with two school years of values, 2024-2025 and 2025-2026,
region-wide and for some organisations, so the dashboard shows targets met and
missed and values that got better and worse. Fixed numbers: nothing is random. The
feedback survey average's 2024-2025 values were entered by hand (the survey was
then run on paper); its 2025-2026 values come from the demo's survey phase
(``survey.py``), written by the survey's indicator feed after this module loads.

``load_monitoring`` finds every row by its natural key (goal and indicator by
position, action by position, note by day and text, target by subgroup, value by
period, place and subgroup), so loading twice creates nothing. Texts of goals,
indicators and actions are set back to the data; a value or an action's status
changed while trying the demo stays.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

import sqlalchemy as sa

from ..auth.services import find_user_by_email
from ..extensions import db
from ..models import (
    Action,
    ActionNote,
    ActionStatus,
    Direction,
    Goal,
    Indicator,
    IndicatorSource,
    IndicatorTarget,
    IndicatorValue,
    Organisation,
    PeriodKind,
    Process,
    ValueOrigin,
    scope_key_for,
)
from ..text import render_markdown, render_translated

if TYPE_CHECKING:
    from .loader import LoadReport

#: Who keeps the monitoring in the demo (enters values, writes the notes).
KEEPER = "fasilitaattori@example.fi"
WELLBEING_COUNTY = "Keski-Uudenmaan hyvinvointialue"
PSY = "psykologit ja kuraattorit"
NURSES = "terveydenhoitajat"
Y1, Y2 = "2024-2025", "2025-2026"

S = ActionStatus


def _values(region: dict, **by_organisation: dict) -> list[dict]:
    """Value rows: ``{subgroup: (2024-2025, 2025-2026)}`` region-wide and per organisation."""
    rows = []
    for organisation, series in [(None, region), *by_organisation.items()]:
        for subgroup, pair in series.items():
            for period, value in zip((Y1, Y2), pair, strict=True):
                if value is not None:
                    rows.append(
                        {
                            "organisation": organisation,
                            "subgroup": subgroup,
                            "period": period,
                            "value": value,
                        }
                    )
    return rows


# Organisation keys used in _values(**...): names with spaces go through this map.
ORGS = {
    "validia": "Validia Ammattiopisto",
    "hyria": "Hyria",
    "keuda": "Keuda",
    "seurakuntaopisto": "Seurakuntaopisto",
}

GOALS = [
    {
        "title": {
            "fi": "Oppilaiden ja opiskelijoiden hyvinvointi ja terveys",
            "sv": "Elevernas och de studerandes välbefinnande och hälsa",
            "en": "Pupils' and students' wellbeing and health",
        },
        "description": {
            "fi": "Seurataan alueellisesti ja paikallisesti eri raporteista saaduilla "
            "mittareilla ja tunnusluvuilla.",
            "sv": "Följs upp regionalt och lokalt med mätare och nyckeltal från olika "
            "rapporter.",
            "en": "Followed regionally and locally with indicators and key figures "
            "from different reports.",
        },
        "indicators": [
            {
                "title": {
                    "fi": "Kokee kuuluvansa oppilaitosyhteisöön",
                    "sv": "Känner att de hör till läroanstaltens gemenskap",
                    "en": "Feel they belong to the school community",
                },
                "unit": "%",
                "direction": Direction.HIGHER,
                "source": IndicatorSource.REPORT,
                "source_detail": "Kouluterveyskysely (THL)",
                "targets": {"": 70},
                "values": _values(
                    {"": (66.2, 68.4)},
                    validia={"": (71.0, 72.5)},
                    hyria={"": (64.0, 63.1)},
                    keuda={"": (67.5, 70.2)},
                ),
            },
            {
                "title": {
                    "fi": "Kohtalainen tai vaikea ahdistuneisuus",
                    "sv": "Måttlig eller svår ångest",
                    "en": "Moderate or severe anxiety",
                },
                "unit": "%",
                "direction": Direction.LOWER,
                "source": IndicatorSource.REPORT,
                "source_detail": "Kouluterveyskysely (THL)",
                "targets": {"": 15},
                "values": _values(
                    {"": (17.8, 16.9)},
                    validia={"": (15.2, 14.1)},
                    seurakuntaopisto={"": (13.0, 13.6)},
                ),
            },
        ],
        "actions": [
            {
                "title": "Kouluterveyskyselyn tulosten käsittely jokaisessa oppilaitoksessa",
                "owner": WELLBEING_COUNTY,
                "due_on": date(2026, 5, 31),
                "notes": [
                    (
                        date(2025, 9, 10),
                        S.IN_PROGRESS,
                        "Tulokset esitelty Validian ja Keudan opiskeluhuoltoryhmissä.",
                    ),
                    (
                        date(2026, 2, 12),
                        S.IN_PROGRESS,
                        "Kolme oppilaitosta neljästä on "
                        "käsitellyt tulokset; Hyrian käsittely siirtyi kevääseen.",
                    ),
                ],
            },
            {
                "title": "Ryhmäytymisen malli ensimmäisen vuoden opiskelijoille",
                "owner": "Keuda",
                "due_on": date(2025, 10, 31),
                "notes": [
                    (
                        date(2025, 3, 3),
                        S.IN_PROGRESS,
                        "Malli kirjoitettu yhdessä opiskelijakunnan kanssa.",
                    ),
                    (
                        date(2025, 10, 20),
                        S.DONE,
                        "Malli käytössä kaikissa aloittavissa ryhmissä.",
                    ),
                ],
            },
        ],
    },
    {
        "title": {
            "fi": "Opiskeluhuollon palveluiden toteutuminen",
            "sv": "Hur elevhälsans tjänster förverkligas",
            "en": "Delivery of student welfare services",
        },
        "description": {
            "fi": "Seurataan määrää, laatua ja tasavertaisuutta eri raporteista saaduilla "
            "mittareilla ja tunnusluvuilla. Omavalvonta.",
            "sv": "Mängden, kvaliteten och jämlikheten följs upp med mätare och "
            "nyckeltal från olika rapporter. Egenkontroll.",
            "en": "The amount, quality and equality are followed with indicators and "
            "key figures from different reports. Self-monitoring.",
        },
        "indicators": [
            {
                "title": {
                    "fi": "Odotusaika kuraattorin vastaanotolle",
                    "sv": "Väntetid till kurator",
                    "en": "Waiting time to see a curator",
                },
                "unit": "vrk",
                "direction": Direction.LOWER,
                "source": IndicatorSource.REPORT,
                "source_detail": "Hyvinvointialueen omavalvontaraportti",
                "targets": {"": 7},
                "values": _values(
                    {"": (11, 9)},
                    validia={"": (8, 6)},
                    hyria={"": (12, 13)},
                    keuda={"": (10, 7)},
                ),
            },
            {
                "title": {
                    "fi": "Opiskelijoita yhtä kuraattoria kohden",
                    "sv": "Studerande per kurator",
                    "en": "Students per curator",
                },
                "unit": "opiskelijaa",
                "direction": Direction.LOWER,
                "source": IndicatorSource.REPORT,
                "source_detail": "Hyvinvointialueen henkilöstöraportti",
                "targets": {"": 670},
                "values": _values({"": (720, 690)}),
            },
        ],
        "actions": [
            {
                "title": "Kuraattoreiden ja psykologien lisärekrytoinnit",
                "owner": WELLBEING_COUNTY,
                "due_on": date(2026, 1, 31),
                "notes": [
                    (
                        date(2025, 8, 15),
                        S.IN_PROGRESS,
                        "Kaksi kuraattorin tointa haettavana.",
                    ),
                    (
                        date(2026, 1, 20),
                        S.IN_PROGRESS,
                        "Yksi toimi täytetty, toinen haetaan uudelleen.",
                    ),
                ],
            },
            {
                "title": "Sähköinen ajanvaraus opiskeluhuollon palveluihin",
                "owner": WELLBEING_COUNTY,
                "due_on": date(2027, 3, 31),
                "notes": [],
            },
        ],
    },
    {
        "title": {
            "fi": "Yhteisöllisen työn toteutuminen alueen oppilaitoksissa",
            "sv": "Det gemensamma arbetet i regionens läroanstalter",
            "en": "Communal work in the region's educational institutions",
        },
        "description": {
            "fi": "Tavoite: psykologit ja kuraattorit käyttävät yhteisölliseen työhön "
            "vähintään 30 % ja terveydenhoitajat vähintään 15 % työajastaan.",
            "sv": "Mål: psykologer och kuratorer använder minst 30 % och hälsovårdare "
            "minst 15 % av sin arbetstid till gemensamt arbete.",
            "en": "Target: psychologists and curators spend at least 30 % and school "
            "nurses at least 15 % of their working time on communal work.",
        },
        "indicators": [
            {
                "title": {
                    "fi": "Yhteisöllisen työn osuus työajasta",
                    "sv": "Det gemensamma arbetets andel av arbetstiden",
                    "en": "Share of working time spent on communal work",
                },
                "unit": "%",
                "direction": Direction.HIGHER,
                "source": IndicatorSource.REPORT,
                "source_detail": "Omavalvonta: työajan seuranta",
                "targets": {PSY: 30, NURSES: 15},
                "values": _values(
                    {PSY: (24.5, 28.0), NURSES: (13.0, 15.5)},
                    validia={PSY: (31.0, 33.0), NURSES: (16.0, 15.0)},
                    hyria={PSY: (22.0, 26.0), NURSES: (12.0, 14.0)},
                    keuda={PSY: (25.0, 30.0), NURSES: (14.0, 17.0)},
                ),
            },
        ],
        "actions": [
            {
                "title": "Yhteisöllisen työn määrän ja laadun mittarin kehittäminen "
                "(yhteistyö JYU:n kanssa)",
                "owner": WELLBEING_COUNTY,
                "due_on": date(2026, 6, 30),
                "notes": [
                    (
                        date(2025, 11, 5),
                        S.IN_PROGRESS,
                        "Ensimmäinen työpaja Jyväskylän yliopiston kanssa pidetty.",
                    ),
                ],
            },
            {
                "title": "Yhteisöllisen työn kirjaamisohje",
                "owner": "Validia Ammattiopisto",
                "due_on": date(2025, 12, 31),
                "notes": [
                    (date(2025, 9, 1), S.IN_PROGRESS, "Luonnos kommenteilla."),
                    (
                        date(2025, 12, 15),
                        S.DONE,
                        "Ohje julkaistu kaikille oppilaitoksille.",
                    ),
                ],
            },
        ],
    },
    {
        "title": {
            "fi": "Hyvinvointialueen opiskeluhuollon ja koulutuksen järjestäjien "
            "välisen yhteistyön toteutuminen",
            "sv": "Samarbetet mellan välfärdsområdets elevhälsa och "
            "utbildningsanordnarna",
            "en": "Cooperation between the wellbeing services county's student "
            "welfare and the education providers",
        },
        "description": {
            "fi": "Seurataan alueellisen yhteistyöryhmän antamaa palautetta, "
            "vuosittaisissa koulutuksen järjestäjien kanssa käytävissä neuvotteluissa "
            "sekä vuosittaisella palautekyselyllä koulutuksen järjestäjille.",
            "sv": "Följs upp genom den regionala samarbetsgruppens respons, de årliga "
            "förhandlingarna med utbildningsanordnarna och en årlig responsenkät till "
            "utbildningsanordnarna.",
            "en": "Followed through the regional cooperation group's feedback, the "
            "yearly negotiations with the education providers and a yearly feedback "
            "survey to the education providers.",
        },
        "indicators": [
            {
                "title": {
                    "fi": "Palautekyselyn keskiarvo koulutuksen järjestäjiltä",
                    "sv": "Responsenkätens medelvärde från utbildningsanordnarna",
                    "en": "Feedback survey average from the education providers",
                },
                "unit": "1–5",
                "direction": Direction.HIGHER,
                "source": IndicatorSource.SURVEY,
                "source_detail": "Vuosittainen palautekysely koulutuksen järjestäjille",
                "targets": {"": 4.0},
                # 2024-2025 was entered by hand; 2025-2026 comes from the demo's
                # survey phase through feed_indicators (survey.py), not from here.
                "origin": {Y1: ValueOrigin.MANUAL},
                "note": {
                    Y1: "Kysely tehtiin paperilla yhteistyöneuvotteluissa; "
                    "keskiarvot kirjattiin käsin."
                },
                "values": _values(
                    {"": (3.4, None)},
                    validia={"": (3.6, None)},
                    hyria={"": (3.2, None)},
                    keuda={"": (3.5, None)},
                    seurakuntaopisto={"": (3.3, None)},
                ),
            },
            {
                "title": {
                    "fi": "Alueellisen yhteistyöryhmän kokoukset",
                    "sv": "Den regionala samarbetsgruppens möten",
                    "en": "Meetings of the regional cooperation group",
                },
                "unit": "kokousta",
                "direction": Direction.HIGHER,
                "source": IndicatorSource.MANUAL,
                "source_detail": "Yhteistyöryhmän pöytäkirjat",
                "targets": {"": 4},
                "values": _values({"": (3, 4)}),
            },
        ],
        "actions": [
            {
                "title": "Vuosittaiset neuvottelut koulutuksen järjestäjien kanssa",
                "owner": WELLBEING_COUNTY,
                "due_on": date(2026, 3, 31),
                "notes": [
                    (
                        date(2025, 10, 1),
                        S.IN_PROGRESS,
                        "Neuvotteluajat sovittu kaikkien neljän järjestäjän kanssa.",
                    ),
                    (
                        date(2026, 3, 20),
                        S.DONE,
                        "Neuvottelut käyty; muistiot yhteistyöryhmälle.",
                    ),
                ],
            },
            {
                "title": "Palautekysely koulutuksen järjestäjille",
                "owner": WELLBEING_COUNTY,
                "due_on": date(2026, 5, 15),
                "notes": [
                    (date(2026, 4, 6), S.IN_PROGRESS, "Kysely avattu."),
                    (
                        date(2026, 5, 8),
                        S.DONE,
                        "Vastauksia kuudelta koulutuksen järjestäjältä; tulokset mittaristossa.",
                    ),
                ],
            },
            {
                "title": "Alueellisen yhteistyöryhmän palautteen käsittely",
                "owner": "Järvenpään kaupunki",
                "due_on": date(2026, 10, 31),
                "notes": [
                    (
                        date(2026, 6, 2),
                        S.IN_PROGRESS,
                        "Palaute koottu; käsittely syksyn ensimmäisessä kokouksessa.",
                    ),
                ],
            },
        ],
    },
]


# Loading ---------------------------------------------------------------------------


def _set(obj, report: LoadReport | None, label: str, /, **values) -> None:
    """Set the attributes that differ from the data; count the object as updated
    (``report`` None: a new row, not counted)."""
    changed = False
    for name, value in values.items():
        if getattr(obj, name) != value:
            setattr(obj, name, value)
            changed = True
    if changed and report is not None:
        report.updated[label] += 1


def _organisations(names) -> dict[str, Organisation]:
    rows = db.session.scalars(
        sa.select(Organisation).where(Organisation.name.in_(names))
    )
    return {o.name: o for o in rows}


def load_monitoring(process: Process, report: LoadReport, goals=GOALS) -> None:
    """Create or refresh the demo's goals, actions, indicators and values; flush."""
    db.session.flush()  # the organisations' ids make the values' scope keys
    keeper = find_user_by_email(KEEPER)
    names = set(ORGS.values()) | {
        a["owner"] for g in goals for a in g["actions"] if a["owner"]
    }
    organisations = _organisations(names)
    for position, data in enumerate(goals, start=1):
        goal = db.session.scalar(
            sa.select(Goal).where(
                Goal.process_id == process.id, Goal.position == position
            )
        )
        new = goal is None
        if new:
            goal = Goal(process=process, position=position)
            db.session.add(goal)
            report.created["goal"] += 1
        _set(
            goal,
            None if new else report,
            "goal",
            title=data["title"],
            description=data["description"],
            description_html=render_translated(data["description"]),
        )
        for number, spec in enumerate(data["actions"], start=1):
            _action(goal, number, spec, organisations, keeper, report)
        for number, spec in enumerate(data["indicators"], start=1):
            _indicator(goal, number, spec, organisations, keeper, report)
    db.session.flush()


def _action(goal, position, data, organisations, keeper, report) -> None:
    action = next((a for a in goal.actions if a.position == position), None)
    created = action is None
    if created:
        action = Action(goal=goal, position=position, title=data["title"])
        db.session.add(action)
        report.created["action"] += 1
    _set(
        action,
        None if created else report,
        "action",
        title=data["title"],
        owner=organisations.get(data["owner"]),
        due_on=data["due_on"],
    )
    existing = {(n.noted_on, n.body) for n in action.notes}
    for noted_on, status, body in data["notes"]:
        if (noted_on, body) in existing:
            continue
        action.notes.append(
            ActionNote(
                noted_on=noted_on,
                status=status,
                body=body,
                body_html=str(render_markdown(body)),
                created_by=keeper,
            )
        )
        report.created["action note"] += 1
    if created:
        # The status of the newest note, as the services keep it.
        newest = max(data["notes"], key=lambda note: note[0], default=None)
        action.status = newest[1] if newest else ActionStatus.PLANNED


def _indicator(goal, position, data, organisations, keeper, report) -> None:
    indicator = next((i for i in goal.indicators if i.position == position), None)
    new = indicator is None
    if new:
        indicator = Indicator(goal=goal, position=position)
        db.session.add(indicator)
        report.created["indicator"] += 1
    _set(
        indicator,
        None if new else report,
        "indicator",
        title=data["title"],
        unit=data["unit"],
        direction=data["direction"],
        source=data["source"],
        source_detail=data["source_detail"],
        period_kind=PeriodKind.SCHOOL_YEAR,
    )
    targets = {t.subgroup: t for t in indicator.targets}
    for subgroup, value in data["targets"].items():
        if subgroup in targets:
            _set(targets[subgroup], report, "indicator target", value=value)
        else:
            indicator.targets.append(IndicatorTarget(subgroup=subgroup, value=value))
            report.created["indicator target"] += 1
    have = {(v.period, v.scope_key, v.subgroup) for v in indicator.values}
    origins = data.get("origin", {})
    notes = data.get("note", {})
    for row in data["values"]:
        organisation = (
            organisations[ORGS[row["organisation"]]] if row["organisation"] else None
        )
        scope_key = scope_key_for(organisation.id if organisation else None, "")
        if (row["period"], scope_key, row["subgroup"]) in have:
            continue  # a value changed while trying the demo stays
        indicator.values.append(
            IndicatorValue(
                period=row["period"],
                organisation=organisation,
                area="",
                scope_key=scope_key,
                subgroup=row["subgroup"],
                value=row["value"],
                note=notes.get(row["period"], ""),
                origin=origins.get(row["period"], ValueOrigin.IMPORT),
                entered_by=keeper,
            )
        )
        report.created["indicator value"] += 1
