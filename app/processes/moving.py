"""The "Move up" / "Move down" buttons of every ordered list, handled in one place."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from flask import abort, flash

from ..extensions import db
from .forms import MoveForm
from .ordering import Direction

T = TypeVar("T")


def apply_move(
    move_function: Callable[[T, Direction], bool], item: T, moved_message: str
) -> None:
    """Move an item one step as the posted form asks; commit and flash only if it moved.

    A missing or unknown direction (or a bad CSRF token) is a broken request: 400.
    At either end of the list nothing changes and nothing is said.
    """
    form = MoveForm()
    if not form.validate_on_submit():
        abort(400)
    if move_function(item, form.direction.data):
        db.session.commit()
        flash(moved_message, "success")
