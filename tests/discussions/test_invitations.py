"""Invitation letters: placeholders, validation, previews, who may send, no duplicates."""

from datetime import UTC, datetime

import pytest
import sqlalchemy as sa

from app.discussions import services_invitations as invitations
from app.groups.services import format_invite_code
from app.models import OutboxMessage
from app.urls import external_url

NOW = datetime(2026, 3, 2, 10, 0, tzinfo=UTC)
LETTER_FI = (
    "Hei {group} ({organisation})!\n\n"
    "Keskustelu {discussion} on auki {closes} asti.\n\n"
    "Liity: {link} tai koodilla **{code}**."
)


@pytest.fixture()
def groups(world, create_group, create_organisation):
    """Two groups with a contact person; the world's own group has none."""
    anna = create_group(
        world.process,
        name="Kirkkonummen nuoret",
        organisation=create_organisation(name="Kirkkonummi"),
        contact_name="Anna",
        contact_email="anna@example.fi",
    )
    bo = create_group(
        world.process,
        name="Vihdin ryhmä",
        organisation=create_organisation(name="Vihti"),
        contact_name="Bo",
        contact_email="bo@example.fi",
    )
    return anna, bo


def save_letter(db, discussion, body=LETTER_FI, subject="Kutsu: {group}"):
    invitations.update_letter(discussion, subject={"fi": subject}, body={"fi": body})
    db.session.commit()


def join_link(group):
    """The group's invite link as a letter written outside a request has it."""
    return external_url("auth.join", code=group.invite_code)


def outbox_rows(db):
    return list(db.session.scalars(sa.select(OutboxMessage).order_by("id")))


# --- placeholders -----------------------------------------------------------------


def test_every_placeholder_is_filled(db, world, groups):
    """Group, organisation, discussion, closing time, link and code reach the letter."""
    anna, _ = groups
    save_letter(db, world.discussion)
    letter = invitations.personalised_letter(world.discussion, anna, "fi")
    link = join_link(anna)
    assert letter.recipient == "anna@example.fi"
    assert letter.subject == "Kutsu: Kirkkonummen nuoret"
    assert "Hei Kirkkonummen nuoret (Kirkkonummi)!" in letter.body_text
    assert world.phase.title["fi"] in letter.body_text
    assert link in letter.body_text
    assert format_invite_code(anna.invite_code) in letter.body_text
    assert f'href="{link}"' in letter.body_html
    assert f"<strong>{format_invite_code(anna.invite_code)}</strong>" in (
        letter.body_html
    )
    assert "{" not in letter.body_text


def test_closes_is_helsinki_time_or_empty(db, world, groups):
    """{closes} is the phase's end in Helsinki time, and empty without an end."""
    anna, _ = groups
    world.phase.ends_at = datetime(2026, 3, 31, 21, 30, tzinfo=UTC)
    save_letter(db, world.discussion, body="Auki {closes} asti. {link}")
    letter = invitations.personalised_letter(world.discussion, anna, "fi")
    assert "Auki 1.4.2026 0.30 asti." in letter.body_text
    world.phase.ends_at = None
    db.session.commit()
    letter = invitations.personalised_letter(world.discussion, anna, "fi")
    assert "Auki  asti." in letter.body_text


@pytest.mark.parametrize(
    ("name", "literal_html"),
    [
        ("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"),
        ("*x* ja __y__", "*x* ja __y__"),
        ("# Otsikko", "# Otsikko"),
        ("[klikkaa](javascript:alert(1))", "[klikkaa](javascript:alert(1))"),
        ("A &lt; B & C", "A &#38;lt; B &#38; C"),
        ("Rivi\nvaihto", "Rivi vaihto"),
    ],
)
def test_hostile_group_names_appear_literally(db, world, groups, name, literal_html):
    """A group's name is text: no tags, no emphasis, no links, no entities in the HTML."""
    anna, _ = groups
    anna.name = name
    save_letter(db, world.discussion, body="{group}\n\nRyhmä **{group}**. {link}")
    letter = invitations.personalised_letter(world.discussion, anna, "fi")
    html = str(letter.body_html)
    assert "<script" not in html and "<em>" not in html and "<h1>" not in html
    assert "javascript:" not in html.split("href=")[-1].split('"')[1]
    assert f"<p>{literal_html}</p>" in html
    assert f"<strong>{literal_html}</strong>" in html
    plain = " ".join(name.split())
    assert letter.body_text.startswith(plain)
    assert letter.subject == f"Kutsu: {plain}"


