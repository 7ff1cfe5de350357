"""Write `_headers` into the built site: the security and cache headers a static host should send.

Netlify and Cloudflare Pages read `_headers` (a path pattern, then indented `Name: value` lines);
GitHub Pages ignores it. The Content-Security-Policy lets the browser run only the site's own
files and the theme's few inline scripts, named by their SHA-256 hashes, so an injected script or
a request to another site is refused. The hashes are computed here, as each page is written,
because Material's inline scripts change with the theme version and with each page's depth
(`"../"`); they are taken from what the templates write around a page's content, never from the
content, so that a script that ever slips into a page (refuse_active_content.py stops them) is
blocked by the browser too.

Only scripts that run need a hash: `<script type="application/json">` (Material's `__config`) is
data, which CSP does not govern. Material and pymdown-extensions write no `<style>` element and
no `style` attribute today; Material's JavaScript sets styles through `element.style`, which CSP
allows. A table column aligned with `:---:` gets `style="text-align: center;"`, though, so any
style attribute found is allowed by its hash with 'unsafe-hashes' (that attribute and no other);
when there is none, as now, `style-src` is just 'self'. `img-src` allows `data:` because
Material's stylesheet draws its icons from `data:image/svg+xml` addresses.
"""

from __future__ import annotations

import base64
import hashlib
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

# The types that make a <script> run; any other type, such as application/json, is data.
SCRIPT_TYPES = {"", "text/javascript", "application/javascript", "module"}
PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in (
        "accelerometer",
        "browsing-topics",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "interest-cohort",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "usb",
    )
)
# Material's own files carry a hash in their names, but docs/assets/ holds the site's stylesheet
# and images under fixed names: a day's cache, so that an edit reaches every reader within a day.
ASSETS_CACHE = "public, max-age=86400"


def csp_hash(text: str) -> str:
    """The CSP source expression that allows exactly `text`, such as 'sha256-…'."""
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


class InlineCode(HTMLParser):
    """The inline scripts, <style> elements and style attributes of one HTML page."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.scripts, self.styles, self.style_attributes = set(), set(), set()
        self.script_counts = Counter()  # how many times each script occurs
        self._open = None  # the set that the text of the element being read belongs to
        self._text = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if attributes.get("style") is not None:
            self.style_attributes.add(attributes["style"])
        if tag == "script" and "src" not in attributes and (attributes.get("type") or "").lower() in SCRIPT_TYPES:
            self._open, self._text = self.scripts, []
        elif tag == "style":
            self._open, self._text = self.styles, []

    def handle_data(self, data):
        if self._open is not None:
            self._text.append(data)

    def handle_endtag(self, tag):
        if self._open is not None and tag in ("script", "style"):
            text = "".join(self._text)
            self._open.add(text)
            if self._open is self.scripts:
                self.script_counts[text] += 1
            self._open = None


def read_inline_code(html: str) -> InlineCode:
    found = InlineCode()
    found.feed(html)
    found.close()
    return found


def inline_scripts(html: str) -> Counter:
    """Each inline script of `html` that runs, with the number of times it occurs."""
    return read_inline_code(html).script_counts


def theme_scripts(output: str, content: str) -> set[str]:
    """The inline scripts the templates wrote into a page's `output`: those beyond its `content`'s."""
    return set(inline_scripts(output) - inline_scripts(content))


def content_security_policy(code: InlineCode) -> str:
    scripts = " ".join(["'self'", *sorted(csp_hash(script) for script in code.scripts)])
    styles = ["'self'", *sorted(csp_hash(style) for style in code.styles)]
    if code.style_attributes:
        styles += ["'unsafe-hashes'", *sorted(csp_hash(style) for style in code.style_attributes)]
    return "; ".join(
        [
            "default-src 'self'",
            f"script-src {scripts}",
            f"style-src {' '.join(styles)}",
            "img-src 'self' data:",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors 'none'",
        ]
    )


def headers_file(code: InlineCode) -> str:
    rules = {
        "/*": {
            "Content-Security-Policy": content_security_policy(code),
            "X-Content-Type-Options": "nosniff",
            "Referrer-Policy": "no-referrer",
            "Permissions-Policy": PERMISSIONS_POLICY,
            "Cross-Origin-Opener-Policy": "same-origin",
            "X-Frame-Options": "DENY",
        },
        "/assets/*": {"Cache-Control": ASSETS_CACHE},
    }
    return "".join(
        path + "\n" + "".join(f"  {name}: {value}\n" for name, value in headers.items())
        for path, headers in rules.items()
    )


_theme_scripts: set[str] = set()
_pages: set[Path] = set()  # the files that pages, with their content, are written to


def on_pre_build(config: MkDocsConfig) -> None:
    _theme_scripts.clear()  # `mkdocs serve` builds again in the same process
    _pages.clear()


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    _theme_scripts.update(theme_scripts(output, page.content or ""))
    _pages.add(Path(page.file.abs_dest_path))
    return output


def on_post_build(config: MkDocsConfig) -> None:
    site_dir = Path(config.site_dir)
    code = InlineCode()
    code.scripts = set(_theme_scripts)
    for path in sorted(site_dir.rglob("*.html")):
        found = read_inline_code(path.read_text(encoding="utf-8"))
        # The styles are those of the built pages: see the opening comment.
        code.styles |= found.styles
        code.style_attributes |= found.style_attributes
        # A file that holds no page's content (404.html, a template, and the redirects plugin's
        # pages, whose script keeps the #section of an old address) has only the theme's scripts.
        if path not in _pages:
            code.scripts |= found.scripts
    (site_dir / "_headers").write_text(headers_file(code), encoding="utf-8")
