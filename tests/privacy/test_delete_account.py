"""Deleting one's own account: the process's setting decides what happens to comments."""

from __future__ import annotations

import logging

import sqlalchemy as sa

from app.models import (
    Comment,
    CommentFlag,
    CommentVersion,
    DeletedAccountComments,
    FeelingMark,
    GroupMembership,
    ModerationEvent,
    OutboxMessage,
    Prompt,
    Role,
    SurveyResponse,
    User,
    Vote,
    WorkshopChoice,
)
from tests.conftest import GOOD_PASSWORD, AuthActions, csrf_token_from


def _count(db, model, *where) -> int:
    return db.session.scalar(
        sa.select(sa.func.count()).select_from(model).where(*where)
    )


def _confirm_by_name(client, name):
    return client.post("/account/delete", data={"understood": "y", "name": name})


def test_confirmation_page_explains_each_process(client, auth, people, build_process):
    """The page lists the person's comments per process and what will happen to them."""
    build_process(
        author=people.participant, other=people.other, facilitator=people.facilitator
    )
    build_process(
        author=people.participant,
        other=people.other,
        facilitator=people.facilitator,
        setting=DeletedAccountComments.REMOVE,
    )
    auth.login_as(people.participant)
    html = client.get("/account/delete").get_data(as_text=True)
    assert "They stay as your work group's comments, without your name." in html
    assert "Their texts are removed. Replies to them stay." in html
    assert 'name="understood"' in html and 'name="name"' in html
    assert 'name="password"' not in html


def test_keep_as_group_leaves_nameless_comments(
    client, auth, people, build_process, db, caplog
):
    """The comments stay as the group's with their texts; the account, memberships,
    workshop choices and feeling marks go; flags and votes lose the name; the person
    is signed out and sees a confirmation on the front page."""
    world = build_process(
        author=people.participant,
        other=people.other,
        facilitator=people.facilitator,
        show_names=True,
    )
    user_id = people.participant.id
    csv_url = f"/p/{world.process.slug}/summary.csv?kind=comments"
    auth.login_as(people.facilitator)
    assert "Oona Osallistuja" in client.get(csv_url).get_data(as_text=True)
    auth.login_as(people.participant)
    with caplog.at_level(logging.INFO, logger="osallistamo.privacy"):
        response = _confirm_by_name(client, "  oona   OSALLISTUJA ")
    assert response.status_code == 302
    assert response.headers["Location"].endswith("/")
    db.session.expire_all()
    assert db.session.get(User, user_id) is None
    mine = db.session.get(Comment, world.mine.id)
    assert mine.author_id is None and mine.deleted_at is None
    assert mine.body == "Metsäkoulu: oma kommentti ääkkösin"
    assert mine.group_id == world.group.id
    assert _count(db, Comment, Comment.author_id == user_id) == 0
    assert _count(db, GroupMembership, GroupMembership.user_id == user_id) == 0
    assert _count(db, WorkshopChoice) == 0 and _count(db, FeelingMark) == 0
    flag = db.session.get(CommentFlag, world.flag.id)
    assert flag.user_id is None and flag.reason == "Metsäkoulu: asiaton"
    assert _count(db, ModerationEvent, ModerationEvent.actor_id.is_not(None)) == 0
    vote = db.session.get(Vote, world.vote.id)
    assert vote.cast_by_id is None and vote.unit_key == f"deleted:{vote.id}"
    assert db.session.get(Vote, world.other_vote.id).cast_by_id == people.other.id
    assert db.session.get(SurveyResponse, world.response.id).submitted_by_id is None
    assert _count(db, Prompt, Prompt.proposed_by_id == user_id) == 0
    # The log says what happened without naming the person.
    [record] = [r for r in caplog.records if r.name == "osallistamo.privacy"]
    assert f"account {user_id} deleted" in record.getMessage()
    assert "Oona" not in record.getMessage()
    # Signed out, with the confirmation on the front page.
    front = client.get("/").get_data(as_text=True)
    assert "Your account and your personal data have been deleted." in front
    assert client.get("/account/data").status_code == 302
    # With show_names on, the export keeps the comment and names nobody.
    auth.login_as(people.facilitator)
    csv = client.get(csv_url).get_data(as_text=True)
    assert "oma kommentti ääkkösin" in csv and "Oona" not in csv


def test_remove_setting_empties_texts_and_keeps_the_places(
    client, auth, people, build_process, db
):
    """In a process set to REMOVE, the texts and earlier versions go; the reply to
    the comment stays in place under it; another process keeps its comment."""
    kept = build_process(
        author=people.participant,
        other=people.other,
        facilitator=people.facilitator,
        words="Pidetään",
    )
    removed = build_process(
        author=people.participant,
        other=people.other,
        facilitator=people.facilitator,
        setting=DeletedAccountComments.REMOVE,
        words="Poistetaan",
    )
    auth.login_as(people.participant)
    assert _confirm_by_name(client, "Oona Osallistuja").status_code == 302
    db.session.expire_all()
    gone = db.session.get(Comment, removed.mine.id)
    assert gone.body == "" and gone.body_html == ""
    assert gone.deleted_at is not None and gone.author_id is None
    assert _count(db, CommentVersion, CommentVersion.comment_id == gone.id) == 0
    reply = db.session.get(Comment, removed.reply.id)
    assert reply.parent_id == gone.id and reply.body == "Poistetaan: vastaus"
    assert (
        db.session.get(Comment, removed.theirs.id).body
        == "Poistetaan: toisen kommentti"
    )
    stays = db.session.get(Comment, kept.mine.id)
    assert stays.body == "Pidetään: oma kommentti ääkkösin" and stays.deleted_at is None
    assert _count(db, CommentVersion, CommentVersion.comment_id == stays.id) == 1
    # Every text the person wrote in the REMOVE process is gone, workshop notes too.
    texts = db.session.scalars(
        sa.select(Comment.body).where(Comment.group_id == removed.group.id)
    ).all()
    assert not any("työpajamuistiinpano" in t or "oma kommentti" in t for t in texts)


