"""The thread page: who reads and posts, bad input kept, resends, filters, editing."""

import re
from datetime import UTC, datetime, timedelta

import pytest
import sqlalchemy as sa

from app.discussions import services
from app.discussions import services_comments as comments
from app.extensions import db as _db
from app.models import Comment, Role, Visibility
from tests.conftest import csrf_token_from


@pytest.fixture()
def thread(world, db, create_user, create_group, create_organisation):
    prompt = services.add_prompt(
        world.discussion, question={"fi": "Mikä oli merkityksellistä?"}, guidance={}
    )
    db.session.commit()
    world.prompt = prompt
    world.group = world.process.work_groups[0]
    world.other = create_user(Role.PARTICIPANT)
    world.other_org = create_organisation(name="Toinen kunta")
    world.other_group = create_group(
        world.process, members=(world.other,), organisation=world.other_org
    )
    world.url = f"{world.base}/prompts/{prompt.id}/"
    return world


def post_as(world, user, group, body, **kwargs):
    comment, _ = comments.post_comment(
        world.prompt,
        author=user,
        group=group,
        body=body,
        now=kwargs.pop("now", datetime.now(UTC)),
        **kwargs,
    )
    _db.session.commit()
    return comment


def count_comments() -> int:
    return _db.session.scalar(sa.select(sa.func.count(Comment.id)))


def test_anonymous_is_sent_to_sign_in(client, thread):
    """Reading and posting need an account."""
    for response in (client.get(thread.url), client.post(thread.url, data={})):
        assert response.status_code == 302 and "/login" in response.headers["Location"]


def test_outsiders_get_403(client, auth, thread):
    """A facilitator of another process sees nothing here."""
    auth.login_as(thread.outsider)
    assert client.get(thread.url).status_code == 403


@pytest.mark.parametrize("who", ["facilitator", "admin", "observer", "member"])
def test_everyone_in_the_process_reads_the_thread(client, auth, thread, who):
    """The thread page opens for the process's people."""
    auth.login_as(getattr(thread, who))
    response = client.get(thread.url)
    assert response.status_code == 200
    assert "Mikä oli merkityksellistä?" in response.text


@pytest.mark.parametrize("who", ["facilitator", "observer", "admin"])
def test_only_group_members_post(client, auth, thread, who):
    """Staff have no work group: no form, and a POST is refused."""
    auth.login_as(getattr(thread, who))
    assert 'name="body"' not in client.get(thread.url).text
    response = client.post(thread.url, data={"body": "Hei", "group_id": 1})
    assert response.status_code == 403
    assert count_comments() == 0


def test_a_member_posts_and_lands_on_the_comment(client, auth, thread):
    """The comment is saved for the group and the page jumps to it."""
    auth.login_as(thread.member)
    response = client.post(
        thread.url,
        data={"body": "Meillä *toimii*.", "group_id": thread.group.id},
    )
    comment = _db.session.scalar(sa.select(Comment))
    assert response.status_code == 302
    assert response.headers["Location"].endswith(f"#comment-{comment.id}")
    page = client.get(response.headers["Location"]).text
    assert "Your comment has been posted." in page
    assert "Meillä <em>toimii</em>." in page and thread.group.name in page


def test_a_member_cannot_post_for_another_group(client, auth, thread):
    """The group comes from the form, but membership is checked."""
    auth.login_as(thread.member)
    response = client.post(
        thread.url, data={"body": "Hei", "group_id": thread.other_group.id}
    )
    assert response.status_code == 422
    assert count_comments() == 0


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("", "Write the comment before sending it."),
        (
            "Pitkä teksti " + "x" * 4000,
            "The comment is too long: at most 4000 characters.",
        ),
    ],
)
def test_bad_input_comes_back_with_the_text(client, auth, thread, body, message):
    """A refused comment returns 422 with a clear message and the text intact."""
    auth.login_as(thread.member)
    response = client.post(thread.url, data={"body": body, "group_id": thread.group.id})
    assert response.status_code == 422
    assert message in response.text
    assert body[:40] in response.text
    assert count_comments() == 0


