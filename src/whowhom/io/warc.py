"""WARC and WARC.gz archives, read record by record: each response record with an HTML payload becomes one
page, with the record's target URI as its url and its capture date as the date to use when the page gives
none. Other records (requests, metadata, images, scripts) are passed over. A chunked or gzip/deflate
encoded HTTP payload is decoded.

A record is trusted only if it ends where its Content-Length says, that is if the next record (or the end
of the archive) follows it. One that does not has a wrong Content-Length: it would swallow the next record
or leave its own tail behind, so it is a Skip, and reading goes on at the next record header found after
the record's own header. A record cut short by the end of the file (a truncated .warc.gz) and one over the
page size limit are Skips too. When not tolerant, each of these raises InputError instead.
"""

from __future__ import annotations

import io
import re
import zlib
from typing import Iterator

from whowhom.errors import InputError
from whowhom.io.decode import decode
from whowhom.io.readers import RawDoc, Skip, over_limit, page_limit
from whowhom.io.stream import BrokenInput, Stream, open_stream

_VERSION = re.compile(rb"WARC/\d+\.\d+\r?\n")
_LINE = 1 << 16          # a header line longer than this is not one
_HEADER = 1 << 20        # nor is a record header bigger than this
_HTTP_HEAD = 1 << 16     # what is kept of a record over the limit: enough to see its HTTP content type
_DATE = re.compile(r"\d{4}-\d\d-\d\d")
_HEX = re.compile(rb"[0-9a-fA-F]{1,16}")


def read_warc(name: str, source, max_bytes: int | None = None, tolerant: bool = False) -> Iterator[RawDoc | Skip]:
    """The pages of a WARC archive; `source` is bytes, a binary file object or a readers.Stream."""
    if isinstance(source, bytes):
        source = io.BytesIO(source)
    src = source if isinstance(source, Stream) else open_stream(source, name)
    limit = page_limit(max_bytes)
    n = 0  # response records, numbered as they come
    for headers, block, problem in _records(src, limit):
        if headers.get("warc-type", "response") != "response":
            continue
        n += 1
        rid = f"{name}#{headers.get('warc-record-id') or n}"
        try:
            page = _page(headers, block, problem, f"{name} record {n}", limit)
        except InputError as e:
            if not tolerant:
                raise
            yield Skip(rid, str(e))
            continue
        if page is not None:
            date = headers.get("warc-date", "")[:10]
            yield RawDoc(id=rid, content=page, kind="html", url=headers.get("warc-target-uri") or None,
                         fallback_date=date if _DATE.fullmatch(date) else None)


def _page(headers: dict, block: bytes, problem: str | None, label: str, limit: int) -> str | None:
    """The decoded HTML of a response record; None if it is no page (an image, an empty body)."""
    http, payload = _http(block)
    # The HTTP header tells what the payload is; for a block that is no HTTP response, the WARC header.
    ctype = (http.get("content-type") if block.startswith(b"HTTP/") else headers.get("content-type")) or ""
    if ctype and "html" not in ctype.lower() and not ctype.lower().startswith("application/http"):
        return None  # images, scripts, PDFs, DNS records: not pages
    if problem:
        raise InputError(f"{label}: {problem}")
    if "chunked" in http.get("transfer-encoding", "").lower():
        payload = _dechunk(payload)
    encoding = http.get("content-encoding", "").lower().strip()
    if encoding in ("gzip", "x-gzip", "deflate"):
        payload = _inflate(payload, limit, label)
    elif encoding not in ("", "identity"):
        raise InputError(f"{label}: content encoding {encoding!r} not supported")
    if not payload.strip():
        return None
    return decode(payload, label)


# --- records ------------------------------------------------------------------------------------

