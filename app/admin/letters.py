"""The letter with a set-password link for an account an administrator created."""

from __future__ import annotations

import logging

from flask import render_template
from flask_babel import force_locale
from flask_babel import gettext as _

from .. import mail
from ..i18n import current_language
from ..models import User
from ..urls import external_url
from .services import SET_PASSWORD_MAX_AGE

log = logging.getLogger("osallistamo.admin")


def password_link(raw_token: str) -> str:
    """Return the absolute set-password link for a raw token."""
    return external_url("auth.reset_password", token=raw_token)


def send_password_mail(user: User, raw_token: str, *, new_account: bool) -> bool:
    """Mail the user a set-password link; return False when the mail could not be sent.

    Call after the commit. The account stays even when sending fails; the
    administrator can send a new link from the account page.
    """
    hours = int(SET_PASSWORD_MAX_AGE.total_seconds() // 3600)
    with force_locale(user.locale or current_language()):
        subject = (
            _("Your Osallistamo account")
            if new_account
            else _("Set your Osallistamo password")
        )
        body = render_template(
            "admin/email/set_password.txt",
            user=user,
            link=password_link(raw_token),
            hours=hours,
            new_account=new_account,
        )
    try:
        mail.send_mail(user.email, subject, body)
    except OSError:  # smtplib's errors are OSErrors too
        log.exception("could not send the set-password mail to user %s", user.id)
        return False
    return True
