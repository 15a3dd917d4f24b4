"""The event store: ingested articles, their parts and events in one DuckDB file, with queries that return
pandas DataFrames (used by the CLI and the web API)."""

from whowhom.store.db import Item, Store, article_hash

__all__ = ["Item", "Store", "article_hash"]
