"""Small helpers shared by the process tests."""

from __future__ import annotations

from urllib.parse import urlsplit


def redirect_path(response) -> str:
    """The path a redirect points to, without host or query."""
    return urlsplit(response.headers["Location"]).path


#: Who may use a facilitator's set-up screens, and who is refused (403).
MANAGERS = ["admin", "facilitator"]
REFUSED = ["participant", "observer", "other_facilitator"]
