"""Every section of a topic page has a "Copy link" button that copies the section's permanent
address, and the buttons that need JavaScript hold their place before it runs, so nothing moves.
On the patient pages the button is a quiet link icon, seen on hover and keyboard focus only."""

import pytest
from playwright.sync_api import expect
from selectolax.lexbor import LexborHTMLParser

from site_hooks.copy_links import LINK_ICON, on_page_context
from site_tools.page_parts import GENERATED_PAGES
from site_tools.site_files import built_page, load_config, markdown_pages, page_url, parsed_page

SITE_URL = load_config()["site_url"]
SCRIPT_BUTTONS = "button.copy-link, button.copy-text, button.print-page"
# Where each element of the content sits: the page's layout as the reader sees it.
CONTENT_BOXES = """() => [...document.querySelectorAll('.md-content article *')]
    .filter(element => element.closest('.md-typeset__scrollwrap') === null)
    .map(element => {
        const box = element.getBoundingClientRect();
        return `${element.tagName.toLowerCase()} ${(element.textContent || '').trim().slice(0, 30)}: top ${box.top}, height ${box.height}`;
    })"""


def copy_button_problems(html: str, page_url: str) -> list[str]:
    """Each h2 with an id must be followed by a button that copies `page_url#id`."""
    problems = []
    for heading in LexborHTMLParser(html).css("article h2[id]"):
        button = heading.next
        name = heading.text().replace("¶", "").strip()
        expected = {
            "class": "copy-link",
            "data-copy-text": f"{page_url}#{heading.id}",
            "aria-label": f"Copy link to the section: {name}",
        }
        found = (
            {key: button.attributes.get(key) for key in expected}
            if button is not None and button.tag == "button"
            else {}
        )
        if found != expected:
            problems.append(
                f"{page_url}#{heading.id}: the heading needs a copy-link button {expected}, found {found or 'none'}"
            )
    return problems


@pytest.mark.parametrize("page", markdown_pages())
def test_every_section_heading_has_a_copy_link_button(site_dir, page):
    html = built_page(site_dir, page).read_text(encoding="utf-8")
    problems = copy_button_problems(html, SITE_URL + page_url(page))
    assert not problems, "check overrides/hooks/copy_links.py:\n  " + "\n  ".join(problems)


def test_a_heading_without_its_copy_link_button_is_reported():
    html = '<article><h2 id="urgent-help">Get urgent help</h2><p>Call 999.</p></article>'
    assert copy_button_problems(html, SITE_URL) == [
        f"{SITE_URL}#urgent-help: the heading needs a copy-link button {{'class': 'copy-link', "
        f"'data-copy-text': '{SITE_URL}#urgent-help', 'aria-label': 'Copy link to the section: Get urgent help'}}, found none"
    ]


def test_the_button_names_the_section_without_its_permalink_or_markup_whatever_the_headings_attributes():
    class Page:
        canonical_url = SITE_URL + "results/"
        content = (
            '<h2 class="wide" id="nice-rules">What <abbr title="National Institute for Health and Care Excellence">NICE</abbr> says &amp; why'
            '<a class="headerlink" href="#nice-rules" title="Link to this section">&para;</a></h2>'
        )

        class file:
            generated_by = None

    on_page_context({}, Page, {}, None)
    assert Page.content.endswith(
        f'<button type="button" class="copy-link" data-copy-text="{SITE_URL}results/#nice-rules" '
        f'aria-label="Copy link to the section: What NICE says &amp; why">{LINK_ICON}'
        '<span class="copy-link__label" data-copy-label></span></button>'
    )


@pytest.mark.parametrize("page", GENERATED_PAGES)
def test_generated_pages_have_no_section_copy_buttons(site_dir, page):
    assert not parsed_page(site_dir, page).css("button.copy-link")


@pytest.mark.parametrize("url", ["", "side-effects/", "staff/"])
def test_the_buttons_that_need_javascript_hold_their_place_until_it_runs(site_page, url):
    without_script = site_page(url, javascript=False)
    shown = [
        button.get_attribute("aria-label") or button.inner_text()
        for button in without_script.query_selector_all(SCRIPT_BUTTONS)
        if button.is_visible()
    ]
    assert not shown, f"/{url}: without JavaScript these buttons do nothing, so they must be invisible: {shown}"
    before = without_script.evaluate(CONTENT_BOXES)
    after = site_page(url).evaluate(CONTENT_BOXES)
    moved = [f"{old} -> {new}" for old, new in zip(before, after) if old != new]
    assert len(before) == len(after) and not moved, f"/{url}: the page's script moves its content:\n  " + "\n  ".join(
        moved[:10]
    )


def test_search_results_never_show_the_buttons_labels(site_dir):
    # Material's search plugin reads each page before copy_links.py adds its buttons; were the
    # order to change, every section's search result would end "Copy link".
    index = (site_dir / "search" / "search_index.json").read_text(encoding="utf-8")
    assert "Copy link" not in index, (
        "overrides/hooks/copy_links.py must add its buttons after the search plugin reads the page: "
        "give its on_page_context a lower @event_priority"
    )


def test_a_copy_link_button_copies_the_sections_address_and_says_so(site_page, site_server):
    page = site_page("side-effects/")
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site_server.url)
    button = page.get_by_role("button", name="Copy link to the section: Get urgent help")
    button.click()
    button.click()  # again before the label comes back: it must still come back
    assert page.evaluate("navigator.clipboard.readText()") == f"{SITE_URL}side-effects/#urgent-help"
    assert page.locator("[role=status]").text_content() == "Copied", "screen readers are not told it worked"
    expect(button).to_have_text("Copied")
    expect(button).to_have_text("", timeout=5_000)
    expect(button).to_have_accessible_name("Copy link to the section: Get urgent help")


def opacity(locator) -> float:
    return float(locator.evaluate("element => getComputedStyle(element).opacity"))


@pytest.mark.parametrize("width", [390, 1280])
def test_the_copy_link_icon_is_unseen_until_its_heading_is_hovered_or_it_has_keyboard_focus(site_page, width):
    page = site_page("side-effects/", width=width)
    heading = page.locator("h2#common-side-effects")
    button = page.get_by_role("button", name="Copy link to the section: Common side effects")
    assert opacity(button) == 0, "the copy-link icon must not draw the eye from the words until it is wanted"
    heading.hover()
    assert opacity(button) == 1, "hovering over a heading must show its copy-link icon"
    page.mouse.move(0, 0)
    page.locator("h2#common-side-effects .headerlink").focus()
    page.keyboard.press("Tab")
    assert (
        page.evaluate("document.activeElement.getAttribute('aria-label')")
        == "Copy link to the section: Common side effects"
    ), "Tab must reach the copy-link icon after its heading's permalink"
    assert opacity(button) == 1, "a copy-link icon with keyboard focus must be seen"
    icon, heading_box = button.bounding_box(), heading.bounding_box()
    assert icon["width"] >= 24 and icon["height"] >= 24, (
        f"the icon is {icon['width']}x{icon['height']} px, smaller than WCAG's 24 px target"
    )
    assert heading_box["y"] <= icon["y"] + icon["height"] / 2 <= heading_box["y"] + heading_box["height"], (
        f"the icon ({icon}) must sit on its heading's line ({heading_box})"
    )
