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
