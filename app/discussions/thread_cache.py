"""A thread page's comments, rendered once per version and class of readers.

Rendering a page of 20 threads with their replies is most of a thread page's time
(about 40 ms of 50, bench/profile_thread.py), and thousands of people read the same
pages. So the comments are rendered for a *class* of readers (what they may do: the
same key for every participant of the same standing, another for the team) and kept
in the worker's fragment cache under the prompt's ``thread_version``, which every
change to what the page shows replaces (app/thread_versions.py): an entry is never
stale. What belongs to the one reader is left out of the cached HTML, in marks that
``personalise`` fills on every request:

- ``you``: the "you" badge on the reader's own comments (else the cached default:
  the author's name for the team, or nothing);
- ``own``: the links to edit or delete while the reader still may;
- ``report``: the "Report" link, emptied on the reader's own comments;
- ``reply``: the reply form's fields (the reader's groups, their CSRF token).

The marks are HTML comments: a comment's text is cleaned of them (app/text.py) and
names are escaped, so a person cannot write one.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Hashable
from dataclasses import dataclass

from flask import current_app, get_template_attribute
from flask_babel import get_locale
from flask_babel import gettext as _
from markupsafe import Markup, escape

from ..fragment_cache import fragment_cache
from ..models import Comment, Process, Prompt
from . import queries_threads
from .queries_threads import ReaderClass

_SLOT = re.compile(r"<!--slot:(you|own|report|reply):(\d+)-->(.*?)<!--/slot-->", re.S)


@dataclass(frozen=True)
class ThreadComments:
    """The rendered comments of a page, and who wrote each (for the slots)."""

    html: str
    authors: dict[int, int | None]

    def written_by(self, user_id: int) -> list[int]:
        return [cid for cid, author in self.authors.items() if author == user_id]

    @functools.cached_property
    def parts(self) -> list[str | tuple[str, int, str]]:
        """The HTML cut at its slots, once per cached page: the text between them,
        and each slot as (kind, comment id, default). Every reader's page is then a
        join, not a search of the whole page."""
        parts: list[str | tuple[str, int, str]] = []
        end = 0
        for match in _SLOT.finditer(self.html):
            parts.append(self.html[end : match.start()])
            parts.append((match[1], int(match[2]), match[3]))
            end = match.end()
        parts.append(self.html[end:])
        return parts


def cache_key(
    process: Process,
    prompt: Prompt,
    *,
    reader: ReaderClass,
    may_reply: bool,
    only_group_ids: tuple[int, ...] | None,
    filters: dict,
    page: int,
) -> Hashable:
    """Everything the cached HTML depends on besides the slots."""
    return (
        prompt.id,
        prompt.thread_version,
        process.slug,
        prompt.discussion_id,
        str(get_locale()),
        reader,
        may_reply,
        only_group_ids,
        filters["order"].value,
        filters["group_id"],
        filters["organisation_id"],
        page,
        current_app.config["ITEMS_PER_PAGE"],
    )


def cached(key: Hashable) -> ThreadComments | None:
    return fragment_cache("thread").get(key)


def keep(key: Hashable, comments: ThreadComments) -> None:
    # The HTML's characters twice (it is kept whole and cut at its slots), with a
    # little for the authors' map, are its cost.
    fragment_cache("thread").put(
        key, comments, 2 * len(comments.html) + 64 * len(comments.authors)
    )


def comment_key(comment: Comment, process: Process, rights, may_reply: bool) -> tuple:
    """Everything ``_comment.html``'s ``render_comment`` reads, for one comment: its
    rendering is kept under this key, so when a page of threads must be rendered
    again (a new comment changed the thread's version) only what changed is."""
    reader = rights.reader
    thread = comment.parent or comment
    reply_to = comment.reply_to if comment.reply_to_id != comment.parent_id else None
    return (
        str(get_locale()),
        process.slug,
        reader,
        may_reply,
        comment.id,
        comment.parent_id,
        comment.group.name,
        comment.group.organisation.name,
        comment.author.name if reader.read_all and comment.author else None,
        comment.created_at,
        comment.edited_at,
        comment.deleted_at,
        comment.hidden_at,
        comment.hidden_reason,
        comment.body_html,
        reply_to.group.name if reply_to is not None else None,
        thread.locked_at,
        rights.facts.open_flags.get(comment.id, 0),
        comment.id in rights.facts.edited,
    )


def rendered_comments(
    comments: list[Comment], process: Process, rights, may_reply: bool
) -> dict[int, Markup]:
    """Each comment rendered for the page's class of readers, from the worker's cache
    where it was rendered before with the same ``comment_key``."""
    cache = fragment_cache("thread-comment")
    render = get_template_attribute("discussions/_comment.html", "render_comment")
    rendered = {}
    for comment in comments:
        key = comment_key(comment, process, rights, may_reply)
        html = cache.get(key)
        if html is None:
            level = 3 if comment.parent_id is None else 4
            html = render(process, comment, rights, may_reply, level)
            cache.put(key, html, 2 * len(html) + len(comment.body_html or ""))
        rendered[comment.id] = html
    return rendered


def answer_count(process: Process, prompt: Prompt) -> tuple[int, int]:
    """``queries_threads.answer_count`` (the groups, the groups that have answered),
    kept under the thread's version: every answer and every group changes it."""
    key = (prompt.id, prompt.thread_version, process.id)
    counts = fragment_cache("thread-counts").get(key)
    if counts is None:
        counts = queries_threads.answer_count(process, prompt)
        fragment_cache("thread-counts").put(key, counts, 64)
    return counts


def personalise(
    comments: ThreadComments,
    *,
    user_id: int,
    own_actions: dict[int, str],
    reply_fields: Callable[[int], str] | None,
) -> Markup:
    """The cached HTML with the reader's parts filled in."""
    badge = Markup('<span class="badge">%s</span>') % escape(_("you"))
    authors = comments.authors

    def fill(kind: str, comment_id: int, default: str) -> str:
        own = authors.get(comment_id) == user_id
        if kind == "you":
            return badge if own else default
        if kind == "report":
            return "" if own else default
        if kind == "own":
            return own_actions.get(comment_id, "")
        return reply_fields(comment_id) if reply_fields is not None else ""

    return Markup(
        "".join(
            part if isinstance(part, str) else fill(*part) for part in comments.parts
        )
    )
