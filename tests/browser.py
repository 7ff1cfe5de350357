"""Debian's Chromium, driven by Playwright, the site's pages to load in it, and how a reader opens
search: for the browser tests and scripts/benchmark_weight.py alike.

Playwright's own browser download fails here, so the tests drive /usr/bin/chromium (installed by
`apt-get install chromium`, as .ci/run does).
"""

from __future__ import annotations

import re
from pathlib import Path

from site_files import markdown_pages

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
# Pages a hook or plugin makes without a Markdown file of their own go here, as URL paths.
GENERATED_PAGES = ["staff/", "whole-guide/"]


def launch_chromium(playwright):
    return playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS)


def page_url(page: str) -> str:
    """The URL path, relative to the site's root, of a Markdown page: "side-effects/"."""
    stem = page.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        return stem.removesuffix("index")
    return stem + "/"


def page_urls() -> list[str]:
    """Every page to check in the browser: the Markdown pages, generated pages and the 404 page."""
    return [page_url(page) for page in markdown_pages()] + GENERATED_PAGES + [NOT_FOUND_URL]


def open_search(page, width: int) -> None:
    """Open search the way a reader does: the magnifier button on a phone, the box on a desktop."""
    if width < 960:
        page.locator('label.md-header__button[for="__search"]').click()
    else:
        page.locator("input.md-search__input").click()


def load_recording(page, url: str) -> list:
    """Load `url` and return every request the page makes, from the first to those after the
    network went quiet; the list goes on filling as the test uses the page. Requests to other
    sites are recorded, then refused, so the tests never reach the internet."""
    requests = []
    page.on("request", lambda request: requests.append(request))
    origin = url.split("/", 3)[:3]
    page.route(lambda address: address.split("/", 3)[:3] != origin, lambda route: route.abort())
    page.goto(url, wait_until="networkidle")
    return requests


def sitemap_urls(site_dir: Path, site_url: str) -> list[str]:
    """The URL paths, relative to the site's root, that the built sitemap.xml lists."""
    sitemap = (site_dir / "sitemap.xml").read_text(encoding="utf-8")
    return [url.removeprefix(site_url) for url in re.findall(r"<loc>(.*?)</loc>", sitemap)]
