"""Find what in a page or a diagram could run a script or load something from another site.

Editors paste from websites, Word and emails. A pasted `<script>` would run for every reader (and
the Content-Security-Policy would not stop it if its hash were taken from the built pages); an
image or a frame from another site tells that site who reads a page about migraine. So a page's
rendered content may hold only the tags and attributes that the site's Markdown and its extensions
write (ALLOWED, below), its links and images must stay harmless (`safe_link_problem`,
`image_problem`), and each problem is reported with the file, the line and what to do instead.

The HTML is read by lexbor (selectolax), as a browser would read it: an attribute written as
`oNcLiCk`, a tag split over lines or an entity inside `javascript:` cannot slip past. The line is
found by looking for the problem's text in the editor's file. Nothing here imports MkDocs, so the
tests can feed broken HTML straight in.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import tinycss2
from selectolax.lexbor import LexborHTMLParser

# Attributes any allowed tag may carry: `{#id}` and `{.class}` (attr_list, headings, footnotes,
# admonitions), `title` (abbr's tooltips, the permalinks' "Link to this section").
GLOBAL_ATTRIBUTES = {"id", "class", "title"}
# Every tag the site's Markdown and its extensions write, with the attributes each may add.
ALLOWED = {
    # Python-Markdown itself: paragraphs, headings, lists, emphasis, quotes, code, rules.
    **{
        tag: set()
        for tag in (
            "p",
            "h1",
            "h2",
            "h3",
            "h4",
            "h5",
            "h6",
            "ul",
            "li",
            "strong",
            "em",
            "blockquote",
            "code",
            "pre",
            "hr",
            "br",
        )
    },
    "ol": {"start"},  # a list that starts at 3
    "a": {"href"},  # links; the href is checked by safe_link_problem
    "img": {"src", "alt", "width", "height", "loading"},  # the site's own diagrams; src checked by image_problem
    # tables: text-align comes as a style attribute, checked by style_problem
    **{tag: set() for tag in ("table", "thead", "tbody", "tr")},
    "th": {"style"},
    "td": {"style"},
    "abbr": set(),  # abbr: the glossary's terms (title is global)
    "div": set(),  # admonition boxes, footnotes, md_in_html blocks, code blocks' wrapper
    "details": {"open"},  # pymdownx.details: ??? and ???+
    "summary": set(),
    "sup": set(),  # footnote markers
    "span": set(),  # code blocks' line wrapper (pymdownx.highlight)
}
# A table column aligned with :---, :---: or ---: is the only style content may set.
TABLE_ALIGNMENT = {"text-align: left;", "text-align: center;", "text-align: right;"}
# Schemes a link may use; anything else (javascript:, vbscript:, data:, file:) is refused.
LINK_SCHEMES = {"", "https", "http", "mailto", "tel"}  # link_integrity.py asks for https itself
# Browsers drop these from a URL before reading its scheme: "java\tscript:" is javascript:.
IGNORED_IN_URLS = re.compile(r"[\x00-\x20\x7f]")

ASK_A_DEVELOPER = "a developer can build it into a page template under overrides/"
IMAGE_FIX = (
    "download the image into docs/assets/images/ and use it from there, `![what it shows](assets/images/name.png)`"
)
EMBED_FIX = "link to the page instead of showing it inside ours, `[what it is](https://…)`"
STYLE_FIX = (
    "pages cannot set their own look: remove it, or ask a developer for a class in docs/assets/stylesheets/site.css"
)
# What each refused tag does, and what to do instead.
REFUSED_TAGS = {
    "script": f"runs a script in every reader's browser: remove it; if the page needs a tool, {ASK_A_DEVELOPER}",
    "noscript": f"is for scripts, which pages cannot have: remove it; {ASK_A_DEVELOPER}",
    "base": "changes where every link of the page goes: remove it",
    "meta": "changes how the browser treats the page (a refresh can send readers elsewhere): remove it",
    "link": "loads a file into the page: remove it; stylesheets are listed under extra_css in mkdocs.yml",
    "style": "sets the page's own look (and can load files with url() or @import): "
    + STYLE_FIX.removeprefix("pages cannot set their own look: "),
    "form": f"sends what a patient types somewhere: remove it; {ASK_A_DEVELOPER}",
    "input": f"is part of a form: remove it; {ASK_A_DEVELOPER}",
    "button": f"needs a script to work: remove it; {ASK_A_DEVELOPER}",
    "textarea": f"is part of a form: remove it; {ASK_A_DEVELOPER}",
    "select": f"is part of a form: remove it; {ASK_A_DEVELOPER}",
    "iframe": f"shows another site inside the page, and tells it who reads ours: {EMBED_FIX}",
    "frame": f"shows another site inside the page: {EMBED_FIX}",
    "object": f"loads another file or site into the page: {EMBED_FIX}",
    "embed": f"loads another file or site into the page: {EMBED_FIX}",
    "video": f"loads a video into the page: {EMBED_FIX}",
    "audio": f"loads a sound into the page: {EMBED_FIX}",
    "source": f"loads a video, a sound or an image: {EMBED_FIX}",
    "track": f"loads a video's captions: {EMBED_FIX}",
    "picture": f"loads one of several images: use one image, {IMAGE_FIX}",
    "svg": "puts a drawing's code in the page: save it as a file in docs/assets/images/ and show it as an image",
    "math": "is not used by the site: write it in words",
}


def _where(source: str, needles: list[str], after: dict[str, int]) -> int:
    """The line of `source` where the first of `needles` found occurs (case-insensitive), each
    needle searched after its last find, so that two identical problems get their own lines."""
    lowered = source.lower()
    for needle in needles:
        needle = needle.lower()
        index = lowered.find(needle, after.get(needle, 0)) if needle else -1
        if index < 0:
            index = lowered.find(needle) if needle else -1
        if index >= 0:
            after[needle] = index + 1
            return source.count("\n", 0, index) + 1
    return 1


def _value_needles(value: str) -> list[str]:
    """How a value may be written in the editor's file, most precise first: quoted, as a Markdown
    link's address, bare."""
    return [f'"{value}"', f"'{value}'", f"({value}", f"={value}", value]


