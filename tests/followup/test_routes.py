"""The proposal's pages: who sees a draft, who edits, versions, publishing."""

import pytest
import sqlalchemy as sa

from app.followup import services
from app.models import Phase, PhaseKind, ProposalStatus, ProposalVersion


@pytest.fixture()
def drafted(world, db):
    """The world with its proposal drafted (version 1) by the facilitator."""
    services.draft_proposal(world.process, actor=world.facilitator, now=world.now)
    db.session.commit()
    return world


@pytest.fixture()
def published(drafted, db):
    """The world with its proposal drafted and published."""
    services.publish(
        drafted.process.proposal, actor=drafted.facilitator, now=drafted.now
    )
    db.session.commit()
    return drafted


def status(client, auth, user, url, method="get", **kwargs) -> int:
    auth.login_as(user)
    return getattr(client, method)(url, **kwargs).status_code


def text(response) -> str:
    return response.get_data(as_text=True)


def versions(db) -> list[int]:
    db.session.expire_all()
    return list(
        db.session.scalars(
            sa.select(ProposalVersion.number).order_by(ProposalVersion.number)
        )
    )


# --- reading ------------------------------------------------------------------------


def test_before_a_draft_the_team_sees_the_empty_state(client, auth, world):
    """Facilitators get the draft button, observers the empty state, members 404."""
    url = world.base + "/proposal"
    auth.login_as(world.facilitator)
    page = text(client.get(url))
    assert "There is no follow-up proposal yet." in page
    assert "Draft the proposal from the results" in page
    auth.login_as(world.observer)
    page = text(client.get(url))
    assert "There is no follow-up proposal yet." in page
    assert "Draft the proposal from the results" not in page
    assert status(client, auth, world.anna, url) == 404
    assert status(client, auth, world.outsider, url) == 403


def test_signing_in_is_required(client, world):
    """Anonymous readers are sent to sign in."""
    response = client.get(world.base + "/proposal")
    assert response.status_code == 302 and "/login" in response.headers["Location"]


def test_a_draft_is_for_the_team_only(client, auth, drafted):
    """Facilitator, observer and admin read the draft; members get 404 everywhere."""
    url = drafted.base + "/proposal"
    for user in (drafted.facilitator, drafted.observer, drafted.admin):
        auth.login_as(user)
        page = text(client.get(url))
        assert "Proposal for follow-up work: Future of education" in page
        assert "Draft" in page and "Only the process team sees a draft." in page
    for path in ("/proposal", "/proposal/versions", "/proposal/versions/1"):
        assert status(client, auth, drafted.anna, drafted.base + path) == 404


def test_the_draft_page_shows_sections_and_themes(client, auth, drafted):
    """The stored HTML of each section and the chosen themes with their reasons."""
    auth.login_as(drafted.observer)
    page = text(client.get(drafted.base + "/proposal"))
    assert "<blockquote>" in page and "<strong>1. Theme 1</strong>" in page
    assert "Place 2 (tied) in the vote, 50% of voters." in page
    assert "Version 1, saved" in page and "Fiia Fasilitaattori" in page
    # Observers read; they get no buttons that change anything.
    assert "Edit the proposal" not in page and "Publish to the participants" not in page
    assert "Version history" in page and "Send the memo" not in page


def test_a_published_proposal_is_for_everyone_in_the_process(client, auth, published):
    """Members read it and find the link to comment on it."""
    auth.login_as(published.anna)
    page = text(client.get(published.base + "/proposal"))
    prompt = published.process.proposal.prompt
    thread = (
        f"/p/{published.process.slug}/discussions/{prompt.discussion.phase_id}"
        f"/prompts/{prompt.id}/"
    )
    assert "Published" in page and f'href="{thread}"' in page
    assert "Comment on the proposal" in page
    assert "Version history" not in page and "Version 1, saved" not in page
    assert (
        status(client, auth, published.anna, published.base + "/proposal/versions")
        == 403
    )
    assert status(client, auth, published.outsider, published.base + "/proposal") == 403


# --- drafting and editing -----------------------------------------------------------


def test_only_managers_draft(client, auth, world, db):
    """Observers and members may not draft; the facilitator drafts once."""
    url = world.base + "/proposal/draft"
    assert status(client, auth, world.observer, url, "post") == 403
    assert status(client, auth, world.anna, url, "post") == 403
    auth.login_as(world.facilitator)
    response = client.post(url, follow_redirects=True)
    assert "The proposal has been drafted from the results." in text(response)
    response = client.post(url, follow_redirects=True)
    assert "This process already has a proposal." in text(response)
    assert versions(db) == [1]


