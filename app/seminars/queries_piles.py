"""A workshop's wall gathered into piles: notes that say the same thing, together.

The facilitator's "brainstorm, group, then dot-vote": theme discovery
(app/coding/discovery.py) over the wall's notes, by what they mean (the notes'
stored embeddings). Computed when asked and never stored: the wall keeps changing,
and a pile only proposes; the facilitator may then vote on the piles.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..coding.discovery import MIN_COMMENTS, discover_comments
from ..embeddings.model import current as current_model
from ..embeddings.services import vectors_of
from ..models import Comment, Process, Workshop
from . import queries_live

#: Notes shown per pile on the page (the biggest piles can be long).
SHOWN_PER_PILE = 8


@dataclass(frozen=True)
class Pile:
    #: The pile's key words in the process's language (may be empty).
    keywords: tuple[str, ...]
    #: Its notes, the most typical first.
    notes: list[Comment]

    @property
    def label(self) -> str:
        """A short name made of its key words, else its most typical note."""
        if self.keywords:
            return ", ".join(self.keywords)
        return " ".join(self.notes[0].body.split())[:80]


@dataclass
class WallPiles:
    #: False when no sentence-embedding model is in use on this server.
    has_model: bool
    #: Notes on the wall (visible, not merged into another).
    notes: int = 0
    #: Notes not yet embedded (the worker has not reached them).
    waiting: int = 0
    piles: list[Pile] = field(default_factory=list)
    #: Notes that fit no pile well: left on their own, not forced into one.
    alone: list[Comment] = field(default_factory=list)

    @property
    def too_few(self) -> bool:
        return self.notes - self.waiting < MIN_COMMENTS


def wall_piles(process: Process, workshop: Workshop) -> WallPiles:
    embedder = current_model()
    if embedder is None:
        return WallPiles(has_model=False)
    notes = queries_live.wall_notes(workshop)
    vectors = vectors_of([note.id for note in notes], embedder.name)
    usable = [note for note in notes if note.id in vectors]
    result = WallPiles(
        has_model=True, notes=len(notes), waiting=len(notes) - len(usable)
    )
    if result.too_few:
        return result
    groups = discover_comments(usable, vectors, process.language)
    grouped: set[int] = set()
    for group in groups:
        members = [usable[i] for i in group.members]
        grouped.update(note.id for note in members)
        result.piles.append(Pile(keywords=group.keywords, notes=members))
    result.alone = [note for note in usable if note.id not in grouped]
    return result
