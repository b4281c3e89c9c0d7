"""Theme rules: adding, editing, ordering and removing a process's development themes."""

from __future__ import annotations

import logging

from ..extensions import db
from ..i18n import clean_texts, require_title
from ..models import Process, Theme
from ..ordering import Direction, append_to, move_within, remove_from
from ..text import render_translated
from ..voting.services import theme_changed

log = logging.getLogger("osallistamo.processes")


def clean_keywords(text: str | None) -> str:
    """Keywords as "a, b, c": trimmed, blanks and repeats (any case) dropped."""
    seen, words = set(), []
    for word in (text or "").replace("\n", ",").split(","):
        word = " ".join(word.split())
        if word and word.lower() not in seen:
            seen.add(word.lower())
            words.append(word)
    return ", ".join(words)


def _apply(
    theme: Theme,
    process: Process,
    *,
    title: dict,
    description: dict | None,
    keywords: str | None = None,
) -> None:
    title = require_title(process, title)
    description = clean_texts(description)
    theme.title = title
    theme.description = description
    theme.description_html = render_translated(description)
    if keywords is not None:
        theme.keywords = clean_keywords(keywords)


def add_theme(
    process: Process,
    *,
    title: dict,
    description: dict | None = None,
    keywords: str = "",
) -> Theme:
    """Add a theme after the process's last one.

    :raises MissingTitle: without a title in the process's main language.
    """
    theme = Theme()
    _apply(theme, process, title=title, description=description, keywords=keywords)
    append_to(process, "themes", theme)
    db.session.flush()
    log.info("theme %s added to process %s", theme.id, process.slug)
    return theme


def update_theme(
    theme: Theme,
    *,
    title: dict,
    description: dict | None = None,
    keywords: str | None = None,
) -> Theme:
    """Change a theme's title, description and (given) keywords; its place stays."""
    _apply(
        theme, theme.process, title=title, description=description, keywords=keywords
    )
    db.session.flush()
    theme_changed(theme.id)
    return theme


def move_theme(theme: Theme, direction: Direction) -> bool:
    """Move a theme one step up or down; False (and no change) at either end."""
    return move_within(theme.process, "themes", theme, direction)


def delete_theme(theme: Theme) -> None:
    """Remove a theme and close the gap it leaves in the order."""
    process = theme.process
    theme_changed(theme.id)
    remove_from(process, "themes", theme)
    log.info("theme %s removed from process %s", theme.id, process.slug)
