"""What patients read is nobody else's business: every page, loaded in Chromium, asks nothing of
any other site, sets no cookie, sends no Referer, and logs no error (such as a script the
Content-Security-Policy of `_headers` blocks). Nor does a first visit fetch anything of search,
which downloads its files only when a reader opens it: tests/test_search.py checks that they then
come from the site itself."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from site_tools.browser import PageLoad, page_urls, search_requests
from site_tools.site_server import SiteServer


def foreign_requests(requests, url: str) -> list[str]:
    origin = "/".join(url.split("/", 3)[:3]) + "/"
    return [
        f"{url} asks another site for {request.resource_type}: {request.url}"
        for request in requests
        if not request.url.startswith(origin) and not request.url.startswith(("data:", "blob:"))
    ]


def referers(requests) -> list[str]:
    return [
        f"{request.url} was sent Referer: {request.headers['referer']}"
        for request in requests
        if "referer" in request.headers
    ]


def cookies(page) -> list[str]:
    stored = [f"{cookie['name']} (for {cookie['domain']})" for cookie in page.context.cookies()]
    in_script = page.evaluate("document.cookie")
    return [f"{page.url} sets cookie {name}" for name in stored] + (
        [f"{page.url} sets document.cookie {in_script!r}"] if in_script else []
    )


def referrer_policy(page) -> str | None:
    policy = page.locator('meta[name="referrer"]')
    return policy.get_attribute("content") if policy.count() == 1 else None


@dataclass
class Visit:
    """What the four checks need of a page, taken as it loaded: the tab moves on to other pages."""

    url: str
    requests: list
    errors: list
    cookies: list[str]
    referrer_policy: str | None

    @classmethod
    def of(cls, load: PageLoad) -> Visit:
        return cls(load.page.url, load.requests, load.errors, cookies(load.page), referrer_policy(load.page))


@pytest.fixture(scope="module")
def visits() -> dict:
    return {}


@pytest.fixture
def visit(first_visit, visits):
    """`visit(url)`: the page loaded once, as a reader's first visit, for all four checks."""

    def load_once(url: str) -> Visit:
        if url not in visits:
            visits[url] = Visit.of(first_visit(url))
        return visits[url]

    return load_once


@pytest.mark.parametrize("url", page_urls())
def test_every_page_asks_nothing_of_another_site(visit, url):
    foreign = foreign_requests(visit(url).requests, visit(url).url)
    assert not foreign, "\n".join(foreign) + "\nServe fonts, scripts and images from the site itself."


@pytest.mark.parametrize("url", page_urls())
def test_every_page_sets_no_cookie(visit, url):
    found = visit(url).cookies
    assert not found, "\n".join(found)


@pytest.mark.parametrize("url", page_urls())
def test_every_page_sends_no_referrer(visit, url):
    assert visit(url).referrer_policy == "no-referrer", (
        f'{url}: no <meta name="referrer" content="no-referrer"> (overrides/main.html, block site_meta)'
    )
    sent = referers(visit(url).requests)
    assert not sent, f"{url}:\n" + "\n".join(sent)


@pytest.mark.parametrize("url", page_urls())
def test_every_page_leaves_search_unloaded_until_it_is_opened(visit, url):
    early = search_requests(visit(url).requests)
    assert not early, (
        f"{url or '/'} downloads search before anyone searches: {early}. Has Material changed how it loads "
        "its search index or worker? See docs/assets/javascripts/lazy-search.js."
    )


@pytest.mark.parametrize("url", page_urls())
def test_every_page_loads_without_errors(visit, url):
    errors = visit(url).errors
    assert not errors, f"{url} logs errors (a script the Content-Security-Policy blocks?):\n" + "\n".join(errors)


def test_the_checks_report_a_tracker_a_cookie_a_referer_and_an_error(scratch_page, reused_tab, tmp_path):
    (tmp_path / "index.html").write_text(
        "<!doctype html><title>Tracked</title><script>track()</script>"
        '<link rel="stylesheet" href="https://fonts.googleapis.com/css?family=Roboto">'
        '<script>document.cookie = "visitor=1"</script><img src="pixel.gif" alt="">'
    )
    with SiteServer(tmp_path) as server:
        scratch_page()
        visit = Visit.of(reused_tab.recording.load(server.url))
        assert "track is not defined" in visit.errors, visit.errors
        assert foreign_requests(visit.requests, server.url) == [
            f"{server.url} asks another site for stylesheet: https://fonts.googleapis.com/css?family=Roboto"
        ]
        assert visit.cookies == [
            f"{server.url} sets cookie visitor (for 127.0.0.1)",
            f"{server.url} sets document.cookie 'visitor=1'",
        ]
        assert visit.referrer_policy is None
        assert referers(visit.requests) == [
            f"https://fonts.googleapis.com/css?family=Roboto was sent Referer: {server.url}",
            f"{server.url}pixel.gif was sent Referer: {server.url}",
        ]
