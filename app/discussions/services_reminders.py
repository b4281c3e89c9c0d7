"""Reminders to the work groups that have not answered every question yet.

At most one reminder per group, contact and day (the outbox key holds the Helsinki
date), so pressing the button twice sends nothing twice.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime
from typing import NamedTuple

import sqlalchemy as sa
from flask_babel import force_locale
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from ..errors import DomainError
from ..extensions import db
from ..i18n import format_datetime, localized, to_helsinki
from ..models import Discussion, OutboxMessage, Prompt, WorkGroup
from ..outbox.services import message_key, queue_message
from ..urls import external_url
from .queries_participation import build_overview
from .services import DiscussionState, state

log = logging.getLogger("osallistamo.discussions")

REMINDER_KIND = "reminder"


class DiscussionNotOpen(
    DomainError, message=_l("Reminders can be sent only while the discussion is open.")
): ...


@dataclass
class Reminder:
    """A group that lacks answers, the prompts it lacks and whether it was reminded."""

    group: WorkGroup
    missing: list[Prompt]
    already_today: bool = False


@dataclass
class ReminderPlan:
    to_remind: list[Reminder]
    without_contact: list[Reminder]


class ReminderResult(NamedTuple):
    queued: int
    already_today: int
    skipped_without_contact: int


def reminder_key(discussion: Discussion, group: WorkGroup, now: datetime) -> str:
    """One reminder per group, contact address and Helsinki day."""
    day = to_helsinki(now).date().isoformat()
    return message_key(REMINDER_KIND, discussion.id, group.id, group.contact_email, day)


def reminder_plan(discussion: Discussion, now: datetime | None = None) -> ReminderPlan:
    """Split the groups missing answers into those with and without a contact email.

    With ``now``, also mark the groups already reminded that (Helsinki) day.
    """
    overview = build_overview(discussion)
    by_id = {prompt.id: prompt for prompt in overview.prompts}
    plan = ReminderPlan(to_remind=[], without_contact=[])
    for row in overview.missing_rows():
        reminder = Reminder(
            group=row.group, missing=[by_id[i] for i in row.missing_prompt_ids]
        )
        if row.group.contact_email.strip():
            plan.to_remind.append(reminder)
        else:
            plan.without_contact.append(reminder)
    if now is None:
        return plan
    keys = {reminder_key(discussion, r.group, now): r for r in plan.to_remind}
    if keys:
        sent = db.session.scalars(
            sa.select(OutboxMessage.key).where(OutboxMessage.key.in_(list(keys)))
        )
        for key in sent:
            keys[key].already_today = True
    return plan


def groups_to_remind(discussion: Discussion) -> list[WorkGroup]:
    """Groups missing at least one answer that have a contact email."""
    return [reminder.group for reminder in reminder_plan(discussion).to_remind]


def _letter(discussion: Discussion, reminder: Reminder) -> tuple[str, str]:
    """The subject and text of a reminder, in the process's main language."""
    process = discussion.process
    lang = process.language
    group = reminder.group
    with force_locale(lang):
        title = localized(discussion.phase.title, lang, lang=lang)
        subject = _(
            "Reminder: questions waiting for %(group)s in %(discussion)s",
            group=group.name,
            discussion=title,
        )
        greeting = (
            _("Hello %(name)s,", name=group.contact_name)
            if group.contact_name
            else _("Hello,")
        )
        lines = [
            greeting,
            "",
            _(
                'The work group %(group)s has not yet answered these questions in the discussion "%(discussion)s" of the process "%(process)s":',
                group=group.name,
                discussion=title,
                process=localized(process.title, lang, lang=lang),
            ),
            "",
            *(f"- {localized(p.question, lang, lang=lang)}" for p in reminder.missing),
            "",
        ]
        ends_at = discussion.phase.ends_at
        lines += [
            _("The discussion is open until %(when)s.", when=format_datetime(ends_at))
            if ends_at
            else _("The discussion has no closing time yet."),
            "",
            _("Members of the group answer on the discussion page:"),
            external_url(
                "discussions.detail", slug=process.slug, phase_id=discussion.phase.id
            ),
        ]
        if group.invite_open:
            # A closed invite refuses the link, so it is only offered while open.
            lines += [
                "",
                _("New members join the group with this link:"),
                external_url("auth.join", code=group.invite_code),
            ]
        lines += [
            "",
            _("You receive this message as the contact person of the work group."),
        ]
    return subject, "\n".join(lines) + "\n"


def queue_reminders(discussion: Discussion, *, now: datetime) -> ReminderResult:
    """Queue a reminder to each group missing answers; at most one per group a day.

    The outbox key holds the Helsinki date, so a second run the same day queues
    nothing new. The caller commits and then sends.

    :raises DiscussionNotOpen: before the discussion opens and after it closes.
    """
    if state(discussion, now) is not DiscussionState.OPEN:
        raise DiscussionNotOpen()
    plan = reminder_plan(discussion, now)
    queued = already = 0
    for reminder in plan.to_remind:
        if reminder.already_today:  # no need to write it again; the key would refuse it
            already += 1
            continue
        subject, body = _letter(discussion, reminder)
        _message, created = queue_message(
            key=reminder_key(discussion, reminder.group, now),
            kind=REMINDER_KIND,
            recipient=reminder.group.contact_email,
            subject=subject,
            body_text=body,
            process=discussion.process,
        )
        if created:
            queued += 1
        else:
            already += 1
    db.session.flush()
    log.info(
        "discussion %s: %s reminders queued, %s already today, %s without contact",
        discussion.id,
        queued,
        already,
        len(plan.without_contact),
    )
    return ReminderResult(queued, already, len(plan.without_contact))
