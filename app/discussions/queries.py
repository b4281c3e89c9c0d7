"""Loading a discussion, one of its questions or comments for a view, or 404.

Built on app.web's loaders: the right is checked on the process before anything is
looked for, and another process's id (or a phase of another kind) is not found.
"""

from __future__ import annotations

import sqlalchemy.orm as so
from flask_login import current_user

from ..models import Comment, Discussion, Phase, PhaseKind, Process, Prompt
from ..permissions import require
from ..web import (
    get_discussion_comment_or_404,
    get_in_process_or_404,
    load_in_process,
    load_process,
)


def has_discussion(phase: Phase) -> bool:
    """A discussion phase, or a follow-up phase carrying the published proposal's."""
    return (
        phase.kind in (PhaseKind.DISCUSSION, PhaseKind.FOLLOWUP)
        and phase.discussion is not None
    )


def page_context(process: Process, discussion: Discussion) -> dict:
    """What every discussion page's template is given: the process, the discussion
    and its phase."""
    return {"process": process, "discussion": discussion, "phase": discussion.phase}


#: A discussion's phase with the discussion, or also with every question of it.
WITH_DISCUSSION = (so.joinedload(Phase.discussion),)
WITH_PROMPTS = (so.joinedload(Phase.discussion).joinedload(Discussion.prompts),)


def load_discussion(
    slug: str, phase_id: int, action: str, options: tuple = WITH_DISCUSSION
) -> tuple[Process, Discussion]:
    """The process and the discussion of one of its phases, once the action is
    allowed; the phase and its discussion in one statement (with what ``options``,
    options of the phase that include ``Phase.discussion``, load besides)."""
    process, phase = load_in_process(
        slug, action, Phase, phase_id, accept=has_discussion, options=options
    )
    discussion = phase.discussion
    # The discussion's phase is this one: said here, it is not loaded again later
    # (once this function returns, nothing else holds the phase object).
    so.attributes.set_committed_value(discussion, "phase", phase)
    return process, discussion


def load_prompt(
    slug: str, phase_id: int, prompt_id: int, action: str
) -> tuple[Process, Discussion, Prompt]:
    """The process, discussion and question of a URL, once the action is allowed."""
    # Every question of the discussion with it: the pages say "question 2 of 5",
    # and the one asked for is then found without another statement.
    process, discussion = load_discussion(slug, phase_id, action, WITH_PROMPTS)
    prompt = get_in_process_or_404(
        process,
        Prompt,
        prompt_id,
        accept=lambda prompt: prompt.discussion_id == discussion.id,
    )
    return process, discussion, prompt


def load_comment(
    slug: str, comment_id: int, action: str, comment_action: str | None = None
) -> tuple[Process, Comment]:
    """The process and one of its discussion comments, once the action is allowed
    on the process (and ``comment_action`` on the comment, if given)."""
    process = load_process(slug, action)
    comment = get_discussion_comment_or_404(process, comment_id)
    if comment_action is not None:
        require(current_user, comment_action, comment)
    return process, comment
