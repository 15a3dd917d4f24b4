"""Readers against hostile and careless input: bombs and huge files cost no more than the page size limit,
damaged encodings decode to the text they hold, broken WARC records are Skips that do not take their
neighbours with them, and iter_inputs never lets bad data raise. Ends with a fuzz test."""

import gzip
import io
import json
import os
import sys
import tempfile
import time
import tracemalloc
import zlib
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from whowhom.errors import InputError
from whowhom.io.readers import MAX_PAGE_BYTES, RawDoc, Skip, decode, iter_inputs, read_inputs

MB = 2**20
PAGE = ("<html><head><title>Kenya and Uganda sign a trade deal</title></head><body><article>"
        "<h1>Kenya and Uganda sign a trade deal</h1><p>Kenya praised Uganda on Friday.</p></article></body></html>")


def items(*paths, fmt="auto", **kw):
    return list(iter_inputs([str(p) for p in paths], fmt, **kw))


def peak_bytes(fn):
    """What fn returns, and the peak of Python memory while it ran."""
    tracemalloc.start()
    try:
        out = fn()
        return out, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def gzip_of_zeros(n: int) -> bytes:
    z = zlib.compressobj(9, zlib.DEFLATED, 31)
    chunk = b"\0" * MB
    return b"".join([*(z.compress(chunk) for _ in range(n // MB)), z.flush()])


# --- bounded reading ------------------------------------------------------------------------------

def test_default_limit_is_a_few_megabytes():
    assert 4 * MB <= MAX_PAGE_BYTES <= 16 * MB


def test_gzip_bomb_is_skipped_without_being_inflated(tmp_path):
    bomb = tmp_path / "page.html.gz"
    bomb.write_bytes(gzip_of_zeros(64 * MB))  # 64 KB on disk
    got, peak = peak_bytes(lambda: items(bomb, max_bytes=MB))
    assert [type(x) for x in got] == [Skip] and "over 1 MB" in got[0].reason
    assert peak < 8 * MB


def test_gzip_bomb_in_a_jsonl_line_stops_the_file(tmp_path):
    z = zlib.compressobj(9, zlib.DEFLATED, 31)
    bomb = tmp_path / "bomb.jsonl.gz"
    bomb.write_bytes(z.compress(b'{"id": "ok", "text": "Peru protested."}\n{"id": "x", "text": "')
                     + b"".join(z.compress(b"a" * MB) for _ in range(64)) + z.flush())
    got, peak = peak_bytes(lambda: items(bomb, max_bytes=MB))
    assert [type(x) for x in got] == [RawDoc, Skip]  # passed over no further than 16 times the limit
    assert got[1].reason.endswith("no end to it within 16 MB: the rest of the file is not read")
    assert peak < 8 * MB


def test_big_text_file_is_skipped_reading_no_more_than_the_limit(tmp_path):
    big = tmp_path / "big.txt"
    with open(big, "wb") as f:
        for _ in range(32):
            f.write(b"Kenya praised Uganda on Friday. " * (MB // 32))
    start = time.perf_counter()
    got, peak = peak_bytes(lambda: items(big, max_bytes=MB))
    assert time.perf_counter() - start < 5
    assert [type(x) for x in got] == [Skip] and "page over 1 MB" in got[0].reason
    assert peak < 8 * MB
    with pytest.raises(InputError, match="page over 1 MB"):
        list(read_inputs([str(big)], max_bytes=MB))


def test_limit_from_the_environment(tmp_path, monkeypatch):
    f = tmp_path / "page.txt"
    f.write_text("Kenya praised Uganda. " * 100)
    assert isinstance(items(f)[0], RawDoc)
    monkeypatch.setenv("WHOWHOM_MAX_PAGE_BYTES", "1000")
    [skip] = items(f)
    assert isinstance(skip, Skip) and "over 1000 bytes" in skip.reason
    assert isinstance(items(f, max_bytes=5000)[0], RawDoc)  # the argument wins
    monkeypatch.setenv("WHOWHOM_MAX_PAGE_BYTES", "lots")
    with pytest.raises(InputError, match="WHOWHOM_MAX_PAGE_BYTES"):
        items(f)


def test_jsonl_is_streamed_and_the_limit_is_per_record(tmp_path):
    f = tmp_path / "batch.jsonl"
    with open(f, "w") as out:
        for i in range(40_000):
            out.write(json.dumps({"id": f"r{i}", "text": f"Kenya praised Uganda, report {i}."}) + "\n")
            if i == 20_000:
                out.write(json.dumps({"id": "huge", "text": "x" * 50_000}) + "\n")
    size = f.stat().st_size
    assert size > 2 * MB

    def count():  # keeping nothing, so that memory shows what reading takes
        kept = skipped = 0
        for x in iter_inputs([str(f)], max_bytes=10_000):
            kept += isinstance(x, RawDoc)
            skipped += isinstance(x, Skip)
        return kept, skipped

    got, peak = peak_bytes(count)
    assert got == (40_000, 1)  # every small record kept, the huge one a Skip
    assert peak < size / 4
    [skip] = [x for x in items(f, max_bytes=10_000) if isinstance(x, Skip)]
    assert skip.id == f"{f}:20002" and "record over" in skip.reason


def test_gzipped_jsonl_is_streamed(tmp_path):
    f = tmp_path / "batch.jsonl.gz"
    f.write_bytes(gzip.compress("".join(json.dumps({"id": i, "text": "Peru protested."}) + "\n"
                                        for i in range(5000)).encode()))
    got = items(f, max_bytes=1000)
    assert len(got) == 5000 and all(isinstance(x, RawDoc) for x in got)


def test_stdin_is_bounded_and_jsonl_on_stdin_streamed(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"Ghana hosted the talks. " * 100_000)))
    [skip] = list(iter_inputs(["-"], max_bytes=MB))
    assert isinstance(skip, Skip) and "page over 1 MB" in skip.reason
    lines = "".join(json.dumps({"id": i, "text": "Ghana hosted the talks."}) + "\n" for i in range(1000))
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(lines.encode())))
    got = list(iter_inputs(["-"], max_bytes=1000))
    assert len(got) == 1000 and all(isinstance(x, RawDoc) for x in got)


# --- decoding -----------------------------------------------------------------------------------

ARTICLE = "“Peace is near,” said the minister in Zürich – not in Genève. " * 20


def test_utf8_with_one_bad_byte_stays_utf8():
    data = ARTICLE.encode("utf-8")
    damaged = data[:500] + b"\xff" + data[500:]
    text = decode(damaged)
    assert text.count("\ufffd") == 1 and text.replace("\ufffd", "") == ARTICLE


def test_legacy_text_with_a_stray_byte_is_not_taken_for_utf8():
    text = "Le président français a reçu à l'Élysée le ministre allemand des Affaires étrangères.\n"
    assert decode(text.encode("cp1252")) == text


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom(tmp_path, encoding):
    f = tmp_path / "page.txt"
    f.write_bytes(ARTICLE.encode(encoding))
    [doc] = items(f)
    assert isinstance(doc, RawDoc) and doc.content == ARTICLE


def test_a_stray_nul_is_no_binary(tmp_path):
    f = tmp_path / "page.html"
    f.write_bytes(PAGE.replace("Friday", "Fri\0day").encode())
    [doc] = items(f)
    assert isinstance(doc, RawDoc) and doc.content == PAGE


@pytest.mark.parametrize("data", [
    b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR" + bytes(range(256)) * 8,
    b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n" * 20,
    b"\x7fELF\x02\x01\x01\0" + b"\0" * 1000,
    bytes((i * 7919 + 13) % 256 for i in range(5000)),
])
def test_real_binary_is_still_binary(tmp_path, data):
    f = tmp_path / "thing.html"
    f.write_bytes(data)
    [skip] = items(f)
    assert isinstance(skip, Skip) and "binary data" in skip.reason


def test_meta_charset_naming_no_text_encoding(tmp_path):
    f = tmp_path / "odd.html"
    f.write_bytes(b'<html><head><meta charset="base64"></head><body><p>Kenya praised Uganda.</p></body></html>')
    [doc] = items(f)
    assert isinstance(doc, RawDoc) and "Kenya praised Uganda" in doc.content


def test_json_escapes_give_encodable_text(tmp_path):
    f = tmp_path / "in.jsonl"
    f.write_text('{"id": "a\\ud800", "text": "Kenya\\u0000 praised \\udc00Uganda.", "url": "https://x.test/\\ud800"}\n')
    [doc] = items(f)
    for value in (doc.id, doc.content, doc.url):
        value.encode("utf-8")
    assert doc.content == "Kenya praised \ufffdUganda."


# --- WARC ---------------------------------------------------------------------------------------

def warc_record(uri: str, html: str, rid: str, ctype: str = "text/html; charset=utf-8", extra: int = 0,
                http_headers: str = "", body: bytes | None = None) -> bytes:
    body = html.encode("utf-8") if body is None else body
    http = (f"HTTP/1.1 200 OK\r\nContent-Type: {ctype}\r\n{http_headers}Content-Length: {len(body)}\r\n\r\n"
            .encode() + body)
    head = (f"WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:{rid}>\r\n"
            f"WARC-Date: 2023-07-14T08:00:00Z\r\nWARC-Target-URI: {uri}\r\n"
            f"Content-Type: application/http; msgtype=response\r\nContent-Length: {len(http) + extra}\r\n\r\n")
    return head.encode() + http + b"\r\n\r\n"


def page(n: int) -> str:
    return PAGE.replace("Friday", f"day {n}")


def three(**first) -> bytes:
    return (warc_record("https://x.test/1", page(1), "1", **first) + warc_record("https://x.test/2", page(2), "2")
            + warc_record("https://x.test/3", page(3), "3"))


def warc_items(tmp_path, data: bytes, name="crawl.warc", **kw):
    f = tmp_path / name
    f.write_bytes(data)
    return items(f, **kw)


def test_warc_good(tmp_path):
    got = warc_items(tmp_path, three())
    assert [(d.url, "day 1" in d.content, d.fallback_date) for d in got][0] == ("https://x.test/1", True, "2023-07-14")
    assert [d.id.split("#")[1] for d in got] == ["<urn:uuid:1>", "<urn:uuid:2>", "<urn:uuid:3>"]


@pytest.mark.parametrize("extra", [300, -20])
def test_warc_record_with_a_wrong_length_is_a_skip_and_spares_the_next(tmp_path, extra):
    got = warc_items(tmp_path, three(extra=extra))
    assert isinstance(got[0], Skip) and got[0].id.endswith("#<urn:uuid:1>")
    assert "Content-Length" in got[0].reason
    assert [(d.url, f"day {d.url[-1]}" in d.content) for d in got[1:]] == [("https://x.test/2", True),
                                                                            ("https://x.test/3", True)]


def test_warc_overrun_into_the_last_record(tmp_path):
    data = warc_record("https://x.test/1", page(1), "1", extra=300) + warc_record("https://x.test/2", page(2), "2")
    got = warc_items(tmp_path, data)
    assert [type(x) for x in got] == [Skip, RawDoc] and got[1].url == "https://x.test/2"
    assert "day 2" in got[1].content and "day 1" not in got[1].content


@pytest.mark.parametrize("members", ["one", "per record"])
def test_truncated_warc_gz_cut_record_is_counted(tmp_path, members):
    data = three()
    gz = gzip.compress(data) if members == "one" else b"".join(
        gzip.compress(b"WARC/" + r) for r in data.split(b"WARC/")[1:])
    got = warc_items(tmp_path, gz[:-20], name="crawl.warc.gz")  # into the last record, not only the gzip trailer
    assert [type(x) for x in got] == [RawDoc, RawDoc, Skip]
    assert got[2].id.endswith(("#<urn:uuid:3>", "#3")) and "cut short" in got[2].reason  # "#3": cut in its header


def test_warc_gz_cut_in_its_gzip_trailer_keeps_every_record(tmp_path):
    got = warc_items(tmp_path, gzip.compress(three())[:-4], name="crawl.warc.gz")
    assert [type(x) for x in got] == [RawDoc, RawDoc, RawDoc, Skip] and "broken gzip data" in got[3].reason


def test_truncated_plain_warc(tmp_path):
    got = warc_items(tmp_path, three()[:-100])
    assert [type(x) for x in got] == [RawDoc, RawDoc, Skip] and "cut short" in got[2].reason
    with pytest.raises(InputError, match="cut short"):
        list(read_inputs([str(tmp_path / "crawl.warc")]))


def test_warc_record_over_the_limit_and_binary_record_are_skips_that_spare_the_rest(tmp_path):
    big = warc_record("https://x.test/big", "<p>" + "x" * 20_000 + "</p>", "big")
    image = warc_record("https://x.test/logo.png", "", "png", ctype="image/png", body=b"\x89PNG" + b"\0" * 30_000)
    binary = warc_record("https://x.test/bin", "", "bin", body=bytes(range(256)) * 8)
    got = warc_items(tmp_path, big + image + binary + three(), max_bytes=10_000)
    assert [type(x) for x in got] == [Skip, Skip, RawDoc, RawDoc, RawDoc]  # the image is no page: not counted
    assert "record over 9.77 KB" in got[0].reason and "binary data" in got[1].reason


def test_warc_chunked_and_gzip_payloads(tmp_path):
    html = page(7).encode()
    chunked = b"".join(b"%x\r\n%s\r\n" % (len(html[i:i + 50]), html[i:i + 50]) for i in range(0, len(html), 50))
    data = (warc_record("https://x.test/c", "", "c", http_headers="Transfer-Encoding: chunked\r\n",
                        body=chunked + b"0\r\n\r\n")
            + warc_record("https://x.test/g", "", "g", http_headers="Content-Encoding: gzip\r\n",
                          body=gzip.compress(html))
            + warc_record("https://x.test/b", "", "b", http_headers="Content-Encoding: gzip\r\n",
                          body=gzip_of_zeros(4 * MB)))
    got = warc_items(tmp_path, data, max_bytes=MB)
    assert [x.content for x in got[:2]] == [page(7), page(7)]
    assert isinstance(got[2], Skip) and "over 1 MB" in got[2].reason


# --- iter_inputs never raises for bad data ------------------------------------------------------------

def test_a_folder_of_bad_inputs(tmp_path, monkeypatch):
    from whowhom.io import readers

    d = tmp_path / "in"
    d.mkdir()
    (d / "a.jsonl").write_text("\n".join([
        '{"id": "ok1", "text": "Chile recalled its ambassador."}',
        '{"id": "broken", "text": ',
        '{"id": "empty", "text": "   "}',
        '[1, 2, 3]',
        '{"id": "huge", "text": "' + "x" * 5000 + '"}',
        "[" * 1500,  # nested past Python's recursion limit
        '{"id": "ok2", "text": "Peru protested."}',
    ]) + "\n")
    (d / "b.bin").write_bytes(bytes(range(256)) * 4)
    (d / "c.html.gz").write_bytes(b"\x1f\x8b\x08\x00not gzip at all")
    (d / "d.jsonl.gz").write_bytes(gzip.compress(b'{"id": "gz", "text": "Bolivia agreed."}\n'))
    (d / "e.txt").write_text("Ghana hosted the talks.")
    (d / "f.txt").write_text("locked")
    (d / os.fsdecode(b"g-\xff.txt")).write_text("A name that is not UTF-8.")
    real_open = open

    def locked_open(path, *args, **kw):
        if str(path).endswith("f.txt"):
            raise PermissionError(13, "Permission denied")
        return real_open(path, *args, **kw)

    monkeypatch.setattr(readers, "open", locked_open, raising=False)
    got = items(d, max_bytes=2000)
    kept = [x.id.rsplit("/", 1)[-1] for x in got if isinstance(x, RawDoc)]
    reasons = [x.reason.rsplit("/", 1)[-1] for x in got if isinstance(x, Skip)]
    assert kept == ["ok1", "ok2", "gz", "e.txt", "g-\ufffd.txt"]
    assert reasons == ["a.jsonl:2: malformed JSON (Expecting value)",
                       "a.jsonl:3: record empty has no text or html",
                       "a.jsonl:4: a record must be a JSON object",
                       "a.jsonl:5: record over 1.95 KB (limit 2000 bytes; see WHOWHOM_MAX_PAGE_BYTES)",
                       "a.jsonl:6: malformed JSON (nested too deep)",
                       "b.bin: binary data, not text or HTML",
                       "c.html.gz: broken gzip data (Error -3 while decompressing data: invalid stored block lengths)",
                       "f.txt: cannot read (Permission denied)"]
    for x in got:
        (x.id + getattr(x, "reason", "")).encode("utf-8")
    with pytest.raises(InputError, match="nope"):
        items(d, tmp_path / "nope")


def test_deeply_nested_json_is_malformed_not_a_crash(tmp_path):
    f = tmp_path / "in.jsonl"
    f.write_text('{"id": "a", "text": ' + "[" * 100_000 + "\n")
    [skip] = items(f)
    assert isinstance(skip, Skip) and "malformed JSON" in skip.reason
    g = tmp_path / "in.data"
    g.write_text("{" * 100_000)
    assert [type(x) for x in items(g)] == [RawDoc]  # no JSON object: a text page


# --- fuzz -------------------------------------------------------------------------------------

def _samples() -> list[bytes]:
    jsonl = "".join(json.dumps({"id": i, "text": "Chile recalled its ambassador.", "date": "2022-03-04"}) + "\n"
                    for i in range(3)).encode()
    warc = three()
    return [jsonl, gzip.compress(jsonl), warc, gzip.compress(warc), PAGE.encode(), gzip.compress(PAGE.encode()),
            ARTICLE.encode("utf-16-le"), ARTICLE.encode("cp1252")]


SAMPLES = _samples()
JSONISH = st.one_of(
    st.builds(lambda d: json.dumps(d).encode(), st.dictionaries(
        st.sampled_from(["id", "text", "html", "date", "url"]),
        st.one_of(st.text(max_size=30), st.integers(), st.none(), st.lists(st.integers(), max_size=3)))),
    st.binary(max_size=40),
    st.sampled_from([b"", b"   ", b"[", b'"\\ud800"', b'{"id": 1, "text": "\\u0000\\udfff"}']),
)
WARCISH = st.builds(
    lambda fields, length, body, tail: (b"WARC/1.0\r\n" + b"".join(k + b": " + v + b"\r\n" for k, v in fields)
                                        + b"Content-Length: " + length + b"\r\n\r\n" + body + tail),
    st.lists(st.tuples(st.sampled_from([b"WARC-Type", b"Content-Type", b"WARC-Target-URI", b"WARC-Date",
                                        b"WARC-Record-ID"]),
                       st.sampled_from([b"response", b"request", b"application/http; msgtype=response",
                                        b"text/html", b"2023-07-14T08:00:00Z", b"<urn:x>", b"\xff\xfe"])),
             max_size=5),
    st.one_of(st.integers(-5, 400).map(lambda n: str(n).encode()), st.sampled_from([b"", b"x", b"1e3"])),
    st.one_of(st.binary(max_size=300),
              st.sampled_from([b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<p>hi</p>",
                               b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nab",
                               b"HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\n\r\n\x1f\x8b\x08"])),
    st.sampled_from([b"", b"\r\n\r\n", b"\r\n\r\nWARC/1.0\r\n", b"junk"]),
)
FUZZ_INPUT = st.one_of(
    st.binary(max_size=3000),
    st.binary(max_size=2000).map(gzip.compress),
    st.lists(JSONISH, max_size=8).map(b"\n".join),
    st.lists(WARCISH, min_size=1, max_size=3).map(b"".join),
    st.tuples(st.sampled_from(SAMPLES), st.floats(0, 1)).map(lambda t: t[0][:int(len(t[0]) * t[1])]),
    st.lists(st.sampled_from(SAMPLES), min_size=2, max_size=3).map(b"".join),
    st.tuples(st.sampled_from(SAMPLES), st.integers(0, 10_000), st.binary(min_size=1, max_size=4)).map(
        lambda t: t[0][:t[1] % len(t[0])] + t[2] + t[0][t[1] % len(t[0]):]),
    st.builds(lambda enc, body: b'<html><head><meta charset="' + enc + b'"></head><body>' + body,
              st.sampled_from([b"utf-16", b"base64", b"rot13", b"unicode_escape", b"utf-7", b"idna", b"punycode",
                               b"undefined", b"cp1252", b"x-nonsense"]),
              st.binary(max_size=200)),
)


@settings(max_examples=200, deadline=3000, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(data=FUZZ_INPUT, suffix=st.sampled_from(["", ".txt", ".html.gz", ".jsonl", ".warc.gz"]),
       fmt=st.sampled_from(["auto", "auto", "text", "html", "jsonl"]), max_bytes=st.sampled_from([None, 64, 1000]))
def test_fuzz_readers_never_raise_and_give_encodable_text(data, suffix, fmt, max_bytes):
    with tempfile.TemporaryDirectory() as d:
        f = Path(d) / f"input{suffix}"
        f.write_bytes(data)
        got = list(iter_inputs([str(f)], fmt, max_bytes=max_bytes))
    for x in got:
        assert isinstance(x, (RawDoc, Skip))
        if isinstance(x, Skip):
            assert x.reason and "unreadable (" not in x.reason  # no bug caught by the last-resort handler
            (x.id + x.reason).encode("utf-8")
        else:
            assert isinstance(x.content, str) and x.content.strip() and "\0" not in x.content
            for value in (x.id, x.content, x.url or "", x.date or "", x.fallback_date or ""):
                value.encode("utf-8")
            assert x.kind in ("text", "html")