def test_a_group_named_like_a_placeholder_is_not_filled_again(db, world, groups):
    """Filling happens in one pass: a group called "{link}" keeps its name."""
    anna, _ = groups
    anna.name = "{link} {code}"
    save_letter(db, world.discussion, body="{group}: {link}")
    letter = invitations.personalised_letter(world.discussion, anna, "fi")
    assert letter.subject == "Kutsu: {link} {code}"
    assert letter.body_text == "{link} {code}: " + join_link(anna)


def test_link_in_markdown_link_syntax(db, world, groups):
    """[Join]({link}) becomes a working link to the group's join page."""
    anna, _ = groups
    save_letter(db, world.discussion, body="[Liity ryhmään]({link})")
    html = str(invitations.personalised_letter(world.discussion, anna).body_html)
    assert f'<a href="{join_link(anna)}"' in html


def test_base_url_makes_the_link(app, db, world, groups, monkeypatch):
    """With BASE_URL set, the letter's link points there."""
    anna, _ = groups
    monkeypatch.setitem(app.config, "BASE_URL", "https://osallistamo.example.fi")
    save_letter(db, world.discussion)
    letter = invitations.personalised_letter(world.discussion, anna)
    assert f"https://osallistamo.example.fi/join/{anna.invite_code}" in (
        letter.body_text
    )


# --- validation -------------------------------------------------------------------


def test_the_main_language_is_required(db, world):
    """Subject and body in the main language (Finnish here) are required."""
    with pytest.raises(invitations.MissingLetter):
        invitations.update_letter(
            world.discussion, subject={"en": "Hi"}, body={"en": "{link}"}
        )
    with pytest.raises(invitations.MissingLetter):
        invitations.update_letter(world.discussion, subject={"fi": "Hei"}, body={})


def test_a_letter_without_link_or_code_is_refused(db, world):
    """Without {link} or {code} the group cannot join: the letter is refused."""
    with pytest.raises(invitations.LetterWithoutLink) as caught:
        invitations.update_letter(
            world.discussion, subject={"fi": "Hei"}, body={"fi": "Tervetuloa {group}"}
        )
    assert "{link}" in str(caught.value) and "{code}" in str(caught.value)
    invitations.update_letter(
        world.discussion, subject={"fi": "Hei"}, body={"fi": "Koodi {code}"}
    )


def test_unknown_placeholders_are_named(db, world):
    """A misspelt placeholder is refused, and the message names it."""
    with pytest.raises(invitations.UnknownPlaceholders) as caught:
        invitations.update_letter(
            world.discussion,
            subject={"fi": "Hei {ryhmä}"},
            body={"fi": "{link}"},
        )
    assert caught.value.field == "subject" and "{ryhmä}" in str(caught.value)
    with pytest.raises(invitations.UnknownPlaceholders) as caught:
        invitations.update_letter(
            world.discussion,
            subject={"fi": "Hei"},
            body={"fi": "{link} {Group} {grop} {grop}", "sv": "{länk}"},
        )
    message = str(caught.value)
    assert caught.value.field == "body"
    assert "{Group}, {grop}, {länk}" in message
    assert world.discussion.invitation_body == {}


def test_other_languages_without_link_are_reported(db, world):
    """Only the main language is sent; the others are saved with a warning."""
    lacking = invitations.update_letter(
        world.discussion,
        subject={"fi": "Hei", "sv": "Hej"},
        body={"fi": "{link}", "sv": "Välkommen", "en": "Join: {code}"},
    )
    assert lacking == ["sv"]
    assert world.discussion.invitation_body["sv"] == "Välkommen"


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_the_default_letter_is_valid(db, world, language):
    """The ready letter uses only known placeholders and contains the link."""
    default = invitations.default_letter(language, world.discussion)
    invitations.update_letter(
        world.discussion,
        subject={"fi": default["subject"]},
        body={"fi": default["body"]},
    )
    assert "{link}" in default["body"] and "{closes}" in default["body"]
    world.phase.ends_at = None
    assert (
        "{closes}" not in invitations.default_letter(language, world.discussion)["body"]
    )


# --- queueing ---------------------------------------------------------------------


