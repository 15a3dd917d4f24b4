"""CAMEO -> PLOVER (type, mode, context), from the PLOVER manual's conversion table (data/cameo/)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

# PLOVER has no category for CAMEO 01 (public statements) and 02 (appeals): PLOVER's own mapping
# treats appeals as REQUEST, and plain statements are left without a type.
_FALLBACK = {"02": ("REQUEST", "", "")}
# PLOVER 2.0 (whose type names the gold uses) files embargoes, boycotts and sanctions under SANCTION, and
# the destruction of property under COERCE (mode "destroy"; ASSAULT is violence against people); the 0.8
# draft table still lists CAMEO 163 under COERCE and 1712 under ASSAULT.
_OVERRIDE = {"163": ("SANCTION", "restrict", "diplomatic"), "1712": ("COERCE", "destroy", "human_security")}


@dataclass(frozen=True)
class Plover:
    type: str | None
    mode: str | None
    context: str | None


@lru_cache(maxsize=1)
def table() -> dict[str, tuple[str, str, str]]:
    text = (resources.files("whowhom.data") / "cameo" / "cameo-to-plover.txt").read_text(encoding="utf-8")
    out: dict[str, tuple[str, str, str]] = {}
    for line in text.splitlines():
        m = re.match(r"^(\d{2,4}):\s*(.*)$", line)
        if not m:
            continue
        fields = [f.strip() for f in m.group(2).split("#")[0].split(",")]
        fields += [""] * (3 - len(fields))
        out.setdefault(m.group(1), (fields[0], fields[1], fields[2].replace(";", ",")))
    return out


def plover(code: str) -> Plover:
    """PLOVER type/mode/context of a CAMEO code, falling back to its parent codes."""
    tab = table()
    for n in range(len(code), 1, -1):
        hit = _OVERRIDE.get(code[:n]) or tab.get(code[:n]) or (_FALLBACK.get(code[:n]) if n == 2 else None)
        if hit:
            kind, mode, context = hit
            return Plover(kind or None, mode or None, context or None)
    return Plover(None, None, None)
