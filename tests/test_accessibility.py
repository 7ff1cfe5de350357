"""WCAG 2.2 AA in a real browser: axe-core on every page, and what axe cannot see (reflow, text
zoom, reduced motion, the diagrams' text; keyboard use is tests/test_keyboard.py's).

Every page is loaded from the built site served as the host serves it (conftest.py: `site_page`;
the checks' own tests feed them broken pages, `scratch_page`). Pages come from
site_tools/browser.py's `page_urls()`.
"""

from __future__ import annotations

import pytest

from site_tools.browser import SCHEMES, WIDTHS, page_urls, sitemap_urls
from site_tools.page_checks import axe_violations, wait_for_color_scheme
from site_tools.site_files import DOCS, ROOT, load_config

# WCAG 1.4.10: content must reflow at 320 CSS pixels without scrolling in two directions.
NARROWEST = 320
# A transition this short is what `prefers-reduced-motion: reduce` turns Material's into.
NO_MOTION_SECONDS = 0.01
DIAGRAM_AREAS = 7


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


def test_the_wait_for_a_colour_scheme_reports_a_page_that_does_not_switch(scratch_page):
    page = scratch_page(color_scheme="dark")
    page.set_content('<body data-md-color-scheme="default">No palette here</body>')
    with pytest.raises(AssertionError, match="Material did not switch to the slate colour scheme"):
        wait_for_color_scheme(page, "slate", patience_ms=100)


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
        "Add them to GENERATED_PAGES in site_tools/page_parts.py."
    )


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


def lonely_permalinks(page, where: str) -> list[str]:
    """Headings whose permalink (¶), invisible until hovered or focused, has wrapped onto a line
    of its own: readers see an empty line under the heading, as if something failed to load."""
    lonely = page.evaluate("""() => [...document.querySelectorAll("h1, h2, h3, h4, h5, h6")].flatMap(heading => {
        const permalink = heading.querySelector(".headerlink");
        if (!permalink) return [];
        const words = document.createRange();
        words.setStart(heading, 0);
        words.setEndBefore(permalink);
        const lines = [...words.getClientRects()].filter(line => line.width > 0);
        const below = lines.length > 0 && permalink.getBoundingClientRect().top >= lines.at(-1).bottom - 1;
        return below ? [heading.textContent.replace("\u00b6", "").trim()] : [];
    })""")
    return [f'{page.url} {where}: the permalink of the heading "{heading}" is alone on a line' for heading in lonely]


def assert_no_lonely_permalinks(page, where: str) -> None:
    lonely = lonely_permalinks(page, where)
    assert not lonely, "\n".join(lonely) + "\nKeep `text-wrap: balance` on headings in site.css."


@pytest.mark.parametrize("url", page_urls())
def test_every_page_reflows_at_320_px_without_scrolling_sideways_or_stranding_a_permalink(site_page, url):
    page = site_page(url, width=NARROWEST)
    overflow = horizontal_overflow(page)
    assert not overflow, f"{url} at {NARROWEST} px: {overflow}"
    assert_no_lonely_permalinks(page, f"at {NARROWEST} px")


# WCAG 1.4.4: text at 200% with nothing lost. On a phone, where patients enlarge text most.
@pytest.mark.parametrize("url", page_urls())
def test_every_page_still_fits_with_text_at_200_percent(site_page, url):
    page = site_page(url, width=WIDTHS["phone"])
    assert_no_lonely_permalinks(page, f"at {WIDTHS['phone']} px")
    before = page.evaluate("parseFloat(getComputedStyle(document.querySelector('article')).fontSize)")
    page.evaluate("document.documentElement.style.fontSize = '200%'")
    after = page.evaluate("parseFloat(getComputedStyle(document.querySelector('article')).fontSize)")
    assert after >= 1.6 * before, f"{url}: the text did not grow with the root font size ({before} → {after} px)"
    overflow = horizontal_overflow(page)
    assert not overflow, f"{url} with text at 200%: {overflow}"
    assert page.locator("article h1").is_visible(), f"{url} with text at 200%: the title is hidden"
    assert_no_lonely_permalinks(page, f"at {WIDTHS['phone']} px with text at 200%")


def test_a_permalink_wrapped_onto_its_own_line_is_reported(broken_page):
    page = broken_page(
        '<!doctype html><html lang="en"><title>Broken</title><main>'
        '<h2 id="side-effects" style="width: min-content">Side <a class="headerlink" href="#side-effects">¶</a></h2>'
        '<h2 id="timeline">Timeline<a class="headerlink" href="#timeline">¶</a></h2></main></html>'
    )
    assert lonely_permalinks(page, "here") == [
        f'{page.url} here: the permalink of the heading "Side" is alone on a line'
    ]


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
    tab.set_content(svg)
    # Through the CSSOM, which no Content-Security-Policy of the page the tab showed can block.
    tab.evaluate(
        "font => document.querySelectorAll('text').forEach(text => text.style.setProperty('font-family', font, 'important'))",
        WIDEST_FONT,
    )
    overflows = tab.locator("svg").first.evaluate(TEXT_OVERFLOW)
    return [
        f"{name}: {overflow}, past the edge of its viewBox: shorten it, or widen the "
        "viewBox (and the background, and the width= where the page shows it)"
        for overflow in overflows
    ]


@pytest.mark.parametrize("svg_file", DIAGRAMS, ids=lambda path: path.name)
def test_every_diagrams_labels_fit_inside_it_in_the_widest_font(scratch_page, svg_file):
    problems = diagram_text_problems(
        scratch_page(), svg_file.read_text(encoding="utf-8"), svg_file.relative_to(ROOT).as_posix()
    )
    assert not problems, "\n".join(problems)


def test_a_label_that_runs_out_of_its_diagram_is_reported(scratch_page):
    svg = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 100"><text x="120" y="50">Also between the eyebrows</text></svg>'
    problems = diagram_text_problems(scratch_page(), svg, "label.svg")
    assert len(problems) == 1 and problems[0].startswith(
        'label.svg: "Also between the eyebrows" runs from x=120 to '
    ), problems
