"""What keeps one client or one write from starving the rest: a request budget per client, a fair share
of the query workers per client, and a gate that lets many readers or one writer at the store.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass

from kg.web.protocol import ProtocolError


class RateLimiter:
    """A token bucket per client: `rate` requests a second, up to `burst` at once."""

    def __init__(self, rate: float, burst: float) -> None:
        self.rate, self.burst = rate, max(burst, 1.0)
        self.buckets: dict[str, tuple[float, float]] = {}

    def take(self, client: str, cost: float = 1.0) -> float:
        """0 when the client may go on, else the seconds until it may (nothing is taken then)."""
        if self.rate <= 0:
            return 0.0
        now = time.monotonic()
        tokens, last = self.buckets.get(client, (self.burst, now))
        tokens = min(self.burst, tokens + (now - last) * self.rate)
        if tokens < cost:
            self.buckets[client] = (tokens, now)
            return (cost - tokens) / self.rate
        self.buckets[client] = (tokens - cost, now)
        if len(self.buckets) > 10_000:  # forget clients whose bucket has refilled
            self.buckets = {k: v for k, v in self.buckets.items() if v[0] + (now - v[1]) * self.rate < self.burst}
        return 0.0

    def charge(self, client: str, cost: float) -> None:
        """Take `cost` more from a client (a query that ran to the timeout), even into debt.

        The bucket's clock moves to now without a refill: the seconds the query held a worker earn the client nothing.
        """
        if self.rate > 0:
            now = time.monotonic()
            tokens, _ = self.buckets.get(client, (self.burst, now))
            self.buckets[client] = (tokens - cost, now)


@dataclass
class _Share:
    """One client's share of the workers and the number of its requests holding or awaiting it."""

    semaphore: asyncio.Semaphore
    requests: int = 0


class FairShares:
    """Each client's share of the query workers: all but one, so one worker is always left for the others.

    One client's queries wait for each other; a query that waits past `timeout` for its share is refused.
    """

    def __init__(self, workers: int, timeout: float) -> None:
        self.size, self.timeout = max(1, workers - 1), timeout
        self.running: dict[str, _Share] = {}  # only clients with a request holding or awaiting their share

    @contextlib.asynccontextmanager
    async def held(self, client: str) -> AsyncIterator[None]:
        """A worker of the client's share held for the block; 503 when none came free in time."""
        share = self.running.setdefault(client, _Share(asyncio.Semaphore(self.size)))
        share.requests += 1
        try:
            try:
                async with asyncio.timeout(self.timeout):
                    await share.semaphore.acquire()
            except TimeoutError:
                raise ProtocolError(503, "your other queries hold their share of the workers; retry shortly",
                                    {"Retry-After": "1"}) from None
            try:
                yield
            finally:
                share.semaphore.release()
        finally:
            share.requests -= 1
            if not share.requests:
                del self.running[client]


class Gate:
    """Many readers or one writer: a write to the embedded store needs every read handle closed."""

    def __init__(self) -> None:
        self.readers = 0
        self.writing = False
        self.condition = asyncio.Condition()

    @contextlib.asynccontextmanager
    async def read(self) -> AsyncIterator[None]:
        if not self.writing:  # the common path takes no lock
            self.readers += 1
        else:
            async with self.condition:
                await self.condition.wait_for(lambda: not self.writing)
                self.readers += 1
        try:
            yield
        finally:
            self.readers -= 1
            if self.writing:
                async with self.condition:
                    self.condition.notify_all()

    @contextlib.asynccontextmanager
    async def write(self) -> AsyncIterator[None]:
        async with self.condition:
            await self.condition.wait_for(lambda: not self.writing)
            self.writing = True
            await self.condition.wait_for(lambda: self.readers == 0)
        try:
            yield
        finally:
            async with self.condition:
                self.writing = False
                self.condition.notify_all()
