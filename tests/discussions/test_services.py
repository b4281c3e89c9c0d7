"""Discussion rules: open and closed, the video allow-list, two to four questions."""

from datetime import UTC, datetime, timedelta

import pytest

from app.discussions import services
from app.discussions.video import UnsupportedVideo
from app.models import PhaseKind, Visibility


def test_a_discussion_phase_gets_its_settings(world):
    """Adding a discussion phase creates its discussion; other kinds get none."""
    assert world.phase.discussion is world.discussion
    assert world.discussion.visibility is Visibility.AFTER_OWN_ANSWER
    assert world.discussion.edit_window_minutes == 30


def test_other_phase_kinds_get_no_discussion(world, create_phase):
    """A seminar phase has no discussion settings."""
    seminar = create_phase(world.process, kind=PhaseKind.SEMINAR)
    assert services.ensure_discussion(seminar) is None


def test_state_follows_the_phase_times(world):
    """Before the start it is not open, between start and end open, after it closed."""
    phase = world.phase
    assert (
        services.state(world.discussion, phase.starts_at - timedelta(seconds=1))
        == "not_open"
    )
    assert services.state(world.discussion, phase.starts_at) == "open"
    assert (
        services.state(world.discussion, phase.ends_at - timedelta(seconds=1)) == "open"
    )
    assert services.state(world.discussion, phase.ends_at) == "closed"


def test_without_a_start_time_it_is_not_open(world, db):
    """A discussion whose phase has no start time is not open yet."""
    world.phase.starts_at = None
    assert services.state(world.discussion, datetime.now(UTC)) == "not_open"


def test_video_address_becomes_an_embed(world):
    """A YouTube address is stored with its privacy-enhanced embed address."""
    services.update_discussion(
        world.discussion,
        intro={"fi": "Katsokaa *video* ensin."},
        video_url=" https://youtu.be/dQw4w9WgXcQ ",
        video_transcript={"fi": "Videolla keskustelee edustajaryhmä."},
        visibility="always",
        edit_window_minutes=15,
    )
    discussion = world.discussion
    assert discussion.video_url == "https://youtu.be/dQw4w9WgXcQ"
    assert (
        discussion.video_embed_url
        == "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"
    )
    assert discussion.intro_html == {"fi": "<p>Katsokaa <em>video</em> ensin.</p>"}
    assert discussion.visibility is Visibility.ALWAYS


def test_video_outside_the_allow_list_is_refused_and_nothing_changes(world):
    """An address from another host is refused before anything is saved."""
    with pytest.raises(UnsupportedVideo):
        services.update_discussion(
            world.discussion,
            intro={"fi": "Uusi"},
            video_url="https://evil.example/video",
            video_transcript={},
            visibility="always",
            edit_window_minutes=30,
        )
    assert world.discussion.video_url == ""
    assert world.discussion.intro == {}


def test_at_most_four_questions(world):
    """A fifth question is refused."""
    for n in range(4):
        services.add_prompt(
            world.discussion, question={"fi": f"Kysymys {n}"}, guidance={}
        )
    with pytest.raises(services.TooManyPrompts):
        services.add_prompt(world.discussion, question={"fi": "Viides"}, guidance={})
    assert [p.position for p in world.discussion.prompts] == [1, 2, 3, 4]


def test_question_needs_the_main_language(world):
    """A question only in English in a Finnish process is refused."""
    with pytest.raises(services.MissingQuestion):
        services.add_prompt(
            world.discussion, question={"en": "Only English"}, guidance={}
        )


def test_questions_move_and_close_gaps(world, db):
    """Moving and removing keep positions 1..n."""
    first, second, third = (
        services.add_prompt(world.discussion, question={"fi": t}, guidance={})
        for t in ("A", "B", "C")
    )
    assert services.move_prompt(third, "up")
    db.session.refresh(world.discussion)
    assert [p.question["fi"] for p in world.discussion.prompts] == ["A", "C", "B"]
    assert not services.move_prompt(first, "up")
    services.delete_prompt(first)
    db.session.refresh(world.discussion)
    assert [(p.position, p.question["fi"]) for p in world.discussion.prompts] == [
        (1, "C"),
        (2, "B"),
    ]
