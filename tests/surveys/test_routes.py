"""Survey pages: answering, setting up, results, CSV, and who may see what."""

from datetime import UTC, datetime, timedelta

import pytest
import sqlalchemy as sa

from app.models import Comment, PhaseKind, Survey, SurveyResponse


def form_data(world, statement="4", unlinked="na", text="Lisää yhteistä aikaa."):
    return {
        f"q{world.statement.id}": statement,
        f"q{world.unlinked.id}": unlinked,
        f"q{world.open_question.id}": text,
    }


def test_member_sees_accessible_form(client, auth, world):
    """Each statement is a fieldset with a legend and radios; text has a label."""
    auth.login_as(world.member)
    html = client.get(world.base + "/").get_data(as_text=True)
    assert "<fieldset" in html and "<legend>" in html
    assert "Yhteistyö hyvinvointialueen kanssa toimii." in html
    assert (
        'type="radio"' in html and "Strongly disagree" in html and "Cannot say" in html
    )
    assert f'<label for="q{world.open_question.id}">' in html
    assert "<textarea" in html


def test_member_answers_and_sees_who_answered(client, auth, db, world):
    """Saving stores the group's response; the page says who answered and when."""
    auth.login_as(world.member)
    response = client.post(world.base + "/", data=form_data(world))
    assert response.status_code == 302
    saved = db.session.scalar(sa.select(SurveyResponse))
    assert (
        saved.group_id == world.group_a.id and saved.submitted_by_id == world.member.id
    )
    html = client.get(world.base + "/").get_data(as_text=True)
    assert world.member.name in html and "Ryhmä A answered on" in html
    # The saved answers fill the form again.
    assert f'<input checked id="q{world.statement.id}-3"' in html
    assert "Lisää yhteistä aikaa." in html


def test_answering_again_replaces(client, auth, db, world):
    """A second save replaces the group's answers (one response per group)."""
    auth.login_as(world.member)
    client.post(world.base + "/", data=form_data(world, statement="2"))
    client.post(
        world.base + "/", data=form_data(world, statement="5", text="Muutettu.")
    )
    assert db.session.scalar(sa.select(sa.func.count(SurveyResponse.id))) == 1
    response = db.session.scalar(sa.select(SurveyResponse))
    scores = {a.question_id: a.score for a in response.answers}
    assert scores[world.statement.id] == 5
    comment = db.session.scalar(sa.select(Comment))
    assert comment.body == "Muutettu." and len(comment.versions) == 1


def test_validation_keeps_everything_typed(client, auth, db, world):
    """A missing statement answer is refused and the form keeps the other answers."""
    auth.login_as(world.member)
    data = form_data(world, text="Tämä teksti säilyy.")
    del data[f"q{world.statement.id}"]
    response = client.post(world.base + "/", data=data)
    assert response.status_code == 422
    html = response.get_data(as_text=True)
    assert "Choose an option, or “cannot say”." in html
    assert "Tämä teksti säilyy." in html
    assert f'<input checked id="q{world.unlinked.id}-5"' in html
    assert 'aria-invalid="true"' in html
    assert db.session.scalar(sa.select(sa.func.count(SurveyResponse.id))) == 0


def test_too_long_text_is_refused_and_kept(client, auth, db, world):
    """A free-text answer over the comments' limit is refused with the text kept."""
    auth.login_as(world.member)
    long_text = "a" * 4001
    response = client.post(world.base + "/", data=form_data(world, text=long_text))
    assert response.status_code == 422
    assert "at most 4000 characters" in response.get_data(as_text=True)
    assert long_text in response.get_data(as_text=True)
    assert db.session.scalar(sa.select(sa.func.count(SurveyResponse.id))) == 0


