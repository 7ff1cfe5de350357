"""Every page prints as a leaflet: no screen furniture; contact details, review dates, QR code
and link addresses on paper. Checked in Chromium with print media emulated."""

import pypdfium2
import pytest
import zxingcpp

from site_tools.browser import content_urls
from site_tools.site_files import load_config

SITE_URL = load_config()["site_url"]
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
    ".page-end__address": "page's address, for a reader who cannot scan the QR code",
    ".urgent-line": "line on when to call 999 or 911",
}
LINK_AFTER = "a => getComputedStyle(a, '::after').content"
# In one call, not a round trip per element: which of the selectors match an element that shows (as
# Playwright's is_visible() judges: a box of some size, not visibility: hidden), and the first link
# out of the site whose ::after does not give its address.
PRINTED = """([screenOnly, paper]) => {
    const shows = element => {
        const box = element.getBoundingClientRect();
        return box.width > 0 && box.height > 0 && getComputedStyle(element).visibility !== "hidden";
    };
    const anyShows = selector => [...document.querySelectorAll(selector)].some(shows);
    const bare = [...document.querySelectorAll("article a[href^='http']")]
        .find(link => !getComputedStyle(link, "::after").content.includes("("));
    return {
        screenOnly: screenOnly.filter(anyShows),
        paperMissing: paper.filter(selector => !anyShows(selector)),
        bareLink: bare ? bare.getAttribute("href") : null,
    };
}"""


def print_problems(tab) -> list[str]:
    """What is wrong with the open page when printed."""
    tab.emulate_media(media="print")
    printed = tab.evaluate(PRINTED, [list(SCREEN_ONLY), list(PAPER)])
    return (
        [
            f"the {SCREEN_ONLY[selector]} ({selector}) prints: hide it under @media print in docs/assets/stylesheets/site.css"
            for selector in printed["screenOnly"]
        ]
        + [
            f"the {PAPER[selector]} ({selector}) does not print: show it under @media print"
            for selector in printed["paperMissing"]
        ]
        + ([f"the link {printed['bareLink']} prints without its address"] if printed["bareLink"] else [])
    )


@pytest.mark.parametrize("url", content_urls())
def test_every_page_prints_without_screen_furniture_and_with_the_clinic_details(site_page, url):
    tab = site_page(url, width=1280)
    problems = print_problems(tab)
    assert not problems, f"{url}:\n  " + "\n  ".join(problems)


def test_a_page_without_print_styles_is_reported(scratch_page):
    tab = scratch_page()
    tab.set_content('<header class="md-header">Menu</header><article><a href="https://example.org/">x</a></article>')
    problems = print_problems(tab)
    assert problems[0].startswith("the header (.md-header) prints: hide it under @media print")
    assert "the QR code (.page-end__qr) does not print: show it under @media print" in problems
    assert "the link https://example.org/ prints without its address" in problems


def test_links_to_other_pages_print_their_canonical_address(site_page):
    tab = site_page("timeline/", width=1280)
    tab.emulate_media(media="print")
    internal = tab.query_selector("article a[href^='../']")
    assert internal.evaluate(LINK_AFTER).startswith(f'" ({SITE_URL}')
    in_page = tab.query_selector("article a[href^='#']:not(.headerlink)")
    assert in_page.evaluate(LINK_AFTER) in ("none", "normal")


def test_the_questions_to_ask_print_as_a_form_with_room_for_answers(site_page):
    tab = site_page("your-appointment/", width=1280)
    tab.emulate_media(media="print")
    questions = tab.query_selector_all(".questions-to-ask li")
    room = [
        li.evaluate("li => parseFloat(getComputedStyle(li).marginBottom) / parseFloat(getComputedStyle(li).fontSize)")
        for li in questions
    ]
    assert len(questions) >= 5 and min(room) >= 3, (
        f"the questions to ask leave {min(room, default=0):.1f} lines to write each answer: give "
        ".questions-to-ask li a margin-bottom of 3em or more under @media print"
    )
    addresses = [link.evaluate(LINK_AFTER) for link in tab.query_selector_all(".questions-to-ask a")]
    assert addresses and all(after in ("none", "normal") for after in addresses), (
        f"the questions print web addresses: {addresses}"
    )


def test_the_print_and_copy_link_buttons_are_real_buttons_with_names(site_page):
    tab = site_page("side-effects/", width=1280)
    print_button = tab.get_by_role("button", name="Print this page")
    copy_button = tab.get_by_role("button", name="Copy link to the section: Get urgent help")
    assert print_button.is_visible() and copy_button.is_visible()
    copy_button.focus()
    outline = copy_button.evaluate("b => getComputedStyle(b).outlineStyle")
    assert outline != "none", "the copy-link button needs a visible focus ring"


def printed_qr_codes(pdf: bytes) -> list[str]:
    """What every QR code on the printed pages reads, rendered as paper would show them."""
    document = pypdfium2.PdfDocument(pdf)
    return [code.text for sheet in document for code in zxingcpp.read_barcodes(sheet.render(scale=1.5).to_pil())]


def test_the_qr_code_is_on_paper_and_leads_back_to_the_page(first_visit):
    # The QR code loads lazily (it is hidden on screen): only a real print shows that it loads then.
    # A first visit, with the cache off, so that no copy another test left in the cache can stand in.
    tab = first_visit("side-effects/").page
    assert printed_qr_codes(tab.pdf()) == [SITE_URL + "side-effects/"]


def test_a_page_printed_without_its_qr_code_is_reported(scratch_page):
    tab = scratch_page()
    tab.set_content("<h1>Side effects</h1><p>No QR code here.</p>")
    assert printed_qr_codes(tab.pdf()) == []