def test_a_failed_confirmation_changes_nothing(client, auth, people, build_process, db):
    """A wrong name, or no tick, keeps the account and everything: 422, the message."""
    world = build_process(
        author=people.participant, other=people.other, facilitator=people.facilitator
    )
    auth.login_as(people.participant)
    response = _confirm_by_name(client, "Joku Muu")
    assert response.status_code == 422
    assert "The name does not match your display name." in response.get_data(
        as_text=True
    )
    response = client.post("/account/delete", data={"name": "Oona Osallistuja"})
    assert response.status_code == 422
    assert "Tick the box to confirm." in response.get_data(as_text=True)
    db.session.expire_all()
    assert db.session.get(User, people.participant.id) is not None
    assert db.session.get(Comment, world.mine.id).author_id == people.participant.id
    assert (
        _count(db, GroupMembership, GroupMembership.user_id == people.participant.id)
        == 1
    )
    assert client.get("/account/data").status_code == 200


def test_password_accounts_confirm_with_the_password(
    client, auth, create_user, create_process, db
):
    """An account with a password: a wrong one refuses (422), the right one deletes,
    and the letters addressed to it go too."""
    member = create_user(Role.MEMBER, password=GOOD_PASSWORD, name="Maija Jäsen")
    observer_of = create_process(observer=member)
    db.session.add(
        OutboxMessage(
            key="k1",
            kind="memo",
            process_id=observer_of.id,
            recipient=member.email.upper(),
            subject="Muistio",
            body_text="x",
        )
    )
    db.session.commit()
    auth.login_as(member)
    page = client.get("/account/delete").get_data(as_text=True)
    assert 'name="password"' in page and 'name="understood"' not in page
    wrong = client.post("/account/delete", data={"password": "väärä-salasana-123"})
    assert wrong.status_code == 422
    assert "The password is wrong." in wrong.get_data(as_text=True)
    member_id = member.id
    assert db.session.get(User, member_id) is not None
    right = client.post("/account/delete", data={"password": GOOD_PASSWORD})
    assert right.status_code == 302
    db.session.expire_all()
    assert db.session.get(User, member_id) is None
    assert _count(db, OutboxMessage) == 0
    assert observer_of.roles == []


def test_the_last_admin_cannot_delete_their_account(client, auth, create_user, db):
    """The only admin is refused with a clear message; with a second admin it works."""
    admin = create_user(Role.ADMIN, password=GOOD_PASSWORD)
    admin_id = admin.id
    auth.login_as(admin)
    page = client.get("/account/delete")
    assert "This is the only administrator account." in page.get_data(as_text=True)
    refused = client.post("/account/delete", data={"password": GOOD_PASSWORD})
    assert refused.status_code == 409
    assert db.session.get(User, admin_id) is not None
    create_user(Role.ADMIN)
    done = client.post("/account/delete", data={"password": GOOD_PASSWORD})
    assert done.status_code == 302
    db.session.expire_all()
    assert db.session.get(User, admin_id) is None


def test_deletion_form_is_csrf_protected(csrf_app, create_user, db):
    """With CSRF on, a post without the token deletes nothing; with it, it deletes."""
    participant = create_user(Role.PARTICIPANT, name="Cecilia")
    participant_id = participant.id
    client = csrf_app.test_client()
    AuthActions(client).login_as(participant)
    with client.session_transaction() as session:
        session["lang"] = "en"
    forged = client.post("/account/delete", data={"understood": "y", "name": "Cecilia"})
    assert forged.status_code == 400
    db.session.expire_all()
    assert db.session.get(User, participant_id) is not None
    token = csrf_token_from(client.get("/account/delete").get_data(as_text=True))
    done = client.post(
        "/account/delete",
        data={"understood": "y", "name": "Cecilia", "csrf_token": token},
    )
    assert done.status_code == 302
    db.session.expire_all()
    assert db.session.get(User, participant_id) is None


def test_deletion_needs_sign_in(client):
    """Signed out, the deletion page sends to the sign-in page."""
    assert client.get("/account/delete").status_code == 302
    assert client.post("/account/delete").status_code == 302


def test_api_tokens_end_with_the_account(db, create_user, create_process):
    """Deleting the account deletes its API tokens and their process scopes."""
    from datetime import UTC, datetime

    from app.models import ApiToken, Role, api_token_processes
    from app.privacy.services import delete_account
    from app.tokens.services import create_token

    owner = create_user(Role.FACILITATOR)
    process = create_process(facilitator=owner)
    create_token(owner, name="x", processes=[process], days=3, now=datetime.now(UTC))
    create_user(Role.ADMIN)
    db.session.commit()
    delete_account(owner, now=datetime.now(UTC))
    db.session.commit()
    assert db.session.scalar(sa.select(sa.func.count(ApiToken.id))) == 0
    count = sa.select(sa.func.count()).select_from(api_token_processes)
    assert db.session.scalar(count) == 0
