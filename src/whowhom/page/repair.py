"""Text whose typographic characters were lost on the way: a page saved in one encoding and read in
another often has "?" for every curly quote, apostrophe and dash ("Bush?s speech", "?Now is the time,?
he said", "Kosovo ? a Serbian province"). The parser then reads a question mark: it ends sentences inside
quotes and cuts "he said" off from what was said. Where a text shows that damage, put the characters back.
"""

from __future__ import annotations

import re

# Signs that "?" stands for a lost character: an apostrophe inside a word ("it?s", "Bush?s", "don?t"),
# or a dash between spaces ("Kosovo ? a province").
APOSTROPHE = re.compile(r"(?<=[A-Za-z])\?(?=(?:s|t|ll|re|ve|d|m)\b)")
DASH = re.compile(r"(?<=\S) \? (?=\S)")
OPENING = re.compile(r"(?:(?<=^)|(?<=[\s(\[:;,—–-]))\?(?=[\w'‘\"$£€….])", re.M)
CLOSING = re.compile(r"(?<=[\w.,!;:…%)'’\]])\?(?=[\s)\].,;:]|$)", re.M)
# how many signs make a text damaged: one may be a real question ("Why? Because ...")
DAMAGED = 2


def damaged(text: str) -> bool:
    return len(APOSTROPHE.findall(text)) + len(DASH.findall(text)) >= DAMAGED


def repair(text: str | None) -> str | None:
    """The text with its lost apostrophes, dashes and quotation marks back, where it shows the damage;
    otherwise as it is. Lengths are kept (one character for one), so offsets stay valid. A "?" that
    closes a quotation is one only while a quotation is open in its paragraph, so real questions stay."""
    if not text or "?" not in text or not damaged(text):
        return text
    text = APOSTROPHE.sub("’", text)
    text = DASH.sub(" – ", text)
    return "\n".join(_quotes(line) for line in text.split("\n"))


def _quotes(line: str) -> str:
    chars = list(line)
    opened = False
    for m in sorted([(m.start(), "open") for m in OPENING.finditer(line)]
                    + [(m.start(), "close") for m in CLOSING.finditer(line)]):
        at, kind = m
        if kind == "open" and not opened:
            chars[at], opened = "“", True
        elif kind == "close" and opened:
            chars[at], opened = "”", False
    return "".join(chars)
