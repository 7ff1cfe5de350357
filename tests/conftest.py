import json
import os
from dataclasses import dataclass
from pathlib import Path

import pytest
from filelock import FileLock
from playwright.sync_api import sync_playwright

from site_tools.browser import CHROMIUM, PageLoad, Recording, launch_chromium
from site_tools.site_files import build
from site_tools.site_server import SiteServer


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
    """The built site served on 127.0.0.1 as the host serves it (site_tools/site_server.py)."""
    with SiteServer(site_dir) as server:
        yield server


# The page the last test left can write to storage until a new page replaces it (Material saves
# its palette as the reset changes the emulated colour scheme), so the new page clears it too,
# before its own scripts run, when the reset has marked the tab: through the window's name, which
# a same-site navigation keeps. (A DevTools script for new documents would need the Page domain
# on, which costs the suite a tenth of its CPU.)
CLEAR_STORAGE_IF_MARKED = """if (window.name === "clear storage") {
    window.name = "";
    try { localStorage.clear(); sessionStorage.clear(); } catch (opaqueOrigin) {}
}"""


@dataclass
class ReusedTab:
    page: object
    cdp: object  # a DevTools session on the page, for what Playwright sets only per context
    recording: Recording


@pytest.fixture(scope="session")
def reused_tab(chromium) -> ReusedTab:
    """One tab for all the tests of a session (of an xdist worker) that load the site's pages: see
    `site_page` and `first_visit`. A fresh context, or even a new tab, costs Chromium a new
    renderer process: about a second of CPU, four times what loading a page in this tab costs."""
    # No service worker: one registered by a page would outlive the reset, answer later tests'
    # requests past Playwright's routes and records, and keep pages across the session.
    # tests/test_offline.py gives the worker contexts of its own.
    context = chromium.new_context(service_workers="block")
    page = context.new_page()
    page.add_init_script(CLEAR_STORAGE_IF_MARKED)
    yield ReusedTab(page, context.new_cdp_session(page), Recording(page))
    context.close()


@pytest.fixture
def reset_tab(reused_tab, site_server):
    """`reset_tab(width=1280, reduced_motion="reduce")`: the reused tab as a fresh context would
    start it: the viewport, emulated media and JavaScript set anew (390 by 800 px, light, motion
    allowed and JavaScript on unless given), the mouse pointer in the top left corner, and no
    cookie, storage, permission, route or recording left by the tests before (Material keeps the
    colour palette it last showed in localStorage). The browser's cache stays: `first_visit`
    turns it off."""
    tab = reused_tab.page

    def forget_the_sites_storage():
        # Only a page of the site can reach its storage: a test that leaves the tab elsewhere has
        # had it cleared as it ended, here.
        if tab.url.startswith(site_server.url):
            tab.evaluate("() => { localStorage.clear(); sessionStorage.clear(); }")

    def reset(width=390, height=800, color_scheme="light", reduced_motion="no-preference", javascript=True):
        forget_the_sites_storage()
        tab.evaluate("() => { window.name = 'clear storage'; }")  # see CLEAR_STORAGE_IF_MARKED
        tab.context.clear_cookies()
        tab.context.clear_permissions()
        tab.unroute_all()
        reused_tab.recording.start_afresh()
        tab.set_viewport_size({"width": width, "height": height})
        tab.mouse.move(0, 0)
        tab.emulate_media(
            media="null",
            color_scheme=color_scheme,
            reduced_motion=reduced_motion,
            forced_colors="null",
            contrast="null",
        )
        reused_tab.cdp.send("Emulation.setScriptExecutionDisabled", {"value": not javascript})

    yield reset
    forget_the_sites_storage()


@pytest.fixture
def site_page(reused_tab, reset_tab, site_server):
    """`site_page("side-effects/", width=1280, javascript=False)`: a page of the built site loaded in
    the reused tab after `reset_tab` (which takes the same keywords). A test that records the
    page's requests takes `first_visit`."""

    def load(url: str, **settings):
        reset_tab(**settings)
        reused_tab.page.goto(site_server.url + url)
        return reused_tab.page

    return load


@pytest.fixture
def scratch_page(reused_tab, reset_tab):
    """`scratch_page(color_scheme="dark")`: the reused tab after `reset_tab` (which takes the same
    keywords), for a test to load a page of its own into: a broken page, say, served from a
    folder of its own. `set_content` writes into whatever page the tab shows, which keeps its
    address, its Content-Security-Policy (no inline style or script) and its scripts' globals; a
    blank page first would cost Chromium a new renderer."""

    def open_tab(**settings):
        reset_tab(**settings)
        return reused_tab.page

    return open_tab


@pytest.fixture
def first_visit(reused_tab, reset_tab, site_server):
    """`first_visit("side-effects/", width=1280)`: a page of the built site loaded in the reused tab
    after `reset_tab`, with the browser's cache off, as on a reader's first visit, and recorded:
    a `PageLoad`, with `.page`, `.requests` and `.errors`."""

    def load(url: str, width=390, height=800) -> PageLoad:
        reset_tab(width=width, height=height)
        return reused_tab.recording.load(site_server.url + url)

    return load


@pytest.fixture
def broken_page(scratch_page, tmp_path):
    """`broken_page(html)`: `html` served as a site's only page (beside any file the test wrote to
    `tmp_path`) and loaded, to show that a check reports what is wrong with it."""
    with SiteServer(tmp_path) as server:

        def load(html: str):
            (tmp_path / "index.html").write_text(html)
            page = scratch_page()
            page.goto(server.url)
            return page

        yield load
