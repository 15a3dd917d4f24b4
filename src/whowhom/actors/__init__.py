"""Actors: gazetteer of countries, capitals and metonyms, organisations, leaders by date, and sector words,
composed into CAMEO-style codes (RUS, RUSGOV, CHNMIL, NATO, WST)."""

from whowhom.actors.mention import ActorMention

__all__ = ["ActorMention", "ActorCoder", "code_text", "describe"]


def __getattr__(name):  # lazy: the coder loads data files
    if name == "ActorCoder":
        from whowhom.actors.coder import ActorCoder
        return ActorCoder
    if name in ("code_text", "describe"):
        from whowhom.actors import coder
        return getattr(coder, name)
    raise AttributeError(name)
