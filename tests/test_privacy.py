"""What patients read is nobody else's business: every page, loaded in Chromium, asks nothing of
any other site, sets no cookie, sends no Referer, and logs no error (such as a script the
Content-Security-Policy of `_headers` blocks). Search fetches its files only when a reader opens
it: tests/test_search.py checks that they come from the site itself."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from browser import load_recording, page_urls
from site_server import SiteServer


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


def collect_errors(page) -> list[str]:
    """A list that fills with the page's console errors and uncaught exceptions from now on."""
    errors = []
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    page.on("pageerror", lambda error: errors.append(str(error)))
    return errors


@dataclass
class Visit:
    page: object
    requests: list
    errors: list


@pytest.fixture(scope="module")
def visit(chromium, site_server):
    """`visit(url)`: the page loaded once, in its own fresh context, for all four checks."""
    visits, contexts = {}, []

    def load_once(url: str) -> Visit:
        if url not in visits:
            contexts.append(context := chromium.new_context())
            page = context.new_page()
            errors = collect_errors(page)
            visits[url] = Visit(page, load_recording(page, site_server.url + url), errors)
        return visits[url]

    yield load_once
    for context in contexts:
        context.close()


@pytest.mark.parametrize("url", page_urls())
def test_every_page_asks_nothing_of_another_site(visit, url):
    page = visit(url).page
    foreign = foreign_requests(visit(url).requests, page.url)
    assert not foreign, "\n".join(foreign) + "\nServe fonts, scripts and images from the site itself."


@pytest.mark.parametrize("url", page_urls())
def test_every_page_sets_no_cookie(visit, url):
    found = cookies(visit(url).page)
    assert not found, "\n".join(found)


@pytest.mark.parametrize("url", page_urls())
def test_every_page_sends_no_referrer(visit, url):
    policy = visit(url).page.locator('meta[name="referrer"]')
    assert policy.count() == 1 and policy.get_attribute("content") == "no-referrer", (
        f'{url}: no <meta name="referrer" content="no-referrer"> (overrides/main.html, block site_meta)'
    )
    sent = referers(visit(url).requests)
    assert not sent, f"{url}:\n" + "\n".join(sent)


@pytest.mark.parametrize("url", page_urls())
def test_every_page_loads_without_errors(visit, url):
    errors = visit(url).errors
    assert not errors, f"{url} logs errors (a script the Content-Security-Policy blocks?):\n" + "\n".join(errors)


def test_the_checks_report_a_tracker_a_cookie_a_referer_and_an_error(new_page, tmp_path):
    (tmp_path / "index.html").write_text(
        "<!doctype html><title>Tracked</title><script>track()</script>"
        '<link rel="stylesheet" href="https://fonts.googleapis.com/css?family=Roboto">'
        '<script>document.cookie = "visitor=1"</script><img src="pixel.gif" alt="">'
    )
    with SiteServer(tmp_path) as server:
        page = new_page()
        errors = collect_errors(page)
        requests = load_recording(page, server.url)
        assert "track is not defined" in errors, errors
        assert foreign_requests(requests, server.url) == [
            f"{server.url} asks another site for stylesheet: https://fonts.googleapis.com/css?family=Roboto"
        ]
        assert cookies(page) == [f"{server.url} sets cookie visitor (for 127.0.0.1)", f"{server.url} sets document.cookie 'visitor=1'"]
        assert referers(requests) == [
            f"https://fonts.googleapis.com/css?family=Roboto was sent Referer: {server.url}",
            f"{server.url}pixel.gif was sent Referer: {server.url}",
        ]

