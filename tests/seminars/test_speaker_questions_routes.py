"""Questions to the speakers' pages: the phone page (ask, like without JavaScript,
one's own), who may do what, CSRF, refused questions keeping their text, the
moderation list, and the presenter view's ETag and fixed number of statements."""

from datetime import UTC, datetime, timedelta

import pytest
import sqlalchemy as sa
from markupsafe import escape

from app.extensions import db as _db
from app.models import (
    AgendaKind,
    GroupMembership,
    QuestionState,
    Role,
    SpeakerQuestion,
    SpeakerQuestionLike,
)
from app.seminars import services
from app.seminars import services_questions as questions
from tests.conftest import csrf_token_from

from .test_speaker_questions_services import ask


@pytest.fixture()
def talk(talks):
    """The intro talk on now (its speaker: Anna Puhuja)."""
    return talks[0]


def count(model) -> int:
    return _db.session.scalar(sa.select(sa.func.count(model.id)))


def test_the_phone_page_asks_the_talk_on_now(client, auth, world, talk):
    """The talk and its speaker; the form posts, comes back to one's own questions."""
    auth.login_as(world.member)
    page = client.get(world.base + "/questions")
    assert page.status_code == 200
    assert "Ask the speaker" in page.text and "Anna Puhuja" in page.text
    assert 'data-max-length="280"' in page.text and "maxlength" not in page.text
    response = client.post(
        world.base + "/questions",
        data={"ask-body": "Kuka vastaa jatkosta?", "ask-group_id": world.group.id},
    )
    assert response.status_code == 302
    assert response.headers["Location"].endswith(f"?item={talk.id}#mine")
    [question] = _db.session.scalars(sa.select(SpeakerQuestion))
    assert question.agenda_item_id == talk.id
    page = client.get(response.headers["Location"])
    assert "Your question has been sent." in page.text
    assert page.text.count("Kuka vastaa jatkosta?") == 2, "in the room's list and mine"
    auth.login_as(world.other_member)
    seen = client.get(world.base + "/questions").text
    assert world.group.name in seen and "Aino Aaltonen" not in seen, "the group only"


@pytest.mark.parametrize(
    "body, message",
    [
        ("", "Write your question before sending it."),
        ("k" * 281, "The question is too long: at most 280 characters."),
    ],
)
def test_a_refused_question_keeps_its_text(client, auth, world, talk, body, message):
    auth.login_as(world.member)
    response = client.post(
        world.base + "/questions",
        data={"ask-body": body, "ask-group_id": world.group.id},
    )
    assert response.status_code == 422
    assert message in response.text
    assert 'role="alert"' in response.text and 'aria-invalid="true"' in response.text
    if body:
        assert body in response.text
    assert count(SpeakerQuestion) == 0


def test_after_the_seminar_the_text_comes_back_with_the_reason(
    client, auth, world, talk
):
    world.phase.starts_at = datetime.now(UTC) - timedelta(hours=5)
    world.phase.ends_at = datetime.now(UTC) - timedelta(hours=2)
    _db.session.commit()
    auth.login_as(world.member)
    page = client.get(world.base + "/questions")
    assert "questions can no longer be sent" in page.text
    assert 'name="ask-body"' not in page.text
    response = client.post(
        world.base + "/questions",
        data={"ask-body": "Myöhästynyt kysymys", "ask-group_id": world.group.id},
    )
    assert response.status_code == 422
    assert "The seminar is over" in response.text
    assert "Myöhästynyt kysymys" in response.text


def test_like_and_take_back_without_javascript(client, auth, world, talk):
    """A like button is a small form: aria-pressed says the state, the count is text."""
    question = ask(world, talk)
    auth.login_as(world.other_member)
    page = client.get(world.base + "/questions")
    assert 'aria-pressed="false"' in page.text and "0 likes" in page.text
    url = f"{world.base}/questions/{question.id}/like"
    response = client.post(url, data={"liked": "1"})
    assert response.status_code == 302
    assert response.headers["Location"].endswith(f"#question-{question.id}")
    page = client.get(response.headers["Location"])
    assert "You like this question." in page.text
    assert 'aria-pressed="true"' in page.text and "1 like" in page.text
    assert client.post(url, data={"liked": "1"}).status_code == 302
    assert count(SpeakerQuestionLike) == 1, "a second like changes nothing"
    client.post(url, data={"liked": "0"})
    assert count(SpeakerQuestionLike) == 0
    assert client.post(url, data={"liked": "maybe"}).status_code == 400


