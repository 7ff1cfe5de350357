"""Publish /staff/, the link library for clinic staff, with staff-links.json and staff-links.csv.

Staff paste links into letters, emails and text messages. The library lists every page and every
section with its permanent (canonical) address, a one-line summary and a sentence ready to paste.
It is made at build time from the pages' front matter and headings, so it can never go stale.
The page is left out of the patients' navigation; the footer links to it.
"""

from __future__ import annotations

import csv
import html
import io
import json
import re

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation

from site_tools.page_parts import SECTION_HEADING, SECTION_ID, STAFF_PAGE, TAG

JSON_FILE = "staff-links.json"
CSV_FILE = "staff-links.csv"
FIELDS = ("page", "title", "section", "url", "summary", "email_sentence")
# The Sources list the sources_section hook adds to every page is not something to send a patient.
SKIPPED_SECTIONS = {SECTION_ID}
STAFF_PAGE_SOURCE = """---
title: Links for clinic staff
description: Every page and section of this guide with its permanent link, a summary and a sentence to paste into an email or letter.
search:
  exclude: true
---
"""
# A paragraph, an admonition's title or a list item (a nested list gives its first item).
BLOCK = re.compile(r'<(p|li)(?: class="admonition-title")?>(.*?)</\1>', re.DOTALL)
SENTENCE_END = re.compile(r"(?<=[.!?])\s")
IMAGE_ALT = re.compile(r'<img\b[^>]*\salt="([^"]*)"')

_pages = []  # the pages in navigation order, refreshed by every build


def first_sentence(html_text: str) -> str:
    """The first sentence of the section `html_text`, as plain text. A sentence that leads into a list
    ("Call 999 now if:") takes the list's first item with it; a section with only a picture gives
    the picture's alt text."""
    blocks = [(tag, " ".join(html.unescape(TAG.sub("", block)).split())) for tag, block in BLOCK.findall(html_text)]
    blocks = [(tag, text) for tag, text in blocks if text] + [("", "")]
    for (_, text), (next_tag, next_text) in zip(blocks, blocks[1:]):
        sentence = SENTENCE_END.split(text, maxsplit=1)[0]
        if sentence.endswith(":"):
            if next_tag != "li":
                continue
            item = SENTENCE_END.split(next_text, maxsplit=1)[0]
            # "You are an adult." reads on from "if all of these are true:"; "NICE says" keeps its capitals.
            sentence += " " + (item[0].lower() + item[1:] if item[1:2].islower() else item)
        return sentence[0].upper() + sentence[1:]
    alt = IMAGE_ALT.search(html_text)
    return SENTENCE_END.split(html.unescape(alt.group(1)), maxsplit=1)[0] if alt and alt.group(1) else ""


def section_texts(content: str) -> dict[str, str]:
    """Each h2's id mapped to the HTML between it and the next h2."""
    headings = list(SECTION_HEADING.finditer(content))
    ends = [heading.start() for heading in headings[1:]] + [len(content)]
    return {heading["id"]: content[heading.end() : end] for heading, end in zip(headings, ends)}


def library_entries(pages, clinic_name: str) -> list[dict]:
    """One entry per page, then one per h2 section of it, in navigation order."""
    entries = []
    for page in pages:
        title = page.meta["title"]
        entries.append(
            {
                "page": page.file.src_uri,
                "title": title,
                "section": "",
                "url": page.canonical_url,
                "summary": page.meta["description"],
                "email_sentence": f"You can read “{title}” from {clinic_name} here: {page.canonical_url}",
            }
        )
        texts = section_texts(page.content)
        for item in page.toc:
            for heading in [item, *item.children] if item.level == 1 else [item]:
                if heading.level != 2 or heading.id in SKIPPED_SECTIONS:
                    continue
                name = html.unescape(heading.title)
                url = f"{page.canonical_url}#{heading.id}"
                entries.append(
                    {
                        "page": page.file.src_uri,
                        "title": title,
                        "section": name,
                        "url": url,
                        "summary": first_sentence(texts.get(heading.id, "")) or name,
                        "email_sentence": f"You can read “{name}” in “{title}” from {clinic_name} here: {url}",
                    }
                )
    return entries


def markdown_escape(text: str) -> str:
    # Python-Markdown has no backslash escape for "<": an entity shows it as it is.
    return re.sub(r"([\\`*_\[\]>#])", r"\\\1", text).replace("<", "&lt;")


def _copy_button(text: str, label: str) -> str:
    # The site's share-and-print.js gives these buttons their click handler: no inline script.
    return f'<button type="button" class="copy-text md-button" data-copy-text="{html.escape(text)}">{label}</button>'


def library_markdown(entries: list[dict]) -> str:
    lines = [
        "Every page and section of this guide, with its permanent link. The links will not change, "
        "so they are safe to put in letters, emails and text messages. Each sentence is ready to paste.",
        "",
        f"The same list for a spreadsheet: [{CSV_FILE}]({CSV_FILE}) (CSV) or [{JSON_FILE}]({JSON_FILE}) (JSON).",
    ]
    for entry in entries:
        if entry["section"]:
            target = entry["page"] + entry["url"][entry["url"].index("#") :]
            lines += ["", f"### {markdown_escape(entry['section'])}", ""]
        else:
            target = entry["page"]
            lines += ["", f"## {markdown_escape(entry['title'])}", ""]
        lines += [
            markdown_escape(entry["summary"]),
            "",
            f"Link: [{entry['url']}]({target})",
            "{: .staff-links__url }",
            "",
            f"Email sentence: {markdown_escape(entry['email_sentence'])}",
            "{: .staff-links__sentence }",
            "",
            '<p class="staff-links__buttons">'
            + _copy_button(entry["url"], "Copy link")
            + " "
            + _copy_button(entry["email_sentence"], "Copy sentence")
            + "</p>",
        ]
    return "\n".join(lines) + "\n"


def csv_text(entries: list[dict]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=FIELDS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(entries)
    return buffer.getvalue()


def on_files(files: Files, config: MkDocsConfig) -> Files:
    files.append(File.generated(config, STAFF_PAGE, content=STAFF_PAGE_SOURCE, inclusion=InclusionLevel.NOT_IN_NAV))
    # Filled in by on_env, once every page's headings are known.
    files.append(File.generated(config, JSON_FILE, content="[]"))
    files.append(File.generated(config, CSV_FILE, content=""))
    return files


def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    _pages[:] = nav.pages
    return nav


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    """Every page is rendered by now, headings and all: write the library into its three files."""
    entries = library_entries(_pages, config.extra["clinic"]["name"])
    files.get_file_from_path(JSON_FILE).content_string = json.dumps(entries, ensure_ascii=False, indent=1)
    files.get_file_from_path(CSV_FILE).content_string = csv_text(entries)
    staff = files.get_file_from_path(STAFF_PAGE).page
    staff.markdown = library_markdown(entries)
    staff.render(config, files)
    return env
