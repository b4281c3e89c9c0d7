"""The demo's feedback survey to the education providers: a closed survey phase for
the last completed school year, the groups' answers saved through the answering
service, free-text answers as comments, the indicator's values for that school year
fed from the answers, and reloading."""

from __future__ import annotations

from datetime import timedelta
from zoneinfo import ZoneInfo

import pytest
import sqlalchemy as sa

from app.coding.queries import scope_comments
from app.demo import KESKI_UUSIMAA
from app.models import (
    Comment,
    CommentVersion,
    IndicatorValue,
    Phase,
    PhaseKind,
    Process,
    QuestionKind,
    Survey,
    SurveyAnswer,
    SurveyQuestion,
    SurveyResponse,
    TagStatus,
    ThemeTag,
    ValueOrigin,
    scope_key_for,
)
from app.surveys.services import SurveyState, state
from tests.demo_snapshot import load_demo

from .test_demo import clock_fixture, spec_fixture  # noqa: F401  (shared fixtures)

HELSINKI = ZoneInfo("Europe/Helsinki")
TABLES = (
    Phase,
    Survey,
    SurveyQuestion,
    SurveyResponse,
    SurveyAnswer,
    Comment,
    CommentVersion,
    IndicatorValue,
    ThemeTag,
)
AUTHORS = KESKI_UUSIMAA["authors"]
FACILITATOR = KESKI_UUSIMAA["process"]["creator"]
KEUDA = "Keudan opiskeluhuoltoryhmä"
QUESTIONS = KESKI_UUSIMAA["survey"]["questions"]
CODES = KESKI_UUSIMAA["survey"]["codes"]
LIKERT = [q for q in QUESTIONS if q["kind"] is QuestionKind.LIKERT]
TEXTS = [q for q in QUESTIONS if q["kind"] is QuestionKind.TEXT]

pytestmark = pytest.mark.usefixtures("clock")


def _counts(db) -> dict:
    return {
        model.__name__: db.session.scalar(sa.select(sa.func.count()).select_from(model))
        for model in TABLES
    }


def _load(runner):
    result = runner.invoke(args=["demo", "load"])
    assert result.exit_code == 0, result.output
    return result


@pytest.fixture()
def survey_data(spec) -> dict:
    """The survey's data, its dates in the last completed school year's spring."""
    return spec["survey"]


@pytest.fixture()
def periods(clock) -> tuple[str, str]:
    """The school year before the last completed one, and the last completed one
    (a school year runs 1.8.–31.7.)."""
    today = clock.today
    last = today.year - 1 if today.month >= 8 else today.year - 2
    return f"{last - 1}-{last}", f"{last}-{last + 1}"


@pytest.fixture()
def loaded(runner, db) -> Process:
    load_demo(runner, db)
    return db.session.scalar(sa.select(Process).where(Process.slug == "keski-uusimaa"))


@pytest.fixture()
def survey(loaded) -> Survey:
    phase = next(p for p in loaded.phases if p.kind is PhaseKind.SURVEY)
    return phase.survey


def _indicator(loaded):
    return loaded.goals[3].indicators[0]


def _final_texts(data: dict) -> tuple[str, ...]:
    return data["revised"]["texts"] if data.get("revised") else data["texts"]


def test_the_survey_phase_is_closed_with_its_period_and_intro(
    loaded, survey, clock, periods
):
    """A survey phase in three languages, 6.–30.4. of the last completed school
    year's spring, Helsinki time stored in UTC, closed now, for that school year,
    with a three-language introduction."""
    phase = survey.phase
    last = periods[1]
    assert [p.kind for p in loaded.phases].count(PhaseKind.SURVEY) == 1
    title = "Palautekysely koulutuksen järjestäjille " + last.replace("-", "–")
    assert phase.title["fi"] == title
    assert set(phase.title) == set(phase.description) == {"fi", "sv", "en"}
    assert phase.starts_at.utcoffset().total_seconds() == 0
    start = phase.starts_at.astimezone(HELSINKI)
    end = phase.ends_at.astimezone(HELSINKI)
    spring = int(last[-4:])
    assert (start.year, start.month, start.day, start.hour) == (spring, 4, 6, 9)
    assert (end.year, end.month, end.day, end.hour) == (spring, 4, 30, 16)
    assert state(survey, clock.now) is SurveyState.CLOSED
    assert survey.period == last
    assert set(survey.intro) == {"fi", "sv", "en"}
    assert "<p>" in survey.intro_html["fi"] and "en osaa sanoa" in survey.intro["fi"]
    assert f"lukuvuonna {last.replace('-', '–')}" in survey.intro["fi"]


