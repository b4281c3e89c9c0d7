"""The read side of live capture: notes as cards, rotation, topic counts, distributions.

Everything here only reads. The projector's 304 path calls none of it (its ETag
needs just the workshop row), which its tests check by making these functions raise.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

import sqlalchemy as sa
from sqlalchemy.orm import joinedload

from ..comments import visible
from ..extensions import db
from ..models import (
    Comment,
    FeelingMark,
    GroupMembership,
    Prompt,
    WorkGroup,
    Workshop,
    WorkshopChoice,
)
from ..ordering import in_order

SCALE = (1, 2, 3, 4, 5)


@dataclass
class NoteCard:
    """A note as the wall shows it: the note and the duplicates merged into it."""

    note: Comment
    duplicates: list[Comment] = field(default_factory=list)

    @property
    def similar(self) -> int:
        return len(self.duplicates)


def _visible(stmt: sa.Select) -> sa.Select:
    return stmt.where(visible())


def note_cards(prompt_ids: list[int], *, limit: int | None = None) -> list[NoteCard]:
    """Visible notes of these prompts, newest first, duplicates under their target.

    A duplicate whose target is hidden is not shown: the cluster went with it.
    """
    if not prompt_ids:
        return []
    stmt = _visible(
        sa.select(Comment)
        .where(Comment.prompt_id.in_(prompt_ids), Comment.merged_into_id.is_(None))
        .options(joinedload(Comment.group))
        .order_by(Comment.created_at.desc(), Comment.id.desc())
    )
    if limit:
        stmt = stmt.limit(limit)
    cards = [NoteCard(note) for note in db.session.scalars(stmt)]
    by_id = {card.note.id: card for card in cards}
    if by_id:
        duplicates = _visible(
            sa.select(Comment)
            .where(Comment.merged_into_id.in_(by_id))
            .options(joinedload(Comment.group))
            .order_by(Comment.created_at, Comment.id)
        )
        for duplicate in db.session.scalars(duplicates):
            by_id[duplicate.merged_into_id].duplicates.append(duplicate)
    return cards


def projector_notes(prompt: Prompt) -> list[NoteCard]:
    """The current prompt's notes for the projector (every visible note, newest first)."""
    return note_cards([prompt.id])


def note_counts(workshop: Workshop) -> dict[int, int]:
    """Visible notes per prompt id, a merged cluster counted once."""
    rows = db.session.execute(
        _visible(
            sa.select(Comment.prompt_id, sa.func.count(Comment.id))
            .join(Prompt, Prompt.id == Comment.prompt_id)
            .where(Prompt.workshop_id == workshop.id, Comment.merged_into_id.is_(None))
            .group_by(Comment.prompt_id)
        )
    )
    return {prompt_id: count for prompt_id, count in rows}


def all_notes(workshop: Workshop) -> dict[int, list[Comment]]:
    """Every note of the workshop per prompt id, hidden ones too (the control page)."""
    stmt = (
        sa.select(Comment)
        .join(Prompt, Prompt.id == Comment.prompt_id)
        .where(Prompt.workshop_id == workshop.id, Comment.deleted_at.is_(None))
        .options(joinedload(Comment.group))
        .order_by(Comment.created_at.desc(), Comment.id.desc())
    )
    notes: dict[int, list[Comment]] = defaultdict(list)
    for note in db.session.scalars(stmt):
        notes[note.prompt_id].append(note)
    return dict(notes)


def wall_notes(workshop: Workshop) -> list[Comment]:
    """The wall as the room sees it: visible notes not merged into another, of
    the prompt shown now first."""
    notes = [
        note
        for prompt_notes in all_notes(workshop).values()
        for note in prompt_notes
        if note.merged_into_id is None and not note.is_hidden
    ]
    notes.sort(key=lambda note: (note.prompt_id != workshop.current_prompt_id, note.id))
    return notes


# Process walk -------------------------------------------------------------------


def workshop_groups(workshop: Workshop) -> list[WorkGroup]:
    """The groups in the room: those whose members chose the workshop, by name.

    When nobody chose beforehand, every group of the process walks.
    """
    chosen = list(
        db.session.scalars(
            sa.select(WorkGroup)
            .join(GroupMembership, GroupMembership.group_id == WorkGroup.id)
            .join(WorkshopChoice, WorkshopChoice.user_id == GroupMembership.user_id)
            .where(
                WorkshopChoice.workshop_id == workshop.id,
                WorkGroup.process_id == workshop.process.id,
            )
            .distinct()
        )
    )
    groups = chosen or list(workshop.process.work_groups)
    return sorted(groups, key=lambda group: (group.name.casefold(), group.id))


def current_round(workshop: Workshop) -> int:
    """The round is where the current prompt stands in the order (0 before the start).

    "Next station" on the control page moves the current prompt on, which turns
    every group to its next station at once.
    """
    ids = [prompt.id for prompt in in_order(workshop.prompts)]
    if workshop.current_prompt_id in ids:
        return ids.index(workshop.current_prompt_id)
    return 0


def rotation(workshop: Workshop, round: int) -> dict[WorkGroup, Prompt]:
    """Where each group works in a round: group i at station (i + round) mod n.

    Over n rounds every group visits every one of the n stations exactly once; with
    more groups than stations, several groups share a station.
    """
    stations = in_order(workshop.prompts)
    if not stations:
        return {}
    count = len(stations)
    return {
        group: stations[(index + round) % count]
        for index, group in enumerate(workshop_groups(workshop))
    }


# Feeling line -------------------------------------------------------------------


@dataclass(frozen=True)
class Distribution:
    """How the marks on one statement spread over the scale 1..5."""

    counts: dict[int, int]
    total: int
    mean: float | None

    def share(self, value: int) -> float:
        """The value's share of the marks, 0..1 (the bar length)."""
        return self.counts[value] / self.total if self.total else 0.0

    @property
    def biggest(self) -> int:
        return max(self.counts.values(), default=0)


def distribution(prompt: Prompt) -> Distribution:
    """Counts per value 1..5, the number of marks and their mean (None: no marks)."""
    rows = db.session.execute(
        sa.select(FeelingMark.value, sa.func.count(FeelingMark.id))
        .where(FeelingMark.prompt_id == prompt.id)
        .group_by(FeelingMark.value)
    )
    counts = Counter({value: 0 for value in SCALE})
    counts.update({value: count for value, count in rows})
    total = sum(counts.values())
    mean = (
        sum(value * count for value, count in counts.items()) / total if total else None
    )
    return Distribution(
        counts={value: counts[value] for value in SCALE}, total=total, mean=mean
    )
