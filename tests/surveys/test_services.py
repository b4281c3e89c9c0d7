"""Survey set-up and answering rules (services, no HTTP)."""

from datetime import timedelta

import pytest
import sqlalchemy as sa

from app.errors import InvalidSchedule
from app.models import (
    Comment,
    Phase,
    PhaseKind,
    Prompt,
    QuestionKind,
    Survey,
    SurveyResponse,
)
from app.surveys import services, services_questions
from app.surveys.services_answers import (
    AnswerTooLong,
    InvalidScore,
    NotInGroup,
    SurveyNotOpen,
    response_of,
)


def test_ensure_survey_only_for_survey_phases(db, world, create_phase):
    """Only a survey phase gets survey settings, and only once."""
    assert services.ensure_survey(world.phase) is world.survey
    discussion = create_phase(world.process, kind=PhaseKind.DISCUSSION)
    assert services.ensure_survey(discussion) is None


def test_adding_or_changing_a_phase_to_a_survey_sets_it_up(db, world):
    """The surveys register their set-up with the phases: processes never import
    surveys, yet a phase added as (or changed into) a survey gets its settings."""
    from app.processes.services_phases import PHASE_SETUP, add_phase, update_phase

    assert PHASE_SETUP[PhaseKind.SURVEY] is services.ensure_survey
    title = {world.process.language: "Kysely"}
    added = add_phase(world.process, kind=PhaseKind.SURVEY, title=title)
    assert isinstance(added.survey, Survey)
    changed = add_phase(world.process, kind=PhaseKind.DISCUSSION, title=title)
    assert changed.survey is None
    update_phase(changed, kind=PhaseKind.SURVEY, title=title)
    assert isinstance(changed.survey, Survey)


@pytest.mark.parametrize(
    ("period", "expected"),
    [
        ("2025-2026", "2025-2026"),
        ("2026", "2026"),
        (" 2025–2026 ", "2025-2026"),
        ("", ""),
    ],
)
def test_period_accepts_either_form(period, expected):
    """A school year or a calendar year is accepted (an en dash too)."""
    assert services.clean_period(period) == expected


@pytest.mark.parametrize("period", ["2025-2027", "25-26", "syksy 2025", "20256"])
def test_period_refuses_other_forms(period):
    """Anything but a school year or a calendar year is refused."""
    with pytest.raises(services.InvalidPeriod):
        services.clean_period(period)


def test_next_period():
    """The next period follows the same form."""
    assert services.next_period("2025-2026") == "2026-2027"
    assert services.next_period("2026") == "2027"
    assert services.next_period("") is None


def test_free_text_question_owns_a_prompt(db, world):
    """A free-text question gets a prompt of the survey with the same text."""
    prompt = world.open_question.prompt
    assert prompt is not None
    assert prompt.survey_id == world.survey.id and prompt.discussion_id is None
    assert prompt.question == {"fi": "Mitä kehittäisitte?"}
    assert world.statement.prompt is None
    services_questions.update_question(
        world.open_question,
        kind="text",
        text={"fi": "Mitä kehittäisitte ensi vuonna?"},
        scale_max=5,
        indicator_id=None,
    )
    assert prompt.question == {"fi": "Mitä kehittäisitte ensi vuonna?"}


def test_kind_change_before_answers_moves_the_prompt(db, world):
    """An unanswered question may change kind; its prompt follows."""
    services_questions.update_question(
        world.unlinked,
        kind="text",
        text=world.unlinked.text,
        scale_max=5,
        indicator_id=None,
    )
    db.session.commit()
    assert world.unlinked.prompt is not None
    services_questions.update_question(
        world.unlinked,
        kind="likert",
        text=world.unlinked.text,
        scale_max=7,
        indicator_id=None,
    )
    db.session.commit()
    assert world.unlinked.prompt is None
    assert world.unlinked.scale_max == 7


