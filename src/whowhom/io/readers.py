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

Bytes are decoded after a BOM or an HTML <meta charset> has had its say: UTF-16 without a BOM is found
by its NUL bytes, UTF-8 with a few damaged bytes stays UTF-8 (the bad bytes become U+FFFD), and anything
else goes to charset-normalizer. Decoded text holds no NUL and no lone surrogate. Bad input raises
InputError with a one-line message naming the file (and the line, for JSON Lines, or the record, for WARC).
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
from typing import Iterable, Iterator

from charset_normalizer import from_bytes

from whowhom.errors import InputError

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


class BrokenInput(InputError):
    """A stream that cannot be read on: truncated or corrupt gzip data, an I/O error. `detail` is the
    message without the file name."""
    def __init__(self, name: str, detail: str):
        super().__init__(f"{name}: {detail}")
        self.detail = detail


class Stream:
    """A binary stream read through a buffer: bounded reads and lines, a look ahead (peek), and bytes put
    back (unread), which format sniffing and finding the next WARC record after a bad one need."""

    CHUNK, BIG = 1 << 16, 1 << 20  # the least read at a time; the most, where a line or record is long

    def __init__(self, raw, name: str, broken: str):
        # read1 gives what there is before an error (a truncated gzip stream), where read would lose it
        self._read = getattr(raw, "read1", raw.read)
        self._name, self._broken = name, broken
        self._buf = bytearray()
        self._eof = False
        self._error: BrokenInput | None = None

    def _more(self, n: int = CHUNK) -> bool:
        """Read more into the buffer; False at the end of the stream."""
        if self._eof:
            return False
        try:
            chunk = self._read(max(n, self.CHUNK))
        except (OSError, EOFError, zlib.error) as e:
            self._error = BrokenInput(self._name, f"{self._broken} ({e})")
            chunk = b""
        if not chunk:
            self._eof = True
            return False
        self._buf += chunk
        return True

    def _end(self) -> None:
        # A read came up short: fine at the end of the data, an error if the stream broke off there.
        if self._error is not None:
            raise self._error

    def _take(self, n: int) -> bytes:
        out = bytes(self._buf[:n])
        del self._buf[:n]
        return out

    def _fill(self, n: int) -> bool:
        """Whether the buffer holds n bytes, after reading what it takes."""
        while len(self._buf) < n and self._more(n - len(self._buf)):
            pass
        return len(self._buf) >= n

    def peek(self, n: int) -> bytes:
        """Up to n bytes ahead, left to be read (a look ahead never raises: the read will)."""
        self._fill(n)
        return bytes(self._buf[:n])

    def read(self, n: int) -> bytes:
        if not self._fill(n):
            self._end()
        return self._take(n)

    def readline(self, n: int) -> bytes:
        """One line with its newline, or its first n bytes if it is longer; b"" at the end."""
        seen = 0
        while True:
            end = self._buf.find(b"\n", seen, n)
            if end >= 0:
                return self._take(end + 1)
            if len(self._buf) >= n:
                return self._take(n)
            seen = len(self._buf)
            if not self._more(min(n - seen, self.BIG)):
                self._end()
                return self._take(len(self._buf))

    def discard_line(self, most: int) -> bool:
        """Pass over the rest of a line, if it ends within `most` bytes; whether it did."""
        while most > 0 and (part := self.readline(min(most, self.BIG))):
            if part.endswith(b"\n"):
                return True
            most -= len(part)
        return most > 0  # the end of the data ends a line too

    def discard(self, n: int) -> int:
        """Pass over n bytes without keeping them; how many there were."""
        done = 0
        while done < n and (self._buf or self._more(min(n - done, self.BIG))):
            k = min(len(self._buf), n - done)
            del self._buf[:k]
            done += k
        if done < n:
            self._end()
        return done

    def unread(self, data: bytes) -> None:
        self._buf[:0] = data


def open_stream(raw, name: str) -> Stream:
    """A Stream of the bytes of `raw` (a binary file object), decompressed if they are gzip."""
    src = Stream(raw, name, "cannot read")
    if src.peek(2) == b"\x1f\x8b":
        # Decompressed as it is read, never more than asked for: a gzip bomb costs no more than the limit.
        src = Stream(gzip.GzipFile(fileobj=src, mode="rb"), name, "broken gzip data")
    return src


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


