"""Turn the demo's workshop seminars (``content/seminar_*.toml``) into rows.

Rows are made directly from the models, with the Markdown texts rendered as the app
renders them. Each row is found again by its natural key (the seminar by its phase,
an agenda item by seminar and position, a workshop by block and position, a prompt by
workshop and position), so loading twice creates nothing new; settings that differ
from the data are set back (``base.assign``). Rows someone added while trying the demo
(a further agenda item, workshop or prompt) are left alone, and so is the live state
of a workshop (its current prompt, version and participants' choices).
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import partial

from ..extensions import db
from ..models import AgendaItem, Phase, PhaseKind, Process, Prompt, Seminar, Workshop
from ..text import render_translated
from .base import LoadReport, assign, at_position, upsert


def load_seminars(
    process: Process, spec: Iterable[dict], report: LoadReport
) -> list[Seminar]:
    """Create or refresh the demo's seminars, their agendas and workshops; flush."""
    seminars = []
    for data in spec:
        phase = at_position(process.phases, data["phase"])
        if phase.kind is not PhaseKind.SEMINAR:
            raise ValueError(f"demo phase {phase.position} is not a seminar")
        seminar = _seminar(phase, data, report)
        for position, item_data in enumerate(data["agenda"], start=1):
            item = _agenda_item(seminar, position, item_data, report)
            for number, workshop_data in enumerate(item_data["workshops"], start=1):
                workshop = _workshop(item, number, workshop_data, report)
                for place, question in enumerate(workshop_data["prompts"], start=1):
                    # Owned by the workshop alone: the one-owner check wants
                    # discussion_id NULL.
                    make = partial(Prompt, workshop=workshop)
                    label = "workshop prompt"
                    upsert(
                        workshop.prompts, place, make, report, label, question=question
                    )
        seminars.append(seminar)
    db.session.flush()
    return seminars


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
        assign(seminar, None, "seminar", **values)
        report.created["seminar"] += 1
        return seminar
    assign(seminar, report, "seminar", **values)
    return seminar


def _agenda_item(
    seminar: Seminar, position: int, data: dict, report: LoadReport
) -> AgendaItem:
    values = {
        key: data[key]
        for key in ("kind", "starts_at", "ends_at", "title", "speaker", "description")
    }
    values["description_html"] = render_translated(data["description"])
    make = partial(AgendaItem, seminar=seminar)
    return upsert(seminar.agenda, position, make, report, "agenda item", **values)


def _workshop(
    block: AgendaItem, position: int, data: dict, report: LoadReport
) -> Workshop:
    values = {
        key: data[key]
        for key in ("title", "description", "facilitator_name", "method", "room")
    }
    values["description_html"] = render_translated(data["description"])
    values["seat_limit"] = data["seat_limit"]
    make = partial(Workshop, block=block)
    return upsert(block.workshops, position, make, report, "workshop", **values)
