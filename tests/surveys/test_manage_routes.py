"""Setting up a survey through its pages: settings, questions, locks, next period."""

import sqlalchemy as sa

from app.models import Phase, PhaseKind, QuestionKind, Survey, SurveyQuestion


def translated(prefix, fi):
    return {f"{prefix}-fi": fi}


def test_settings_page_lists_questions_and_saves(client, auth, db, world):
    """The settings page saves the intro (rendered) and a period of either form."""
    auth.login_as(world.facilitator)
    html = client.get(world.base + "/settings").get_data(as_text=True)
    assert "Mitä kehittäisitte?" in html and "Yhteistyön arvio" in html
    response = client.post(
        world.base + "/settings",
        data={"intro-fi": "Tervetuloa *kyselyyn*", "period": "2026"},
    )
    assert response.status_code == 302
    db.session.refresh(world.survey)
    assert world.survey.period == "2026"
    assert world.survey.intro_html["fi"] == "<p>Tervetuloa <em>kyselyyn</em></p>"
    # The linked school-year indicator no longer matches: the page says so.
    html = client.get(world.base + "/settings").get_data(as_text=True)
    assert "the indicator counts school years" in html


def test_bad_period_keeps_the_input(client, auth, db, world):
    """A period in neither form is refused with the typed texts kept."""
    auth.login_as(world.facilitator)
    response = client.post(
        world.base + "/settings", data={"intro-fi": "Säilyy", "period": "syksy"}
    )
    assert response.status_code == 422
    html = response.get_data(as_text=True)
    assert "school year (2025-2026) or a calendar year (2026)" in html
    assert "Säilyy" in html and 'value="syksy"' in html
    assert world.survey.period == "2025-2026"


def test_add_question_with_indicator(client, auth, db, world):
    """A statement is added with its scale and indicator link."""
    auth.login_as(world.facilitator)
    html = client.get(world.base + "/questions/new?kind=likert").get_data(as_text=True)
    assert "Yhteistyö toimii: Yhteistyön arvio" in html
    response = client.post(
        world.base + "/questions/new",
        data={
            "kind": "likert",
            "text-fi": "Saamme tukea ajoissa.",
            "scale_max": "5",
            "indicator": str(world.indicator.id),
        },
    )
    assert response.status_code == 302
    question = db.session.scalar(
        sa.select(SurveyQuestion).order_by(SurveyQuestion.id.desc())
    )
    assert question.text == {"fi": "Saamme tukea ajoissa."}
    assert question.indicator_id == world.indicator.id and question.position == 4


def test_add_free_text_question(client, auth, db, world):
    """A free-text question is added with its prompt."""
    auth.login_as(world.facilitator)
    client.post(
        world.base + "/questions/new",
        data={
            "kind": "text",
            "text-fi": "Mikä toimii?",
            "scale_max": "5",
            "indicator": "0",
        },
    )
    question = db.session.scalar(
        sa.select(SurveyQuestion).order_by(SurveyQuestion.id.desc())
    )
    assert question.kind is QuestionKind.TEXT and question.prompt.question == {
        "fi": "Mikä toimii?"
    }


def test_missing_text_is_refused(client, auth, world):
    """A question without text in the main language is refused (422)."""
    auth.login_as(world.facilitator)
    response = client.post(
        world.base + "/questions/new",
        data={
            "kind": "likert",
            "text-en": "Only English",
            "scale_max": "5",
            "indicator": "0",
        },
    )
    assert response.status_code == 422
    assert "Only English" in response.get_data(as_text=True)


def test_locked_question_explains_and_cannot_be_deleted(
    client, auth, db, world, answer
):
    """An answered question explains its lock; deleting it is refused."""
    answer(world.group_a, world.member, {world.statement: 3})
    db.session.commit()
    auth.login_as(world.facilitator)
    edit = client.get(world.base + f"/questions/{world.statement.id}/edit")
    assert "can no longer be changed" in edit.get_data(as_text=True)
    assert "disabled" in edit.get_data(as_text=True)
    url = world.base + f"/questions/{world.statement.id}/delete"
    page = client.get(url).get_data(as_text=True)
    assert "can no longer be" in page and "Remove the question</button>" not in page
    assert client.post(url).status_code == 409
    assert db.session.get(SurveyQuestion, world.statement.id) is not None
    # The wording can still change; the kind sent is ignored.
    response = client.post(
        world.base + f"/questions/{world.statement.id}/edit",
        data={
            "kind": "text",
            "text-fi": "Uusi sanamuoto.",
            "indicator": str(world.indicator.id),
        },
    )
    assert response.status_code == 302
    db.session.refresh(world.statement)
    assert world.statement.kind is QuestionKind.LIKERT
    assert world.statement.text == {"fi": "Uusi sanamuoto."}


