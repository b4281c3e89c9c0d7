"""Reads of the token pages: one's tokens and the processes they may cover."""

from __future__ import annotations

import sqlalchemy as sa
import sqlalchemy.orm as so
from flask import abort

from ..extensions import db
from ..i18n import localized
from ..models import ApiToken, Process, ProcessRole, ProcessRoleKind, Role, User


def manageable_processes(user: User) -> list[Process]:
    """The processes the user runs (an admin: all), which a token may cover."""
    stmt = sa.select(Process).order_by(Process.created_at.desc(), Process.id.desc())
    if user.role is not Role.ADMIN:
        stmt = stmt.where(
            Process.id.in_(
                sa.select(ProcessRole.process_id).where(
                    ProcessRole.user_id == user.id,
                    ProcessRole.role == ProcessRoleKind.FACILITATOR,
                )
            )
        )
    return list(db.session.scalars(stmt))


def process_choices(user: User) -> list[tuple[int, str]]:
    return [
        (process.id, localized(process.title, process.language) or process.slug)
        for process in manageable_processes(user)
    ]


def tokens_of(user: User) -> list[ApiToken]:
    """The user's tokens, the newest first."""
    return list(
        db.session.scalars(
            sa.select(ApiToken)
            .where(ApiToken.user_id == user.id)
            .options(so.selectinload(ApiToken.processes))
            .order_by(ApiToken.created_at.desc(), ApiToken.id.desc())
        )
    )


def own_token_or_404(user: User, token_id: int) -> ApiToken:
    """One's own token; anyone else's is not found."""
    token = db.session.get(ApiToken, token_id)
    if token is None or token.user_id != user.id:
        abort(404)
    return token
