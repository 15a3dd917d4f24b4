"""The Article: what a news page says, separated from what the page wraps it in."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

# Labels of parts that are not the article body.
LABELS = (
    "headline", "section", "image_credit", "social", "donation", "newsletter",
    "related", "comment", "comment_meta", "navigation", "byline", "date", "boilerplate",
)


@dataclass
class Part:
    label: str                 # one of LABELS
    text: str
    author: str | None = None  # for comments
    time: str | None = None    # for comments, as written on the page


@dataclass
class Article:
    id: str
    title: str | None          # the headline
    date: str | None           # ISO date (YYYY-MM-DD) when the page or record gives one
    author: str | None
    body: str                  # paragraphs of the article, joined by blank lines
    parts: list[Part] = field(default_factory=list)
    url: str | None = None
    date_source: str | None = None  # where the date came from: "input", "page" or "capture" (see pipeline)

    def to_dict(self) -> dict:
        return asdict(self)

    @property
    def comments(self) -> list[Part]:
        return [p for p in self.parts if p.label == "comment"]
