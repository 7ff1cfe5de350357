"""/whole-guide/ gathers every page in navigation order as valid, self-contained HTML."""

import re
from collections import Counter
from urllib.parse import urlsplit

from selectolax.lexbor import LexborHTMLParser

from site_tools.page_parts import GUIDE_PAGE
from site_tools.site_files import built_page, nav_pages, page_meta, parsed_page

NAV = nav_pages()

# The guide is for reading through: the tools (pages with a `template:`) work only on their pages.
GUIDE_NAV = [page for page in NAV if not page_meta(page).get("template")]
TOOLS = [page for page in NAV if page not in GUIDE_NAV]


def guide_problems(html: str) -> list[str]:
    """Ids that appear twice, and in-page links to ids that do not exist."""
    tree = LexborHTMLParser(html)
    ids = Counter(node.attributes["id"] for node in tree.css("[id]"))
    problems = [f"id {id!r} appears {count} times" for id, count in ids.items() if count > 1]
    for link in tree.css('article a[href^="#"]'):
        if link.attributes["href"][1:] not in ids:
            problems.append(
                f"the link {link.attributes['href']!r} ({link.text(strip=True)!r}) leads nowhere in the guide"
            )
    return problems


def dead_file_links(html_file) -> list[str]:
    """Links and images in the page's article that lead to no file of the built site."""
    tree = LexborHTMLParser(html_file.read_text(encoding="utf-8"))
    dead = []
    for node in tree.css("article [src], article a[href]"):
        value = node.attributes.get("src") or node.attributes["href"]
        parts = urlsplit(value)
        if parts.scheme or value.startswith("#"):
            continue
        target = (html_file.parent / parts.path).resolve()
        if not (target / "index.html" if target.is_dir() else target).is_file():
            dead.append(f"{html_file}: {value} leads to no file")
    return dead


def test_the_whole_guides_links_and_images_lead_to_files(site_dir):
    dead = dead_file_links(built_page(site_dir, GUIDE_PAGE))
    assert not dead, "fix the link rewriting in overrides/hooks/whole_guide.py:\n  " + "\n  ".join(dead)


def test_a_link_to_a_missing_file_is_reported(tmp_path):
    page = tmp_path / "whole-guide" / "index.html"
    page.parent.mkdir()
    page.write_text('<article><img src="../assets/images/timeline.svg"><a href="../whole-guide/">x</a></article>')
    assert dead_file_links(page) == [f"{page}: ../assets/images/timeline.svg leads to no file"]


def test_the_whole_guide_has_unique_ids_and_working_in_page_links(site_dir):
    problems = guide_problems(built_page(site_dir, GUIDE_PAGE).read_text(encoding="utf-8"))
    assert not problems, "fix overrides/hooks/whole_guide.py:\n  " + "\n  ".join(problems)


def test_a_guide_with_a_repeated_id_or_a_dead_anchor_is_reported():
    html = '<article><h2 id="sources">A</h2><h2 id="sources">B</h2><a href="#urgent-help">help</a></article>'
    assert guide_problems(html) == [
        "id 'sources' appears 2 times",
        "the link '#urgent-help' ('help') leads nowhere in the guide",
    ]


def test_the_whole_guide_holds_every_page_in_navigation_order_with_its_sections(site_dir):
    guide = parsed_page(site_dir, GUIDE_PAGE)
    sections = guide.css("section.whole-guide__page")
    expected = ["home" if page == "index.md" else page.removesuffix(".md") for page in GUIDE_NAV]
    assert [section.attributes["aria-labelledby"] for section in sections] == expected
    for page, section, prefix in zip(GUIDE_NAV, sections, expected):
        own = parsed_page(site_dir, page)
        page_ids = [f"{prefix}--{node.attributes['id']}" for node in own.css("article h2[id]:not(#sources)")]
        guide_ids = [node.attributes["id"] for node in section.css("h3[id]")]
        assert guide_ids == page_ids, f"docs/{page}: its sections are missing from the whole guide"


def test_the_whole_guide_leaves_out_the_tools(site_dir):
    guide = parsed_page(site_dir, GUIDE_PAGE)
    sections = [section.attributes["aria-labelledby"] for section in guide.css("section.whole-guide__page")]
    assert TOOLS and not [page for page in TOOLS if page.removesuffix(".md") in sections], sections


def test_the_whole_guide_lists_every_source_once_at_the_end(site_dir):
    guide = parsed_page(site_dir, GUIDE_PAGE)
    cited = list(dict.fromkeys(key for page in GUIDE_NAV for key in page_meta(page).get("sources", [])))
    listed = [node.attributes["id"] for node in guide.css("section.whole-guide__sources li [id]")]
    assert listed == [f"source-{key}" for key in cited], (
        "overrides/hooks/whole_guide.py must gather every page's sources"
    )
    per_page = [node.attributes["id"] for node in guide.css("section.whole-guide__page [id$='--sources']")]
    assert not per_page, f"the guide repeats Sources lists under {per_page}: it should list them once, at the end"


def test_the_whole_guide_is_linked_from_the_footer(site_dir):
    footer = parsed_page(site_dir, "side-effects.md").css(".md-footer a")
    assert "../whole-guide/" in [a.attributes["href"] for a in footer]


def test_no_section_of_the_guide_is_named_like_another(site_dir):
    """Each entry in the guide's table of contents reads differently from the start: "Sources" next
    to "Sources and how we write" would leave a reader guessing which is which."""
    guide = LexborHTMLParser(built_page(site_dir, GUIDE_PAGE).read_text(encoding="utf-8"))
    names = [link.text(strip=True) for link in guide.css('nav.md-nav--secondary [data-md-component="toc"] > li > a')]
    assert len(names) == len(GUIDE_NAV) + 1, names  # every page, then the sources
    alike = [(name, other) for name in names for other in names if name != other and other.startswith(name)]
    assert len(set(names)) == len(names) and not alike, (
        f"sections named alike in the whole guide's contents: {alike or names}"
    )


def test_every_answer_in_the_guide_is_open_once(site_dir):
    """Collapsed answers would print as their questions only; an answer already open keeps one `open`."""
    html = built_page(site_dir, GUIDE_PAGE).read_text(encoding="utf-8")
    details = re.findall(r"<details\b[^>]*>", html)
    wrong = [tag for tag in details if len(re.findall(r"\sopen\b", tag)) != 1]
    assert details and not wrong, f"fix the <details> rewriting in overrides/hooks/whole_guide.py: {wrong}"