def test_foreign_indicator_refused(db, world, create_process):
    """A statement links only to an indicator of its own process."""
    from app.models import Goal, Indicator

    other = create_process()
    goal = Goal(process=other, title={"fi": "Muu"})
    foreign = Indicator(goal=goal, title={"fi": "Muu mittari"})
    db.session.add(goal)
    db.session.flush()
    with pytest.raises(services_questions.ForeignIndicator):
        services_questions.add_question(
            world.survey, kind="likert", text={"fi": "X"}, indicator_id=foreign.id
        )


def test_question_needs_main_language_text(db, world):
    """A question without the process's main-language text is refused."""
    with pytest.raises(services_questions.MissingQuestionText):
        services_questions.add_question(
            world.survey, kind="likert", text={"en": "Only English"}
        )


def test_answered_question_locks(db, world, answer):
    """Once answered, a question cannot be removed nor change kind or scale."""
    answer(world.group_a, world.member, {world.statement: 4})
    db.session.commit()
    assert services_questions.is_locked(world.statement)
    assert services_questions.is_locked(world.open_question)
    with pytest.raises(services_questions.QuestionLocked):
        services_questions.delete_question(world.statement)
    with pytest.raises(services_questions.QuestionLocked):
        services_questions.update_question(
            world.statement,
            kind="text",
            text=world.statement.text,
            scale_max=5,
            indicator_id=None,
        )
    with pytest.raises(services_questions.QuestionLocked):
        services_questions.update_question(
            world.statement,
            kind="likert",
            text=world.statement.text,
            scale_max=7,
            indicator_id=None,
        )
    # The wording may still be corrected.
    services_questions.update_question(
        world.statement,
        kind="likert",
        text={"fi": "Yhteistyö toimii hyvin."},
        scale_max=5,
        indicator_id=world.indicator.id,
    )
    assert world.statement.text == {"fi": "Yhteistyö toimii hyvin."}


def test_unanswered_question_is_removed_with_its_prompt(db, world):
    """Removing an unanswered free-text question removes its prompt and closes the gap."""
    prompt_id = world.open_question.prompt_id
    services_questions.delete_question(world.unlinked)
    services_questions.delete_question(world.open_question)
    db.session.commit()
    assert db.session.get(Prompt, prompt_id) is None
    assert [q.position for q in world.survey.questions] == [1]


def test_move_question(db, world):
    """Questions move one step at a time and keep dense positions."""
    assert services_questions.move_question(world.open_question, "up")
    db.session.commit()
    order = [q.id for q in world.survey.questions]
    assert order == [world.statement.id, world.open_question.id, world.unlinked.id]
    assert world.open_question.prompt.position == 2
    assert not services_questions.move_question(world.statement, "up")


def test_answering_once_per_group_with_replacement(db, world, answer):
    """A group has one response; answering again replaces its answers."""
    first, _ = answer(
        world.group_a,
        world.member,
        {world.statement: 2, world.unlinked: 3},
        {world.open_question: "Enemmän yhteisiä tapaamisia."},
    )
    db.session.commit()
    second, _ = answer(
        world.group_a,
        world.member,
        {world.statement: 5, world.unlinked: None},
        {world.open_question: "Yhteiset tapaamiset kerran kuussa."},
    )
    db.session.commit()
    assert first.id == second.id
    assert db.session.scalar(sa.select(sa.func.count(SurveyResponse.id))) == 1
    scores = {a.question_id: a.score for a in second.answers}
    assert scores[world.statement.id] == 5
    assert scores[world.unlinked.id] is None
    comments = db.session.scalars(
        sa.select(Comment).where(Comment.prompt_id == world.open_question.prompt_id)
    ).all()
    assert len(comments) == 1
    comment = comments[0]
    assert comment.body == "Yhteiset tapaamiset kerran kuussa."
    assert comment.group_id == world.group_a.id
    assert [v.body for v in comment.versions] == ["Enemmän yhteisiä tapaamisia."]
    assert comment.edited_at is not None


