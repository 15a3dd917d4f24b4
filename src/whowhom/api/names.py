"""Actors as a user names them and as the pages show them: "China", "chn" or "CHN" to the code CHN, as the
command line reads them (whowhom.actors.lookup), and a code's readable name ("RUSGOV" -> "Russia
government")."""

from __future__ import annotations

from typing import Callable

from whowhom.errors import InputError


class UnknownActor(InputError):
    """A code or a name that is no actor whowhom knows, nor one in the store (the API answers 404)."""


def code(text: str, what: str, in_store: Callable[[str], bool]) -> str:
    """The code `text` means; in_store(prefix) says whether the store has events of codes starting so."""
    from whowhom.actors.lookup import actor_code

    found = actor_code(text, in_store=in_store)
    if found is None:
        raise UnknownActor(f"{what} {text!r}: not an actor code or name whowhom knows, nor one in the store")
    return found


def name(code: str | None) -> str | None:
    """The readable name of a code, or None when whowhom has none for it (the name would be the code)."""
    from whowhom.actors import describe

    readable = describe(code) if code else ""
    return readable if readable and readable != code else None


def warm() -> None:
    """Load the actor data now, not on the first request that needs it (about half a second)."""
    code("CHN", "actor", lambda prefix: False)
    name("CHN")