def test_a_like_from_the_script_is_answered_in_json(client, auth, world, talk):
    """static/js/questions.js asks for JSON: the state, the count in words, the
    message to announce; a refusal is 422 with its reason, and nothing is flashed."""
    question = ask(world, talk)
    auth.login_as(world.other_member)
    url = f"{world.base}/questions/{question.id}/like"
    json = {"Accept": "application/json"}
    liked = client.post(url, data={"liked": "1"}, headers=json)
    assert liked.status_code == 200
    assert liked.json == {
        "liked": True,
        "likes": 1,
        "likes_text": "1 like",
        "message": "You like this question.",
    }
    taken = client.post(url, data={"liked": "0"}, headers=json).json
    assert taken["liked"] is False and taken["likes_text"] == "0 likes"
    auth.login_as(world.member)
    own = client.post(url, data={"liked": "1"}, headers=json)
    assert own.status_code == 422
    assert own.json == {"message": "You cannot like your own question."}
    assert "You cannot like" not in client.get(world.base + "/questions").text
    page = client.get(world.base + "/questions").text
    assert 'id="question-status"' in page and "js/questions.js" in page


def test_ones_own_question_has_no_like_button(client, auth, world, talk):
    ask(world, talk)
    auth.login_as(world.member)
    page = client.get(world.base + "/questions")
    assert "Your question" in page.text and "aria-pressed" not in page.text


def test_the_room_never_sees_a_hidden_question(client, auth, world, talk):
    """Hidden: gone from the room's list; its asker is told it was hidden."""
    question = ask(world, talk, "Asiaton kysymys")
    questions.hide(question, actor=world.facilitator, now=datetime.now(UTC))
    _db.session.commit()
    auth.login_as(world.other_member)
    assert "Asiaton kysymys" not in client.get(world.base + "/questions").text
    liked = client.post(
        f"{world.base}/questions/{question.id}/like", data={"liked": "1"}
    )
    assert liked.status_code == 302 and count(SpeakerQuestionLike) == 0
    auth.login_as(world.member)
    page = client.get(world.base + "/questions")
    assert "Asiaton kysymys" in page.text and "Hidden by the facilitator" in page.text


def test_the_newest_first(client, auth, world, talk):
    old = ask(world, talk, "Vanhempi")
    ask(world, talk, "Uudempi")
    questions.like(old, user=world.other_member, now=datetime.now(UTC))
    _db.session.commit()
    auth.login_as(world.observer)
    by_likes = client.get(world.base + "/questions").text
    assert by_likes.index("Vanhempi") < by_likes.index("Uudempi")
    newest = client.get(world.base + "/questions?sort=newest").text
    assert newest.index("Uudempi") < newest.index("Vanhempi")


def test_moderation_from_the_list(client, auth, world, talk):
    """Shortlist, answered, hide, restore: POSTs that come back to the list."""
    question = ask(world, talk)
    auth.login_as(world.facilitator)
    page = client.get(world.base + "/questions/moderate")
    assert page.status_code == 200 and "Miten tämä rahoitetaan?" in page.text
    base = f"{world.base}/questions/{question.id}/moderate"
    for action, state in (
        ("shortlist", QuestionState.SHORTLISTED),
        ("answered", QuestionState.ANSWERED),
        ("new", QuestionState.NEW),
    ):
        response = client.post(f"{base}/{action}")
        assert response.status_code == 302
        assert response.headers["Location"].endswith(f"#question-{question.id}")
        _db.session.refresh(question)
        assert question.state is state
    client.post(f"{base}/hide")
    _db.session.refresh(question)
    assert question.is_hidden
    page = client.get(world.base + "/questions/moderate")
    assert "Hidden by the facilitator" in page.text and "Show again" in page.text
    client.post(f"{base}/restore")
    _db.session.refresh(question)
    assert not question.is_hidden
    again = client.post(f"{base}/restore", follow_redirects=True)
    assert "The question is in that state already." in again.text
    assert client.post(f"{base}/nonsense").status_code == 404


