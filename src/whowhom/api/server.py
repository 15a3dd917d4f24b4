"""`whowhom serve`: the API and dashboard under uvicorn, read-only over the store. It answers requests for
the loopback names, for the address it is bound to, and for the names in $WHOWHOM_ALLOWED_HOSTS."""

from __future__ import annotations

import os
import socket
import sys

from whowhom.errors import InputError


def serve(db: str, host: str = "127.0.0.1", port: int = 8000, workers: int | None = None) -> None:
    import uvicorn

    from whowhom.api.guards import HOSTS_ENV, WILDCARDS, allowed_hosts
    from whowhom.store import Store

    if not os.path.isfile(db):
        raise InputError(f"{db}: no such store (build one with `whowhom ingest PATH... --db {db}`)")
    # one server process per CPU (at most 4): a burst of requests is answered by both cores
    workers = min(os.cpu_count() or 1, 4) if workers is None else workers
    if workers < 1:
        raise InputError(f"--workers {workers}: at least 1")
    if not 0 < port < 65536:
        raise InputError(f"--port {port}: not a port number")
    with Store(path=db, read_only=True):  # fails early, with one line, if it is not a store
        pass
    try:  # a taken port or a foreign address: one line, not uvicorn's log
        socket.create_server((host, port)).close()
    except OSError as e:
        raise InputError(f"cannot listen on {host}:{port} ({os.strerror(e.errno) if e.errno else e})") from None
    print(f"whowhom: serving {db} (read-only) on http://{host}:{port}/ — Ctrl-C stops", file=sys.stderr)
    hosts = allowed_hosts([host])
    if host in WILDCARDS and "*" not in hosts:  # reachable under names it cannot know: say how to add them
        print(f"whowhom: answering requests for {', '.join(sorted(hosts))} only; "
              f"add the others with {HOSTS_ENV}=name,name", file=sys.stderr)
    # no access log (the warning level hid it anyway), no X-Forwarded-* rewriting (nothing uses the client's
    # address): both cost time on every request
    opts = dict(host=host, port=port, log_level="warning", access_log=False, proxy_headers=False)
    if workers == 1:
        from whowhom.api.app import create_app
        uvicorn.run(create_app(db, [host]), **opts)
    else:  # worker processes build their own app from the store and host named in the environment (this
        # process does not: it would only make them start later)
        os.environ["WHOWHOM_SERVE_DB"] = os.path.abspath(db)
        os.environ["WHOWHOM_SERVE_HOST"] = host
        uvicorn.run("whowhom.api.app:app_from_env", factory=True, workers=workers, **opts)
