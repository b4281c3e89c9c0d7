"""Issue 16, least privilege: a survey's per-organisation averages are for the team.

A feedback survey's results are for the process's team (rule "survey.results"); its
Likert averages feed the linked indicators for the whole region and for each
organisation whose groups answered. Everyone in the process follows the monitoring
pages, so those per-organisation averages must not reach a participant by any of
them: the plan, the indicator page (every filter), the dashboard (every period) and
the annual report (Word and CSV, every language). The team still sees them; the
whole region's average and values entered by hand stay for everyone.
"""

import io

import pytest
from docx import Document

from app.models import IndicatorValue, ValueOrigin, scope_key_for

PARTICIPANTS = ("member", "member_b", "member_c")
TEAM = ("facilitator", "observer", "admin")


def _docx_text(body: bytes) -> str:
    document = Document(io.BytesIO(body))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.extend(cell.text for cell in row.cells)
    return "\n".join(parts)


@pytest.fixture()
def fed(world, answer, db, create_organisation):
    """Groups A and C (Koulutus Oy) answer 5 and 3, group B (Kaupungin opetus) 1:
    the indicator gets 3.0 for the region, 4.0 and 1.0 for the organisations. A
    value entered by hand for a third organisation stays for everyone."""
    answer(world.group_a, world.member, {world.statement: 5})
    answer(world.group_b, world.member_b, {world.statement: 1})
    answer(world.group_c, world.member_c, {world.statement: 3})
    by_hand = create_organisation(name="Käsin kirjattu ky")
    db.session.add(
        IndicatorValue(
            indicator_id=world.indicator.id,
            period="2025-2026",
            organisation_id=by_hand.id,
            scope_key=scope_key_for(by_hand.id, ""),
            subgroup="",
            value=2.5,
            origin=ValueOrigin.MANUAL,
        )
    )
    db.session.commit()
    values = db.session.query(IndicatorValue).all()
    survey_places = [
        v
        for v in values
        if v.origin is ValueOrigin.SURVEY and v.organisation_id is not None
    ]
    assert len(survey_places) == 2  # the feed ran: the test is about hiding them
    world.hidden_names = (world.org_1.name, world.org_2.name)
    world.by_hand = by_hand
    monitoring = f"/p/{world.process.slug}/monitoring"
    indicator = f"{monitoring}/indicators/{world.indicator.id}"
    world.pages = [
        f"{monitoring}/dashboard",
        f"{monitoring}/dashboard?period=2025-2026",
        indicator,
        f"{indicator}?period=2025-2026",
        f"{indicator}?subgroup=-",
        f"{indicator}?period=2025-2026&subgroup=-",
    ]
    world.reports = [
        f"{monitoring}/report.{fmt}?period=2025-2026&lang={lang}"
        for fmt in ("csv", "docx")
        for lang in ("fi", "sv", "en")
    ]
    world.plan = monitoring
    return world


def _text(response) -> str:
    assert response.status_code == 200
    if response.mimetype.endswith("document"):
        return _docx_text(response.data)
    return response.data.decode("utf-8-sig")


@pytest.mark.parametrize("role", PARTICIPANTS)
def test_participants_never_see_the_survey_averages_per_organisation(
    fed, client, auth, role
):
    """Every monitoring page and report leaves out the survey's per-organisation
    averages for each participant (whose groups answered, in either organisation),
    while the region's average and the value entered by hand are there."""
    auth.login_as(getattr(fed, role))
    for url in fed.pages + fed.reports:
        text = _text(client.get(url))
        for name in fed.hidden_names:
            assert name not in text, (url, name)
        assert fed.by_hand.name in text, url
    indicator_page = client.get(fed.pages[2]).get_data(as_text=True)
    assert "Käsin kirjattu ky" in indicator_page
    assert "3" in indicator_page  # the region's average
    # The plan counts only what the reader may see: the value entered by hand.
    plan = client.get(fed.plan).get_data(as_text=True)
    assert "1 value for an organisation or area in this period." in plan


@pytest.mark.parametrize("role", TEAM)
def test_the_team_still_sees_the_survey_averages_per_organisation(
    fed, client, auth, role
):
    """Facilitators, observers and administrators see the organisations' averages
    on the same pages and in the same reports."""
    auth.login_as(getattr(fed, role))
    for url in fed.pages + fed.reports:
        text = _text(client.get(url))
        for name in (*fed.hidden_names, fed.by_hand.name):
            assert name in text, (url, name)
    plan = client.get(fed.plan).get_data(as_text=True)
    assert "3 values for organisations or areas in this period." in plan


@pytest.mark.parametrize("role", PARTICIPANTS)
def test_participants_cannot_open_the_survey_results(fed, client, auth, role):
    """The survey's own results and downloads stay the team's."""
    auth.login_as(getattr(fed, role))
    for suffix in ("results", "results.csv", "answers.csv"):
        assert client.get(f"{fed.base}/{suffix}").status_code == 403


def test_a_period_with_only_hidden_values_is_not_offered(fed, client, auth, db):
    """Only per-organisation survey values in a period (the region's value removed):
    a participant is not offered that period at all, the team is."""
    region = (
        db.session.query(IndicatorValue)
        .filter_by(indicator_id=fed.indicator.id, scope_key="region")
        .one()
    )
    db.session.delete(region)
    manual = (
        db.session.query(IndicatorValue)
        .filter_by(indicator_id=fed.indicator.id, origin=ValueOrigin.MANUAL)
        .one()
    )
    manual.period = "2024-2025"
    db.session.commit()
    indicator = f"/p/{fed.process.slug}/monitoring/indicators/{fed.indicator.id}"

    auth.login_as(fed.member)
    html = client.get(indicator).get_data(as_text=True)
    assert 'value="2025-2026"' not in html
    for name in fed.hidden_names:
        assert name not in html
    dashboard = client.get(f"/p/{fed.process.slug}/monitoring/dashboard")
    assert 'value="2025-2026"' not in dashboard.get_data(as_text=True)

    auth.login_as(fed.facilitator)
    html = client.get(indicator).get_data(as_text=True)
    assert 'value="2025-2026"' in html
    assert fed.org_1.name in html


def test_the_public_pages_and_open_data_leave_them_out(fed, client, db):
    """A public process: its open dashboard (every period) and the open-data API's
    indicators, read by anyone, have the region's and the hand-entered values but
    not the survey's per-organisation averages."""
    from datetime import UTC, datetime

    from app.processes.services_publicity import set_public

    set_public(fed.process, True, actor=fed.facilitator, now=datetime.now(UTC))
    db.session.commit()
    slug = fed.process.slug
    for url in (
        f"/open/{slug}/dashboard",
        f"/open/{slug}/dashboard?period=2025-2026",
        f"/api/v1/processes/{slug}/indicators",
    ):
        text = _text(client.get(url))
        for name in fed.hidden_names:
            assert name not in text, (url, name)
        assert fed.by_hand.name in text, url
