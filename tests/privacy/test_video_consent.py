"""Embedded videos load only after the reader asks: no player in the page's HTML."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

import pytest

from app.discussions import services
from app.models import PhaseKind, Role


@pytest.fixture()
def discussion_page(db, create_user, create_process, create_phase, create_group):
    def _make(video_url: str):
        member = create_user(Role.PARTICIPANT)
        process = create_process()
        create_group(process, members=(member,))
        now = datetime.now(UTC)
        phase = create_phase(
            process,
            kind=PhaseKind.DISCUSSION,
            starts_at=now - timedelta(days=1),
            ends_at=now + timedelta(days=1),
        )
        discussion = services.ensure_discussion(phase)
        services.update_discussion(
            discussion,
            intro={},
            video_url=video_url,
            video_transcript={"fi": "Litteraatti: puhuja kertoo hankkeesta."},
            visibility="always",
            edit_window_minutes=30,
        )
        db.session.commit()
        return member, f"/p/{process.slug}/discussions/{phase.id}/"

    return _make


def test_no_player_loads_before_the_click(client, auth, discussion_page):
    """The page has no iframe or video from an external host; a button carries the
    embed address for the script, a plain link serves readers without JavaScript,
    and the transcript is there."""
    member, url = discussion_page("https://www.youtube.com/watch?v=dQw4w9WgXcQ")
    auth.login_as(member)
    html = client.get(url).get_data(as_text=True)
    assert not re.search(r"<iframe[^>]*src=\"https?://", html)
    assert "<iframe" not in html and "<video" not in html
    assert 'data-embed-src="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"' in html
    assert "Show the video (loads from www.youtube-nocookie.com)" in html
    assert '<p class="video-consent-action" hidden>' in html
    assert 'href="https://www.youtube.com/watch?v=dQw4w9WgXcQ"' in html
    assert "/static/js/video-consent.js" in html
    assert "Litteraatti: puhuja kertoo hankkeesta." in html


def test_a_video_file_waits_for_the_click_too(client, auth, discussion_page):
    """A direct .mp4 is not in a <video> before the click either."""
    member, url = discussion_page("https://media.example.fi/keskustelu.mp4")
    auth.login_as(member)
    html = client.get(url).get_data(as_text=True)
    assert "<video" not in html
    assert 'data-embed-kind="file"' in html
    assert 'data-embed-src="https://media.example.fi/keskustelu.mp4"' in html


def test_the_consent_script_is_served(client):
    """The script is a static file (the CSP allows no inline script) and builds the
    player only for https addresses."""
    response = client.get("/static/js/video-consent.js")
    assert response.status_code == 200
    script = response.get_data(as_text=True)
    assert 'src.indexOf("https://") !== 0' in script
    response.close()


def test_a_page_without_video_loads_no_script(client, auth, discussion_page, db):
    """No video, no consent script."""
    member, url = discussion_page("https://vimeo.com/76979871")
    from app.models import Discussion

    for discussion in db.session.query(Discussion).all():
        discussion.video_url = ""
        discussion.video_embed_url = ""
    db.session.commit()
    auth.login_as(member)
    html = client.get(url).get_data(as_text=True)
    assert "video-consent.js" not in html