def test_queue_twice_gives_one_letter_per_contact(db, world, groups):
    """Queueing again finds the letters already queued; groups without email are skipped."""
    save_letter(db, world.discussion)
    first = invitations.queue_invitations(world.discussion, now=NOW)
    db.session.commit()
    assert first == (2, 0, 1)
    second = invitations.queue_invitations(world.discussion, now=NOW)
    db.session.commit()
    assert second == (0, 2, 1)
    rows = outbox_rows(db)
    assert sorted(row.recipient for row in rows) == ["anna@example.fi", "bo@example.fi"]
    assert all(row.kind == "invitation" for row in rows)
    assert all(row.process_id == world.process.id for row in rows)
    assert all(row.created_at == NOW for row in rows)
    assert all(row.body_html.startswith("<!DOCTYPE html>") for row in rows)


def test_a_changed_contact_email_gets_its_own_letter(db, world, groups):
    """The key includes the address: a new contact person is sent a new letter."""
    anna, _ = groups
    save_letter(db, world.discussion)
    invitations.queue_invitations(world.discussion, now=NOW)
    anna.contact_email = "aino@example.fi"
    db.session.commit()
    assert invitations.plan_invitations(world.discussion) == (1, 1, 1)
    assert invitations.queue_invitations(world.discussion, now=NOW) == (1, 1, 1)
    db.session.commit()
    recipients = sorted(row.recipient for row in outbox_rows(db))
    assert recipients == ["aino@example.fi", "anna@example.fi", "bo@example.fi"]


def test_nothing_is_queued_before_the_letter_is_saved(db, world, groups):
    """Sending needs a saved letter: the default is only a starting point."""
    with pytest.raises(invitations.LetterNotWritten):
        invitations.queue_invitations(world.discussion, now=NOW)
    assert outbox_rows(db) == []


# --- pages and roles --------------------------------------------------------------


def pages(world, group):
    base = world.base + "/invitation"
    return [base, f"{base}/{group.id}", f"{base}/send"]


def test_anonymous_is_sent_to_sign_in(client, world, groups):
    """Anonymous visitors are asked to sign in on every letter page."""
    for page in pages(world, groups[0]):
        response = client.get(page)
        assert response.status_code == 302 and "/login" in response.headers["Location"]


@pytest.mark.parametrize("who", ["member", "observer", "outsider"])
def test_only_managers_see_the_letter_pages(client, auth, world, groups, who, db):
    """Participants, observers and other processes' facilitators get 403."""
    auth.login_as(getattr(world, who))
    for page in pages(world, groups[0]):
        assert client.get(page).status_code == 403
    assert client.post(world.base + "/invitation/send").status_code == 403
    assert client.post(world.base + "/invitation", data={}).status_code == 403
    assert outbox_rows(db) == []


@pytest.mark.parametrize("who", ["facilitator", "admin"])
def test_managers_see_the_letter_pages(client, auth, world, groups, who):
    """The process's facilitator and an administrator open every letter page."""
    auth.login_as(getattr(world, who))
    for page in pages(world, groups[0]):
        assert client.get(page).status_code == 200


def test_the_form_starts_from_the_default_letter(client, auth, world, groups):
    """Before anything is saved, the form holds the ready letter, in the process's
    language (Finnish here) whatever the page's language."""
    from flask_babel import force_locale, gettext

    auth.login_as(world.facilitator)
    html = client.get(world.base + "/invitation").get_data(as_text=True)
    with force_locale(world.process.language):
        expected = gettext("Join the group with this link: {link}")
    assert "{link}" in expected
    assert expected in html
    assert "Not queued" in html and "No contact email" in html
    assert f"/p/{world.process.slug}/groups/" in html  # link to add the contact email


def test_saving_the_letter(client, auth, world, groups, db):
    """A valid letter is saved and the page comes back."""
    auth.login_as(world.facilitator)
    response = client.post(
        world.base + "/invitation",
        data={"subject-fi": "Kutsu {group}", "body-fi": LETTER_FI, "body-sv": "Hej"},
    )
    assert response.status_code == 302
    db.session.refresh(world.discussion)
    assert world.discussion.invitation_body == {"fi": LETTER_FI, "sv": "Hej"}
    page = client.get(world.base + "/invitation").get_data(as_text=True)
    assert "The letter has been saved." in page
    assert "These versions have no {link} or {code}: Svenska." in page


