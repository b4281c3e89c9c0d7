"""The dashboard page: numbers in tables, charts with text, period choice, access."""

from __future__ import annotations

import re

import pytest

from . import dashboard_fixtures
from .dashboard_fixtures import NURSE, PSY, add_value

# The shared fixtures (tests/monitoring/conftest.py belongs to another module).
dashboard_world = dashboard_fixtures.dashboard_world
english_pages = dashboard_fixtures.english_pages


def _page(client, auth, user, url):
    auth.login_as(user)
    response = client.get(url)
    assert response.status_code == 200
    return response.get_data(as_text=True)


def _cells(html: str) -> list[str]:
    return [
        re.sub(r"<[^>]+>", "", cell).strip()
        for cell in re.findall(r"<t[dh][^>]*>(.*?)</t[dh]>", html, re.S)
    ]


@pytest.mark.usefixtures("english_pages")
def test_tables_show_values_verdicts_and_trends(client, auth, dashboard_world):
    """The region table has this and last period's values, the target and the verdict."""
    html = _page(client, auth, dashboard_world.member, dashboard_world.url)
    cells = _cells(html)
    assert "31.5 %" in cells and "27.5 %" in cells and "+4 percentage points" in cells
    assert "at least 30 %" in cells and "Target met" in cells
    assert "Not met by 1 percentage point" in cells
    assert "Worse than the previous period" in cells
    assert "Not met by 2 days" in cells  # waiting time, lower is better
    assert "No target" in cells
    # Org A in the disclosure.
    assert "<details" in html and "Oppilaitos A" in cells
    assert "Not met by 5 percentage points" in cells


@pytest.mark.usefixtures("english_pages")
def test_chart_is_an_image_with_a_text_alternative_and_a_table(
    client, auth, dashboard_world
):
    """Each indicator's SVG is role=img, labelled by its title and description."""
    html = _page(client, auth, dashboard_world.observer, dashboard_world.url)
    chart_id = f"chart-{dashboard_world.communal.id}"
    assert f'role="img" aria-labelledby="{chart_id}-title {chart_id}-desc"' in html
    desc = re.search(rf'<desc id="{chart_id}-desc">(.*?)</desc>', html).group(1)
    assert f"{PSY}: 2024-2025 27.5 %, 2025-2026 31.5 %; target at least 30 %." in desc
    assert "stroke-dasharray" in html  # the target's reference line
    assert "Region-wide values of Share of communal work by period</caption>" in html
    assert '<th scope="row">2024-2025</th>' in html


@pytest.mark.usefixtures("english_pages")
def test_what_changed_and_actions(client, auth, dashboard_world):
    """The top section lists changes; the actions show counts and the overdue one."""
    html = _page(client, auth, dashboard_world.member, dashboard_world.url)
    changes = html[html.index('id="changes-heading"') : html.index("overview-heading")]
    assert "What changed since 2024-2025" in changes
    assert "Targets newly met" in changes and "Targets no longer met" in changes
    assert "In progress → Done" in changes
    assert "New values from feedback surveys" in changes
    overview = html[html.index("overview-heading") :]
    assert "Overdue actions" in overview and "Palveluketjun kuvaus" in overview
    assert "In progress: <strong>1</strong>" in overview
    assert "Overdue</strong>" in html  # in the goal's action table
    assert "/monitoring/report.docx?period=2025-2026" in html
    assert "/monitoring/report.csv?period=2025-2026" in html


def test_finnish_page_uses_a_decimal_comma(client, auth, dashboard_world):
    """In Finnish the values read 31,5 % and the goal titles are the Finnish ones."""
    with client.session_transaction() as session:
        session["lang"] = "fi"
    html = _page(client, auth, dashboard_world.member, dashboard_world.url)
    cells = _cells(html)
    assert "31,5 %" in cells and "27,5 %" in cells
    assert "+4 prosenttiyksikköä" in cells and "−2 prosenttiyksikköä" in cells
    assert "−1 päivä" in cells  # waiting time 10 -> 9 days: the singular
    assert "Tavoitearvosta puuttuu 1 prosenttiyksikkö" in cells
    assert "Yhteisöllinen työ" in html and 'lang="fi"' in html


@pytest.mark.usefixtures("english_pages")
def test_period_selector(client, auth, dashboard_world):
    """?period chooses the period; the selector lists the periods with values."""
    html = _page(client, auth, dashboard_world.member, dashboard_world.url)
    assert '<option value="2025-2026" selected>' in html
    assert '<option value="2024-2025">' in html
    earlier = _page(
        client, auth, dashboard_world.member, dashboard_world.url + "?period=2024-2025"
    )
    assert '<option value="2024-2025" selected>' in earlier
    assert "What changed since 2023-2024" in earlier
    assert "27.5 %" in _cells(earlier) and "31.5 %" not in _cells(earlier)
    assert client.get(dashboard_world.url + "?period=kevät").status_code == 404


@pytest.mark.usefixtures("english_pages")
def test_empty_states(client, auth, create_user, create_process):
    """A process without goals says so, and offers no report."""
    facilitator = create_user()
    process = create_process(facilitator=facilitator)
    html = _page(client, auth, facilitator, f"/p/{process.slug}/monitoring/dashboard")
    assert "No goals have been set for this process yet." in html
    assert "report.docx" not in html


@pytest.mark.parametrize("who", ["member", "observer", "facilitator"])
def test_people_of_the_process_may_view(client, auth, dashboard_world, who):
    """Participants, observers and facilitators read the dashboard."""
    auth.login_as(getattr(dashboard_world, who))
    assert client.get(dashboard_world.url).status_code == 200


def test_outsider_is_refused_and_anonymous_must_sign_in(client, auth, dashboard_world):
    """Someone outside the process gets 403; a visitor is sent to sign in."""
    response = client.get(dashboard_world.url)
    assert response.status_code == 302 and "/login" in response.headers["Location"]
    auth.login_as(dashboard_world.outsider)
    assert client.get(dashboard_world.url).status_code == 403
    assert client.get("/p/no-such-process/monitoring/dashboard").status_code == 404


def _box(html: str, key: str) -> str:
    start = html.index(f'class="change-group change-{key}"')
    return html[start : html.index("</div>", start)]


@pytest.mark.usefixtures("english_pages")
def test_worsened_box_lists_what_got_worse(db, client, auth, dashboard_world):
    """The "Worsened" box names each indicator, its place and by how much, also for
    an organisation (not only "and 1 figure of an organisation")."""
    world = dashboard_world
    # Oppilaitos A's psychologists: 28 % -> 25 %, 3 percentage points worse.
    add_value(
        db, world.communal, "2024-2025", 28, subgroup=PSY, organisation=world.org_a
    )
    db.session.commit()
    html = _page(client, auth, world.member, world.url)
    box = _box(html, "worsened")
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", box))
    assert "Worsened 2" in text
    assert (
        f"Share of communal work – The whole region, {NURSE}: −2 percentage points "
        "(16 % → 14 %)"
    ) in text
    assert "Organisations and areas" in text
    assert (
        f"Share of communal work – Oppilaitos A, {PSY}: −3 percentage points "
        "(28 % → 25 %)"
    ) in text
    assert "figure of an organisation" not in html
    improved = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", _box(html, "improved")))
    assert "Waiting time – The whole region: −1 day (10 days → 9 days)" in improved
