"""The memo letter: a phase's (or the whole process's) summary sent to its participants.

One letter per email address, with the summary page's link, the proposal's link
when it is published, and the memo as a Word document. The outbox key names the
process, the phase and the address, so sending again never sends a letter twice.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import NamedTuple

import sqlalchemy as sa
from flask_babel import force_locale
from flask_babel import gettext as _
from markupsafe import Markup, escape

from ..exports import formats
from ..extensions import db
from ..i18n import localized
from ..models import (
    GroupMembership,
    OutboxMessage,
    Phase,
    Process,
    ProposalStatus,
    User,
    WorkGroup,
)
from ..outbox.services import message_key, queue_message
from ..urls import external_url

KIND = "memo"
DOCX_TYPE = formats.MIMETYPES["docx"]


def render_docx(process: Process, phase: Phase | None, now: datetime) -> bytes:
    """The memo document: the exports' Word file as a participant may read it.

    ``staff=False``: a draft proposal is left out, only a published one goes in.
    """
    result = formats.export(
        process,
        fmt="docx",
        staff=False,
        phase=phase,
        language=process.language,
        now=now,
    )
    return result.body


class Reach(NamedTuple):
    """Who a memo reaches: the addresses, and the participants without one."""

    emails: list[str]
    without_email: int


class MemoPlan(NamedTuple):
    recipients: int
    already: int
    without_email: int

    @property
    def new(self) -> int:
        return self.recipients - self.already


class MemoReport(NamedTuple):
    queued: int
    already: int
    without_email: int


@dataclass(frozen=True)
class MemoLetter:
    subject: str
    body_text: str
    body_html: str


def reach(process: Process) -> Reach:
    """Every distinct address among the participants: members, then contact persons.

    Every work group of the process takes part in each of its phases, so a phase's
    participants are the process's. Deactivated accounts get no letter; addresses
    are compared without case, as the outbox key compares them.
    """
    rows = db.session.execute(
        sa.select(User.id, User.email)
        .join(GroupMembership, GroupMembership.user_id == User.id)
        .join(WorkGroup, WorkGroup.id == GroupMembership.group_id)
        .where(WorkGroup.process_id == process.id, User.is_active_account.is_(True))
        .order_by(WorkGroup.name, User.id)
    ).all()
    # A member of two groups is one person.
    member_emails = list({user_id: email for user_id, email in rows}.values())
    contacts = [group.contact_email for group in process.work_groups]
    emails: dict[str, str] = {}
    for address in [*member_emails, *contacts]:
        address = (address or "").strip()
        if address:
            emails.setdefault(address.lower(), address)
    without_email = sum(1 for address in member_emails if not (address or "").strip())
    return Reach(list(emails.values()), without_email)


def memo_key(process: Process, phase: Phase | None, recipient: str) -> str:
    return message_key(
        KIND, process.id, phase.id if phase is not None else "all", recipient
    )


def _queued_keys(process: Process, phase: Phase | None, emails: list[str]) -> set:
    """The memo keys of these addresses that are in the outbox already."""
    keys = [memo_key(process, phase, email) for email in emails]
    if not keys:
        return set()
    return set(
        db.session.scalars(
            sa.select(OutboxMessage.key).where(OutboxMessage.key.in_(keys))
        )
    )


def plan_memo(process: Process, phase: Phase | None = None) -> MemoPlan:
    """What queue_memo would do now, without doing it."""
    found = reach(process)
    return MemoPlan(
        recipients=len(found.emails),
        already=len(_queued_keys(process, phase, found.emails)),
        without_email=found.without_email,
    )


def summary_url(process: Process, phase: Phase | None) -> str:
    values = {"slug": process.slug}
    if phase is not None:
        values["phase"] = phase.id
    return external_url("exports.summary", **values)


def _paragraph(template: str, **values) -> tuple[str, Markup]:
    """A translated paragraph as plain text and as HTML, its links clickable.

    The template is escaped, then filled with escaped values and ready-made links:
    names stay text, addresses become links (not only those linkify would find).
    """
    links = {
        key: Markup('<a href="%s">%s</a>') % (value, value)
        for key, value in values.items()
        if key == "url"
    }
    plain = template % values if values else template
    html = escape(template) % {**values, **links} if values else escape(template)
    return plain, Markup("<p>%s</p>") % html


def memo_letter(process: Process, phase: Phase | None) -> MemoLetter:
    """The letter's subject and texts in the process's language, the same for all."""
    language = process.language
    published = (
        process.proposal is not None
        and process.proposal.status is ProposalStatus.PUBLISHED
    )
    with force_locale(language):
        title = localized(process.title, language, language)
        if phase is not None:
            scope = localized(phase.title, language, language)
            subject = _("Memo: %(process)s – %(phase)s", process=title, phase=scope)
        else:
            scope = title
            subject = _("Memo: %(process)s", process=title)
        paragraphs = [
            _paragraph(_("Hello,")),
            _paragraph(
                _(
                    "thank you for taking part in %(scope)s. The memo of the results "
                    "is attached as a Word document."
                ),
                scope=scope,
            ),
            _paragraph(
                _("Read the summary online: %(url)s"), url=summary_url(process, phase)
            ),
        ]
        if published:
            paragraphs.append(
                _paragraph(
                    _(
                        "Read the proposal for follow-up work and comment on it: %(url)s"
                    ),
                    url=external_url("followup.proposal", slug=process.slug),
                )
            )
    subject = " ".join(subject.split())
    body_html = "\n".join(html for _plain, html in paragraphs)
    html = (
        f'<!DOCTYPE html>\n<html lang="{escape(language)}">\n<head>'
        f'<meta charset="utf-8"><title>{escape(subject)}</title></head>\n'
        f"<body>\n{body_html}\n</body>\n</html>\n"
    )
    return MemoLetter(
        subject=subject,
        body_text="\n\n".join(plain for plain, _html in paragraphs),
        body_html=html,
    )


def attachment_name(process: Process) -> str:
    return f"{process.slug}-memo.docx"


def queue_memo(
    process: Process, phase: Phase | None = None, *, now: datetime
) -> MemoReport:
    """Queue the memo to every participant's address, once per scope and address.

    The document is made once (only if a letter is new) and stored with each letter;
    a draft proposal is never attached, only a published one.
    """
    found = reach(process)
    queued_keys = _queued_keys(process, phase, found.emails)
    new = [e for e in found.emails if memo_key(process, phase, e) not in queued_keys]
    if not new:
        return MemoReport(0, len(found.emails), found.without_email)
    document = render_docx(process, phase, now)
    letter = memo_letter(process, phase)
    queued = 0
    for email in new:
        message, created = queue_message(
            key=memo_key(process, phase, email),
            kind=KIND,
            recipient=email,
            subject=letter.subject,
            body_text=letter.body_text,
            body_html=letter.body_html,
            process=process,
        )
        if created:
            message.attachment = document
            message.attachment_name = attachment_name(process)
            message.attachment_type = DOCX_TYPE
            message.created_at = now
            queued += 1
    db.session.flush()
    return MemoReport(queued, len(found.emails) - queued, found.without_email)
