"""Hostile input loses nothing (issue 20): what the server answers to requests and data meant to harm it or
its users. Hostile URLs shown in a browser are tested in test_browser.py; the API against its OpenAPI
document in test_api_schema.py."""

import asyncio
import base64
import hashlib
import json
import re
import select
import socket
import threading
import time
import warnings

import httpx
import pytest

from api_store import DYAD, example_store

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

from whowhom.api import create_app
from whowhom.api.coding import MAX_BYTES

A, B = DYAD
LOCAL = "http://localhost"
HOSTILE_URL = "javascript:alert(document.domain)"


@pytest.fixture(scope="module")
def db():
    return example_store()


@pytest.fixture(scope="module")
def app(db):
    return create_app(db)


@pytest.fixture(scope="module")
def client(app):
    return TestClient(app, base_url=LOCAL, raise_server_exceptions=False)


def hostile_store(path):
    """A store at `path` whose article has a javascript: URL, as a JSON Lines or a WARC record may give it;
    its one event is A -> B. (Also test_browser.py's.)"""
    from test_store import article, event
    from whowhom.pipeline import Coded
    from whowhom.store import Store

    with Store(path) as st:
        st.add([Coded(article("h1", "2024-01-15", url=HOSTILE_URL), [event(A, B)])])
    return path


@pytest.fixture(scope="module")
def hostile_db(tmp_path_factory):
    return hostile_store(tmp_path_factory.mktemp("hostile") / "h.duckdb")


def asgi_call(app, path: str, headers=(), query: bytes = b"", method: str = "GET", chunks=(b"",)):
    """One request straight to the ASGI app, as no HTTP client would send it; returns (status, headers, body)."""
    scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": method,
             "scheme": "http", "path": path, "raw_path": path.encode("utf-8", "surrogatepass"),
             "query_string": query, "root_path": "", "headers": list(headers), "client": ("127.0.0.1", 5000),
             "server": ("localhost", 80)}
    pending = list(chunks)
    messages = []

    async def receive():
        if not pending:
            return {"type": "http.disconnect"}
        return {"type": "http.request", "body": pending.pop(0), "more_body": bool(pending)}

    async def send(message):
        messages.append(message)

    asyncio.run(app(scope, receive, send))
    start = messages[0]
    return start["status"], dict(start["headers"]), b"".join(m.get("body", b"") for m in messages[1:])


def one_line_error(r) -> str:
    err = r.json()["error"]
    assert isinstance(err, str) and err and "\n" not in err
    return err


# ---- 1. a javascript: URL is data, kept as it came --------------------------------------------------------

def test_a_hostile_url_is_kept_as_data(hostile_db):
    """The API hands the URL over unchanged (the pages decide what becomes a link: test_browser.py)."""
    client = TestClient(create_app(hostile_db), base_url=LOCAL)
    event = client.get("/api/events").json()["events"][0]
    assert event["url"] == HOSTILE_URL
    assert client.get(f"/api/articles/{event['article_id']}").json()["url"] == HOSTILE_URL


# ---- 2. security headers and Content-Security-Policy --------------------------------------------------

SECURITY_HEADERS = {"x-content-type-options": "nosniff", "x-frame-options": "DENY",
                    "referrer-policy": "no-referrer"}


def csp_directives(policy: str) -> dict[str, list[str]]:
    return {d.split()[0]: d.split()[1:] for d in policy.split(";") if d.strip()}


def assert_secured(headers):
    for name, value in SECURITY_HEADERS.items():
        assert headers.get(name) == value, name
    csp = csp_directives(headers["content-security-policy"])
    assert csp["script-src"] == ["'self'"]  # no inline script, no eval
    assert csp["object-src"] == ["'none'"] and csp["base-uri"] == ["'none'"]
    assert csp["frame-ancestors"] == ["'none'"]


