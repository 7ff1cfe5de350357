"""The medical content rules: sources, review dates, a notice, urgent help, feedback, and no names."""

import re
from urllib.parse import parse_qs

import pytest

from site_files import load_config, markdown_pages, page_meta, parsed_page

CONFIG = load_config()
# People, institutions and advertising named in the source articles, which must never be published.
NAMES_FROM_THE_ARTICLES = ["Laura Banks", "Banks", "Natividad", "Lily Cautillo", "Cautillo", "Allied Pain", "Spine Institute"]


def article(site_dir, page):
    return parsed_page(site_dir, page).css_first("article")


@pytest.mark.parametrize("page", markdown_pages())
def test_every_page_lists_its_sources(site_dir, page):
    content = article(site_dir, page)
    assert content.css_first("h2#sources") is not None, f"docs/{page}: add `sources:` to the front matter"
    for key in CONFIG["extra"]["sources"]:
        if content.css(f'a[href="#source-{key}"]'):
            assert content.css_first(f"#source-{key}"), f"docs/{page} cites {key} without listing it"


@pytest.mark.parametrize("page", markdown_pages())
def test_every_page_shows_review_dates_notice_and_clinic(site_dir, page):
    end = article(site_dir, page).css_first(".page-end")
    text = " ".join(end.text().split())
    assert re.search(r"Page last reviewed: \d{1,2} \w+ 20\d\d", text)
    assert re.search(r"Next review due: \d{1,2} \w+ 20\d\d", text)
    assert "general information, not medical advice" in text
    assert CONFIG["extra"]["clinic"]["phone"] in text


# The NHS standard for health content invites feedback; by email, so that no reader is tracked.
@pytest.mark.parametrize("page", markdown_pages())
def test_every_page_invites_feedback_by_email_naming_the_page(site_dir, page):
    link = article(site_dir, page).css_first(".page-end__feedback a[href^='mailto:']")
    assert link is not None, f"docs/{page}: no feedback link: keep it in overrides/partials/page-end.html"
    address, _, query = link.attributes["href"].removeprefix("mailto:").partition("?")
    assert address == CONFIG["extra"]["clinic"]["email"]
    assert parse_qs(query).get("subject") == [f"Feedback on the page: {page_meta(page)['title']}"]


@pytest.mark.parametrize("page", markdown_pages())
def test_every_page_has_one_h1_from_its_title(site_dir, page):
    h1s = article(site_dir, page).css("h1")
    assert len(h1s) == 1
    assert h1s[0].text().strip() == page_meta(page)["title"]


def test_no_name_from_the_articles_is_published(site_dir):
    found = [
        f"{path.relative_to(site_dir)}: {name}"
        for path in site_dir.rglob("*")
        if path.suffix in {".html", ".json", ".xml", ".txt", ".csv"}
        for name in NAMES_FROM_THE_ARTICLES
        if name in path.read_text(encoding="utf-8")
    ]
    assert not found


def test_urgent_help_boxes_have_one_action_and_at_most_5_symptoms(site_dir):
    boxes = [box for page in markdown_pages() for box in article(site_dir, page).css(".admonition.danger")]
    assert boxes, "the site needs at least one urgent-help box"
    for box in boxes:
        title = box.css_first(".admonition-title").text()
        assert title.startswith("Call 999"), title
        assert 1 <= len(box.css("li")) <= 5


def test_the_urgent_help_anchor_that_every_page_links_to_exists(site_dir):
    assert article(site_dir, "side-effects.md").css_first("#urgent-help")


def test_the_home_page_links_to_every_topic(site_dir):
    links = {a.attributes.get("href") for a in article(site_dir, "index.md").css("a")}
    for page in markdown_pages():
        if page != "index.md":
            assert any(href and href.split("#")[0] == page.removesuffix(".md") + "/" for href in links), page


def test_the_clinic_is_a_clearly_fictional_placeholder():
    clinic = CONFIG["extra"]["clinic"]
    assert clinic["email"].endswith("@example.org")
    assert clinic["phone"].startswith("01632 960")  # Ofcom's range for drama
    assert "fictional" in CONFIG["copyright"]
