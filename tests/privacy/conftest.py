"""Processes full of one person's traces, for the download, deletion and erasure tests."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from types import SimpleNamespace

import pytest

from app.models import (
    AgendaItem,
    AgendaKind,
    Ballot,
    BallotOption,
    Comment,
    CommentFlag,
    CommentVersion,
    DeletedAccountComments,
    Discussion,
    FeelingMark,
    FollowUpProposal,
    Goal,
    Indicator,
    IndicatorValue,
    ModerationAction,
    ModerationEvent,
    OutboxMessage,
    PhaseKind,
    Prompt,
    ProposalVersion,
    Role,
    Seminar,
    ThemeTag,
    Vote,
    VoteEntry,
    VoterUnit,
    Workshop,
    WorkshopChoice,
    WorkshopMemo,
)
from app.models.monitoring import Action, ActionNote, ActionStatus, scope_key_for
from app.models.surveys import (
    QuestionKind,
    Survey,
    SurveyAnswer,
    SurveyQuestion,
    SurveyResponse,
)

NOW = datetime(2026, 11, 20, 10, 0, tzinfo=UTC)


@pytest.fixture(autouse=True)
def english_pages(client):
    """These tests read the English source texts; the catalogues are tested elsewhere."""
    with client.session_transaction() as session:
        session["lang"] = "en"


def _comment(db, prompt, group, author, body, **kwargs) -> Comment:
    comment = Comment(
        prompt_id=prompt.id,
        group_id=group.id,
        author_id=author.id if author else None,
        body=body,
        body_html=f"<p>{body}</p>",
        created_at=kwargs.pop("created_at", NOW),
        **kwargs,
    )
    db.session.add(comment)
    db.session.flush()
    return comment


@pytest.fixture()
def build_process(db, create_process, create_phase, create_group, create_theme):
    """Build a process with every kind of content, written by ``author``.

    Returns a namespace with the process, its group, the author's comment (edited
    once), a reply by ``other``, a flag by ``author`` on ``other``'s comment, a
    personal vote by ``author``, and seminar, survey, follow-up and monitoring rows.
    """

    def _build(
        *,
        author,
        other,
        facilitator,
        setting=DeletedAccountComments.KEEP_AS_GROUP,
        show_names=False,
        words="Metsäkoulu",
    ):
        process = create_process(
            facilitator=facilitator,
            deleted_account_comments=setting,
            show_names=show_names,
        )
        group = create_group(process, members=(author, other))
        theme = create_theme(process)
        phase = create_phase(
            process,
            kind=PhaseKind.DISCUSSION,
            starts_at=NOW - timedelta(days=1),
            ends_at=NOW + timedelta(days=7),
        )
        discussion = Discussion(phase=phase)
        prompt = Prompt(
            discussion=discussion, position=1, question={"fi": "Mikä toimii?"}
        )
        db.session.add_all([discussion, prompt])
        db.session.flush()
        mine = _comment(db, prompt, group, author, f"{words}: oma kommentti ääkkösin")
        mine.edited_at = NOW + timedelta(minutes=5)
        db.session.add(
            CommentVersion(
                comment=mine,
                body=f"{words}: ensimmäinen versio",
                body_html="<p>v1</p>",
                written_at=NOW,
            )
        )
        theirs = _comment(db, prompt, group, other, f"{words}: toisen kommentti")
        reply = _comment(
            db,
            prompt,
            group,
            other,
            f"{words}: vastaus",
            parent_id=mine.id,
            reply_to_id=mine.id,
        )
        flag = CommentFlag(
            comment_id=theirs.id, user_id=author.id, reason=f"{words}: asiaton"
        )
        event = ModerationEvent(
            process_id=process.id,
            comment_id=theirs.id,
            actor_id=author.id,
            action=ModerationAction.FLAG,
            reason="asiaton",
        )
        tag = ThemeTag(
            comment_id=mine.id, theme_id=theme.id, decided_by_id=facilitator.id
        )
        ballot = Ballot(
            phase=phase, title={"fi": "Äänestys"}, voter_unit=VoterUnit.PARTICIPANT
        )
        db.session.add_all([flag, event, tag, ballot])
        db.session.flush()
        db.session.add(BallotOption(ballot_id=ballot.id, theme_id=theme.id, position=1))
        vote = Vote(
            ballot_id=ballot.id,
            unit_key=f"user:{author.id}",
            group_id=group.id,
            cast_by_id=author.id,
            entries=[VoteEntry(theme_id=theme.id, value=1)],
        )
        other_vote = Vote(
            ballot_id=ballot.id,
            unit_key=f"user:{other.id}",
            group_id=group.id,
            cast_by_id=other.id,
            entries=[VoteEntry(theme_id=theme.id, value=1)],
        )
        db.session.add_all([vote, other_vote])

        # A seminar with a workshop whose current prompt is a statement.
        seminar_phase = create_phase(process, kind=PhaseKind.SEMINAR, starts_at=NOW)
        seminar = Seminar(phase=seminar_phase)
        block = AgendaItem(seminar=seminar, kind=AgendaKind.WORKSHOPS, starts_at=NOW)
        workshop = Workshop(block=block, title={"fi": "Tunnerivi"})
        db.session.add_all([seminar, block, workshop])
        db.session.flush()
        statement = Prompt(
            workshop_id=workshop.id,
            position=1,
            question={"fi": "Väite"},
            proposed_by_id=author.id,
        )
        db.session.add(statement)
        db.session.flush()
        workshop.current_prompt_id = statement.id
        db.session.add_all(
            [
                WorkshopChoice(
                    workshop_id=workshop.id, agenda_item_id=block.id, user_id=author.id
                ),
                FeelingMark(prompt_id=statement.id, user_id=author.id, value=4),
                WorkshopMemo(
                    seminar_id=seminar.id,
                    workshop_id=workshop.id,
                    edited_by_id=facilitator.id,
                ),
            ]
        )
        _comment(db, statement, group, author, f"{words}: työpajamuistiinpano")

        # A survey answered by the group, submitted by the author.
        survey_phase = create_phase(process, kind=PhaseKind.SURVEY, starts_at=NOW)
        survey = Survey(phase=survey_phase, period="2026")
        db.session.add(survey)
        db.session.flush()
        likert = SurveyQuestion(
            survey_id=survey.id,
            position=1,
            kind=QuestionKind.LIKERT,
            text={"fi": "Asteikko"},
        )
        free = SurveyQuestion(
            survey_id=survey.id,
            position=2,
            kind=QuestionKind.TEXT,
            text={"fi": "Vapaasti"},
        )
        free_prompt = Prompt(
            survey_id=survey.id, position=1, question={"fi": "Vapaasti"}
        )
        db.session.add_all([likert, free, free_prompt])
        db.session.flush()
        free.prompt_id = free_prompt.id
        answer_comment = _comment(
            db, free_prompt, group, author, f"{words}: kyselyvastaus"
        )
        response = SurveyResponse(
            survey_id=survey.id,
            group_id=group.id,
            submitted_by_id=author.id,
            submitted_at=NOW,
        )
        db.session.add(response)
        db.session.flush()
        db.session.add_all(
            [
                SurveyAnswer(response_id=response.id, question_id=likert.id, score=4),
                SurveyAnswer(
                    response_id=response.id,
                    question_id=free.id,
                    comment_id=answer_comment.id,
                ),
            ]
        )

        # Follow-up: a proposal with a version, a goal with an action and an indicator.
        proposal = FollowUpProposal(process=process)
        db.session.add(proposal)
        db.session.flush()
        db.session.add(
            ProposalVersion(
                proposal_id=proposal.id, number=1, created_by_id=facilitator.id
            )
        )
        goal = Goal(process=process, title={"fi": "Tavoite"})
        action = Action(goal=goal, title="Toimenpide")
        indicator = Indicator(goal=goal, title={"fi": "Mittari"})
        db.session.add_all([goal, action, indicator])
        db.session.flush()
        db.session.add_all(
            [
                ActionNote(
                    action_id=action.id,
                    noted_on=date(2026, 11, 1),
                    status=ActionStatus.PLANNED,
                    body="muistiinpano",
                    created_by_id=facilitator.id,
                ),
                IndicatorValue(
                    indicator_id=indicator.id,
                    period="2026",
                    scope_key=scope_key_for(None, ""),
                    value=31.5,
                    entered_by_id=facilitator.id,
                ),
            ]
        )
        db.session.add(
            OutboxMessage(
                key=f"memo:{process.id}:{author.email or author.id}",
                kind="memo",
                process_id=process.id,
                recipient=author.email or "ryhma@example.fi",
                subject=f"{words}: muistio",
                body_text="Hei",
            )
        )
        db.session.commit()
        return SimpleNamespace(
            process=process,
            group=group,
            prompt=prompt,
            mine=mine,
            theirs=theirs,
            reply=reply,
            flag=flag,
            vote=vote,
            other_vote=other_vote,
            ballot=ballot,
            theme=theme,
            workshop=workshop,
            survey=survey,
            response=response,
        )

    return _build


@pytest.fixture()
def people(create_user):
    """The participant whose data is at stake, another participant, staff."""
    return SimpleNamespace(
        participant=create_user(Role.PARTICIPANT, name="Oona Osallistuja"),
        other=create_user(Role.PARTICIPANT, name="Toivo Toinen"),
        facilitator=create_user(Role.FACILITATOR, name="Fanni Fasilitaattori"),
        admin=create_user(Role.ADMIN, name="Aino Admin"),
    )
