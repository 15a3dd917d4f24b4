"""Read-only stores for the server: a small pool of worker threads, each with its own store.

DuckDB connections are not to be used by two threads at once, so each worker thread gets its own
read-only Store, opened on first use and kept (opening costs milliseconds; a request should not pay it).
While these are open DuckDB's file lock keeps writers out, so the store cannot change under the server.
The dyad table the server holds in memory (dyads.py) is read once, on first use, by its own store.
close() ends the pool and its stores; a later query starts them again (an app's lifespan may run twice)."""

from __future__ import annotations

import asyncio
import os
import threading
from concurrent.futures import ThreadPoolExecutor
from typing import Callable, TypeVar

from fastapi import HTTPException

from whowhom.api.dyads import Dyads
from whowhom.errors import InputError
from whowhom.store import Store

# Queries running at once: DuckDB shares its threads among concurrent queries, so more at once than CPUs
# only makes each of them finish later.
WORKERS = max(1, min(4, os.cpu_count() or 1))
# The worker threads run at a lower CPU priority than the event loop, which takes every connection and
# answers dyad series itself: a burst of event-list queries must not make it, and every answer, wait.
NICE = 10
T = TypeVar("T")


class Stores:
    def __init__(self, path: str):
        self.path = path
        self._local = threading.local()
        self._open: list[Store] = []
        self._lock = threading.Lock()
        self._pool: ThreadPoolExecutor | None = None
        self._dyads: Dyads | None = None
        self._dyads_lock = threading.Lock()

    async def run(self, query: Callable[[Store], T]) -> T:
        """query(store) in a worker thread, with that thread's store; one trip to the pool per request."""
        with self._lock:
            if self._pool is None:
                self._pool = ThreadPoolExecutor(WORKERS, thread_name_prefix="whowhom-store",
                                                initializer=_lower_priority)
            pool = self._pool
        return await asyncio.get_running_loop().run_in_executor(pool, lambda: query(self.get()))

    def get(self) -> Store:
        st = getattr(self._local, "store", None)
        if st is None:
            st = self._local.store = _open(self.path)
            with self._lock:
                self._open.append(st)
        return st

    def dyads(self) -> Dyads:
        with self._dyads_lock:
            if self._dyads is None:
                with _open(self.path) as st:
                    self._dyads = Dyads(st)
            return self._dyads

    def close(self) -> None:
        with self._lock:
            pool, self._pool = self._pool, None
        if pool is not None:
            pool.shutdown(wait=True)
        with self._lock:
            for st in self._open:
                st.close()
            self._open.clear()
        self._local = threading.local()


def _open(path: str) -> Store:
    try:
        return Store(path=path, read_only=True)
    except InputError as e:
        raise HTTPException(503, str(e)) from None


def _lower_priority() -> None:
    try:  # Linux: a thread's own nice value; elsewhere, or if not allowed, the thread keeps its priority
        os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), NICE)
    except (AttributeError, OSError):
        pass
