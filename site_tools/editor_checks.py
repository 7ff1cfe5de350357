"""The mistakes an editor can make in a page's Markdown, each named with its file, line and fix.

The mistakes: an image without alt text, link text that means nothing out of context ("click
here", a bare web address), a skipped heading level or a second main heading, a section heading
without an id of its own, an abbreviation the glossary does not explain, and a page left out of the
navigation. Screen-reader users hear link texts and headings as lists, staff link to sections by
their ids, patients need every abbreviation spelled out, and a page outside the navigation cannot
be found. MkDocs itself catches none of these, except the last with a message that is meant for
developers.

It reads each page's Markdown source, not the built HTML, so that the line numbers are the
editor's. Front matter, code and web addresses are blanked out first, keeping every line where it
was. All problems of all pages are collected, for the hook overrides/hooks/editor_checks.py to
report at once, in one error.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from mkdocs.utils.meta import get_data

from site_tools.front_matter import FRONT_MATTER

# Link texts that say nothing about where the link goes (WCAG 2.4.4, link purpose).
VAGUE_LINK_TEXTS = {
    "click here",
    "click",
    "here",
    "read more",
    "more",
    "this page",
    "this link",
    "link",
    "go",
    "see below",
    "below",
    "see above",
    "above",
}
# An abbreviation: 2 or more capital letters or digits, starting with a letter (NICE, FDA, TA260).
ABBREVIATION = re.compile(r"\b[A-Z][A-Z0-9]+\b")
DEFINITION = re.compile(r"^\*\[(?P<term>[^\]]+)\]:", re.MULTILINE)

FENCED_CODE = re.compile(r"^([ \t]*)(`{3,}|~{3,}).*?^\1\2[ \t]*$", re.MULTILINE | re.DOTALL)
INLINE_CODE = re.compile(r"(`+).+?\1", re.DOTALL)
HTML_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)

IMAGE = re.compile(r"!\[(?P<alt>[^\]]*)\](?:\((?P<src>[^)\s]*)[^)]*\)|\[[^\]]*\])")
HTML_IMAGE = re.compile(r"<img\b[^>]*>", re.IGNORECASE)
LINK = re.compile(r"(?<![!\]])\[(?P<text>[^\[\]]+)\](?:\((?P<url>[^)\s]*)[^)]*\)|\[[^\]]*\])")
HTML_LINK = re.compile(r"<a\b[^>]*>(?P<text>.*?)</a>", re.IGNORECASE | re.DOTALL)
AUTOLINK = re.compile(r"<(?P<url>(?:https?://|www\.)[^>\s]+)>", re.IGNORECASE)
# Python-Markdown makes a heading of any line that starts with `#`, even without a space after it.
HEADING = re.compile(r"^[ \t]*(?P<hashes>#{1,6})(?!#)[ \t]*(?P<text>\S.*?)[ \t#]*$", re.MULTILINE)
SETEXT_HEADING = re.compile(r"^(?P<text>[ \t]*\S.*)\n[ \t]*(?P<underline>=+|-+)[ \t]*$", re.MULTILINE)
# The attribute list at the end of a heading, `{#side-effects}` or `{: .wide #side-effects }`.
ATTRIBUTE_LIST = re.compile(r"\s*\{:?[^}]*\}$")
# Parts of a line that are not read as text: link targets, reference definitions, HTML tags,
# attribute lists such as heading ids `{#side-effects}`, and glossary definitions themselves.
NOT_TEXT = re.compile(
    r"\]\([^)]*\)|^[ \t]*\[[^\]]+\]:.*$|<[^>\n]+>|\{[:#.][^}\n]*\}|^\*\[[^\]]+\]:.*$",
    re.MULTILINE,
)


def _blank(match: re.Match) -> str:
    """The matched text as spaces, keeping its line breaks, so that line numbers stay true."""
    return re.sub(r"[^\n]", " ", match.group(0))


def prose(markdown: str) -> str:
    """The page's Markdown with front matter, code and comments blanked out."""
    for pattern in (FRONT_MATTER, FENCED_CODE, HTML_COMMENT, INLINE_CODE):
        markdown = pattern.sub(_blank, markdown)
    return markdown


def _line(text: str, index: int) -> int:
    return text.count("\n", 0, index) + 1


def image_problems(path: str, text: str) -> list[str]:
    problems = []
    for match in IMAGE.finditer(text):
        if not match["alt"].strip():
            problems.append(
                f"{path}:{_line(text, match.start())}: the image {match['src'] or ''} has no alt text: "
                "describe what it shows inside the brackets, `![Diagram of the injection sites](...)`"
            )
    for match in HTML_IMAGE.finditer(text):
        if not re.search(r"\balt\s*=", match.group(0), re.IGNORECASE):
            problems.append(
                f"{path}:{_line(text, match.start())}: the image `{match.group(0)}` has no alt text: "
                'add `alt="what the image shows"` to it'
            )
    return problems


def _link_text_problem(link_text: str) -> str | None:
    text = " ".join(re.sub(r"<[^>]+>", " ", link_text).split())
    if re.match(r"(https?://|www\.)", text, re.IGNORECASE):
        return f"the link text is a bare web address, {text}"
    if " ".join(re.sub(r"[*_.,:;!?]", " ", text).split()).lower() in VAGUE_LINK_TEXTS:
        return f'the link text "{text}" does not say where the link goes'
    return None