def url_scheme(url: str) -> str:
    """The scheme of `url` as a browser reads it ("" for a relative address)."""
    cleaned = IGNORED_IN_URLS.sub("", url)
    return urlsplit(cleaned).scheme.lower() if ":" in cleaned.split("/", 1)[0] else ""


def safe_link_problem(href: str) -> str | None:
    scheme = url_scheme(href)
    if scheme in LINK_SCHEMES:
        return None
    if scheme in ("javascript", "vbscript"):
        return f'the link "{href}" runs a script when clicked: link to a page or a web address instead'
    if scheme == "data":
        return f'the link "{href[:40]}" holds a whole file, which can run a script: link to a page or a file in docs/ instead'
    return f'the link "{href}" uses {scheme}:, which readers cannot open: link to a web page (https://), an email (mailto:) or a phone number (tel:)'


def image_problem(src: str) -> str | None:
    scheme = url_scheme(src)
    cleaned = IGNORED_IN_URLS.sub("", src)
    if scheme == "data":
        return f'the image "{src[:40]}" is written into the page as data: {IMAGE_FIX}'
    if scheme or cleaned.startswith(("//", "\\\\", "/\\", "\\/")):
        return f'the image "{src}" loads from another site, which then learns who reads this page: {IMAGE_FIX}'
    return None


def style_problem(tag: str, style: str) -> str | None:
    if tag in ("td", "th") and " ".join(style.split()) in TABLE_ALIGNMENT:
        return None
    return f'the style="{style}" on <{tag}> sets its own look (and could load a file with url()): {STYLE_FIX}'


def element_problems(tag: str, attributes: dict) -> list[tuple[str, list[str]]]:
    """(message, text to look for in the editor's file) for each problem with one element."""
    if tag in REFUSED_TAGS or tag not in ALLOWED:
        message = REFUSED_TAGS.get(tag) or (
            "is not a tag the site's pages use: write it in Markdown instead, or remove it"
        )
        if tag == "meta" and attributes.get("http-equiv"):
            message = f'(http-equiv="{attributes["http-equiv"]}") ' + message
        return [(f"<{tag}> {message}", [f"<{tag}", tag])]
    problems = []
    for name, value in attributes.items():
        value = value or ""
        if name.startswith("on"):
            problems.append((f'the attribute {name}="{value}" on <{tag}> runs a script: remove it', [name + "=", name]))
        elif name == "style":
            problem = style_problem(tag, value)
            if problem:
                problems.append((problem, [*_value_needles(value), "style="]))  # the line of :---: is not found: line 1
        elif name not in GLOBAL_ATTRIBUTES | ALLOWED[tag]:
            problems.append(
                (
                    f"the attribute {name} on <{tag}> is not one the site's pages use"
                    + (" (it loads another image)" if name == "srcset" else "")
                    + f": remove it{'; ' + IMAGE_FIX if name == 'srcset' else ''}",
                    [name + "=", name],
                )
            )
        elif tag == "a" and name == "href":
            problem = safe_link_problem(value)
            if problem:
                problems.append((problem, [*_value_needles(value), "href", "]("]))
        elif tag == "img" and name == "src":
            problem = image_problem(value)
            if problem:
                problems.append((problem, [*_value_needles(value), "<img", "]("]))
    return problems


