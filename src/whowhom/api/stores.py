"""Read-only stores for the server's worker threads.

DuckDB connections are not to be used by two threads at once, so each worker thread gets its own
read-only Store, opened on first use and kept (opening costs milliseconds; a request should not pay it).
While these are open DuckDB's file lock keeps writers out, so the store cannot change under the server:
answers may be cached."""

from __future__ import annotations

import os
import threading
from contextlib import contextmanager
from typing import Iterator

from fastapi import HTTPException

from whowhom.errors import InputError
from whowhom.store import Store


GATE = max(1, min(4, os.cpu_count() or 1))  # queries running at once


class Stores:
    def __init__(self, path: str):
        self.path = path
        self._local = threading.local()
        self._open: list[Store] = []
        self._lock = threading.Lock()
        self._gate = threading.Semaphore(GATE)

    @contextmanager
    def use(self) -> Iterator[Store]:
        """This thread's store, for one query at a time across threads: DuckDB shares its worker threads
        among concurrent queries, so letting them all run at once makes every one of them finish last."""
        with self._gate:
            yield self.get()

    def get(self) -> Store:
        st = getattr(self._local, "store", None)
        if st is None:
            try:
                st = Store(path=self.path, read_only=True)
            except InputError as e:
                raise HTTPException(503, str(e)) from None
            self._local.store = st
            with self._lock:
                self._open.append(st)
        return st

    def close(self) -> None:
        with self._lock:
            for st in self._open:
                st.close()
            self._open.clear()
        self._local = threading.local()
