"""Sending mail: SMTP when ``MAIL_SERVER`` is set, otherwise the log (development)."""

from __future__ import annotations

import logging
import smtplib
from email.message import EmailMessage

from flask import current_app

log = logging.getLogger("osallistamo.mail")


#: One attached file: its name, its MIME type ("type/subtype") and its bytes.
Attachment = tuple[str, str, bytes]


def build_message(
    to: str,
    subject: str,
    body: str,
    html: str | None = None,
    attachment: Attachment | None = None,
) -> EmailMessage:
    message = EmailMessage()
    message["From"] = current_app.config["MAIL_DEFAULT_SENDER"]
    message["To"] = to
    message["Subject"] = subject
    message.set_content(body)
    if html:
        message.add_alternative(html, subtype="html")
    if attachment is not None:
        name, mime, data = attachment
        maintype, _, subtype = (mime or "application/octet-stream").partition("/")
        message.add_attachment(
            data,
            maintype=maintype,
            subtype=subtype or "octet-stream",
            filename=name,
        )
    return message


def send_mail(
    to: str,
    subject: str,
    body: str,
    html: str | None = None,
    attachment: Attachment | None = None,
) -> None:
    """Send one message (plain text, optionally with HTML and one attached file).

    Call after the commit.
    """
    message = build_message(to, subject, body, html, attachment)
    config = current_app.config
    if not config["MAIL_SERVER"]:
        # The log gets the letter without the file's bytes, and the file's name.
        logged = build_message(to, subject, body, html).as_string()
        if attachment is not None:
            logged += f"\n[Attachment: {attachment[0]}, {len(attachment[2])} bytes]"
        log.info("Mail (MAIL_SERVER not set, not sent):\n%s", logged)
        return
    with smtplib.SMTP(config["MAIL_SERVER"], config["MAIL_PORT"], timeout=30) as smtp:
        if config["MAIL_USE_TLS"]:
            smtp.starttls()
        if config["MAIL_USERNAME"]:
            smtp.login(config["MAIL_USERNAME"], config["MAIL_PASSWORD"])
        smtp.send_message(message)
