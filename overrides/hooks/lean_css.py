"""Cut Material's stylesheets down to the rules a page of this site can use.

Every page downloads Material's main and palette stylesheets, which style every feature the theme
has (content tabs, code, keys, annotations, versions, tags…) and all twenty primary and accent
colours; this site uses few of them, and each page should weigh at most 70 KB. After the build
a selector is dropped when it names a class that no built page carries and no JavaScript file of
the site mentions (Material's script makes the search results, tooltips and table wrappers, and
builds some classes by concatenation, such as "md-tooltip2--" + position), or a palette value
or text direction, such as [data-md-color-primary=red] or [dir=rtl], that no page sets. Then a
custom property goes when no stylesheet reads it with var() and no page or script names it: the
icons of the admonition types and features the site does not use are most of Material's bytes. What this cannot judge is
kept: @font-face, @keyframes, element and other attribute selectors, and whatever is inside
:not(), :is(), :where() or :has(). Scripts that run in a worker (search) cannot touch the page,
so their words do not count.

`_headers` lets browsers cache /assets/ for a day, so a changed file needs a new name: each lean
file is named by its content's hash, every page's link is rewritten, and the original goes with
its source map. The site's own stylesheets (extra_css) are left whole (minify.py minifies them).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import tinycss2
from mkdocs.config.defaults import MkDocsConfig
from selectolax.lexbor import LexborHTMLParser

STYLESHEETS = "assets/stylesheets"
# Material's two stylesheets, named by their content's hash; the site's own are named otherwise.
THEME_STYLESHEET = re.compile(r"(?:main|palette)\.[0-9a-f]{8}\.min\.css")
WORD = re.compile(r"[\w-]+")
CUSTOM_PROPERTY_READ = re.compile(r"var\(\s*(--[\w-]+)")
# Material's search worker and the Lunr language packs it may load.
WORKER_SCRIPTS = ("assets/javascripts/workers/", "assets/javascripts/lunr/")
# At-rules whose content is rules, each judged on its own; any other at-rule is kept whole.
GROUPING_RULES = {"media", "supports", "container", "layer"}


def page_sets(attribute: str) -> bool:
    """Whether only the pages set this attribute's values: Material's script copies the palette's
    data-md-color-* values from the page's own inputs, and never sets dir."""
    return attribute == "dir" or attribute.startswith("data-md-color-")


@dataclass
class Usage:
    """What an element of the built site can carry: classes, and values of attributes `page_sets`."""

    classes: set[str]
    class_prefixes: tuple[str, ...]  # the start of a class a script completes: "md-tooltip2--"
    attribute_values: set[tuple[str, str]]  # ("data-md-color-primary", "blue"), ("dir", "ltr")
    custom_properties: set[str]  # named by a page or a script, which may set or read them

    def has_class(self, name: str) -> bool:
        return name in self.classes or name.startswith(self.class_prefixes)


def site_usage(pages: list[str], scripts: list[str]) -> Usage:
    """The usage of the HTML `pages` and of elements that the JavaScript `scripts` may make,
    counting every word of a script as a class it may set."""
    classes, attribute_values = set(), set()
    for page in pages:
        for element in LexborHTMLParser(page).css("*"):
            for name, value in element.attributes.items():
                if name == "class" and value:
                    classes.update(value.split())
                elif page_sets(name) and value is not None:
                    attribute_values.add((name, value))
    words = {word for script in scripts for word in WORD.findall(script)}
    prefixes = tuple(word for word in words if word.endswith(("-", "_")))
    named = {word for text in (*pages, *scripts) for word in WORD.findall(text) if word.startswith("--")}
    return Usage(classes | words, prefixes, attribute_values, named)


def page_set_value(block) -> tuple[str, str] | None:
    """("data-md-color-primary", "red") for the selector [data-md-color-primary=red], ("dir", "rtl")
    for [dir=rtl]."""
    parts = [token for token in block.content if token.type != "whitespace"]
    if (
        len(parts) == 3
        and parts[0].type == "ident"
        and page_sets(parts[0].lower_value)
        and parts[1] == "="
        and parts[2].type in ("ident", "string")
    ):
        return parts[0].lower_value, parts[2].value
    return None


def selector_is_used(selector: list, usage: Usage) -> bool:
    """False when the selector, outside functional pseudo-classes (whose arguments are tokens of
    their own), needs a class, a palette value or a text direction that no element can have."""
    for previous, token in zip([None, *selector], selector):
        if token.type == "ident" and previous == ".":
            if not usage.has_class(token.value):
                return False
        elif token.type == "[] block":
            value = page_set_value(token)
            if value is not None and value not in usage.attribute_values:
                return False
    return True


def compact(tokens) -> str:
    """The CSS text of `tokens` without comments, each run of whitespace made one space."""
    return "".join(
        " " if token.type == "whitespace" else token.serialize() for token in tokens if token.type != "comment"
    ).strip()


