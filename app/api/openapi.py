"""The OpenAPI 3.1 description of the API, built once from data.

Schemas are closed (no field outside them), so a test can validate real answers
against them (tests/api/test_openapi.py) and schemathesis can generate calls from
it. The summary's schema is docs/summary.schema.json itself, its ``$defs`` lifted
into ``components/schemas`` as ``Summary_<name>``.
"""

from __future__ import annotations

import copy
import json
from functools import cache
from pathlib import Path

from .responses import MAX_LIMIT

SUMMARY_SCHEMA = Path(__file__).resolve().parents[2] / "docs" / "summary.schema.json"

NULLABLE_STRING = {"type": ["string", "null"]}
DATETIME = {"type": ["string", "null"], "format": "date-time"}
ID = {"type": "integer", "minimum": 1}


def _ref(name: str) -> dict:
    return {"$ref": f"#/components/schemas/{name}"}


def _object(properties: dict, required: list | None = None) -> dict:
    return {
        "type": "object",
        "additionalProperties": False,
        "required": list(properties) if required is None else required,
        "properties": properties,
    }


def _rewrite_refs(node, prefix: str):
    if isinstance(node, dict):
        return {
            key: (
                value.replace("#/$defs/", f"#/components/schemas/{prefix}")
                if key == "$ref" and isinstance(value, str)
                else _rewrite_refs(value, prefix)
            )
            for key, value in node.items()
        }
    if isinstance(node, list):
        return [_rewrite_refs(item, prefix) for item in node]
    return node


def _summary_schemas() -> dict:
    schema = json.loads(SUMMARY_SCHEMA.read_text(encoding="utf-8"))
    schema = _rewrite_refs(schema, "Summary_")
    defs = schema.pop("$defs", {})
    for key in ("$schema", "$id"):
        schema.pop(key, None)
    schemas = {f"Summary_{name}": value for name, value in defs.items()}
    schemas["Summary"] = schema
    return schemas


def _schemas() -> dict:
    translated = {
        "type": "object",
        "description": "A text per language as written (only the languages written).",
        "additionalProperties": False,
        "properties": {lang: {"type": "string"} for lang in ("fi", "sv", "en")},
    }
    state = {"type": "string", "enum": ["not_open", "open", "closed"]}
    return {
        "TranslatedText": translated,
        "Error": _object(
            {
                "error": _object(
                    {
                        "status": {"type": "integer"},
                        "code": {
                            "type": "string",
                            "enum": [
                                "bad_request",
                                "unauthorized",
                                "invalid_token",
                                "forbidden",
                                "not_found",
                                "method_not_allowed",
                                "too_large",
                                "rate_limited",
                                "server_error",
                            ],
                        },
                        "message": {"type": "string"},
                    }
                )
            }
        ),
        "Index": _object(
            {
                "version": {"const": "1"},
                "links": _object(
                    {
                        "processes": {"type": "string"},
                        "openapi": {"type": "string"},
                        "docs": {"type": "string"},
                    }
                ),
            }
        ),
        "Process": _object(
            {
                "slug": {"type": "string"},
                "title": _ref("TranslatedText"),
                "description": _ref("TranslatedText"),
                "region": {"type": "string"},
                "language": {"type": "string", "enum": ["fi", "sv", "en"]},
                "public": {"type": "boolean"},
                "shows_names": {"type": "boolean"},
                "links": _object({"self": {"type": "string"}, "page": NULLABLE_STRING}),
            }
        ),
        "Phase": _object(
            {
                "id": ID,
                "position": {"type": "integer"},
                "kind": {
                    "type": "string",
                    "enum": ["seminar", "discussion", "followup", "survey"],
                },
                "title": _ref("TranslatedText"),
                "starts_at": DATETIME,
                "ends_at": DATETIME,
                "state": state,
            }
        ),
        "Prompt": _object(
            {
                "id": ID,
                "phase_id": ID,
                "position": {"type": "integer"},
                "question": _ref("TranslatedText"),
                "guidance": _ref("TranslatedText"),
            }
        ),
        "Theme": _object(
            {
                "id": ID,
                "position": {"type": "integer"},
                "title": _ref("TranslatedText"),
                "description": _ref("TranslatedText"),
            }
        ),
        "Comment": _object(
            {
                "id": ID,
                "phase_id": ID,
                "prompt_id": ID,
                "parent_id": {"type": ["integer", "null"]},
                "created_at": {"type": "string", "format": "date-time"},
                "group": {"type": "string"},
                "organisation": {"type": "string"},
                "author": {
                    "type": ["string", "null"],
                    "description": "Only when the process shows names.",
                },
                "text": {"type": "string", "description": "Markdown as written."},
                "html": {"type": "string", "description": "The cleaned HTML."},
                "themes": {
                    "type": "array",
                    "items": ID,
                    "description": "Ids of the themes a person confirmed.",
                },
            }
        ),
        "Ballot": _object(
            {
                "id": ID,
                "phase_id": ID,
                "title": _ref("TranslatedText"),
                "method": {"type": "string", "enum": ["pick", "points", "ranking"]},
                "opens_at": DATETIME,
                "closes_at": DATETIME,
                "state": state,
                "results": {
                    "oneOf": [
                        {"type": "null"},
                        _object(
                            {
                                "voters": {"type": "integer", "minimum": 0},
                                "rows": {
                                    "type": "array",
                                    "items": _object(
                                        {
                                            "theme_id": ID,
                                            "rank": {"type": "integer", "minimum": 1},
                                            "tied": {"type": "boolean"},
                                            "score": {"type": "integer"},
                                            "share": {
                                                "type": "number",
                                                "minimum": 0,
                                                "maximum": 1,
                                            },
                                            "organisations": {
                                                "type": "integer",
                                                "minimum": 0,
                                            },
                                        }
                                    ),
                                },
                            }
                        ),
                    ]
                },
            }
        ),
        "Indicator": _object(
            {
                "id": ID,
                "goal": _object({"id": ID, "title": _ref("TranslatedText")}),
                "position": {"type": "integer"},
                "title": _ref("TranslatedText"),
                "description": _ref("TranslatedText"),
                "unit": {"type": "string"},
                "direction": {"type": "string", "enum": ["higher", "lower"]},
                "source": {"type": "string", "enum": ["report", "survey", "manual"]},
                "period_kind": {
                    "type": "string",
                    "enum": ["school_year", "calendar_year"],
                },
                "targets": {
                    "type": "array",
                    "items": _object(
                        {"subgroup": {"type": "string"}, "value": {"type": "number"}}
                    ),
                },
                "values": {
                    "type": "array",
                    "items": _object(
                        {
                            "period": {"type": "string"},
                            "organisation": NULLABLE_STRING,
                            "area": {"type": "string"},
                            "subgroup": {"type": "string"},
                            "value": {"type": "number"},
                        }
                    ),
                },
            }
        ),
        **_summary_schemas(),
    }


def _list_of(name: str, paged: bool = False) -> dict:
    properties = {"data": {"type": "array", "items": _ref(name)}}
    if paged:
        properties["next_cursor"] = {
            "type": ["string", "null"],
            "description": "Give as ``cursor`` for the next page; null on the last.",
        }
    return _object(properties)


def _one(name: str) -> dict:
    return _object({"data": _ref(name)})


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
        "content": {"application/json": {"schema": _ref("Error")}},
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
                "getIndex", "Where everything is", _ref("Index"), [], process=False
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
            "schemas": _schemas(),
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