def test_bad_letters_are_refused_with_the_text_kept(client, auth, world, groups, db):
    """Unknown placeholders and a missing link give 422, the message and the text."""
    auth.login_as(world.facilitator)
    response = client.post(
        world.base + "/invitation",
        data={"subject-fi": "Kutsu", "body-fi": "Hei {ryhma}, {link}"},
    )
    html = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "Unknown placeholders: {ryhma}" in html
    assert "Hei {ryhma}, {link}</textarea>" in html
    response = client.post(
        world.base + "/invitation", data={"subject-fi": "Kutsu", "body-fi": "Hei"}
    )
    assert response.status_code == 422
    assert "without them the group cannot join" in response.get_data(as_text=True)
    response = client.post(world.base + "/invitation", data={"body-fi": "{link}"})
    assert response.status_code == 422
    db.session.refresh(world.discussion)
    assert world.discussion.invitation_body == {}


def test_preview_shows_each_groups_letter(client, auth, world, groups, db):
    """Each group's preview has its own name, address and link."""
    save_letter(db, world.discussion)
    auth.login_as(world.facilitator)
    for group in groups:
        html = client.get(f"{world.base}/invitation/{group.id}").get_data(as_text=True)
        assert f"Kutsu: {group.name}" in html
        assert group.contact_email in html
        assert f'href="http://127.0.0.1:5000/join/{group.invite_code}"' in html


def test_preview_escapes_hostile_names(client, auth, world, groups, db):
    """A group named like a script shows as text on the preview page."""
    anna, _ = groups
    anna.name = "<script>alert(1)</script>"
    save_letter(db, world.discussion)
    auth.login_as(world.facilitator)
    html = client.get(f"{world.base}/invitation/{anna.id}").get_data(as_text=True)
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_preview_of_another_process_group_is_404(
    client, auth, world, create_process, create_group
):
    """A group of another process is not found, whatever its id."""
    other = create_group(create_process(), contact_email="x@example.fi")
    auth.login_as(world.facilitator)
    assert client.get(f"{world.base}/invitation/{other.id}").status_code == 404
    assert client.get(f"{world.base}/invitation/999999").status_code == 404


def test_the_send_page_counts_and_sends_once(client, auth, world, groups, db):
    """The confirmation counts the letters; sending twice queues each letter once."""
    save_letter(db, world.discussion)
    auth.login_as(world.facilitator)
    html = client.get(world.base + "/invitation/send").get_data(as_text=True)
    assert "<dt>New letters</dt>\n  <dd>2</dd>" in html
    assert "<dt>Groups without a contact email</dt>\n  <dd>1</dd>" in html
    assert "Letters already sent are not sent again" in html
    response = client.post(world.base + "/invitation/send")
    assert response.status_code == 302
    page = client.get(world.base + "/invitation").get_data(as_text=True)
    assert (
        "Letters sent: 2. Already sent earlier: 0. Groups without a contact email: 1."
        in page
    )
    assert page.count("Sent ") >= 2
    client.post(world.base + "/invitation/send")
    page = client.get(world.base + "/invitation").get_data(as_text=True)
    assert "Letters sent: 0. Already sent earlier: 2." in page
    rows = outbox_rows(db)
    assert len(rows) == 2 and all(row.sent_at is not None for row in rows)


def test_sending_is_refused_before_the_letter_is_saved(client, auth, world, groups, db):
    """Without a saved letter the send page explains and the POST queues nothing."""
    auth.login_as(world.facilitator)
    html = client.get(world.base + "/invitation/send").get_data(as_text=True)
    assert "Write and save the invitation letter before sending it." in html
    assert client.post(world.base + "/invitation/send").status_code == 409
    assert outbox_rows(db) == []


def test_sending_needs_the_csrf_token(csrf_app, auth, world, groups, db):
    """With CSRF protection on, a POST without the token sends nothing."""
    save_letter(db, world.discussion)
    client = csrf_app.test_client()
    with client.session_transaction() as session:
        session["_user_id"] = world.facilitator.get_id()
        session["_fresh"] = True
        session["last_seen"] = datetime.now(UTC).timestamp()
    assert client.post(world.base + "/invitation/send").status_code == 400
    assert outbox_rows(db) == []