@pytest.mark.parametrize("method, url, kwargs, status", [
    ("GET", "/", {}, 200),
    ("GET", "/static/view.js", {}, 200),
    ("GET", "/api/health", {}, 200),
    ("GET", "/api/nothing-here", {}, 404),
    ("POST", "/api/health", {}, 405),
    ("GET", "/api/events?limit=0", {}, 422),
    ("POST", "/api/code", {"content": b"x" * (MAX_BYTES + 1)}, 413),
])
def test_every_answer_carries_the_security_headers(client, method, url, kwargs, status):
    r = client.request(method, url, **kwargs)
    assert r.status_code == status
    assert_secured(r.headers)


def test_refusals_and_internal_errors_carry_the_security_headers(db, monkeypatch):
    from whowhom.api.stores import Stores

    assert_secured(TestClient(create_app(db), base_url="http://evil.example").get("/api/health").headers)

    def broken(self):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(Stores, "get", broken)
    r = TestClient(create_app(db), base_url=LOCAL, raise_server_exceptions=False).get("/api/events")
    assert r.status_code == 500
    assert_secured(r.headers)


def test_report_lets_only_its_own_scripts_run(hostile_db):
    from whowhom.api.report import build_report

    page = build_report(str(hostile_db), A, B)
    meta = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', page)
    assert meta and page.index(meta.group(0)) < page.index("<script")  # in force before any script
    csp = csp_directives(meta.group(1))
    assert csp["default-src"] == ["'none'"] and csp["object-src"] == ["'none'"] and csp["base-uri"] == ["'none'"]
    scripts = re.findall(r"<script>(.*?)</script>", page, re.S)  # the executable ones (the data has a type)
    hashes = ["'sha256-" + base64.b64encode(hashlib.sha256(s.encode()).digest()).decode() + "'" for s in scripts]
    assert len(scripts) == 3 and sorted(csp["script-src"]) == sorted(hashes)


# ---- 3. the body limit holds while the body arrives ---------------------------------------------------

CHUNK = 64 * 1024


def post_streamed(app, size: int, headers=None) -> tuple[httpx.Response, int]:
    """POST /api/code with a body of `size` bytes streamed in chunks (chunked: no Content-Length unless
    `headers` give one); returns the answer and the bytes the app pulled from the stream."""
    pulled = 0

    async def body():
        nonlocal pulled
        while pulled < size:
            pulled += CHUNK
            yield b"x" * CHUNK

    async def post():
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url=LOCAL) as c:
            return await c.post("/api/code", content=body(),
                                headers={"content-type": "application/json", **(headers or {})})

    return asyncio.run(post()), pulled


def test_a_chunked_body_over_the_limit_is_refused_as_it_arrives(app):
    r, pulled = post_streamed(app, 200_000_000)
    assert "content-length" not in r.request.headers
    assert r.status_code == 413 and one_line_error(r) == f"request body over {MAX_BYTES} bytes"
    assert pulled <= MAX_BYTES + 2 * CHUNK  # the rest of the 200 MB was never read


def test_a_lying_content_length_does_not_pass_the_limit(app):
    r, pulled = post_streamed(app, 4 * MAX_BYTES, headers={"content-length": "100"})
    assert r.status_code == 413 and "bytes" in one_line_error(r)
    assert pulled <= MAX_BYTES + 2 * CHUNK
    # a body within the limit is read as before
    status, _, body = asgi_call(app, "/api/code", headers=[(b"host", b"localhost"),
                                                            (b"content-type", b"application/json")],
                                method="POST", chunks=[b'{"text": "Lithuania accused', b' Belarus."}'])
    assert status == 200 and json.loads(body)["events"]


@pytest.fixture(scope="module")
def live(app):
    """The app under uvicorn on a free loopback port, in a thread: (host, port)."""
    import uvicorn

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="on"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        assert thread.is_alive() and time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.05)
    yield "127.0.0.1", port
    server.should_exit = True
    thread.join(10)