def test_the_survey_has_its_statements_and_free_text_questions(loaded, survey):
    """Five statements (the linked ones feed the feedback indicator) and two free-text
    questions, each owning a prompt with its text."""
    questions = survey.questions
    assert [q.position for q in questions] == list(range(1, len(QUESTIONS) + 1))
    assert [q.text for q in questions] == [q["text"] for q in QUESTIONS]
    assert [q.kind for q in questions].count(QuestionKind.LIKERT) == 5
    assert questions[0].text["fi"] == (
        "Opiskeluhuollon palvelut ovat olleet oppilaitoksemme saatavilla sovitusti."
    )
    indicator = _indicator(loaded)
    assert indicator.title["fi"] == "Palautekyselyn keskiarvo koulutuksen järjestäjiltä"
    linked = [q for q, d in zip(questions, QUESTIONS, strict=True) if d.get("linked")]
    assert linked and all(q.indicator_id == indicator.id for q in linked)
    assert {q.indicator_id for q in questions if q not in linked} == {None}
    free = [q for q in questions if q.kind is QuestionKind.TEXT]
    assert [q.text["fi"] for q in free] == [
        "Mikä yhteistyössä on toiminut hyvin?",
        "Mitä pitäisi kehittää ensi lukuvuonna?",
    ]
    assert all(q.prompt is not None and q.prompt.question == q.text for q in free)
    assert all(q.prompt.survey_id == survey.id for q in free)


def test_the_education_providers_answered_within_the_survey_time(
    db, loaded, survey, survey_data
):
    """One response per answering group, by the group's member, inside the survey's
    time, with the data's scores and some "cannot say" answers."""
    responses = db.session.scalars(
        sa.select(SurveyResponse).where(SurveyResponse.survey_id == survey.id)
    ).all()
    assert 5 <= len(responses) <= 7
    by_group = {r.group.name: r for r in responses}
    assert set(by_group) == {d["group"] for d in survey_data["responses"]}
    likert = [q for q in survey.questions if q.kind is QuestionKind.LIKERT]
    skipped = 0
    for data in survey_data["responses"]:
        response = by_group[data["group"]]
        assert response.submitted_by.name == AUTHORS[data["group"]]
        assert response.group.has_member(response.submitted_by)
        last = data.get("revised", data)["at"]
        assert response.submitted_at == last
        assert survey.phase.starts_at <= response.submitted_at < survey.phase.ends_at
        scores = {a.question_id: a.score for a in response.answers}
        assert [scores[q.id] for q in likert] == list(data["scores"])
        skipped += sum(1 for s in data["scores"] if s is None)
    assert skipped >= 2


def test_free_text_answers_are_comments_under_the_prompts(
    db, loaded, survey, survey_data
):
    """Each non-empty free-text answer is the group's comment under the question's
    prompt (an empty one is no comment); the coding view sees them in the survey."""
    free = [q for q in survey.questions if q.kind is QuestionKind.TEXT]
    for number, question in enumerate(free):
        comments = db.session.scalars(
            sa.select(Comment).where(Comment.prompt_id == question.prompt_id)
        ).all()
        expected = {
            d["group"]: _final_texts(d)[number]
            for d in survey_data["responses"]
            if _final_texts(d)[number]
        }
        assert {c.group.name: c.body for c in comments} == expected
        assert all("<p>" in c.body_html for c in comments)
        assert all(c.author.name == AUTHORS[c.group.name] for c in comments)
    in_scope = scope_comments(loaded, survey.phase)
    assert len(in_scope) == sum(
        1 for d in survey_data["responses"] for text in _final_texts(d) if text
    )
    assert len([t for d in survey_data["responses"] for t in d["texts"] if not t]) >= 1


def test_a_revised_answer_keeps_its_first_wording_as_a_version(
    db, loaded, survey, survey_data
):
    """Keuda saved its answer again: the comment has the new text and one version."""
    data = next(d for d in survey_data["responses"] if d["group"] == KEUDA)
    question = [q for q in survey.questions if q.kind is QuestionKind.TEXT][1]
    comment = db.session.scalar(
        sa.select(Comment)
        .join(Comment.group)
        .where(Comment.prompt_id == question.prompt_id, Comment.group.has(name=KEUDA))
    )
    assert comment.body == data["revised"]["texts"][1]
    assert [v.body for v in comment.versions] == [data["texts"][1]]
    assert comment.edited_at == data["revised"]["at"]


