"""Ordered children (phases, themes, goals, questions…): 1-based, dense positions."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Literal, Protocol, TypeVar

from .extensions import db

Direction = Literal["up", "down"]
DIRECTIONS: tuple[Direction, ...] = ("up", "down")


class Positioned(Protocol):
    id: int | None
    position: int


T = TypeVar("T", bound=Positioned)


def in_order(items: Iterable[T]) -> list[T]:
    """Sort by position; ties (older data, races) fall back to the id, new items last."""
    return sorted(items, key=lambda item: (item.position or 0, item.id or float("inf")))


def renumber(items: Sequence[Positioned]) -> None:
    """Write positions 1..n in the given order, so there are never gaps or ties."""
    for number, item in enumerate(items, start=1):
        if item.position != number:
            item.position = number


def move(items: Iterable[T], item: T, direction: Direction) -> bool:
    """Swap an item with its neighbour and renumber; False when it is already at the end.

    :raises ValueError: for a direction other than "up" or "down".
    """
    if direction not in DIRECTIONS:
        raise ValueError(f"unknown direction {direction!r}")
    ordered = in_order(items)
    index = ordered.index(item)
    target = index - 1 if direction == "up" else index + 1
    if not 0 <= target < len(ordered):
        renumber(ordered)
        return False
    ordered[index], ordered[target] = ordered[target], ordered[index]
    renumber(ordered)
    return True


def move_within(owner, collection: str, item: T, direction: Direction) -> bool:
    """Move an item of ``owner.<collection>`` one step; False at either end."""
    moved = move(getattr(owner, collection), item, direction)
    db.session.flush()
    # The loaded collection keeps its old order; reload it sorted when next read.
    db.session.expire(owner, [collection])
    return moved


def remove_from(owner, collection: str, item: T) -> None:
    """Delete an item of ``owner.<collection>`` and close the gap it leaves."""
    items = getattr(owner, collection)
    items.remove(item)  # delete-orphan: the row goes at flush
    renumber(in_order(items))
    db.session.flush()
    db.session.expire(owner, [collection])


def append_to(owner, collection: str, item: T) -> None:
    """Add an item after the last one of ``owner.<collection>``; the caller flushes."""
    items = getattr(owner, collection)
    ordered = in_order(items)
    items.append(item)
    renumber(ordered + [item])
