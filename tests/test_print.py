"""Every page prints as a leaflet: no screen furniture; contact details, review dates, QR code
and link addresses on paper. Checked in Chromium with print media emulated."""

import pytest
from playwright.sync_api import sync_playwright

from site_files import built_page, load_config, markdown_pages

SITE_URL = load_config()["site_url"]
PAGES = markdown_pages() + ["staff.md", "whole-guide.md"]
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
SCREEN_ONLY = {
    ".md-header": "header",
    ".md-header__option": "light and dark mode switch",
    ".md-tabs": "tabs",
    ".md-sidebar": "navigation and contents sidebars",
    ".md-search": "search",
    ".md-footer": "footer",
    ".md-top": "back-to-top button",
    ".headerlink": "permalink",
    ".copy-link": "copy-link button",
    ".print-page": "print button",
}
PAPER = {
    ".print-masthead": "clinic's name above the title",
    ".page-end__clinic": "clinic's contact details",
    ".page-end__qr": "QR code",
}
LINK_AFTER = "a => getComputedStyle(a, '::after').content"


@pytest.fixture(scope="module")
def browser():
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def print_problems(tab) -> list[str]:
    """What is wrong with the open page when printed."""
    tab.emulate_media(media="print")
    problems = []
    for selector, name in SCREEN_ONLY.items():
        if any(element.is_visible() for element in tab.query_selector_all(selector)):
            problems.append(f"the {name} ({selector}) prints: hide it under @media print in docs/assets/stylesheets/site.css")
    for selector, name in PAPER.items():
        element = tab.query_selector(selector)
        if element is None or not element.is_visible():
            problems.append(f"the {name} ({selector}) does not print: show it under @media print")
    for link in tab.query_selector_all("article a[href^='http']"):
        if "(" not in link.evaluate(LINK_AFTER):
            problems.append(f"the link {link.get_attribute('href')} prints without its address")
            break
    return problems


@pytest.mark.parametrize("page", PAGES)
def test_every_page_prints_without_screen_furniture_and_with_the_clinic_details(site_dir, browser, page):
    tab = browser.new_page()
    tab.goto(built_page(site_dir, page).as_uri())
    problems = print_problems(tab)
    tab.close()
    assert not problems, f"{page}:\n  " + "\n  ".join(problems)


def test_a_page_without_print_styles_is_reported(browser):
    tab = browser.new_page()
    tab.set_content('<header class="md-header">Menu</header><article><a href="https://example.org/">x</a></article>')
    problems = print_problems(tab)
    tab.close()
    assert problems[0].startswith("the header (.md-header) prints: hide it under @media print")
    assert "the QR code (.page-end__qr) does not print: show it under @media print" in problems
    assert "the link https://example.org/ prints without its address" in problems


def test_links_to_other_pages_print_their_canonical_address(site_dir, browser):
    tab = browser.new_page()
    tab.goto(built_page(site_dir, "timeline.md").as_uri())
    tab.emulate_media(media="print")
    internal = tab.query_selector("article a[href^='../']")
    assert internal.evaluate(LINK_AFTER).startswith(f'" ({SITE_URL}')
    in_page = tab.query_selector("article a[href^='#']:not(.headerlink)")
    assert in_page.evaluate(LINK_AFTER) in ("none", "normal")
    tab.close()


def test_the_print_and_copy_link_buttons_are_real_buttons_with_names(site_dir, browser):
    tab = browser.new_page()
    tab.goto(built_page(site_dir, "side-effects.md").as_uri())
    print_button = tab.get_by_role("button", name="Print this page")
    copy_button = tab.get_by_role("button", name="Copy link to the section: Get urgent help")
    assert print_button.is_visible() and copy_button.is_visible()
    copy_button.focus()
    outline = copy_button.evaluate("b => getComputedStyle(b).outlineStyle")
    tab.close()
    assert outline != "none", "the copy-link button needs a visible focus ring"
