#!/usr/bin/env python3
"""Build whowhom's actor data files (src/whowhom/data/actors/) from the Phoenix/PETRARCH-2 dictionaries
in ../shared plus whowhom's own curated lists (scripts/countries_curated.py).

Run once from the repository root:  .venv/bin/python scripts/build_actor_data.py [--shared ../shared]
The outputs are committed; nothing reads ../shared at run time.  Patterns are stored pre-tokenised with
spaCy's English tokenizer (tokens joined by single spaces), so the run-time coder only does dict look-ups.
The TABARI reading is whowhom.actors.tabari, the same parser `whowhom dict import` uses; --out DIR writes
elsewhere (to compare a rebuild with the committed files).
"""
from __future__ import annotations

import argparse
import re
import shutil
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import countries_curated as cur  # noqa: E402

from whowhom.actors import tabari  # noqa: E402
from whowhom.actors.tabari import titlecase  # noqa: E402

phx_role = tabari.role

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "whowhom" / "data" / "actors"
PHX_NOTE = ("Phoenix/PETRARCH-2 dictionaries (Open Event Data Alliance, MIT licence, see PHOENIX-LICENSE), "
            "file {f}")

SECTOR_NAMES = {
    "GOV": "government", "MIL": "military", "COP": "police", "REB": "rebels", "OPP": "opposition",
    "CVL": "civilians", "JUD": "judiciary", "MED": "media", "EDU": "education/experts", "BUS": "business",
    "LEG": "legislature", "ELI": "elites", "SPY": "intelligence", "LAB": "labour", "REF": "refugees",
    "HLH": "health", "AGR": "agriculture", "CRM": "criminals", "ENV": "environment", "REL": "religion",
    "HRI": "human rights", "NGO": "NGO", "IGO": "intergovernmental organisation", "PTY": "party",
    "UAF": "armed forces (unidentified)", "MNC": "multinational", "IMG": "international militants",
    "PPL": "people", "CHR": "Christian", "MUS": "Muslim", "JEW": "Jewish", "SET": "settlers", "RAD": "radicals",
}
KEEP_SECTORS = set(SECTOR_NAMES) - {"IGO", "NGO", "MNC", "IMG"}

# Phoenix single-word agents that are too generic or wrong for news prose.
AGENT_DROP = {
    "kingdom", "chief", "deputy", "monger", "waiter", "waitress", "cabinetmaker", "producer", "tanker",
    "freighter", "settlement", "village", "community", "mother", "girl", "child", "children", "man", "men",
    "woman", "women", "person", "persons", "people", "retired", "actor", "native", "naturalized", "boss",
    "oiler", "bargainer", "airway", "airline", "aerospace", "jumbojet", "containership", "supertanker",
    "husband man", "husband woman", "husband person", "husband men", "husband women", "fire man",
    "fire men", "fire woman", "fire women", "fire person", "firefighter", "prison", "counsel", "advocate",
    "pupil", "infant", "engineer", "hunter", "customer", "victim", "victims", "mob", "rabble", "school",
    "kindergarten", "polity", "sovereign", "state", "states", "doc", "nanny", "cantor", "hebrew", "jewish", "christian",
    "anglican", "maronite", "unitarian", "hindu", "buddhist", "state-owned", "governance", "general",
}
GROUP_KIND = "group"
# Country codes of the Phoenix files that are not ISO 3166 alpha-3: Angola is ANG there.
PHOENIX_CODES = {"ANG": "AGO"}


def tokenizer():
    import spacy
    return spacy.blank("en").tokenizer


def tok(nlp_tok, s: str) -> str:
    return " ".join(t.text for t in nlp_tok(s.strip()))


def parse_tabari(path: Path):
    """(names, roles, head_inline) blocks of a TABARI .actors file (whowhom.actors.tabari)."""
    blocks = tabari.actor_blocks(path.read_text(encoding="utf-8", errors="replace"))
    return [(b.names, b.roles, b.inline) for b in blocks]


