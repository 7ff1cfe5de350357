"""WCAG 2.2 AA for keyboard users, in a real browser: every control of every page is reached by
Tab with its focus in sight, at a phone's width and a desktop's, and the skip link comes first.
Pages are loaded as tests/test_accessibility.py loads them."""

from __future__ import annotations

import pytest

from site_tools.browser import WIDTHS, content_urls, page_urls

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
    && !control.closest('[inert], [aria-hidden=true]')
    // Tab stops once in a group of radio buttons, at the chosen one; the arrow keys choose another.
    && !(control.type === "radio" && !control.checked
         && document.querySelector(`input[type=radio][name="${control.name}"]:checked`)))"""


# Numbers the page's controls, then records where each Tab leaves the focus, as the key comes up
# (the focus has moved and been scrolled into view by then): null for the body, else the element's
# HTML, whether its focus can be seen, its control number, and whether the walk has stopped there
# before. Recording in the page spares a round trip to Python per press. Returns the number of
# controls, and of elements Tab may stop at (permalinks, say, that show only when focused).
RECORD_TAB_STOPS = f"""() => {{
    const stops = window.tabStops = [], visited = new WeakSet();
    let last = null;
    addEventListener("keyup", event => {{
        if (event.key !== "Tab") return;
        const element = document.activeElement;
        // A date field takes a press for each of its parts (month, day, year): one stop.
        if (element === last && element.type === "date") return;
        last = element;
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
    controls = page.evaluate(
        f"({CONTROLS})().map(control => [control.dataset.control, control.outerHTML.slice(0, 120)])"
    )
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


@pytest.mark.parametrize("url", content_urls())
def test_the_skip_link_comes_first_and_lands_on_the_title(site_page, url):
    page = site_page(url, reduced_motion="reduce")
    page.keyboard.press("Tab")
    skip_link = page.locator("a.md-skip")
    assert skip_link.evaluate("link => link === document.activeElement"), (
        f"{url}: Tab does not reach the skip link first"
    )
    assert skip_link.evaluate(FOCUS_SHOWN), f"{url}: the focused skip link cannot be seen"
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#page-title", f"{url}: the skip link does not go to the h1"
    page.keyboard.press("Tab")
    in_content = page.evaluate("document.activeElement.closest('.md-content') !== null")
    assert in_content, f"{url}: after the skip link, Tab goes back into the menu, not on into the page"
