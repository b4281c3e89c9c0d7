"""Making and revoking personal API tokens."""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from flask_babel import lazy_gettext as _l

from ..errors import DomainError
from ..extensions import db
from ..models import ApiToken, Process, User, hash_token, new_token
from ..permissions import can

log = logging.getLogger("osallistamo.tokens")


class NotYourProcess(DomainError, message=_l("You can only choose processes you run.")):
    pass


def create_token(
    owner: User, *, name: str, processes: list[Process], days: int, now: datetime
) -> tuple[ApiToken, str]:
    """A new token for processes the owner runs; returns it and its text, which is
    not stored (only its hash) and so is shown this once."""
    if not processes or not all(can(owner, "process.manage", p) for p in processes):
        raise NotYourProcess()
    text = new_token()
    token = ApiToken(
        user_id=owner.id,
        name=name.strip(),
        token_hash=hash_token(text),
        hint=text[:10],
        created_at=now,
        expires_at=now + timedelta(days=days),
        processes=list(processes),
    )
    db.session.add(token)
    db.session.flush()
    log.info("API token %s made by user %s", token.id, owner.id)
    return token, text


def revoke_token(token: ApiToken, *, actor: User, now: datetime) -> None:
    """The token stops working at once (it stays in the list as revoked)."""
    if token.revoked_at is None:
        token.revoked_at = now
        db.session.flush()
        log.info("API token %s revoked by user %s", token.id, actor.id)