def test_emptied_text_deletes_the_comment(db, world, answer):
    """An emptied free-text answer leaves no comment to code."""
    answer(world.group_a, world.member, texts={world.open_question: "Jotain."})
    db.session.commit()
    answer(world.group_a, world.member, texts={world.open_question: "  "})
    db.session.commit()
    comment = db.session.scalar(
        sa.select(Comment).where(Comment.prompt_id == world.open_question.prompt_id)
    )
    assert comment.is_deleted and comment.body == ""
    answer_row = next(
        a
        for a in response_of(world.survey, world.group_a).answers
        if a.question_id == world.open_question.id
    )
    assert answer_row.comment_id is None
    # Writing again makes a new comment.
    answer(world.group_a, world.member, texts={world.open_question: "Uusi."})
    db.session.commit()
    assert answer_row.comment.body == "Uusi."


def test_answering_rules(db, world, answer):
    """Only open, only for one's own group, scores on the scale, text within limits."""
    with pytest.raises(SurveyNotOpen):
        answer(
            world.group_a,
            world.member,
            {world.statement: 3},
            now=world.phase.starts_at - timedelta(minutes=1),
        )
    with pytest.raises(NotInGroup):
        answer(world.group_b, world.member, {world.statement: 3})
    with pytest.raises(InvalidScore):
        answer(world.group_a, world.member, {world.statement: 6})
    with pytest.raises(AnswerTooLong):
        answer(world.group_a, world.member, texts={world.open_question: "x" * 4001})


def test_copy_to_next_period(db, world, answer):
    """Running again copies intro, questions and links to a new phase, no answers."""
    services.update_survey(
        world.survey, intro={"fi": "Hei **kaikki**"}, period="2025-2026"
    )
    answer(world.group_a, world.member, {world.statement: 4})
    db.session.commit()
    copy = services.copy_to_next_period(world.survey)
    db.session.commit()
    assert copy.period == "2026-2027"
    assert copy.phase.kind is PhaseKind.SURVEY
    assert copy.phase.title == {"fi": "Palautekysely 2026-2027"}
    assert copy.phase.starts_at is None and copy.phase.ends_at is None
    assert copy.phase.position == len(world.process.phases)
    assert copy.intro == {"fi": "Hei **kaikki**"}
    assert "<strong>kaikki</strong>" in copy.intro_html["fi"]
    assert [(q.kind, q.text, q.indicator_id) for q in copy.questions] == [
        (q.kind, q.text, q.indicator_id) for q in world.survey.questions
    ]
    text_copy = copy.questions[2]
    assert text_copy.kind is QuestionKind.TEXT
    assert text_copy.prompt is not None
    assert text_copy.prompt_id != world.open_question.prompt_id
    assert text_copy.prompt.survey_id == copy.id
    assert not any(services_questions.is_locked(q) for q in copy.questions)
    with pytest.raises(services.NextPeriodExists):
        services.copy_to_next_period(world.survey)


def test_next_title_moves_the_period_written_with_an_en_dash():
    """Titles often write the school year with an en dash; it moves on too."""
    title = {"fi": "Palautekysely 2025\u20132026", "en": "Survey 2025-2026"}
    assert services._next_title(title, "2025-2026", "2026-2027") == {
        "fi": "Palautekysely 2026\u20132027",
        "en": "Survey 2026-2027",
    }


def test_copy_needs_a_period_and_a_valid_schedule(db, world):
    """No copy without a period; the new times must be in order."""
    world.survey.period = ""
    with pytest.raises(services.NoPeriod):
        services.copy_to_next_period(world.survey)
    world.survey.period = "2026"
    with pytest.raises(InvalidSchedule):
        services.copy_to_next_period(
            world.survey,
            starts_at=world.now,
            ends_at=world.now - timedelta(days=1),
        )


def test_deleting_the_phase_removes_the_survey(db, world, answer):
    """A survey phase's deletion takes its survey, questions and prompts along."""
    from app.processes.services_phases import delete_phase

    answer(world.group_a, world.member, texts={world.open_question: "Tekstiä."})
    db.session.commit()
    delete_phase(world.phase)
    db.session.commit()
    assert db.session.scalar(sa.select(sa.func.count(Survey.id))) == 0
    assert db.session.scalar(sa.select(sa.func.count(Phase.id))) == 0
    assert (
        db.session.scalar(
            sa.select(sa.func.count(Prompt.id)).where(Prompt.survey_id.is_not(None))
        )
        == 0
    )
