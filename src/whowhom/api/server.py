"""`whowhom serve`: the API and dashboard under uvicorn, read-only over the store."""

from __future__ import annotations

import os
import socket
import sys

from whowhom.errors import InputError


def serve(db: str, host: str = "127.0.0.1", port: int = 8000) -> None:
    import uvicorn

    from whowhom.api.app import create_app
    from whowhom.store import Store

    if not os.path.isfile(db):
        raise InputError(f"{db}: no such store (build one with `whowhom ingest PATH... --db {db}`)")
    if not 0 < port < 65536:
        raise InputError(f"--port {port}: not a port number")
    with Store(path=db, read_only=True):  # fails early, with one line, if it is not a store
        pass
    try:  # a taken port or a foreign address: one line, not uvicorn's log
        socket.create_server((host, port)).close()
    except OSError as e:
        raise InputError(f"cannot listen on {host}:{port} ({os.strerror(e.errno) if e.errno else e})") from None
    print(f"whowhom: serving {db} (read-only) on http://{host}:{port}/ — Ctrl-C stops", file=sys.stderr)
    # no access log (the warning level hid it anyway), no X-Forwarded-* rewriting (nothing uses the client's
    # address): both cost time on every request
    uvicorn.run(create_app(db), host=host, port=port, log_level="warning", access_log=False,
                proxy_headers=False)
