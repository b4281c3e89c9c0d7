"""Turning a video address into an embed, from an allow-list of hosts only.

YouTube becomes its privacy-enhanced player (youtube-nocookie.com), Vimeo its player
with do-not-track, and a direct https .mp4/.webm file a native <video>. Anything else
is refused: the page never frames an address a facilitator typed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import parse_qs, urlsplit

from flask_babel import lazy_gettext as _l

from ..errors import DomainError

#: The only hosts the Content-Security-Policy lets the pages frame.
FRAME_HOSTS = ("https://www.youtube-nocookie.com", "https://player.vimeo.com")

YOUTUBE_HOSTS = {
    "youtube.com",
    "www.youtube.com",
    "m.youtube.com",
    "youtube-nocookie.com",
    "www.youtube-nocookie.com",
}
VIMEO_HOSTS = {"vimeo.com", "www.vimeo.com", "player.vimeo.com"}
YOUTUBE_ID = re.compile(r"^[A-Za-z0-9_-]{11}$")
VIMEO_ID = re.compile(r"^[0-9]{1,12}$")
#: A video file's host: letters, digits, dots and hyphens only, so its origin can
#: add nothing to the Content-Security-Policy but itself.
FILE_HOST = re.compile(
    r"^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$"
)
VIDEO_FILE = re.compile(r"\.(mp4|webm)$", re.IGNORECASE)


class UnsupportedVideo(
    DomainError,
    message=_l(
        "Use a YouTube or Vimeo address, or a direct https link to an .mp4 or .webm file."
    ),
): ...


@dataclass(frozen=True)
class VideoEmbed:
    kind: str  #: "iframe" or "file"
    src: str

    @property
    def origin(self) -> str:
        parts = urlsplit(self.src)
        return f"{parts.scheme}://{parts.netloc}"


def _youtube_id(host: str, path: str, query: str) -> str | None:
    if host == "youtu.be":
        return path.strip("/").split("/")[0]
    if host in YOUTUBE_HOSTS:
        if path == "/watch":
            return (parse_qs(query).get("v") or [""])[0]
        for prefix in ("/embed/", "/shorts/", "/live/"):
            if path.startswith(prefix):
                return path[len(prefix) :].split("/")[0]
    return None


def _vimeo_id(host: str, path: str) -> str | None:
    if host not in VIMEO_HOSTS:
        return None
    segments = [s for s in path.split("/") if s]
    if host == "player.vimeo.com" and len(segments) == 2 and segments[0] == "video":
        return segments[1]
    return segments[0] if len(segments) == 1 else None


def video_embed(url: str) -> VideoEmbed:
    """Return the embed for an allowed video address.

    :raises UnsupportedVideo: for any other address.
    """
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        raise UnsupportedVideo() from None
    if parts.scheme not in ("http", "https") or parts.username or parts.password:
        raise UnsupportedVideo()
    host = (parts.hostname or "").lower()
    youtube = _youtube_id(host, parts.path, parts.query)
    if youtube is not None:
        if not YOUTUBE_ID.match(youtube):
            raise UnsupportedVideo()
        return VideoEmbed("iframe", f"https://www.youtube-nocookie.com/embed/{youtube}")
    vimeo = _vimeo_id(host, parts.path)
    if vimeo is not None:
        if not VIMEO_ID.match(vimeo):
            raise UnsupportedVideo()
        return VideoEmbed("iframe", f"https://player.vimeo.com/video/{vimeo}?dnt=1")
    if (
        parts.scheme == "https"
        and FILE_HOST.match(host)
        and VIDEO_FILE.search(parts.path)
    ):
        try:
            port = f":{parts.port}" if parts.port else ""
        except ValueError:  # a port that is not a number from 0 to 65535
            raise UnsupportedVideo() from None
        query = f"?{parts.query}" if parts.query else ""
        return VideoEmbed("file", f"https://{host}{port}{parts.path}{query}")
    raise UnsupportedVideo()
