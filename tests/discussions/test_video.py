"""The allow-list of video hosts: what becomes an embed and what is refused."""

import pytest

from app.discussions.video import UnsupportedVideo, video_embed


@pytest.mark.parametrize(
    ("url", "kind", "src"),
    [
        (
            "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
            "iframe",
            "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ",
        ),
        (
            "https://youtu.be/dQw4w9WgXcQ?t=10",
            "iframe",
            "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ",
        ),
        (
            "https://m.youtube.com/watch?v=dQw4w9WgXcQ&list=x",
            "iframe",
            "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ",
        ),
        (
            "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ",
            "iframe",
            "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ",
        ),
        (
            "https://www.youtube.com/shorts/dQw4w9WgXcQ",
            "iframe",
            "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ",
        ),
        (
            "https://vimeo.com/76979871",
            "iframe",
            "https://player.vimeo.com/video/76979871?dnt=1",
        ),
        (
            "https://player.vimeo.com/video/76979871",
            "iframe",
            "https://player.vimeo.com/video/76979871?dnt=1",
        ),
        (
            "https://media.example.fi/videot/keskustelu.mp4",
            "file",
            "https://media.example.fi/videot/keskustelu.mp4",
        ),
        (
            "https://media.example.fi/v/keskustelu.WEBM",
            "file",
            "https://media.example.fi/v/keskustelu.WEBM",
        ),
    ],
)
def test_allowed_addresses_become_embeds(url, kind, src):
    """YouTube (privacy-enhanced), Vimeo and direct https files are embedded."""
    embed = video_embed(url)
    assert (embed.kind, embed.src) == (kind, src)


@pytest.mark.parametrize(
    "url",
    [
        "https://evil.example/watch?v=dQw4w9WgXcQ",
        "https://www.youtube.com.evil.example/watch?v=dQw4w9WgXcQ",
        "https://www.youtube.com/watch?v=short",
        'https://www.youtube.com/watch?v=dQw4w9WgXcQ"><script>',
        "javascript:alert(1)",
        "data:video/mp4;base64,AAAA",
        "http://media.example.fi/video.mp4",
        "https://media.example.fi/video.mp4.html",
        "https://vimeo.com/channels/staffpicks",
        "https://user:pw@vimeo.com/76979871",
        "ftp://vimeo.com/76979871",
        "",
    ],
)
def test_other_addresses_are_refused(url):
    """Anything outside the allow-list is refused with a clear message."""
    with pytest.raises(UnsupportedVideo):
        video_embed(url)
