"""The theme's stylesheets, cut down by overrides/hooks/lean_css.py to the rules this site's pages
can use, style every page exactly as Material's full stylesheets do.

The proof is in Chromium: each page is loaded with the lean stylesheets, a disabled copy of each
full stylesheet (Material's, as installed, and the site's own sources) goes in just after it, and
one evaluation in the page reads every element's computed style with the lean ones, then with the
full ones, and returns the differences. The DOM does not change in between, so whatever differs
is the stylesheets' doing.
"""

from __future__ import annotations

import gzip
import hashlib
import re
from pathlib import Path

import material
import pytest

from site_hooks.lean_css import (
    STYLESHEETS,
    THEME_STYLESHEET,
    lean_css,
    site_usage,
    without_unread_custom_properties,
)
from site_tools.browser import SCHEMES, WIDTHS, open_search, page_urls
from site_tools.site_files import DOCS, load_config

MATERIAL_STYLESHEETS = Path(material.__file__).parent / "templates" / "assets" / "stylesheets"
# Each page is compared in these states, in this order: width, colour scheme, media. Each scheme
# at one width is enough, since the palette's rules sit under `@media screen` alone, so the width
# changes nothing they do, and computed styles are compared on every element, shown or hidden at
# that width: so the light scheme on a phone and the dark one on a desktop between them use every
# rule of both; and printed, as patients print pages to take to their appointment.
PAGE_STATES = [
    (WIDTHS["phone"], "light", "screen"),
    (WIDTHS["desktop"], "dark", "screen"),
    (WIDTHS["desktop"], "light", "print"),
]
# The page where a glossary term's tooltip and search results are compared, and the word searched.
TOOLTIP_PAGE = "side-effects/"
SEARCH_WORD = "neck"
# Added to a stylesheet's URL, this fetches its full version (see add_full_stylesheets).
FULL = "?full"
SHOWN_DIFFERENCES = 20

ADD_FULL_STYLESHEETS = """full => Promise.all([...document.querySelectorAll("link[rel=stylesheet]")].map(lean =>
    new Promise((resolve, reject) => {
        const copy = lean.cloneNode();
        copy.href = lean.href + full;
        copy.onload = () => { copy.sheet.disabled = true; resolve(); };
        copy.onerror = () => reject(new Error(`${copy.href} did not load`));
        lean.dataset.lean = "";
        copy.dataset.full = "";
        lean.after(copy);
    })))"""

# Only the properties that a rule of the stylesheets, lean or full, declares are read (a third of
# Chromium's 480): any other takes its initial or inherited value, or one worked out from those
# that are read (an "auto" width), which are then the same. Custom properties are left out too:
# they count through the properties that use them, and reading their icons on every element is slow.
STYLE_DIFFERENCES = """() => {
    const declared = new Set();
    const collect = rules => {
        for (const rule of rules) {
            for (const name of rule.style || []) declared.add(name);
            if (rule.cssRules) collect(rule.cssRules);
        }
    };
    for (const sheet of document.styleSheets) collect(sheet.cssRules);
    const names = [...declared].filter(name => !name.startsWith("--"));
    const content = names.indexOf("content");
    const elements = [document.documentElement, document.body, ...document.body.querySelectorAll("*")];
    const pseudos = [null, "::before", "::after"];
    const sheets = selector => [...document.querySelectorAll(selector)].map(link => link.sheet);
    const useFull = full => {
        sheets("[data-lean]").forEach(sheet => sheet.disabled = full);
        sheets("[data-full]").forEach(sheet => sheet.disabled = !full);
    };
    // An absent ::before or ::after is only its content, "none", which spares most elements.
    const snapshot = () => elements.map(element => pseudos.map(pseudo => {
        const style = getComputedStyle(element, pseudo);
        return pseudo && style.content === "none" ? ["none"] : names.map(name => style.getPropertyValue(name));
    }));
    // Chromium reports some values from the last layout (an "auto" margin as its width in px), and
    // a layout after the page changed can differ there from one after a switch of stylesheets: so
    // both snapshots follow a switch and the layout it forces.
    useFull(true);
    document.body.getBoundingClientRect();
    useFull(false);
    const lean = snapshot();
    useFull(true);
    const full = snapshot();
    useFull(false);
    // A short CSS path: from the nearest ancestor with an id, or from the body, whose name it leaves out.
    const path = element => {
        if (element === document.documentElement || element === document.body) return element.localName;
        const steps = [];
        for (let node = element; node !== document.body; node = node.parentElement) {
            steps.unshift(node.id ? `${node.localName}#${node.id}`
                : node.localName + [...node.classList].slice(0, 2).map(name => "." + name).join(""));
            if (node.id) break;
        }
        return steps.join(" > ");
    };
    const differences = [];
    elements.forEach((element, index) => pseudos.forEach((pseudo, which) => {
        const [before, after] = [lean[index][which], full[index][which]];
        const where = path(element) + (pseudo || "");
        if (before.length !== after.length) {
            differences.push({where, property: "content",
                lean: before.length === 1 ? "none" : before[content], full: after.length === 1 ? "none" : after[content]});
            return;
        }
        before.forEach((value, property) => value !== after[property]
            && differences.push({where, property: names[property], lean: value, full: after[property]}));
    }));
    return differences;
}"""


