"""Append a "Sources" section, built from the page's `sources:` front matter, to every page.

It is added to the Markdown, not the template, so each entry's `#source-<key>` anchor is part of
the page: MkDocs then checks every inline citation such as `[NICE](#source-nice-ta260)`.
"""

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from site_tools.page_parts import SECTION_ID, SOURCE_ID_PREFIX


def sources_markdown(keys, known_sources) -> str:
    lines = ["", "", f"## Sources {{#{SECTION_ID}}}", ""]
    for key in keys:
        source = known_sources[key]
        if "url" in source:
            title = f"[{source['title']}]({source['url']}){{#{SOURCE_ID_PREFIX}{key}}}"
        else:
            title = f"*{source['title']}*{{#{SOURCE_ID_PREFIX}{key}}}"
        lines.append(f"- {title}: {source['publisher']}")
    return "\n".join(lines) + "\n"


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    keys = page.meta.get("sources")
    if not keys:
        return markdown
    return markdown + sources_markdown(keys, config.extra["sources"])