def active_content_problems(path: str, source: str, html: str) -> list[str]:
    """One message, "path:line: problem: fix", for each problem in `html`, the content that the
    file `path` (its text: `source`) renders to."""
    tree = LexborHTMLParser(f"<!DOCTYPE html><html><head></head><body>{html}</body></html>")
    problems, after = [], {}
    # Whatever a page puts before its content ends up in <head>, where no page may write.
    for root in (tree.head, tree.body):
        for node in root.traverse(include_text=False):
            if node.mem_id == root.mem_id or node.tag == "-comment":
                continue
            for message, needles in element_problems(node.tag, node.attributes):
                problems.append(f"{path}:{_where(source, needles, after)}: {message}")
    return problems


def _css_loads(css: str, declarations: bool = False) -> list[str]:
    """The url(…) values (other than this file's own #ids) and @import rules in a stylesheet, or in
    a style attribute's `declarations`."""
    found = []

    def walk(tokens):
        for token in tokens:
            if token.type == "url" and not token.value.startswith("#"):
                found.append(f"url({token.value})")
            elif token.type == "function" and token.lower_name == "url":
                address = "".join(getattr(part, "value", "") for part in token.arguments if part.type == "string")
                if not address.startswith("#"):
                    found.append("url(" + tinycss2.serialize(token.arguments) + ")")
            elif token.type == "at-rule" and token.lower_at_keyword == "import":
                found.append("@import")
            for child in ("content", "prelude", "arguments", "value"):
                if isinstance(getattr(token, child, None), list):
                    walk(getattr(token, child))

    parse = tinycss2.parse_blocks_contents if declarations else tinycss2.parse_stylesheet
    walk(parse(css, skip_whitespace=True, skip_comments=True))
    return found


# Text that XML reads before any element: entities can hide a <script> from an HTML parser, and
# a stylesheet instruction loads a file. A diagram needs neither.
SVG_PROLOGUE_REFUSED = {
    "<!doctype": "a DOCTYPE, which can define entities that hide code: remove it",
    "<!entity": "an entity definition, which can hide code: remove it",
    "<?xml-stylesheet": "a stylesheet instruction, which loads a file: remove it",
}
# SVG attributes that name another resource: only a reference to this file's own #ids is allowed.
SVG_REFERENCES = {"href", "xlink:href", "src"}


def svg_problems(path: str, svg: str) -> list[str]:
    """One message, "path:line: problem: fix", for each way the diagram `svg` could run a script or
    load anything from outside the file."""
    problems, after = [], {}
    lowered = svg.lower()
    for text, problem in SVG_PROLOGUE_REFUSED.items():
        if text in lowered:
            problems.append(f"{path}:{_where(svg, [text], after)}: the drawing holds {problem}")
    fix = "remove it (export the drawing again as plain SVG, without scripts or links)"
    tree = LexborHTMLParser(svg)
    for node in tree.body.traverse(include_text=False) if tree.body else ():
        tag = node.tag.lower()
        if tag == "script":
            problems.append(f"{path}:{_where(svg, ['<script'], after)}: the drawing holds a <script>: {fix}")
        elif tag == "foreignobject":
            problems.append(
                f"{path}:{_where(svg, ['<foreignObject'], after)}: the drawing holds a <foreignObject>, "
                f"which can hold a web page and its scripts: {fix}"
            )
        elif tag == "style":
            for load in _css_loads(node.text()):
                problems.append(
                    f"{path}:{_where(svg, [load, '<style'], after)}: the drawing's style loads a file ({load}): {fix}"
                )
        elif (
            tag in ("set", "animate")
            and (node.attributes.get("attributeName") or node.attributes.get("attributename") or "").lower()
            in SVG_REFERENCES
        ):
            problems.append(f"{path}:{_where(svg, ['<' + tag], after)}: the drawing's <{tag}> changes a link: {fix}")
        for name, value in node.attributes.items():
            value = value or ""
            if name.lower().startswith("on"):
                problems.append(
                    f'{path}:{_where(svg, [name], after)}: the attribute {name}="{value}" runs a script: {fix}'
                )
            elif name.lower() in SVG_REFERENCES and not value.strip().startswith("#"):
                problems.append(
                    f'{path}:{_where(svg, [value, name], after)}: the drawing refers to "{value}", outside the file: {fix}'
                )
            elif name.lower() == "style":
                for load in _css_loads(value, declarations=True):
                    problems.append(
                        f"{path}:{_where(svg, [load, name], after)}: the drawing's style loads a file ({load}): {fix}"
                    )
            elif "url(" in value.lower() and not re.fullmatch(r"\s*url\(\s*['\"]?#[^)]*\)\s*", value):
                problems.append(
                    f'{path}:{_where(svg, [value, name], after)}: the attribute {name}="{value}" loads a file: {fix}'
                )
    return problems
