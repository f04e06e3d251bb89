"""One small HTTP layer for the agencies' APIs: rate limits, retries, a cache, a Swedish
message when there is no connection.

* **Rate limits** per host: at most ``calls`` requests in any ``window`` seconds (SCB's
  PxWebApi allows 30 per 10 s; the others publish no limit, so 10 per second is kept).
* **Retries**: a 429 or 5xx answer, or a dropped connection, is tried again up to
  ``RETRIES`` times, waiting 1, 2, 4 … s (or the server's Retry-After).
* **Cache**: answers are kept as files under ``cache_dir`` (the URL and body hashed), so a
  second ``fetch`` of the same municipality the same week asks nobody; ``max_age`` seconds.
* **Offline**: when a host cannot be reached at all, :class:`Offline` says so in Swedish and
  points to ``python -m engine start``, which needs no network.

Clock and sleep are injectable, so tests check the limits without waiting.
"""

from __future__ import annotations

import hashlib
import json
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import httpx

RETRIES = 3
TIMEOUT_S = 60.0
USER_AGENT = "Vagval/0.1 (decision support for Swedish municipalities)"  # headers are ASCII
DEFAULT_CACHE = Path.home() / ".cache" / "vagval" / "http"
WEEK_S = 7 * 24 * 3600


class SourceError(RuntimeError):
    """An agency answered, but not with what was asked for; the message is Swedish."""


class Offline(SourceError):
    """No connection to an agency's service."""

    def __init__(self, host: str):
        super().__init__(
            f"ingen förbindelse med {host}: datorn verkar sakna internet (eller tjänsten är nere). "
            "Bygg i stället från de nationella filerna som följer med Vägval: "
            "python -m engine start KOMMUNKOD MAPP — eller försök igen när datorn är ansluten."
        )
        self.host = host


@dataclass(frozen=True)
class Limit:
    calls: int  # at most this many requests …
    window: float  # … in any window of this many seconds


LIMITS = {
    "statistikdatabasen.scb.se": Limit(30, 10.0),  # SCB PxWebApi v2: 30 calls per 10 s
    "geodata.scb.se": Limit(30, 10.0),
}
DEFAULT_LIMIT = Limit(10, 1.0)


@dataclass
class Http:
    """GET and POST with the limits, retries and cache above; answers parsed as JSON."""

    client: httpx.Client = field(default_factory=lambda: httpx.Client(timeout=TIMEOUT_S, follow_redirects=True))
    cache_dir: Path | None = DEFAULT_CACHE
    max_age: float = WEEK_S
    clock: Callable[[], float] = time.monotonic
    sleep: Callable[[float], None] = time.sleep
    wall: Callable[[], float] = time.time
    calls: dict[str, deque[float]] = field(default_factory=dict)
    requests_sent: int = 0  # for tests and the summary: how many went over the network

    def get_json(self, url: str, params: dict[str, str] | None = None, headers: dict[str, str] | None = None) -> Any:
        return json.loads(self._fetch("GET", url, params, None, headers))

    def post_json(self, url: str, body: Any, params: dict[str, str] | None = None) -> Any:
        return json.loads(self._fetch("POST", url, params, body, None))

    # ------------------------------------------------------------------------------------
    def _key(self, method: str, url: str, params: dict[str, str] | None, body: Any) -> str:
        text = json.dumps([method, url, sorted((params or {}).items()), body], ensure_ascii=False)
        return hashlib.sha256(text.encode("utf-8")).hexdigest()

    def _cached(self, key: str) -> str | None:
        if self.cache_dir is None:
            return None
        path = self.cache_dir / f"{key}.json"
        if not path.is_file():
            return None
        try:
            entry = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None  # a broken cache file is asked for again
        if self.wall() - float(entry.get("at", 0)) > self.max_age:
            return None
        return str(entry["text"])

    def _store(self, key: str, url: str, text: str) -> None:
        if self.cache_dir is None:
            return
        self.cache_dir.mkdir(parents=True, exist_ok=True)
        entry = {"url": url, "at": self.wall(), "text": text}
        (self.cache_dir / f"{key}.json").write_text(json.dumps(entry, ensure_ascii=False), encoding="utf-8")

    def _wait_for_slot(self, host: str) -> None:
        """Sleep until one more request keeps the host within its limit, then count it."""
        limit = LIMITS.get(host, DEFAULT_LIMIT)
        sent = self.calls.setdefault(host, deque())
        while True:
            now = self.clock()
            while sent and now - sent[0] >= limit.window:
                sent.popleft()
            if len(sent) < limit.calls:
                sent.append(now)
                return
            self.sleep(limit.window - (now - sent[0]))

    def _fetch(
        self, method: str, url: str, params: dict[str, str] | None, body: Any, headers: dict[str, str] | None
    ) -> str:
        key = self._key(method, url, params, body)
        cached = self._cached(key)
        if cached is not None:
            return cached
        host = urlsplit(url).hostname or url
        wait = 1.0
        for attempt in range(RETRIES + 1):
            self._wait_for_slot(host)
            try:
                self.requests_sent += 1
                response = self.client.request(
                    method,
                    url,
                    params=params,
                    json=body,
                    headers={"User-Agent": USER_AGENT, "Accept": "application/json", **(headers or {})},
                )
            except httpx.TransportError as exc:
                # No connection at all is tried once more only: the analyst should not wait long to hear it.
                unreachable = isinstance(exc, httpx.ConnectError | httpx.ConnectTimeout)
                if unreachable and attempt >= 1:
                    raise Offline(host) from None
                if attempt == RETRIES:
                    raise SourceError(f"{host} svarade inte ({type(exc).__name__}); försök igen senare") from None
                self.sleep(wait)
                wait *= 2
                continue
            if response.status_code == 429 or response.status_code >= 500:
                if attempt == RETRIES:
                    raise SourceError(f"{host} svarade {response.status_code} även efter {RETRIES} nya försök")
                retry_after = response.headers.get("Retry-After", "")
                self.sleep(float(retry_after) if retry_after.isdigit() else wait)
                wait *= 2
                continue
            if response.status_code != 200:
                raise SourceError(f"{host} svarade {response.status_code} på {response.url}")
            text = response.text
            self._store(key, str(response.url), text)
            return text
        raise AssertionError("unreachable: the loop returns or raises")  # pragma: no cover
