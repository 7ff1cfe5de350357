"""Publish /whole-guide/: every page of the guide, in navigation order, on one page to print.

Made at build time from the rendered pages, so it never goes stale. Each page becomes a section
whose ids are prefixed with the page's name (`side-effects--urgent-help`), so no id appears twice,
and links between pages become links within the guide. Headings move down one level under each
page's title, and each section keeps its review dates. The pages' Sources lists become one list at
the end, each source once, where every citation leads: eleven lists would repeat the same sources
on paper, and weigh on the guide's download.
"""

from __future__ import annotations

import html
import posixpath
import re
from urllib.parse import urlsplit

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.toc import get_toc

from site_tools.page_parts import GUIDE_PAGE, SECTION_ID, SOURCE_ID_PREFIX

GUIDE_PAGE_SOURCE = """---
title: The whole guide to Botox for chronic migraine
description: Every page of this guide on one page, in order, to read through or to print as one leaflet.
search:
  exclude: true
---
"""
ATTRIBUTE = re.compile(r'\s(id|href|src)="([^"]*)"')
HEADING = re.compile(r"<(/?)h([1-5])\b")
CLOSED_DETAILS = re.compile(r"<details\b(?![^>]*\sopen\b)")
# The Sources section that sources_section.py appends to a page, and one source in it.
SOURCES_SECTION = re.compile(f'<h2 id="{SECTION_ID}">.*?</ul>', re.DOTALL)
SOURCE_ITEM = re.compile(rf'<li>(?:(?!</li>).)*?\sid="{SOURCE_ID_PREFIX}(?P<key>[\w-]+)".*?</li>', re.DOTALL)
SOURCES_ID = "guide-sources"
# Not "Sources": the guide also holds the page "Sources and how we write".
SOURCES_HEADING = "Every source in this guide"

_pages = []  # the pages in navigation order, refreshed by every build


def section_id(page) -> str:
    """`side-effects` for side-effects.md, `home` for the home page."""
    stem = page.file.src_uri.removesuffix(".md")
    return "home" if stem == "index" else stem.replace("/", "-")


def new_value(
    name: str, value: str, prefix: str, page_url: str, guide_url: str, ids_by_url: dict, page_ids: dict
) -> str:
    """An id or link of the page at `page_url` ("/side-effects/"), made to work inside the guide.
    `ids_by_url` maps each guide page's URL to its section id; `page_ids`, to the ids in its page."""
    if name == "id":
        return f"{prefix}--{value}"
    if value.startswith("#" + SOURCE_ID_PREFIX):  # a citation: its source is in the guide's one list
        return value
    if value.startswith("#"):
        return f"#{prefix}--{value[1:]}"
    parts = urlsplit(value)
    if parts.scheme or parts.netloc or value.startswith("/"):
        return value
    is_folder = parts.path in ("", ".", "..") or parts.path.endswith(("/", "/.", "/.."))
    target = posixpath.normpath(posixpath.join(page_url, parts.path or "."))
    target = target.rstrip("/") + "/" if is_folder else target
    fragment = f"#{parts.fragment}" if parts.fragment else ""
    if target in ids_by_url:  # a page of the guide: jump to its section
        # A link to a missing section leads to the page's start: the link checker reports it once,
        # on the page it was written in, not a second time here with no file to fix.
        found = parts.fragment and parts.fragment in page_ids[target]
        return f"#{ids_by_url[target]}" + (f"--{parts.fragment}" if found else "")
    return posixpath.relpath(target, guide_url) + ("/" if is_folder else "") + fragment


def gathered_html(pages, guide_url: str) -> str:
    """The pages' HTML, one <section> each, with ids, links and headings made to fit one page."""
    ids_by_url = {"/" + page.url: section_id(page) for page in pages}
    # Each page's content without its Sources list, which the guide gives once, at the end.
    contents = {"/" + page.url: SOURCES_SECTION.sub("", page.content) for page in pages}
    page_ids = {
        url: {value for name, value in ATTRIBUTE.findall(content) if name == "id"} for url, content in contents.items()
    }
    sections = []
    sources: dict[str, str] = {}  # each source's <li>, by key, in the order pages first cite them
    for page in pages:
        prefix = section_id(page)
        page_url = "/" + page.url
        for item in SOURCE_ITEM.finditer("".join(SOURCES_SECTION.findall(page.content))):
            sources.setdefault(item["key"], item[0])

        def rewrite(match, prefix=prefix, page_url=page_url):
            name, value = match.groups()
            return f' {name}="{new_value(name, value, prefix, page_url, "/" + guide_url, ids_by_url, page_ids)}"'

        content = ATTRIBUTE.sub(rewrite, contents[page_url])
        content = HEADING.sub(lambda m: f"<{m.group(1)}h{int(m.group(2)) + 1}", content)
        # Collapsed answers would print as their questions only.
        content = CLOSED_DETAILS.sub("<details open", content)
        review = ""
        if page.meta.get("reviewed"):
            review = (
                '<p class="whole-guide__review">Page last reviewed: '
                f"{page.meta['reviewed'].strftime('%-d %B %Y')}. Next review due: "
                f"{page.meta['next_review'].strftime('%-d %B %Y')}.</p>"
            )
        sections.append(
            f'<section class="whole-guide__page" aria-labelledby="{prefix}">\n'
            f'<h2 id="{prefix}">{html.escape(page.meta.get("title") or page.title)}'
            f'<a class="headerlink" href="#{prefix}" title="Link to this section">&para;</a></h2>\n'
            f"{content}\n{review}\n</section>"
        )
    source_items = "\n".join(sources.values())
    sections.append(
        f'<section class="whole-guide__sources" aria-labelledby="{SOURCES_ID}">\n'
        f'<h2 id="{SOURCES_ID}">{SOURCES_HEADING}<a class="headerlink" href="#{SOURCES_ID}" title="Link to this section">&para;</a></h2>\n'
        f"<ul>\n{source_items}\n</ul>\n</section>"
    )
    return "\n".join(sections)


def guide_toc(pages):
    """The guide's table of contents: one entry per page, then the sources."""
    return get_toc(
        [
            {
                "level": 2,
                "id": section_id(page),
                "name": html.escape(page.meta.get("title") or page.title),
                "children": [],
            }
            for page in pages
        ]
        + [{"level": 2, "id": SOURCES_ID, "name": SOURCES_HEADING, "children": []}]
    )


def guide_pages(pages):
    """The pages to read through: not the tools (a page with a `template:`, such as the planner),
    whose forms work only on their own page and whose text tells how to use them."""
    return [page for page in pages if not page.meta.get("template")]


def on_files(files: Files, config: MkDocsConfig) -> Files:
    files.append(File.generated(config, GUIDE_PAGE, content=GUIDE_PAGE_SOURCE, inclusion=InclusionLevel.NOT_IN_NAV))
    return files


def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    _pages[:] = nav.pages
    return nav


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    """Every page is rendered by now: gather them into the guide."""
    guide = files.get_file_from_path(GUIDE_PAGE).page
    pages = guide_pages(_pages)
    guide.content = gathered_html(pages, guide.url)
    guide.toc = guide_toc(pages)
    dates = [page.meta for page in pages if page.meta.get("reviewed")]
    if dates:  # the guide is as old as its oldest page, and due when the first page is
        guide.meta["reviewed"] = min(meta["reviewed"] for meta in dates)
        guide.meta["next_review"] = min(meta["next_review"] for meta in dates)
    return env
