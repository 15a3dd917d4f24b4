"""Page anatomy: a RawDoc becomes an Article (headline, date, body, labelled parts)."""

from whowhom.page.article import Article, Part
from whowhom.page.extract import extract

__all__ = ["Article", "Part", "extract"]
