"""How every API answer is sent: JSON with an ETag (304 when unchanged), a cache
policy, CORS when configured; errors in one shape; cursors for long lists."""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
from typing import Any

from flask import Response, abort, current_app, jsonify, request
from flask_babel import gettext as _

from ..requests import parse_id

#: Lists give this many items unless ``limit`` asks for 1 to MAX_LIMIT.
DEFAULT_LIMIT = 50
MAX_LIMIT = 200


def _body(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True)


def json_response(data: Any, *, shared: bool, tag_data: Any = None) -> Response:
    """The data as JSON with a strong ETag of its bytes; 304 when the client has it.

    ``shared``: anyone may read it (a public process without a token), so proxies
    may keep it a minute; otherwise (a token's reading) only the caller's own
    cache, and it asks again every time. ``tag_data``: what the ETag is of, when
    the body holds something that changes on every call (the time it was made).
    """
    body = _body(data).encode("utf-8")
    tagged = body if tag_data is None else _body(tag_data).encode("utf-8")
    tag = hashlib.sha256(tagged).hexdigest()[:32]
    if request.if_none_match.contains(tag) or request.if_none_match.contains_weak(tag):
        response = Response(status=304)
    else:
        response = Response(body, mimetype="application/json")
    response.set_etag(tag)
    if shared:
        response.headers["Cache-Control"] = (
            f"public, max-age={current_app.config['API_CACHE_SECONDS']}"
        )
    else:
        response.headers["Cache-Control"] = "private, no-cache"
    response.vary.update(("Authorization", "Accept-Language"))
    return response


def error_body(status: int, code: str, message: str) -> dict:
    return {"error": {"status": status, "code": code, "message": message}}


def limit_arg() -> int:
    """``limit`` of a list: 1 to MAX_LIMIT (default DEFAULT_LIMIT); else 400."""
    text = request.args.get("limit")
    if text is None:
        return DEFAULT_LIMIT
    value = parse_id(text)
    if value is None or value > MAX_LIMIT:
        abort(400, description=f"limit must be a whole number from 1 to {MAX_LIMIT}")
    return value


def encode_cursor(last_id: int) -> str:
    """An opaque cursor: where the next page starts (after this id)."""
    return base64.urlsafe_b64encode(f"after:{last_id}".encode()).decode().rstrip("=")


def cursor_arg() -> int:
    """The id after which the page starts (0: from the beginning); a cursor that was
    not given by the API is a 400."""
    text = request.args.get("cursor")
    if not text:
        return 0
    try:
        decoded = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4)).decode()
    except (binascii.Error, UnicodeDecodeError, ValueError):
        decoded = ""
    prefix, _, number = decoded.partition(":")
    value = parse_id(number)
    if prefix != "after" or value is None:
        abort(400, description="cursor is not one this API gave")
    return value


def page_of(
    items: list, limit: int, *, key=lambda item: item.id
) -> tuple[list, str | None]:
    """The page (``limit`` items of the ``limit + 1`` read) and the next cursor."""
    if len(items) > limit:
        items = items[:limit]
        return items, encode_cursor(key(items[-1]))
    return items, None


def add_cors(response: Response) -> Response:
    """Allow the configured origins (``API_CORS_ORIGINS``: "*" or a comma list);
    nothing is added by default, so browsers on other sites cannot read the API."""
    setting = (current_app.config.get("API_CORS_ORIGINS") or "").strip()
    origin = request.headers.get("Origin")
    if not setting or not origin:
        return response
    allowed = {item.strip() for item in setting.split(",") if item.strip()}
    if "*" in allowed:
        response.headers["Access-Control-Allow-Origin"] = "*"
    elif origin in allowed:
        response.headers["Access-Control-Allow-Origin"] = origin
        response.vary.add("Origin")
    else:
        return response
    response.headers["Access-Control-Allow-Headers"] = "Authorization, If-None-Match"
    response.headers["Access-Control-Allow-Methods"] = "GET, HEAD, OPTIONS"
    response.headers["Access-Control-Expose-Headers"] = (
        "ETag, Retry-After, X-RateLimit-Limit, X-RateLimit-Remaining, X-RateLimit-Reset"
    )
    response.headers["Access-Control-Max-Age"] = "600"
    return response


def invalid_token(error) -> Response:
    """401 for a Bearer token that is unknown, revoked or expired."""
    response = jsonify(
        error_body(
            401, "invalid_token", _("The API token is unknown, revoked or expired.")
        )
    )
    response.status_code = 401
    response.headers["WWW-Authenticate"] = 'Bearer error="invalid_token"'
    return response
