"""The thread page's empty post and reply forms (issue 19): rendered once per worker,
language and groups (app.forms.blank_fields), yet every reader's form is their own:
their groups, their session's CSRF token, a new submission key on every page."""

from __future__ import annotations

import re

import pytest
import sqlalchemy as sa

from app.models import Comment, GroupMembership

from . import test_thread_cache
from .test_thread_cache import _read

# The thread cache's readers and their thread, in English.
world = test_thread_cache.world
english_pages = test_thread_cache.english_pages


@pytest.fixture()
def csrf_on(app):
    # The app fixture puts the configuration back after each test.
    app.config["WTF_CSRF_ENABLED"] = True


def _post_form(html: str) -> str:
    match = re.search(
        r'<form method="post" novalidate data-draft-key="prompt-.*?</form>', html, re.S
    )
    assert match, "no post form on the page"
    return match.group(0)


def _value(html: str, name: str) -> str:
    match = re.search(rf'name="{re.escape(name)}" type="hidden" value="([^"]*)"', html)
    match = match or re.search(rf'name="{re.escape(name)}" value="([^"]*)"', html)
    assert match, f"no {name} in the form"
    return match.group(1)


def _blank_cache(app):
    return app.extensions["fragment_caches"]["blank-fields"]


def test_each_reader_posts_for_their_own_group(client, auth, world, app):
    ann_form = _post_form(_read(client, auth, world.ann, world.url))
    bo_form = _post_form(_read(client, auth, world.bo, world.url))
    assert "on behalf of Kirjasto" in ann_form and "Nuorisotalo" not in ann_form
    assert "on behalf of Nuorisotalo" in bo_form and "Kirjasto" not in bo_form
    assert _value(bo_form, "group_id") == str(world.groups[1].id)


def test_a_reader_of_the_same_groups_gets_the_kept_render(
    client, auth, world, app, db, create_user
):
    _read(client, auth, world.ann, world.url)
    hits = _blank_cache(app).hits
    ann_too = create_user(name="Anna")
    db.session.add(GroupMembership(group=world.groups[0], user=ann_too))
    db.session.commit()
    form = _post_form(_read(client, auth, ann_too, world.url))
    assert _blank_cache(app).hits > hits, "the empty form was rendered again"
    assert "on behalf of Kirjasto" in form


def test_a_member_of_two_groups_chooses_between_them(client, auth, world, db):
    db.session.add(GroupMembership(group=world.groups[1], user=world.ann))
    db.session.commit()
    form = _post_form(_read(client, auth, world.ann, world.url))
    assert '<select id="group_id"' in form
    assert ">Kirjasto</option>" in form and ">Nuorisotalo</option>" in form


def test_a_renamed_group_shows_at_once(client, auth, world, db):
    _read(client, auth, world.bo, world.url)
    world.groups[1].name = "Nuorisokahvila"
    db.session.commit()
    assert "on behalf of Nuorisokahvila" in _post_form(
        _read(client, auth, world.bo, world.url)
    )


def test_the_form_speaks_the_readers_language(client, auth, world):
    _read(client, auth, world.ann, world.url)  # English, kept
    with client.session_transaction() as session:
        session["lang"] = "sv"
    form = _post_form(_read(client, auth, world.ann, world.url))
    assert "on behalf of" not in form and "Du skriver för Kirjasto." in form


def test_every_page_gets_new_submission_keys(client, auth, world):
    first = _read(client, auth, world.bo, world.url)
    second = _read(client, auth, world.bo, world.url)
    keys = re.findall(
        r'name="(?:reply\d+-)?submission_key" type="hidden" value="([^"]+)"', first
    )
    keys += re.findall(
        r'name="(?:reply\d+-)?submission_key" type="hidden" value="([^"]+)"', second
    )
    assert len(keys) >= 4 and len(set(keys)) == len(keys)
    assert "_KEY_MARK_" not in first + second and "_CSRF_MARK_" not in first + second


def test_the_csrf_token_is_the_readers_own(client, app, auth, world, db, csrf_on):
    """A token from a page rendered after another reader's works for this reader's
    post form and reply forms (the cached HTML held a stand-in, not Ann's token)."""
    ann_page = _read(client, auth, world.ann, world.url)
    bo_client = app.test_client()
    with bo_client.session_transaction() as session:
        session["lang"] = "en"
    bo_page = _read(bo_client, auth.__class__(bo_client), world.bo, world.url)
    ann_token = _value(_post_form(ann_page), "csrf_token")
    bo_form = _post_form(bo_page)
    bo_token = _value(bo_form, "csrf_token")
    assert ann_token != bo_token
    prefix = f"reply{world.ann_comment.id}"
    assert _value(bo_page, f"{prefix}-csrf_token") == bo_token

    response = bo_client.post(
        world.url,
        data={
            "csrf_token": bo_token,
            "submission_key": _value(bo_form, "submission_key"),
            "group_id": str(world.groups[1].id),
            "body": "Nuorten oma tila",
        },
    )
    assert response.status_code == 302
    response = bo_client.post(
        f"/p/{world.process.slug}/comments/{world.ann_comment.id}/reply",
        data={
            f"{prefix}-csrf_token": bo_token,
            f"{prefix}-submission_key": _value(bo_page, f"{prefix}-submission_key"),
            f"{prefix}-group_id": str(world.groups[1].id),
            f"{prefix}-body": "Samaa mieltä",
        },
    )
    assert response.status_code == 302
    posted = db.session.scalars(
        sa.select(Comment).where(Comment.body.in_(["Nuorten oma tila", "Samaa mieltä"]))
    ).all()
    assert len(posted) == 2 and {c.author_id for c in posted} == {world.bo.id}

    refused = bo_client.post(
        world.url,
        data={
            "csrf_token": ann_token,
            "group_id": str(world.groups[1].id),
            "body": "x",
        },
    )
    assert refused.status_code in (400, 422)