def test_the_edit_form_is_filled_from_the_current_version(client, auth, drafted):
    """Sections in their textareas; the drafted themes ticked with their reasons."""
    url = drafted.base + "/proposal/edit"
    assert status(client, auth, drafted.observer, url) == 403
    assert status(client, auth, drafted.anna, url) == 403
    auth.login_as(drafted.facilitator)
    page = text(client.get(url))
    t1, t4 = drafted.themes[0].id, drafted.themes[3].id
    assert 'value="Proposal for follow-up work: Future of education"' in page
    assert f'<input checked id="theme_{t1}" name="theme_{t1}"' in page
    assert f'<input id="theme_{t4}" name="theme_{t4}"' in page
    assert "Place 1 in the vote, 100% of voters.</textarea>" in page
    assert 'name="base_number" type="hidden" value="1"' in page


def form_data(world, **changes) -> dict:
    version = world.process.proposal.current
    data = {key: version.sections[key] for key in services.SECTIONS}
    data["base_number"] = str(version.number)
    for item in version.themes:
        data[f"theme_{item['theme_id']}"] = "y"
        data[f"why_{item['theme_id']}"] = item["why"]
    data.update(changes)
    return data


def test_saving_adds_a_version_only_on_change(client, auth, drafted, db):
    """Save unchanged: no version; change a section: version 2 with the new HTML."""
    url = drafted.base + "/proposal/edit"
    auth.login_as(drafted.facilitator)
    response = client.post(url, data=form_data(drafted), follow_redirects=True)
    assert "Nothing had changed" in text(response) and versions(db) == [1]
    t4 = drafted.themes[3].id
    data = form_data(
        drafted,
        principles="**Yhdessä** sovitut periaatteet",
        **{f"theme_{t4}": "y", f"why_{t4}": "Unohtunut teema"},
    )
    response = client.post(url, data=data, follow_redirects=True)
    assert "Saved as version 2." in text(response)
    assert "<strong>Yhdessä</strong> sovitut periaatteet" in text(response)
    assert versions(db) == [1, 2]
    current = drafted.process.proposal.current
    assert current.created_by == drafted.facilitator
    assert current.themes[-1] == {"theme_id": t4, "why": "Unohtunut teema"}


def test_errors_keep_the_input_with_422(client, auth, drafted, db):
    """A missing title comes back with 422 and everything typed still there."""
    auth.login_as(drafted.facilitator)
    response = client.post(
        drafted.base + "/proposal/edit",
        data=form_data(drafted, title="", resourcing="Kaksi henkilötyövuotta"),
    )
    assert response.status_code == 422
    page = text(response)
    assert "Kaksi henkilötyövuotta</textarea>" in page
    assert 'aria-invalid="true"' in page and "Please correct the marked fields." in page
    assert versions(db) == [1]


def test_saving_over_a_newer_version_is_refused(client, auth, drafted, db):
    """A form from version 1 cannot overwrite version 2 saved meanwhile."""
    proposal = drafted.process.proposal
    services.save_version(
        proposal,
        sections={**proposal.current.sections, "summary": "Muutettu"},
        themes=[],
        actor=drafted.admin,
        now=drafted.now,
    )
    db.session.commit()
    auth.login_as(drafted.facilitator)
    data = form_data(drafted, base_number="1", summary="Minun muutokseni")
    response = client.post(drafted.base + "/proposal/edit", data=data)
    assert response.status_code == 409
    assert "Someone saved a newer version" in text(response)
    assert "Minun muutokseni</textarea>" in text(response)
    assert versions(db) == [1, 2]


def test_the_version_history_lists_and_shows_versions(client, auth, drafted, db):
    """Numbers, who and when; an old version shows its own text."""
    proposal = drafted.process.proposal
    services.save_version(
        proposal,
        sections={**proposal.current.sections, "principles": "Uusi periaate"},
        themes=proposal.current.themes,
        actor=drafted.admin,
        now=drafted.now,
    )
    db.session.commit()
    auth.login_as(drafted.observer)
    page = text(client.get(drafted.base + "/proposal/versions"))
    assert page.index("Version 2") < page.index("Version 1")
    assert drafted.admin.name in page and "Fiia Fasilitaattori" in page
    old = text(client.get(drafted.base + "/proposal/versions/1"))
    assert "This is an earlier version." in old and "Uusi periaate" not in old
    assert "Not written yet." in old
    assert client.get(drafted.base + "/proposal/versions/9").status_code == 404


# --- publishing ---------------------------------------------------------------------


