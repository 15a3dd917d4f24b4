"""`whowhom eval geo GOLD`: toponym resolution against gold toponyms (character offsets and coordinates).

For each gold toponym, the system's place whose character span overlaps it (the one that overlaps it
most); acc@161 is the share of gold toponyms whose place lies within 161 km of the gold coordinates, found
the share with any overlapping place, and the median error in km is taken over those found. Each miss is
put down to a cause: not found; the right GeoNames place, whose point here is another than GeoNames' own
(reference point: whowhom's country and region points are estimates, data/geo/README.md); another place,
and the gazetteer has one of that name within 161 km (wrong candidate); or it has none (not in gazetteer)."""

from __future__ import annotations

import statistics
from collections import Counter, defaultdict

from whowhom.eval import gold
from whowhom.eval.gold import read_jsonl
from whowhom.geo.resolve import km

ACC_KM = 161.0


class _Point:  # what resolve.km reads
    def __init__(self, lat, lon):
        self.lat, self.lon = float(lat), float(lon)


def read(path: str) -> list[dict]:
    # (the gold reader checks the fields a task needs: these are geo's)
    gold.FIELDS.setdefault("geo", ("id", "text", "toponyms"))
    return gold.read_gold(path, "geo")


def system_places(records: list[dict]) -> dict[str, list[dict]]:
    """Each gold text's places (whowhom.geo.places on the text as given)."""
    from whowhom import nlp
    from whowhom.geo import places
    texts = (r["text"] for r in records)
    return {r["id"]: [p.to_dict() for p in places(doc, r["id"])]
            for r, doc in zip(records, nlp.load().pipe(texts, batch_size=8))}


def read_predictions(path: str) -> dict[str, list[dict]]:
    """`whowhom places --format jsonl` output: one place a line, with its doc_id."""
    out = defaultdict(list)
    for _, rec in read_jsonl(path, "predictions"):
        out[str(rec.get("doc_id"))].append(rec)
    return out


def score(records: list[dict], system: dict[str, list[dict]]) -> dict:
    from whowhom.geo import gazetteer
    gaz = gazetteer.load()
    rows, errors = [], []
    corpora = defaultdict(lambda: Counter())
    causes = Counter()
    for rec in records:
        found = [p for p in system.get(rec["id"], []) if p.get("lat") is not None]
        for t in rec["toponyms"]:
            c = corpora[rec.get("corpus") or "all"]
            c["gold"] += 1
            over = [(min(t["end"], p["end"]) - max(t["start"], p["start"]), p) for p in found
                    if p["start"] < t["end"] and p["end"] > t["start"]]
            row = {"id": rec["id"], "gold": t, "place": None, "km": None}
            if over:
                p = max(over, key=lambda x: x[0])[1]
                row["place"], row["km"] = p, km(_Point(t["lat"], t["lon"]), _Point(p["lat"], p["lon"]))
                errors.append(row["km"])
                c["found"] += 1
                c["correct"] += row["km"] <= ACC_KM
            if row["km"] is None or row["km"] > ACC_KM:
                row["cause"] = _cause(row, gaz)
                causes[row["cause"]] += 1
            rows.append(row)
    total = Counter()
    for c in corpora.values():
        total.update(c)
    return {"records": len(records), "toponyms": total["gold"], "found": total["found"] / (total["gold"] or 1),
            "acc161": total["correct"] / (total["gold"] or 1),
            "median_km": statistics.median(errors) if errors else None,
            "corpora": {k: {"toponyms": c["gold"], "found": c["found"] / c["gold"], "acc161": c["correct"] / c["gold"]}
                        for k, c in sorted(corpora.items())},
            "causes": causes, "rows": rows}


def _cause(row, gaz) -> str:
    if row["place"] is None:
        return "not found"
    t = row["gold"]
    if t.get("geonames_id") and str(row["place"].get("geonames_id")) == str(t["geonames_id"]):
        return "reference point"  # the right place, whose point here is not GeoNames' own
    near = any(km(_Point(t["lat"], t["lon"]), e) <= ACC_KM for e, _ in gaz.lookup(t["name"]))
    return "wrong candidate" if near else "not in gazetteer"


def report(r: dict, worst: int) -> dict:
    median = "-" if r["median_km"] is None else f"{r['median_km']:.1f}"
    print(f"geo: {r['records']} texts, {r['toponyms']} gold toponyms  acc@161 {r['acc161']:.3f}  "
          f"found {r['found']:.3f}  median error {median} km (of those found)")
    for name, c in r["corpora"].items():
        print(f"  {name:<12} {c['toponyms']:>5} toponyms  acc@161 {c['acc161']:.3f}  found {c['found']:.3f}")
    print("\nmisses by cause:")
    for cause, n in r["causes"].most_common():
        print(f"  {n:>5}  {cause}")
    misses = sorted((row for row in r["rows"] if row.get("cause")), key=lambda x: (x["km"] is None, -(x["km"] or 0)))
    if worst:
        print(f"\nworst misses ({min(worst, len(misses))} of {len(misses)}):")
        for row in misses[:worst]:
            t, p = row["gold"], row["place"]
            got = f"{p['name']} ({p['feature']}, {p['country']}) {row['km']:.0f} km" if p else "-"
            print(f"  {row['id'][:14]:<14} {t['name'][:30]!r:<32} [{row['cause']}] system {got}")
    return {"task": "geo", "records": r["records"], "toponyms": r["toponyms"], "acc161": round(r["acc161"], 4),
            "found": round(r["found"], 4), "median_km": None if r["median_km"] is None else round(r["median_km"], 1),
            **{f"acc161_{k}": round(c["acc161"], 4) for k, c in r["corpora"].items()}}


def run(gold: str, predictions: str | None, worst: int) -> dict:
    records = read(gold)
    system = read_predictions(predictions) if predictions else system_places(records)
    return report(score(records, system), worst)
