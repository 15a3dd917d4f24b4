"""Leaders by date: the role a dictionary leader holds on an article's date, the one of several leaders
a pattern names who was in office then ("President Bush"), and the leader a story names by surname alone
("Bush" in 2008 is the US government, in 2019 a former leader, USAELI)."""

from __future__ import annotations

import datetime as _dt
import re
from collections import Counter

from whowhom.actors.loader import ActorData, norm, split_code


def date_int(date) -> int | None:
    """A date (ISO text or a date) as the integer YYYYMMDD the dictionaries' roles use."""
    if date is None or date == "":
        return None
    if isinstance(date, (_dt.date, _dt.datetime)):
        return int(date.strftime("%Y%m%d"))
    m = re.match(r"(\d{4})-?(\d{2})?-?(\d{2})?", str(date))
    if not m:
        return None
    return int(m.group(1) + (m.group(2) or "01") + (m.group(3) or "01"))


def _today() -> int:
    return int(_dt.date.today().strftime("%Y%m%d"))


def _serving(entry, when: int) -> bool:
    return any((a == 0 or a <= when) and (b == 0 or when < b) for _, a, b in entry.roles)


class Leaders:
    """The leader entries of the actor data, read by date."""

    def __init__(self, data: ActorData):
        self.data = data
        self._by_surname: dict | None = None

    def role(self, entry, date: int | None) -> str | None:
        """The role code of a leader entry at a date (YYYYMMDD int); undated -> current/most recent."""
        when = date or _today()
        for code, a, b in entry.roles:
            if (a == 0 or a <= when) and (b == 0 or when < b):
                return code
        if date is not None:
            # out of office by then: a former official is an elite of the country (CAMEO's ELI)
            past = [(b, code) for code, a, b in entry.roles if b and b <= when]
            if past:
                _, country, _ = split_code(max(past)[1], self.data.countries, self.data.orgs)
                if country:
                    return country + "ELI"
        if date is None and entry.roles:
            if not entry.curated and not entry.default:
                return None  # a Phoenix official whose roles have all ended: too stale to code undated
            if entry.default:
                return entry.default
            return max(entry.roles, key=lambda r: (r[2] or 99999999, r[1]))[0]
        return entry.default

    def role_on(self, entry, date: int | None) -> str | None:
        """The role on the date of the leader a pattern names who was in office then (in_office)."""
        return self.role(self.in_office(entry, date), date)

    def in_office(self, entry, date: int | None):
        """Of the leaders a pattern names ("President Bush": father and son), the one in office on the
        date, else the first."""
        if date is None:
            return entry
        # (and the leaders of the same surname and country: "President Bush" is written for both Bushes)
        countries = {code[:3] for code, _, _ in entry.roles}
        namesakes = [e for e in self._surnames().get(norm(entry.surface[-1]), ())
                     if e is not entry and {code[:3] for code, _, _ in e.roles} & countries]
        return next((e for e in (entry, *entry.others, *namesakes) if _serving(e, date)), entry)

    def by_surname(self, names: tuple[str, ...], date: int | None, countries: set[str] = frozenset()) -> str | None:
        """The code of the dictionary leader a story names by surname ("Bush", "Olmert"; with a first name
        only if it is the leader's): among the leaders of that surname, those of a country the article
        names if any are; of these, the one in office on the date, else, when all are out of office and
        most of them served one country, that country's elite (ELI). None when the surname is unknown or
        the choice unclear."""
        entries = [e for e in self._surnames().get(norm(names[-1]), ())
                   if len(names) == 1 or norm(e.surface[0]) == norm(names[0])]
        if not entries:
            return None
        roles = [(e, self.role(e, date)) for e in entries]
        roles = [(e, r) for e, r in roles if r]
        local = [(e, r) for e, r in roles if r[:3] in countries] or roles
        when = date or _today()
        active = {r for e, r in local if _serving(e, when)}
        if len({r[:3] for r in active}) == 1:
            return sorted(active, key=len)[0]
        if not active and local:
            # all out of office: the country most of them served, if most did
            (country, n), = Counter(r[:3] for _, r in local).most_common(1)
            return country + "ELI" if n * 2 > len(local) else None
        return None

    def _surnames(self) -> dict[str, list]:
        """Leader entries by the last word of their names."""
        if self._by_surname is None:
            out: dict[str, dict] = {}
            for key, e in self.data.gaz.items():
                if e.kind == "leader" and len(key) >= 2 and key[-1].isalpha():
                    out.setdefault(key[-1], {})[e.cameo] = e
            self._by_surname = {k: list(v.values()) for k, v in out.items()}
        return self._by_surname
