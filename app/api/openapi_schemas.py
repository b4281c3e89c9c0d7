"""The schemas of the OpenAPI document: every JSON object the API answers with,
closed (no field outside them). The summary's schema is docs/summary.schema.json
itself, its ``$defs`` lifted into ``components/schemas`` as ``Summary_<name>``."""

from __future__ import annotations

import json
from pathlib import Path

SUMMARY_SCHEMA = Path(__file__).resolve().parents[2] / "docs" / "summary.schema.json"

NULLABLE_STRING = {"type": ["string", "null"]}
DATETIME = {"type": ["string", "null"], "format": "date-time"}
ID = {"type": "integer", "minimum": 1}


def ref(name: str) -> dict:
    return {"$ref": f"#/components/schemas/{name}"}


def closed_object(properties: dict, required: list | None = None) -> dict:
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


def schemas() -> dict:
    """``components/schemas`` of the document."""
    translated = {
        "type": "object",
        "description": "A text per language as written (only the languages written).",
        "additionalProperties": False,
        "properties": {lang: {"type": "string"} for lang in ("fi", "sv", "en")},
    }
    state = {"type": "string", "enum": ["not_open", "open", "closed"]}
    return {
        "TranslatedText": translated,
        "Error": closed_object(
            {
                "error": closed_object(
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
        "Index": closed_object(
            {
                "version": {"const": "1"},
                "links": closed_object(
                    {
                        "processes": {"type": "string"},
                        "openapi": {"type": "string"},
                        "docs": {"type": "string"},
                    }
                ),
            }
        ),
        "Process": closed_object(
            {
                "slug": {"type": "string"},
                "title": ref("TranslatedText"),
                "description": ref("TranslatedText"),
                "region": {"type": "string"},
                "language": {"type": "string", "enum": ["fi", "sv", "en"]},
                "public": {"type": "boolean"},
                "shows_names": {"type": "boolean"},
                "links": closed_object(
                    {"self": {"type": "string"}, "page": NULLABLE_STRING}
                ),
            }
        ),
        "Phase": closed_object(
            {
                "id": ID,
                "position": {"type": "integer"},
                "kind": {
                    "type": "string",
                    "enum": ["seminar", "discussion", "followup", "survey"],
                },
                "title": ref("TranslatedText"),
                "starts_at": DATETIME,
                "ends_at": DATETIME,
                "state": state,
            }
        ),
        "Prompt": closed_object(
            {
                "id": ID,
                "phase_id": ID,
                "position": {"type": "integer"},
                "question": ref("TranslatedText"),
                "guidance": ref("TranslatedText"),
            }
        ),
        "Theme": closed_object(
            {
                "id": ID,
                "position": {"type": "integer"},
                "title": ref("TranslatedText"),
                "description": ref("TranslatedText"),
            }
        ),
        "Comment": closed_object(
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
        "Ballot": closed_object(
            {
                "id": ID,
                "phase_id": ID,
                "title": ref("TranslatedText"),
                "method": {"type": "string", "enum": ["pick", "points", "ranking"]},
                "opens_at": DATETIME,
                "closes_at": DATETIME,
                "state": state,
                "results": {
                    "oneOf": [
                        {"type": "null"},
                        closed_object(
                            {
                                "voters": {"type": "integer", "minimum": 0},
                                "rows": {
                                    "type": "array",
                                    "items": closed_object(
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
        "Indicator": closed_object(
            {
                "id": ID,
                "goal": closed_object({"id": ID, "title": ref("TranslatedText")}),
                "position": {"type": "integer"},
                "title": ref("TranslatedText"),
                "description": ref("TranslatedText"),
                "unit": {"type": "string"},
                "direction": {"type": "string", "enum": ["higher", "lower"]},
                "source": {"type": "string", "enum": ["report", "survey", "manual"]},
                "period_kind": {
                    "type": "string",
                    "enum": ["school_year", "calendar_year"],
                },
                "targets": {
                    "type": "array",
                    "items": closed_object(
                        {"subgroup": {"type": "string"}, "value": {"type": "number"}}
                    ),
                },
                "values": {
                    "type": "array",
                    "items": closed_object(
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