def _records(src: Stream, limit: int) -> Iterator[tuple[dict, bytes, str | None]]:
    """(WARC headers, block, problem) for each record; the problem (or None) says why it cannot be
    trusted, and then the block may be partial (of a record over the limit, only its start)."""
    while _next_record(src):
        headers: dict = {}
        try:
            headers, problem = _headers(src)
            if problem:
                yield headers, b"", problem
                continue
            length = _length(headers)
            if length is None:
                yield headers, b"", "no valid Content-Length"
                continue  # where the record ends is unknown: look for the next header from here
            if length > limit:
                block, kept = src.peek(min(length, _HTTP_HEAD)), b""
                got = src.discard(length)
                problem = over_limit("record", limit)
            else:
                block = kept = src.read(length)
                got = len(block)
            if got < length:
                yield headers, block, f"cut short at the end of the file ({got} of {length} bytes)"
                return
        except BrokenInput as e:  # a truncated or corrupt .warc.gz: nothing can be read past this record
            yield headers, b"", f"cut short ({e.detail})"
            return
        try:
            if not _at_next_record(src, kept):
                problem = problem or f"does not end where its Content-Length ({length} bytes) says"
        except BrokenInput:  # the record is whole, the archive broke off after it: a Skip for the file
            yield headers, block, problem
            raise
        yield headers, block, problem


def _next_record(src: Stream) -> bool:
    """Read on to just past the next "WARC/1.x" line; False at the end."""
    at_line_start = True
    while line := src.readline(_LINE):
        if at_line_start and _VERSION.fullmatch(line):
            return True
        at_line_start = line.endswith(b"\n")
    return False


def _headers(src: Stream) -> tuple[dict, str | None]:
    headers, size = {}, 0
    while line := src.readline(_LINE):
        size += len(line)
        if size > _HEADER:
            return headers, "WARC header too long"
        if not line.strip():
            return headers, None
        key, colon, value = line.decode("utf-8", "replace").partition(":")
        if colon:
            headers[key.strip().lower()] = value.strip()
    return headers, "cut short at the end of the file, in its WARC header"


def _length(headers: dict) -> int | None:
    value = headers.get("content-length", "")
    return int(value) if value.isascii() and value.isdigit() else None


def _at_next_record(src: Stream, block: bytes) -> bool:
    """Whether the record just read is followed by blank lines and then the next record or the end. If
    not, the block (and what followed it) is put back to look for the next record header in."""
    seen = []
    while (line := src.readline(_LINE)) and not line.strip():
        seen.append(line)
    ok = not line or bool(_VERSION.fullmatch(line))
    src.unread(line if ok else block + b"".join(seen) + line)
    return ok


# --- HTTP ---------------------------------------------------------------------------------------

def _http(block: bytes) -> tuple[dict, bytes]:
    """The headers (lower-case names) and payload of an HTTP response block; ({}, block) if it is none."""
    if not block.startswith(b"HTTP/"):
        return {}, block
    end, sep = block.find(b"\r\n\r\n"), 4
    if end < 0:
        end, sep = block.find(b"\n\n"), 2
    if end < 0:
        end, sep = len(block), 0
    headers = {}
    for line in block[:end].decode("latin-1").split("\n")[1:]:
        key, colon, value = line.partition(":")
        if colon:
            headers[key.strip().lower()] = value.strip()
    return headers, block[end + sep:]


def _dechunk(data: bytes) -> bytes:
    """The payload of a chunked HTTP body (as much as there is); the body itself if it is not chunked."""
    out, pos = bytearray(), 0
    while True:
        eol = data.find(b"\n", pos)
        size = data[pos:eol].split(b";")[0].strip() if eol >= 0 else b""
        if not _HEX.fullmatch(size):
            return bytes(out) if out else data
        n = int(size, 16)
        if n == 0:
            return bytes(out)
        out += data[eol + 1:eol + 1 + n]
        pos = eol + 1 + n
        pos += 2 if data.startswith(b"\r\n", pos) else 1 if data.startswith(b"\n", pos) else 0


def _inflate(data: bytes, limit: int, label: str) -> bytes:
    # Bounded like any other page: a compressed payload is never inflated past the limit.
    for wbits in (47, -15):  # 47: gzip or zlib header, told apart by zlib; -15: raw deflate
        try:
            out = zlib.decompressobj(wbits).decompress(data, limit + 1)
        except zlib.error:
            continue
        if len(out) > limit:
            raise InputError(f"{label}: {over_limit('page', limit)}")
        return out
    raise InputError(f"{label}: broken compressed payload")
