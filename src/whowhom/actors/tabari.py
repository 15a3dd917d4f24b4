"""Readers for TABARI/PETRARCH actor and agent dictionaries (the Phoenix *.actors.txt, *.agents.txt).

One parser for both users: scripts/build_actor_data.py (the packaged actor data) and `whowhom dict
import` (a user's own dictionaries).  Actor files hold blocks of a head name, `+` synonyms and codes,
inline (`NAME_ [CODE]`) or on indented role lines (`\t[CODE 990809-051231]`, `[CODE >120101]`); agent
files hold `WORD_ {PLURALS} [~SEC]` lines and `!SET! = A, B` substitution sets.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field


@dataclass
class Block:
    names: list[str]              # plain text names, head first
    roles: list[str]              # raw code specs: "RUSGOV", "RUSGOV 990809-051231", "CHNGOV >121115"
    inline: bool                  # the head line carried its own code
    line: int = 0                 # line number of the head


@dataclass
class Agent:
    texts: list[str]              # lower-case phrases (substitution sets expanded), plurals after
    code: str                     # "GOV", "GOVMIL" (the code without its "~")
    line: int = 0
    plurals: list[str] = field(default_factory=list)


def name(raw: str) -> str:
    """TABARI phrase -> plain text: 'PEOPLE'S_REPUBLIC_OF_CHINA_' -> "PEOPLE'S REPUBLIC OF CHINA"."""
    raw = raw.split("#", 1)[0].strip()
    raw = re.sub(r"\{.*?\}", "", raw)
    raw = re.sub(r"\[.*", "", raw).strip()
    raw = raw.lstrip("+").strip()
    raw = re.sub(r"\(.*?\)", "", raw)
    return re.sub(r"\s+", " ", raw.replace("_", " ")).strip()


def titlecase(s: str) -> str:
    """Upper-case TABARI names -> proper-name case, so the gazetteer's case check works."""
    small = {"of", "and", "the", "for", "in", "on", "de", "da", "al", "el", "bin", "von", "der", "la", "du"}
    out = []
    for i, w in enumerate(s.lower().split()):
        if i and w in small:
            out.append(w)
        elif "-" in w:
            out.append("-".join(p[:1].upper() + p[1:] if p not in ("al", "el") else p for p in w.split("-")))
        elif "'" in w:
            a, b = w.split("'", 1)
            out.append(a[:1].upper() + a[1:] + "'" + (b if b in ("s", "") else b[:1].upper() + b[1:]))
        else:
            out.append(w[:1].upper() + w[1:])
    return " ".join(out)


def date(d: str) -> str | None:
    """'121115' -> '20121115' (years up to 30 are 20xx), 8 digits kept, else None."""
    d = d.strip()
    if len(d) == 8 and d.isdigit():
        return d
    if len(d) == 6 and d.isdigit():
        yy = int(d[:2])
        return ("20" if yy <= 30 else "19") + d
    return None


def role(spec: str) -> str | None:
    """'RUSGOV 19390322-19641116' -> 'RUSGOV@19390322-19641116'; 'CHNGOV >121115' -> 'CHNGOV@>20121115';
    a bare 'RUS' -> 'RUS'; None when the code or a date does not parse."""
    parts = spec.split()
    if not parts or not re.fullmatch(r"[A-Z]{3,15}", parts[0]):
        return None
    code = parts[0]
    if len(parts) == 1:
        return code
    r = parts[1]
    if r.startswith(">") or r.startswith("<"):
        d = date(r[1:])
        return f"{code}@{r[0]}{d}" if d else None
    if "-" in r:
        a, b = r.split("-", 1)
        a, b = date(a), date(b)
        return f"{code}@{a}-{b}" if a and b else None
    return None


def actor_blocks(text: str, skips: list | None = None) -> list[Block]:
    """The blocks of an actor dictionary.  A block needs at least one code; names left without one are
    reported in `skips` as (line, reason, text)."""
    out: list[Block] = []
    names: list[str] = []
    roles: list[str] = []
    inline = False
    first = 0

    def flush():
        nonlocal names, roles, inline
        if names and roles:
            out.append(Block(names, roles, inline, first))
        elif names and skips is not None:
            skips.append((first, "names without a code", names[0]))
        names, roles, inline = [], [], False

    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        codes = re.findall(r"\[([^\]~]*)\]", line.split("#", 1)[0])
        if line[0] in " \t":  # role line
            roles.extend(codes)
            if not codes and skips is not None:
                skips.append((n, "indented line without a [CODE]", line.strip()))
            continue
        is_syn = line.startswith("+")
        if not is_syn and roles:
            flush()
        nm = name(line)
        if not is_syn and names and not roles and codes:
            # a new head line that carries its own code closes the previous code-less group
            flush()
        if not names:
            first = n
        if nm:
            names.append(nm)
        elif skips is not None:
            skips.append((n, "no name", line.strip()))
        if codes:
            roles.extend(codes)
            inline = inline or not is_syn
    flush()
    return out


def agent_sector(code: str) -> str:
    """'GOVMIL' -> 'MIL' (Phoenix files defence ministers as government + military), else the first three:
    'GOVMED' (information, communication and transport ministers) is the government, a political actor,
    not the press."""
    return code[3:6] if code == "GOVMIL" else code[:3]


def agents(text: str, skips: list | None = None) -> list[Agent]:
    """The entries of an agent dictionary, substitution sets (`!PERSON! = MAN, WOMAN`) expanded."""
    subs: dict[str, list[str]] = {}
    out: list[Agent] = []
    for n, line in enumerate(text.splitlines(), 1):
        m = re.match(r"^(![A-Z]+!)\s*=\s*(.*)$", line)
        if m:
            subs[m.group(1)] = [x.strip() for x in m.group(2).split(",")]
            continue
        if not line or line.startswith("#"):
            continue
        m = re.search(r"\[~([A-Z]+)\]", line)
        if not m:
            if skips is not None and line.strip():
                prefix = re.search(r"\[[A-Z]+~\]", line)
                why = "prefix agent code [XXX~] not supported" if prefix else "no [~CODE]"
                skips.append((n, why, line.strip()))
            continue
        body = line[: m.start()].split("#")[0]
        plurals = [p for p in re.findall(r"\{(.*?)\}", body) for p in p.split() if p.strip("_")]
        body = re.sub(r"\{.*?\}", "", body).strip()
        variants = [body]
        for key, vals in subs.items():
            nv = []
            for v in variants:
                if key in v:
                    nv.extend(v.replace(key, "_" + x) for x in vals)
                else:
                    nv.append(v)
            variants = nv
        texts = [re.sub(r"\s+", " ", v.replace("_", " ")).strip().lower() for v in variants]
        plural_texts = [re.sub(r"\s+", " ", p.replace("_", " ")).strip().lower() for p in plurals]
        out.append(Agent(texts, m.group(1), n, plural_texts))
    return out
