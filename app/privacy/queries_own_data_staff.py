"""The part of one's own data that facilitators and administrators leave behind:
moderation, coding, follow-up versions, monitoring notes and values, memos."""

from __future__ import annotations

import sqlalchemy as sa

from ..models import (
    ActionNote,
    Comment,
    CommentFlag,
    IndicatorValue,
    ModerationEvent,
    Process,
    ProposalVersion,
    ThemeCandidate,
    ThemeTag,
    User,
    WorkshopMemo,
)
from .download_values import all_rows, iso_time, process_ref


def staff_records(user: User) -> dict:
    """What a facilitator or observer did: moderation, coding, follow-up, memos."""
    hidden = all_rows(sa.select(Comment).where(Comment.hidden_by_id == user.id))
    resolved = all_rows(
        sa.select(CommentFlag).where(CommentFlag.resolved_by_id == user.id)
    )
    events = all_rows(
        sa.select(ModerationEvent)
        .where(ModerationEvent.actor_id == user.id)
        .order_by(ModerationEvent.created_at)
    )
    tags = all_rows(sa.select(ThemeTag).where(ThemeTag.decided_by_id == user.id))
    candidates = all_rows(
        sa.select(ThemeCandidate).where(ThemeCandidate.decided_by_id == user.id)
    )
    versions = all_rows(
        sa.select(ProposalVersion).where(ProposalVersion.created_by_id == user.id)
    )
    notes = all_rows(sa.select(ActionNote).where(ActionNote.created_by_id == user.id))
    values = all_rows(
        sa.select(IndicatorValue).where(IndicatorValue.entered_by_id == user.id)
    )
    memos = all_rows(
        sa.select(WorkshopMemo).where(WorkshopMemo.edited_by_id == user.id)
    )
    created = all_rows(sa.select(Process).where(Process.created_by_id == user.id))
    return {
        "processes_created": [process_ref(p) for p in created],
        "comments_hidden": [
            {
                "comment": c.id,
                "reason": c.hidden_reason,
                "hidden_at": iso_time(c.hidden_at),
            }
            for c in hidden
        ],
        "flags_resolved": [
            {
                "flag": f.id,
                "comment": f.comment_id,
                "resolved_at": iso_time(f.resolved_at),
            }
            for f in resolved
        ],
        "moderation_log": [
            {
                "process_id": e.process_id,
                "comment": e.comment_id,
                "action": e.action.value,
                "reason": e.reason,
                "at": iso_time(e.created_at),
            }
            for e in events
        ],
        "coding_decisions": [
            {
                "comment": t.comment_id,
                "theme_id": t.theme_id,
                "status": t.status.value,
                "decided_at": iso_time(t.decided_at),
            }
            for t in tags
        ],
        "theme_candidates_decided": [
            {
                "process": process_ref(c.process),
                "name": c.name,
                "status": c.status.value,
                "theme_id": c.theme_id,
                "decided_at": iso_time(c.decided_at),
            }
            for c in candidates
        ],
        "proposal_versions": [
            {
                "process": process_ref(v.proposal.process),
                "number": v.number,
                "created_at": iso_time(v.created_at),
            }
            for v in versions
        ],
        "action_notes": [
            {
                "action_id": n.action_id,
                "noted_on": iso_time(n.noted_on),
                "status": n.status.value,
                "text": n.body,
                "created_at": iso_time(n.created_at),
            }
            for n in notes
        ],
        "indicator_values": [
            {
                "indicator_id": v.indicator_id,
                "period": v.period,
                "value": v.value,
                "note": v.note,
                "entered_at": iso_time(v.entered_at),
            }
            for v in values
        ],
        "workshop_memos": [
            {
                "memo": m.id,
                "seminar_id": m.seminar_id,
                "edited_at": iso_time(m.updated_at),
            }
            for m in memos
        ],
    }
