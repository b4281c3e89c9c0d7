"""Everything stored about one person, as one JSON document (GDPR art. 15 and 20).

Every column that points at ``users.id`` and what this module (the download) and
``services.delete_account`` (erasure) do with it:

=============================== ============================== ==========================
column                          in the download                 when the account is deleted
=============================== ============================== ==========================
users.*                         account (never password_hash    the row is deleted
                                or session_version)
password_reset_tokens.user_id   dates of reset links (never     deleted (ON DELETE CASCADE)
                                the token hash)
group_memberships.user_id       memberships                     deleted
process_roles.user_id           process_roles                   deleted
comments.author_id              comments with earlier versions  cleared: the comment stays
                                                                as the group's; in processes
                                                                set to REMOVE the text and
                                                                its versions are removed
comments.hidden_by_id           moderation (hidden by you)      cleared
comment_flags.user_id           flags                           cleared (the report stays
                                                                for the moderators, nameless)
comment_flags.resolved_by_id    moderation (resolved by you)    cleared
moderation_events.actor_id      moderation_log                  cleared
votes.cast_by_id                votes with their entries        cleared; a personal vote's
                                                                ``user:<id>`` key becomes
                                                                ``deleted:<vote id>`` so a
                                                                later account with a reused
                                                                id never finds it
workshop_choices.user_id        workshop_choices                deleted
feeling_marks.user_id           feeling_marks                   deleted
prompts.proposed_by_id          proposed_topics                 cleared (the topic stays)
survey_responses.submitted_by_id survey_responses (the group's   cleared (the answers are the
                                answers you submitted)          group's)
theme_tags.decided_by_id        coding_decisions                cleared
theme_candidates.decided_by_id  theme_candidates_decided        cleared
proposal_versions.created_by_id proposal_versions               cleared
action_notes.created_by_id      action_notes                    cleared
indicator_values.entered_by_id  indicator_values                cleared
workshop_memos.edited_by_id     workshop_memos                  cleared
processes.created_by_id         processes_created               cleared
api_tokens.user_id              api_tokens (name, first         deleted (the token stops
                                characters, processes, times;   working)
                                never the token or its hash)
live_vote_ballots.user_id       live_seminar.quick_vote_ballots deleted (a closed vote keeps
                                                                its stored result)
live_votes.opened_by_id         live_seminar.quick_votes_opened cleared
speaker_questions.author_id     live_seminar.questions_to_      cleared: the question stays
                                speakers                        as the group's
speaker_questions.moderated_by_id live_seminar.questions_      cleared
                                moderated
speaker_question_likes.user_id  live_seminar.question_likes     deleted
=============================== ============================== ==========================

Not keyed by ``users.id`` but about the person: ``outbox_messages`` addressed to the
account's email (in the download; deleted with the account) and work groups that
name the email as their contact (in the download; the facilitators keep that contact
data). ``tests/privacy/test_own_data.py`` fails when a new column points at
``users.id`` without being listed in ``USER_COLUMNS``.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime

import sqlalchemy as sa

from ..extensions import db
from ..i18n import localized
from ..models import (
    ApiToken,
    Ballot,
    Comment,
    CommentFlag,
    CommentVersion,
    FeelingMark,
    GroupMembership,
    OutboxMessage,
    ProcessRole,
    Prompt,
    SurveyResponse,
    User,
    Vote,
    WorkGroup,
    WorkshopChoice,
)
from ..models.users import PasswordResetToken
from .download_values import all_rows, iso_time, process_ref
from .queries_own_data_live import live_records, live_staff_records
from .queries_own_data_staff import staff_records

#: (table, column) of every foreign key to users.id this module and the deletion
#: handle; see the module docstring.
USER_COLUMNS = frozenset(
    {
        ("password_reset_tokens", "user_id"),
        ("group_memberships", "user_id"),
        ("process_roles", "user_id"),
        ("comments", "author_id"),
        ("comments", "hidden_by_id"),
        ("comment_flags", "user_id"),
        ("comment_flags", "resolved_by_id"),
        ("moderation_events", "actor_id"),
        ("votes", "cast_by_id"),
        ("workshop_choices", "user_id"),
        ("feeling_marks", "user_id"),
        ("prompts", "proposed_by_id"),
        ("survey_responses", "submitted_by_id"),
        ("theme_tags", "decided_by_id"),
        ("theme_candidates", "decided_by_id"),
        ("proposal_versions", "created_by_id"),
        ("action_notes", "created_by_id"),
        ("indicator_values", "entered_by_id"),
        ("workshop_memos", "edited_by_id"),
        ("processes", "created_by_id"),
        ("api_tokens", "user_id"),
        ("live_vote_ballots", "user_id"),
        ("live_votes", "opened_by_id"),
        ("speaker_questions", "author_id"),
        ("speaker_questions", "moderated_by_id"),
        ("speaker_question_likes", "user_id"),
    }
)


def _title(texts: dict | None, language: str = "fi") -> str:
    return localized(texts, language)


def _account(user: User) -> dict:
    return {
        "id": user.id,
        "name": user.name,
        "email": user.email,
        "role": user.role.value,
        "language": user.locale,
        "has_password": bool(user.password_hash),
        "active": user.is_active_account,
        "created_at": iso_time(user.created_at),
        "last_login_at": iso_time(user.last_login_at),
    }


def _memberships(user: User) -> list[dict]:
    rows = all_rows(
        sa.select(GroupMembership)
        .where(GroupMembership.user_id == user.id)
        .order_by(GroupMembership.joined_at)
    )
    return [
        {
            "process": process_ref(m.group.process),
            "group": m.group.name,
            "organisation": m.group.organisation.name,
            "joined_at": iso_time(m.joined_at),
        }
        for m in rows
    ]


def _roles(user: User) -> list[dict]:
    rows = all_rows(sa.select(ProcessRole).where(ProcessRole.user_id == user.id))
    return [{"process": process_ref(r.process), "role": r.role.value} for r in rows]


def _comment(comment: Comment) -> dict:
    process = comment.process
    versions = all_rows(
        sa.select(CommentVersion)
        .where(CommentVersion.comment_id == comment.id)
        .order_by(CommentVersion.written_at)
    )
    return {
        "id": comment.id,
        "process": process_ref(process),
        "question": _title(comment.prompt.question, process.language),
        "group": comment.group.name,
        "reply_to": comment.reply_to_id,
        "text": comment.body,
        "created_at": iso_time(comment.created_at),
        "edited_at": iso_time(comment.edited_at),
        "deleted_at": iso_time(comment.deleted_at),
        "moderation": {
            "hidden_at": iso_time(comment.hidden_at),
            "hidden_reason": comment.hidden_reason or None,
            "thread_locked_at": iso_time(comment.thread.locked_at),
        },
        "earlier_versions": [
            {
                "text": v.body,
                "written_at": iso_time(v.written_at),
                "replaced_at": iso_time(v.created_at),
            }
            for v in versions
        ],
    }


def _comments(user: User) -> list[dict]:
    rows = all_rows(
        sa.select(Comment)
        .where(Comment.author_id == user.id)
        .order_by(Comment.created_at, Comment.id)
    )
    return [_comment(c) for c in rows]


def _flags(user: User) -> list[dict]:
    rows = all_rows(
        sa.select(CommentFlag)
        .where(CommentFlag.user_id == user.id)
        .order_by(CommentFlag.created_at)
    )
    return [
        {
            "comment": f.comment_id,
            "process": process_ref(f.comment.process),
            "reason": f.reason,
            "created_at": iso_time(f.created_at),
            "resolved_at": iso_time(f.resolved_at),
        }
        for f in rows
    ]


def _votes(user: User) -> list[dict]:
    rows = all_rows(
        sa.select(Vote).where(Vote.cast_by_id == user.id).order_by(Vote.cast_at)
    )
    result = []
    for vote in rows:
        ballot: Ballot = vote.ballot
        process = ballot.process
        result.append(
            {
                "process": process_ref(process),
                "ballot": _title(ballot.title, process.language),
                "for": "group" if vote.unit_key.startswith("group:") else "yourself",
                "group": vote.group.name if vote.group else None,
                "cast_at": iso_time(vote.cast_at),
                "changed_at": iso_time(vote.updated_at),
                "times_changed": vote.revision - 1,
                "entries": [
                    {
                        "theme": _title(e.theme.title, process.language),
                        "value": e.value,
                    }
                    for e in vote.entries
                ],
            }
        )
    return result


def _workshop_choices(user: User) -> list[dict]:
    rows = all_rows(sa.select(WorkshopChoice).where(WorkshopChoice.user_id == user.id))
    return [
        {
            "process": process_ref(c.workshop.process),
            "workshop": _title(c.workshop.title, c.workshop.process.language),
            "chosen_at": iso_time(c.created_at),
        }
        for c in rows
    ]


def _feeling_marks(user: User) -> list[dict]:
    rows = all_rows(sa.select(FeelingMark).where(FeelingMark.user_id == user.id))
    result = []
    for mark in rows:
        prompt = db.session.get(Prompt, mark.prompt_id)
        process = prompt.process
        result.append(
            {
                "process": process_ref(process),
                "statement": _title(prompt.question, process.language),
                "value": mark.value,
                "created_at": iso_time(mark.created_at),
                "changed_at": iso_time(mark.updated_at),
            }
        )
    return result


def _proposed_topics(user: User) -> list[dict]:
    rows = all_rows(sa.select(Prompt).where(Prompt.proposed_by_id == user.id))
    return [
        {
            "process": process_ref(p.process),
            "topic": _title(p.question, p.process.language),
            "created_at": iso_time(p.created_at),
        }
        for p in rows
    ]


def _survey_responses(user: User) -> list[dict]:
    rows = all_rows(
        sa.select(SurveyResponse).where(SurveyResponse.submitted_by_id == user.id)
    )
    result = []
    for response in rows:
        process = response.survey.process
        answers = []
        for answer in response.answers:
            answers.append(
                {
                    "question": _title(answer.question.text, process.language),
                    "score": answer.score,
                    "text": answer.comment.body if answer.comment else None,
                }
            )
        result.append(
            {
                "process": process_ref(process),
                "survey": _title(response.survey.phase.title, process.language),
                "group": response.group.name,
                "submitted_at": iso_time(response.submitted_at),
                "answers": answers,
            }
        )
    return result


def _outbox(user: User) -> list[dict]:
    if not user.email:
        return []
    rows = all_rows(
        sa.select(OutboxMessage)
        .where(sa.func.lower(OutboxMessage.recipient) == user.email.lower())
        .order_by(OutboxMessage.created_at)
    )
    return [
        {
            "kind": m.kind,
            "subject": m.subject,
            "text": m.body_text,
            "attachment": m.attachment_name or None,
            "created_at": iso_time(m.created_at),
            "sent_at": iso_time(m.sent_at),
        }
        for m in rows
    ]


def _group_contacts(user: User) -> list[dict]:
    if not user.email:
        return []
    rows = all_rows(
        sa.select(WorkGroup).where(
            sa.func.lower(WorkGroup.contact_email) == user.email.lower()
        )
    )
    return [
        {
            "process": process_ref(g.process),
            "group": g.name,
            "contact_name": g.contact_name,
            "contact_email": g.contact_email,
        }
        for g in rows
    ]


def _api_tokens(user: User) -> list[dict]:
    """One's personal API tokens: what tells them apart, never the token itself."""
    tokens = all_rows(
        sa.select(ApiToken).where(ApiToken.user_id == user.id).order_by(ApiToken.id)
    )
    return [
        {
            "name": token.name,
            "starts_with": token.hint,
            "processes": [process.slug for process in token.processes],
            "created_at": iso_time(token.created_at),
            "expires_at": iso_time(token.expires_at),
            "revoked_at": iso_time(token.revoked_at),
            "last_used_at": iso_time(token.last_used_at),
        }
        for token in tokens
    ]


