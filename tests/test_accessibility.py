"""WCAG 2.2 AA in a real browser: axe-core on every page, and what axe cannot see (keyboard use,
reflow, text zoom, reduced motion, the diagram's text alternative).

Every page is loaded from the built site served as the host serves it (conftest.py: `site_page`;
the checks' own tests feed them broken pages in a fresh context, `new_page`). Pages come from
tests/browser.py's `page_urls()`.
"""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

from browser import NOT_FOUND_URL, page_urls, sitemap_urls
from site_files import DOCS, ROOT, load_config
from site_server import SiteServer

CONTENT_URLS = [url for url in page_urls() if url != NOT_FOUND_URL]
WIDTHS = {"phone": 390, "desktop": 1280}
# Material's palette follows the reader's system setting; these are the schemes it then shows.
SCHEMES = {"light": "default", "dark": "slate"}
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
AXE = Axe()
# WCAG 1.4.10: content must reflow at 320 CSS pixels without scrolling in two directions.
NARROWEST = 320
# A transition this short is what `prefers-reduced-motion: reduce` turns Material's into.
NO_MOTION_SECONDS = 0.01
DIAGRAM_AREAS = 7


def axe_violations(page) -> list[str]:
    """axe-core's WCAG A/AA and best-practice violations on the loaded page, one line each:
    the rule, what it asks for, the page and the failing elements' selectors."""
    # axe-core (570 KB) goes into each loaded page once, however often it runs there; and only
    # the violations come back, not the passes and the rest, which cost more to send than to find.
    if not page.evaluate("() => 'axe' in window"):
        page.evaluate(AXE.axe_script)
    options = {"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]}
    violations = page.evaluate("options => axe.run(options).then(results => results.violations)", options)
    return [
        f"{violation['id']}: {violation['help']} ({violation['helpUrl']})\n"
        f"    on {page.url} at: " + ", ".join(" >>> ".join(node["target"]) for node in violation["nodes"])
        for violation in violations
    ]


# Material switches when the media query changes, at the browser's next frame: so wait for the
# switch itself, in the page (Playwright's wait_for_function evaluates a string in the page,
# which the site's CSP rightly blocks), and give up after 2 s.
SWITCHED_TO = """scheme => new Promise(resolve => {
    const observer = new MutationObserver(check), timeout = setTimeout(() => finish(false), 2000);
    function finish(switched) { observer.disconnect(); clearTimeout(timeout); resolve(switched); }
    function check() { if (document.body.dataset.mdColorScheme === scheme) finish(true); }
    observer.observe(document.body, {attributes: true, attributeFilter: ["data-md-color-scheme"]});
    check();
})"""


def wait_for_color_scheme(page, material_scheme: str) -> None:
    """Wait until Material has switched to `material_scheme`."""
    if not page.evaluate(SWITCHED_TO, material_scheme):
        raise AssertionError(f"{page.url}: Material did not switch to the {material_scheme} colour scheme")


# One load per page, then each width and scheme in turn: four page loads would take four times as
# long. Reduced motion stops Material's colour transitions, which axe would catch half-way.
@pytest.mark.parametrize("url", page_urls())
def test_every_page_passes_axe_at_both_widths_light_and_dark(site_page, url):
    page = site_page(url, reduced_motion="reduce")
    failures = []
    for width in WIDTHS.values():
        page.set_viewport_size({"width": width, "height": 800})
        for scheme, material_scheme in SCHEMES.items():
            page.emulate_media(color_scheme=scheme)
            wait_for_color_scheme(page, material_scheme)
            failures += [f"at {width} px, {scheme}: {violation}" for violation in axe_violations(page)]
    assert not failures, f"{url}:\n" + "\n".join(failures)


def test_the_wait_for_a_colour_scheme_reports_a_page_that_does_not_switch(new_page):
    page = new_page(color_scheme="dark")
    page.set_content('<body data-md-color-scheme="default">No palette here</body>')
    with pytest.raises(AssertionError, match="Material did not switch to the slate colour scheme"):
        wait_for_color_scheme(page, "slate")


@pytest.fixture
def broken_page(new_page, tmp_path):
    """`broken_page(html)`: `html` served as a site's only page (beside any file the test wrote to
    `tmp_path`) and loaded in a fresh page, to show that a check reports what is wrong with it."""
    with SiteServer(tmp_path) as server:

        def load(html: str):
            (tmp_path / "index.html").write_text(html)
            page = new_page()
            page.goto(server.url)
            return page

        yield load


def test_axe_reports_a_violation_with_its_rule_page_and_selector(broken_page):
    page = broken_page('<!doctype html><html lang="en"><title>Broken</title><main><img src="x.svg"></main></html>')
    violations = axe_violations(page)
    assert any(
        line.startswith("image-alt: Images must have alternative text") and page.url in line and "img" in line
        for line in violations
    ), violations


def test_every_page_in_the_sitemap_is_checked(site_dir):
    listed = set(sitemap_urls(site_dir, load_config()["site_url"]))
    missing = sorted(listed - set(page_urls()))
    assert not missing, (
        f"the sitemap lists pages the browser tests do not load: {missing}. "
        "Add them to GENERATED_PAGES in tests/browser.py."
    )


FOCUS_SHOWN = """element => {
    // Material's palette switch is a hidden radio button that shows its focus on the next label.
    const next = element.nextElementSibling;
    const shown = [element, ...(element.labels || []), ...(next?.tagName === "LABEL" ? [next] : [])];
    // A text field shows its focus with the caret (Material's search box also opens on focus).
    const caret = element.matches("input[type=text], input[type=search], textarea");
    return shown.some(candidate => {
        const style = getComputedStyle(candidate), box = candidate.getBoundingClientRect();
        const onScreen = box.width > 0 && box.height > 0 && box.right > 0 && box.bottom > 0
            && box.left < innerWidth && box.top < innerHeight;
        const ring = (style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0)
            || style.boxShadow !== "none";
        return onScreen && (ring || caret);
    });
}"""
CONTROLS = """() => [...document.querySelectorAll(
    'a[href], button, input:not([type=hidden]), select, textarea, summary, [tabindex]'
)].filter(control => !control.disabled && control.getClientRects().length
    && control.checkVisibility({checkOpacity: true, checkVisibilityCSS: true})
    && !control.closest('[inert], [aria-hidden=true]'))"""


# Numbers the page's controls, then records where each Tab leaves the focus, as the key comes up
# (the focus has moved and been scrolled into view by then): null for the body, else the element's
# HTML, whether its focus can be seen, its control number, and whether the walk has stopped there
# before. Recording in the page spares a round trip to Python per press. Returns the number of
# controls, and of elements Tab may stop at (permalinks, say, that show only when focused).
RECORD_TAB_STOPS = f"""() => {{
    const stops = window.tabStops = [], visited = new WeakSet();
    addEventListener("keyup", event => {{
        if (event.key !== "Tab") return;
        const element = document.activeElement;
        if (element === document.body) return stops.push(null);
        const again = visited.has(element);
        visited.add(element);
        stops.push({{html: element.outerHTML.slice(0, 120), focus_shown: ({FOCUS_SHOWN})(element),
                     control: element.dataset.control, again}});
    }}, true);
    const controls = ({CONTROLS})().map((control, index) => control.dataset.control = index).length;
    const tabbable = [...document.querySelectorAll("*")].filter(element =>
        element.tabIndex >= 0 && element.checkVisibility({{visibilityProperty: true}})).length;
    return [controls, tabbable];
}}"""
# A walk takes about a press per element Tab may stop at, and one or two more to come round (by
# way of the body or not): press that many, then a few more at a time until the walk has come round.
FEW_MORE_PRESSES = 5


def one_walk(recorded: list) -> tuple[list[dict], bool]:
    """The stops of one walk through the page, out of the stops recorded press by press, and
    whether the walk came round: to a stop it has been at (the first, or the second when Chromium
    skips the skip link on the way round), or to the body twice in a row. The focus falls back to
    the body when its element hides (Material's "Back to top" button hides as the page scrolls
    down), and now and then after the last control."""
    stops, fell_back = [], False
    for stop in recorded:
        if stop is None:
            if fell_back:
                return stops, True
            fell_back = True
        elif stop["again"]:
            return stops, True
        else:
            fell_back = False
            stops.append(stop)
    return stops, False


def tab_through(page) -> list[dict]:
    """Press Tab until the focus leaves the page; for each stop: the element's HTML, whether its
    focus can be seen, and its index among the page's visible controls (CONTROLS)."""
    controls, tabbable = page.evaluate(RECORD_TAB_STOPS)
    recorded, pressed, most, batch = [], 0, 2 * controls + 50, tabbable
    while True:
        for _ in range(min(batch, most - pressed)):
            page.keyboard.press("Tab")
        pressed += min(batch, most - pressed)
        recorded += page.evaluate("() => tabStops.splice(0)")
        stops, came_round = one_walk(recorded)
        if came_round or pressed == most:
            return stops
        batch = FEW_MORE_PRESSES


# Material's search results box, 0 px high until there are results: Chromium makes every scroll
# container a Tab stop, so the focus rests there unseen for one press. Known and accepted.
UNSEEN_STOPS_ACCEPTED = ('<div class="md-search__scrollwrap',)


def focus_problems(page) -> list[str]:
    """Controls a keyboard cannot reach, and Tab stops whose focus cannot be seen."""
    stops = tab_through(page)
    reached = {stop["control"] for stop in stops}
    controls = page.evaluate(f"({CONTROLS})().map(control => [control.dataset.control, control.outerHTML.slice(0, 120)])")
    return [
        f"{page.url}: Tab never reaches {html} (a tabindex of -1? a click handler on a non-control?)"
        for index, html in controls
        if index not in reached
    ] + [
        f"{page.url}: the focus is out of sight or has no outline on {stop['html']}"
        for stop in stops
        if not stop["focus_shown"] and not stop["html"].startswith(UNSEEN_STOPS_ACCEPTED)
    ]


# Reduced motion makes Material's drawer slide in at once, so the focus can be checked at once.
@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("url", page_urls())
def test_every_control_is_reachable_by_tab_with_visible_focus(site_page, url, width):
    page = site_page(url, width=WIDTHS[width], reduced_motion="reduce")
    problems = focus_problems(page)
    assert not problems, "\n".join(problems)


def test_focus_check_reports_an_unreachable_control_and_a_hidden_outline(broken_page):
    page = broken_page(
        '<!doctype html><html lang="en"><title>Broken</title><style>a:focus { outline: none }</style>'
        '<a href="one/">Reachable, no outline</a> <a href="two/" tabindex="-1">Unreachable</a></html>'
    )
    assert focus_problems(page) == [
        f'{page.url}: Tab never reaches <a href="two/" tabindex="-1" data-control="1">Unreachable</a>'
        " (a tabindex of -1? a click handler on a non-control?)",
        f'{page.url}: the focus is out of sight or has no outline on <a href="one/" data-control="0">'
        "Reachable, no outline</a>",
    ]


def test_focus_check_presses_on_until_the_walk_comes_round(broken_page):
    # Scroll boxes are Tab stops that no tabindex announces, so the first presses fall short.
    boxes = '<div style="height: 2em; overflow: auto"><p>Scrolls</p><p>Scrolls</p><p>Scrolls</p></div>' * 10
    page = broken_page(
        '<!doctype html><html lang="en"><title>Broken</title><style>a:focus { outline: none }</style>'
        f'{boxes}<a href="last/">After the boxes, no outline</a></html>'
    )
    assert focus_problems(page) == [
        f'{page.url}: the focus is out of sight or has no outline on <a href="last/" data-control="0">'
        "After the boxes, no outline</a>",
    ]


@pytest.mark.parametrize("url", CONTENT_URLS)
def test_the_skip_link_comes_first_and_lands_on_the_title(site_page, url):
    page = site_page(url, reduced_motion="reduce")
    page.keyboard.press("Tab")
    skip_link = page.locator("a.md-skip")
    assert skip_link.evaluate("link => link === document.activeElement"), f"{url}: Tab does not reach the skip link first"
    assert skip_link.evaluate(FOCUS_SHOWN), f"{url}: the focused skip link cannot be seen"
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#page-title", f"{url}: the skip link does not go to the h1"
    page.keyboard.press("Tab")
    in_content = page.evaluate("document.activeElement.closest('.md-content') !== null")
    assert in_content, f"{url}: after the skip link, Tab goes back into the menu, not on into the page"


def horizontal_overflow(page) -> str:
    """What sticks out sideways and makes the page scroll horizontally; "" when nothing does."""
    return page.evaluate("""() => {
        const root = document.documentElement;
        if (root.scrollWidth <= root.clientWidth) return "";
        const wide = [...document.body.querySelectorAll("*")].filter(element =>
            element.getBoundingClientRect().right > root.clientWidth + 1 && element.checkVisibility());
        const names = wide.slice(-3).map(element => element.outerHTML.slice(0, 100));
        return `${root.scrollWidth} px wide in a ${root.clientWidth} px window; widest: ${names.join(" | ")}`;
    }""")


@pytest.mark.parametrize("url", page_urls())
def test_every_page_reflows_at_320_px_without_scrolling_sideways(site_page, url):
    page = site_page(url, width=NARROWEST)
    overflow = horizontal_overflow(page)
    assert not overflow, f"{url} at {NARROWEST} px: {overflow}"


# WCAG 1.4.4: text at 200% with nothing lost. On a phone, where patients enlarge text most.
@pytest.mark.parametrize("url", page_urls())
def test_every_page_still_fits_with_text_at_200_percent(site_page, url):
    page = site_page(url, width=WIDTHS["phone"])
    before = page.evaluate("parseFloat(getComputedStyle(document.querySelector('article')).fontSize)")
    page.evaluate("document.documentElement.style.fontSize = '200%'")
    after = page.evaluate("parseFloat(getComputedStyle(document.querySelector('article')).fontSize)")
    assert after >= 1.6 * before, f"{url}: the text did not grow with the root font size ({before} → {after} px)"
    overflow = horizontal_overflow(page)
    assert not overflow, f"{url} with text at 200%: {overflow}"
    assert page.locator("article h1").is_visible(), f"{url} with text at 200%: the title is hidden"


def motion(page) -> list[str]:
    """Elements that still animate or move (transition or animation longer than a blink), and
    smooth scrolling."""
    moving = page.evaluate(f"""() => [...document.querySelectorAll("*")].flatMap(element => {{
        const style = getComputedStyle(element);
        const longest = value => Math.max(...value.split(",").map(parseFloat));
        const seconds = Math.max(longest(style.transitionDuration), longest(style.animationDuration));
        return seconds > {NO_MOTION_SECONDS} ? [`${{element.outerHTML.slice(0, 80)}} (${{seconds}} s)`] : [];
    }})""")
    if page.evaluate("getComputedStyle(document.documentElement).scrollBehavior") == "smooth":
        moving.append("smooth scrolling on <html>")
    return [f"{page.url}: {element}" for element in moving]


@pytest.mark.parametrize("url", page_urls())
def test_every_page_stops_moving_when_the_reader_asks_for_reduced_motion(site_page, url):
    page = site_page(url, reduced_motion="reduce")
    moving = motion(page)
    assert not moving, "with prefers-reduced-motion: reduce, these still move:\n" + "\n".join(moving[:10])


def test_motion_check_finds_materials_transitions_when_motion_is_allowed(site_page):
    page = site_page("", reduced_motion="no-preference")
    assert any(".md-header" in line or "md-nav" in line for line in motion(page)), motion(page)


def diagram_problems(page) -> list[str]:
    """What the injection-sites diagram lacks: a loaded image with alt text, and the section
    that describes it in words, with a row for each of the 7 areas."""
    problems = []
    image = page.locator("article img[src$='injection-sites.svg']")
    if image.count() != 1:
        return [f"{page.url}: no injection-sites diagram"]
    if len(image.get_attribute("alt") or "") < 30:
        problems.append(f"{page.url}: the diagram's alt text is missing or too short to say what it shows")
    if not image.evaluate("image => image.complete && image.naturalWidth > 0"):
        problems.append(f"{page.url}: the diagram does not load")
    heading = page.locator("#diagram-description")
    if heading.count() != 1:
        return problems + [f"{page.url}: no section with the id diagram-description describes the diagram"]
    areas = page.evaluate("""() => {
        const rows = [];
        for (let next = document.getElementById("diagram-description").nextElementSibling;
             next && !/^H[12]$/.test(next.tagName); next = next.nextElementSibling)
            next.querySelectorAll("tbody tr").forEach(row => rows.push(row.cells[0].textContent.trim()));
        return rows;
    }""")
    expected = [str(area) for area in range(1, DIAGRAM_AREAS + 1)]
    if areas != expected:
        problems.append(f"{page.url}: the description's table lists areas {areas}, not {expected}")
    return problems


def test_the_injection_diagram_has_alt_text_and_a_full_text_alternative(site_page):
    page = site_page("injection-sites/")
    problems = diagram_problems(page)
    assert not problems, "\n".join(problems)


def test_diagram_check_reports_a_missing_area_and_alt_text(broken_page, tmp_path):
    (tmp_path / "injection-sites.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg" width="9" height="9"/>')
    rows = "".join(f"<tr><td>{area}</td></tr>" for area in range(1, DIAGRAM_AREAS))
    page = broken_page(
        '<article><img src="injection-sites.svg" alt="Diagram">'
        f'<h2 id="diagram-description">What the diagram shows</h2><table><tbody>{rows}</tbody></table></article>'
    )
    assert diagram_problems(page) == [
        f"{page.url}: the diagram's alt text is missing or too short to say what it shows",
        f"{page.url}: the description's table lists areas {[str(n) for n in range(1, 7)]}, "
        f"not {[str(n) for n in range(1, 8)]}",
    ]


# The widest of the common sans-serif fonts, which Debian's Chromium also falls back to for
# system-ui: a label that fits in it fits on any reader's system.
WIDEST_FONT = "DejaVu Sans"
DIAGRAMS = sorted(path for path in (DOCS / "assets" / "images").glob("*.svg") if path.name != "favicon.svg")
TEXT_OVERFLOW = """svg => {
    const [left, , width] = svg.getAttribute("viewBox").split(/[ ,]+/).map(Number);
    return [...svg.querySelectorAll("text")]
        .map(text => [text.textContent, text.getBBox()])
        .filter(([, box]) => box.x < left || box.x + box.width > left + width)
        .map(([words, box]) => `"${words}" runs from x=${Math.round(box.x)} to ${Math.round(box.x + box.width)}`);
}"""


def diagram_text_problems(tab, svg: str, name: str) -> list[str]:
    """Labels of the diagram `svg` (from the file `name`) that run out of its picture in the widest font."""
    tab.set_content(f"<style>text {{ font-family: '{WIDEST_FONT}' !important }}</style>{svg}")
    overflows = tab.locator("svg").first.evaluate(TEXT_OVERFLOW)
    return [
        f"{name}: {overflow}, past the edge of its viewBox: shorten it, or widen the "
        "viewBox (and the background, and the width= where the page shows it)"
        for overflow in overflows
    ]


@pytest.mark.parametrize("svg_file", DIAGRAMS, ids=lambda path: path.name)
def test_every_diagrams_labels_fit_inside_it_in_the_widest_font(reused_tab, svg_file):
    problems = diagram_text_problems(reused_tab, svg_file.read_text(encoding="utf-8"), svg_file.relative_to(ROOT).as_posix())
    assert not problems, "\n".join(problems)


def test_a_label_that_runs_out_of_its_diagram_is_reported(reused_tab):
    svg = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 100"><text x="120" y="50">Also between the eyebrows</text></svg>'
    problems = diagram_text_problems(reused_tab, svg, "label.svg")
    assert len(problems) == 1 and problems[0].startswith('label.svg: "Also between the eyebrows" runs from x=120 to '), problems
