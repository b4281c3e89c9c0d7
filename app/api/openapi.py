"""The OpenAPI 3.1 description of the API, built once from data.

The schemas (``openapi_schemas.py``) are closed, so a test validates real answers
against them (tests/api/test_openapi.py) and schemathesis generates calls from the
document (tests/api/test_schemathesis.py).
"""

from __future__ import annotations

import copy
from functools import cache

from .openapi_schemas import closed_object, ref, schemas
from .responses import MAX_LIMIT


def _list_of(name: str, paged: bool = False) -> dict:
    properties = {"data": {"type": "array", "items": ref(name)}}
    if paged:
        properties["next_cursor"] = {
            "type": ["string", "null"],
            "description": "Give as ``cursor`` for the next page; null on the last.",
        }
    return closed_object(properties)


def _one(name: str) -> dict:
    return closed_object({"data": ref(name)})


PARAMETERS = {
    "slug": {
        "name": "slug",
        "in": "path",
        "required": True,
        "description": "The process's address name, e.g. keski-uusimaa.",
        "schema": {"type": "string", "pattern": "^[a-z0-9-]{1,80}$"},
        "example": "keski-uusimaa",
    },
    "limit": {
        "name": "limit",
        "in": "query",
        "description": f"Items per page, 1 to {MAX_LIMIT} (default 50).",
        "schema": {"type": "integer", "minimum": 1, "maximum": MAX_LIMIT},
    },
    "cursor": {
        "name": "cursor",
        "in": "query",
        "description": "The ``next_cursor`` of the previous page.",
        "schema": {"type": "string"},
    },
    "phase": {
        "name": "phase",
        "in": "query",
        "description": "Only this phase (its id).",
        "schema": {"type": "integer", "minimum": 1},
    },
    "lang": {
        "name": "lang",
        "in": "query",
        "description": "The summary's language (default: the process's).",
        "schema": {"type": "string", "enum": ["fi", "sv", "en"]},
    },
}


def _error(description: str) -> dict:
    return {
        "description": description,
        "content": {"application/json": {"schema": ref("Error")}},
    }


def _operation(
    operation_id: str,
    summary: str,
    schema: dict,
    params: list[str],
    *,
    description: str = "",
    process: bool = True,
) -> dict:
    responses = {
        "200": {
            "description": "OK",
            "headers": {
                "ETag": {"schema": {"type": "string"}},
                "Cache-Control": {"schema": {"type": "string"}},
            },
            "content": {"application/json": {"schema": schema}},
        },
        "304": {"description": "Not modified: the ETag given in If-None-Match."},
        "400": _error("A parameter is not valid."),
        "401": _error("The Bearer token is unknown, revoked or expired."),
        "429": _error("Too many calls: wait as Retry-After says."),
    }
    if process:
        responses["404"] = _error(
            "No such process, or not readable without a token covering it."
        )
    return {
        "operationId": operation_id,
        "summary": summary,
        "description": description or summary,
        "parameters": [_ref_param(name) for name in params],
        "responses": responses,
    }


def _ref_param(name: str) -> dict:
    return {"$ref": f"#/components/parameters/{name}"}


@cache
def _document() -> dict:
    process_path = "/processes/{slug}"
    paths = {
        "/": {
            "get": _operation(
                "getIndex", "Where everything is", ref("Index"), [], process=False
            )
        },
        "/processes": {
            "get": _operation(
                "listProcesses",
                "Processes the caller reads",
                _list_of("Process", paged=True),
                ["limit", "cursor"],
                description="Public processes, and those the token covers.",
                process=False,
            )
        },
        process_path: {
            "get": _operation("getProcess", "A process", _one("Process"), ["slug"])
        },
        f"{process_path}/phases": {
            "get": _operation(
                "listPhases", "Phases and their dates", _list_of("Phase"), ["slug"]
            )
        },
        f"{process_path}/prompts": {
            "get": _operation(
                "listPrompts", "Discussion questions", _list_of("Prompt"), ["slug"]
            )
        },
        f"{process_path}/themes": {
            "get": _operation(
                "listThemes", "Development themes", _list_of("Theme"), ["slug"]
            )
        },
        f"{process_path}/comments": {
            "get": _operation(
                "listComments",
                "Visible comments with their confirmed themes",
                _list_of("Comment", paged=True),
                ["slug", "limit", "cursor", "phase"],
                description=(
                    "Oldest first. Without a token only comments of discussions that "
                    "have closed; hidden and deleted comments never; names only when "
                    "the process shows names."
                ),
            )
        },
        f"{process_path}/ballots": {
            "get": _operation(
                "listBallots",
                "Ballots and their results",
                _list_of("Ballot"),
                ["slug"],
                description="Results once a ballot has closed (a token: any time).",
            )
        },
        f"{process_path}/summary": {
            "get": _operation(
                "getSummary",
                "The themed summary (the exports' data object)",
                _one("Summary"),
                ["slug", "phase", "lang"],
                description=(
                    "The same object as the JSON export (summary.schema.json). "
                    "Without a token: once nothing in its scope is running (404 "
                    "before that)."
                ),
            )
        },
        f"{process_path}/indicators": {
            "get": _operation(
                "listIndicators",
                "Indicators with targets and values",
                _list_of("Indicator"),
                ["slug"],
            )
        },
    }
    return {
        "openapi": "3.1.0",
        "jsonSchemaDialect": "https://spec.openapis.org/oas/3.1/dialect/base",
        "info": {
            "title": "Osallistamo open data API",
            "version": "1.0.0",
            "description": (
                "Read-only data of participatory processes: public processes without "
                "a key, others with a personal token (Authorization: Bearer)."
            ),
        },
        "servers": [{"url": "/api/v1"}],
        "security": [{}, {"bearerAuth": []}],
        "paths": paths,
        "components": {
            "schemas": schemas(),
            "parameters": PARAMETERS,
            "securitySchemes": {
                "bearerAuth": {
                    "type": "http",
                    "scheme": "bearer",
                    "description": "A personal API token made on the API tokens page.",
                }
            },
        },
    }


def openapi_document() -> dict:
    """A copy of the document (callers may add the server's address)."""
    return copy.deepcopy(_document())
