"""Rate limits of the auth pages beyond a plain per-address limit: the per-account key of
the sign-in and reset forms, and the limit on joining by invite."""

from __future__ import annotations

from flask import request

from ..limits import config_limit
from .services import normalise_email

#: Joining a work group by link or code, per address.
join_per_address = config_limit("JOIN_LIMIT_PER_ADDRESS")


def email_key() -> str:
    """Rate-limit key: the email typed in the form (per account, whatever the address)."""
    return "email:" + normalise_email(request.form.get("email", ""))
