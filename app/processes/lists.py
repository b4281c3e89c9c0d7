"""The process overview's ordered lists (phases, themes): the steps their views share.

Each list is a section of the overview page; after a change the facilitator is taken
back to it. Moving an item one step and deleting one after a confirmation page work
the same way for both lists.
"""

from __future__ import annotations

from collections.abc import Callable

from flask import redirect, url_for
from werkzeug.wrappers import Response

from ..models import Process
from ..web import apply_move, confirm_then


def overview_url(process: Process, section: str | None = None) -> str:
    """The process overview, optionally scrolled to a section (phases, themes)."""
    return url_for("processes.detail", slug=process.slug, _anchor=section)


def move_in_list(
    process: Process, section: str, move: Callable, item, moved_message: str
) -> Response:
    """Move an item one step as the form asks, then show its section again."""
    apply_move(move, item, moved_message)
    return redirect(overview_url(process, section))


def delete_from_list(
    process: Process,
    section: str,
    delete: Callable[[], None],
    deleted_message: str,
    template: str,
    **context,
):
    """Show the confirmation page; on a confirmed POST delete, commit and go back."""
    return confirm_then(
        template,
        delete,
        deleted_message,
        overview_url(process, section),
        process=process,
        **context,
    )