def selectors(prelude) -> list[list]:
    """The selectors of a rule's prelude, split at its top-level commas."""
    found = [[]]
    for token in prelude:
        if token == ",":
            found.append([])
        else:
            found[-1].append(token)
    return found


def kept_declarations(content, keep_property: Callable[[str], bool]) -> str:
    """The declarations of a rule's `content` whose property `keep_property` accepts."""
    declarations = tinycss2.parse_declaration_list(content, skip_comments=True, skip_whitespace=True)
    if any(declaration.type != "declaration" for declaration in declarations):
        return compact(content)  # nested rules, or something this cannot read: kept as they are
    return ";".join(
        f"{declaration.name}:{compact(declaration.value)}" + ("!important" if declaration.important else "")
        for declaration in declarations
        if keep_property(declaration.name)
    )


def kept_rules(rules, keep: Callable[[list], bool], keep_property: Callable[[str], bool] | None = None) -> str:
    """The CSS text of `rules` with only the selectors `keep` accepts, inside @media too, and if
    given, only the properties `keep_property` accepts; a rule left with no selector or no
    declaration goes, and so does an @media left empty."""
    text = []
    for rule in rules:
        if rule.type == "qualified-rule":
            kept = [compact(selector) for selector in selectors(rule.prelude) if keep(selector)]
            body = compact(rule.content) if keep_property is None else kept_declarations(rule.content, keep_property)
            if kept and body:
                text.append(",".join(kept) + "{" + body + "}")
        elif rule.type == "at-rule" and rule.lower_at_keyword in GROUPING_RULES and rule.content is not None:
            inner = kept_rules(
                tinycss2.parse_rule_list(rule.content, skip_comments=True, skip_whitespace=True), keep, keep_property
            )
            if inner:
                text.append(f"@{rule.at_keyword} {compact(rule.prelude)}{{{inner}}}")
        elif rule.type == "at-rule":
            text.append(rule.serialize())
    return "".join(text)


def lean_css(css: str, usage: Usage) -> str:
    """`css` without the selectors `usage` rules out, comments or extra whitespace."""
    rules = tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True)
    return kept_rules(rules, lambda selector: selector_is_used(selector, usage))


def without_unread_custom_properties(stylesheets: dict[str, str], also_read: str, named: set[str]) -> dict[str, str]:
    """`stylesheets` (name: CSS) without the custom properties that neither they nor the CSS
    `also_read` read with var() and no page or script names. Repeated until nothing changes,
    since a property that goes may have been the only one to read another."""
    while True:
        read = named | set(CUSTOM_PROPERTY_READ.findall(also_read + "".join(stylesheets.values())))
        leaner = {
            name: kept_rules(
                tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True),
                lambda selector: True,
                lambda property, read=read: not property.startswith("--") or property in read,
            )
            for name, css in stylesheets.items()
        }
        if leaner == stylesheets:
            return leaner
        stylesheets = leaner


def on_post_build(config: MkDocsConfig) -> None:
    site_dir = Path(config.site_dir)
    pages = {path: path.read_text(encoding="utf-8") for path in site_dir.rglob("*.html")}
    scripts = [
        path.read_text(encoding="utf-8")
        for path in site_dir.rglob("*.js")
        if not path.relative_to(site_dir).as_posix().startswith(WORKER_SCRIPTS)
    ]
    usage = site_usage(list(pages.values()), scripts)
    # The site's own stylesheets (extra_css) read Material's custom properties too.
    own_stylesheets = "".join(
        path.read_text(encoding="utf-8")
        for path in (site_dir / stylesheet for stylesheet in config.extra_css)
        if path.suffix == ".css" and path.is_file()
    )
    renamed = {}
    # A list made before the loop writes its lean files, which the pattern matches too.
    originals = [path for path in (site_dir / STYLESHEETS).iterdir() if THEME_STYLESHEET.fullmatch(path.name)]
    leans = without_unread_custom_properties(
        {original: lean_css(original.read_text(encoding="utf-8"), usage) for original in originals},
        also_read=own_stylesheets,
        named=usage.custom_properties,
    )
    for original, lean in leans.items():
        digest = hashlib.sha256(lean.encode("utf-8")).hexdigest()[:8]
        lean_file = original.with_name(f"{original.name.split('.')[0]}.{digest}.min.css")
        lean_file.write_text(lean, encoding="utf-8")
        original.unlink()
        original.with_name(original.name + ".map").unlink(missing_ok=True)
        renamed[f"{STYLESHEETS}/{original.name}"] = f"{STYLESHEETS}/{lean_file.name}"
    for path, html in pages.items():
        for old, new in renamed.items():
            html = html.replace(old, new)
        if html != pages[path]:
            path.write_text(html, encoding="utf-8")
