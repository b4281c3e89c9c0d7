"""Turn the demo's workshop seminars (``seminars.SEMINARS``) into rows.

Rows are made directly from the models, with the Markdown texts rendered as the app
renders them. Each row is found again by its natural key (the seminar by its phase,
an agenda item by seminar and position, a workshop by block and position, a prompt by
workshop and position), so loading twice creates nothing new; settings that differ
from the data are set back, as ``loader._assign`` does for the other demo rows.
Rows someone added while trying the demo (a further agenda item, workshop or prompt)
are left alone, and so is the live state of a workshop (its current prompt, version
and participants' choices).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from ..extensions import db
from ..models import AgendaItem, Phase, PhaseKind, Process, Prompt, Seminar, Workshop
from ..text import render_translated

if TYPE_CHECKING:
    from .loader import LoadReport


def load_seminars(
    process: Process, spec: Iterable[dict], report: LoadReport
) -> list[Seminar]:
    """Create or refresh the demo's seminars, their agendas and workshops; flush."""
    seminars = []
    for data in spec:
        phase = next(p for p in process.phases if p.position == data["phase"])
        if phase.kind is not PhaseKind.SEMINAR:
            raise ValueError(f"demo phase {phase.position} is not a seminar")
        seminar = _seminar(phase, data, report)
        for position, item_data in enumerate(data["agenda"], start=1):
            item = _agenda_item(seminar, position, item_data, report)
            for number, workshop_data in enumerate(item_data["workshops"], start=1):
                workshop = _workshop(item, number, workshop_data, report)
                for place, question in enumerate(workshop_data["prompts"], start=1):
                    _prompt(workshop, place, question, report)
        seminars.append(seminar)
    db.session.flush()
    return seminars


def _assign(obj, report: LoadReport, label: str, /, **values) -> None:
    # Imported here: ``loader`` imports this module while it is being set up.
    from .loader import _assign as assign

    assign(obj, report, label, **values)


def _is_blank(seminar: Seminar) -> bool:
    """A seminar with nothing set yet: the empty one ``ensure_seminar`` gives a phase."""
    return not (
        seminar.place
        or seminar.online_url
        or seminar.goal
        or seminar.expected_output
        or seminar.agenda
    )


def _seminar(phase: Phase, data: dict, report: LoadReport) -> Seminar:
    values = {
        "place": data["place"],
        "online_url": data["online_url"],
        "goal": data["goal"],
        "goal_html": render_translated(data["goal"]),
        "expected_output": data["expected_output"],
        "expected_output_html": render_translated(data["expected_output"]),
    }
    seminar = phase.seminar
    if seminar is None or _is_blank(seminar):
        # Adding the phase already gave it an empty seminar; filling that in is what
        # creates the demo's seminar, so it counts as created, not as set back.
        if seminar is None:
            seminar = Seminar(phase=phase)
            db.session.add(seminar)
        for name, value in values.items():
            setattr(seminar, name, value)
        report.created["seminar"] += 1
        return seminar
    _assign(seminar, report, "seminar", **values)
    return seminar


def _agenda_item(
    seminar: Seminar, position: int, data: dict, report: LoadReport
) -> AgendaItem:
    values = {
        "kind": data["kind"],
        "starts_at": data["starts_at"],
        "ends_at": data["ends_at"],
        "title": data["title"],
        "speaker": data["speaker"],
        "description": data["description"],
        "description_html": render_translated(data["description"]),
    }
    item = next((i for i in seminar.agenda if i.position == position), None)
    if item is None:
        item = AgendaItem(seminar=seminar, position=position, **values)
        db.session.add(item)
        report.created["agenda item"] += 1
        return item
    _assign(item, report, "agenda item", **values)
    return item


def _workshop(
    block: AgendaItem, position: int, data: dict, report: LoadReport
) -> Workshop:
    values = {
        "title": data["title"],
        "description": data["description"],
        "description_html": render_translated(data["description"]),
        "facilitator_name": data["facilitator_name"],
        "method": data["method"],
        "room": data["room"],
        "seat_limit": data["seat_limit"],
    }
    workshop = next((w for w in block.workshops if w.position == position), None)
    if workshop is None:
        workshop = Workshop(block=block, position=position, **values)
        db.session.add(workshop)
        report.created["workshop"] += 1
        return workshop
    _assign(workshop, report, "workshop", **values)
    return workshop


def _prompt(
    workshop: Workshop, position: int, question: dict, report: LoadReport
) -> Prompt:
    prompt = next((p for p in workshop.prompts if p.position == position), None)
    if prompt is None:
        # Owned by the workshop alone: the one-owner check wants discussion_id NULL.
        prompt = Prompt(workshop=workshop, position=position, question=question)
        db.session.add(prompt)
        report.created["workshop prompt"] += 1
        return prompt
    _assign(prompt, report, "workshop prompt", question=question)
    return prompt
