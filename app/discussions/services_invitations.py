"""Invitation letters: one letter with placeholders, personalised for each work group.

The facilitator writes the letter once in Markdown. Each group's copy gets its name,
organisation, invite link and code; the copies go to the contact persons through the
outbox, whose unique key makes sending again a no-op for letters already queued.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from typing import NamedTuple

import sqlalchemy as sa
from flask_babel import force_locale
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from markupsafe import Markup, escape

from ..errors import DomainError
from ..extensions import db
from ..groups.services import format_invite_code
from ..i18n import format_datetime, localized
from ..models import Discussion, OutboxMessage, WorkGroup
from ..outbox.services import message_key, queue_message
from ..text import render_markdown
from ..urls import external_url

KIND = "invitation"

#: The placeholders a letter may use, in the order the form lists them.
PLACEHOLDERS = ("group", "organisation", "link", "code", "discussion", "closes")
_TOKEN = re.compile(r"\{(" + "|".join(PLACEHOLDERS) + r")\}")
#: Anything that looks like a placeholder: a word in braces.
_ANY_TOKEN = re.compile(r"\{([^{}\s]{1,40})\}")
#: Python-Markdown's backslash escapes ("<", ">" and "&" are written as entities).
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!])")


def _braced(name: str) -> str:
    return "{" + name + "}"


class LetterError(DomainError):
    """A letter the service refuses; ``field`` names the form field it concerns."""

    field = "body"


class MissingLetter(
    LetterError,
    message=_l("Write the subject and the letter at least in the main language."),
): ...


class MissingSubject(MissingLetter):
    field = "subject"


class LetterWithoutLink(
    LetterError,
    message=_l(
        "The letter must contain {link} or {code}: without them the group cannot join."
    ),
): ...


class UnknownPlaceholders(LetterError):
    def __init__(self, names: list[str], field: str):
        self.field = field
        super().__init__(
            _l(
                "Unknown placeholders: %(names)s. Use only %(known)s.",
                names=", ".join(names),
                known=", ".join(_braced(name) for name in PLACEHOLDERS),
            )
        )


class LetterNotWritten(
    DomainError, message=_l("Write and save the invitation letter before sending it.")
): ...


@dataclass(frozen=True)
class Letter:
    """One group's letter as it will be sent."""

    recipient: str
    subject: str
    body_text: str
    body_html: Markup


class QueueReport(NamedTuple):
    queued: int
    already: int
    skipped: int


def unknown_placeholders(text: str) -> list[str]:
    """The ``{words}`` in a text that are not placeholders, each once, in order."""
    found = [
        _braced(name) for name in _ANY_TOKEN.findall(text) if name not in PLACEHOLDERS
    ]
    return list(dict.fromkeys(found))


def update_letter(discussion: Discussion, *, subject: dict, body: dict) -> list[str]:
    """Save the letter; return the other languages whose text lacks the link and code.

    :raises MissingLetter: without a subject and body in the main language.
    :raises UnknownPlaceholders: for a ``{word}`` that is not a placeholder.
    :raises LetterWithoutLink: when the main-language body has neither link nor code.
    """
    main = discussion.process.language
    if not subject.get(main):
        raise MissingSubject()
    if not body.get(main):
        raise MissingLetter()
    for field, texts in (("subject", subject), ("body", body)):
        unknown = [n for text in texts.values() for n in unknown_placeholders(text)]
        if unknown:
            raise UnknownPlaceholders(list(dict.fromkeys(unknown)), field)
    if not _has_link(body[main]):
        raise LetterWithoutLink()
    discussion.invitation_subject = subject
    discussion.invitation_body = body
    db.session.flush()
    return [lang for lang, text in body.items() if lang != main and not _has_link(text)]


def _has_link(text: str) -> bool:
    return "{link}" in text or "{code}" in text


def default_letter(language: str, discussion: Discussion | None = None) -> dict:
    """A ready letter in ``language``: ``{"subject": ..., "body": ...}``.

    The closing time is mentioned only when the discussion has one.
    """
    closes = discussion is None or discussion.phase.ends_at is not None
    with force_locale(language):
        subject = _("Invitation to the online discussion {discussion}")
        paragraphs = [
            _("Hello,"),
            _(
                "your work group **{group}** ({organisation}) is invited to the "
                "online discussion {discussion}."
            ),
            _("Join the group with this link: {link}"),
            _("Or go to the join page and type the code **{code}**."),
        ]
        if closes:
            paragraphs.append(_("The discussion is open until {closes}."))
        paragraphs.append(_("Welcome!"))
    return {"subject": subject, "body": "\n\n".join(paragraphs)}


def letter_texts(discussion: Discussion, language: str) -> tuple[str, str]:
    """The saved subject and body in ``language`` (else the main language)."""
    main = discussion.process.language
    return (
        localized(discussion.invitation_subject, main, language),
        localized(discussion.invitation_body, main, language),
    )


