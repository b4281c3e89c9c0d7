"""The account lists: the admin pages' and the command line's."""

from __future__ import annotations

import sqlalchemy as sa

from ..extensions import db
from ..models import User


def users_query() -> sa.Select:
    """All accounts, newest first (the admin list)."""
    return sa.select(User).order_by(User.created_at.desc(), User.id.desc())


def all_users() -> list[User]:
    """All accounts in the order they were created (the CLI list)."""
    return list(db.session.scalars(sa.select(User).order_by(User.id)))
