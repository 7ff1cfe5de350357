"""Put a small "Copy link" icon button after each section heading, in the page itself.

Clinic staff paste links to sections into emails and letters; the button copies the section's
permanent address (share-and-print.js does the copying). Patients come to read, so the button is
a quiet link icon that shows on hover and keyboard focus (site.css), named for screen readers by
its label; staff who need every address at once have the staff link library. The buttons are in the HTML from the
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
# Material's "link-variant" icon; the empty label shows "Copied" once the script has copied.
LINK_ICON = (
    '<svg aria-hidden="true" focusable="false" viewBox="0 0 24 24"><path d="M10.59 13.41c.41.39.41 1.03 0 '
    "1.42-.39.39-1.03.39-1.42 0a5.003 5.003 0 0 1 0-7.07l3.54-3.54a5.003 5.003 0 0 1 7.07 0 5.003 5.003 0 0 1 0 "
    "7.07l-1.49 1.49c.01-.82-.12-1.64-.4-2.42l.47-.48a2.98 2.98 0 0 0 0-4.24 2.98 2.98 0 0 0-4.24 0l-3.53 3.53a2.98 "
    "2.98 0 0 0 0 4.24m2.82-4.24c.39-.39 1.03-.39 1.42 0a5.003 5.003 0 0 1 0 7.07l-3.54 3.54a5.003 5.003 0 0 1-7.07 "
    "0 5.003 5.003 0 0 1 0-7.07l1.49-1.49c-.01.82.12 1.64.4 2.43l-.47.47a2.98 2.98 0 0 0 0 4.24 2.98 2.98 0 0 0 "
    '4.24 0l3.53-3.53a2.98 2.98 0 0 0 0-4.24.973.973 0 0 1 0-1.42"/></svg>'
)


def copy_button(heading: re.Match, page_url: str) -> str:
    name = html.unescape(TAG.sub("", PERMALINK.sub("", heading["inner"]))).strip()
    return (
        f'{heading[0]}<button type="button" class="copy-link" '
        f'data-copy-text="{html.escape(page_url)}#{heading["id"]}" '
        f'aria-label="Copy link to the section: {html.escape(name)}">'
        f'{LINK_ICON}<span class="copy-link__label" data-copy-label></span></button>'
    )


# On page context, after the whole guide has gathered the pages' content in on_env.
def on_page_context(context: TemplateContext, page: Page, config: MkDocsConfig, nav: Navigation) -> TemplateContext:
    if not page.file.generated_by:
        page.content = SECTION_HEADING.sub(lambda heading: copy_button(heading, page.canonical_url), page.content)
    return context
