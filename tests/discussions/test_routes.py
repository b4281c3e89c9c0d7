"""Discussion pages: who may see and set them up, bad input, embeds and the CSP."""

import pytest

from app.discussions import services
from app.models import Prompt

PAGES = ["/", "/settings", "/prompts/new"]


def test_anonymous_is_sent_to_sign_in(client, world):
    """Anonymous visitors are asked to sign in."""
    for page in PAGES:
        response = client.get(world.base + page)
        assert response.status_code == 302 and "/login" in response.headers["Location"]


@pytest.mark.parametrize("who", ["facilitator", "admin", "observer", "member"])
def test_the_discussion_page_is_for_the_process_people(client, auth, world, who):
    """Everyone in the process reads the discussion page."""
    auth.login_as(getattr(world, who))
    assert client.get(world.base + "/").status_code == 200


def test_outsiders_get_403(client, auth, world):
    """A facilitator of another process may not see or set up this discussion."""
    auth.login_as(world.outsider)
    for page in PAGES:
        assert client.get(world.base + page).status_code == 403


@pytest.mark.parametrize("who", ["observer", "member"])
def test_set_up_is_for_facilitators(client, auth, world, who):
    """Observers and participants cannot open the settings."""
    auth.login_as(getattr(world, who))
    assert client.get(world.base + "/settings").status_code == 403
    assert (
        client.post(world.base + "/prompts/new", data={"question-fi": "X"}).status_code
        == 403
    )


def test_a_seminar_phase_has_no_discussion_page(client, auth, world, create_phase):
    """Only discussion phases have a discussion; others are not found."""
    seminar = create_phase(world.process)
    auth.login_as(world.facilitator)
    assert (
        client.get(f"/p/{world.process.slug}/discussions/{seminar.id}/").status_code
        == 404
    )


def test_settings_save_intro_and_video(client, auth, world, db):
    """The facilitator saves the introduction and a Vimeo video."""
    auth.login_as(world.facilitator)
    response = client.post(
        world.base + "/settings",
        data={
            "intro-fi": "Tervetuloa **keskusteluun**.",
            "video_url": "https://vimeo.com/76979871",
            "video_transcript-fi": "Litteraatti.",
            "visibility": "after_own_answer",
            "edit_window_minutes": "30",
        },
    )
    assert response.status_code == 302
    db.session.refresh(world.discussion)
    assert (
        world.discussion.video_embed_url
        == "https://player.vimeo.com/video/76979871?dnt=1"
    )
    html = client.get(world.base + "/").get_data(as_text=True)
    # The player loads only after the reader's click (no third-party request before).
    assert 'data-embed-src="https://player.vimeo.com/video/76979871?dnt=1"' in html
    assert "<iframe" not in html
    assert "<strong>keskusteluun</strong>" in html
    assert "Litteraatti." in html


def test_unsupported_video_keeps_what_was_typed(client, auth, world, db):
    """A video from another host: 422, a clear message, every field kept."""
    auth.login_as(world.facilitator)
    response = client.post(
        world.base + "/settings",
        data={
            "intro-fi": "Säilyvä johdanto",
            "video_url": "https://evil.example/x",
            "visibility": "always",
            "edit_window_minutes": "45",
        },
    )
    html = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "Use a YouTube or Vimeo address" in html
    assert "Säilyvä johdanto" in html and 'value="https://evil.example/x"' in html
    assert 'value="45"' in html
    db.session.refresh(world.discussion)
    assert world.discussion.intro == {}


def test_csp_frames_only_the_video_hosts(client, auth, world):
    """The policy lets the pages frame YouTube's privacy player and Vimeo only."""
    auth.login_as(world.member)
    csp = client.get(world.base + "/").headers["Content-Security-Policy"]
    assert "frame-src https://www.youtube-nocookie.com https://player.vimeo.com;" in csp
    assert "media-src 'self';" in csp