def test_an_expired_form_keeps_the_text(csrf_app, thread):
    """A wrong CSRF token (an expired session) returns the form with the text."""
    client = csrf_app.test_client()
    with client.session_transaction() as session:
        session["_user_id"] = thread.member.get_id()
        session["_fresh"] = True
        session["last_seen"] = datetime.now(UTC).timestamp()
        session["lang"] = "en"
    response = client.post(
        thread.url,
        data={
            "body": "Tärkeä ajatus jota ei saa hukata",
            "group_id": thread.group.id,
            "csrf_token": "expired",
        },
    )
    assert response.status_code == 422
    assert "Your session had expired" in response.text
    assert "Tärkeä ajatus jota ei saa hukata" in response.text
    assert count_comments() == 0
    token = csrf_token_from(response.text)
    response = client.post(
        thread.url,
        data={
            "body": "Tärkeä ajatus jota ei saa hukata",
            "group_id": thread.group.id,
            "csrf_token": token,
        },
    )
    assert response.status_code == 302 and count_comments() == 1


def test_a_double_submission_makes_one_comment(client, auth, thread):
    """The same form sent twice (double click, resend) saves one comment."""
    auth.login_as(thread.member)
    page = client.get(thread.url).text
    key = re.search(r'name="submission_key" type="hidden" value="([0-9a-f]+)"', page)
    data = {"body": "Kerran", "group_id": thread.group.id, "submission_key": key[1]}
    first = client.post(thread.url, data=data)
    second = client.post(thread.url, data=data)
    assert first.status_code == second.status_code == 302
    assert first.headers["Location"] == second.headers["Location"]
    assert count_comments() == 1


def test_posting_is_refused_when_closed(client, auth, thread, db):
    """After the close the page says so and a POST is refused."""
    thread.phase.ends_at = datetime.now(UTC) - timedelta(minutes=1)
    db.session.commit()
    auth.login_as(thread.member)
    page = client.get(thread.url).text
    assert "The discussion has closed." in page and 'name="body"' not in page
    response = client.post(
        thread.url, data={"body": "Myöhässä", "group_id": thread.group.id}
    )
    assert response.status_code == 422
    assert "can no longer be posted" in response.text and "Myöhässä" in response.text


def test_the_page_says_when_it_opens(client, auth, thread, db):
    """Before the start the page names the opening time."""
    thread.phase.starts_at = datetime(2031, 3, 4, 10, 0, tzinfo=UTC)
    thread.phase.ends_at = None
    db.session.commit()
    auth.login_as(thread.member)
    assert "The discussion opens 4.3.2031 12.00" in client.get(thread.url).text


def test_others_are_hidden_until_the_group_answers(client, auth, thread):
    """With the default rule, a group reads others only after its own answer."""
    post_as(thread, thread.other, thread.other_group, "Toisen ryhmän ajatus")
    auth.login_as(thread.member)
    page = client.get(thread.url).text
    assert "Toisen ryhmän ajatus" not in page
    assert "shown after your group has posted its answer" in page
    post_as(thread, thread.member, thread.group, "Oma vastaus")
    page = client.get(thread.url).text
    assert "Toisen ryhmän ajatus" in page and "Oma vastaus" in page


def test_always_visible_when_the_discussion_says_so(client, auth, thread, db):
    """With the rule 'always', others' comments show at once."""
    thread.discussion.visibility = Visibility.ALWAYS
    db.session.commit()
    post_as(thread, thread.other, thread.other_group, "Toisen ryhmän ajatus")
    auth.login_as(thread.member)
    assert "Toisen ryhmän ajatus" in client.get(thread.url).text


def test_filters_and_order(client, auth, thread):
    """Filter by group and by organisation; newest first reverses the order."""
    post_as(thread, thread.member, thread.group, "Eka-kommentti")
    post_as(thread, thread.other, thread.other_group, "Toka-kommentti")
    auth.login_as(thread.facilitator)
    page = client.get(thread.url).text
    assert page.index("Eka-kommentti") < page.index("Toka-kommentti")
    page = client.get(thread.url + "?order=newest").text
    assert page.index("Toka-kommentti") < page.index("Eka-kommentti")
    page = client.get(thread.url + f"?group={thread.group.id}").text
    assert "Eka-kommentti" in page and "Toka-kommentti" not in page
    page = client.get(thread.url + f"?organisation={thread.other_org.id}").text
    assert "Toka-kommentti" in page and "Eka-kommentti" not in page
    page = client.get(thread.url + "?order=sideways&group=abc").text
    assert "Eka-kommentti" in page and "Toka-kommentti" in page


