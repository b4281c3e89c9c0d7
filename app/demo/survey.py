"""The demo's feedback survey to the education providers, school year 2025-2026.

The seed follows the cooperation between the wellbeing services county's student
welfare and the education providers, among others, through "lukuvuosittaisen
koulutuksen järjestäjille suunnatun palautekyselyn tulokset". The demo runs that
survey as a closed survey phase (6.–30.4.2026, matching the follow-up action
"Palautekysely koulutuksen järjestäjille" and its notes): five statements on the
cooperation, four of them feeding the indicator "Palautekyselyn keskiarvo
koulutuksen järjestäjiltä", and two free-text questions. Six education providers'
groups answered (the four vocational institutions and two municipalities as
providers of basic and general upper secondary education); Hyvinkää's 0–25 group
did not, nor does the wellbeing services county answer its own survey.

The answers go in through ``answering.submit_response`` at the time each group
answered (inside the survey's time, so the open-time rule holds), so the free-text
answers are comments under the questions' prompts, Keuda's revised answer keeps its
first wording as a version, and the indicator's 2025-2026 values (region-wide and
per organisation) are written by ``feed_indicators``, not entered by hand. The
facilitator has coded three of the free-text answers to themes.

Loading again creates nothing new: the survey is found by its period, a question by
its position, a response by its group, a code by its comment. Texts and times are
set back to the data; answers and codes changed while trying the demo stay.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..auth.services import find_user_by_email
from ..coding.services import add_code
from ..coding.suggest import decided_themes
from ..extensions import db
from ..models import (
    Comment,
    Indicator,
    PhaseKind,
    Process,
    QuestionKind,
    Survey,
    SurveyQuestion,
    WorkGroup,
)
from ..processes.services_phases import add_phase
from ..surveys.scoring import FeedReport
from ..surveys.services import ensure_survey, survey_for_period, update_survey
from ..surveys.services_answers import response_of, submit_response
from ..surveys.services_questions import add_question, sync_prompt
from ..text import render_translated
from .comments import (
    AUTHORS,
    FACILITATOR,
    HYRIA,
    JARVENPAA,
    KEUDA,
    NURMIJARVI,
    SEURAKUNTAOPISTO,
    VALIDIA,
)
from .loader_comments import _participant
from .phases import helsinki

if TYPE_CHECKING:
    from .loader import LoadReport

PERIOD = "2025-2026"
#: The indicator the statements feed: goal 4 (cooperation), its first indicator.
INDICATOR = (4, 1)

PHASE = {
    "kind": PhaseKind.SURVEY,
    "title": {
        "fi": "Palautekysely koulutuksen järjestäjille 2025–2026",
        "sv": "Responsenkät till utbildningsanordnarna 2025–2026",
        "en": "Feedback survey to the education providers 2025–2026",
    },
    "description": {
        "fi": "Lukuvuosittainen palautekysely koulutuksen järjestäjille "
        "hyvinvointialueen opiskeluhuollon ja oppilaitosten yhteistyöstä. Tulokset "
        "käsitellään alueellisessa yhteistyöryhmässä ja syksyn "
        "yhteistyöneuvotteluissa.",
        "sv": "Den årliga responsenkäten till utbildningsanordnarna om samarbetet "
        "mellan välfärdsområdets studerandevård och läroanstalterna. Resultaten "
        "behandlas i den regionala samarbetsgruppen och i höstens "
        "samarbetsförhandlingar.",
        "en": "The yearly feedback survey to the education providers on the "
        "cooperation between the wellbeing services county's student welfare and "
        "the institutions. The results are discussed in the regional cooperation "
        "group and in the autumn's cooperation negotiations.",
    },
    "starts_at": helsinki(2026, 4, 6, 9, 0),
    "ends_at": helsinki(2026, 4, 30, 16, 0),
}

INTRO = {
    "fi": """\
Tällä kyselyllä seurataan alueellisen opiskeluhuoltosuunnitelman tavoitetta: \
hyvinvointialueen opiskeluhuollon ja koulutuksen järjestäjien välisen yhteistyön \
toteutumista lukuvuonna 2025–2026.

Vastatkaa yhdessä opiskeluhuoltoryhmänä tai johtoryhmänä, yksi vastaus ryhmää kohden. \
Arvioikaa väittämät asteikolla 1–5 (1 = täysin eri mieltä, 5 = täysin samaa mieltä). \
Jos ette osaa arvioida väittämää, valitkaa *en osaa sanoa*.

Väittämien keskiarvo on seurantamittariston mittari *Palautekyselyn keskiarvo \
koulutuksen järjestäjiltä*. Avovastaukset käsitellään alueellisessa yhteistyöryhmässä.""",
    "sv": """\
