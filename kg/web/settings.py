"""Settings at the edge: the store location and the resource base IRI, from flags or environment."""

from __future__ import annotations

import os
from dataclasses import dataclass

DEFAULT_BASE = "https://w3id.org/suanli/resource/"
ONTOLOGY_NS = "https://w3id.org/suanli/ontology#"


@dataclass(frozen=True)
class Settings:
    """Deployment settings; library functions receive these values as explicit arguments."""

    store: str = "./suanli-store"
    base: str = DEFAULT_BASE
    endpoint: str | None = None  # a remote SPARQL 1.1 endpoint instead of the embedded store
    update_endpoint: str | None = None

    @classmethod
    def from_env(cls, **overrides: str | None) -> Settings:
        """Settings from SUANLI_* variables, overridden by explicit (non-None) values."""
        values = {
            "store": os.environ.get("SUANLI_STORE", cls.store),
            "base": os.environ.get("SUANLI_BASE", DEFAULT_BASE),
            "endpoint": os.environ.get("SUANLI_ENDPOINT") or None,
            "update_endpoint": os.environ.get("SUANLI_UPDATE_ENDPOINT") or None,
        }
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values)  # type: ignore[arg-type]


@dataclass(frozen=True)
class Limits:
    """What the public endpoint allows one request and one client (SUANLI_* variables or `suanli serve` flags)."""

    timeout: float = 30.0  # seconds a query may run before its worker is killed
    row_cap: int = 10_000  # rows (or triples) a query answer carries at most; signalled in a header
    max_result_bytes: int = 64 * 2**20
    max_query_bytes: int = 64 * 2**10  # a query or an update text
    max_body_bytes: int = 64 * 2**20  # a Graph Store Protocol upload
    rate: float = 20.0  # requests a second per client, 0 = no limit
    burst: float = 40.0
    workers: int = 0  # query worker processes; 0 = see worker_count
    memory_quads: int = 2_000_000  # an embedded store up to this size is served from memory; 0 = never
    token: str | None = None  # enables SPARQL Update and Graph Store writes for requests that carry it
    header_timeout: float = 10.0  # seconds a client may take to send a request's line and headers
    body_timeout: float = 30.0  # seconds a client may take to send a request's body

    @classmethod
    def from_env(cls, **overrides: float | int | str | None) -> Limits:
        """Limits from SUANLI_QUERY_TIMEOUT, _ROW_CAP, _RATE_LIMIT, _RATE_BURST, _WORKERS, _UPDATE_TOKEN, _MEMORY_QUADS and overrides."""
        names = {"timeout": "SUANLI_QUERY_TIMEOUT", "row_cap": "SUANLI_ROW_CAP", "rate": "SUANLI_RATE_LIMIT",
                 "burst": "SUANLI_RATE_BURST", "workers": "SUANLI_WORKERS", "token": "SUANLI_UPDATE_TOKEN",
                 "max_query_bytes": "SUANLI_MAX_QUERY_BYTES", "memory_quads": "SUANLI_MEMORY_QUADS",
                 "header_timeout": "SUANLI_HEADER_TIMEOUT", "body_timeout": "SUANLI_BODY_TIMEOUT"}
        values: dict[str, object] = {}
        for name, variable in names.items():
            raw = overrides.get(name)
            if raw is None:
                raw = os.environ.get(variable) or None
            if raw is None:
                continue
            kind = type(getattr(cls, name)) if getattr(cls, name) is not None else str
            try:
                values[name] = kind(raw)
            except ValueError:
                raise ValueError(f"{variable} must be a {kind.__name__}, not {raw!r}") from None
        return cls(**values)  # type: ignore[arg-type]

    def worker_count(self, *, remote: bool) -> int:
        """`workers`, or by default one more than the CPUs (twice the CPUs over a remote store, whose workers mostly wait).

        More workers than that only take turns on the cores and evict each other's caches: with
        4 workers on 2 cores a small query cost 10 % more CPU than with 3.
        """
        if self.workers > 0:
            return self.workers
        cpus = os.cpu_count() or 1
        return max(2, 2 * cpus if remote else cpus + 1)
