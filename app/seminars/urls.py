"""Addresses of the seminar pages that several views (and the memo drafts) link to."""

from __future__ import annotations

from flask import current_app, has_request_context, url_for

from ..models import Seminar, Workshop


def settings_url(slug: str, phase_id: int, anchor: str | None = None) -> str:
    return url_for("seminars.settings", slug=slug, phase_id=phase_id, _anchor=anchor)


def agenda_url(slug: str, phase_id: int, anchor: str | None = None) -> str:
    return url_for("seminars.agenda", slug=slug, phase_id=phase_id, _anchor=anchor)


def workshop_url(slug: str, phase_id: int, workshop_id: int, anchor=None) -> str:
    return url_for(
        "seminars.edit_workshop",
        slug=slug,
        phase_id=phase_id,
        workshop_id=workshop_id,
        _anchor=anchor,
    )


def live_url(
    workshop: Workshop, prompt_id: int | None = None, anchor: str | None = None
) -> str:
    return url_for(
        "seminars.live",
        slug=workshop.process.slug,
        workshop_id=workshop.id,
        prompt=prompt_id,
        _anchor=anchor,
    )


def control_url(workshop: Workshop, anchor: str | None = None) -> str:
    return url_for(
        "seminars.control",
        slug=workshop.process.slug,
        workshop_id=workshop.id,
        _anchor=anchor,
    )


def memo_url(
    seminar: Seminar, workshop: Workshop | None = None, endpoint: str = "memo"
) -> str:
    """A memo's page (or its edit, final... page); built without a request too (the
    memo drafts of the CLI and the demo link the workshop memos)."""
    values = {"slug": seminar.process.slug}
    if workshop is None:
        values["phase_id"] = seminar.phase_id
    else:
        values["workshop_id"] = workshop.id
    if has_request_context():
        return url_for(f"seminars.{endpoint}", **values)
    return current_app.url_map.bind("localhost").build(f"seminars.{endpoint}", values)


def questions_url(
    seminar: Seminar,
    talk_id: int | None = None,
    anchor: str | None = None,
    endpoint: str = "questions",
    **args,
) -> str:
    """A page of the questions to the speakers (the phone page, moderation, the
    presenter view); ``talk_id`` names a talk instead of the one on now."""
    return url_for(
        f"seminars.{endpoint}",
        slug=seminar.process.slug,
        phase_id=seminar.phase_id,
        item=talk_id,
        _anchor=anchor,
        **args,
    )
