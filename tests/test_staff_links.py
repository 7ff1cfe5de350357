"""The staff link library (/staff/, staff-links.json, staff-links.csv) lists every page and every
section, with canonical URLs that lead somewhere, and its three forms agree."""

import csv
import json

import markdown
import pytest
from selectolax.lexbor import LexborHTMLParser

from site_hooks.staff_links import (
    CSV_FILE,
    FIELDS,
    JSON_FILE,
    SKIPPED_SECTIONS,
    STAFF_PAGE,
    first_sentence,
    markdown_escape,
    section_texts,
)
from site_tools.site_files import built_page, load_config, markdown_pages, page_meta, page_url, parsed_page

SITE_URL = load_config()["site_url"]


def section_ids(html: str) -> list[str]:
    """The ids of a built page's h2 headings, in order."""
    return [node.attributes["id"] for node in LexborHTMLParser(html).css("article h2[id]")]


def library_problems(entries: list[dict], pages: dict[str, dict]) -> list[str]:
    """Compare the library with the pages. `pages` maps "side-effects.md" to its canonical URL,
    description and h2 ids; every page, and every section but the Sources list, must be listed."""
    problems = []
    listed = {entry["url"]: entry for entry in entries}
    for page, facts in pages.items():
        expected = {facts["url"]: facts["description"]}
        expected |= {f"{facts['url']}#{id}": None for id in facts["sections"] if id not in SKIPPED_SECTIONS}
        for url, summary in expected.items():
            entry = listed.get(url)
            if entry is None:
                problems.append(f"docs/{page}: {url} is not in the staff library")
            elif entry["page"] != page:
                problems.append(f"{url} is listed under {entry['page']}, should be docs/{page}")
            elif summary and entry["summary"] != summary:
                problems.append(f"docs/{page}: the summary of {url} is not the page's description")
            elif url not in entry["email_sentence"] or not entry["summary"]:
                problems.append(f"docs/{page}: the entry for {url} needs a summary and an email sentence with the URL")
    for url in listed.keys() - {facts["url"] for facts in pages.values()}:
        page_url, _, section = url.partition("#")
        owner = next((facts for facts in pages.values() if facts["url"] == page_url), None)
        if owner is None or section not in owner["sections"]:
            problems.append(f"the staff library lists {url}, which leads to no page or section")
    return problems


@pytest.fixture(scope="module")
def pages(site_dir):
    facts = {}
    for page in markdown_pages():
        facts[page] = {
            "url": SITE_URL + page_url(page),
            "description": page_meta(page)["description"],
            "sections": section_ids(built_page(site_dir, page).read_text(encoding="utf-8")),
        }
    return facts


@pytest.fixture(scope="module")
def json_entries(site_dir):
    return json.loads((site_dir / JSON_FILE).read_text(encoding="utf-8"))


def test_the_staff_library_lists_every_page_and_section_with_its_canonical_url(json_entries, pages):
    problems = library_problems(json_entries, pages)
    assert not problems, "fix overrides/hooks/staff_links.py:\n  " + "\n  ".join(problems)


def test_a_missing_or_dead_library_entry_is_reported_with_its_page():
    pages = {
        "side-effects.md": {
            "url": f"{SITE_URL}side-effects/",
            "description": "What to expect.",
            "sections": ["urgent-help", "sources"],
        }
    }
    entries = [
        {
            "page": "side-effects.md",
            "url": f"{SITE_URL}side-effects/",
            "summary": "What to expect.",
            "email_sentence": f"Read it here: {SITE_URL}side-effects/",
        },
        {
            "page": "side-effects.md",
            "url": f"{SITE_URL}side-effects/#old-heading",
            "summary": "Gone.",
            "email_sentence": f"Read it here: {SITE_URL}side-effects/#old-heading",
        },
    ]
    assert library_problems(entries, pages) == [
        f"docs/side-effects.md: {SITE_URL}side-effects/#urgent-help is not in the staff library",
        f"the staff library lists {SITE_URL}side-effects/#old-heading, which leads to no page or section",
    ]


def test_the_csv_file_holds_the_same_entries_as_the_json_file(site_dir, json_entries):
    with open(site_dir / CSV_FILE, encoding="utf-8", newline="") as file:
        rows = list(csv.DictReader(file))
    assert rows == json_entries
    assert tuple(rows[0]) == FIELDS


def test_the_staff_page_shows_every_entry_of_the_json_file(site_dir, json_entries):
    tree = parsed_page(site_dir, STAFF_PAGE)
    article = tree.css_first("article")
    shown_urls = [node.text() for node in article.css(".staff-links__url a")]
    copied = [node.attributes["data-copy-text"] for node in article.css("button[data-copy-text]")]
    text = article.text()
    assert shown_urls == [entry["url"] for entry in json_entries]
    assert copied == [value for entry in json_entries for value in (entry["url"], entry["email_sentence"])]
    missing = [entry["summary"] for entry in json_entries if entry["summary"] not in text]
    assert not missing, f"summaries missing from /staff/: {missing}"


def test_the_staff_page_is_linked_from_the_footer_and_not_in_the_navigation(site_dir):
    tree = parsed_page(site_dir, "index.md")
    assert [
        a.attributes["href"] for a in tree.css(".md-footer a") if a.text(strip=True) == "Links for clinic staff"
    ] == ["staff/"]
    assert not [a for a in tree.css(".md-nav a") if "staff/" in a.attributes.get("href", "")]


@pytest.mark.parametrize(
    "section, summary",
    [
        ("<p>Botox does not work straight away. It takes time.</p>", "Botox does not work straight away."),
        (
            '<div class="admonition danger"><p class="admonition-title">Call 999 now if:</p><ul><li>you have trouble breathing</li></ul></div>',
            "Call 999 now if: you have trouble breathing",
        ),
        (
            "<p>NICE says you can have it if all of these are true:</p><ul><li>You are an adult.</li></ul>",
            "NICE says you can have it if all of these are true: you are an adult.",
        ),
        ("<p>It says:</p><ul><li>NICE advises the NHS.</li></ul>", "It says: NICE advises the NHS."),
        (
            '<p><img src="timeline.svg" alt="Timeline of treatment: week 0 to 24. The same is written below."></p>',
            "Timeline of treatment: week 0 to 24.",
        ),
    ],
    ids=["paragraph", "urgent-box", "lead-in", "lead-in-to-an-abbreviation", "picture-only"],
)
def test_a_sections_summary_is_a_sentence_that_stands_on_its_own(section, summary):
    assert first_sentence(section) == summary


def test_a_section_is_found_wherever_its_heading_has_its_id():
    content = '<h2 id="a">A</h2><p>first</p><h2 class="wide" id="b">B</h2><p>second</p>'
    assert section_texts(content) == {"a": "<p>first</p>", "b": "<p>second</p>"}


def test_a_title_with_markdown_characters_shows_as_written():
    html = markdown.markdown(f"### {markdown_escape('I <3 *Botox* [now] #1')}")
    assert html == "<h3>I &lt;3 *Botox* [now] #1</h3>"