def test_delete_asks_then_removes(client, auth, db, world):
    """Deleting an unanswered question shows a confirmation, then removes it."""
    auth.login_as(world.facilitator)
    question_id = world.unlinked.id
    url = world.base + f"/questions/{question_id}/delete"
    page = client.get(url).get_data(as_text=True)
    assert "Remove the question?" in page and "Tieto kulkee." in page
    assert db.session.get(SurveyQuestion, question_id) is not None
    assert client.post(url).status_code == 302
    db.session.expire_all()
    assert db.session.get(SurveyQuestion, question_id) is None


def test_move_question_route(client, auth, db, world):
    """Move up reorders the questions."""
    auth.login_as(world.facilitator)
    client.post(
        world.base + f"/questions/{world.open_question.id}/move",
        data={"direction": "up"},
    )
    db.session.expire_all()
    assert [q.id for q in world.survey.questions][1] == world.open_question.id


def test_run_again_creates_next_period(client, auth, db, world):
    """Run again makes a survey phase for the next period with the times given."""
    auth.login_as(world.facilitator)
    page = client.get(world.base + "/next-period").get_data(as_text=True)
    assert "2026-2027" in page
    response = client.post(
        world.base + "/next-period",
        data={"starts_at": "2026-09-01T08:00", "ends_at": "2026-10-01T16:00"},
    )
    assert response.status_code == 302
    copy = db.session.scalar(sa.select(Survey).where(Survey.period == "2026-2027"))
    assert copy is not None and len(copy.questions) == 3
    assert copy.phase.starts_at is not None and copy.phase.starts_at.hour == 5  # UTC
    assert f"/surveys/{copy.phase_id}/settings" in response.headers["Location"]
    # A second run is refused with an explanation.
    again = client.get(world.base + "/next-period").get_data(as_text=True)
    assert "already has a survey for the period 2026-2027" in again


def test_run_again_bad_times_kept(client, auth, db, world):
    """An end before the start is refused and nothing is created."""
    auth.login_as(world.facilitator)
    response = client.post(
        world.base + "/next-period",
        data={"starts_at": "2026-10-01T08:00", "ends_at": "2026-09-01T16:00"},
    )
    assert response.status_code == 422
    assert db.session.scalar(sa.select(sa.func.count(Phase.id))) == 1


def test_phase_form_offers_survey_kind(client, auth, db, world):
    """The phase form offers a feedback survey; the overview links to it."""
    auth.login_as(world.facilitator)
    html = client.get(f"/p/{world.process.slug}/phases/new").get_data(as_text=True)
    assert 'value="survey"' in html and "Feedback survey" in html
    overview = client.get(f"/p/{world.process.slug}/").get_data(as_text=True)
    assert f"/surveys/{world.phase.id}/" in overview
    assert "Survey settings" in overview


def test_members_cannot_manage(client, auth, world):
    """Set-up pages are for facilitators."""
    auth.login_as(world.observer)
    assert client.get(world.base + "/settings").status_code == 403
    assert client.get(world.base + "/questions/new").status_code == 403
    assert client.post(world.base + "/next-period").status_code == 403


def test_new_survey_phase_through_the_phase_form(client, auth, db, world):
    """A survey phase added with the phase form opens as a survey."""
    auth.login_as(world.facilitator)
    client.post(
        f"/p/{world.process.slug}/phases/new",
        data={"kind": "survey", "title-fi": "Kysely 2026"},
    )
    phase = db.session.scalar(sa.select(Phase).order_by(Phase.id.desc()))
    assert phase.kind is PhaseKind.SURVEY
    assert client.get(f"/p/{world.process.slug}/surveys/{phase.id}/").status_code == 200
