"""Seminar rules: the settings (place, online address, goal) and the timed agenda.

Every seminar phase has its seminar settings, created with the phase.

The seminar's day and hours are its phase's; agenda items must fall inside them when
the phase has them. Items are listed by start time, position breaking ties.
"""

from __future__ import annotations

import logging
from datetime import datetime
from urllib.parse import urlsplit

from flask_babel import lazy_gettext as _l

from ..errors import DomainError
from ..extensions import db
from ..i18n import format_datetime, format_time
from ..models import AgendaItem, AgendaKind, Phase, PhaseKind, Seminar
from ..processes.services_phases import kind_settings
from ..text import render_translated
from .labels import same_day

log = logging.getLogger("osallistamo.seminars")


class InvalidOnlineAddress(
    DomainError,
    message=_l(
        "Give the online address as a full link beginning with https://, for example"
        " https://meet.example.fi/seminar."
    ),
): ...


class AgendaTimeError(DomainError):
    """A time of an agenda item against the rules; ``field`` names the form field."""

    field = "starts_at"


class EndBeforeStart(AgendaTimeError):
    field = "ends_at"
    message = _l("The end must come after the start.")


class StartsBeforeSeminar(AgendaTimeError):
    field = "starts_at"


class StartsAfterSeminar(AgendaTimeError):
    field = "starts_at"


class EndsAfterSeminar(AgendaTimeError):
    field = "ends_at"


class BlockHasWorkshops(
    DomainError,
    message=_l(
        "This workshop block has workshops. Remove them before changing the kind."
    ),
): ...


def ensure_seminar(phase: Phase) -> Seminar | None:
    """Give a seminar phase its seminar settings (kept if the kind changes back)."""
    return kind_settings(phase, PhaseKind.SEMINAR, "seminar", Seminar)


def clean_online_url(value: str | None) -> str:
    """Return the address trimmed, "" for none.

    :raises InvalidOnlineAddress: unless it is a plain https:// link to a host (no
        user name or password in it, no spaces).
    """
    value = (value or "").strip()
    if not value:
        return ""
    if any(char.isspace() or ord(char) < 32 for char in value):
        raise InvalidOnlineAddress()
    try:
        parts = urlsplit(value)
        hostname = parts.hostname
    except ValueError:
        raise InvalidOnlineAddress() from None
    # "https://trusted.fi@evil.example" reads as trusted.fi to a hurried eye: refuse.
    if parts.scheme.lower() != "https" or not hostname or "@" in parts.netloc:
        raise InvalidOnlineAddress()
    return value


def update_seminar(
    seminar: Seminar,
    *,
    place: str,
    online_url: str,
    goal: dict,
    expected_output: dict,
) -> Seminar:
    """Save the place, online address, goal and expected output.

    :raises InvalidOnlineAddress: for an address that is not an https link.
    """
    seminar.online_url = clean_online_url(online_url)
    seminar.place = (place or "").strip()
    seminar.goal = goal
    seminar.goal_html = render_translated(goal)
    seminar.expected_output = expected_output
    seminar.expected_output_html = render_translated(expected_output)
    db.session.flush()
    return seminar


def _seminar_moment(seminar: Seminar, value: datetime) -> str:
    """The seminar's start or end as a message shows it: the time, or date and time."""
    start = seminar.phase.starts_at
    if start is not None and same_day(start, value):
        return format_time(value)
    return format_datetime(value)


def check_times(seminar: Seminar, starts_at: datetime, ends_at: datetime | None):
    """Refuse an item's times unless the end follows the start, inside the seminar.

    :raises EndBeforeStart, StartsBeforeSeminar, StartsAfterSeminar,
        EndsAfterSeminar: with a message naming the seminar's own time.
    """
    if ends_at is not None and ends_at <= starts_at:
        raise EndBeforeStart()
    phase = seminar.phase
    if phase.starts_at is not None and starts_at < phase.starts_at:
        raise StartsBeforeSeminar(
            _l(
                "The seminar starts at %(time)s: start the item then or later.",
                time=_seminar_moment(seminar, phase.starts_at),
            )
        )
    if phase.ends_at is not None:
        moment = _seminar_moment(seminar, phase.ends_at)
        if starts_at >= phase.ends_at:
            raise StartsAfterSeminar(
                _l(
                    "The seminar ends at %(time)s: start the item before that.",
                    time=moment,
                )
            )
        if ends_at is not None and ends_at > phase.ends_at:
            raise EndsAfterSeminar(
                _l(
                    "The seminar ends at %(time)s: end the item then or earlier.",
                    time=moment,
                )
            )


def default_start(seminar: Seminar) -> datetime | None:
    """Where a new item most likely starts: after the last one, else at the start."""
    if seminar.agenda:
        last = seminar.agenda[-1]
        return last.ends_at or last.starts_at
    return seminar.phase.starts_at


def _apply_item(
    item: AgendaItem,
    seminar: Seminar,
    *,
    kind: AgendaKind | str,
    starts_at: datetime,
    ends_at: datetime | None,
    title: dict,
    speaker: str = "",
    description: dict | None = None,
) -> None:
    """Set an item's kind, times and texts, once its times fit the seminar.

    :raises AgendaTimeError: for times against the rules (see ``check_times``).
    :raises BlockHasWorkshops: when a block with workshops would become another kind.
    """
    check_times(seminar, starts_at, ends_at)
    # A new item has no workshops yet, so this only ever refuses a change.
    if AgendaKind(kind) is not AgendaKind.WORKSHOPS and item.workshops:
        raise BlockHasWorkshops()
    description = description or {}
    item.starts_at = starts_at
    item.ends_at = ends_at
    item.kind = AgendaKind(kind)
    item.title = title
    item.speaker = (speaker or "").strip()
    item.description = description
    item.description_html = render_translated(description)


def add_agenda_item(seminar: Seminar, **fields) -> AgendaItem:
    """Add an item (``fields`` as ``_apply_item``); it takes its place in the agenda
    by its start time.

    :raises AgendaTimeError: for times against the rules (see ``check_times``).
    """
    item = AgendaItem()
    _apply_item(item, seminar, **fields)
    # Position only breaks ties between items starting at the same time: the newest last.
    item.position = max((other.position for other in seminar.agenda), default=0) + 1
    seminar.agenda.append(item)
    db.session.flush()
    db.session.expire(seminar, ["agenda"])  # re-sorted by time when next read
    log.info("agenda item %s added to seminar %s", item.id, seminar.id)
    return item


def update_agenda_item(item: AgendaItem, **fields) -> AgendaItem:
    """Change an item (``fields`` as ``_apply_item``).

    :raises AgendaTimeError: for times against the rules.
    :raises BlockHasWorkshops: when a block with workshops would become another kind.
    """
    _apply_item(item, item.seminar, **fields)
    db.session.flush()
    db.session.expire(item.seminar, ["agenda"])
    return item


def delete_agenda_item(item: AgendaItem) -> None:
    """Remove an item, with its workshops and their choices if it is a block."""
    seminar = item.seminar
    seminar.agenda.remove(item)  # delete-orphan: the row goes at flush
    db.session.flush()
    log.info("agenda item %s removed from seminar %s", item.id, seminar.id)
