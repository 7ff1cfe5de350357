"""Put a "Copy link" button under each section heading, in the page itself.

Clinic staff paste links to sections into emails and letters; the button copies the section's
permanent address (share-and-print.js does the copying). The buttons are in the HTML from the
start, rather than added by the script, so that nothing on the page moves when the script
arrives (Lighthouse counts such movement as layout shift; readers lose their place). The
generated pages go without: the staff link library has buttons of its own, and the whole guide
is for reading through and printing; its sections' addresses are the topic pages'.
"""

from __future__ import annotations

import html
import re

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

from site_tools.page_parts import SECTION_HEADING, TAG

PERMALINK = re.compile(r'<a class="headerlink"[^>]*>.*?</a>', re.DOTALL)


def copy_button(heading: re.Match, page_url: str) -> str:
    name = html.unescape(TAG.sub("", PERMALINK.sub("", heading["inner"]))).strip()
    return (
        f'{heading[0]}<button type="button" class="copy-link" '
        f'data-copy-text="{html.escape(page_url)}#{heading["id"]}" '
        f'aria-label="Copy link to the section: {html.escape(name)}">Copy link</button>'
    )


# On page context, after the whole guide has gathered the pages' content in on_env.
def on_page_context(context: TemplateContext, page: Page, config: MkDocsConfig, nav: Navigation) -> TemplateContext:
    if not page.file.generated_by:
        page.content = SECTION_HEADING.sub(lambda heading: copy_button(heading, page.canonical_url), page.content)
    return context
