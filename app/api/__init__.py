"""The read-only open-data API, version 1 (issue 18), under ``/api/v1``.

JSON only: processes, phases, prompts, themes, visible comments with their confirmed
themes (cursor-paginated), ballot results, the summary (the exports' data object)
and indicators with targets and values. Public processes are read without a key;
others with a personal token (``Authorization: Bearer ...``, app/tokens). Every
answer has an ETag (304 when unchanged) and a Cache-Control; errors have one shape
(``{"error": {"status", "code", "message"}}``); calls are rate-limited; CORS is off
unless ``API_CORS_ORIGINS`` names origins. The OpenAPI 3.1 description is
``/api/v1/openapi.json`` (``openapi.py``) and the page for people ``/api/v1/docs``.
"""

from flask import Blueprint

from ..extensions import limiter
from .auth import InvalidToken, api_limit, rate_limit_key
from .responses import add_cors, invalid_token

bp = Blueprint("api", __name__)
limiter.limit(api_limit, key_func=rate_limit_key)(bp)
bp.after_request(add_cors)
bp.register_error_handler(InvalidToken, invalid_token)

from . import routes, routes_docs