Med den här enkäten följer vi upp ett mål i den regionala planen för \
studerandevården: hur samarbetet mellan välfärdsområdets studerandevård och \
utbildningsanordnarna har förverkligats läsåret 2025–2026.

Svara tillsammans som studerandevårdsgrupp eller ledningsgrupp, ett svar per grupp. \
Bedöm påståendena på skalan 1–5 (1 = helt av annan åsikt, 5 = helt av samma åsikt). \
Om ni inte kan bedöma ett påstående, välj *kan inte säga*.

Påståendenas medelvärde är mätaren *Responsenkätens medelvärde från \
utbildningsanordnarna* i uppföljningen. De öppna svaren behandlas i den regionala \
samarbetsgruppen.""",
    "en": """\
This survey follows a goal of the regional student welfare plan: how the \
cooperation between the wellbeing services county's student welfare and the \
education providers was carried out in the school year 2025–2026.

Answer together as a student welfare group or a management team, one answer per \
group. Rate the statements on a scale of 1–5 (1 = strongly disagree, 5 = strongly \
agree). If you cannot rate a statement, choose *cannot say*.

The statements' average is the indicator *Feedback survey average from the \
education providers* of the follow-up. The open answers are discussed in the \
regional cooperation group.""",
}

L, T = QuestionKind.LIKERT, QuestionKind.TEXT

#: The questions in order; ``linked`` statements feed the indicator.
QUESTIONS = [
    {
        "kind": L,
        "linked": True,
        "text": {
            "fi": "Opiskeluhuollon palvelut ovat olleet oppilaitoksemme saatavilla "
            "sovitusti.",
            "sv": "Studerandevårdens tjänster har funnits tillgängliga för vår "
            "läroanstalt enligt överenskommelse.",
            "en": "Student welfare services have been available to our institution "
            "as agreed.",
        },
    },
    {
        "kind": L,
        "linked": True,
        "text": {
            "fi": "Yhteisöllistä opiskeluhuoltotyötä on tehty suunnitellusti.",
            "sv": "Det gemensamma arbetet inom studerandevården har gjorts enligt "
            "plan.",
            "en": "Communal student welfare work has been done as planned.",
        },
    },
    {
        "kind": L,
        "linked": True,
        "text": {
            "fi": "Tieto kulkee hyvinvointialueen ja oppilaitoksen välillä.",
            "sv": "Informationen går fram mellan välfärdsområdet och läroanstalten.",
            "en": "Information flows between the wellbeing services county and the "
            "institution.",
        },
    },
    {
        "kind": L,
        "linked": True,
        "text": {
            "fi": "Yhteistyöneuvottelussa sovitut asiat ovat toteutuneet.",
            "sv": "Det som avtalades i samarbetsförhandlingen har genomförts.",
            "en": "What was agreed in the cooperation negotiation has been carried "
            "out.",
        },
    },
    {
        "kind": L,
        "linked": False,
        "text": {
            "fi": "Tiedämme, keneen hyvinvointialueella otamme yhteyttä "
            "opiskeluhuollon asioissa.",
            "sv": "Vi vet vem vi ska kontakta i välfärdsområdet i frågor som gäller "
            "studerandevården.",
            "en": "We know whom to contact in the wellbeing services county about "
            "student welfare matters.",
        },
    },
    {
        "kind": T,
        "text": {
            "fi": "Mikä yhteistyössä on toiminut hyvin?",
            "sv": "Vad har fungerat bra i samarbetet?",
            "en": "What has worked well in the cooperation?",
        },
    },
    {
        "kind": T,
        "text": {
            "fi": "Mitä pitäisi kehittää ensi lukuvuonna?",
            "sv": "Vad borde utvecklas nästa läsår?",
            "en": "What should be developed next school year?",
        },
    },
]

