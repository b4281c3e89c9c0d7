"""What the live pages show: the projector's wall, the process walk's rounds, the
phone page's notes, and the version tag (ETag) they are answered 304 by.

The contexts are built only when a page is rendered; the 304 path needs just
``etag_of``, which reads the workshop row alone.
"""

from __future__ import annotations

from ..comments import groups_of
from ..i18n import current_language
from ..models import Process, Prompt, User, WorkGroup, Workshop, WorkshopMethod
from ..ordering import in_order
from . import queries_live, queries_votes
from .labels import SCALE_LABELS
from .methods import spec

#: Notes shown under the phone's form: the newest, enough for a room's burst.
LATEST_NOTES = 50

#: How often the projector, the control page and the phones ask for changes, in
#: milliseconds. A note shows within this plus a poll's answer (tens of ms in a
#: full room): 2.5 s keeps it within the 3 s the room is promised (at 3 s, 1-3 % of
#: notes took a little longer; bench/locustfile.py polls the same).
POLL_INTERVAL_MS = 2500


def etag_of(workshop: Workshop, *parts: object) -> str:
    """What a live view depends on, read from the workshop row alone (and the viewer)."""
    return "-".join(
        [f"w{workshop.id}", f"v{workshop.live_version}", current_language()]
        + [str(part) for part in parts]
    )


def current_of(workshop: Workshop, prompts: list[Prompt]) -> Prompt | None:
    return next((p for p in prompts if p.id == workshop.current_prompt_id), None)


def walk(workshop: Workshop) -> dict:
    """The round (1-based for people) and which groups are at each station."""
    number = queries_live.current_round(workshop)
    placed = queries_live.rotation(workshop, number)
    at: dict[int, list] = {}
    for group, station in placed.items():
        at.setdefault(station.id, []).append(group)
    return {"round": number + 1, "rounds": len(workshop.prompts), "at": at}


def wall_context(process: Process, workshop: Workshop) -> dict:
    """What the wall shows for the workshop's method (only called when rendering)."""
    prompts = in_order(workshop.prompts)
    current = current_of(workshop, prompts)
    method = workshop.method
    context = {
        "process": process,
        "workshop": workshop,
        "method": spec(method),
        "prompts": prompts,
        "current": current,
        "cards": [],
        "counts": {},
        "distribution": None,
        "scale_labels": SCALE_LABELS,
        "walk": None,
        "vote": None,
    }
    shown = queries_votes.wall_vote(workshop)
    if shown is not None:
        # A vote on the wall takes the screen: its bars instead of the notes.
        context["vote"] = queries_votes.tally(shown)
        return context
    if method is WorkshopMethod.FEELING_LINE:
        statement = current or (prompts[0] if prompts else None)
        context["current"] = statement
        if statement is not None:
            context["distribution"] = queries_live.distribution(statement)
    elif method in (WorkshopMethod.OPEN_SPACE, WorkshopMethod.PROCESS_WALK):
        context["counts"] = queries_live.note_counts(workshop)
        if method is WorkshopMethod.PROCESS_WALK:
            context["walk"] = walk(workshop)
        elif current is not None:
            context["cards"] = queries_live.projector_notes(current)
    elif current is not None:
        context["cards"] = queries_live.projector_notes(current)
    return context


def stations(workshop: Workshop, groups: list[WorkGroup]) -> dict[int, Prompt]:
    """Process walk: the station of each of the viewer's groups this round."""
    if workshop.method is not WorkshopMethod.PROCESS_WALK:
        return {}
    placed = queries_live.rotation(workshop, queries_live.current_round(workshop))
    return {group.id: placed[group] for group in groups if group in placed}


def focus(
    workshop: Workshop,
    prompts: list[Prompt],
    groups: list[WorkGroup],
    asked: int | None,
) -> Prompt | None:
    """The prompt the phone page is about: asked for, the group's station, current,
    first."""
    by_id = {prompt.id: prompt for prompt in prompts}
    if asked in by_id:
        return by_id[asked]
    for prompt in (stations(workshop, groups) if groups else {}).values():
        return prompt
    if workshop.current_prompt_id in by_id:
        return by_id[workshop.current_prompt_id]
    return prompts[0] if prompts else None


def phone_context(
    process: Process,
    workshop: Workshop,
    user: User,
    asked: int | None,
    with_cards: bool = True,
) -> dict:
    """The phone page's changing part: the current prompt, the chosen prompt's notes
    (``cards``; left out with ``with_cards=False`` until the page is rendered: a
    note that is saved is answered with a redirect, not with the notes)."""
    groups = groups_of(user, process.id)
    prompts = in_order(workshop.prompts)
    chosen = focus(workshop, prompts, groups, asked)
    context = {
        "process": process,
        "workshop": workshop,
        "method": spec(workshop.method),
        "groups": groups,
        "prompts": prompts,
        "focus": chosen,
    }
    if with_cards:
        context["cards"] = latest_cards(chosen)
    return context


def latest_cards(prompt: Prompt | None) -> list:
    """The latest notes of the prompt a phone page is about, as cards."""
    if prompt is None:
        return []
    return queries_live.note_cards([prompt.id], limit=LATEST_NOTES)
