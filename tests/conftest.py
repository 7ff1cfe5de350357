import json
import os
from dataclasses import dataclass
from pathlib import Path

import pytest
from filelock import FileLock
from playwright.sync_api import sync_playwright

from browser import CHROMIUM, launch_chromium
from site_files import build
from site_server import SiteServer


def pytest_addoption(parser):
    parser.addoption(
        "--check-external-links",
        action="store_true",
        help="also fetch every external link (needs the internet; successes are cached in .cache/ for a week)",
    )


def pytest_configure(config):
    config.addinivalue_line("markers", "external_links: fetches external links; runs only with --check-external-links")


def pytest_collection_modifyitems(config, items):
    # Every test that drives Chromium is a browser test, so `-m "not browser"` (pre-commit) skips it.
    for item in items:
        if "chromium" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.browser)
    if config.getoption("--check-external-links"):
        return
    skip = pytest.mark.skip(reason="needs the internet: run pytest with --check-external-links")
    for item in items:
        if "external_links" in item.keywords:
            item.add_marker(skip)


@dataclass
class SiteBuild:
    site_dir: Path
    returncode: int
    stderr: str


@pytest.fixture(scope="session")
def build_result(tmp_path_factory, worker_id) -> SiteBuild:
    """The site built once per test session with the production config, strictly.

    pytest-xdist runs the tests in several worker processes (pyproject.toml, addopts), each with
    its own session fixtures: so the first worker to get here builds into the session's temp dir,
    under a lock the others wait on, and leaves the build's exit status and log there for them."""
    shared = tmp_path_factory.getbasetemp()
    if worker_id != "master":
        shared = shared.parent  # every worker's temp dir lies in the session's
    site_dir, log = shared / "site", shared / "site-build.json"
    with FileLock(shared / "site-build.lock"):
        if not log.is_file():
            result = build(site_dir)
            log.write_text(json.dumps({"returncode": result.returncode, "stderr": result.stderr}))
        return SiteBuild(site_dir, **json.loads(log.read_text()))


@pytest.fixture(scope="session")
def site_dir(build_result) -> Path:
    if build_result.returncode != 0:
        pytest.fail(f"the site does not build:\n{build_result.stderr}", pytrace=False)
    return build_result.site_dir


@pytest.fixture(scope="session")
def chromium():
    """One Chromium for the whole session (for each xdist worker)."""
    if not CHROMIUM.exists():
        reason = f"no Chromium at {CHROMIUM}: install it with `apt-get install chromium` (.ci/run does)"
        if os.environ.get("CI"):
            pytest.fail(f"CI is set, so the browser tests must run, but {reason}", pytrace=False)
        pytest.skip(f"browser tests skipped: {reason}")
    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def site_server(site_dir):
    """The built site served on 127.0.0.1 as the host serves it (tests/site_server.py)."""
    with SiteServer(site_dir) as server:
        yield server


@pytest.fixture
def new_page(chromium):
    """A page in a fresh context (no cookies, no storage), closed after the test:
    `new_page(width=390, color_scheme="dark")`; other keywords go to `browser.new_context`."""
    contexts = []

    def open_page(width=390, height=800, **context_options):
        context = chromium.new_context(viewport={"width": width, "height": height}, **context_options)
        contexts.append(context)
        return context.new_page()

    yield open_page
    for context in contexts:
        context.close()


@pytest.fixture(scope="session")
def reused_tab(chromium):
    """One tab for all the tests of a session (of an xdist worker) that only look at the site's
    pages: see `site_page`. A fresh context for each would cost Chromium a new renderer process
    and a cold cache: up to a second of CPU a test."""
    context = chromium.new_context()
    yield context.new_page()
    context.close()


@pytest.fixture
def site_page(reused_tab, site_server):
    """`site_page("side-effects/", width=1280, reduced_motion="reduce")`: a page of the built site
    loaded in the reused tab as a fresh context would load it, with the viewport and emulated media
    set anew (to Playwright's defaults unless given), and no cookie, storage or route left by the
    tests before (Material keeps the colour palette it last showed in localStorage). For tests
    that look at pages without listening to their events or moving the mouse: one that does, or
    loads another site, or needs the browser's cache empty, takes `new_page`."""

    def load(url: str, width=390, height=800, color_scheme="light", reduced_motion="no-preference"):
        if reused_tab.url.startswith(site_server.url):
            reused_tab.evaluate("() => { localStorage.clear(); sessionStorage.clear(); }")
        reused_tab.context.clear_cookies()
        reused_tab.unroute_all()
        reused_tab.set_viewport_size({"width": width, "height": height})
        reused_tab.emulate_media(media="null", color_scheme=color_scheme, reduced_motion=reduced_motion)
        reused_tab.goto(site_server.url + url)
        return reused_tab

    return load
