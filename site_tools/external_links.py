"""Fetch external links for real, politely: few at a time, waiting when asked, and cached.

Used by `pytest --check-external-links` only: CI has no internet, and the sites we link to
(NICE, the NHS, PubMed) should not be hit on every run. A link that worked is not fetched again
until its cache entry is older than `max_age`; a broken one is fetched again on every run.
"""

from __future__ import annotations

import email.utils
import json
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import urlsplit

USER_AGENT = "botox-migraine-site link check (a patient-information site checking its sources)"
RETRY_STATUSES = (429, 503)
# Some servers refuse HEAD; the same address is then fetched with GET.
HEAD_REFUSED = (403, 405, 501)
WEEK = 7 * 24 * 3600


def retry_after_seconds(value: str | None, now: float) -> float:
    """Seconds to wait from a Retry-After header: a number of seconds or an HTTP date."""
    if not value:
        return 1.0
    if value.strip().isdigit():
        return float(value.strip())
    try:
        return max(0.0, email.utils.parsedate_to_datetime(value).timestamp() - now)
    except (TypeError, ValueError):
        return 1.0


class ExternalLinkChecker:
    def __init__(
        self,
        cache_file: Path,
        max_age: float = WEEK,
        workers: int = 4,
        per_host: int = 1,
        retries: int = 3,
        longest_wait: float = 120.0,
        timeout: float = 20.0,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.time,
    ):
        self.cache_file = cache_file
        self.max_age = max_age
        self.workers = workers
        self.per_host = per_host
        self.retries = retries
        self.longest_wait = longest_wait
        self.timeout = timeout
        self.sleep = sleep
        self.clock = clock
        self.host_slots: dict[str, threading.Semaphore] = {}
        self.lock = threading.Lock()

    def _slot(self, url: str) -> threading.Semaphore:
        host = urlsplit(url).netloc
        with self.lock:
            return self.host_slots.setdefault(host, threading.Semaphore(self.per_host))

    def _status(self, url: str, method: str) -> tuple[int, str | None]:
        request = urllib.request.Request(url, method=method, headers={"User-Agent": USER_AGENT})
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                return response.status, None
        except urllib.error.HTTPError as error:
            return error.code, error.headers.get("Retry-After")

    def check_one(self, url: str) -> str | None:
        """The problem with `url` ("HTTP 404", "timed out"...), or None when it works."""
        method = "HEAD"
        for attempt in range(self.retries + 1):
            try:
                with self._slot(url):
                    status, retry_after = self._status(url, method)
            except (urllib.error.URLError, OSError) as error:
                return f"cannot be reached ({getattr(error, 'reason', error)})"
            if status in HEAD_REFUSED and method == "HEAD":
                method = "GET"
                continue
            if status in RETRY_STATUSES and attempt < self.retries:
                self.sleep(min(retry_after_seconds(retry_after, self.clock()), self.longest_wait))
                continue
            return None if status < 400 else f"HTTP {status}"
        return f"HTTP {status}"

    def check(self, urls: Iterable[str]) -> dict[str, str]:
        """{url: problem} for every url that does not work; cached successes are not fetched."""
        cache = json.loads(self.cache_file.read_text(encoding="utf-8")) if self.cache_file.is_file() else {}
        now = self.clock()
        due = sorted({url for url in urls if url not in cache or now - cache[url] > self.max_age})
        with ThreadPoolExecutor(self.workers) as pool:
            results = dict(zip(due, pool.map(self.check_one, due)))
        cache.update({url: now for url, problem in results.items() if problem is None})
        self.cache_file.parent.mkdir(parents=True, exist_ok=True)
        self.cache_file.write_text(json.dumps(cache, indent=1, sort_keys=True), encoding="utf-8")
        return {url: problem for url, problem in results.items() if problem}
