"""Offline: after one visit to any page, the service worker (overrides/sw.js, completed by
overrides/hooks/service_worker.py) opens the home page, urgent help, the planner and both diaries
with no connection, and every page read before; online, a page always comes from the network;
a new build's worker replaces the old cache.

Each test serves its own copy of the built site, to change it under the worker, in a browser
context of its own: the reused tab refuses service workers (conftest.py)."""

from __future__ import annotations

import json
import re
import shutil

import pytest

from site_hooks.service_worker import (
    PRECACHE_PAGES,
    ServiceWorkerError,
    build_version,
    completed_worker,
    precached_paths,
)
from site_tools.site_server import SiteServer

WORKER_READY = """() => navigator.serviceWorker.ready.then(registration =>
    caches.keys().then(names => ({ scope: registration.scope, caches: names })))"""
CACHES = "() => caches.keys()"


@pytest.fixture
def own_site(site_dir, tmp_path):
    copy = tmp_path / "site"
    shutil.copytree(site_dir, copy)
    with SiteServer(copy) as server:
        yield copy, server


@pytest.fixture
def worker_tab(chromium, own_site):
    """A tab that has visited one page, the timeline, and whose service worker is ready."""
    site, server = own_site
    context = chromium.new_context()
    tab = context.new_page()
    errors = []
    tab.on("pageerror", lambda error: errors.append(str(error)))
    tab.goto(server.url + "timeline/")
    ready = tab.evaluate(WORKER_READY)
    assert ready["scope"] == server.url, "the worker must serve the whole site from its root"
    # The worker controls the pages loaded after it starts.
    tab.reload()
    yield tab, site, server
    assert not errors
    context.close()


def heading(tab) -> str:
    return tab.locator("h1").first.inner_text()


def test_after_one_visit_the_saved_pages_open_with_no_connection(worker_tab):
    tab, site, server = worker_tab
    tab.context.set_offline(True)
    titles = {}
    for page in PRECACHE_PAGES + ["timeline/"]:
        tab.goto(server.url + page)
        titles[page] = heading(tab)
    assert titles == {
        "": "Botox for chronic migraine",
        "side-effects/": "Side effects of Botox for migraine",
        "treatment-planner/": "Plan your Botox treatment dates",
        "headache-diary/": "Headache diary on your phone",
        "paper-headache-diary/": "Headache diary to print",
        "timeline/": "How long Botox takes to work",
    }
    tab.goto(server.url + "side-effects/#urgent-help")
    assert tab.locator("#urgent-help").is_visible()


def test_offline_the_tools_work_as_online(worker_tab):
    tab, site, server = worker_tab
    tab.context.set_offline(True)
    tab.goto(server.url + "treatment-planner/")
    tab.fill("#planner-date", "2026-11-02")
    tab.get_by_role("button", name="Show my dates").click()
    assert tab.locator(".planner__dates li").count() == 5
    tab.goto(server.url + "headache-diary/")
    assert tab.locator(".diary__days button").count() >= 28


def test_offline_a_page_never_read_says_so_and_where_help_is(worker_tab):
    tab, site, server = worker_tab
    tab.context.set_offline(True)
    tab.goto(server.url + "results/")
    assert heading(tab) == "No connection"
    assert "999" in tab.inner_text("body")
    tab.get_by_role("link", name="home page").click()
    assert heading(tab) == "Botox for chronic migraine"


def test_online_a_page_comes_from_the_network_not_the_saved_copy(worker_tab):
    tab, site, server = worker_tab
    page = site / "timeline" / "index.html"
    page.write_text(
        page.read_text(encoding="utf-8").replace("How long Botox takes to work</h1>", "Updated title</h1>"),
        encoding="utf-8",
    )
    tab.goto(server.url + "timeline/")
    assert heading(tab) == "Updated title"
    tab.context.set_offline(True)
    tab.goto(server.url + "timeline/")
    assert heading(tab) == "Updated title", "the saved copy follows the page as last read"


def test_a_new_build_deletes_the_old_cache(worker_tab):
    tab, site, server = worker_tab
    [old] = tab.evaluate(CACHES)
    worker = site / "sw.js"
    worker.write_text(
        re.sub(r'var BUILD = "\w+"', 'var BUILD = "a-new-build"', worker.read_text(encoding="utf-8")), encoding="utf-8"
    )
    tab.evaluate("() => navigator.serviceWorker.getRegistration().then(registration => registration.update())")
    for _ in range(50):
        if tab.evaluate(CACHES) == ["botox-migraine-a-new-build"]:
            break
        tab.wait_for_timeout(100)
    assert tab.evaluate(CACHES) == ["botox-migraine-a-new-build"], f"the old cache {old} must go"


def test_the_built_worker_has_its_build_and_the_pages_to_save(site_dir):
    worker = (site_dir / "sw.js").read_text(encoding="utf-8")
    assert "__BUILD__" not in worker and "__PRECACHE__" not in worker
    saved = json.loads(re.search(r"var PRECACHE = (\[.*?\]);", worker).group(1))
    assert [path for path in saved if path in PRECACHE_PAGES] == PRECACHE_PAGES
    assert all((site_dir / path).is_file() for path in saved if path not in PRECACHE_PAGES), (
        "every saved file must exist"
    )
    assert any(path.endswith(".css") for path in saved) and "assets/javascripts/headache-diary.js" in saved


def test_the_build_version_follows_the_sites_content(tmp_path):
    (tmp_path / "index.html").write_text("<h1>One</h1>")
    first = build_version(tmp_path)
    (tmp_path / "sw.js").write_text("changes nothing")
    assert build_version(tmp_path) == first, "the worker itself is not part of the version"
    (tmp_path / "index.html").write_text("<h1>Two</h1>")
    assert build_version(tmp_path) != first


def test_a_page_to_save_that_is_not_in_the_site_is_reported(tmp_path):
    with pytest.raises(
        ServiceWorkerError, match=r"the page /treatment-planner/ to save for offline use is not in the site"
    ):
        precached_paths(tmp_path, ["treatment-planner/"])


def test_a_worker_without_its_placeholders_is_reported():
    with pytest.raises(ServiceWorkerError, match=r"overrides/sw.js has lost its placeholder __PRECACHE__: put it back"):
        completed_worker('var BUILD = "__BUILD__";', "v1", [])
