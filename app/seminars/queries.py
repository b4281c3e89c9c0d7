"""Reading a seminar: the seminar of an address, its workshop blocks and workshops.

The accept rules narrow app.web's "an object of this process" to this seminar or
workshop, so an id of another seminar of the same process is simply not found.
"""

from __future__ import annotations

from collections.abc import Callable

import sqlalchemy.orm as so

from ..models import (
    AgendaItem,
    AgendaKind,
    Comment,
    Phase,
    PhaseKind,
    Process,
    Prompt,
    Seminar,
    SpeakerQuestion,
    Workshop,
)
from ..web import get_in_process_or_404, load_in_process

#: A workshop with its block, seminar and phase (whose process every permission
#: asks for) in its own statement: a live page's poll answered 304 then costs one
#: statement for the workshop instead of four.
WORKSHOP_WITH_PHASE = (
    so.joinedload(Workshop.block)
    .joinedload(AgendaItem.seminar)
    .joinedload(Seminar.phase),
)


def load_workshop_by_id(
    slug: str, action: str, workshop_id: int
) -> tuple[Process, Workshop]:
    """The process and a workshop of a live URL (phone, projector, control), the
    action checked first."""
    return load_in_process(
        slug, action, Workshop, workshop_id, options=WORKSHOP_WITH_PHASE
    )


def has_seminar(phase: Phase) -> bool:
    """A seminar phase with its settings (only those have seminar pages)."""
    return phase.kind is PhaseKind.SEMINAR and phase.seminar is not None


def page_context(process: Process, seminar: Seminar) -> dict:
    """What every seminar page's template is given: the process, the seminar
    and its phase."""
    return {"process": process, "seminar": seminar, "phase": seminar.phase}


def load_seminar(slug: str, phase_id: int, action: str) -> tuple[Process, Seminar]:
    """The process and seminar of a URL, after checking the action on the process."""
    process, phase = load_in_process(slug, action, Phase, phase_id, accept=has_seminar)
    return process, phase.seminar


def load_agenda_item(
    slug: str, phase_id: int, item_id: int, action: str
) -> tuple[Process, Seminar, AgendaItem]:
    """The process, seminar and agenda item of a set-up URL, the action checked first."""
    process, seminar = load_seminar(slug, phase_id, action)
    item = get_in_process_or_404(process, AgendaItem, item_id, in_seminar(seminar))
    return process, seminar, item


def load_workshop(
    slug: str, phase_id: int, workshop_id: int, action: str
) -> tuple[Process, Seminar, Workshop]:
    """The process, seminar and workshop of a set-up URL, the action checked first."""
    process, seminar = load_seminar(slug, phase_id, action)
    workshop = get_in_process_or_404(
        process, Workshop, workshop_id, in_seminar(seminar)
    )
    return process, seminar, workshop


def load_workshop_prompt(
    slug: str, phase_id: int, workshop_id: int, prompt_id: int, action: str
) -> tuple[Process, Seminar, Workshop, Prompt]:
    """A set-up URL's workshop prompt with its process, seminar and workshop."""
    process, seminar, workshop = load_workshop(slug, phase_id, workshop_id, action)
    prompt = get_in_process_or_404(process, Prompt, prompt_id, in_workshop(workshop))
    return process, seminar, workshop, prompt


def load_question(
    slug: str, phase_id: int, question_id: int, action: str
) -> tuple[Process, Seminar, SpeakerQuestion]:
    """The process, seminar and one of its questions to the speakers, the action
    checked first."""
    process, seminar = load_seminar(slug, phase_id, action)
    question = get_in_process_or_404(
        process, SpeakerQuestion, question_id, lambda q: q.seminar_id == seminar.id
    )
    return process, seminar, question


def in_seminar(seminar: Seminar) -> Callable[[AgendaItem | Workshop], bool]:
    """Accept an agenda item or a workshop of this seminar only."""

    def accept(obj: AgendaItem | Workshop) -> bool:
        item = obj.block if isinstance(obj, Workshop) else obj
        return item.seminar_id == seminar.id

    return accept


def in_workshop(workshop: Workshop) -> Callable[[Prompt | Comment], bool]:
    """Accept a prompt, or a note (a comment on a prompt), of this workshop only."""

    def accept(obj: Prompt | Comment) -> bool:
        prompt = obj.prompt if isinstance(obj, Comment) else obj
        return prompt.workshop_id == workshop.id

    return accept


def blocks_of(seminar: Seminar) -> list[AgendaItem]:
    """The seminar's workshop blocks in agenda order."""
    return [item for item in seminar.agenda if item.kind is AgendaKind.WORKSHOPS]


def workshops_of(seminar: Seminar) -> list[Workshop]:
    """The seminar's workshops in agenda order, block by block."""
    return [workshop for block in blocks_of(seminar) for workshop in block.workshops]
