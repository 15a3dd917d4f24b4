"""Readers: plain-text page dumps, HTML (.html, .html.gz, sniffed by content), JSON Lines, WARC, stdin.

    read_inputs(paths, input_format="auto") -> Iterator[RawDoc]      stops at the first bad input
    iter_inputs(paths, input_format="auto") -> Iterator[RawDoc | Skip]  a bad input is a Skip; goes on

"-" means stdin. input_format is one of "auto", "text", "html", "jsonl"; "auto" looks at the bytes
(gzip magic, HTML tags, one JSON object per line), not only at the file name. Bytes are decoded with
charset-normalizer after a BOM or an HTML <meta charset> has had its say. Bad input raises InputError
with a one-line message naming the file (and the line, for JSON Lines).
"""

from __future__ import annotations

import codecs
import gzip
import json
import os
import re
import sys
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from charset_normalizer import from_bytes

from whowhom.errors import InputError

FORMATS = ("auto", "text", "html", "jsonl")


@dataclass
class RawDoc:
    id: str                   # JSONL record id, else the file path ("-" for stdin)
    content: str              # decoded text or HTML
    kind: str                 # "text" or "html"
    date: str | None = None   # ISO date given by the record, if any
    url: str | None = None
    fallback_date: str | None = None  # used when the page gives no date (a WARC record's capture date)


@dataclass
class Skip:
    """An input that gives no page, and why (for ingest summaries)."""
    id: str
    reason: str


def read_inputs(paths: list[str], input_format: str = "auto") -> Iterator[RawDoc]:
    if input_format not in FORMATS:
        raise InputError(f"unknown input format {input_format!r} (expected one of {', '.join(FORMATS)})")
    for path in paths:
        if path == "-":
            yield from _read_bytes("-", _stdin_bytes(), input_format)
        elif os.path.isdir(path):
            for file in _walk(path):
                yield from _read_bytes(file, _file_bytes(file), input_format)
        else:
            yield from _read_bytes(path, _file_bytes(path), input_format)


def iter_inputs(paths: list[str], input_format: str = "auto") -> Iterator[RawDoc | Skip]:
    """Like read_inputs, but a file or record that cannot be read is yielded as a Skip with its reason,
    and reading goes on. A path that does not exist at all is still an error (a typo, not bad data)."""
    if input_format not in FORMATS:
        raise InputError(f"unknown input format {input_format!r} (expected one of {', '.join(FORMATS)})")
    for path in paths:
        if path != "-" and not os.path.exists(path):
            raise InputError(f"{path}: no such file or directory")
    for path in paths:
        files = _walk(path) if path != "-" and os.path.isdir(path) else [path]
        for file in files:
            try:
                data = _stdin_bytes() if file == "-" else _file_bytes(file)
                yield from _read_bytes(file, data, input_format, tolerant=True)
            except InputError as e:
                yield Skip(file, str(e))


def is_warc(data: bytes) -> bool:
    if data[:2] == b"\x1f\x8b":
        try:
            head = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(data[:4096], 64)
        except zlib.error:
            return False
        return head.startswith(b"WARC/")
    return data.startswith(b"WARC/")


def _walk(root: str) -> list[str]:
    # Sorted so runs are reproducible; hidden files (.DS_Store, editor swap files) are not pages.
    files = [p for p in Path(root).rglob("*") if p.is_file()
             and not any(part.startswith(".") for part in p.relative_to(root).parts)]
    return [str(p) for p in sorted(files)]


def _file_bytes(path: str) -> bytes:
    try:
        with open(path, "rb") as f:
            return f.read()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except OSError as e:
        raise InputError(f"{path}: cannot read ({e.strerror or e})") from None


def _stdin_bytes() -> bytes:
    stream = getattr(sys.stdin, "buffer", None)
    if stream is not None:
        return stream.read()
    data = sys.stdin.read()  # a text-only stand-in (tests, some IDEs)
    return data.encode("utf-8") if isinstance(data, str) else data


def _read_bytes(name: str, data: bytes, input_format: str, tolerant: bool = False) -> Iterator[RawDoc | Skip]:
    if is_warc(data):
        from whowhom.io.warc import read_warc
        yield from read_warc(name, data)
        return
    if data[:2] == b"\x1f\x8b":
        try:
            data = gzip.decompress(data)
        except (OSError, EOFError, zlib.error) as e:
            raise InputError(f"{name}: broken gzip data ({e})") from None
    if not data.strip():
        raise InputError(f"{name}: empty input")
    text = decode(data, name)
    if not text.strip():
        raise InputError(f"{name}: empty input")
    fmt = input_format if input_format != "auto" else sniff(text, name)
    if fmt == "jsonl":
        yield from _jsonl(name, text, tolerant)
    else:
        yield RawDoc(id=name, content=text, kind=fmt)


