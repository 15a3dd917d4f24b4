"""WARC and WARC.gz archives (FastWARC): each response record with an HTML body becomes one page, with
the record's target URI as its url and its capture date as the date to use when the page gives none."""

from __future__ import annotations

import io
from typing import Iterator

from fastwarc.warc import ArchiveIterator, WarcRecordType

from whowhom.errors import InputError
from whowhom.io.readers import RawDoc, decode


def read_warc(name: str, data: bytes) -> Iterator[RawDoc]:
    n = 0
    try:
        for record in ArchiveIterator(io.BytesIO(data), record_types=WarcRecordType.response,
                                      parse_http=True):
            n += 1
            ctype = (record.http_content_type or "").lower()
            if ctype and "html" not in ctype:
                continue  # images, scripts, PDFs: not pages
            body = record.reader.read()
            if not body.strip():
                continue
            uri = record.headers.get("WARC-Target-URI") or None
            date = record.record_date.date().isoformat() if record.record_date else None
            yield RawDoc(id=f"{name}#{record.record_id or n}", content=decode(body, f"{name} record {n}"),
                         kind="html", url=uri, fallback_date=date)
    except (OSError, ValueError, RuntimeError) as e:  # FastWARC's errors on truncated or garbled data
        raise InputError(f"{name}: broken WARC data ({e})") from None
