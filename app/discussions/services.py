"""Discussion rules: settings, the video allow-list, 2–4 prompts, open and closed."""

from __future__ import annotations

import logging
from datetime import datetime

from flask_babel import lazy_gettext as _l

from ..comments import set_prompt_texts
from ..errors import DomainError
from ..extensions import db
from ..models import Discussion, Phase, PhaseKind, Prompt, Visibility
from ..ordering import Direction, append_to, move_within, remove_from
from ..permissions import PhaseState, discussion_state
from ..processes.services_phases import kind_settings
from ..text import render_translated
from .video import video_embed

log = logging.getLogger("osallistamo.discussions")

MIN_PROMPTS = 2
MAX_PROMPTS = 4


class TooManyPrompts(
    DomainError, message=_l("A discussion has at most 4 questions.")
): ...


class MissingQuestion(
    DomainError,
    message=_l("Write the question at least in the main language of the process."),
): ...


#: A discussion's states are the phase table's (app.permissions.PHASE_ACTIONS).
DiscussionState = PhaseState


def ensure_discussion(phase: Phase) -> Discussion | None:
    """Give a discussion phase its discussion settings (kept if the kind changes back)."""
    return kind_settings(phase, PhaseKind.DISCUSSION, "discussion", Discussion)


def state(discussion: Discussion, now: datetime) -> DiscussionState:
    """Open between the phase's start and end; without a start it is not open yet."""
    return discussion_state(discussion, now)


def update_discussion(
    discussion: Discussion,
    *,
    intro: dict,
    video_url: str,
    video_transcript: dict,
    visibility: Visibility | str,
    edit_window_minutes: int,
) -> Discussion:
    """Save the settings; the video address becomes an embed or is refused.

    :raises UnsupportedVideo: for an address outside the allow-list.
    """
    video_url = video_url.strip()
    discussion.video_embed_url = video_embed(video_url).src if video_url else ""
    discussion.video_url = video_url
    discussion.intro = intro
    discussion.intro_html = render_translated(intro)
    discussion.video_transcript = video_transcript
    discussion.video_transcript_html = render_translated(video_transcript)
    discussion.visibility = Visibility(visibility)
    discussion.edit_window_minutes = edit_window_minutes
    db.session.flush()
    return discussion


def add_prompt(discussion: Discussion, *, question: dict, guidance: dict) -> Prompt:
    """Add a question at the end; a discussion has at most four.

    :raises TooManyPrompts: when it already has four.
    """
    if len(discussion.prompts) >= MAX_PROMPTS:
        raise TooManyPrompts()
    prompt = Prompt()
    set_prompt_texts(
        prompt, discussion.process.language, question, guidance, MissingQuestion
    )
    append_to(discussion, "prompts", prompt)
    db.session.flush()
    log.info("prompt %s added to discussion %s", prompt.id, discussion.id)
    return prompt


def update_prompt(prompt: Prompt, *, question: dict, guidance: dict) -> Prompt:
    """Change a question's texts; its place stays."""
    set_prompt_texts(
        prompt, prompt.process.language, question, guidance, MissingQuestion
    )
    db.session.flush()
    return prompt


def move_prompt(prompt: Prompt, direction: Direction) -> bool:
    """Move a question one step up or down; False at either end."""
    return move_within(prompt.discussion, "prompts", prompt, direction)


def delete_prompt(prompt: Prompt) -> None:
    """Remove a question and close the gap in the order."""
    discussion = prompt.discussion
    remove_from(discussion, "prompts", prompt)
    log.info("prompt %s removed from discussion %s", prompt.id, discussion.id)
