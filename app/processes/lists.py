"""The process overview's ordered lists (phases, themes): the steps their views share.

Each list is a section of the overview page; after a change the facilitator is taken
back to it. Moving an item one step and deleting one after a confirmation page work
the same way for both lists, from loading the item to the redirect.
"""

from __future__ import annotations

from collections.abc import Callable

from flask import redirect, url_for
from werkzeug.wrappers import Response

from ..i18n import localized
from ..models import Process
from ..web import apply_move, confirm_then, load_in_process


def overview_url(process: Process, section: str | None = None) -> str:
    """The process overview, optionally scrolled to a section (phases, themes)."""
    return url_for("processes.detail", slug=process.slug, _anchor=section)


def move_in_list(
    slug: str,
    model: type,
    item_id: int,
    section: str,
    move: Callable,
    moved_message: str,
) -> Response:
    """Move a listed item one step as the form asks, then show its section again."""
    process, item = load_in_process(slug, "process.manage", model, item_id)
    apply_move(move, item, moved_message)
    return redirect(overview_url(process, section))


def delete_from_list(
    slug: str,
    model: type,
    item_id: int,
    section: str,
    delete: Callable[[object], None],
    deleted_message: Callable[[str], str],
    template: str,
):
    """Show the confirmation page; on a confirmed POST delete, commit and go back.

    ``deleted_message`` is given the item's title (read before the delete); the
    template gets the item under its model's name (``phase``, ``theme``).
    """
    process, item = load_in_process(slug, "process.manage", model, item_id)
    title = localized(item.title, process.language)
    return confirm_then(
        template,
        lambda: delete(item),
        deleted_message(title),
        overview_url(process, section),
        process=process,
        **{model.__name__.lower(): item},
    )
