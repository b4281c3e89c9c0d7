"""The part of one's own data that facilitators and administrators leave behind:
moderation, coding, follow-up versions, monitoring notes and values, memos."""

from __future__ import annotations

import sqlalchemy as sa

from ..extensions import db
from ..i18n import localized
from ..models import (
    ActionNote,
    Comment,
    CommentFlag,
    IndicatorValue,
    ModerationEvent,
    Process,
    ProposalVersion,
    ThemeTag,
    User,
    WorkshopMemo,
)


def _all(stmt) -> list:
    return list(db.session.scalars(stmt))


def _time(value):
    return value.isoformat() if value is not None else None


def _process(process: Process | None) -> dict | None:
    if process is None:
        return None
    return {"slug": process.slug, "title": localized(process.title, process.language)}


def staff_records(user: User) -> dict:
    """What a facilitator or observer did: moderation, coding, follow-up, memos."""
    hidden = _all(sa.select(Comment).where(Comment.hidden_by_id == user.id))
    resolved = _all(sa.select(CommentFlag).where(CommentFlag.resolved_by_id == user.id))
    events = _all(
        sa.select(ModerationEvent)
        .where(ModerationEvent.actor_id == user.id)
        .order_by(ModerationEvent.created_at)
    )
    tags = _all(sa.select(ThemeTag).where(ThemeTag.decided_by_id == user.id))
    versions = _all(
        sa.select(ProposalVersion).where(ProposalVersion.created_by_id == user.id)
    )
    notes = _all(sa.select(ActionNote).where(ActionNote.created_by_id == user.id))
    values = _all(
        sa.select(IndicatorValue).where(IndicatorValue.entered_by_id == user.id)
    )
    memos = _all(sa.select(WorkshopMemo).where(WorkshopMemo.edited_by_id == user.id))
    created = _all(sa.select(Process).where(Process.created_by_id == user.id))
    return {
        "processes_created": [_process(p) for p in created],
        "comments_hidden": [
            {
                "comment": c.id,
                "reason": c.hidden_reason,
                "hidden_at": _time(c.hidden_at),
            }
            for c in hidden
        ],
        "flags_resolved": [
            {"flag": f.id, "comment": f.comment_id, "resolved_at": _time(f.resolved_at)}
            for f in resolved
        ],
        "moderation_log": [
            {
                "process_id": e.process_id,
                "comment": e.comment_id,
                "action": e.action.value,
                "reason": e.reason,
                "at": _time(e.created_at),
            }
            for e in events
        ],
        "coding_decisions": [
            {
                "comment": t.comment_id,
                "theme_id": t.theme_id,
                "status": t.status.value,
                "decided_at": _time(t.decided_at),
            }
            for t in tags
        ],
        "proposal_versions": [
            {
                "process": _process(v.proposal.process),
                "number": v.number,
                "created_at": _time(v.created_at),
            }
            for v in versions
        ],
        "action_notes": [
            {
                "action_id": n.action_id,
                "noted_on": _time(n.noted_on),
                "status": n.status.value,
                "text": n.body,
                "created_at": _time(n.created_at),
            }
            for n in notes
        ],
        "indicator_values": [
            {
                "indicator_id": v.indicator_id,
                "period": v.period,
                "value": v.value,
                "note": v.note,
                "entered_at": _time(v.entered_at),
            }
            for v in values
        ],
        "workshop_memos": [
            {"memo": m.id, "seminar_id": m.seminar_id, "edited_at": _time(m.updated_at)}
            for m in memos
        ],
    }
