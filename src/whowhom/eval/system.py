"""The system side of an evaluation: code each gold text with the pipeline, or read predictions.

Predictions are JSON Lines, either events as `whowhom code --format jsonl` writes them (each with its
`doc_id`) or records `{"id", "events": [...]}`. Either way the result maps a gold id to its event dicts."""

from __future__ import annotations

from collections import defaultdict

from whowhom.errors import InputError


def code_records(records: list[dict], text_of=lambda r: r["text"], uncoded: bool = False) -> dict[str, list[dict]]:
    """Code each record's text as one article body, dated by the record (leaders are dated roles); with
    `uncoded`, keep events with no political actor too (whowhom code --uncoded)."""
    from whowhom.page import Article
    from whowhom.pipeline import code_article

    out = {}
    for rec in records:
        article = Article(id=rec["id"], title=None, date=rec.get("date"), author=None, body=text_of(rec))
        out[rec["id"]] = [e.to_dict() for e in code_article(article, uncoded)]
    return out


def code_pages(records: list[dict]) -> dict[str, list[dict]]:
    """Code each record's page text as a crawled page: its anatomy found, dated by the page where it
    gives a date, else by the record's date (the day a crawler saw it)."""
    from whowhom.io.readers import RawDoc
    from whowhom.pipeline import code_article, extract_dated

    out = {}
    for rec in records:
        raw = RawDoc(id=rec["id"], content=rec["page_text"], kind="text", fallback_date=rec.get("date"))
        out[rec["id"]] = [e.to_dict() for e in code_article(extract_dated(raw))]
    return out


def read_predictions(path: str) -> dict[str, list[dict]]:
    from whowhom.eval.gold import read_jsonl

    out: dict[str, list[dict]] = defaultdict(list)
    for n, rec in read_jsonl(path, "predictions"):
        if "events" in rec and "id" in rec:
            out[str(rec["id"])].extend(rec["events"])
        elif "doc_id" in rec:
            out[str(rec["doc_id"])].append(rec)
        else:
            raise InputError(f"{path}:{n}: neither an event with doc_id nor a record with id and events")
    return out


def asserted(events: list[dict]) -> list[dict]:
    return [e for e in events if e.get("modality", "asserted") == "asserted"]
