"""Print each page's first-view weight and, when Lighthouse is installed, its Lighthouse scores.

    .venv/bin/python -m site_tools.benchmark_weight            # builds the site first
    .venv/bin/python -m site_tools.benchmark_weight SITE_DIR   # an already built site

The site is served as the host serves it (site_tools/site_server.py: gzip, cache headers, `_headers`)
and each page is loaded in Debian's Chromium with an empty cache. The weight is every byte the
page downloads before the network goes quiet (HTML, CSS, JavaScript, images, fonts and the search
index), as sent: gzip-compressed where the server compresses. What the service worker downloads
once the page has loaded, to save pages for offline use, is shown apart from it.

Lighthouse (npm's `lighthouse`, mobile) runs when `lighthouse` is on PATH; see README.md. Its
performance score moves with the machine's load, so each page is scored three times and the
median of each category is printed, as Lighthouse's documentation advises.

Targets: at most 70 KB per page, and 100 KB for the whole guide, which carries every page's text
and grows with each new page; Lighthouse performance, accessibility, best practices and SEO
all 100 on the home page and the side-effects page. The exit status is 1 when a target is missed.
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

from playwright.sync_api import sync_playwright

from site_tools.browser import CHROMIUM, launch_chromium, page_urls
from site_tools.site_files import build
from site_tools.site_server import SiteServer

MAX_FIRST_VIEW_KB = 70
# Printed in one go by staff, not opened by a patient on the way to one answer.
MAX_FIRST_VIEW_KB_OF = {"whole-guide/": 100}
LIGHTHOUSE_PAGES = ["", "side-effects/"]
LIGHTHOUSE_CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
LIGHTHOUSE_TARGET = 100
LIGHTHOUSE_RUNS = 3
KB = 1000
# What the service worker (overrides/sw.js) saves for offline use, after the page has loaded:
# reported on its own, not part of the first view a reader waits for.
OFFLINE_COPY = "offline copy"


def first_view(browser, url: str) -> Counter:
    """Bytes downloaded by a first visit to `url`, by resource type, as sent over the wire."""
    context = browser.new_context(viewport={"width": 390, "height": 800})
    sizes: Counter = Counter()
    # The context, not the page, also sees the search worker's script, whose body size Chromium
    # does not report: the server's Content-Length is what it sent, compressed or not.
    context.on(
        "requestfinished",
        lambda request: sizes.update(
            {
                OFFLINE_COPY if request.service_worker else request.resource_type: int(
                    request.response().headers["content-length"]
                )
            }
        ),
    )
    context.new_page().goto(url, wait_until="networkidle")
    context.close()
    return sizes


def lighthouse_scores(lighthouse: str, url: str, attempts: int = 3) -> dict[str, int]:
    """Lighthouse's mobile scores, 0 to 100, for `url`, run against Debian's Chromium. A run that
    fails to trace the page (Lighthouse's "Please run Lighthouse again") is tried again."""
    for _ in range(attempts):
        # To a file, not stdout: Node can exit before a pipe has taken the whole report (64 KB).
        with tempfile.NamedTemporaryFile(suffix=".json") as report_file:
            result = subprocess.run(
                [
                    lighthouse,
                    url,
                    "--quiet",
                    "--output=json",
                    f"--output-path={report_file.name}",
                    f"--only-categories={','.join(LIGHTHOUSE_CATEGORIES)}",
                    "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
                ],
                env=dict(os.environ, CHROME_PATH=str(CHROMIUM)),
                capture_output=True,
                text=True,
            )
            text = Path(report_file.name).read_text(encoding="utf-8")
        lighthouse_report = json.loads(text) if text.startswith("{") else {}
        if "categories" in lighthouse_report and "runtimeError" not in lighthouse_report:
            return {name: round(lighthouse_report["categories"][name]["score"] * 100) for name in LIGHTHOUSE_CATEGORIES}
    problem = lighthouse_report.get("runtimeError", {}).get("message") or result.stderr
    sys.exit(f"lighthouse failed on {url} {attempts} times (exit status {result.returncode}):\n{problem}")


def report(site_dir: Path) -> bool:
    met = True
    with SiteServer(site_dir) as server, sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        print(f"{'page':<22} {'KB gzip':>8}  by type (KB)")
        for url in page_urls():
            sizes = first_view(browser, server.url + url)
            offline = sizes.pop(OFFLINE_COPY, 0) / KB
            total = sum(sizes.values()) / KB
            by_type = ", ".join(f"{kind} {size / KB:.1f}" for kind, size in sizes.most_common())
            budget = MAX_FIRST_VIEW_KB_OF.get(url, MAX_FIRST_VIEW_KB)
            by_type += f"; then the {OFFLINE_COPY}, {offline:.1f}" if offline else ""
            flag = "" if total <= budget else f"  over {budget} KB"
            met &= not flag
            print(f"/{url:<21} {total:>8.1f}  {by_type}{flag}")
        browser.close()

        lighthouse = shutil.which("lighthouse")
        if not lighthouse:
            print("\nLighthouse: not run, `lighthouse` is not on PATH (see README.md).")
            return met
        print(f"\nLighthouse, mobile, median of {LIGHTHOUSE_RUNS} runs ({', '.join(LIGHTHOUSE_CATEGORIES)}):")
        for url in LIGHTHOUSE_PAGES:
            runs = [lighthouse_scores(lighthouse, server.url + url) for _ in range(LIGHTHOUSE_RUNS)]
            scores = {name: statistics.median(run[name] for run in runs) for name in LIGHTHOUSE_CATEGORIES}
            missed = [name for name, score in scores.items() if score < LIGHTHOUSE_TARGET]
            met &= not missed
            flag = f"  below {LIGHTHOUSE_TARGET}: {', '.join(missed)}" if missed else ""
            print(f"/{url:<21} " + " ".join(f"{score:>3}" for score in scores.values()) + flag)
    return met


def main(argv: list[str]) -> int:
    if len(argv) > 1:
        return 0 if report(Path(argv[1])) else 1
    with tempfile.TemporaryDirectory() as site_dir:
        result = build(Path(site_dir))
        if result.returncode != 0:
            print(result.stderr, file=sys.stderr)
            return 1
        return 0 if report(Path(site_dir)) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
