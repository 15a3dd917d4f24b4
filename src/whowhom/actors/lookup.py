"""An actor as a user types it, to its code: "CHN", "chn" and "China" all give CHN; "NATO", "the West",
"Russian government"... whatever the gazetteer knows (countries, demonyms, organisations, groups), and a
country followed by a sector word ("Russian military" -> RUSMIL)."""

from __future__ import annotations

import re

from whowhom.actors.loader import load, norm

CODE = re.compile(r"^[A-Za-z0-9]{2,15}$")


def actor_code(text: str, in_store=None) -> str | None:
    """The code the user means, or None. A code-shaped text is that code when the store holds events of
    it (`in_store(code)`, a prefix test) or the gazetteer knows it; else it is read as a name."""
    text = " ".join(text.split())
    if not text:
        return None
    data = load()
    codes = data.countries | data.orgs
    if CODE.match(text) and (text.upper() in codes or (in_store is not None and in_store(text.upper()))):
        return text.upper()
    words = tuple(norm(w) for w in re.findall(r"\w+(?:[.'-]\w+)*\.?", text))
    if words and words[0] == "the":
        words = words[1:] or words
    for n in range(len(words), 0, -1):  # the longest name from the start, then a sector word after it
        entry = data.gaz.get(words[:n])
        if entry is None or not entry.code or entry.kind in ("discard", "leader"):
            continue
        rest = words[n:]
        if not rest:
            return entry.code
        agent = data.agents.get(rest)
        if agent and entry.code[:3] in data.countries and len(entry.code) == 3:
            return entry.code + agent[0]
        return None
    return None
