"""The letter with a link to set a new password (asked for on the sign-in page).

The whole request is handled after the answer has gone out (``deliver_reset_letter``
runs through ``app.web.after_response``): the answer, and how long it takes, are the
same whether or not the address has an account.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from flask import current_app, render_template
from flask_babel import force_locale
from flask_babel import gettext as _

from ..extensions import db
from ..models import OutboxMessage, User
from ..outbox.services import message_key, queue_message, send_message
from ..urls import external_url
from . import services

#: The outbox kind of reset letters.
RESET_KIND = "password_reset"


def queue_reset_letter(
    user: User, raw_token: str, token_id: int, max_age: timedelta, language: str
) -> OutboxMessage:
    """Queue the user's single-use reset link in the outbox, in the user's language."""
    link = external_url("auth.reset_password", token=raw_token)
    with force_locale(user.locale or language):
        subject = _("Set a new password for Osallistamo")
        body = render_template(
            "auth/email/reset.txt",
            user=user,
            link=link,
            hours=int(max_age.total_seconds() // 3600),
        )
    message, _queued = queue_message(
        key=message_key(RESET_KIND, token_id),
        kind=RESET_KIND,
        recipient=user.email,
        subject=subject,
        body_text=body,
    )
    return message


def deliver_reset_letter(email: str, language: str) -> None:
    """For an active account with this email: a new token, its letter queued, then
    sent. Unknown or inactive addresses get nothing. Commits its own writes."""
    user = services.find_user_by_email(email)
    if user is None or not user.is_active or not user.email:
        return
    max_age = current_app.config["PASSWORD_RESET_MAX_AGE"]
    raw, token_id = services.create_reset_token_with_id(user, max_age)
    message = queue_reset_letter(user, raw, token_id, max_age, language)
    db.session.commit()
    send_message(message, datetime.now(UTC))
