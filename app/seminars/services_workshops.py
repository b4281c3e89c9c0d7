"""Workshops of a workshop block and their prompts (questions, stations, parts...).

A workshop's prompts are Prompt rows owned by the workshop (``workshop_id``), ordered
like a discussion's. What they mean depends on the method (see ``methods.py``); a
treasure map gets its three parts when it is created with that method.
"""

from __future__ import annotations

import logging

from flask_babel import lazy_gettext as _l

from ..comments import set_prompt_texts
from ..errors import DomainError
from ..extensions import db
from ..models import AgendaItem, AgendaKind, Prompt, Workshop, WorkshopMethod
from ..ordering import Direction, append_to, move_within, remove_from
from ..text import render_translated
from .methods import spec

log = logging.getLogger("osallistamo.seminars")

MAX_SEATS = 500
#: More prompts than this do not fit one workshop session; the limit keeps pages sane.
MAX_WORKSHOP_PROMPTS = 20


class NotAWorkshopBlock(
    DomainError,
    message=_l("Workshops can be added only to a workshop block of the agenda."),
): ...


class InvalidSeatLimit(
    DomainError,
    message=_l("Give the seat limit as a number from 1 to 500, or leave it empty."),
): ...


class MissingWorkshopTitle(
    DomainError,
    message=_l("Write the title at least in the main language of the process."),
): ...


class MissingPromptText(
    DomainError, message=_l("Write this at least in the main language of the process.")
): ...


class TooManyWorkshopPrompts(
    DomainError, message=_l("A workshop has at most 20 prompts.")
): ...


class TreasureMapIsComplete(
    DomainError,
    message=_l(
        "A treasure map has exactly three parts: Now, Steps and Goal. Edit a part"
        " instead of adding one."
    ),
): ...


def _apply_workshop(
    workshop: Workshop,
    *,
    language: str,
    title: dict,
    description: dict | None = None,
    facilitator_name: str = "",
    room: str = "",
    method: WorkshopMethod | str = WorkshopMethod.BUZZ_GROUPS,
    seat_limit: int | None = None,
) -> None:
    """Set a workshop's texts, method and seat limit.

    :raises MissingWorkshopTitle, InvalidSeatLimit: for texts or limits against the rules.
    """
    description = description or {}
    if not title.get(language):
        raise MissingWorkshopTitle()
    if seat_limit is not None and not 1 <= seat_limit <= MAX_SEATS:
        raise InvalidSeatLimit()
    workshop.title = title
    workshop.description = description
    workshop.description_html = render_translated(description)
    workshop.facilitator_name = (facilitator_name or "").strip()
    workshop.room = (room or "").strip()
    workshop.method = WorkshopMethod(method)
    workshop.seat_limit = seat_limit


def _add_default_prompts(workshop: Workshop) -> None:
    """Give a workshop its method's fixed prompts (the treasure map's three parts)."""
    for number, (question, guidance) in enumerate(
        spec(workshop.method).default_prompts, start=1
    ):
        workshop.prompts.append(
            Prompt(
                position=number,
                question=dict(question),
                guidance=dict(guidance),
                guidance_html=render_translated(guidance),
            )
        )


def add_workshop(block: AgendaItem, **fields) -> Workshop:
    """Add a workshop at the end of the block (``fields`` as ``_apply_workshop``);
    a treasure map gets its three parts.

    :raises NotAWorkshopBlock: for an agenda item of another kind.
    :raises MissingWorkshopTitle, InvalidSeatLimit: for texts or limits against the rules.
    """
    if block.kind is not AgendaKind.WORKSHOPS:
        raise NotAWorkshopBlock()
    workshop = Workshop()
    _apply_workshop(workshop, language=block.process.language, **fields)
    append_to(block, "workshops", workshop)
    _add_default_prompts(workshop)
    db.session.flush()
    log.info("workshop %s added to agenda item %s", workshop.id, block.id)
    return workshop


def update_workshop(workshop: Workshop, **fields) -> Workshop:
    """Change a workshop (``fields`` as ``_apply_workshop``). A lower seat limit
    keeps the places already taken.

    Switching to a treasure map adds its three parts when the workshop has no prompts
    yet; existing prompts are never rewritten (the set-up page warns instead).
    """
    _apply_workshop(workshop, language=workshop.process.language, **fields)
    if not workshop.prompts:
        _add_default_prompts(workshop)
    db.session.flush()
    return workshop


def move_workshop(workshop: Workshop, direction: Direction) -> bool:
    """Move a workshop one step within its block; False at either end."""
    return move_within(workshop.block, "workshops", workshop, direction)


def delete_workshop(workshop: Workshop) -> None:
    """Remove a workshop with its prompts and the places chosen in it."""
    block = workshop.block
    remove_from(block, "workshops", workshop)
    log.info("workshop %s removed from agenda item %s", workshop.id, block.id)


def can_add_prompt(workshop: Workshop) -> bool:
    """Whether the method and the overall limit leave room for one more prompt."""
    limit = spec(workshop.method).max_prompts or MAX_WORKSHOP_PROMPTS
    return len(workshop.prompts) < min(limit, MAX_WORKSHOP_PROMPTS)


def add_workshop_prompt(
    workshop: Workshop, *, question: dict, guidance: dict | None = None
) -> Prompt:
    """Add a prompt (question, station, topic, statement) at the end.

    :raises TreasureMapIsComplete: for a fourth part of a treasure map.
    :raises TooManyWorkshopPrompts: beyond the overall limit.
    """
    if not can_add_prompt(workshop):
        if workshop.method is WorkshopMethod.TREASURE_MAP:
            raise TreasureMapIsComplete()
        raise TooManyWorkshopPrompts()
    prompt = Prompt()
    set_prompt_texts(
        prompt,
        workshop.process.language,
        question,
        guidance or {},
        MissingPromptText,
    )
    append_to(workshop, "prompts", prompt)
    db.session.flush()
    log.info("prompt %s added to workshop %s", prompt.id, workshop.id)
    return prompt


def update_workshop_prompt(
    prompt: Prompt, *, question: dict, guidance: dict | None = None
) -> Prompt:
    """Change a prompt's texts; its place stays."""
    set_prompt_texts(
        prompt, prompt.process.language, question, guidance or {}, MissingPromptText
    )
    db.session.flush()
    return prompt


def move_workshop_prompt(prompt: Prompt, direction: Direction) -> bool:
    """Move a prompt one step up or down; False at either end."""
    return move_within(prompt.workshop, "prompts", prompt, direction)


def delete_workshop_prompt(prompt: Prompt) -> None:
    """Remove a prompt and close the gap; the room leaves it if it was current."""
    workshop = prompt.workshop
    if workshop.current_prompt_id == prompt.id:
        workshop.current_prompt_id = None
        workshop.live_version = (workshop.live_version or 0) + 1
    remove_from(workshop, "prompts", prompt)
    log.info("prompt %s removed from workshop %s", prompt.id, workshop.id)