def test_threads_are_paginated(client, auth, thread, app):
    """Past the page size, threads continue on the next page."""
    app.config["ITEMS_PER_PAGE"] = 2
    try:
        for n in range(3):
            post_as(thread, thread.member, thread.group, f"Kommentti numero {n}")
        auth.login_as(thread.facilitator)
        first = client.get(thread.url).text
        assert "Kommentti numero 1" in first and "Kommentti numero 2" not in first
        assert 'rel="next"' in first
        second = client.get(thread.url + "?page=2").text
        assert "Kommentti numero 2" in second
    finally:
        app.config["ITEMS_PER_PAGE"] = 20


def test_reply_in_the_thread(client, auth, thread, db):
    """A member replies under another group's comment after answering."""
    thread.discussion.visibility = Visibility.ALWAYS
    db.session.commit()
    top = post_as(thread, thread.other, thread.other_group, "Alkuperäinen")
    auth.login_as(thread.member)
    url = f"/p/{thread.process.slug}/comments/{top.id}/reply"
    response = client.post(
        url,
        data={
            f"reply{top.id}-body": "Vastaus tähän",
            f"reply{top.id}-group_id": thread.group.id,
        },
    )
    assert response.status_code == 302
    reply = _db.session.scalar(sa.select(Comment).where(Comment.parent_id == top.id))
    assert reply.body == "Vastaus tähän" and reply.group_id == thread.group.id
    bad = client.post(
        url,
        data={f"reply{top.id}-body": "", f"reply{top.id}-group_id": thread.group.id},
    )
    assert bad.status_code == 422 and "Write the comment" in bad.text


def test_no_reply_before_reading_is_allowed(client, auth, thread):
    """The reply page of an unreadable comment is refused."""
    top = post_as(thread, thread.other, thread.other_group, "Alkuperäinen")
    auth.login_as(thread.member)
    assert (
        client.get(f"/p/{thread.process.slug}/comments/{top.id}/reply").status_code
        == 403
    )


def test_the_author_edits_within_the_window(client, auth, thread):
    """The author edits; the earlier version is kept for facilitators."""
    comment = post_as(thread, thread.member, thread.group, "Vanha teksti")
    auth.login_as(thread.member)
    url = f"/p/{thread.process.slug}/comments/{comment.id}/edit"
    assert "Vanha teksti" in client.get(url).text
    assert client.post(url, data={"body": "Uusi teksti"}).status_code == 302
    _db.session.refresh(comment)
    assert comment.body == "Uusi teksti"
    assert [v.body for v in comment.versions] == ["Vanha teksti"]


def test_others_cannot_edit(client, auth, thread):
    """Another participant and the facilitator get 403 on the edit page."""
    comment = post_as(thread, thread.member, thread.group, "Teksti")
    for user in (thread.other, thread.facilitator):
        auth.login_as(user)
        assert (
            client.get(
                f"/p/{thread.process.slug}/comments/{comment.id}/edit"
            ).status_code
            == 403
        )


def test_editing_after_the_window_is_refused(client, auth, thread):
    """Past the window the author is sent back with a message."""
    comment = post_as(
        thread,
        thread.member,
        thread.group,
        "Teksti",
        now=datetime.now(UTC) - timedelta(minutes=31),
    )
    auth.login_as(thread.member)
    response = client.post(
        f"/p/{thread.process.slug}/comments/{comment.id}/edit", data={"body": "Uusi"}
    )
    assert response.status_code == 302
    _db.session.refresh(comment)
    assert comment.body == "Teksti"


def test_the_author_deletes_after_confirming(client, auth, thread):
    """Delete asks first, then removes the text."""
    comment = post_as(thread, thread.member, thread.group, "Poistettava teksti")
    auth.login_as(thread.member)
    url = f"/p/{thread.process.slug}/comments/{comment.id}/delete"
    assert "Delete your comment?" in client.get(url).text
    assert client.post(url).status_code == 302
    _db.session.refresh(comment)
    assert comment.is_deleted
    assert "Poistettava teksti" not in client.get(thread.url).text


