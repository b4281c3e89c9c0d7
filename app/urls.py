"""Safe redirects (only ever back to a path on this site) and absolute links for mail."""

from __future__ import annotations

from urllib.parse import urlsplit

from flask import current_app, has_request_context, url_for


def safe_next(target: str | None, default_endpoint: str = "main.index") -> str:
    """Return ``target`` if it is a local path, otherwise the default page's URL.

    A target with a control character (CR/LF would split the Location header) or
    another unprintable one is refused like a foreign address.
    """
    if target and target.isprintable():
        parts = urlsplit(target)
        if (
            not parts.scheme
            and not parts.netloc
            and target.startswith("/")
            and not target.startswith("//")
            and "\\" not in target
        ):
            return target
    return url_for(default_endpoint)


#: Where links printed by CLI commands point when BASE_URL is not set (``make run``).
CLI_BASE_URL = "http://127.0.0.1:5000"


def external_url(endpoint: str, **values) -> str:
    """Return an absolute URL for mail and the CLI: BASE_URL first, else the request's host.

    Outside a request (CLI commands) without BASE_URL, the development server's address.
    """
    base = current_app.config.get("BASE_URL", "").rstrip("/")
    if not base and has_request_context():
        return url_for(endpoint, _external=True, **values)
    path = current_app.url_map.bind("localhost").build(endpoint, values)
    return f"{base or CLI_BASE_URL}{path}"
