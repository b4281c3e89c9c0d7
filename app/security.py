"""Security headers on every response: CSP without inline script, and friends."""

from __future__ import annotations

import re

from flask import Flask, Response, current_app, request
from flask_login import current_user

from .discussions.video import FRAME_HOSTS

#: The Content-Security-Policy as data, so later features can add their sources
#: (online discussions add their video hosts to frame-src).
DEFAULT_CSP = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'"],
    "img-src": ["'self'", "data:"],
    "font-src": ["'self'"],
    "connect-src": ["'self'"],
    "media-src": ["'self'"],
    # Only the privacy-enhanced players of the video allow-list (app/discussions/video.py).
    "frame-src": list(FRAME_HOSTS),
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
}


def build_csp(policy: dict[str, list[str]]) -> str:
    return "; ".join(f"{name} {' '.join(values)}" for name, values in policy.items())


#: The only kind of source a page may add: an https origin (scheme://host[:port]),
#: never a path, a wildcard, a quote, a space or a semicolon.
_ORIGIN = re.compile(r"https://[a-z0-9.-]+(?::[0-9]{1,5})?")


def csp_with(**extra_sources: list[str]) -> str:
    """The app's policy with sources added for one page (e.g. ``media_src=[origin]``).

    A source that is not a plain https origin is left out, so an address stored in
    the database can add nothing else to the policy.
    """
    policy = dict(current_app.extensions["csp_policy"])
    for name, sources in extra_sources.items():
        directive = name.replace("_", "-")
        allowed = [source for source in sources if _ORIGIN.fullmatch(source)]
        policy[directive] = [*policy.get(directive, []), *allowed]
    return build_csp(policy)


def set_cache_policy(response: Response) -> None:
    """Keep pages out of every cache, browsers' back-forward stores and proxies alike.

    A signed-in page may show invite codes, one's own data or results not yet
    published, and every form carries a session's CSRF token: ``no-store``, whatever
    the view said (live views still answer 304 to the ETag their script sends).
    Static files keep their caching; a view that chose a policy for anonymous
    readers keeps it.
    """
    if request.endpoint == "static":
        return
    # is_anonymous is a constant of the class: is_authenticated would read the
    # account's row, which a view's commit has expired (on a POST, a second
    # transaction and, on SQLite, a second write lock only for this header).
    signed_in = not getattr(current_user, "is_anonymous", True)
    if signed_in or "Cache-Control" not in response.headers:
        response.headers["Cache-Control"] = "no-store"


def register_security_headers(app: Flask) -> None:
    policy = {**DEFAULT_CSP, **app.config.get("CSP_OVERRIDES", {})}
    app.extensions["csp_policy"] = policy
    csp = build_csp(policy)
    production = app.config.get("ENV_NAME") == "production"

    @app.after_request
    def _set_headers(response: Response) -> Response:
        headers = response.headers
        headers.setdefault("Content-Security-Policy", csp)
        headers.setdefault("X-Content-Type-Options", "nosniff")
        headers.setdefault("Referrer-Policy", "strict-origin-when-cross-origin")
        headers.setdefault("X-Frame-Options", "DENY")
        headers.setdefault(
            "Permissions-Policy", "camera=(), microphone=(), geolocation=()"
        )
        headers.setdefault("Cross-Origin-Opener-Policy", "same-origin")
        set_cache_policy(response)
        if production:
            headers.setdefault(
                "Strict-Transport-Security", "max-age=31536000; includeSubDomains"
            )
        return response
