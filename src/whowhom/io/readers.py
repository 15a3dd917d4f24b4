"""Readers: plain-text page dumps, HTML (.html, .html.gz, sniffed by content), JSON Lines, WARC, stdin.

    read_inputs(paths, input_format="auto", max_bytes=None) -> Iterator[RawDoc]        stops at the first bad input
    iter_inputs(paths, input_format="auto", max_bytes=None) -> Iterator[RawDoc | Skip]  a bad input is a Skip; goes on

"-" means stdin. input_format is one of "auto", "text", "html", "jsonl"; "auto" looks at the bytes
(gzip magic, WARC header, HTML tags, one JSON object per line), not only at the file name.

Input is read as a stream and never trusted for its size: gzip is decompressed as it is read, JSON Lines
line by line and WARC record by record, and no page (a text or HTML file after decompression, one JSON
Lines record, one WARC record) is read past `max_bytes` (default MAX_PAGE_BYTES, or the environment
variable WHOWHOM_MAX_PAGE_BYTES): a bigger one is passed over as "over the limit". So a gzip bomb or a
100 MB file costs no more memory than the limit, and a big JSON Lines file or WARC no more than its
biggest record.

Bytes are decoded by io/decode.py (BOM, <meta charset>, UTF-16 without a BOM, damaged UTF-8, else
charset-normalizer); streams with bounded reads are io/stream.py's. Bad input raises
InputError with a one-line message naming the file (and the line, for JSON Lines, or the record, for WARC).
"""

from __future__ import annotations

import codecs
import json
import os
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

from whowhom.errors import InputError
from whowhom.io.decode import clean, decode  # noqa: F401 (decode: the readers' API, as before)
from whowhom.io.stream import Stream, open_stream

FORMATS = ("auto", "text", "html", "jsonl")
# The most one page, JSON Lines record or WARC record may take: far above any news article (a long one
# is some 300 KB of HTML), far below what would strain memory.
MAX_PAGE_BYTES = 8 * 2**20
_JSONL_NAMES = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")


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


def read_inputs(paths: list[str], input_format: str = "auto", *, max_bytes: int | None = None) -> Iterator[RawDoc]:
    """The pages of `paths` (files, folders, "-"), in order; the first bad file or record raises InputError."""
    _check_format(input_format)
    limit = page_limit(max_bytes)
    for path in paths:
        for file in _files(path):
            yield from _read_file(file, input_format, limit, tolerant=False)


def iter_inputs(paths: list[str], input_format: str = "auto", *,
                max_bytes: int | None = None) -> Iterator[RawDoc | Skip]:
    """Like read_inputs, but a file or record that cannot be read is yielded as a Skip with its reason,
    and reading goes on. A path that does not exist at all is still an error (a typo, not bad data)."""
    _check_format(input_format)
    limit = page_limit(max_bytes)
    for path in paths:
        if path != "-" and not os.path.exists(path):
            raise InputError(f"{_label(path)}: no such file or directory")
    for path in paths:
        try:
            files = _files(path)
        except InputError as e:
            yield Skip(_label(path), str(e))
            continue
        for file in files:
            try:
                yield from _read_file(file, input_format, limit, tolerant=True)
            except InputError as e:
                yield Skip(_label(file), str(e))
            except Exception as e:  # a bug meeting odd data: one input lost, not the whole run
                yield Skip(_label(file), f"{_label(file)}: unreadable ({type(e).__name__}: {e})")


def page_limit(max_bytes: int | None = None) -> int:
    """The size limit on one page or record: max_bytes if given, else $WHOWHOM_MAX_PAGE_BYTES, else
    MAX_PAGE_BYTES."""
    if max_bytes is None:
        env = os.environ.get("WHOWHOM_MAX_PAGE_BYTES", "").strip()
        if not env:
            return MAX_PAGE_BYTES
        try:
            max_bytes = int(env)
        except ValueError:
            raise InputError(f"WHOWHOM_MAX_PAGE_BYTES={env!r} is not a number of bytes") from None
    if max_bytes < 1:
        raise InputError(f"the page size limit must be at least 1 byte, not {max_bytes}")
    return max_bytes


