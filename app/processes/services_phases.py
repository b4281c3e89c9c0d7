"""Phase rules: adding, editing, ordering and deleting the steps of a process."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import UTC, datetime
from typing import TypeVar

from ..errors import InvalidSchedule
from ..extensions import db
from ..i18n import clean_texts, require_title
from ..models import Phase, PhaseKind, Process
from ..ordering import (
    Direction,
    append_to,
    move_within,
    remove_from,
)
from ..text import render_translated

log = logging.getLogger("osallistamo.processes")
T = TypeVar("T")

#: What a phase of a kind needs besides its row (a seminar's or a survey's settings).
#: The domain of each kind registers its set-up when its blueprint is imported, so
#: processes need not know discussions, seminars and surveys (which import processes).
PHASE_SETUP: dict[PhaseKind, Callable[[Phase], object]] = {}


def register_phase_setup(kind: PhaseKind, setup: Callable[[Phase], object]) -> None:
    """Have ``setup(phase)`` run whenever a phase of this kind is added or changed."""
    PHASE_SETUP[kind] = setup


def kind_settings(
    phase: Phase, kind: PhaseKind, attribute: str, make: Callable[[], T]
) -> T | None:
    """The settings row a phase of ``kind`` has as ``phase.<attribute>`` (a
    discussion's, a seminar's, a survey's), made when first needed; None for a phase
    of another kind. The row stays when the kind changes, so changing it back keeps
    what was set."""
    if phase.kind is not kind:
        return None
    if getattr(phase, attribute) is None:
        setattr(phase, attribute, make())
        db.session.flush()
    return getattr(phase, attribute)


def _utc(value: datetime | None) -> datetime | None:
    if value is None:
        return None
    if value.tzinfo is None:
        raise ValueError(
            "naive datetime given; convert form input with from_helsinki_input"
        )
    return value.astimezone(UTC)


def _schedule(starts_at: datetime | None, ends_at: datetime | None) -> tuple:
    """Return both times in UTC; the end, when both are given, must follow the start."""
    starts_at, ends_at = _utc(starts_at), _utc(ends_at)
    if starts_at and ends_at and ends_at <= starts_at:
        raise InvalidSchedule()
    return starts_at, ends_at


def _apply(
    phase: Phase,
    process: Process,
    *,
    kind: PhaseKind | str,
    title: dict,
    description: dict | None = None,
    starts_at: datetime | None = None,
    ends_at: datetime | None = None,
) -> None:
    """Set a phase's kind, texts and times.

    :param starts_at: aware datetime (Helsinki input converted by the route), or None.
    :raises MissingTitle: without a title in the process's main language.
    :raises InvalidSchedule: when the end does not come after the start.
    """
    title = require_title(process, title)
    starts_at, ends_at = _schedule(starts_at, ends_at)
    description = clean_texts(description)
    phase.kind = PhaseKind(kind)
    phase.title = title
    phase.description = description
    phase.description_html = render_translated(description)
    phase.starts_at = starts_at
    phase.ends_at = ends_at


def add_phase(process: Process, **fields) -> Phase:
    """Add a phase after the process's last one (``fields`` as ``_apply``).

    :raises MissingTitle: without a title in the process's main language.
    :raises InvalidSchedule: when the end does not come after the start.
    """
    phase = Phase()
    _apply(phase, process, **fields)
    append_to(process, "phases", phase)
    db.session.flush()
    _ensure_kind_settings(phase)
    log.info("phase %s added to process %s", phase.id, process.slug)
    return phase


def update_phase(phase: Phase, **fields) -> Phase:
    """Change a phase's kind, texts and times (``fields`` as ``_apply``); its place
    in the order stays."""
    _apply(phase, phase.process, **fields)
    db.session.flush()
    _ensure_kind_settings(phase)
    return phase


def _ensure_kind_settings(phase: Phase) -> None:
    """Create the settings row its kind needs (discussion, seminar or survey)."""
    setup = PHASE_SETUP.get(phase.kind)
    if setup is not None:
        setup(phase)


def move_phase(phase: Phase, direction: Direction) -> bool:
    """Move a phase one step up or down; False (and no change) at either end."""
    return move_within(phase.process, "phases", phase, direction)


def delete_phase(phase: Phase) -> None:
    """Delete a phase and close the gap it leaves in the order."""
    process = phase.process
    remove_from(process, "phases", phase)
    log.info("phase %s deleted from process %s", phase.id, process.slug)
