"""The coding view over HTTP: who may use it, filters, and every action's round trip."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest
import sqlalchemy as sa

from app.models import TagStatus, ThemeTag

from ..conftest import csrf_token_from


def sign_in(client, auth, world, who):
    """Sign in as a role of the world ("anonymous" stays signed out)."""
    if who != "anonymous":
        auth.login_as(getattr(world, who))


def location(response):
    """The redirect's path, query arguments and anchor."""
    parts = urlsplit(response.headers["Location"])
    return parts.path, parse_qs(parts.query), parts.fragment


def post_urls(world, tag):
    return [
        f"{world.base}/suggest",
        f"{world.base}/tags/{tag.id}/accept",
        f"{world.base}/tags/{tag.id}/reject",
        f"{world.base}/comments/{world.c_staff.id}/codes",
    ]


def test_anonymous_is_sent_to_sign_in(client, world, tag):
    """Signed-out visitors are redirected to sign in, for the page and the actions."""
    suggestion = tag(world.c_privacy, world.privacy)
    response = client.get(f"{world.base}/")
    assert response.status_code == 302
    assert urlsplit(response.headers["Location"]).path == "/login"
    for url in post_urls(world, suggestion):
        assert client.post(url).status_code == 302


@pytest.mark.parametrize("who", ["member", "observer", "outsider"])
def test_others_are_refused(client, auth, db, world, tag, who):
    """Participants, observers and other processes' facilitators get 403 and
    change nothing."""
    suggestion = tag(world.c_privacy, world.privacy)
    sign_in(client, auth, world, who)
    assert client.get(f"{world.base}/").status_code == 403
    for url in post_urls(world, suggestion):
        assert client.post(url, data={"theme": world.staff.id}).status_code == 403
    assert db.session.get(ThemeTag, suggestion.id).status is TagStatus.SUGGESTED
    assert db.session.scalar(sa.select(sa.func.count(ThemeTag.id))) == 2


@pytest.mark.parametrize("who", ["facilitator", "admin"])
def test_facilitators_and_admins_see_the_visible_comments(client, auth, world, who):
    """The list shows the visible comments with their group, organisation and
    question, the counts, and never a hidden or deleted comment."""
    sign_in(client, auth, world, who)
    response = client.get(f"{world.base}/")
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert "Coding comments by theme" in page
    for comment in (world.c_privacy, world.c_staff, world.c_community, world.c_later):
        assert f'id="comment-{comment.id}"' in page
    assert "Piilotettu kommentti" not in page
    assert "Poistettu kommentti" not in page
    assert "Toisen prosessin" not in page
    assert "Keudan opiskeluhuoltoryhmä" in page and "Järvenpään kaupunki" in page
    assert "Mikä toimii jo hyvin?" in page
    assert "4 comments" in page and "4 still uncoded" in page
    assert 'tabindex="0"' in page
    assert 'id="coding-keys"' in page and "<kbd>a</kbd>" in page
    assert "js/coding.js" in page


def test_filters(client, auth, world, tag):
    """Phase, question, group, organisation and status narrow the list; bad values
    are ignored."""
    tag(world.c_staff, world.staff, status=TagStatus.CONFIRMED)
    tag(world.c_privacy, world.privacy)
    sign_in(client, auth, world, "facilitator")

    def shown(query):
        page = client.get(f"{world.base}/?{query}").get_data(as_text=True)
        comments = (
            world.c_privacy,
            world.c_staff,
            world.c_community,
            world.c_later,
        )
        return [c.id for c in comments if f'id="comment-{c.id}"' in page]

    w = world
    assert shown(f"phase={w.phase2.id}") == [w.c_later.id]
    assert shown(f"prompt={w.p2.id}") == [w.c_community.id]
    assert shown(f"group={w.group_b.id}") == [w.c_staff.id, w.c_later.id]
    assert shown(f"organisation={w.keuda.id}") == [w.c_privacy.id, w.c_community.id]
    assert shown("status=coded") == [w.c_staff.id]
    assert shown("status=uncoded") == [w.c_privacy.id, w.c_community.id, w.c_later.id]
    assert shown("status=suggested") == [w.c_privacy.id]
    everything = [w.c_privacy.id, w.c_staff.id, w.c_community.id, w.c_later.id]
    assert shown("status=nonsense&phase=abc&group=999999") == everything
    assert shown(f"phase={w.other.phases[0].id}") == everything
    # A question of the other phase does not combine with this phase.
    assert shown(f"phase={w.phase2.id}&prompt={w.p1.id}") == [w.c_later.id]


