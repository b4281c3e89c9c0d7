"""Safe redirects (only ever back to a path on this site) and absolute links for mail."""

from __future__ import annotations

from urllib.parse import urlsplit

from flask import current_app, url_for


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


#: Where links point when BASE_URL is not set: the development server (``make run``).
#: Production refuses to start without BASE_URL (config.ProductionConfig.check).
LOCAL_BASE_URL = "http://127.0.0.1:5000"


def external_url(endpoint: str, **values) -> str:
    """Return an absolute URL for mail, pages that show a link to copy, and the CLI.

    Always built on BASE_URL (else the local default), never on the request's Host or
    X-Forwarded-Host: a visitor choosing those headers must not choose where a
    password-reset or invitation link points.
    """
    base = current_app.config.get("BASE_URL", "").rstrip("/") or LOCAL_BASE_URL
    path = current_app.url_map.bind("localhost").build(endpoint, values)
    return f"{base}{path}"