def test_the_moderation_list_refreshes_itself(client, auth, world, talk):
    """The page polls its list (?part=live) with its ETag: 304 until the room asks or
    likes or a question is moved; only the list comes back, buttons and all."""
    auth.login_as(world.facilitator)
    page = client.get(world.base + "/questions/moderate").text
    assert "data-live-poll data-hold-while-editing" in page and "live-poll.js" in page
    assert "questions/moderate?part=live" in page
    live = world.base + "/questions/moderate?part=live"
    first = client.get(live)
    assert first.status_code == 200 and "No questions yet." in first.text
    assert "<h1" not in first.text and first.headers["Cache-Control"]
    etag = first.headers["ETag"]
    assert f'data-etag="{escape(etag)}"' in page
    assert client.get(live, headers={"If-None-Match": etag}).status_code == 304
    question = ask(world, talk, "Tuleeko tästä tallenne?")
    fresh = client.get(live, headers={"If-None-Match": etag})
    assert fresh.status_code == 200 and "Tuleeko tästä tallenne?" in fresh.text
    assert "Shortlist" in fresh.text and "/moderate/hide" in fresh.text
    etag = fresh.headers["ETag"]
    client.post(f"{world.base}/questions/{question.id}/moderate/shortlist")
    moved = client.get(live, headers={"If-None-Match": etag})
    assert moved.status_code == 200 and "Back to new" in moved.text
    auth.login_as(world.other_member)
    assert client.get(live).status_code == 403


def test_the_moderation_list_of_a_seminar_without_talks(client, auth, world):
    """No agenda: one section for the seminar's own questions, empty at first."""
    auth.login_as(world.facilitator)
    page = client.get(world.base + "/questions/moderate")
    assert page.status_code == 200
    assert "Questions to the seminar" in page.text and "No questions yet." in page.text


def test_deleting_asks_first(client, auth, world, talk):
    question = ask(world, talk)
    auth.login_as(world.facilitator)
    url = f"{world.base}/questions/{question.id}/delete"
    confirm = client.get(url)
    assert confirm.status_code == 200 and "Delete the question?" in confirm.text
    assert count(SpeakerQuestion) == 1
    assert client.post(url).status_code == 302
    assert count(SpeakerQuestion) == 0


MODERATE = {"facilitator", "admin"}
VIEW = MODERATE | {"observer", "member"}
MEMBERS = {"member"}


@pytest.mark.parametrize(
    "role",
    ["facilitator", "admin", "observer", "member", "other_facilitator", "stranger"],
)
def test_who_may_do_what(client, auth, world, talk, people, role):
    """Ask and like: the process's members; moderate: its facilitators; see: its
    people. Another process's participant and facilitator are refused everything."""
    question = ask(world, talk, who=world.other_member)
    auth.login_as(people[role])
    base = world.base + "/questions"
    one = f"{base}/{question.id}"
    for path, allowed in (
        (base, VIEW),
        (base + "/presenter", VIEW),
        (base + "/presenter/live", VIEW),
        (base + "/moderate", MODERATE),
        (one + "/delete", MODERATE),
    ):
        status = client.get(path).status_code
        assert (status == 200) == (role in allowed), (path, status)
        if role not in allowed:
            assert status in (403, 404)
    asked = client.post(
        base, data={"ask-body": "Kysymys", "ask-group_id": world.group.id}
    )
    assert (asked.status_code == 302) == (role in MEMBERS), asked.status_code
    liked = client.post(one + "/like", data={"liked": "1"})
    assert (liked.status_code == 302) == (role in MEMBERS), liked.status_code
    shortlisted = client.post(one + "/moderate/shortlist")
    assert (shortlisted.status_code == 302) == (role in MODERATE)
    expected_likes = 1 if role in MEMBERS else 0
    assert count(SpeakerQuestionLike) == expected_likes
    assert count(SpeakerQuestion) == (2 if role in MEMBERS else 1)


def test_anonymous_is_sent_to_sign_in(client, world, talk):
    question = ask(world, talk)
    for path in ("", "/presenter", "/moderate", f"/{question.id}/delete"):
        response = client.get(world.base + "/questions" + path)
        assert response.status_code == 302 and "/login" in response.headers["Location"]
    liked = client.post(
        f"{world.base}/questions/{question.id}/like", data={"liked": "1"}
    )
    assert liked.status_code == 302 and count(SpeakerQuestionLike) == 0


