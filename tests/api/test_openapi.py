"""The OpenAPI 3.1 document describes the real answers: each endpoint's answers
(200 and errors) validate against the schema the document gives for them."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from jsonschema.validators import Draft202012Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from app.tokens.services import create_token

API = "/api/v1"
BASE = "urn:osallistamo:openapi"


@pytest.fixture()
def document(client):
    response = client.get(f"{API}/openapi.json")
    assert response.status_code == 200
    return response.json


def _validator(document, schema):
    """A validator of ``schema`` whose "#/components/..." references are looked up
    in the document."""
    resource = Resource(contents=document, specification=DRAFT202012)
    registry = Registry().with_resource(BASE, resource)
    return Draft202012Validator(
        _rebased(schema),
        registry=registry,
        format_checker=Draft202012Validator.FORMAT_CHECKER,
    )


def _rebased(node):
    if isinstance(node, dict):
        return {
            key: (
                BASE + value
                if key == "$ref" and value.startswith("#")
                else _rebased(value)
            )
            for key, value in node.items()
        }
    if isinstance(node, list):
        return [_rebased(item) for item in node]
    return node


def _check(document, path_template, response):
    operation = document["paths"][path_template]["get"]
    status = str(response.status_code)
    assert status in operation["responses"], (path_template, status)
    if status == "304":
        return
    content = operation["responses"][status]["content"]["application/json"]
    errors = list(_validator(document, content["schema"]).iter_errors(response.json))
    assert not errors, (path_template, status, [e.message for e in errors[:5]])


def test_document_is_openapi_3_1(document):
    assert document["openapi"].startswith("3.1")
    Draft202012Validator.check_schema(document["components"]["schemas"]["Summary"])
    for schema in document["components"]["schemas"].values():
        Draft202012Validator.check_schema(schema)


def test_real_answers_match_the_document(client, db, document, open_world):
    slug = open_world.process.slug
    calls = {
        "/": [f"{API}/"],
        "/processes": [f"{API}/processes", f"{API}/processes?limit=1"],
        "/processes/{slug}": [f"{API}/processes/{slug}", f"{API}/processes/toinen"],
        "/processes/{slug}/phases": [f"{API}/processes/{slug}/phases"],
        "/processes/{slug}/prompts": [f"{API}/processes/{slug}/prompts"],
        "/processes/{slug}/themes": [f"{API}/processes/{slug}/themes"],
        "/processes/{slug}/comments": [
            f"{API}/processes/{slug}/comments",
            f"{API}/processes/{slug}/comments?limit=2",
            f"{API}/processes/{slug}/comments?limit=0",
            f"{API}/processes/{slug}/comments?cursor=zzz",
        ],
        "/processes/{slug}/ballots": [f"{API}/processes/{slug}/ballots"],
        "/processes/{slug}/summary": [
            f"{API}/processes/{slug}/summary",
            f"{API}/processes/{slug}/summary?lang=sv&phase={open_world.phase.id}",
            f"{API}/processes/{slug}/summary?lang=xx",
        ],
        "/processes/{slug}/indicators": [f"{API}/processes/{slug}/indicators"],
    }
    assert set(calls) == set(document["paths"])
    for template, urls in calls.items():
        for url in urls:
            _check(document, template, client.get(url))
    # With a token, and with a bad one.
    _token, text = create_token(
        open_world.facilitator,
        name="t",
        processes=[open_world.process],
        days=1,
        now=datetime.now(UTC),
    )
    db.session.commit()
    for template in calls:
        url = f"{API}{template.replace('{slug}', slug)}"
        _check(
            document,
            template,
            client.get(url, headers={"Authorization": f"Bearer {text}"}),
        )
        _check(
            document,
            template,
            client.get(url, headers={"Authorization": "Bearer nope"}),
        )


def test_the_check_would_catch_a_wrong_answer(document):
    """The validator really follows the document's references (closed schemas)."""
    operation = document["paths"]["/processes/{slug}/comments"]["get"]
    schema = operation["responses"]["200"]["content"]["application/json"]["schema"]
    wrong = {"data": [{"id": 1, "extra": True}], "next_cursor": None}
    assert list(_validator(document, schema).iter_errors(wrong))
    summary = document["paths"]["/processes/{slug}/summary"]["get"]
    schema = summary["responses"]["200"]["content"]["application/json"]["schema"]
    assert list(_validator(document, schema).iter_errors({"data": {"format": "x"}}))