def test_ids_of_other_processes_are_not_found(client, auth, thread, create_process):
    """A comment id from this process under another process's address is 404."""
    comment = post_as(thread, thread.member, thread.group, "Teksti")
    other = create_process(facilitator=thread.facilitator)
    auth.login_as(thread.facilitator)
    assert client.get(f"/p/{other.slug}/comments/{comment.id}/reply").status_code == 404
    assert client.get(f"{thread.base}/prompts/999999/").status_code == 404


def test_the_discussion_page_shows_what_the_group_has_not_answered(
    client, auth, thread
):
    """A participant sees the counts and the questions their group still owes."""
    auth.login_as(thread.member)
    page = client.get(thread.base + "/").text
    assert "Your work group has not answered 1 question yet" in page
    assert "0 of 2 work groups have answered." in page
    post_as(thread, thread.member, thread.group, "Vastaus")
    page = client.get(thread.base + "/").text
    assert "Your work group has answered every question." in page
    assert "1 of 2 work groups has answered." in page


def test_posting_is_rate_limited(client, auth, thread, app):
    """A flood of posts from one account gets the 429 page."""
    app.config["COMMENT_LIMIT_PER_USER"] = "2 per minute"
    try:
        auth.login_as(thread.member)
        codes = [
            client.post(
                thread.url, data={"body": f"Viesti {n}", "group_id": thread.group.id}
            ).status_code
            for n in range(3)
        ]
        assert codes == [302, 302, 429]
    finally:
        app.config["COMMENT_LIMIT_PER_USER"] = "30 per minute"


def test_a_comments_lasting_address_leads_to_it_in_its_thread(client, auth, thread):
    comment = post_as(thread, thread.member, thread.group, "Pysyvä osoite.")
    auth.login_as(thread.facilitator)
    response = client.get(f"/p/{thread.process.slug}/comments/{comment.id}")
    assert response.status_code == 302
    assert response.headers["Location"].endswith(f"{thread.url}#comment-{comment.id}")


def test_a_post_takes_the_write_lock_once(client, auth, thread, app, db):
    """Issue 19: the page the redirect names is counted before the commit, so a
    comment's POST is one transaction (on SQLite one BEGIN IMMEDIATE, not two),
    and the page is still the one the comment's thread is on."""
    app.config["ITEMS_PER_PAGE"] = 2
    try:
        for n in range(2):
            post_as(thread, thread.member, thread.group, f"Aiempi {n}")
        auth.login_as(thread.member)
        begins = []

        def record(conn, cursor, statement, *args):
            if statement.lstrip().upper().startswith("BEGIN"):
                begins.append(statement)

        sa.event.listen(db.engine, "before_cursor_execute", record)
        try:
            response = client.post(
                thread.url, data={"body": "Kolmas", "group_id": thread.group.id}
            )
        finally:
            sa.event.remove(db.engine, "before_cursor_execute", record)
        comment = db.session.scalar(sa.select(Comment).where(Comment.body == "Kolmas"))
        assert response.status_code == 302
        assert response.headers["Location"].endswith(f"?page=2#comment-{comment.id}")
        if db.engine.dialect.name == "sqlite":
            assert begins == ["BEGIN IMMEDIATE"]
    finally:
        app.config["ITEMS_PER_PAGE"] = 20


def test_past_the_last_page_the_total_still_shows(client, auth, thread, app):
    """The thread count comes with the page's rows; a page past the end is empty."""
    app.config["ITEMS_PER_PAGE"] = 2
    try:
        for n in range(3):
            post_as(thread, thread.member, thread.group, f"Kommentti numero {n}")
        auth.login_as(thread.facilitator)
        assert "3 threads" in client.get(thread.url + "?page=2").text
        past = client.get(thread.url + "?page=5")
        assert past.status_code == 200 and "Kommentti numero" not in past.text
    finally:
        app.config["ITEMS_PER_PAGE"] = 20
