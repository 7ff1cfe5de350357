"""The test server must serve the site as the host does, or the browser tests check the wrong thing."""

from __future__ import annotations

import gzip
import urllib.request
from urllib.error import HTTPError

import pytest

from site_tools.site_server import SiteServer, read_headers_file


@pytest.fixture
def site(tmp_path):
    (tmp_path / "404.html").write_text("<title>Not found</title>")
    (tmp_path / "side-effects").mkdir()
    (tmp_path / "side-effects" / "index.html").write_text("<title>Side effects</title>" + "text " * 200)
    (tmp_path / "_headers").write_text(
        "# every page\n/*\n  X-Content-Type-Options: nosniff\n/side-effects/*\n  Cache-Control: max-age=60\n"
    )
    with SiteServer(tmp_path) as server:
        yield server


def fetch(url, **headers):
    try:
        with urllib.request.urlopen(urllib.request.Request(url, headers=headers)) as response:
            return response.status, response.headers, response.read()
    except HTTPError as error:
        return error.code, error.headers, error.read()


def test_the_server_applies_the_headers_file_to_matching_paths(site):
    status, headers, _ = fetch(site.url + "side-effects/")
    assert status == 200
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Cache-Control"] == "max-age=60"
    assert fetch(site.url)[1]["Cache-Control"] == "no-cache"  # the default for HTML


def test_the_server_answers_a_missing_page_with_404_html(site):
    status, headers, body = fetch(site.url + "no-such-page/")
    assert (status, body) == (404, b"<title>Not found</title>")
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert fetch(site.url + "_headers")[0] == 404


def test_the_server_compresses_text_for_browsers_that_accept_gzip(site):
    _, headers, body = fetch(site.url + "side-effects/", **{"Accept-Encoding": "gzip, br"})
    assert headers["Content-Encoding"] == "gzip"
    assert gzip.decompress(body).startswith(b"<title>Side effects</title>")
    assert int(headers["Content-Length"]) == len(body) < 200


def test_the_server_redirects_a_directory_url_without_its_slash(site):
    request = urllib.request.Request(site.url + "side-effects")
    opener = urllib.request.build_opener(NoRedirect)
    with pytest.raises(HTTPError) as redirect:
        opener.open(request)
    assert (redirect.value.code, redirect.value.headers["Location"]) == (301, "/side-effects/")


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args):
        return None


def test_a_broken_headers_file_names_the_line_and_the_fix():
    with pytest.raises(ValueError, match=r"_headers, line 3: expected an indented 'Name: value' line"):
        read_headers_file("/*\n  X-Frame-Options: DENY\n  this line has no colon\n")
    with pytest.raises(ValueError, match=r"_headers, line 1: a path pattern must start with '/'"):
        read_headers_file("*.html\n  X-Frame-Options: DENY\n")


def test_the_browser_enforces_the_content_security_policy_served(scratch_page, tmp_path):
    (tmp_path / "index.html").write_text('<!doctype html><title>Strict</title><script>document.title = "ran"</script>')
    (tmp_path / "_headers").write_text("/*\n  Content-Security-Policy: script-src 'self'\n")
    with SiteServer(tmp_path) as server:
        page = scratch_page()
        page.goto(server.url)
        assert page.title() == "Strict", "the inline script ran despite the Content-Security-Policy"