def over_limit(what: str, limit: int) -> str:
    return f"{what} over {_size(limit)} (limit {limit} bytes; see WHOWHOM_MAX_PAGE_BYTES)"


def _size(n: int) -> str:
    return f"{n / 2**20:.3g} MB" if n >= 2**20 else f"{n / 2**10:.3g} KB" if n >= 2**10 else f"{n} bytes"


def _check_format(input_format: str) -> None:
    if input_format not in FORMATS:
        raise InputError(f"unknown input format {input_format!r} (expected one of {', '.join(FORMATS)})")


def _label(path: str) -> str:
    # A file name that is not UTF-8 holds lone surrogates (os.fsdecode), which no UTF-8 writer takes.
    return os.fsencode(path).decode("utf-8", "replace")


# --- sources: files, folders, stdin, gzip -----------------------------------------------------------

def _files(path: str) -> list[str]:
    return _walk(path) if path != "-" and os.path.isdir(path) else [path]


def _walk(root: str) -> list[str]:
    # Sorted so runs are reproducible; hidden files (.DS_Store, editor swap files) are not pages.
    try:
        files = [p for p in Path(root).rglob("*") if p.is_file()
                 and not any(part.startswith(".") for part in p.relative_to(root).parts)]
    except OSError as e:
        raise InputError(f"{_label(root)}: cannot list the folder ({e.strerror or e})") from None
    return [str(p) for p in sorted(files)]


def _read_file(file: str, input_format: str, limit: int, tolerant: bool) -> Iterator[RawDoc | Skip]:
    if file == "-":
        yield from _read_source("-", _stdin(), input_format, limit, tolerant)
        return
    name = _label(file)
    try:
        f = open(file, "rb")
    except FileNotFoundError:
        raise InputError(f"{name}: no such file") from None
    except OSError as e:
        raise InputError(f"{name}: cannot read ({e.strerror or e})") from None
    with f:
        yield from _read_source(name, f, input_format, limit, tolerant)


def _stdin():
    stream = getattr(sys.stdin, "buffer", None)
    return stream if stream is not None else _TextAsBytes(sys.stdin)  # a text-only stand-in (tests, some IDEs)


class _TextAsBytes:
    def __init__(self, text):
        self._text = text

    def read(self, n: int = -1) -> bytes:
        return self._text.read(n).encode("utf-8", "replace")


def _read_source(name: str, raw, input_format: str, limit: int, tolerant: bool) -> Iterator[RawDoc | Skip]:
    src = open_stream(raw, name)
    head = src.peek(4096)
    if head.startswith(b"WARC/"):
        from whowhom.io.warc import read_warc
        yield from read_warc(name, src, limit, tolerant)
    elif _streams_as_jsonl(src, head, name, input_format, limit):
        yield from _jsonl(name, _lines(name, src, limit), limit, tolerant)
    else:
        data = src.read(limit + 1)
        if len(data) > limit:
            raise InputError(f"{name}: {over_limit('page', limit)}")
        if not data.strip():
            raise InputError(f"{name}: empty input")
        text = decode(data, name)
        if not text.strip():
            raise InputError(f"{name}: empty input")
        fmt = input_format if input_format != "auto" else sniff(text, name)
        if fmt == "jsonl":  # JSON Lines in UTF-16 or UTF-32, whose lines only show once decoded
            yield from _jsonl(name, enumerate(text.split("\n"), 1), limit, tolerant)
        else:
            yield RawDoc(id=name, content=text, kind=fmt)


def _streams_as_jsonl(src: Stream, head: bytes, name: str, input_format: str, limit: int) -> bool:
    """Whether the stream is JSON Lines to read line by line (UTF-8 or an ASCII-based legacy encoding)."""
    lead = head.removeprefix(codecs.BOM_UTF8).lstrip()
    if not lead or b"\x00" in head or head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return False  # empty, or UTF-16/32 (or NULs to drop): read whole, decoded, then split into lines
    if input_format != "auto":
        return input_format == "jsonl"
    if name.lower().endswith(_JSONL_NAMES) and lead[:1] in b'{["':
        return True
    if lead[:1] != b"{":
        return False
    taken = [src.readline(limit + 1)]  # blank lines before the first record lie within the head
    while not taken[-1].strip() and taken[-1]:
        taken.append(src.readline(limit + 1))
    src.unread(b"".join(taken))
    try:
        return isinstance(json.loads(taken[-1].removeprefix(codecs.BOM_UTF8)), dict)
    except (ValueError, RecursionError):  # RecursionError: "[[[[..." nested past Python's stack
        return False


