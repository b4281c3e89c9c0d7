"""A work-group form's typed values kept while the user adds an organisation.

The group form's "Add an organisation" button posts what was typed; the values are
kept in the user's session under a random key with the address of the form they
came from (built here with ``url_for``, never taken from the request, so the round
trip cannot redirect elsewhere). The organisation form carries only the key; after
saving it records the new organisation in the draft and returns to the form, which
shows the values with the new organisation selected.
"""

from __future__ import annotations

import secrets

from flask import session, url_for

from .forms import WorkGroupForm

SESSION_KEY = "group_drafts"
#: Drafts kept at once (the oldest goes first); the session is a cookie, so few.
MAX_DRAFTS = 2
#: No field takes more (the browser stops at the fields' maxlength already).
MAX_CHARS = 300
FIELDS = ("name", "organisation_id", "seats", "contact_name", "contact_email")


def _drafts() -> dict:
    drafts = session.get(SESSION_KEY)
    return drafts if isinstance(drafts, dict) else {}


def save(form: WorkGroupForm, slug: str, group_id: int | None) -> str:
    """Keep the form's typed values; return the draft's key."""
    key = secrets.token_urlsafe(9)
    values = {}
    for name in FIELDS:
        value = getattr(form, name).data
        if isinstance(value, str):
            value = value[:MAX_CHARS]
        values[name] = value if isinstance(value, int | str) else None
    if group_id is None:
        back = url_for("groups.create_group", slug=slug, draft=key)
    else:
        back = url_for("groups.edit_group", slug=slug, group_id=group_id, draft=key)
    drafts = _drafts()
    drafts[key] = {"values": values, "back": back}
    while len(drafts) > MAX_DRAFTS:
        drafts.pop(next(iter(drafts)))
    session[SESSION_KEY] = drafts
    return key


def values(key: str | None) -> dict | None:
    """The typed values of a draft of this session, or None."""
    draft = _drafts().get(key or "")
    return dict(draft["values"]) if draft else None


def back_url(key: str | None) -> str | None:
    """The group form's address for a draft of this session, or None."""
    draft = _drafts().get(key or "")
    return draft["back"] if draft else None


def choose_organisation(key: str | None, organisation_id: int) -> None:
    """Select a just-added organisation in the draft."""
    drafts = _drafts()
    if key in drafts:
        drafts[key]["values"]["organisation_id"] = organisation_id
        session[SESSION_KEY] = drafts


def discard(key: str | None) -> None:
    """Forget a draft once its form has been saved."""
    drafts = _drafts()
    if key in drafts:
        del drafts[key]
        session[SESSION_KEY] = drafts
