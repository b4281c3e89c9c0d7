"""Property-based calls generated from the OpenAPI document (schemathesis): no
answer is a server error, and every answer conforms to the document (status,
content type, schema). Kept short for CI: a few examples per operation, against
the known public process under the document's example address (keski-uusimaa)."""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.specs.openapi.checks import positive_data_acceptance

#: Generated calls per operation: enough to vary every parameter, quick in CI.
EXAMPLES = 25


@pytest.fixture()
def api_schema(app, db, open_world):
    open_world.process.slug = "keski-uusimaa"
    db.session.commit()
    # Many calls in a few seconds: the limit is tested elsewhere.
    app.config["API_RATE_LIMIT"] = "100000 per minute"
    return schemathesis.openapi.from_wsgi("/api/v1/openapi.json", app)


def _generated_calls(operation, excluded: list) -> None:
    @given(case=operation.as_strategy())
    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    def call(case):
        case.call_and_validate(excluded_checks=excluded)

    call()


def test_api_conforms_to_its_document(api_schema):
    """Every operation of the document, a few generated calls each."""
    operations = [result.ok() for result in api_schema.get_all_operations()]
    assert len(operations) == 10
    for operation in operations:
        # A cursor is opaque: one the API did not give is refused (400), which
        # the schema (any string) cannot say; elsewhere valid data must pass.
        paged = any(p.name == "cursor" for p in operation.query)
        _generated_calls(operation, [positive_data_acceptance] if paged else [])