def _lines(name: str, src: Stream, limit: int) -> Iterator[tuple[int, bytes | None]]:
    """(number, line) for each line of the stream; None for a line over the limit, passed over unkept.
    A line still going at 16 times the limit is no record but an attack (a gzip bomb) or no JSON Lines:
    reading stops there, so it costs no more than that."""
    number = 0
    while line := src.readline(limit + 2):
        number += 1
        if len(line.rstrip(b"\r\n")) <= limit:
            yield number, line
            continue
        if not line.endswith(b"\n") and not src.discard_line(15 * limit):
            raise InputError(f"{name}:{number}: {over_limit('line', limit)}, and no end to it within "
                             f"{_size(16 * limit)}: the rest of the file is not read")
        yield number, None


# --- format sniffing --------------------------------------------------------------------------

_TAG = re.compile(r"</?(?:p|div|span|a|br|li|ul|h[1-6]|body|head|title|meta|script|table|td|tr|article|section|img)\b[^<>]*>", re.I)


def sniff(text: str, name: str = "") -> str:
    head = text.lstrip("\ufeff \t\r\n")[:2048].lower()
    if head.startswith("{") and _first_line_is_object(text, name):
        return "jsonl"  # before the HTML test: a record's "html" field holds tags too
    if name.lower().endswith(_JSONL_NAMES) and head[:1] in "{[\"":
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
    except (ValueError, RecursionError):
        # A .jsonl file whose first record is broken is still JSON Lines: report the bad line.
        return name.lower().endswith(_JSONL_NAMES)


# --- JSON Lines records -----------------------------------------------------------------------

def _jsonl(name: str, lines: Iterable[tuple[int, bytes | str | None]], limit: int,
           tolerant: bool) -> Iterator[RawDoc | Skip]:
    for number, line in lines:
        try:
            if line is None:
                raise InputError(f"{name}:{number}: {over_limit('record', limit)}")
            if not line.strip():
                continue
            if isinstance(line, bytes):
                line = _line_text(line, f"{name}:{number}")
            yield _record(name, number, line)
        except InputError as e:
            if not tolerant:
                raise
            yield Skip(f"{name}:{number}", str(e))


def _line_text(line: bytes, name: str) -> str:
    try:
        text = line.decode("utf-8")  # what JSON is written in: the fast way for nearly every line
    except UnicodeDecodeError:
        text = decode(line, name)
    return text.lstrip("\ufeff")


def _record(name: str, number: int, line: str) -> RawDoc:
    try:
        rec = json.loads(line)
    except RecursionError:
        raise InputError(f"{name}:{number}: malformed JSON (nested too deep)") from None
    except ValueError as e:
        raise InputError(f"{name}:{number}: malformed JSON ({getattr(e, 'msg', e)})") from None
    if not isinstance(rec, dict):
        raise InputError(f"{name}:{number}: a record must be a JSON object")
    rid = rec.get("id")
    if rid is None or str(rid).strip() == "":
        raise InputError(f"{name}:{number}: record without an id")
    rid = clean(str(rid))
    html, body = rec.get("html"), rec.get("text")
    if isinstance(html, str) and html.strip():
        content, kind = html, "html"
    elif isinstance(body, str) and body.strip():
        content, kind = body, "text"
    else:
        raise InputError(f"{name}:{number}: record {rid} has no text or html")
    url = rec.get("url")
    return RawDoc(id=rid, content=clean(content), kind=kind, date=_record_date(rec.get("date")),
                  url=clean(url) if isinstance(url, str) and url else None)


def _record_date(value) -> str | None:
    if value is None or str(value).strip() == "":
        return None
    from whowhom.page.dates import to_iso  # late import: page depends on io, not the other way round
    return to_iso(str(value)) or clean(str(value).strip())