def link_problems(path: str, text: str) -> list[str]:
    fix = "use words that say where it goes, `Read [side effects of Botox](side-effects.md)`"
    problems = []
    for pattern in (LINK, HTML_LINK):
        for match in pattern.finditer(text):
            problem = _link_text_problem(match["text"])
            if problem:
                problems.append(f"{path}:{_line(text, match.start())}: {problem}: {fix}")
    for match in AUTOLINK.finditer(text):
        problems.append(
            f"{path}:{_line(text, match.start())}: the link text is a bare web address, {match['url']}: "
            f"name the page instead, `[NICE guidance on Botox]({match['url']})`"
        )
    return problems


def _headings(text: str):
    """(index, level, text, id) of each heading, `#` style or underlined with `===` or `---`; the id is
    the one written after it, `{#side-effects}`, or None."""
    found = [(m.start(), len(m["hashes"]), m["text"]) for m in HEADING.finditer(text)]
    for match in SETEXT_HEADING.finditer(text):
        if not match["text"].lstrip().startswith(("-", "*", "+", "|", ">", "#")):
            found.append((match.start(), 1 if match["underline"][0] == "=" else 2, match["text"].strip()))
    headings = []
    for index, level, heading in sorted(found):
        attributes = ATTRIBUTE_LIST.search(heading)
        explicit_id = attributes and re.search(r"#([\w-]+)", attributes.group(0))
        # Without its attribute list, the heading reads as the editor wrote it.
        headings.append((index, level, ATTRIBUTE_LIST.sub("", heading), explicit_id and explicit_id.group(1)))
    return headings


def heading_problems(path: str, text: str) -> list[str]:
    problems = []
    previous = 1  # the theme makes the page's h1 from the `title` in its front matter
    for index, level, heading, explicit_id in _headings(text):
        line = _line(text, index)
        if level in (2, 3) and not explicit_id:
            slug = re.sub(r"[^a-z0-9]+", "-", heading.lower()).strip("-")
            problems.append(
                f"{path}:{line}: the heading has no id, so rewording it would break links to it: "
                f"write `{'#' * level} {heading} {{#{slug}}}`"
            )
        if level == 1:
            problems.append(
                f'{path}:{line}: "{heading}" is a second main heading (h1), but the page title in the front '
                f"matter is the page's only h1: make it `## {heading}`, or change `title:` instead"
            )
        elif level > previous + 1:
            problems.append(
                f'{path}:{line}: the heading "{heading}" skips from level {previous} to level {level}: '
                f"make it `{'#' * (previous + 1)} {heading}`"
            )
        previous = level
    return problems


def glossary_terms(text: str) -> set[str]:
    """The terms defined in a glossary file or a page, as `*[TERM]: meaning` lines."""
    return {match["term"] for match in DEFINITION.finditer(text)}


def glossary_problems(path: str, text: str, terms: set[str], glossary_file: str) -> list[str]:
    defined = terms | glossary_terms(text)
    readable = NOT_TEXT.sub(_blank, text)
    problems, reported = [], set()
    for match in ABBREVIATION.finditer(readable):
        term = match.group(0)
        if term not in defined and term not in reported:
            reported.add(term)
            problems.append(
                f"{path}:{_line(readable, match.start())}: {term} is not in the glossary, so readers get no "
                f"explanation of it: add `*[{term}]: what {term} means` to {glossary_file}"
            )
    return problems


def page_problems(path: str, markdown: str, terms: set[str] | None, glossary_file: str = "") -> list[str]:
    """Every editor mistake in one page's Markdown; `terms` is None when the site has no glossary."""
    text = prose(markdown)
    problems = image_problems(path, text) + link_problems(path, text) + heading_problems(path, text)
    if terms is not None:
        problems += glossary_problems(path, text, terms, glossary_file)
    return sorted(problems, key=lambda problem: int(problem.split(":")[1]))


def not_in_nav_problem(path: str, src_uri: str, markdown: str) -> str:
    _, meta = get_data(markdown)
    label = meta.get("title") or "Title"
    return f"{path} is not in the navigation: add `- {label}: {src_uri}` under `nav:` in mkdocs.yml"


def _glossary_files(config) -> list[str]:
    """The glossary files: those pymdownx.snippets appends to every page, where `abbr` finds them."""
    return config.mdx_configs.get("pymdownx.snippets", {}).get("auto_append", [])


def site_problems(nav, config, files) -> list[str]:
    """Every editor mistake in every page the editors wrote, and each page left out of `nav`."""
    root = os.path.dirname(config.config_file_path)
    glossaries = _glossary_files(config)
    terms = None
    if glossaries:
        terms = set().union(*(glossary_terms((Path(root) / name).read_text(encoding="utf-8")) for name in glossaries))
    in_nav = {page.file.src_uri for page in nav.pages}
    problems = []
    for file in files.documentation_pages():
        if file.abs_src_path is None:  # a page generated by a hook is not an editor's to fix
            continue
        path = os.path.relpath(file.abs_src_path, root)
        problems += page_problems(path, file.content_string, terms, ", ".join(glossaries))
        # `is_in_nav()` is false for the pages that mkdocs.yml lists under `not_in_nav`.
        if file.inclusion.is_in_nav() and file.src_uri not in in_nav:
            problems.append(not_in_nav_problem(path, file.src_uri, file.content_string))
    return problems
