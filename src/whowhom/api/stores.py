"""Read-only stores for the server: a small pool of worker threads, each with its own store.

DuckDB connections are not to be used by two threads at once, so each worker thread gets its own
read-only Store, opened on first use and kept (opening costs milliseconds; a request should not pay it).
While these are open DuckDB's file lock keeps writers out, so the store cannot change under the server:
answers are kept (`kept`), as are its actor codes (`codes`) and, when it is small, the dyad table (`dyads`).
close() ends the pool and its stores; a later query starts them again (an app's lifespan may run twice)."""

from __future__ import annotations

import asyncio
import os
import threading
from collections import OrderedDict
from contextvars import ContextVar
from concurrent.futures import ThreadPoolExecutor
from typing import Callable, TypeVar

from fastapi import HTTPException

from whowhom.api import dyads
from whowhom.errors import InputError
from whowhom.store import Store

# Queries running at once: DuckDB shares its threads among concurrent queries, so more at once than CPUs
# only makes each of them finish later.
WORKERS = max(1, min(4, os.cpu_count() or 1))
# Over a small store the worker threads run at a lower CPU priority than the event loop, which takes every
# connection and answers dyad series itself: a burst of queries must not make it, and every answer, wait.
# Over a big one the loop computes nothing, and a lower priority would only lose CPU to other programs.
NICE = 10
KEPT_BYTES = 64 * 2**20  # answers kept, in all (per server process)
IN_MEMORY = 1_000_000  # dyad rows held in memory at most (about 60 bytes each)
T = TypeVar("T")


# The GET request being answered, as the key of its answer: path and query string (set by RequestKey)
REQUEST: ContextVar[str | None] = ContextVar("whowhom_request", default=None)


class RequestKey:
    """Plain ASGI middleware: sets REQUEST for the routes of a GET request."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] == "http" and scope["method"] == "GET":
            REQUEST.set(scope["path"] + "?" + scope.get("query_string", b"").decode("latin-1"))
        await self.app(scope, receive, send)


class Stores:
    def __init__(self, path: str):
        self.path = path
        self._local = threading.local()
        self._open: list[Store] = []
        self._lock = threading.Lock()
        self._pool: ThreadPoolExecutor | None = None
        self._held: tuple[list[str], dyads.Dyads | None] | None = None  # (codes, dyads)
        self._load_lock = threading.Lock()
        self._kept: OrderedDict[str, bytes] = OrderedDict()
        self._kept_bytes = 0
        self._flights: dict[str, asyncio.Future] = {}

    async def run(self, query: Callable[[Store], T]) -> T:
        """query(store) in a worker thread, with that thread's store; one trip to the pool per request."""
        with self._lock:
            if self._pool is None:
                # (lower priority only where the loop has work of its own to protect: a small store's series)
                self._pool = ThreadPoolExecutor(WORKERS, thread_name_prefix="whowhom-store",
                                                initializer=_lower_priority if self.dyads() is not None else None)
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
        """Every actor code of the store's events, sorted."""
        return self._load()[0]

    def dyads(self) -> dyads.Dyads | None:
        """The whole dyad table in memory when it is small (at most IN_MEMORY rows: a series from it takes a
        fraction of a millisecond on the event loop), else None: series are then queries of their rows."""
        return self._load()[1]

    def _load(self) -> tuple[list[str], dyads.Dyads | None]:
        """What the server holds of the store, read once, on first use, by a store of its own."""
        with self._load_lock:
            if self._held is None:
                with _open(self.path) as st:
                    small = st.con.execute(f"SELECT count(*) FROM {st.dyad_days}").fetchall()[0][0] <= IN_MEMORY
                    self._held = dyads.codes(st), dyads.Dyads(st) if small else None
            return self._held

    def has_actor(self, prefix: str) -> bool:
        return dyads.has_actor(self.codes(), prefix)

    async def kept(self, key: str | None, query: Callable[[Store], bytes]) -> bytes:
        """query's answer for `key` (the request), computed once: requests for the same answer made while it
        is computed wait for it, and later ones get it from memory (the most recent answers, up to KEPT_BYTES
        in all). Sound because the store cannot change while the server holds it; an error is not kept."""
        if key is None:
            return await self.run(query)
        out = self._kept.get(key)
        if out is not None:
            self._kept.move_to_end(key)
            return out
        flight = self._flights.get(key)
        if flight is None:
            flight = self._flights[key] = asyncio.ensure_future(self.run(query))
            flight.add_done_callback(lambda f: self._keep(key, f))
        return await asyncio.shield(flight)  # (a client that leaves does not cancel it for the others)

    def _keep(self, key: str, flight: asyncio.Future) -> None:
        self._flights.pop(key, None)
        if flight.cancelled() or flight.exception() is not None:
            return
        out = flight.result()
        if len(out) > KEPT_BYTES // 16:
            return
        self._kept[key] = out
        self._kept_bytes += len(out)
        while self._kept_bytes > KEPT_BYTES:
            _, old = self._kept.popitem(last=False)
            self._kept_bytes -= len(old)

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
        self._flights.clear()


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
