"""What patients read is nobody else's business: every page, loaded in Chromium, asks nothing of
any other site, sets no cookie, sends no Referer, and logs no error (such as a script the
Content-Security-Policy of `_headers` blocks)."""

from __future__ import annotations

import pytest

from browser import page_urls
from site_server import SiteServer


def load_recording(page, url: str) -> list:
    """Load `url` and return every request the page made, after the network went quiet (Material
    fetches its search index once the page has loaded). Requests to other sites are recorded,
    then refused, so the tests never reach the internet."""
    requests = []
    page.on("request", lambda request: requests.append(request))
    origin = url.split("/", 3)[:3]
    page.route(lambda address: address.split("/", 3)[:3] != origin, lambda route: route.abort())
    page.goto(url, wait_until="networkidle")
    return requests


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


@pytest.mark.parametrize("url", page_urls())
def test_every_page_asks_nothing_of_another_site(new_page, site_server, url):
    full_url = site_server.url + url
    foreign = foreign_requests(load_recording(new_page(), full_url), full_url)
    assert not foreign, "\n".join(foreign) + "\nServe fonts, scripts and images from the site itself."


@pytest.mark.parametrize("url", page_urls())
def test_every_page_sets_no_cookie(new_page, site_server, url):
    page = new_page()
    load_recording(page, site_server.url + url)
    found = cookies(page)
    assert not found, "\n".join(found)


@pytest.mark.parametrize("url", page_urls())
def test_every_page_sends_no_referrer(new_page, site_server, url):
    page = new_page()
    requests = load_recording(page, site_server.url + url)
    policy = page.locator('meta[name="referrer"]')
    assert policy.count() == 1 and policy.get_attribute("content") == "no-referrer", (
        f'{url}: no <meta name="referrer" content="no-referrer"> (overrides/main.html, block site_meta)'
    )
    sent = referers(requests)
    assert not sent, f"{url}:\n" + "\n".join(sent)


@pytest.mark.parametrize("url", page_urls())
def test_every_page_loads_without_errors(new_page, site_server, url):
    page = new_page()
    errors = []
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    page.on("pageerror", lambda error: errors.append(str(error)))
    load_recording(page, site_server.url + url)
    assert not errors, f"{url} logs errors (a script the Content-Security-Policy blocks?):\n" + "\n".join(errors)


def test_the_checks_report_a_tracker_a_cookie_and_a_referer(new_page, tmp_path):
    (tmp_path / "index.html").write_text(
        "<!doctype html><title>Tracked</title>"
        '<link rel="stylesheet" href="https://fonts.googleapis.com/css?family=Roboto">'
        '<script>document.cookie = "visitor=1"</script><img src="pixel.gif" alt="">'
    )
    with SiteServer(tmp_path) as server:
        page = new_page()
        requests = load_recording(page, server.url)
        assert foreign_requests(requests, server.url) == [
            f"{server.url} asks another site for stylesheet: https://fonts.googleapis.com/css?family=Roboto"
        ]
        assert cookies(page) == [f"{server.url} sets cookie visitor (for 127.0.0.1)", f"{server.url} sets document.cookie 'visitor=1'"]
        assert referers(requests) == [
            f"https://fonts.googleapis.com/css?family=Roboto was sent Referer: {server.url}",
            f"{server.url}pixel.gif was sent Referer: {server.url}",
        ]

