"""Writers: events as JSON Lines, tab-separated values, or a readable table."""

from __future__ import annotations

import csv
import json
import sys
from typing import IO, Iterable

from whowhom.events.event import Event

TSV_FIELDS = ["doc_id", "section", "sentence_index", "source", "target", "cameo", "cameo_name", "goldstein",
              "quad_class", "penta", "plover", "plover_mode", "modality", "reported_by", "event_date",
              "background", "confidence", "source_text", "target_text", "sentence", "rule"]


def write_jsonl(events: Iterable[Event], out: IO[str] = sys.stdout) -> None:
    for ev in events:
        out.write(json.dumps(ev.to_dict(), ensure_ascii=False) + "\n")


def write_tsv(events: Iterable[Event], out: IO[str] = sys.stdout, header: bool = True) -> None:
    w = csv.writer(out, delimiter="\t", lineterminator="\n")
    if header:
        w.writerow(TSV_FIELDS)
    for ev in events:
        d = ev.to_dict()
        w.writerow(["" if d[f] is None else str(d[f]).replace("\t", " ").replace("\n", " ") for f in TSV_FIELDS])


def write_table(events: list[Event], title: str, out: IO[str] | None = None) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(title=title, show_lines=False, expand=False)
    for col in ("section", "source", "event", "target", "modality", "reported by", "date", "conf", "evidence"):
        table.add_column(col, overflow="fold")
    for ev in events:
        table.add_row(ev.section, f"{ev.source}\n[dim]{ev.source_text}[/dim]",
                      f"{ev.cameo} {ev.cameo_name}\n[dim]{ev.plover or '-'} · GS {ev.goldstein:+.1f}[/dim]",
                      f"{ev.target or '-'}\n[dim]{ev.target_text or ''}[/dim]", ev.modality,
                      ev.reported_by or "", (ev.event_date or "") + ("\n[dim]background[/dim]" if ev.background else ""),
                      f"{ev.confidence:.2f}", ev.sentence)
    Console(file=out, width=160).print(table)
