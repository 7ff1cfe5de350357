"""Debian's Chromium, driven by Playwright, the site's pages to load in it, and how a reader opens
search: for the browser tests and site_tools/benchmark_weight.py alike.

Playwright's own browser download fails here, so the tests drive /usr/bin/chromium (installed by
`apt-get install chromium`, as .ci/run does).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from site_tools.page_parts import GENERATED_PAGES
from site_tools.site_files import markdown_pages, page_url

CHROMIUM = Path("/usr/bin/chromium")
# No sandbox (CI runs as root); no GPU; and nothing Chromium would fetch on its own, so that every
# request the tests record comes from the page.
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
NOT_FOUND_URL = "404.html"
# A phone and a desktop: Material lays the page out differently on either side of 960 px.
WIDTHS = {"phone": 390, "desktop": 1280}
# Material's palette follows the reader's system setting: the colour scheme the browser emulates,
# and the Material scheme the page then shows.
SCHEMES = {"light": "default", "dark": "slate"}


def launch_chromium(playwright):
    return playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS)


def page_urls() -> list[str]:
    """Every page to check in the browser: the Markdown pages, generated pages and the 404 page."""
    return [page_url(page) for page in markdown_pages() + GENERATED_PAGES] + [NOT_FOUND_URL]


def content_urls() -> list[str]:
    """Every page but the 404 page, which has no title to skip to and nothing to print."""
    return [url for url in page_urls() if url != NOT_FOUND_URL]


# The files Material's search needs: its index, and the script of the worker that searches it.
SEARCH_FILES = ("/search/search_index.json", "/assets/javascripts/workers/search.")


def search_requests(requests: list) -> list[str]:
    """The URLs of the requests, out of `requests`, for search's files."""
    return [request.url for request in requests if any(name in request.url for name in SEARCH_FILES)]


def open_search(page, width: int) -> None:
    """Open search the way a reader does: the magnifier button on a phone, the box on a desktop."""
    if width < 960:
        page.locator('label.md-header__button[for="__search"]').click()
    else:
        page.locator("input.md-search__input").click()


@dataclass
class PageLoad:
    """A page, and every request it made and error it logged (console errors, uncaught
    exceptions) since it was loaded, until its tab is loaded or reset again."""

    page: object
    requests: list
    errors: list[str]


class Recording:
    """Records, in the lists of a `PageLoad`, what a page does after each `load`."""

    def __init__(self, page):
        self.page = page
        self.requests: list = []
        self.errors: list[str] = []
        page.on("request", lambda request: self.requests.append(request))
        page.on("console", lambda message: message.type == "error" and self.errors.append(message.text))
        page.on("pageerror", lambda error: self.errors.append(str(error)))

    def start_afresh(self) -> None:
        """New, empty lists; whoever holds the old ones keeps what they hold."""
        self.requests, self.errors = [], []

    def load(self, url: str) -> PageLoad:
        """Load `url` and record it afresh, until the network has been quiet for half a second; the
        lists go on filling as the test uses the page. Requests to other sites are recorded, then
        refused, so the tests never reach the internet. While Playwright routes requests it turns
        the browser's cache off, so every file the page needs is requested."""
        self.start_afresh()
        origin = url.split("/", 3)[:3]
        self.page.route(lambda address: address.split("/", 3)[:3] != origin, lambda route: route.abort())
        self.page.goto(url, wait_until="networkidle")
        return PageLoad(self.page, self.requests, self.errors)


def sitemap_urls(site_dir: Path, site_url: str) -> list[str]:
    """The URL paths, relative to the site's root, that the built sitemap.xml lists."""
    sitemap = (site_dir / "sitemap.xml").read_text(encoding="utf-8")
    return [url.removeprefix(site_url) for url in re.findall(r"<loc>(.*?)</loc>", sitemap)]
