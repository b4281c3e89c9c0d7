"""Sending mail: SMTP when ``MAIL_SERVER`` is set, otherwise the log (development)."""

from __future__ import annotations

import logging
import smtplib
from email.message import EmailMessage

from flask import current_app

log = logging.getLogger("osallistamo.mail")


def build_message(
    to: str, subject: str, body: str, html: str | None = None
) -> EmailMessage:
    message = EmailMessage()
    message["From"] = current_app.config["MAIL_DEFAULT_SENDER"]
    message["To"] = to
    message["Subject"] = subject
    message.set_content(body)
    if html:
        message.add_alternative(html, subtype="html")
    return message


def send_mail(to: str, subject: str, body: str, html: str | None = None) -> None:
    """Send one message (plain text, optionally with HTML). Call after the commit."""
    message = build_message(to, subject, body, html)
    config = current_app.config
    if not config["MAIL_SERVER"]:
        log.info("Mail (MAIL_SERVER not set, not sent):\n%s", message.as_string())
        return
    with smtplib.SMTP(config["MAIL_SERVER"], config["MAIL_PORT"], timeout=30) as smtp:
        if config["MAIL_USE_TLS"]:
            smtp.starttls()
        if config["MAIL_USERNAME"]:
            smtp.login(config["MAIL_USERNAME"], config["MAIL_PASSWORD"])
        smtp.send_message(message)
