"""External links work: checked for real only on request (pytest --check-external-links)."""

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from site_tools.external_links import ExternalLinkChecker
from site_tools.link_check import read_site
from site_tools.site_files import ROOT, load_config

SITE_URL = load_config()["site_url"]
CACHE_FILE = ROOT / ".cache" / "external-links.json"


@pytest.mark.external_links
def test_every_external_link_is_reachable(site_dir):
    site, links = read_site(site_dir, SITE_URL)
    pages_by_url = {}
    for link in links:
        if link.url.startswith("https://") and not link.url.startswith(SITE_URL):
            pages_by_url.setdefault(link.url, set()).add(site.url_of(link.page))
    problems = ExternalLinkChecker(CACHE_FILE).check(pages_by_url)
    assert not problems, "\n".join(
        f"{url}: {problem}, linked from {', '.join(sorted(pages_by_url[url]))}: fix or remove the link"
        for url, problem in sorted(problems.items())
    )


class FakeWebsite(BaseHTTPRequestHandler):
    """/ok works, /gone is missing, /busy asks to wait once, /no-head refuses HEAD, /slow takes time."""

    requests: list[str] = []
    busy_answered = False
    in_flight = 0
    most_in_flight = 0
    lock = threading.Lock()

    def do_HEAD(self):
        self.answer("HEAD")

    def do_GET(self):
        self.answer("GET")

    def answer(self, method):
        cls = type(self)
        with cls.lock:
            cls.requests.append(f"{method} {self.path}")
            cls.in_flight += 1
            cls.most_in_flight = max(cls.most_in_flight, cls.in_flight)
        time.sleep(0.05 if self.path.startswith("/slow") else 0)
        # Counted out before answering: once the answer is sent, the client may send its next
        # request before this thread runs again, and the two would be counted together.
        with cls.lock:
            cls.in_flight -= 1
        if self.path == "/gone":
            self.send_response(404)
        elif self.path == "/busy" and not cls.busy_answered:
            cls.busy_answered = True
            self.send_response(429)
            self.send_header("Retry-After", "7")
        elif self.path == "/no-head" and method == "HEAD":
            self.send_response(405)
        else:
            self.send_response(200)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def website():
    FakeWebsite.requests, FakeWebsite.busy_answered, FakeWebsite.most_in_flight = [], False, 0
    server = ThreadingHTTPServer(("127.0.0.1", 0), FakeWebsite)
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.01}, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    server.server_close()


def test_the_online_check_reports_broken_links_waits_when_asked_and_caches(website, tmp_path):
    waits = []
    clock = [1_000_000.0]
    checker = ExternalLinkChecker(tmp_path / "cache.json", max_age=3600, sleep=waits.append, clock=lambda: clock[0])
    urls = [f"{website}/ok", f"{website}/gone", f"{website}/busy", f"{website}/no-head"]

    assert checker.check(urls) == {f"{website}/gone": "HTTP 404"}
    assert waits == [7.0], "a 429 answer's Retry-After must be honoured before trying again"
    assert "GET /no-head" in FakeWebsite.requests

    FakeWebsite.requests.clear()
    assert checker.check(urls) == {f"{website}/gone": "HTTP 404"}
    assert FakeWebsite.requests == ["HEAD /gone"], "links that worked less than max_age ago must not be fetched again"

    clock[0] += 3601
    FakeWebsite.requests.clear()
    checker.check(urls)
    assert len(FakeWebsite.requests) == 5, "links whose cache entry is older than max_age must be fetched again"


def test_the_online_check_fetches_one_page_at_a_time_from_each_site(website, tmp_path):
    checker = ExternalLinkChecker(tmp_path / "cache.json", workers=4, per_host=1)
    assert checker.check(f"{website}/slow/{number}" for number in range(6)) == {}
    assert FakeWebsite.most_in_flight == 1