def test_suggest_button_stores_suggestions(client, auth, db, world):
    """ "Suggest themes" stores marked suggestions and returns to the filtered list."""
    sign_in(client, auth, world, "facilitator")
    response = client.post(f"{world.base}/suggest?phase={world.phase1.id}")
    path, args, anchor = location(response)
    assert path == f"{world.base}/"
    assert args == {"phase": [str(world.phase1.id)]}
    suggested = db.session.scalars(
        sa.select(ThemeTag).where(ThemeTag.status == TagStatus.SUGGESTED)
    ).all()
    assert {t.comment_id for t in suggested} == {
        world.c_privacy.id,
        world.c_staff.id,
        world.c_community.id,
        world.other_comment.id,  # the other process's own suggestion, untouched
    }
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "Suggestions updated: 3 of 3 comments have suggestions." in page
    assert "Possible suggestion:" in page or "Strong suggestion:" in page
    assert 'Accept<span class="visually-hidden"> (Tiedonkulku ja tietosuoja)' in page
    assert 'data-key="a"' in page and 'data-key="r"' in page


def test_accept_reject_remove_and_feature(client, auth, db, world, tag):
    """Each action changes the tag and returns to the same page at the comment."""
    first = tag(world.c_privacy, world.privacy, score=0.41)
    second = tag(world.c_privacy, world.community, score=0.12)
    sign_in(client, auth, world, "facilitator")
    base = f"{world.base}/tags"

    response = client.post(f"{base}/{first.id}/accept?group={world.group_a.id}")
    path, args, anchor = location(response)
    assert (path, args, anchor) == (
        f"{world.base}/",
        {"group": [str(world.group_a.id)]},
        f"comment-{world.c_privacy.id}",
    )
    db.session.refresh(first)
    assert first.status is TagStatus.CONFIRMED
    assert first.decided_by_id == world.facilitator.id

    client.post(f"{base}/{second.id}/reject")
    db.session.refresh(second)
    assert second.status is TagStatus.REJECTED

    client.post(f"{base}/{first.id}/feature")
    db.session.refresh(first)
    assert first.featured is True
    page = client.get(f"{world.base}/").get_data(as_text=True)
    assert "Confirmed:" in page and "Chosen as a quote" in page
    assert "Rejected:" in page

    client.post(f"{base}/{first.id}/unfeature")
    db.session.refresh(first)
    assert first.featured is False

    client.post(f"{base}/{first.id}/remove")
    db.session.refresh(first)
    assert first.status is TagStatus.REJECTED


def test_featuring_a_suggestion_is_refused_with_a_message(client, auth, db, world, tag):
    """Only confirmed codes become quotes; the refusal is shown, nothing changes."""
    suggestion = tag(world.c_privacy, world.privacy)
    sign_in(client, auth, world, "facilitator")
    response = client.post(
        f"{world.base}/tags/{suggestion.id}/feature", follow_redirects=True
    )
    assert "Only confirmed codes can be chosen as quotes." in response.get_data(
        as_text=True
    )
    db.session.refresh(suggestion)
    assert suggestion.featured is False