def own_data(user: User, *, now: datetime | None = None) -> dict:
    """Collect everything stored about the user (see the module docstring)."""
    resets = all_rows(
        sa.select(PasswordResetToken).where(PasswordResetToken.user_id == user.id)
    )
    return {
        "service": "Osallistamo",
        "exported_at": iso_time(now or datetime.now(UTC)),
        "account": _account(user),
        "password_reset_links": [
            {
                "created_at": iso_time(t.created_at),
                "expires_at": iso_time(t.expires_at),
                "used_at": iso_time(t.used_at),
            }
            for t in resets
        ],
        "memberships": _memberships(user),
        "process_roles": _roles(user),
        "comments": _comments(user),
        "flags": _flags(user),
        "votes": _votes(user),
        "workshop_choices": _workshop_choices(user),
        "feeling_marks": _feeling_marks(user),
        "proposed_topics": _proposed_topics(user),
        "survey_responses": _survey_responses(user),
        "letters": _outbox(user),
        "named_as_group_contact": _group_contacts(user),
        "as_facilitator_or_observer": staff_records(user),
        "api_tokens": _api_tokens(user),
        "live_seminar": live_records(user) | live_staff_records(user),
    }


def own_data_json(user: User, *, now: datetime | None = None) -> str:
    """The download: readable UTF-8 JSON (ä and ö as themselves)."""
    return json.dumps(own_data(user, now=now), ensure_ascii=False, indent=2)
