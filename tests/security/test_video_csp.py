"""A video address adds nothing to the Content-Security-Policy beyond its own https
origin: no path, wildcard, quote, space or semicolon, whatever the address holds."""

from __future__ import annotations

import pytest

from app.discussions.video import UnsupportedVideo, video_embed
from app.security import csp_with

HOSTILE = [
    "https://a.example;script-src *;/x.mp4",
    "https://a.example%3Bscript-src/x.mp4",
    "https://*.example/x.mp4",
    "https://a.example:99999/x.mp4",
    "https://a.example:abc/x.mp4",
    "https://a'b.example/x.mp4",
    "https://a b.example/x.mp4",
    "https://[::1]/x.mp4",
]


@pytest.mark.parametrize("url", HOSTILE)
def test_hostile_file_addresses_are_refused(url):
    """Such an address is not a video (no 500, no embed)."""
    with pytest.raises(UnsupportedVideo):
        video_embed(url)


def test_a_file_adds_only_its_origin(app):
    """A plain file address adds scheme://host[:port] only."""
    embed = video_embed("https://media.example.fi:8443/videos/intro.mp4?t=1")
    with app.app_context():
        policy = csp_with(media_src=[embed.origin])
    assert "https://media.example.fi:8443" in policy
    assert "/videos" not in policy


@pytest.mark.parametrize(
    "source", ["https://a.example;script-src *", "*", "'unsafe-inline'", "https://a/x"]
)
def test_csp_with_drops_what_is_not_an_origin(app, source):
    """Whatever a caller passes, only plain https origins are added."""
    with app.app_context():
        policy = csp_with(media_src=[source])
    assert source not in policy