def test_a_video_file_is_allowed_on_its_page_only(client, auth, world, db):
    """A direct .mp4 waits for a click and gets its origin in media-src on that page."""
    services.update_discussion(
        world.discussion,
        intro={},
        video_url="https://media.example.fi/keskustelu.mp4",
        video_transcript={},
        visibility="always",
        edit_window_minutes=30,
    )
    db.session.commit()
    auth.login_as(world.member)
    response = client.get(world.base + "/")
    html = response.get_data(as_text=True)
    assert 'data-embed-src="https://media.example.fi/keskustelu.mp4"' in html
    assert "<video" not in html
    assert (
        "media-src 'self' https://media.example.fi"
        in response.headers["Content-Security-Policy"]
    )
    other = client.get(f"/p/{world.process.slug}/")
    assert "media.example.fi" not in other.headers["Content-Security-Policy"]


def test_open_and_closed_are_said_on_the_page(client, auth, world, db):
    """The page says when the discussion closes, or that it has closed."""
    auth.login_as(world.member)
    assert "The discussion is open until" in client.get(world.base + "/").get_data(
        as_text=True
    )
    world.phase.ends_at = world.phase.starts_at
    db.session.commit()
    assert "The discussion has closed." in client.get(world.base + "/").get_data(
        as_text=True
    )


def test_add_edit_move_and_remove_questions(client, auth, world, db):
    """The facilitator manages the questions; the fifth is not offered or accepted."""
    auth.login_as(world.facilitator)
    for text in ("Yksi", "Kaksi", "Kolme", "Neljä"):
        assert (
            client.post(
                world.base + "/prompts/new", data={"question-fi": text}
            ).status_code
            == 302
        )
    assert "Add a question" not in client.get(world.base + "/settings").get_data(
        as_text=True
    )
    refused = client.post(world.base + "/prompts/new", data={"question-fi": "Viisi"})
    assert refused.status_code == 422
    assert "at most 4 questions" in refused.get_data(as_text=True)
    prompts = db.session.query(Prompt).order_by(Prompt.position).all()
    first, last = prompts[0], prompts[-1]
    assert (
        client.post(
            f"{world.base}/prompts/{last.id}/move", data={"direction": "up"}
        ).status_code
        == 302
    )
    assert (
        client.post(
            f"{world.base}/prompts/{first.id}/edit", data={"question-fi": "Ensimmäinen"}
        ).status_code
        == 302
    )
    assert client.get(f"{world.base}/prompts/{first.id}/delete").status_code == 200
    assert client.post(f"{world.base}/prompts/{first.id}/delete").status_code == 302
    db.session.expire_all()
    remaining = [
        p.question["fi"] for p in db.session.query(Prompt).order_by(Prompt.position)
    ]
    assert remaining == ["Kaksi", "Neljä", "Kolme"]


def test_question_without_main_language_is_422(client, auth, world):
    """A question missing the process's main language keeps what was typed."""
    auth.login_as(world.facilitator)
    response = client.post(
        world.base + "/prompts/new", data={"question-en": "Only English"}
    )
    assert response.status_code == 422
    assert 'value="Only English"' in response.get_data(as_text=True)


def test_a_prompt_of_another_discussion_is_not_found(
    client, auth, world, create_phase, db
):
    """Prompt ids are checked against the discussion in the address."""
    from app.models import PhaseKind

    other = create_phase(world.process, kind=PhaseKind.DISCUSSION)
    other_discussion = services.ensure_discussion(other)
    prompt = services.add_prompt(other_discussion, question={"fi": "Muu"}, guidance={})
    db.session.commit()
    auth.login_as(world.facilitator)
    assert client.get(f"{world.base}/prompts/{prompt.id}/edit").status_code == 404


def test_move_with_a_bad_direction_is_400(client, auth, world, db):
    """Only up and down are directions."""
    prompt = services.add_prompt(world.discussion, question={"fi": "A"}, guidance={})
    db.session.commit()
    auth.login_as(world.facilitator)
    assert (
        client.post(
            f"{world.base}/prompts/{prompt.id}/move", data={"direction": "sideways"}
        ).status_code
        == 400
    )