def load_country_table(t):
    rows = []
    for line in cur.COUNTRIES.strip().splitlines():
        code, names, adjs, dems, caps = (line.split("|") + [""] * 5)[:5]
        f = lambda s: [x.strip() for x in s.split(";") if x.strip()]  # noqa: E731
        rows.append((code, f(names), f(adjs), f(dems), f(caps)))
    return rows


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    ap.add_argument("--out", default=str(OUT), help="output directory (default: the packaged data)")
    args = ap.parse_args()
    out = Path(args.out)
    phx = Path(args.shared) / "reference" / "phoenix-dictionaries"
    if not phx.is_dir():
        sys.exit(f"no Phoenix dictionaries at {phx}")
    out.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(phx / "LICENSE", out / "PHOENIX-LICENSE")
    t = tokenizer()
    names_out: dict[str, str] = {}

    # ---------- countries ----------
    table = load_country_table(t)
    country_codes = {r[0] for r in table}
    combining = {"Sino": "CHN", "Russo": "RUS", "Anglo": "GBR", "Franco": "FRA"}
    rows: dict[tuple[str, str], tuple[str, str]] = {}  # (pattern) -> (code, kind)

    def add(code, kind, pattern, store=rows):
        p = tok(t, pattern)
        if p and p not in store:
            store[p] = (code, kind)

    for code, nms, adjs, dems, caps in table:
        names_out.setdefault(code, nms[0])
        for n in nms:
            add(code, "country", n)
            if n.lower().startswith("the "):
                continue
        for a in adjs:
            if a in combining:
                add(combining[a], "combining", a)
            else:
                add(code, "demonym", a)
        for d in dems:
            add(code, "demonym", d)
        for c in caps:
            add(code, "capital", c)
    # Phoenix synonyms: keep long official forms that contain a curated name, and single-word
    # adjectives sharing the country's stem; drop cities, regions, rivers, misspellings.
    phx_blocks = parse_tabari(phx / "Phoenix.Countries.actors.txt")
    curated_words = {code: {w.lower() for n in r[1] + r[2] for w in n.split()} for code, *_ in table for r in [next(x for x in table if x[0] == code)]}
    n_phx_syn = 0
    for names, roles, inline in phx_blocks:
        if not inline or len(roles) != 1 or not re.fullmatch(r"[A-Z]{3}", roles[0].strip()):
            continue
        code = roles[0].strip()
        if code not in country_codes:
            continue
        head = names[0]
        for n in names:
            words = n.lower().split()
            if len(words) >= 2 and (set(words) & {"republic", "kingdom", "federation", "state", "states",
                                                   "democratic", "islamic", "union", "commonwealth",
                                                   "principality", "sultanate", "emirate"}) \
                    and set(words) & curated_words.get(code, set()):
                pat = titlecase(n)
                if tok(t, pat) not in rows:
                    add(code, "country", pat)
                    n_phx_syn += 1
            elif len(words) == 1 and re.search(r"(an|ese|ish|i)$", words[0]) and \
                    words[0][:4] == head.lower()[:4] and len(words[0]) > 4:
                pat = titlecase(n)
                if tok(t, pat) not in rows:
                    add(code, "demonym", pat)
                    n_phx_syn += 1
    for line in (cur.METONYMS + cur.PARTIES).split("\n"):
        if not line.strip():
            continue
        p, code = line.split("|")
        add(code, "metonym", p)
    discards = [tok(t, x) for x in cur.DISCARDS.strip().splitlines() if x.strip()]

    with open(out / "countries.tsv", "w", encoding="utf-8") as f:
        f.write("# whowhom actor gazetteer: countries, demonyms, capitals, seats of government and political parties (metonyms).\n")
        f.write("# Sources: whowhom's own lists (scripts/countries_curated.py) and "
                + PHX_NOTE.format(f="Phoenix.Countries.actors.txt") + ".\n")
        f.write("# Columns: code<TAB>kind<TAB>pattern (spaCy tokens joined by spaces; case marks proper names)\n")
        for p, (code, kind) in rows.items():
            f.write(f"{code}\t{kind}\t{p}\n")
        for p in discards:
            f.write(f"-\tdiscard\t{p}\n")

    # ---------- organisations, media, groups, armed groups ----------
    orgs: dict[str, tuple] = {}
    cameo_to_readable = {}
    for line in cur.ORGS.strip().splitlines():
        code, cameo, cc, sector, pats = line.split("|")
        pats = [x.strip() for x in pats.split(";") if x.strip()]
        kind = "media" if sector == "MED" else "org"
        if not cc and not code.endswith("MED"):
            names_out.setdefault(code, pats[0])
            cameo_to_readable.setdefault(cameo, code)
        for p in pats:
            tp = tok(t, p)
            orgs.setdefault(tp, (code, cameo, cc, sector, kind))
    for line in cur.GROUPS.strip().splitlines():
        p, code, name = line.split("|")
        names_out.setdefault(code, name)
        orgs.setdefault(tok(t, p), (code, code, "", "", GROUP_KIND))
    # international organisations and NGOs from one reading of Phoenix.International.actors.txt
    intl = [(phx_role(roles[0]) if roles else None, names)
            for names, roles, inline in parse_tabari(phx / "Phoenix.International.actors.txt")]

    def add_intl(prefix, keep, code_of, sector) -> int:
        """The names of the `prefix` roles that `keep` takes, as organisations coded `code_of(role)`."""
        added = 0
        for role, names in intl:
            if not role or "@" in role or not role.startswith(prefix):
                continue
            for n in names:
                if not re.fullmatch(r"[A-Z0-9 .,'&-]+", n) or not keep(n):
                    continue
                tp = tok(t, titlecase(n))
                if tp not in orgs and tp not in rows:
                    orgs[tp] = (code_of(role), role, "", sector, "org")
                    names_out.setdefault(code_of(role), titlecase(n))
                    added += 1
        return added

    n_igo = add_intl("IGO", lambda n: len(n.split()) >= 2, lambda role: cameo_to_readable.get(role, role), "")
    # non-governmental organisations (Greenpeace, Oxfam): coded by their CAMEO code, no country (an NGO's
    # home does not make it a state actor); a one-word name only when long enough not to be an ordinary
    # word written with a capital
    n_ngo = add_intl("NGO", lambda n: (len(n.split()) >= 2 or len(n) >= 6)
                     and titlecase(n) not in ("Aid Group", "The Iu"),  # (words, not names)
                     lambda role: role, "NGO")
    n_mns = 0
    for names, roles, inline in parse_tabari(phx / "Phoenix.MilNonState.actors.txt"):
        role = phx_role(roles[0]) if roles else None
        if not role or "@" in role:
            continue
        role = PHOENIX_CODES.get(role[:3], role[:3]) + role[3:]
        cc = role[:3] if role[:3] in country_codes else ""
        for n in names:
            if len(n.split()) < 2:
                continue
            tp = tok(t, titlecase(n))
            if tp not in orgs and tp not in rows:
                # (a group known by a readable code keeps it: Osama bin Laden is al-Qaeda's, ALQ)
                code = (cc + "REB") if cc else cameo_to_readable.get(role, role)
                orgs[tp] = (code, role, cc, "REB", "armed")
                n_mns += 1
    with open(out / "organisations.tsv", "w", encoding="utf-8") as f:
        f.write("# whowhom actor gazetteer: international organisations, news media, regional groups, armed groups.\n")
        f.write("# Sources: whowhom's own lists (scripts/countries_curated.py) and "
                + PHX_NOTE.format(f="Phoenix.International.actors.txt and Phoenix.MilNonState.actors.txt") + ".\n")
        f.write("# Columns: code<TAB>cameo<TAB>country<TAB>sector<TAB>kind<TAB>pattern\n")
        for p, (code, cameo, cc, sector, kind) in orgs.items():
            f.write(f"{code}\t{cameo}\t{cc}\t{sector}\t{kind}\t{p}\n")

    # ---------- leaders ----------
    people: list[tuple[str, str, list[str], str]] = []
    seen: set[str] = set()
    for line in cur.LEADERS.strip().splitlines():
        name, roles, aliases = line.split("|")
        pats = []
        for a in [name] + aliases.split(";"):
            tp = tok(t, a.strip())
            if tp and tp.lower() not in seen:
                seen.add(tp.lower())
                pats.append(tp)
        people.append((name, roles.strip(), pats, "own"))
    n_phx_people = 0
    # people with dated roles in the international and non-state files too: Ban Ki-moon is the UN's
    # from 2007, South Korea's before
    # (people, not organisations whose code changed over time: a person has served a country or is an
    # elite of one)
    dated = [b for f in ("Phoenix.International.actors.txt", "Phoenix.MilNonState.actors.txt")
             for b in parse_tabari(phx / f) if any("@" in (phx_role(r) or "") for r in b[1])
             and any(r.strip()[:3] in country_codes or r.split()[0].endswith("ELI") for r in b[1] if r.strip())]
    for names, roles, inline in phx_blocks + dated:
        rr = [phx_role(r) for r in roles]
        rr = [r for r in rr if r]
        if not rr or (len(rr) == 1 and "@" not in rr[0] and len(rr[0]) == 3):
            continue  # a country header, or unparseable
        rr = [(cameo_to_readable.get(r.split("@")[0], r.split("@")[0]) + ("@" + r.split("@")[1] if "@" in r else "")) for r in rr]
        pats = []
        for n in names:
            if len(n.split()) < 2 or n.startswith("REPLACE"):
                continue
            tp = tok(t, titlecase(n))
            if tp.lower() not in seen and tp not in rows and tp not in orgs:
                seen.add(tp.lower())
                pats.append(tp)
        if pats:
            people.append((titlecase(names[0]), " ".join(rr), pats, "phoenix"))
            n_phx_people += 1
    with open(out / "leaders.tsv", "w", encoding="utf-8") as f:
        f.write("# whowhom actor gazetteer: leaders, officials and named institutions with date-bounded roles.\n")
        f.write("# Sources: whowhom's own list of current leaders (scripts/countries_curated.py, listed first, wins) and "
                + PHX_NOTE.format(f="Phoenix.Countries.actors.txt, and the people with dated roles of "
                                   "Phoenix.International.actors.txt and Phoenix.MilNonState.actors.txt "
                                   "(names of two words or more only)") + ".\n")
        f.write("# Columns: name<TAB>roles<TAB>patterns (|-separated)<TAB>source (own|phoenix). Roles: CODE@YYYYMMDD-YYYYMMDD, CODE@>YYYYMMDD,\n")
        f.write("# CODE@<YYYYMMDD, or a bare CODE used when no dated role applies.\n")
        for name, roles, pats, src in people:
            f.write(f"{name}\t{roles}\t{'|'.join(pats)}\t{src}\n")

    # ---------- agents ----------
    agents: dict[str, tuple[str, str]] = {}
    for line in cur.AGENTS.strip().splitlines():
        sector, pats = line.split("|")
        for p in pats.split(";"):
            if p.strip():
                # (an abbreviated title is one token as written, "Sen.", not as lower-cased, "sen ."
                agents.setdefault(tok(t, p.strip()).lower(), (sector, sector))
    n_phx_agents = 0
    for entry in tabari.agents((phx / "Phoenix.agents.txt").read_text(encoding="utf-8", errors="replace")):
        sector = tabari.agent_sector(entry.code)
        if sector not in KEEP_SECTORS:
            continue
        for text in entry.texts:
            if not text or "!" in text or not re.fullmatch(r"[a-z .'-]+", text) or text in AGENT_DROP:
                continue
            # (TABARI's "AMBASSADOR_TO_" awaits a country's name after it; the actor coder finds that name
            # itself, and a pattern ending in "to" would hide the bare "ambassador")
            tp = re.sub(r"(?: (?:to|of|for|in|at|with|from|on|by))+$", "", tok(t, text))
            if tp not in agents:
                agents[tp] = (sector, entry.code)
                n_phx_agents += 1
    agents[tok(t, "capital")] = ("", "capital")
    with open(out / "agents.tsv", "w", encoding="utf-8") as f:
        f.write("# whowhom agent (sector) words, matched on lower-case text or lemma; singular forms (plurals derived).\n")
        f.write("# Sources: whowhom's own list (scripts/countries_curated.py, wins) and "
                + PHX_NOTE.format(f="Phoenix.agents.txt") + ".\n")
        f.write("# Columns: sector<TAB>cameo<TAB>pattern. Empty sector + cameo 'capital' = 'the Russian capital' -> country.\n")
        for p, (sector, full) in agents.items():
            f.write(f"{sector}\t{full}\t{p}\n")

    # ---------- readable names ----------
    with open(out / "names.tsv", "w", encoding="utf-8") as f:
        f.write("# Readable names of whowhom actor codes and CAMEO sectors (for describe()).\n")
        f.write("# Sources: whowhom's own lists; country names as in scripts/countries_curated.py.\n")
        for code, name in names_out.items():
            f.write(f"{code}\t{name}\n")
        for s, name in SECTOR_NAMES.items():
            f.write(f"~{s}\t{name}\n")
    print(f"countries: {len(rows)} patterns ({n_phx_syn} from Phoenix); orgs: {len(orgs)} "
          f"({n_igo} IGO + {n_ngo} NGO + {n_mns} armed from Phoenix); leaders: {len(people)} ({n_phx_people} from Phoenix); "
          f"agents: {len(agents)} ({n_phx_agents} from Phoenix)")


if __name__ == "__main__":
    main()