#: The groups' answers, in the order they came in. ``scores`` follow the statements
#: (None: "cannot say"), ``texts`` the free-text questions ("": left empty). A
#: ``revised`` answer is the group's second save of the same response.
RESPONSES = [
    {
        "group": VALIDIA,
        "at": helsinki(2026, 4, 8, 14, 20),
        "scores": (4, 4, 4, 5, 5),
        "texts": (
            "Kuraattori ja psykologi ovat olleet tavattavissa sovittuina päivinä, ja "
            "opiskeluhuoltoryhmä on kokoontunut joka toinen viikko. Yhteisöllisen "
            "työn vuosikello tehtiin syksyllä yhdessä, ja siitä on pidetty kiinni.",
            "Terveydenhoitajan sijaisuudet. Syyslukukaudella oli kuuden viikon katko, "
            "eikä siitä kerrottu meille etukäteen. Toivomme, että poissaoloista "
            "ilmoitetaan oppilaitokselle heti, kun ne tiedetään.",
        ),
    },
    {
        "group": SEURAKUNTAOPISTO,
        "at": helsinki(2026, 4, 14, 10, 5),
        "scores": (4, 4, 3, 4, 4),
        "texts": (
            "Terveydenhoitaja on mukana aloittavien ryhmien tapaamisissa ja "
            "asuntolan iltatilaisuuksissa. Se on madaltanut opiskelijoiden kynnystä "
            "hakea apua.",
            "Asuntolassa asuvien opiskelijoiden tuki iltaisin ja viikonloppuisin. "
            "Yhteistyöneuvottelussa sovittiin kriisitilanteiden toimintamallin "
            "päivittämisestä, mutta se on vielä kesken.",
        ),
    },
    {
        "group": KEUDA,
        "at": helsinki(2026, 4, 16, 13, 40),
        "scores": (4, 3, 3, None, 4),
        "texts": (
            "Ryhmäytymisen malli aloittaville ryhmille tehtiin yhdessä "
            "hyvinvointialueen kuraattoreiden kanssa, ja opiskelijat ja opettajat "
            "ovat ottaneet sen hyvin vastaan.",
            "Tiedonkulku hyvinvointialueen ja oppilaitoksen välillä. Emme aina tiedä, "
            "kuka on opiskelijan asiassa yhteyshenkilö.",
        ),
        # The group went through its answer again at its next meeting.
        "revised": {
            "at": helsinki(2026, 4, 21, 9, 15),
            "texts": (
                "Ryhmäytymisen malli aloittaville ryhmille tehtiin yhdessä "
                "hyvinvointialueen kuraattoreiden kanssa, ja opiskelijat ja opettajat "
                "ovat ottaneet sen hyvin vastaan.",
                "Tiedonkulku hyvinvointialueen ja oppilaitoksen välillä. Emme aina "
                "tiedä, kuka on opiskelijan asiassa yhteyshenkilö, kun opiskelija "
                "asuu toisessa kunnassa. Toivomme yhteystietolistaa, joka päivitetään "
                "jokaisen lukuvuoden alussa.",
            ),
        },
    },
    {
        "group": HYRIA,
        "at": helsinki(2026, 4, 22, 15, 30),
        "scores": (3, 4, 3, 4, 3),
        "texts": (
            "Opiskeluhuoltoryhmän kokoukset toimivat, ja monialaisen "
            "asiantuntijaryhmän kokoaminen onnistuu nykyään muutamassa päivässä.",
            "Psykologin aikoja ei ole tarpeeksi: opiskelija voi joutua odottamaan "
            "kolme viikkoa. Pitäisi sopia, miten kiireelliset tilanteet hoidetaan, "
            "kun psykologi on toisessa toimipisteessä.",
        ),
    },
    {
        "group": JARVENPAA,
        "at": helsinki(2026, 4, 27, 12, 0),
        "scores": (3, None, 4, 4, 3),
        "texts": (
            "Syksyn yhteistyöneuvottelu oli hyödyllinen: sovimme lukioiden ja "
            "perusopetuksen kanssa vastuuhenkilöt ja kokousrytmin.",
            "Yhteisöllisen työn suunnittelu pitää aloittaa jo keväällä, jotta "
            "kuraattorin ja psykologin työaika saadaan mukaan koulujen "
            "lukuvuosisuunnitelmiin.",
        ),
    },
    {
        "group": NURMIJARVI,
        "at": helsinki(2026, 4, 29, 15, 45),
        "scores": (4, 3, 4, None, None),
        "texts": (
            "",
            "Toivomme, että hyvinvointialue kertoo henkilöstömuutoksista koulutuksen "
            "järjestäjälle ajoissa. Kouluterveyskyselyn tulokset pitäisi käydä läpi "
            "yhdessä myös kunnan johdon kanssa.",
        ),
    },
]

#: The facilitator's codes on free-text answers: (group, text question 1..2, theme
#: position), decided after the survey closed.
CODES = [
    (VALIDIA, 2, 12),  # substitutes for the school nurse: staff continuity
    (KEUDA, 2, 3),  # who is the contact person: information flow
    (JARVENPAA, 2, 4),  # planning communal work in spring: communal work
]
CODED_AT = helsinki(2026, 5, 6, 10, 30)


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


def feedback_indicator(process: Process) -> Indicator | None:
    """The demo's indicator "Palautekyselyn keskiarvo koulutuksen järjestäjiltä"."""
    goal_position, position = INDICATOR
    goal = next((g for g in process.goals if g.position == goal_position), None)
    if goal is None:
        return None
    return next((i for i in goal.indicators if i.position == position), None)