def test_a_real_server_answers_a_200_mb_chunked_upload_before_it_ends(live):
    sent, answer = 0, b""
    with socket.create_connection(live, timeout=10) as s:
        s.sendall(b"POST /api/code HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                  b"Transfer-Encoding: chunked\r\n\r\n")
        chunk = b"%x\r\n" % CHUNK + b"x" * CHUNK + b"\r\n"
        try:
            while sent < 200_000_000 and not select.select([s], [], [], 0)[0]:
                s.sendall(chunk)
                sent += CHUNK
        except (BrokenPipeError, ConnectionResetError):
            pass  # the server answered and closed
        while b"\r\n\r\n" not in answer and (data := s.recv(65536)):
            answer += data
    assert answer.startswith(b"HTTP/1.1 413"), answer[:200]
    assert sent < 50_000_000


# ---- 4. only the hosts the server serves ---------------------------------------------------------------

@pytest.mark.parametrize("base_url", ["http://testserver", "http://evil.example", "http://evil.example:8000",
                                      "http://0.0.0.0:8000", "http://127.0.0.1.evil.example",
                                      "http://localhost.evil.example"])
def test_an_unknown_host_is_refused(app, base_url):
    """A page of evil.example whose name was made to resolve to 127.0.0.1 (DNS rebinding) sends its own name."""
    r = TestClient(app, base_url=base_url).get("/api/health")
    assert r.status_code == 400 and "Host" in one_line_error(r)


@pytest.mark.parametrize("base_url", ["http://localhost", "http://localhost:8000", "http://127.0.0.1:8000",
                                      "http://[::1]:8000", "http://LOCALHOST"])
def test_the_loopback_names_are_answered(app, base_url):
    assert TestClient(app, base_url=base_url).get("/api/health").status_code == 200


def test_a_request_without_host_is_refused(app):
    status, _, body = asgi_call(app, "/api/health")
    assert status == 400 and json.loads(body)["error"]
    status, _, _ = asgi_call(app, "/api/health", headers=[(b"host", b"[::1")])
    assert status == 400


def test_more_hosts_by_parameter_and_environment(db, monkeypatch):
    def status(app, host):
        return TestClient(app, base_url=f"http://{host}").get("/api/health").status_code

    assert status(create_app(db, ["dash.example.org"]), "dash.example.org:8000") == 200
    assert status(create_app(db, ["::1", "10.0.0.7"]), "10.0.0.7") == 200
    assert status(create_app(db, ["0.0.0.0"]), "0.0.0.0") == 400  # a wildcard address names no host
    monkeypatch.setenv("WHOWHOM_ALLOWED_HOSTS", "a.example, B.example")
    app = create_app(db)
    assert status(app, "a.example") == status(app, "b.example") == 200
    assert status(app, "c.example") == 400
    monkeypatch.setenv("WHOWHOM_ALLOWED_HOSTS", "*")
    assert status(create_app(db), "c.example") == 200


def test_live_server_checks_the_host_header(live):
    host, port = live
    for name, status in ((f"{host}:{port}", 200), (f"localhost:{port}", 200), ("evil.example", 400),
                         (f"0.0.0.0:{port}", 400)):
        r = httpx.get(f"http://{host}:{port}/api/health", headers={"Host": name})
        assert r.status_code == status, name


def test_serve_answers_the_address_it_is_bound_to(db, monkeypatch, capsys):
    import uvicorn

    from whowhom.api.app import app_from_env
    from whowhom.api.server import serve

    ran = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **opts: ran.append((app, opts)))
    monkeypatch.setenv("WHOWHOM_SERVE_DB", "")  # serve sets these for its workers; restored after the test
    monkeypatch.setenv("WHOWHOM_SERVE_HOST", "")
    serve(str(db), host="127.0.0.2", port=free_port(), workers=1)
    app = ran[-1][0]
    assert TestClient(app, base_url="http://127.0.0.2:8000").get("/api/health").status_code == 200
    assert TestClient(app, base_url="http://evil.example").get("/api/health").status_code == 400
    serve(str(db), host="127.0.0.2", port=free_port(), workers=2)  # workers build theirs from the environment
    assert ran[-1][0] == "whowhom.api.app:app_from_env"
    assert TestClient(app_from_env(), base_url="http://127.0.0.2").get("/api/health").status_code == 200
    serve(str(db), host="0.0.0.0", port=free_port(), workers=1)  # every address: the names must be given
    assert "WHOWHOM_ALLOWED_HOSTS=" in capsys.readouterr().err
    assert TestClient(ran[-1][0], base_url="http://0.0.0.0").get("/api/health").status_code == 400


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# ---- 5. no server path in /api/health ------------------------------------------------------------------

