"""Take `autocomplete="off"` off the two checkboxes Material writes at the top of every page.

HTML allows autocomplete only on fields that take text (the W3C checker refuses it on a
checkbox), and Material writes these two toggles, for the menu and for search, outside every
template block, so no template override can reach them. Material added the attribute so that
Firefox would not restore a menu left open when a reader reloads the page; without it, a reload
may show the menu open, which the reader closes as usual.
"""

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

THEME_TOGGLES = [
    ('id="__drawer" autocomplete="off">', 'id="__drawer">'),
    ('id="__search" autocomplete="off">', 'id="__search">'),
]


def without_autocomplete(html: str) -> str:
    for theme, valid in THEME_TOGGLES:
        html = html.replace(theme, valid, 1)
    return html


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    return without_autocomplete(output)


def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    """404.html, which is a template, not a page."""
    return without_autocomplete(output_content) if template_name.endswith(".html") else output_content
