"""Read-only stores for the server: a small pool of worker threads, each with its own store.

DuckDB connections are not to be used by two threads at once, so each worker thread gets its own
read-only Store, opened on first use and kept (opening costs milliseconds; a request should not pay it).
While these are open DuckDB's file lock keeps writers out, so the store cannot change under the server:
what is computed from the whole store (its actor codes, the most active dyads) is kept (`codes`, `kept`).
close() ends the pool and its stores; a later query starts them again (an app's lifespan may run twice)."""

from __future__ import annotations

import asyncio
import os
import threading
from concurrent.futures import ThreadPoolExecutor
from typing import Callable, TypeVar

from fastapi import HTTPException

from whowhom.api import dyads
from whowhom.errors import InputError
from whowhom.store import Store

# Queries running at once: DuckDB shares its threads among concurrent queries, so more at once than CPUs
# only makes each of them finish later.
WORKERS = max(1, min(4, os.cpu_count() or 1))
# The worker threads run at a lower CPU priority than the event loop, which takes every connection and
# answers dyad series itself: a burst of event-list queries must not make it, and every answer, wait.
NICE = 10
KEPT = 256
T = TypeVar("T")


class Stores:
    def __init__(self, path: str):
        self.path = path
        self._local = threading.local()
        self._open: list[Store] = []
        self._lock = threading.Lock()
        self._pool: ThreadPoolExecutor | None = None
        self._codes: list[str] | None = None
        self._codes_lock = threading.Lock()
        self._kept: dict[tuple, bytes] = {}

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

    def codes(self) -> list[str]:
        """Every actor code of the store's events, sorted (read once, on first use)."""
        with self._codes_lock:
            if self._codes is None:
                with _open(self.path) as st:
                    self._codes = dyads.codes(st)
            return self._codes

    def has_actor(self, prefix: str) -> bool:
        return dyads.has_actor(self.codes(), prefix)

    async def kept(self, key: tuple, query: Callable[[Store], bytes]) -> bytes:
        """query's answer, computed once for `key` (at most KEPT keys: an answer the whole store makes, such
        as the most active dyads, which cannot change while the server runs)."""
        if key not in self._kept:
            out = await self.run(query)
            if len(self._kept) >= KEPT:
                self._kept.pop(next(iter(self._kept)))
            self._kept[key] = out
        return self._kept[key]

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
