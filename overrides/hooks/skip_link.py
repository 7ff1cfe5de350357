"""Make Material's "Skip to content" link land on the page's title, not on its second section.

Material points the skip link at the first entry of the table of contents. Our h1 comes from the
front matter (overrides/partials/content.html), not from the Markdown, so that first entry is the
first `##` heading, and a keyboard or screen reader user who skips the menu also skips the
page's opening summary. Putting the title at the top of the table of contents fixes the link;
Material's contents sidebar already leaves out a level-1 entry and lists its children.
"""

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink
from mkdocs.utils.templates import TemplateContext

# The id of the h1 that overrides/partials/content.html writes.
TITLE_ID = "page-title"


# On page context, just before the page is written, because the staff links and the whole guide
# set their table of contents late, in on_env.
def on_page_context(context: TemplateContext, page: Page, config: MkDocsConfig, nav: Navigation) -> TemplateContext:
    items = page.toc.items
    if items and items[0].level == 1:
        return context  # the Markdown has its own h1, which the toc already starts with
    title = AnchorLink(page.meta.get("title") or page.title, TITLE_ID, level=1)
    title.children = list(items)
    items[:] = [title]
    return context