def test_a_question_or_talk_of_another_seminar_is_not_found(
    client, auth, world, talk, create_phase
):
    """Another seminar of the same process: its question and talk are 404 here."""
    from app.models import PhaseKind
    from app.seminars.services import ensure_seminar

    other_phase = create_phase(
        world.process,
        kind=PhaseKind.SEMINAR,
        starts_at=world.phase.starts_at,
        ends_at=world.phase.ends_at,
    )
    other = ensure_seminar(other_phase)
    _db.session.commit()
    other_talk = services.add_agenda_item(
        other,
        kind=AgendaKind.INTRO_TALK,
        starts_at=world.phase.starts_at,
        ends_at=None,
        title={"fi": "Muu"},
    )
    _db.session.commit()
    question = ask(world, talk)
    auth.login_as(world.facilitator)
    other_base = f"/p/{world.process.slug}/seminars/{other_phase.id}/questions"
    assert client.get(f"{other_base}/{question.id}/delete").status_code == 404
    assert client.post(f"{other_base}/{question.id}/moderate/hide").status_code == 404
    assert client.get(f"{world.base}/questions?item={other_talk.id}").status_code == 404


def test_csrf_is_required(csrf_app, world, talk):
    """Without a token: the question comes back with its text (422), a like is 400;
    with the page's tokens both go through."""
    question = ask(world, talk)
    client = csrf_app.test_client()
    with client.session_transaction() as session:
        session["_user_id"] = world.other_member.get_id()
        session["_fresh"] = True
        session["last_seen"] = datetime.now(UTC).timestamp()
        session["lang"] = "en"
    data = {"ask-body": "Tallessa pysyvä kysymys", "ask-group_id": world.group.id}
    refused = client.post(world.base + "/questions", data=data)
    assert refused.status_code == 422
    assert "Your session had expired" in refused.text
    assert "Tallessa pysyvä kysymys" in refused.text
    like_url = f"{world.base}/questions/{question.id}/like"
    assert client.post(like_url, data={"liked": "1"}).status_code == 400
    page = client.get(world.base + "/questions").text
    like_token = csrf_token_from(page)
    ask_token = csrf_token_from(
        page.replace('name="ask-csrf_token"', 'name="csrf_token"', 1).split(
            'name="csrf_token"', 1
        )[0]
        + 'name="csrf_token"'
        + page.replace('name="ask-csrf_token"', 'name="csrf_token"', 1).split(
            'name="csrf_token"', 1
        )[1]
    )
    data["ask-csrf_token"] = ask_token
    assert client.post(world.base + "/questions", data=data).status_code == 302
    liked = client.post(like_url, data={"liked": "1", "csrf_token": like_token})
    assert liked.status_code == 302 and count(SpeakerQuestionLike) == 1


# The live views ----------------------------------------------------------------------


def test_the_presenter_view_shows_the_shortlist_and_its_etag_changes_with_a_like(
    client, auth, world, talk
):
    question = ask(world, talk, "Valittu kysymys")
    ask(world, talk, "Ei valittu")
    questions.set_state(
        question,
        QuestionState.SHORTLISTED,
        actor=world.facilitator,
        now=datetime.now(UTC),
    )
    _db.session.commit()
    auth.login_as(world.facilitator)
    page = client.get(world.base + "/questions/presenter")
    assert page.status_code == 200 and "data-live-poll" in page.text
    first = client.get(world.base + "/questions/presenter/live")
    assert "Valittu kysymys" in first.text and "Ei valittu" not in first.text
    assert "0 likes" in first.text and "Anna Puhuja" in first.text
    tag = first.headers["ETag"]
    same = client.get(
        world.base + "/questions/presenter/live", headers={"If-None-Match": tag}
    )
    assert same.status_code == 304
    questions.like(question, user=world.other_member, now=datetime.now(UTC))
    _db.session.commit()
    again = client.get(
        world.base + "/questions/presenter/live", headers={"If-None-Match": tag}
    )
    assert again.status_code == 200 and again.headers["ETag"] != tag
    assert "1 like" in again.text


