"""HTTP API and dashboard over the event store (`whowhom serve`), and the static dyad report."""

from whowhom.api.app import create_app

__all__ = ["create_app"]
