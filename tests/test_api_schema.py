"""The API against its own OpenAPI document (/openapi.json): schemathesis generates requests from it, valid
and invalid, and checks every answer with its default checks: no 5xx, status codes, headers and bodies as
documented, invalid data refused, valid data accepted, 405s with their Allow header. Bounded (25 examples
per operation, derandomized) to run in seconds on the store of the bundled examples."""

import warnings

import jsonschema_rs  # schemathesis's own JSON Schema validator
import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import positive_data_acceptance

from api_store import example_store

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

from whowhom.api import create_app

# schemathesis's test client sends "Host: testserver": this app answers it. The schema is loaded here, not
# from a fixture: schemathesis.pytest.from_fixture fails under pytest 9 (it reads a removed attribute).
APP = create_app(example_store(), allowed_hosts=["testserver"])
schema = schemathesis.openapi.from_asgi("/openapi.json", APP)


@schema.parametrize()
@settings(max_examples=25, derandomize=True, database=None, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
def test_api_answers_as_its_openapi_document_says(case):
    # since after until is refused (422) by design: a rule between two parameters, which no OpenAPI schema states
    since, until = (case.query or {}).get("since"), (case.query or {}).get("until")
    reversed_dates = isinstance(since, str) and isinstance(until, str) and since > until
    case.call_and_validate(excluded_checks=[positive_data_acceptance] if reversed_dates else [])


@pytest.fixture(scope="module")
def doc():
    return TestClient(APP).get("/openapi.json").json()


def test_every_operation_declares_the_error_body(doc):
    assert "HTTPValidationError" not in doc["components"]["schemas"]  # FastAPI's, which the app never sends
    for path, operations in doc["paths"].items():
        for method, op in operations.items():
            for status in ("4XX", "5XX"):
                assert op["responses"][status]["content"]["application/json"]["schema"] == {
                    "$ref": "#/components/schemas/Error"}, (method, path, status)
            assert "$ref" in op["responses"]["200"]["content"]["application/json"]["schema"], (method, path)


@pytest.mark.parametrize("method, url, kwargs", [
    ("GET", "/api/events?limit=0", {}),
    ("GET", "/api/events?since=2024-01-01&until=2023-01-01", {}),
    ("GET", "/api/articles/no-such-article", {}),
    ("GET", "/api/nothing-here", {}),
    ("DELETE", "/api/events", {}),
    ("POST", "/api/code", {"json": {}}),
    ("POST", "/api/code", {"content": b"{not json", "headers": {"content-type": "application/json"}}),
    ("POST", "/api/code", {"content": b"x" * 2_000_000}),
])
def test_error_bodies_are_the_declared_error(doc, method, url, kwargs):
    r = TestClient(APP).request(method, url, **kwargs)
    assert 400 <= r.status_code < 500
    # the Error schema, with the document's components for its references to resolve in
    jsonschema_rs.validate({"$ref": "#/components/schemas/Error", "components": doc["components"]}, r.json())