def test_the_indicator_values_are_the_averages_of_the_linked_scores(
    db, loaded, survey, periods
):
    """The last completed school year's value, region-wide and per organisation, is
    the average of every score given to the linked statements (skips left out),
    written by the survey feed; the year before stays hand-entered with a note."""
    previous, last = periods
    indicator = _indicator(loaded)
    linked = [q.id for q in survey.questions if q.indicator_id == indicator.id]
    rows = db.session.execute(
        sa.select(SurveyAnswer.score, SurveyResponse.group_id)
        .join(SurveyResponse, SurveyResponse.id == SurveyAnswer.response_id)
        .where(SurveyAnswer.question_id.in_(linked), SurveyAnswer.score.is_not(None))
    ).all()
    groups = {g.id: g for g in loaded.work_groups}
    by_scope: dict[str, list[int]] = {}
    for score, group_id in rows:
        by_scope.setdefault(scope_key_for(None, ""), []).append(score)
        key = scope_key_for(groups[group_id].organisation_id, "")
        by_scope.setdefault(key, []).append(score)
    values = {
        v.scope_key: v
        for v in db.session.scalars(
            sa.select(IndicatorValue).where(
                IndicatorValue.indicator_id == indicator.id,
                IndicatorValue.period == last,
            )
        )
    }
    assert set(values) == set(by_scope)
    for key, scores in by_scope.items():
        assert values[key].value == round(sum(scores) / len(scores), 2), key
        assert values[key].origin is ValueOrigin.SURVEY
    region = values[scope_key_for(None, "")]
    assert 3.0 < region.value < 4.0  # below the target of 4.0, above the year before
    assert f"{len(by_scope[region.scope_key])}" in region.note
    earlier = [v for v in indicator.values if v.period == previous]
    assert earlier and all(v.origin is ValueOrigin.MANUAL for v in earlier)
    assert all("paperilla" in v.note for v in earlier)


def test_some_answers_are_coded_to_themes(db, loaded, survey, survey_data):
    """The facilitator coded the data's free-text answers to their themes."""
    free = [q for q in survey.questions if q.kind is QuestionKind.TEXT]
    for group, number, position in CODES:
        comment = db.session.scalar(
            sa.select(Comment).where(
                Comment.prompt_id == free[number - 1].prompt_id,
                Comment.group.has(name=group),
            )
        )
        confirmed = [t for t in comment.tags if t.status is TagStatus.CONFIRMED]
        assert [t.theme.position for t in confirmed] == [position]
        assert confirmed[0].decided_by.email == FACILITATOR
        assert confirmed[0].decided_at == survey_data["coded_at"]


def test_loading_twice_creates_nothing_new(runner, db, loaded, survey, periods):
    """A second load adds no phase, question, response, comment, version, value or
    code, sets nothing back and keeps the fed values."""
    before = _counts(db)
    values = {
        v.id: v.value for v in _indicator(loaded).values if v.period == periods[1]
    }
    result = _load(runner)
    assert "Created: nothing new." in result.output
    assert "Set back" not in result.output
    db.session.expire_all()
    assert _counts(db) == before
    after = db.session.scalars(
        sa.select(IndicatorValue).where(IndicatorValue.id.in_(values))
    ).all()
    assert {v.id: v.value for v in after} == values


def test_reload_sets_the_phase_back_and_keeps_the_answers(runner, db, loaded, survey):
    """A survey title or time changed in the app is set back; the answers stay."""
    phase_id = survey.phase.id
    survey.phase.title = {"fi": "Muutettu"}
    survey.phase.ends_at += timedelta(days=60)
    db.session.commit()
    responses = _counts(db)["SurveyResponse"]
    result = _load(runner)
    assert "Set back to the demo data: 1 survey phase." in result.output
    db.session.expire_all()
    phase = db.session.get(Phase, phase_id)
    assert phase.title["fi"].startswith("Palautekysely")
    assert phase.ends_at.astimezone(HELSINKI).day == 30
    assert _counts(db)["SurveyResponse"] == responses


def test_the_results_page_shows_the_answers(client, auth, db, loaded, survey):
    """The facilitator opens the demo survey's results at once."""
    facilitator = next(r.user for r in loaded.roles if r.user.email == FACILITATOR)
    auth.login_as(facilitator)
    page = client.get(f"/p/keski-uusimaa/surveys/{survey.phase.id}/results")
    html = page.get_data(as_text=True)
    assert page.status_code == 200
    assert "Tieto kulkee hyvinvointialueen ja oppilaitoksen välillä." in html
    assert "Kouluterveyskyselyn tulokset" in html