def full_stylesheets() -> dict[str, Path]:
    """What each stylesheet of the built site was before the build cut it down, by the first part
    of its name ("main"): Material's, as installed, and the site's own, from docs/: those of
    `extra_css` and those a page template adds (the patient tools')."""
    full = {path.name.split(".")[0]: path for path in MATERIAL_STYLESHEETS.glob("*.min.css")}
    full.update({Path(name).name.split(".")[0]: DOCS / name for name in load_config()["extra_css"]})
    full.update({path.name.split(".")[0]: path for path in (DOCS / "assets" / "stylesheets").glob("*.css")})
    return full


def add_full_stylesheets(page) -> None:
    """After each stylesheet of the loaded page, its full version, loaded and disabled."""
    full = full_stylesheets()

    def serve_full(route):
        name = route.request.url.rsplit("/", 1)[1]
        route.fulfill(path=full[name.split(".")[0]], content_type="text/css")

    page.route(lambda url: url.endswith(FULL), serve_full)
    page.evaluate(ADD_FULL_STYLESHEETS, FULL)


def style_differences(page) -> list[str]:
    """Each computed style, of an element or its ::before or ::after, that differs between the
    page's stylesheets and the full ones that add_full_stylesheets put in."""
    return [
        f"{difference['where']}: {difference['property']} is {difference['lean']!r} with the lean "
        f"stylesheets, {difference['full']!r} with the full ones"
        for difference in page.evaluate(STYLE_DIFFERENCES)
    ]


def show_scheme(page, scheme: str) -> None:
    """Switch the system colour scheme and wait until Material follows it."""
    page.emulate_media(color_scheme=scheme)
    page.locator(f"body[data-md-color-scheme={SCHEMES[scheme]}]").wait_for(state="attached")


def report(where: str, differences: list[str]) -> str:
    """The failure message: how many computed styles differ, and the first few."""
    return (
        f"{where}: {len(differences)} computed styles differ from those of the full stylesheets "
        "(did overrides/hooks/lean_css.py drop a rule in use?):\n" + "\n".join(differences[:SHOWN_DIFFERENCES])
    )


def linked_theme_stylesheets(page_file: Path) -> list[str]:
    """The names of Material's stylesheets that a built page links: "main.76a1667a.min.css"."""
    return THEME_STYLESHEET.findall(page_file.read_text(encoding="utf-8"))


def built_file(site_dir: Path, url: str) -> Path:
    """The HTML file of a URL path from page_urls()."""
    return site_dir / url if url.endswith(".html") else site_dir / url / "index.html"


def test_the_theme_stylesheets_keep_no_rule_for_what_the_site_does_not_use(site_dir):
    stylesheets = site_dir / STYLESHEETS
    [main] = stylesheets.glob("main.*.min.css")
    [palette] = stylesheets.glob("palette.*.min.css")
    main_css, palette_css = main.read_text(encoding="utf-8"), palette.read_text(encoding="utf-8")
    assert ".tabbed-set" not in main_css and ".md-tabs" not in main_css and ".md-banner" not in main_css
    assert "[data-md-color-primary=red]" not in palette_css and "[data-md-color-accent=pink]" not in palette_css
    assert "[data-md-color-primary=blue]" in palette_css and "[data-md-color-accent=light-blue]" in palette_css
    for lean, full in ((main, "main.*.min.css"), (palette, "palette.*.min.css")):
        [original] = MATERIAL_STYLESHEETS.glob(full)
        assert len(gzip.compress(lean.read_bytes())) < 0.8 * len(gzip.compress(original.read_bytes())), lean.name


def test_materials_full_stylesheets_and_their_source_maps_are_gone(site_dir):
    shipped = {path.name for path in MATERIAL_STYLESHEETS.iterdir()}
    left = sorted(path.name for path in (site_dir / STYLESHEETS).iterdir() if path.name in shipped)
    assert not left, f"Material's original stylesheets are still in the built site: {left}"
    assert not list((site_dir / STYLESHEETS).glob("*.map"))


@pytest.mark.parametrize("url", page_urls())
def test_every_page_links_the_lean_stylesheets_by_the_hash_of_their_content(site_dir, url):
    linked = linked_theme_stylesheets(built_file(site_dir, url))
    assert sorted(name.split(".")[0] for name in linked) == ["main", "palette"], linked
    for name in linked:
        digest = hashlib.sha256((site_dir / STYLESHEETS / name).read_bytes()).hexdigest()[:8]
        assert name.split(".")[1] == digest, (
            f"{url} links {name}, but its content's hash is {digest}: a browser could keep using an old file"
        )