def load_survey(
    process: Process, groups: dict[str, WorkGroup], report: LoadReport
) -> Survey:
    """Create or refresh the demo's feedback survey and its answers; flush.

    Call after the monitoring data: the statements feed one of its indicators.
    ``groups`` maps the demo's group names to rows.
    """
    db.session.flush()
    survey = _survey(process, report)
    questions = _questions(survey, feedback_indicator(process), report)
    likert = [q for q in questions if q.kind is QuestionKind.LIKERT]
    texts = [q for q in questions if q.kind is QuestionKind.TEXT]
    feed: FeedReport | None = None
    for data in RESPONSES:
        group = groups[data["group"]]
        if response_of(survey, group) is not None:
            continue  # answered on an earlier load: its answers stay
        author = _participant(group, AUTHORS[data["group"]], report)
        scores = {q.id: s for q, s in zip(likert, data["scores"], strict=True)}
        saves = [(data["texts"], data["at"])]
        if data.get("revised"):
            saves.append((data["revised"]["texts"], data["revised"]["at"]))
        for answers, at in saves:
            _response, feed = submit_response(
                survey,
                group=group,
                author=author,
                scores=scores,
                texts={q.id: t for q, t in zip(texts, answers, strict=True)},
                now=at,
            )
        report.created["survey response"] += 1
        report.created["free-text answer"] += sum(1 for t in data["texts"] if t)
    if feed is not None:
        report.created["survey-fed indicator value"] += len(feed.written)
    _code_answers(process, survey, texts, groups, report)
    db.session.flush()
    return survey


def _survey(process: Process, report: LoadReport) -> Survey:
    """The process's survey for the period, its phase's texts and times as the data."""
    survey = survey_for_period(process, PERIOD)
    values = {key: PHASE[key] for key in ("title", "description")}
    times = {key: PHASE[key] for key in ("starts_at", "ends_at")}
    if survey is None:
        phase = add_phase(process, kind=PHASE["kind"], **values, **times)
        survey = ensure_survey(phase)
        update_survey(survey, intro=INTRO, period=PERIOD)
        report.created["survey phase"] += 1
        return survey
    _set(
        survey.phase,
        report,
        "survey phase",
        description_html=render_translated(values["description"]),
        **values,
        **times,
    )
    _set(survey, report, "survey", intro=INTRO, intro_html=render_translated(INTRO))
    return survey


def _questions(
    survey: Survey, indicator: Indicator | None, report: LoadReport
) -> list[SurveyQuestion]:
    """The survey's questions by position: added when missing, texts set back."""
    by_position = {q.position: q for q in survey.questions}
    result = []
    for position, data in enumerate(QUESTIONS, start=1):
        question = by_position.get(position)
        if question is None:
            linked = data.get("linked") and indicator is not None
            question = add_question(
                survey,
                kind=data["kind"],
                text=data["text"],
                indicator_id=indicator.id if linked else None,
            )
            report.created["survey question"] += 1
        elif question.text != data["text"]:
            question.text = data["text"]
            sync_prompt(question)  # a free-text question's prompt has the same text
            report.updated["survey question"] += 1
        result.append(question)
    db.session.flush()
    return result


def _code_answers(
    process: Process,
    survey: Survey,
    texts: list[SurveyQuestion],
    groups: dict[str, WorkGroup],
    report: LoadReport,
) -> None:
    """The facilitator's codes, on answers nobody has decided on yet."""
    actor = find_user_by_email(FACILITATOR)
    themes = {theme.position: theme for theme in process.themes}
    if actor is None:
        return
    targets: list[tuple[Comment, int]] = []
    for group_name, number, position in CODES:
        comment = _answer_comment(survey, groups[group_name], texts[number - 1])
        if comment is not None and position in themes:
            targets.append((comment, position))
    decided = decided_themes([comment.id for comment, _position in targets])
    for comment, position in targets:
        if decided[comment.id]:
            continue  # coded (or a code removed) before, perhaps in the app: stays
        add_code(comment, themes[position], actor=actor, now=CODED_AT)
        report.created["theme code"] += 1


def _answer_comment(
    survey: Survey, group: WorkGroup, question: SurveyQuestion
) -> Comment | None:
    """The group's visible free-text answer to the question, if it has one."""
    response = response_of(survey, group)
    if response is None:
        return None
    answer = next((a for a in response.answers if a.question_id == question.id), None)
    comment = answer.comment if answer is not None else None
    if comment is None or comment.is_deleted or comment.is_hidden:
        return None
    return comment