def is_written(discussion: Discussion) -> bool:
    """True once the letter is saved in the process's main language."""
    return bool((discussion.invitation_body or {}).get(discussion.process.language))


def placeholder_values(discussion: Discussion, group: WorkGroup, language: str) -> dict:
    """Each placeholder's plain-text value for this group."""
    phase = discussion.phase
    with force_locale(language):
        closes = format_datetime(phase.ends_at) if phase.ends_at else ""
    values = {
        "group": group.name,
        "organisation": group.organisation.name,
        "link": external_url("auth.join", code=group.invite_code),
        "code": format_invite_code(group.invite_code),
        "discussion": localized(phase.title, discussion.process.language, language),
        "closes": closes,
    }
    # Names are single lines; a stray line break must not start a Markdown block.
    return {key: " ".join(value.split()) for key, value in values.items()}


def markdown_escape(value: str) -> str:
    """Make a value literal inside Markdown: backslash escapes and HTML entities.

    ``&`` becomes ``&#38;`` (not ``&amp;``): bleach turns ``&amp;lt;`` back into
    ``&lt;``, which would show a group named "A &lt;" as "A <".
    """
    value = value.replace("&", "&#38;").replace("<", "&lt;").replace(">", "&gt;")
    return _MARKDOWN_SPECIAL.sub(r"\\\1", value)


def fill(template: str, values: dict) -> str:
    """Put the values in place of the placeholders, in one pass.

    One pass (not str.format, not replace after replace): a group named "{link}"
    stays "{link}" instead of being filled again.
    """
    return _TOKEN.sub(lambda match: values[match.group(1)], template)


def personalised_letter(
    discussion: Discussion, group: WorkGroup, language: str | None = None
) -> Letter:
    """The group's letter: subject, Markdown as plain text, and its cleaned HTML."""
    language = language or discussion.process.language
    subject, body = letter_texts(discussion, language)
    if not body:  # not saved yet: the preview shows the default letter
        default = default_letter(language, discussion)
        subject, body = default["subject"], default["body"]
    values = placeholder_values(discussion, group, language)
    escaped = {key: markdown_escape(value) for key, value in values.items()}
    # An autolink: linkify alone misses hosts without a dot (localhost, an IP), and
    # Python-Markdown also takes <url> inside [text](...).
    escaped["link"] = f"<{values['link']}>"
    return Letter(
        recipient=group.contact_email.strip(),
        subject=" ".join(fill(subject, values).split()),
        body_text=fill(body, values),
        body_html=render_markdown(fill(body, escaped)),
    )


def html_document(letter: Letter, language: str) -> str:
    """The letter's HTML part: a whole document, for mail programs."""
    return (
        f'<!DOCTYPE html>\n<html lang="{escape(language)}">\n<head>'
        f'<meta charset="utf-8"><title>{escape(letter.subject)}</title></head>\n'
        f"<body>\n{letter.body_html}\n</body>\n</html>\n"
    )


def invitation_key(discussion: Discussion, group: WorkGroup) -> str:
    """One letter per discussion, group and contact address: a new address gets one."""
    return message_key(KIND, discussion.id, group.id, group.contact_email)


def letter_statuses(discussion: Discussion) -> dict[int, OutboxMessage]:
    """The outbox row of each group's letter to its current contact, by group id."""
    groups = {
        invitation_key(discussion, group): group.id
        for group in discussion.process.work_groups
        if group.contact_email.strip()
    }
    if not groups:
        return {}
    rows = db.session.scalars(
        sa.select(OutboxMessage).where(OutboxMessage.key.in_(groups))
    )
    return {groups[row.key]: row for row in rows}


def plan_invitations(discussion: Discussion) -> QueueReport:
    """What queue_invitations would do now, without doing it."""
    statuses = letter_statuses(discussion)
    groups = discussion.process.work_groups
    reachable = [group for group in groups if group.contact_email.strip()]
    already = sum(1 for group in reachable if group.id in statuses)
    return QueueReport(
        queued=len(reachable) - already,
        already=already,
        skipped=len(groups) - len(reachable),
    )


def queue_invitations(discussion: Discussion, *, now: datetime) -> QueueReport:
    """Queue each group's letter to its contact person, once per contact address.

    :raises LetterNotWritten: before the letter is saved in the main language.
    """
    if not is_written(discussion):
        raise LetterNotWritten()
    language = discussion.process.language
    queued = already = skipped = 0
    for group in discussion.process.work_groups:
        if not group.contact_email.strip():
            skipped += 1
            continue
        letter = personalised_letter(discussion, group, language)
        message, created = queue_message(
            key=invitation_key(discussion, group),
            kind=KIND,
            recipient=letter.recipient,
            subject=letter.subject,
            body_text=letter.body_text,
            body_html=html_document(letter, language),
            process=discussion.process,
        )
        if created:
            message.created_at = now
            queued += 1
        else:
            already += 1
    db.session.flush()
    return QueueReport(queued, already, skipped)