def test_publishing_needs_confirmation_and_a_manager(client, auth, drafted, db):
    """GET asks; POST publishes and opens the follow-up phase; again is refused."""
    url = drafted.base + "/proposal/publish"
    assert status(client, auth, drafted.observer, url) == 403
    assert status(client, auth, drafted.observer, url, "post") == 403
    auth.login_as(drafted.facilitator)
    page = text(client.get(url))
    assert "Publish the proposal?" in page and "Proposal for follow-up work" in page
    response = client.post(url, follow_redirects=True)
    assert "The proposal has been published." in text(response)
    db.session.expire_all()
    assert drafted.process.proposal.status is ProposalStatus.PUBLISHED
    assert (
        db.session.scalar(
            sa.select(sa.func.count(Phase.id)).where(Phase.kind == PhaseKind.FOLLOWUP)
        )
        == 1
    )
    assert client.post(url).status_code == 409


def test_unpublishing_returns_a_draft(client, auth, published, db):
    """Members no longer see it; the question stays."""
    url = published.base + "/proposal/unpublish"
    auth.login_as(published.facilitator)
    assert "Return the proposal to a draft?" in text(client.get(url))
    client.post(url)
    db.session.expire_all()
    proposal = published.process.proposal
    assert proposal.status is ProposalStatus.DRAFT and proposal.prompt is not None
    assert status(client, auth, published.anna, published.base + "/proposal") == 404
    auth.login_as(published.facilitator)
    assert client.post(url).status_code == 409


def test_members_comment_on_the_published_proposal(client, auth, published, db):
    """The follow-up phase's discussion opens; the thread renders; a member comments."""
    prompt = published.process.proposal.prompt
    base = f"{published.base}/discussions/{prompt.discussion.phase_id}"
    auth.login_as(published.facilitator)
    assert client.get(base + "/").status_code == 200  # one question: a staff warning
    auth.login_as(published.anna)
    thread = f"{base}/prompts/{prompt.id}/"
    page = text(client.get(thread))
    assert "Comment on the follow-up proposal" in page
    assert 'href="/p/tulevaisuus/proposal"' in page
    response = client.post(
        thread,
        data={"group_id": published.groups[0].id, "body": "Hyvä ehdotus."},
        follow_redirects=True,
    )
    assert "Hyvä ehdotus." in text(response)


def _textarea(page: str, name: str) -> str:
    import re

    match = re.search(rf'<textarea[^>]*name="{name}"[^>]*>(.*?)</textarea>', page, re.S)
    return match.group(1).strip()


def test_a_fresh_draft_shows_guidance_as_hints_not_in_the_fields(client, auth, drafted):
    """The principles, next steps and resourcing fields of a fresh draft are empty;
    what to write in each is the field's hint, tied to it with aria-describedby."""
    auth.login_as(drafted.facilitator)
    with client.session_transaction() as session:
        session["lang"] = "en"
    page = text(client.get(drafted.base + "/proposal/edit"))
    hints = {
        "principles": "The principles that the follow-up work should keep to.",
        "next_steps": "The next steps: what is done, by whom and by when.",
        "resourcing": "How the planning and the follow-up work are resourced: "
        "people, time and money.",
    }
    for name, hint in hints.items():
        assert _textarea(page, name) == ""
        assert f'<p class="hint" id="{name}-hint">{hint}</p>' in page
        assert f'aria-describedby="{name}-hint"' in page
    assert "Write here" not in page
    assert "drafted from the themed summary" in page  # the summary's hint
    assert "**1. " in _textarea(page, "summary")  # the drafted results stay


def test_a_saved_proposal_keeps_its_guidance_like_text(client, auth, drafted, db):
    """A version saved with text in a section (e.g. the old guidance) keeps it."""
    proposal = drafted.process.proposal
    old = "*Write here the principles that the follow-up work should keep to.*"
    services.save_version(
        proposal,
        sections={**proposal.current.sections, "principles": old},
        themes=proposal.current.themes,
        actor=drafted.facilitator,
        now=drafted.now,
    )
    db.session.commit()
    auth.login_as(drafted.facilitator)
    page = text(client.get(drafted.base + "/proposal/edit"))
    assert _textarea(page, "principles") == old


def test_hints_in_finnish_and_swedish(client, auth, drafted):
    """The hints are in the reader's language."""
    auth.login_as(drafted.facilitator)
    for lang, words in (
        ("fi", "periaatteet, joita jatkotyössä noudatetaan"),
        ("sv", "principer som det fortsatta arbetet ska följa"),
    ):
        with client.session_transaction() as session:
            session["lang"] = lang
        assert words in text(client.get(drafted.base + "/proposal/edit"))
