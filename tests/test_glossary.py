"""The glossary (docs/includes/abbreviations.md) gives a tooltip on every use of a medical term."""

import re

import pytest

from site_tools.editor_checks import DEFINITION
from site_tools.site_files import DOCS, markdown_pages, parsed_page

GLOSSARY_FILE = DOCS / "includes" / "abbreviations.md"


def read_glossary(text: str) -> tuple[dict[str, str], list[str]]:
    """The glossary's terms and meanings, and a message for each line that is not a definition."""
    terms, errors = {}, []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        # The build's own DEFINITION (editor_checks.py), so that this reads the terms the build knows;
        # the meaning, which the build does not need, is the rest of the line.
        match = DEFINITION.match(line)
        meaning = line[match.end() :].strip() if match else ""
        if not meaning:
            errors.append(f"docs/includes/abbreviations.md:{number}: write each entry as `*[TERM]: meaning`")
        elif match["term"] in terms:
            errors.append(f"docs/includes/abbreviations.md:{number}: {match['term']} is defined twice: keep one")
        else:
            terms[match["term"]] = meaning
    return terms, errors


GLOSSARY, GLOSSARY_ERRORS = read_glossary(GLOSSARY_FILE.read_text(encoding="utf-8"))


def test_every_glossary_line_is_a_definition():
    assert not GLOSSARY_ERRORS, "\n".join(GLOSSARY_ERRORS)


def test_a_malformed_or_repeated_glossary_entry_is_reported():
    _, errors = read_glossary("*[NHS]: National Health Service\nNICE - an agency\n*[NHS]: again\n*[FDA]:\n")
    assert errors == [
        "docs/includes/abbreviations.md:2: write each entry as `*[TERM]: meaning`",
        "docs/includes/abbreviations.md:3: NHS is defined twice: keep one",
        "docs/includes/abbreviations.md:4: write each entry as `*[TERM]: meaning`",
    ]


def test_every_glossary_term_is_used_on_some_page(site_dir):
    used = {abbr.text() for page in markdown_pages() for abbr in parsed_page(site_dir, page).css("article abbr")}
    unused = sorted(set(GLOSSARY) - used)
    assert not unused, f"remove these unused entries from docs/includes/abbreviations.md: {unused}"


@pytest.mark.parametrize("page", markdown_pages())
def test_every_use_of_a_glossary_term_has_its_tooltip(site_dir, page):
    article = parsed_page(site_dir, page).css_first("article")
    for abbr in article.css("abbr"):
        assert abbr.attributes.get("title") == GLOSSARY[abbr.text()]
    # A tool's labels (.patient-tool) name what the page's text, with its tooltips, explains.
    for node in article.css("abbr, script, style, code, a.headerlink, .page-end, .patient-tool"):
        node.decompose()
    text = article.text(separator=" ")
    bare = [term for term in GLOSSARY if re.search(rf"(?<![\w-]){re.escape(term)}(?![\w-])", text)]
    assert not bare, f"docs/{page}: these terms appear without their tooltip: {bare}"
