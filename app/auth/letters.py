"""The letter with a link to set a new password (asked for on the sign-in page)."""

from __future__ import annotations

from datetime import timedelta

from flask import render_template
from flask_babel import force_locale
from flask_babel import gettext as _

from ..i18n import current_language
from ..mail import send_mail
from ..models import User
from ..urls import external_url


def send_reset_mail(user: User, raw_token: str, max_age: timedelta) -> None:
    """Mail the user a single-use reset link, in the user's language."""
    link = external_url("auth.reset_password", token=raw_token)
    with force_locale(user.locale or current_language()):
        subject = _("Set a new password for Osallistamo")
        body = render_template(
            "auth/email/reset.txt",
            user=user,
            link=link,
            hours=int(max_age.total_seconds() // 3600),
        )
    send_mail(user.email, subject, body)
