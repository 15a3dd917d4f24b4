"""Bytes to text: a BOM or an HTML <meta charset> first; UTF-16 without a BOM found by its NUL bytes;
UTF-8 with a few damaged bytes kept as UTF-8 (the bad bytes become U+FFFD); anything else to
charset-normalizer. Decoded text holds no NUL and no lone surrogate; binary data is an InputError."""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

from whowhom.errors import InputError

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
