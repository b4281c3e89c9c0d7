"""A process with every place users write text, and helpers to post and inspect pages."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from types import SimpleNamespace

import pytest

from app.discussions import services as discussion_services
from app.models import AgendaKind, PhaseKind, Role
from app.seminars import services as seminar_services
from app.seminars import services_live as live
from app.seminars import services_workshops
from app.seminars.services import ensure_seminar

from .html_check import findings, parse, text_of


@pytest.fixture(autouse=True)
def english_pages(client):
    """Pages in English (the source texts); the catalogues are tested elsewhere."""
    with client.session_transaction() as session:
        session["lang"] = "en"


@pytest.fixture()
def roomy(app):
    """One page holds every comment, and the write limits do not stop the corpus."""
    saved = {
        key: app.config[key]
        for key in (
            "ITEMS_PER_PAGE",
            "COMMENT_LIMIT_PER_USER",
            "JOIN_LIMIT_PER_ADDRESS",
        )
    }
    app.config.update(
        ITEMS_PER_PAGE=1000,
        COMMENT_LIMIT_PER_USER="100000 per minute",
        JOIN_LIMIT_PER_ADDRESS="100000 per minute",
    )
    yield app
    app.config.update(saved)


@pytest.fixture()
def world(
    db, roomy, create_user, create_process, create_phase, create_group, create_theme
):
    """Process with an open discussion (one prompt), a seminar on now (one buzz-group
    workshop with a question shown), a theme, a work group with ``member``."""
    now = datetime.now(UTC)
    facilitator = create_user(Role.FACILITATOR, name="Fiia Fasilitaattori")
    member = create_user(Role.PARTICIPANT, name="Maija Jäsen")
    reader = create_user(Role.PARTICIPANT, name="Lasse Lukija")
    process = create_process(facilitator=facilitator, language="en")
    group = create_group(process, members=(member, reader), name="Ryhmä Aalto")
    theme = create_theme(process, title={"en": "Guidance", "fi": "Ohjaus"})
    phase = create_phase(
        process,
        kind=PhaseKind.DISCUSSION,
        title={"en": "Online discussion"},
        starts_at=now - timedelta(days=1),
        ends_at=now + timedelta(days=7),
    )
    discussion = discussion_services.ensure_discussion(phase)
    prompt = discussion_services.add_prompt(
        discussion, question={"en": "What matters?"}, guidance={}
    )
    seminar_phase = create_phase(
        process,
        kind=PhaseKind.SEMINAR,
        title={"en": "Seminar"},
        starts_at=now - timedelta(minutes=10),
        ends_at=now + timedelta(hours=2),
    )
    seminar = ensure_seminar(seminar_phase)
    block = seminar_services.add_agenda_item(
        seminar,
        kind=AgendaKind.WORKSHOPS,
        starts_at=now - timedelta(minutes=5),
        ends_at=now + timedelta(hours=1),
        title={"en": "Workshops"},
    )
    workshop = services_workshops.add_workshop(block, title={"en": "Buzz"})
    question = services_workshops.add_workshop_prompt(
        workshop, question={"en": "What works?"}
    )
    live.set_current_prompt(workshop, question, actor=facilitator)
    db.session.commit()
    slug = process.slug
    return SimpleNamespace(
        now=now,
        facilitator=facilitator,
        member=member,
        reader=reader,
        admin=create_user(Role.ADMIN),
        process=process,
        slug=slug,
        group=group,
        theme=theme,
        phase=phase,
        discussion=discussion,
        prompt=prompt,
        seminar_phase=seminar_phase,
        seminar=seminar,
        block=block,
        workshop=workshop,
        question=question,
        thread=f"/p/{slug}/discussions/{phase.id}/prompts/{prompt.id}/",
        discussion_url=f"/p/{slug}/discussions/{phase.id}/",
        agenda=f"/p/{slug}/seminars/{seminar_phase.id}/",
        live=f"/p/{slug}/workshops/{workshop.id}/live",
    )


def post_ok(client, url: str, data: dict, *, ok=(302, 303)) -> None:
    """Post a form and insist it was accepted (a redirect), so the text was stored."""
    response = client.post(url, data=data)
    # The redirect is not followed: drop its flash, so messages do not pile up in the
    # session cookie over hundreds of posts.
    with client.session_transaction() as session:
        session.pop("_flashes", None)
    assert response.status_code in ok, (
        f"POST {url} gave {response.status_code}: "
        f"{errors_of(response.get_data(as_text=True))}"
    )


def errors_of(html: str) -> list[str]:
    """The error messages of a form page (elements whose class names an error)."""
    return [
        "".join(element.itertext()).strip()[:200]
        for element in parse(html).iter()
        if isinstance(element.tag, str) and "error" in element.attrib.get("class", "")
    ]


def page_html(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, f"GET {url} gave {response.status_code}"
    return response.get_data(as_text=True)


def assert_pages_clean(client, urls, *, expect=()) -> str:
    """Fetch each page, fail on any injected markup; every text in ``expect`` must
    appear as text on some page (so the test is not passing on empty pages).
    Returns the pages' combined text."""
    problems: dict[str, list[str]] = {}
    texts = []
    for url in urls:
        html = page_html(client, url)
        found = findings(html)
        if found:
            problems[url] = found[:10]
        texts.append(text_of(html))
    assert problems == {}, f"injected markup: {problems}"
    combined = "\n".join(texts)
    missing = [text for text in expect if text not in combined]
    assert missing == [], f"{len(missing)} texts not shown as text, e.g. {missing[:3]}"
    return combined
