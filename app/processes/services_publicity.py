"""Making a process public (open data, issue 18) or private again."""

from __future__ import annotations

import logging
from datetime import datetime

from ..extensions import db
from ..models import Process, User

log = logging.getLogger("osallistamo.processes")


def set_public(process: Process, public: bool, *, actor: User, now: datetime) -> bool:
    """Turn the process's public pages and API on or off; True when it changed."""
    if bool(process.is_public) == public:
        return False
    process.is_public = public
    process.public_since = now if public else None
    db.session.flush()
    log.info(
        "process %s made %s by user %s",
        process.id,
        "public" if public else "private",
        actor.id,
    )
    return True
