"""Saving a prompt form (a discussion's question or a workshop's prompt) in one place."""

from __future__ import annotations

from collections.abc import Callable

from werkzeug.wrappers import Response

from ..web import save_or_field_error


def save_prompt_texts(
    form, language: str, save: Callable[..., object], saved_message: str, next_url: str
) -> Response | None:
    """Save the form's question and guidance through ``save``; commit, flash, redirect.

    A broken rule (e.g. a fifth question) is shown at the question in the process's
    main language and None is returned, so the view renders the form again as typed.
    """
    return save_or_field_error(
        lambda: save(question=form.question.data, guidance=form.guidance.data),
        form.question.form[language],
        saved_message,
        next_url,
    )