def test_a_rule_stays_only_if_a_page_or_script_can_use_it():
    usage = site_usage(
        ['<div class="used" dir="ltr"><p data-md-color-primary="blue">Text</p></div>'],
        ['tip.classList.add("md-tip--" + side); nav.className = "md-drawer"'],
    )
    css = (
        ".used{color:red}.unused{color:blue}.md-tip--top{top:0}.md-drawer{left:0}"
        "p:not(.unused){margin:0}.used .unused,.used>p{padding:0}"
        "[data-md-color-primary=blue]{--c:blue}[data-md-color-primary=red]{--c:red}"
        "[dir=ltr] .used{left:0}[dir=rtl] .used{right:0}"
        "@media screen{.used{width:1px}.unused{width:2px}}@media print{.unused{display:none}}"
        "@keyframes fade{0%{opacity:0}}"
    )
    assert lean_css(css, usage) == (
        ".used{color:red}.md-tip--top{top:0}.md-drawer{left:0}"
        "p:not(.unused){margin:0}.used>p{padding:0}"
        "[data-md-color-primary=blue]{--c:blue}"
        "[dir=ltr] .used{left:0}"
        "@media screen{.used{width:1px}}"
        "@keyframes fade{0%{opacity:0}}"
    )


def test_a_custom_property_stays_only_if_a_stylesheet_reads_it_or_a_page_or_script_names_it():
    stylesheets = {
        "main": ":root{--icon-bug:url(bug.svg);--icon-note:url(note.svg);--hue:225;--shade:var(--hue)}"
        ".note:before{mask-image:var(--icon-note)}",
        "palette": "[data-md-color-scheme=slate]{--hue:230;--unread:1;--tooltip-x:0}",
    }
    assert without_unread_custom_properties(stylesheets, also_read=".a{color:var(--shade)}", named={"--tooltip-x"}) == {
        "main": ":root{--icon-note:url(note.svg);--hue:225;--shade:var(--hue)}.note:before{mask-image:var(--icon-note)}",
        "palette": "[data-md-color-scheme=slate]{--hue:230;--tooltip-x:0}",
    }
    # --shade read by nothing: then --hue, read only by --shade, goes too.
    assert without_unread_custom_properties(
        {"main": ":root{--hue:225;--shade:var(--hue)}.a{color:red}"}, "", set()
    ) == {"main": ".a{color:red}"}


@pytest.mark.parametrize("url", page_urls())
def test_lean_stylesheets_style_every_element_as_the_full_ones(site_page, url):
    page = site_page(url, reduced_motion="reduce")
    add_full_stylesheets(page)
    differences = []
    for width, scheme, media in PAGE_STATES:
        page.set_viewport_size({"width": width, "height": 800})
        page.emulate_media(media=media)
        show_scheme(page, scheme)
        differences += [f"at {width} px, {scheme}, {media}: {difference}" for difference in style_differences(page)]
    assert not differences, report(url, differences)


@pytest.mark.parametrize("scheme", SCHEMES)
def test_lean_stylesheets_style_search_results_and_tooltips_as_the_full_ones(site_page, scheme):
    page = site_page(TOOLTIP_PAGE, reduced_motion="reduce", color_scheme=scheme)
    show_scheme(page, scheme)
    add_full_stylesheets(page)
    differences = []
    for width in WIDTHS.values():
        page.set_viewport_size({"width": width, "height": 800})
        page.locator("article abbr").first.hover()
        page.locator(".md-tooltip2--active").wait_for()
        differences += [f"at {width} px, tooltip shown: {difference}" for difference in style_differences(page)]
        open_search(page, width)
        page.keyboard.press("ControlOrMeta+A")  # the query typed at the last width is still there
        page.keyboard.type(SEARCH_WORD)
        page.locator(".md-search-result__item").first.wait_for()
        differences += [f"at {width} px, search results shown: {difference}" for difference in style_differences(page)]
        page.keyboard.press("Escape")
    assert not differences, report(f"{TOOLTIP_PAGE} ({scheme})", differences)


def test_the_style_comparison_names_the_element_and_property_a_missing_rule_changes(
    scratch_page, site_server, site_dir, tmp_path
):
    [lean] = (site_dir / STYLESHEETS).glob("main.*.min.css")
    css = lean.read_text(encoding="utf-8")
    header_rule = re.search(r"\.md-header\{[^}]*position:sticky[^}]*\}", css).group()
    broken = tmp_path / lean.name
    broken.write_text(css.replace(header_rule, "", 1), encoding="utf-8")
    page = scratch_page(reduced_motion="reduce")
    page.route(f"**/{lean.name}", lambda route: route.fulfill(path=broken, content_type="text/css"))
    page.goto(site_server.url + TOOLTIP_PAGE)
    add_full_stylesheets(page)
    differences = style_differences(page)
    expected = "header.md-header.md-header--shadow: position is 'static' with the lean stylesheets, 'sticky' with the full ones"
    assert expected in differences, differences[:SHOWN_DIFFERENCES]
