"""The results page, its CSV files, coding of free-text answers, and other URLs."""

import csv
import io
import re

import sqlalchemy as sa

from app.coding import queries
from app.coding.services import refresh_suggestions
from app.models import Comment, PhaseKind, TagStatus, ThemeTag


def read_csv(response):
    text = response.get_data().decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text), delimiter=";"))


def answered(world, answer):
    answer(
        world.group_a,
        world.member,
        {world.statement: 4, world.unlinked: 5},
        {world.open_question: "Kuraattorin aikaa on liian vähän."},
    )
    answer(
        world.group_b,
        world.member_b,
        {world.statement: 3, world.unlinked: None},
        {world.open_question: ""},
    )


def test_results_page_numbers(client, auth, db, world, answer):
    """Per statement the answers, average and distribution; text answers by group."""
    answered(world, answer)
    db.session.commit()
    auth.login_as(world.observer)
    response = client.get(world.base + "/results")
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert "2 of 3 work groups have answered." in html
    assert "Average 3.50 on the scale from 1 to 5." in html
    assert "2 answers, of which 1 “cannot say”" in html
    assert "Average 5.00" in html
    assert (
        re.search(r"<caption[^>]*>Answers per option", html)
        and '<th scope="row">4 – Agree</th>' in html
    )
    assert 'class="bar-fill"' in html and 'width="50.0%"' in html
    assert "Kuraattorin aikaa on liian vähän." in html and "Ryhmä A" in html
    assert "Ryhmä C" in html  # among the groups that have not answered
    # Names of people only when the process shows them.
    assert world.member.name not in html


def test_results_average_in_finnish(client, auth, db, world, answer):
    """The average has a decimal comma in Finnish."""
    answered(world, answer)
    db.session.commit()
    auth.login_as(world.facilitator)
    with client.session_transaction() as session:
        session["lang"] = "fi"
    html = client.get(world.base + "/results").get_data(as_text=True)
    assert "3,50" in html


def test_results_show_names_when_allowed(client, auth, db, world, answer):
    """With show_names on, the writer of a free-text answer is named."""
    world.process.show_names = True
    answered(world, answer)
    db.session.commit()
    auth.login_as(world.facilitator)
    assert world.member.name in client.get(world.base + "/results").get_data(
        as_text=True
    )


def test_results_empty(client, auth, world):
    """Without answers the page says so."""
    auth.login_as(world.facilitator)
    html = client.get(world.base + "/results").get_data(as_text=True)
    assert "0 of 3 work groups have answered." in html
    assert "No written answers yet." in html


def test_results_csv(client, auth, db, world, answer):
    """The results CSV has each question's answers, skips, average and points."""
    answered(world, answer)
    db.session.commit()
    auth.login_as(world.facilitator)
    response = client.get(world.base + "/results.csv")
    assert response.status_code == 200 and response.mimetype == "text/csv"
    rows = read_csv(response)
    assert rows[0] == [
        "Question number",
        "Question",
        "Kind",
        "Answers",
        "Cannot say",
        "Average",
        "1",
        "2",
        "3",
        "4",
        "5",
    ]
    assert rows[1] == [
        "1",
        "Yhteistyö hyvinvointialueen kanssa toimii.",
        "Statement",
        "2",
        "0",
        "3,50",
        "0",
        "0",
        "1",
        "1",
        "0",
    ]
    assert rows[2][3:6] == ["2", "1", "5,00"]
    assert rows[3][:4] == ["3", "Mitä kehittäisitte?", "Free text", "1"]


def test_answers_csv(client, auth, db, world, answer):
    """The answers CSV has a line per group and question, without names by default."""
    answered(world, answer)
    db.session.commit()
    auth.login_as(world.observer)
    rows = read_csv(client.get(world.base + "/answers.csv"))
    assert "Answered by" not in rows[0]
    lines = {(row[0], row[3]): row for row in rows[1:]}
    assert lines[("Ryhmä A", "1")][5] == "4"
    assert lines[("Ryhmä B", "2")][5] == "cannot say"
    assert lines[("Ryhmä A", "3")][6] == "Kuraattorin aikaa on liian vähän."
    assert len(rows) == 1 + 6


def test_coding_lists_survey_answers(client, auth, db, world, answer, create_theme):
    """The coding view lists survey free-text answers; the survey phase is a filter."""
    answered(world, answer)
    db.session.commit()
    comment = db.session.scalar(sa.select(Comment))
    assert [c.id for c in queries.scope_comments(world.process)] == [comment.id]
    assert world.phase in queries.coding_phases(world.process)
    assert queries.prompts_of(world.process, world.phase) == [
        (world.phase, world.open_question.prompt)
    ]
    auth.login_as(world.facilitator)
    html = client.get(f"/p/{world.process.slug}/coding/").get_data(as_text=True)
    assert "Kuraattorin aikaa on liian vähän." in html
    assert "a survey answer" in html
    assert f'<option value="{world.phase.id}"' in html
    filtered = client.get(
        f"/p/{world.process.slug}/coding/?phase={world.phase.id}"
    ).get_data(as_text=True)
    assert "Kuraattorin aikaa on liian vähän." in filtered


def test_coding_suggestions_work_on_survey_answers(db, world, answer, create_theme):
    """Suggestions are made for survey answers like for any comment."""
    create_theme(
        world.process, title={"fi": "Kuraattorit"}, keywords="kuraattori, kuraattorin"
    )
    answered(world, answer)
    db.session.commit()
    from datetime import UTC, datetime

    result = refresh_suggestions(
        world.process, phase=world.phase, now=datetime.now(UTC)
    )
    db.session.commit()
    assert result.comments == 1
    assert (
        db.session.scalar(
            sa.select(sa.func.count(ThemeTag.id)).where(
                ThemeTag.status == TagStatus.SUGGESTED
            )
        )
        >= 1
    )


def test_discussion_urls_do_not_open_survey_comments(client, auth, db, world, answer):
    """A survey answer's id in a discussion URL is not found (404), never a crash."""
    answered(world, answer)
    db.session.commit()
    comment_id = db.session.scalar(sa.select(Comment.id))
    slug = world.process.slug
    auth.login_as(world.facilitator)
    for url in (
        f"/p/{slug}/comments/{comment_id}/history",
        f"/p/{slug}/comments/{comment_id}/hide",
    ):
        assert client.get(url).status_code == 404, url
    auth.login_as(world.member)
    for url in (
        f"/p/{slug}/comments/{comment_id}/edit",
        f"/p/{slug}/comments/{comment_id}/reply",
        f"/p/{slug}/comments/{comment_id}/delete",
        f"/p/{slug}/comments/{comment_id}/flag",
    ):
        assert client.get(url).status_code == 404, url
    assert client.get(f"/p/{slug}/discussions/{world.phase.id}/").status_code == 404
    prompt_id = world.open_question.prompt_id
    assert (
        client.get(
            f"/p/{slug}/discussions/{world.phase.id}/prompts/{prompt_id}/"
        ).status_code
        == 404
    )
    assert world.phase.kind is PhaseKind.SURVEY