def test_leaving_the_filter_returns_to_the_next_comment(client, auth, world, tag):
    """Accepting on the "uncoded" list drops the comment from it: the page returns at
    the next comment's card instead."""
    suggestion = tag(world.c_privacy, world.privacy)
    sign_in(client, auth, world, "facilitator")
    response = client.post(
        f"{world.base}/tags/{suggestion.id}/accept?status=uncoded&page=1",
        data={"after": str(world.c_staff.id)},
    )
    _path, args, anchor = location(response)
    assert args == {"status": ["uncoded"]}
    assert anchor == f"comment-{world.c_staff.id}"


def test_add_a_code_by_hand(client, auth, db, world):
    """The select adds a confirmed code; another process's theme is refused."""
    sign_in(client, auth, world, "facilitator")
    url = f"{world.base}/comments/{world.c_staff.id}/codes"
    response = client.post(url, data={"theme": world.community.id})
    assert location(response)[2] == f"comment-{world.c_staff.id}"
    tag = db.session.scalar(
        sa.select(ThemeTag).where(ThemeTag.comment_id == world.c_staff.id)
    )
    assert (tag.theme_id, tag.status) == (world.community.id, TagStatus.CONFIRMED)
    response = client.post(
        url, data={"theme": world.other_theme.id}, follow_redirects=True
    )
    assert "Choose one of the process&#39;s themes." in response.get_data(as_text=True)
    response = client.post(url, data={"theme": ""}, follow_redirects=True)
    assert "Choose one of the process&#39;s themes." in response.get_data(as_text=True)
    assert db.session.scalar(sa.select(sa.func.count(ThemeTag.id))) == 2


def test_a_page_past_the_end_goes_to_the_last_page(client, auth, world):
    """When the last comment of the last page has left the filter, the list shows
    the new last page instead of an empty one."""
    sign_in(client, auth, world, "facilitator")
    response = client.get(f"{world.base}/?status=uncoded&page=9")
    path, args, _anchor = location(response)
    assert args == {"status": ["uncoded"], "page": ["1"]}


def test_hidden_comments_cannot_be_coded(client, auth, db, world, tag):
    """A tag of a hidden comment is refused with a message; coding it by hand too."""
    hidden_tag = tag(world.c_hidden, world.privacy)
    sign_in(client, auth, world, "facilitator")
    response = client.post(
        f"{world.base}/tags/{hidden_tag.id}/accept", follow_redirects=True
    )
    assert "Hidden and deleted comments are not coded." in response.get_data(
        as_text=True
    )
    db.session.refresh(hidden_tag)
    assert hidden_tag.status is TagStatus.SUGGESTED
    response = client.post(
        f"{world.base}/comments/{world.c_hidden.id}/codes",
        data={"theme": world.staff.id},
        follow_redirects=True,
    )
    assert "Hidden and deleted comments are not coded." in response.get_data(
        as_text=True
    )


def test_other_process_tags_and_comments_are_not_found(client, auth, world):
    """Another process's tag or comment, or an unknown id, is 404 here."""
    sign_in(client, auth, world, "facilitator")
    assert (
        client.post(f"{world.base}/tags/{world.other_tag.id}/accept").status_code == 404
    )
    assert client.post(f"{world.base}/tags/999999/reject").status_code == 404
    response = client.post(
        f"{world.base}/comments/{world.other_comment.id}/codes",
        data={"theme": world.staff.id},
    )
    assert response.status_code == 404
    assert client.post(f"{world.base}/tags/1/unknown").status_code == 404
    assert client.get("/p/no-such-process/coding/").status_code == 404


def test_actions_need_the_csrf_token(csrf_app, world, tag):
    """With CSRF protection on, a form without its token is refused; with it, works."""
    suggestion = tag(world.c_privacy, world.privacy)
    client = csrf_app.test_client()
    with client.session_transaction() as session:
        session["_user_id"] = world.facilitator.get_id()
        session["_fresh"] = True
        session["lang"] = "en"
    url = f"{world.base}/tags/{suggestion.id}/accept"
    assert client.post(url).status_code == 400
    token = csrf_token_from(client.get(f"{world.base}/").get_data(as_text=True))
    assert client.post(url, data={"csrf_token": token}).status_code == 302
