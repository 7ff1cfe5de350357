"""The browser tests share one tab (conftest.py, `reset_tab`): each load must still start as a
first visit in a fresh context would, or one test could pass or fail because of another."""


def test_the_reused_tab_keeps_nothing_from_the_test_before(site_page):
    page = site_page("", width=1280, color_scheme="dark", reduced_motion="reduce", javascript=False)
    page.evaluate("() => { localStorage.left = 1; sessionStorage.left = 1; document.cookie = 'left=1'; }")
    page.emulate_media(media="print")
    page.route("**/side-effects/", lambda route: route.fulfill(body="<title>Left</title>", content_type="text/html"))
    page = site_page("side-effects/")
    seen = page.evaluate("""() => ({
        title: document.title.startsWith("Side effects"),
        storage: [localStorage.left, sessionStorage.left], cookie: document.cookie, width: innerWidth,
        dark: matchMedia("(prefers-color-scheme: dark)").matches,
        reduced_motion: matchMedia("(prefers-reduced-motion: reduce)").matches,
        print: matchMedia("print").matches,
        scripts_ran: document.documentElement.classList.contains("js"),
    })""")
    assert seen == {
        "title": True,
        "storage": [None, None],
        "cookie": "",
        "width": 390,
        "dark": False,
        "reduced_motion": False,
        "print": False,
        "scripts_ran": True,
    }


def test_a_page_left_running_cannot_leave_storage_to_the_next(site_page):
    page = site_page("")
    # As Material saves its palette when the reset changes the emulated colour scheme.
    page.evaluate("() => addEventListener('resize', () => localStorage.setItem('left', '1'))")
    page = site_page("side-effects/", width=1280)
    assert page.evaluate("localStorage.getItem('left')") is None


def test_a_first_visit_records_every_file_the_page_needs_even_after_other_loads(first_visit, site_page):
    site_page("side-effects/")
    site_page("timeline/")  # the theme's files are in the browser's cache by now
    visit = first_visit("side-effects/")
    requested = {request.url.rsplit("/", 1)[-1].split(".")[0] for request in visit.requests}
    assert {"", "bundle", "main", "palette", "site", "share-and-print", "lazy-search"} <= requested, requested
    recorded = len(visit.requests)
    site_page("")
    assert len(visit.requests) == recorded, "a later load was recorded as part of the visit"