@pytest.mark.parametrize(
    ("shift", "message"),
    [
        (
            {"starts_at": timedelta(days=1), "ends_at": timedelta(days=8)},
            "The survey opens",
        ),
        (
            {"starts_at": timedelta(days=-8), "ends_at": timedelta(days=-1)},
            "The survey has closed",
        ),
    ],
)
def test_no_form_outside_the_window(client, auth, db, world, shift, message):
    """Before opening and after closing: a clear message, no form, a post refused."""
    now = datetime.now(UTC)
    world.phase.starts_at = now + shift["starts_at"]
    world.phase.ends_at = now + shift["ends_at"]
    db.session.commit()
    auth.login_as(world.member)
    html = client.get(world.base + "/").get_data(as_text=True)
    assert message in html
    assert "<textarea" not in html and 'type="radio"' not in html
    response = client.post(world.base + "/", data=form_data(world))
    assert response.status_code == 422
    assert db.session.scalar(sa.select(sa.func.count(SurveyResponse.id))) == 0


def test_non_member_cannot_answer(client, auth, db, world):
    """Facilitators and observers read the survey but cannot answer (403)."""
    for user in (world.facilitator, world.observer):
        auth.login_as(user)
        assert client.get(world.base + "/").status_code == 200
        assert client.post(world.base + "/", data=form_data(world)).status_code == 403
    auth.login_as(world.outsider)
    assert client.get(world.base + "/").status_code == 403
    assert db.session.scalar(sa.select(sa.func.count(SurveyResponse.id))) == 0


def test_anonymous_is_sent_to_login(client, world):
    """The survey needs a signed-in account."""
    response = client.get(world.base + "/")
    assert response.status_code == 302 and "/login" in response.headers["Location"]


def test_other_phase_kinds_are_not_surveys(client, auth, world, create_phase):
    """A discussion phase's id is not found under the survey URLs."""
    other = create_phase(world.process, kind=PhaseKind.DISCUSSION)
    auth.login_as(world.facilitator)
    base = f"/p/{world.process.slug}/surveys/{other.id}"
    assert client.get(base + "/").status_code == 404
    assert client.get(base + "/settings").status_code == 404


def test_survey_phase_gets_its_survey_on_first_visit(
    client, auth, db, world, create_phase
):
    """A survey phase made before its settings existed gets them when opened."""
    phase = create_phase(world.process, kind=PhaseKind.SURVEY)
    auth.login_as(world.facilitator)
    response = client.get(f"/p/{world.process.slug}/surveys/{phase.id}/settings")
    assert response.status_code == 200
    assert db.session.scalar(sa.select(Survey).where(Survey.phase_id == phase.id))


def test_participants_do_not_see_results(client, auth, world):
    """Results and CSV files are for the team, not for the groups."""
    auth.login_as(world.member)
    assert client.get(world.base + "/results").status_code == 403
    assert client.get(world.base + "/results.csv").status_code == 403
    assert client.get(world.base + "/answers.csv").status_code == 403
    assert client.get(world.base + "/settings").status_code == 403


def test_member_page_shows_no_other_groups_answers(client, auth, world, answer):
    """A group sees its own answers only."""
    answer(
        world.group_b, world.member_b, texts={world.open_question: "Ryhmän B salaisuus"}
    )
    auth.login_as(world.member)
    assert "Ryhmän B salaisuus" not in client.get(world.base + "/").get_data(
        as_text=True
    )


def test_member_of_two_groups_chooses_the_group(client, auth, db, world):
    """A member of two groups answers for the group chosen."""
    from app.models import GroupMembership

    db.session.add(GroupMembership(group=world.group_b, user=world.member))
    db.session.commit()
    auth.login_as(world.member)
    html = client.get(world.base + f"/?group={world.group_b.id}").get_data(as_text=True)
    assert "several work groups" in html
    data = form_data(world) | {"group": str(world.group_b.id)}
    assert client.post(world.base + "/", data=data).status_code == 302
    saved = db.session.scalar(sa.select(SurveyResponse))
    assert saved.group_id == world.group_b.id