def test_the_phone_list_hears_of_a_new_question(client, auth, world, talk):
    auth.login_as(world.other_member)
    first = client.get(world.base + "/questions?part=live")
    assert first.status_code == 200 and "No questions yet." in first.text
    tag = first.headers["ETag"]
    assert (
        client.get(
            world.base + "/questions?part=live", headers={"If-None-Match": tag}
        ).status_code
        == 304
    )
    ask(world, talk, "Uusi kysymys")
    again = client.get(
        world.base + "/questions?part=live", headers={"If-None-Match": tag}
    )
    assert again.status_code == 200 and "Uusi kysymys" in again.text


@pytest.mark.parametrize(
    "path", ["/questions/presenter/live", "/questions?part=live", "/questions"]
)
def test_a_fixed_number_of_statements(
    client, auth, db, world, talk, create_user, count_statements, path
):
    """The presenter view and the phone list read as many statements with one
    question and one like as with many of both."""
    auth.login_as(world.other_member)
    fans = [create_user(Role.PARTICIPANT) for _ in range(5)]
    db.session.add_all(GroupMembership(group=world.group, user=fan) for fan in fans)
    db.session.commit()
    counts = []
    for batch in (1, 4):
        for n in range(batch):
            question = ask(world, talk, f"Kysymys {batch}-{n}")
            questions.set_state(
                question,
                QuestionState.SHORTLISTED,
                actor=world.facilitator,
                now=datetime.now(UTC),
            )
            for fan in fans[: batch + n]:
                questions.like(question, user=fan, now=datetime.now(UTC))
        db.session.commit()
        with count_statements() as log:
            assert client.get(world.base + path).status_code == 200
        counts.append(len(log))
    assert counts[0] == counts[1], counts


@pytest.mark.parametrize(
    "lang, texts",
    [
        ("fi", ["Kysy puhujalta", "Lähetä kysymys", "1 tykkäys", "Tykkää"]),
        ("sv", ["Fråga talaren", "Skicka frågan", "1 gillande", "Gilla"]),
    ],
)
def test_the_phone_page_in_finnish_and_swedish(client, auth, world, talk, lang, texts):
    question = ask(world, talk, who=world.other_member)
    _db.session.add(
        SpeakerQuestionLike(question_id=question.id, user_id=world.admin.id)
    )
    _db.session.commit()
    auth.login_as(world.member)
    with client.session_transaction() as session:
        session["lang"] = lang
    page = client.get(world.base + "/questions").text
    for text in texts:
        assert text in page, text


def test_a_phone_sees_the_first_questions_and_may_ask_for_all(
    client, auth, world, talk, monkeypatch
):
    """The list shows the first questions of its order (a full hall asks hundreds);
    the rest are counted, and "show all" lists them, in refreshes, sorting and the
    likes' way back too."""
    monkeypatch.setattr("app.seminars.routes_questions.QUESTIONS_SHOWN", 3)
    asked = [ask(world, talk, f"Kysymys numero {n}") for n in range(5)]
    questions.like(asked[0], user=world.other_member, now=datetime.now(UTC))
    _db.session.commit()
    auth.login_as(world.observer)
    page = client.get(world.base + "/questions").text
    assert "Kysymys numero 0" in page, "the most liked first"
    assert "Kysymys numero 4" in page and "Kysymys numero 3" in page
    assert "Kysymys numero 1" not in page and "Kysymys numero 2" not in page
    assert "2 more questions are not shown." in page
    assert "Show all questions" in page and "all=1" in page
    every = client.get(world.base + "/questions?all=1").text
    assert all(f"Kysymys numero {n}" in every for n in range(5))
    assert "not shown" not in every and "Show the first 3 questions only" in every
    assert "part=live&amp;all=1" in every or "all=1&amp;part=live" in every
    live = client.get(world.base + "/questions?part=live&all=1").text
    assert "Kysymys numero 2" in live
    first = client.get(world.base + "/questions?part=live")
    assert "Kysymys numero 2" not in first.text
    assert (
        first.headers["ETag"]
        != client.get(world.base + "/questions?part=live&all=1").headers["ETag"]
    ), "the two lists are told apart"
    auth.login_as(world.other_member)
    every = client.get(world.base + "/questions?all=1&sort=newest").text
    like_url = f"{world.base}/questions/{asked[1].id}/like"
    assert f'action="{like_url}?sort=newest&amp;all=1"' in every
    back = client.post(f"{like_url}?sort=newest&all=1", data={"liked": "1"})
    assert back.headers["Location"].endswith(
        f"sort=newest&all=1#question-{asked[1].id}"
    )