def test_health_names_the_store_file_only(client, db):
    assert client.get("/api/health").json()["db"] == db.name
    assert str(db.parent) not in client.get("/api/health").text


# ---- 6. invalid Unicode: a clean 4xx -------------------------------------------------------------------

@pytest.mark.parametrize("body, field", [
    (b'{"text": "\\ud800 Lithuania accused Belarus."}', "text"),   # a JSON escape of a lone surrogate
    (b'{"text": "Lithuania accused Belarus. \\udfff"}', "text"),
    (b'{"html": "<p>\\ud800</p>"}', "html"),
    (b'{"text": "\xed\xa0\x80 Lithuania accused Belarus."}', "text"),  # a surrogate in (invalid) UTF-8
])
def test_a_lone_surrogate_in_a_posted_text_is_a_clean_422(client, body, field):
    r = client.post("/api/code", content=body, headers={"content-type": "application/json"})
    assert r.status_code == 422
    err = one_line_error(r)
    assert err.startswith(f"{field}: not valid Unicode: a lone surrogate at character")
    assert "codec" not in err and "serializ" not in err.lower()


def test_invalid_utf8_in_parameters_is_a_clean_answer(app, client):
    # percent-escaped invalid UTF-8 in a query becomes U+FFFD: a search for it, which finds nothing
    r = client.get("/api/events?text=%ED%A0%80")
    assert r.status_code == 200 and r.json()["total"] == 0
    assert client.get("/api/events?actor=%ED%A0%80").status_code == 422
    assert client.get("/api/articles/%ED%A0%80").status_code == 404
    # a lone surrogate in a path (no HTTP server decodes one, but the app must not trip on it)
    host = [(b"host", b"localhost")]
    for path in ("/api/articles/\ud800", "/api/dyads/\ud800/RUS"):
        status, _, body = asgi_call(app, path, headers=host)
        assert status == 422 and "codec" not in json.loads(body)["error"]
    status, _, body = asgi_call(app, "/api/events", headers=host, query=b"text=\xed\xa0\x80")
    assert status == 200


# ---- found by the schema run (test_api_schema.py) ------------------------------------------------------

@pytest.mark.parametrize("url", ["/api/events?until=0", "/api/events?since=1700000000",
                                 "/api/events?since=2024-1-5", "/api/events?until=20240105"])
def test_a_date_is_yyyy_mm_dd_not_a_unix_time(client, url):
    r = client.get(url)
    assert r.status_code == 422 and "YYYY-MM-DD" in one_line_error(r)


def test_a_posted_date_is_yyyy_mm_dd_too(client):
    r = client.post("/api/code", json={"text": "Lithuania accused Belarus.", "date": 0})
    assert r.status_code == 422 and "YYYY-MM-DD" in one_line_error(r)


def test_a_wrong_method_says_which_are_allowed(client):
    r = client.post("/api/health")
    assert r.status_code == 405 and r.headers["allow"] == "GET"


def test_the_app_answers_again_after_its_lifespan_restarts(app):
    for _ in range(2):  # a second start of the same app (schemathesis ends the lifespan after each test)
        with TestClient(app, base_url=LOCAL) as c:
            assert c.get("/api/events?limit=1").status_code == 200