# --- decoding ---------------------------------------------------------------------------------

_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF8, "utf-8-sig"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_:.-]+)""", re.I)
# Legacy single-byte encodings that a short text cannot tell apart; cp1252 is by far the commonest on
# the web, so it wins a near tie (charset-normalizer may otherwise pick cp775 for a short line of French).
_PREFERRED = ("utf_8", "ascii", "cp1252", "latin_1", "iso8859_15")


def decode(data: bytes, name: str = "input") -> str:
    for bom, enc in _BOMS:
        if data.startswith(bom):
            return data.decode(enc, errors="replace").lstrip("\ufeff")
    declared = _META_CHARSET.search(data[:4096])
    if declared:
        text = _declared(data, declared.group(1).decode("ascii", "ignore"))
        if text is not None:
            return text
    if _looks_binary(data):
        raise InputError(f"{name}: binary data, not text or HTML")
    results = from_bytes(data)
    best = results.best()
    if best is None:
        raise InputError(f"{name}: cannot detect the text encoding (binary data?)")
    close = [m for m in results if m.chaos <= best.chaos + 0.06]
    for enc in _PREFERRED:
        for m in close:
            if m.encoding == enc:
                return str(m)
    return str(best)


def _declared(data: bytes, label: str) -> str | None:
    try:
        enc = codecs.lookup(label).name
    except LookupError:
        return None
    # Pages often declare latin-1 but are served as UTF-8; valid UTF-8 with non-ASCII bytes is then the truth.
    if enc in ("latin-1", "iso8859-1", "cp1252", "windows-1252"):
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError:
            enc = "cp1252"  # what browsers do with a latin-1 label
    try:
        return data.decode(enc)
    except UnicodeDecodeError:
        return None


def _looks_binary(data: bytes) -> bool:
    head = data[:8192]
    if b"\x00" in head:  # UTF-16/32 without BOM is rare; NULs mean binary
        return True
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13, 27))
    return controls > len(head) * 0.05


# --- format sniffing --------------------------------------------------------------------------

_TAG = re.compile(r"</?(?:p|div|span|a|br|li|ul|h[1-6]|body|head|title|meta|script|table|td|tr|article|section|img)\b[^<>]*>", re.I)


def sniff(text: str, name: str = "") -> str:
    head = text.lstrip("\ufeff \t\r\n")[:2048].lower()
    if head.startswith("{") and _first_line_is_object(text, name):
        return "jsonl"  # before the HTML test: a record's "html" field holds tags too
    if name.lower().endswith((".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")) and head[:1] in "{[\"":
        return "jsonl"
    if head.startswith(("<!doctype html", "<html", "<?xml")) or "<html" in head[:1024]:
        return "html"
    sample = text[:20000]
    tags = len(_TAG.findall(sample))
    if tags >= 8 or (tags >= 3 and name.lower().endswith((".html", ".htm", ".html.gz", ".htm.gz"))):
        return "html"
    return "text"


def _first_line_is_object(text: str, name: str) -> bool:
    line = text.lstrip("\ufeff \t\r\n").split("\n", 1)[0].strip()
    try:
        return isinstance(json.loads(line), dict)
    except ValueError:
        # A .jsonl file whose first record is broken is still JSON Lines: report the bad line.
        return name.lower().endswith((".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz"))


def _jsonl(name: str, text: str, tolerant: bool = False) -> Iterator[RawDoc | Skip]:
    for number, line in enumerate(text.lstrip("\ufeff").splitlines(), 1):
        if not line.strip():
            continue
        try:
            yield _record(name, number, line)
        except InputError as e:
            if not tolerant:
                raise
            yield Skip(f"{name}:{number}", str(e))


def _record(name: str, number: int, line: str) -> RawDoc:
    try:
        rec = json.loads(line)
    except ValueError as e:
        raise InputError(f"{name}:{number}: malformed JSON ({e.msg})") from None
    if not isinstance(rec, dict):
        raise InputError(f"{name}:{number}: a record must be a JSON object")
    rid = rec.get("id")
    if rid is None or str(rid).strip() == "":
        raise InputError(f"{name}:{number}: record without an id")
    html, body = rec.get("html"), rec.get("text")
    if isinstance(html, str) and html.strip():
        content, kind = html, "html"
    elif isinstance(body, str) and body.strip():
        content, kind = body, "text"
    else:
        raise InputError(f"{name}:{number}: record {rid} has no text or html")
    return RawDoc(id=str(rid), content=content, kind=kind,
                 date=_record_date(rec.get("date")), url=rec.get("url") or None)


def _record_date(value) -> str | None:
    if value is None or str(value).strip() == "":
        return None
    from whowhom.page.dates import to_iso  # late import: page depends on io, not the other way round
    return to_iso(str(value)) or str(value).strip()
