"""Saving a prompt form (a discussion's question or a workshop's prompt) in one place."""

from __future__ import annotations

from collections.abc import Callable

from flask import flash, redirect
from werkzeug.wrappers import Response

from ..errors import DomainError
from ..extensions import db


def save_prompt_texts(
    form, language: str, save: Callable[..., object], saved_message: str, next_url: str
) -> Response | None:
    """Save the form's question and guidance through ``save``; commit, flash, redirect.

    A broken rule (e.g. a fifth question) is shown at the question in the process's
    main language and None is returned, so the view renders the form again as typed.
    """
    try:
        save(question=form.question.data, guidance=form.guidance.data)
    except DomainError as error:
        db.session.rollback()
        form.question.form[language].errors.append(str(error))
        return None
    db.session.commit()
    flash(saved_message, "success")
    return redirect(next_url)