# --- decoding ---------------------------------------------------------------------------------

_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF8, "utf-8-sig"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_:.-]+)""", re.I)
# Legacy single-byte encodings that a short text cannot tell apart; cp1252 is by far the commonest on
# the web, so it wins a near tie (charset-normalizer may otherwise pick cp775 for a short line of French).
_PREFERRED = ("utf_8", "ascii", "cp1252", "latin_1", "iso8859_15")
# Formats whose start can pass for text (a PDF may be ASCII for pages) or that are common in crawls.
_BINARY_MAGIC = (b"%PDF-", b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"PK\x03\x04", b"\x7fELF")
_CONTROLS = bytes(b for b in range(32) if b not in (9, 10, 12, 13, 27))
_SURROGATE = re.compile("[\ud800-\udfff]")


def decode(data: bytes, name: str = "input") -> str:
    """The text of `data`, or InputError for binary data. Never holds a NUL or a lone surrogate, so it
    always encodes to UTF-8."""
    return clean(_decode(data, name))


def clean(value: str) -> str:
    """`value` without NULs and lone surrogates, which break parsers and UTF-8 writers: decoded bytes
    never hold a lone surrogate, but a JSON string may ("\\ud800"), or a codec such as unicode_escape."""
    value = value.replace("\x00", "")
    return value if value.isascii() else _SURROGATE.sub("\ufffd", value)


def _decode(data: bytes, name: str) -> str:
    for bom, enc in _BOMS:
        if data.startswith(bom):
            return data.decode(enc, errors="replace").lstrip("\ufeff")
    declared = _META_CHARSET.search(data[:4096])
    if declared:
        text = _declared(data, declared.group(1).decode("ascii", "ignore"))
        if text is not None:
            return text
    text = _utf16_without_bom(data)
    if text is not None:
        return text
    if _looks_binary(data):
        raise InputError(f"{name}: binary data, not text or HTML")
    text = _utf8(data)
    if text is not None:
        return text
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
    if enc.startswith(("utf-16", "utf-32")):
        return None  # a page whose <meta> can be read is not UTF-16 or UTF-32, whatever it says (as browsers)
    try:
        return data.decode(enc)
    except (UnicodeError, LookupError):  # LookupError: a codec that is no text encoding ("base64", "rot13")
        return None


def _utf16_without_bom(data: bytes) -> str | None:
    # Text in the ASCII range written as UTF-16 has a NUL in every other byte: after each character
    # (little-endian) or before it (big-endian). Binary data has its NULs on both sides.
    head = data[:8192]
    pairs = len(head) // 2
    even, odd = head[0::2].count(0), head[1::2].count(0)
    for zeros, others, enc in ((odd, even, "utf-16-le"), (even, odd, "utf-16-be")):
        if zeros > pairs // 8 and others * 20 <= zeros:
            text = data.decode(enc, errors="replace")
            if not _looks_binary(text[:4096].encode("utf-8")):
                return text
    return None


def _looks_binary(data: bytes) -> bool:
    if data.startswith(_BINARY_MAGIC):
        return True
    head = data[:8192]
    # A stray NUL or two is damage in a text; many NULs, or many other control bytes, mean binary data.
    controls = len(head) - len(head.translate(None, _CONTROLS))
    return head.count(0) > max(2, len(head) // 100) or controls > len(head) * 0.05


def _utf8(data: bytes) -> str | None:
    """`data` as UTF-8, if it is UTF-8 but for a few damaged bytes (which become U+FFFD)."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd") - data.count("\ufffd".encode())
    multibyte = len(text) - len(text.encode("ascii", "ignore")) - bad
    # A legacy single-byte text almost never holds a valid UTF-8 multi-byte sequence, while in UTF-8 a
    # bad one is damage: so as many valid ones as bad ones, and bad ones rare, mean damaged UTF-8.
    if multibyte >= bad and bad <= max(1, len(data) // 100):
        return text
    return None


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
