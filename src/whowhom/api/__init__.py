"""HTTP API and dashboard over the event store (`whowhom serve`), and the static dyad report."""

__all__ = ["create_app"]


def __getattr__(name: str):
    # the app is imported when asked for, not with every module of the package: `whowhom serve` with
    # several worker processes has no use for it in the parent, and it costs a second to import
    if name == "create_app":
        from whowhom.api.app import create_app
        return create_app
    raise AttributeError(name)
