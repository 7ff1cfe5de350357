"""Search works, and costs nothing until a reader opens it.

Material downloads its search index and starts its search worker on every page as soon as it
loads; docs/assets/javascripts/lazy-search.js holds both back until the search box first opens.
That script depends on how Material loads them, so these tests, and tests/test_privacy.py's check
that a first visit to any page fetches nothing of search, would catch a Material update that
quietly breaks search or brings the eager download back.
"""

from __future__ import annotations

import pytest

from site_tools.browser import NOT_FOUND_URL, WIDTHS, open_search, search_requests

# A word from the side-effects page that no other page's title has.
QUERY = "eyelid"
RESULT_PAGE = "side-effects/"
# A page at the site's root, one a folder down, and the 404 page, whose links start with "/", each
# at a width, and each width at least once: where search's files and results lead depends on the
# page alone, and how a reader opens search on the width alone.
CASES = [("", "desktop"), ("how-it-works/", "phone"), (NOT_FOUND_URL, "phone")]


@pytest.mark.parametrize(
    ("url", "width"),
    [(url, WIDTHS[width]) for url, width in CASES],
    ids=[f"{url or 'home'}-{width}" for url, width in CASES],
)
def test_search_finds_a_page_once_opened(first_visit, site_server, url, width):
    visit = first_visit(url, width=width)
    page = visit.page
    open_search(page, width)
    page.keyboard.type(QUERY)
    result = page.locator(f'.md-search-result__link[href*="/{RESULT_PAGE}"]').first
    result.wait_for(timeout=10_000)
    assert page.locator(".md-search-result__meta").inner_text().split()[0].isdigit(), "no count of results shown"
    fetched = search_requests(visit.requests)
    assert len(fetched) == 2 and all(address.startswith(site_server.url) for address in fetched), (
        f"searching from {url or '/'} fetched {fetched}: expected the index and the worker, from the site itself"
    )
    result.click()
    page.wait_for_url(f"**/{RESULT_PAGE}**")
