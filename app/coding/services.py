"""Coding rules: storing the tool's suggestions and a person's decisions on them.

A comment's theme tag is SUGGESTED by the tool (with its score), CONFIRMED by a
person (summaries count only these) or REJECTED (kept so the tool does not suggest
that theme again for the comment). Refreshing replaces the suggestions and never
touches a person's decision. Hidden and deleted comments are not coded.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l

from ..errors import DomainError
from ..extensions import db
from ..models import Comment, Phase, Process, TagStatus, Theme, ThemeTag, User
from .explain import Reason
from .queries import uncoded_comments
from .suggest import suggest_explained

log = logging.getLogger("osallistamo.coding")


class NotCodable(
    DomainError, message=_l("Hidden and deleted comments are not coded.")
): ...


class WrongProcess(
    DomainError, message=_l("The comment and the theme belong to different processes.")
): ...


class NotConfirmed(
    DomainError, message=_l("Only confirmed codes can be chosen as quotes.")
): ...


class NotSuggested(
    DomainError, message=_l("This suggestion has already been decided.")
): ...


@dataclass
class RefreshResult:
    #: Visible comments looked at.
    comments: int
    #: Suggestions stored (new or kept).
    suggestions: int
    #: Comments with at least one suggestion.
    suggested_comments: int


def _check_codable(comment: Comment) -> None:
    if comment.hidden_at is not None or comment.deleted_at is not None:
        raise NotCodable()


def _decide(tag: ThemeTag, status: TagStatus, actor: User, now: datetime) -> None:
    tag.status = status
    tag.decided_by = actor
    tag.decided_at = now
    if status is not TagStatus.CONFIRMED:
        # A quote is always a confirmed code of its theme.
        tag.featured = False


def give_reason(tag: ThemeTag, reason: Reason | None) -> None:
    """Store why the tool suggests the theme (explain.py), or clear an old reason."""
    tag.strength = reason.strength if reason else None
    tag.reason_words = list(reason.words) if reason else []
    tag.reason_comment_id = reason.comment_id if reason else None


def refresh_suggestions(
    process: Process, *, phase: Phase | None = None, now: datetime
) -> RefreshResult:
    """Suggest themes anew for the comments of a phase or the whole process that have
    no confirmed theme yet.

    Old suggestions of these comments are replaced (kept and rescored when still
    suggested); confirmed and rejected codes stay as they are. Comments a person has
    already coded are left alone: suggesting more themes for them would bury the
    uncoded ones under low-scoring extras (add a theme by hand instead).
    """
    comments = uncoded_comments(process, phase)
    ids = [comment.id for comment in comments]
    suggestions, reasons = (
        suggest_explained(process, comments) if comments else ({}, {})
    )
    tags, _new = store_suggestions(ids, suggestions, reasons, now)
    stored = sum(len(of_comment) for of_comment in tags.values())
    log.info(
        "coding suggestions for process %s (phase %s): %d comments, %d suggestions",
        process.slug,
        phase.id if phase is not None else "-",
        len(ids),
        stored,
    )
    return RefreshResult(
        comments=len(ids),
        suggestions=stored,
        suggested_comments=sum(1 for ranked in suggestions.values() if ranked),
    )


def store_suggestions(
    comment_ids: list[int], ranked: dict, reasons: dict, now: datetime
) -> tuple[dict[int, dict[int, ThemeTag]], int]:
    """Store the suggested themes of these comments (``suggest_explained``'s ranked
    themes and reasons) in place of their earlier suggestions: a theme still
    suggested keeps its tag, rescored. Returns ``{comment_id: {theme_id: tag}}`` and
    how many tags are new; flushes."""
    existing: dict[int, dict[int, ThemeTag]] = {cid: {} for cid in comment_ids}
    if comment_ids:
        for tag in db.session.scalars(
            sa.select(ThemeTag).where(
                ThemeTag.comment_id.in_(comment_ids),
                ThemeTag.status == TagStatus.SUGGESTED,
            )
        ):
            existing[tag.comment_id][tag.theme_id] = tag
    stored: dict[int, dict[int, ThemeTag]] = {}
    created = 0
    for cid in comment_ids:
        old, new = existing[cid], {}
        for theme_id, score in ranked.get(cid, ()):
            tag = old.pop(theme_id, None)
            if tag is None:
                # Not yet a tag at all: suggest() left out the decided themes.
                tag = ThemeTag(
                    comment_id=cid,
                    theme_id=theme_id,
                    status=TagStatus.SUGGESTED,
                    created_at=now,
                )
                db.session.add(tag)
                created += 1
            tag.score = score
            give_reason(tag, reasons.get((cid, theme_id)))
            new[theme_id] = tag
        for tag in old.values():  # suggested before, no longer
            db.session.delete(tag)
        stored[cid] = new
    db.session.flush()
    return stored, created


def tag_of(comment: Comment, theme: Theme) -> ThemeTag | None:
    return db.session.scalar(
        sa.select(ThemeTag).where(
            ThemeTag.comment_id == comment.id, ThemeTag.theme_id == theme.id
        )
    )


def confirm(tag: ThemeTag, *, actor: User, now: datetime) -> ThemeTag:
    """A person accepts a suggestion (or takes back a rejection): the code counts."""
    _check_codable(tag.comment)
    if tag.status is not TagStatus.CONFIRMED:
        _decide(tag, TagStatus.CONFIRMED, actor, now)
        db.session.flush()
    return tag


def reject(tag: ThemeTag, *, actor: User, now: datetime) -> ThemeTag:
    """A person turns down a suggestion: the tool will not suggest it again here."""
    _check_codable(tag.comment)
    if tag.status is TagStatus.CONFIRMED:
        # A confirmed code is removed with remove_code, never by a stray keystroke
        # on a suggestion that a colleague has just accepted.
        raise NotSuggested()
    if tag.status is TagStatus.SUGGESTED:
        _decide(tag, TagStatus.REJECTED, actor, now)
        db.session.flush()
    return tag


def add_code(comment: Comment, theme: Theme, *, actor: User, now: datetime) -> ThemeTag:
    """A person codes a comment to a theme by hand (a suggestion or not)."""
    _check_codable(comment)
    if theme.process_id != comment.process.id:
        raise WrongProcess()
    tag = tag_of(comment, theme)
    if tag is None:
        tag = ThemeTag(comment=comment, theme=theme, created_at=now)
        db.session.add(tag)
    if tag.status is not TagStatus.CONFIRMED:
        _decide(tag, TagStatus.CONFIRMED, actor, now)
    db.session.flush()
    return tag


def remove_code(tag: ThemeTag, *, actor: User, now: datetime) -> ThemeTag:
    """A person takes a confirmed code away: kept as rejected, so it is not
    suggested again; adding it by hand brings it back."""
    _check_codable(tag.comment)
    if tag.status is TagStatus.CONFIRMED:
        _decide(tag, TagStatus.REJECTED, actor, now)
        db.session.flush()
    return tag


def set_featured(tag: ThemeTag, featured: bool, *, actor: User) -> ThemeTag:
    """Choose a confirmed code's comment as a quote of its theme in summaries."""
    _check_codable(tag.comment)
    if tag.status is not TagStatus.CONFIRMED:
        raise NotConfirmed()
    tag.featured = featured
    db.session.flush()
    log.info(
        "comment %s %s as a quote of theme %s by user %s",
        tag.comment_id,
        "chosen" if featured else "no longer chosen",
        tag.theme_id,
        actor.id,
    )
    return tag
