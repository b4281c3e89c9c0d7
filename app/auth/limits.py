"""Rate limits of the auth pages beyond a plain per-address limit: the per-account keys
of the sign-in and reset forms, the failed current-password checks, and the limit on
joining by invite.

The rule against lock-outs (docs/security.md, "Lock-outs that attackers cannot
trigger"): a sign-in counts toward the per-email limit only when it fails, and it
counts for that email *from that address*. Strangers' failures from other addresses
never stop the owner; one address guessing at many accounts meets the per-address
limit, which counts every attempt.
"""

from __future__ import annotations

from flask import g, request
from flask_limiter.util import get_remote_address
from werkzeug.wrappers import Response

from ..limits import config_limit
from .services import normalise_email

#: Joining a work group by link or code, per address.
join_per_address = config_limit("JOIN_LIMIT_PER_ADDRESS")

#: Set by a view when the password it checked was wrong.
FAILED_FLAG = "password_check_failed"


def email_key() -> str:
    """Rate-limit key: the email typed in the form (per account, whatever the address)."""
    return "email:" + normalise_email(request.form.get("email", ""))


def email_and_address_key() -> str:
    """Rate-limit key: the email typed in the form and the address it came from."""
    return f"{email_key()}|addr:{get_remote_address()}"


def record_failed_password() -> None:
    """Mark this request's password check as failed, so the limits count it."""
    setattr(g, FAILED_FLAG, True)


def password_check_failed(_response: Response) -> bool:
    """``deduct_when`` of the failure limits: only failed checks use them up."""
    return bool(g.get(FAILED_FLAG))
