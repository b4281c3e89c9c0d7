"""Free-text survey answers coded to themes count in the themed summaries and
exports for the team, marked as survey answers; participants' summaries and the
memo leave them out (survey results are the team's)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
import sqlalchemy as sa

from app.coding.services import add_code
from app.exports import formats
from app.exports.summary import build_summary
from app.models import Comment, Theme

ANSWER = "Yhteiset koulutuspäivät kuraattoreille ja opettajille joka syksy."


@pytest.fixture()
def coded(db, world, answer, create_theme):
    theme = create_theme(world.process, title={"fi": "Yhteinen koulutus"})
    answer(world.group_a, world.member, texts={world.open_question: ANSWER})
    db.session.commit()
    comment = db.session.scalar(sa.select(Comment).where(Comment.body == ANSWER))
    add_code(comment, theme, actor=world.facilitator, now=datetime.now(UTC))
    db.session.commit()
    return theme


def theme_of(summary, theme: Theme):
    return next(t for t in summary.themes if t.theme_id == theme.id)


def test_the_teams_summary_counts_and_quotes_the_answer(db, world, coded):
    summary = build_summary(world.process, language="en", survey_answers=True)
    theme = theme_of(summary, coded)
    assert theme.comments == 1 and theme.survey_answers == 1
    (quote,) = theme.quotes
    assert quote.text == ANSWER and quote.survey_answer and quote.url is None
    assert summary.participation.comments == 0  # participation counts discussions


def test_without_the_team_the_answer_stays_out(db, world, coded):
    theme = theme_of(build_summary(world.process, language="en"), coded)
    assert theme.comments == 0 and theme.quotes == []


@pytest.mark.parametrize("fmt", ["md", "html", "json"])
def test_the_team_export_marks_it_and_the_memo_leaves_it_out(db, world, coded, fmt):
    team = formats.export(world.process, fmt=fmt, staff=True, language="en")
    text = team.body.decode()
    assert ANSWER in text
    if fmt == "json":
        assert '"survey_answer": true' in text
    else:
        assert "A survey answer." in text and "1 of them is a survey answer." in text
    memo = formats.export(world.process, fmt=fmt, staff=False, language="en")
    assert ANSWER not in memo.body.decode()


def test_the_summary_page_shows_it_to_the_team_only(client, auth, db, world, coded):
    url = f"/p/{world.process.slug}/summary?lang=en"
    auth.login_as(world.facilitator)
    assert ANSWER in client.get(url).text


def test_the_teams_comments_csv_has_the_answer_with_its_theme(db, world, coded):
    """The comments CSV reads the coded answer for the team only, like the summary."""
    team = formats.export(world.process, fmt="csv", staff=True, language="fi").body
    lines = team.decode("utf-8-sig").splitlines()
    assert len(lines) == 2 and ANSWER in lines[1] and '"Yhteinen koulutus"' in lines[1]
    memo = formats.export(world.process, fmt="csv", staff=False, language="fi").body
    assert memo.decode("utf-8-sig").splitlines()[1:] == []
