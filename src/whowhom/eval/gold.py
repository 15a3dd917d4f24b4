"""Gold readers: JSON Lines, one record a line, checked for the fields each task needs."""

from __future__ import annotations

import json
from pathlib import Path

from whowhom.errors import InputError

FIELDS = {
    "events": ("id", "text", "events"),
    "cameo": ("id", "text", "events"),
    "penta": ("id", "text", "penta"),
    "roles": ("id", "tokens", "tags"),
    "extract": ("id", "article_body"),
    "news": ("id", "page_text", "events"),
    "anatomy": ("id", "page_text", "headline", "article_body"),
}


def read_jsonl(path: str, what: str):
    """(line number, record) of a JSON Lines file; unreadable files and lines are InputErrors."""
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as err:
        raise InputError(f"cannot read {what} {path}: {err.strerror if isinstance(err, OSError) else err}") from None
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            yield n, json.loads(line)
        except json.JSONDecodeError:
            raise InputError(f"{path}:{n}: not JSON") from None


def read_gold(path: str, task: str) -> list[dict]:
    records = []
    for n, rec in read_jsonl(path, "gold"):
        missing = [f for f in FIELDS[task] if f not in rec]
        if missing:
            raise InputError(f"{path}:{n}: not {task} gold (missing {', '.join(missing)})")
        rec["id"] = str(rec["id"])
        records.append(rec)
    if not records:
        raise InputError(f"{path}: no gold records")
    return records


def text_of(rec: dict) -> str:
    """A gold record's sentence: its text, or its tokens joined by single spaces (roles gold)."""
    return rec["text"] if "text" in rec else " ".join(rec["tokens"])


def fold_of(text: str, folds: int = 5) -> int:
    """The cross-validation fold of a sentence, by a hash of its letters and digits, so that a sentence in
    two gold files (the Multi-CoPED penta and roles files share most) falls in the same fold of both."""
    import hashlib
    import re

    key = re.sub(r"\W+", "", text.lower()).encode("utf-8")
    return int(hashlib.md5(key).hexdigest(), 16) % folds
