"""Survey scoring and the indicator feed."""

from datetime import timedelta

import pytest
import sqlalchemy as sa

from app.models import IndicatorValue, ValueOrigin, scope_key_for
from app.surveys import services, services_questions
from app.surveys.scoring import feed_indicators, feed_problems, likert_result


def values_of(db, indicator, period="2025-2026"):
    return {
        value.scope_key: value
        for value in db.session.scalars(
            sa.select(IndicatorValue).where(
                IndicatorValue.indicator_id == indicator.id,
                IndicatorValue.period == period,
            )
        )
    }


def test_average_leaves_out_cannot_say(db, world, answer):
    """A "cannot say" answer counts as an answer but not in the average."""
    answer(world.group_a, world.member, {world.statement: 4})
    answer(world.group_b, world.member_b, {world.statement: 2})
    answer(world.group_c, world.member_c, {world.statement: None})
    db.session.commit()
    result = likert_result(world.statement)
    assert result.answers == 3
    assert result.skipped == 1
    assert result.scored == 2
    assert result.average == pytest.approx(3.0)
    assert result.counts == {1: 0, 2: 1, 3: 0, 4: 1, 5: 0}
    assert result.share(4) == pytest.approx(0.5)


def test_no_average_without_scores(db, world, answer):
    """Only "cannot say" answers give no average (not a zero)."""
    answer(world.group_a, world.member, {world.statement: None})
    assert likert_result(world.statement).average is None


def test_feed_writes_region_and_organisation_values(db, world, answer):
    """The feed writes the region's average and one per answering organisation."""
    answer(world.group_a, world.member, {world.statement: 5})
    answer(world.group_c, world.member_c, {world.statement: 4})
    answer(world.group_b, world.member_b, {world.statement: 2})
    db.session.commit()
    values = values_of(db, world.indicator)
    region = values["region"]
    assert region.value == pytest.approx(3.67)
    assert (
        region.organisation_id is None and region.area == "" and region.subgroup == ""
    )
    assert region.origin is ValueOrigin.SURVEY
    assert "3" in region.note
    org_1 = values[scope_key_for(world.org_1.id, "")]
    assert org_1.organisation_id == world.org_1.id
    assert org_1.value == pytest.approx(4.5)
    assert values[scope_key_for(world.org_2.id, "")].value == pytest.approx(2.0)
    assert set(values) == {
        "region",
        scope_key_for(world.org_1.id, ""),
        scope_key_for(world.org_2.id, ""),
    }


def test_changed_answers_are_recomputed(db, world, answer):
    """Answering again replaces the group's score and the averages follow."""
    answer(world.group_a, world.member, {world.statement: 5})
    answer(world.group_b, world.member_b, {world.statement: 1})
    db.session.commit()
    assert values_of(db, world.indicator)["region"].value == pytest.approx(3.0)
    answer(world.group_b, world.member_b, {world.statement: 3})
    db.session.commit()
    values = values_of(db, world.indicator)
    assert values["region"].value == pytest.approx(4.0)
    assert values[scope_key_for(world.org_2.id, "")].value == pytest.approx(3.0)
    assert likert_result(world.statement).answers == 2


def test_organisation_value_goes_when_its_scores_go(db, world, answer):
    """An organisation whose groups now say "cannot say" loses its survey value."""
    answer(world.group_a, world.member, {world.statement: 5})
    answer(world.group_b, world.member_b, {world.statement: 1})
    answer(world.group_b, world.member_b, {world.statement: None})
    db.session.commit()
    values = values_of(db, world.indicator)
    assert scope_key_for(world.org_2.id, "") not in values
    assert values["region"].value == pytest.approx(5.0)


def test_unlinked_statement_feeds_nothing(db, world, answer):
    """Only statements linked to an indicator write values."""
    answer(world.group_a, world.member, {world.unlinked: 5})
    db.session.commit()
    assert db.session.scalar(sa.select(sa.func.count(IndicatorValue.id))) == 0


def test_feed_keeps_hand_entered_values(db, world, answer):
    """A value entered by hand for the same place and period is not overwritten."""
    manual = IndicatorValue(
        indicator_id=world.indicator.id,
        period="2025-2026",
        scope_key="region",
        value=9.9,
        origin=ValueOrigin.MANUAL,
    )
    db.session.add(manual)
    db.session.commit()
    _response, report = answer(world.group_a, world.member, {world.statement: 2})
    db.session.commit()
    assert manual in report.kept
    assert values_of(db, world.indicator)["region"].value == pytest.approx(9.9)
    assert manual in feed_problems(world.survey).kept


def test_mismatched_period_kind_is_skipped_and_reported(db, world, answer):
    """A school-year survey does not feed a calendar-year indicator, and says so."""
    services_questions.update_question(
        world.statement,
        kind="likert",
        text=world.statement.text,
        scale_max=5,
        indicator_id=world.calendar_indicator.id,
    )
    answer(world.group_a, world.member, {world.statement: 4})
    db.session.commit()
    assert values_of(db, world.calendar_indicator) == {}
    assert world.calendar_indicator in feed_problems(world.survey).mismatched


def test_no_period_no_feed(db, world, answer):
    """Without a period the survey records no indicator values."""
    world.survey.period = ""
    _response, report = answer(world.group_a, world.member, {world.statement: 4})
    assert report.written == []


def test_changing_the_period_moves_the_values(db, world, answer):
    """A corrected period moves the survey's values to that period."""
    answer(world.group_a, world.member, {world.statement: 4})
    db.session.commit()
    services.update_survey(world.survey, intro={}, period="2024–2025")
    db.session.commit()
    assert world.survey.period == "2024-2025"
    assert values_of(db, world.indicator) == {}
    assert values_of(db, world.indicator, "2024-2025")["region"].value == 4.0


def test_relinking_moves_values_to_the_new_indicator(db, world, create_user, answer):
    """Unlinking a statement removes the values it gave; relinking feeds again."""
    answer(world.group_a, world.member, {world.statement: 4})
    db.session.commit()
    services_questions.update_question(
        world.statement,
        kind="likert",
        text=world.statement.text,
        scale_max=5,
        indicator_id=None,
    )
    db.session.commit()
    assert values_of(db, world.indicator) == {}
    services_questions.update_question(
        world.statement,
        kind="likert",
        text=world.statement.text,
        scale_max=5,
        indicator_id=world.indicator.id,
    )
    db.session.commit()
    assert values_of(db, world.indicator)["region"].value == 4.0


def test_feed_is_idempotent(db, world, answer):
    """Feeding twice writes the same values, not duplicates."""
    answer(world.group_a, world.member, {world.statement: 3})
    feed_indicators(world.survey)
    feed_indicators(world.survey)
    db.session.commit()
    assert len(values_of(db, world.indicator)) == 2


def test_answer_after_close_is_refused(db, world, answer):
    """The feed only changes through accepted answers: a late one is refused."""
    from app.surveys.services_answers import SurveyClosed

    with pytest.raises(SurveyClosed):
        answer(
            world.group_a,
            world.member,
            {world.statement: 3},
            now=world.phase.ends_at + timedelta(minutes=1),
        )
