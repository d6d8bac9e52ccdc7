"""The JSON API against its own OpenAPI description, by schemathesis: every generated request
(valid and invalid filters, pages, ids, review bodies) gets a documented status and a body that
matches the schema, and none makes the server fail. Bounded examples, fixed seed.

Operations are driven from inside one test (not schemathesis' pytest fixture loader, which
does not run under this pytest), so the schema comes from an app on a real store.
"""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis.generation import GenerationMode

from aidledger.web.app import WebConfig, create_app

EXAMPLES = {GenerationMode.POSITIVE: 15, GenerationMode.NEGATIVE: 10}


@pytest.fixture(scope="module")
def api_schema(store_url: str):
    app = create_app(WebConfig(store_url, "schema-test-token"))
    return schemathesis.openapi.from_asgi("/api/openapi.json", app)


def operations(schema) -> list:
    return [result.ok() for result in schema.get_all_operations()]


def test_the_description_covers_every_api_route(api_schema):
    paths = {(op.method.upper(), op.path) for op in operations(api_schema)}
    assert paths == {("GET", "/api/donations"), ("GET", "/api/donations/{donation_id}"),
                     ("GET", "/api/facets"), ("GET", "/api/totals"), ("GET", "/api/health"),
                     ("GET", "/api/review"), ("POST", "/api/review")}


@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE])
def test_api_conforms_to_its_openapi_description(api_schema, mode):
    checked, unsatisfiable = 0, []
    for op in operations(api_schema):
        @given(case=op.as_strategy(generation_mode=mode))
        @settings(max_examples=EXAMPLES[mode], derandomize=True, deadline=None, database=None,
                  suppress_health_check=list(HealthCheck))
        def check(case) -> None:
            case.call_and_validate()

        try:
            check()
            checked += 1
        except Unsatisfiable:  # no parameter to make invalid (e.g. GET /api/health)
            assert mode is GenerationMode.NEGATIVE, op.path
            unsatisfiable.append(op.path)
    assert unsatisfiable in ([], ["/api/health"]) and checked >= 6
