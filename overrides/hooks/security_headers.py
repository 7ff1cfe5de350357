"""Write `_headers` into the built site: the security and cache headers a static host should send.

Netlify and Cloudflare Pages read `_headers` (a path pattern, then indented `Name: value` lines);
GitHub Pages ignores it. The Content-Security-Policy lets the browser run only the site's own
files and the theme's few inline scripts, named by their SHA-256 hashes, so an injected script or
a request to another site is refused. The hashes are computed here, from the built pages, because
Material's inline scripts change with the theme version and with each page's depth (`"../"`).

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
from html.parser import HTMLParser
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

# The types that make a <script> run; any other type, such as application/json, is data.
SCRIPT_TYPES = {"", "text/javascript", "application/javascript", "module"}
PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in (
        "accelerometer", "browsing-topics", "camera", "display-capture", "geolocation", "gyroscope", "interest-cohort",
        "magnetometer", "microphone", "midi", "payment", "usb",
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
            self._open.add("".join(self._text))
            self._open = None


def inline_code(site_dir: Path) -> InlineCode:
    """Every distinct inline script, <style> and style attribute of every page in `site_dir`."""
    found = InlineCode()
    for page in sorted(site_dir.rglob("*.html")):
        found.feed(page.read_text(encoding="utf-8"))
        found.close()
        found.reset()
    return found


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


def on_post_build(config: MkDocsConfig) -> None:
    site_dir = Path(config.site_dir)
    (site_dir / "_headers").write_text(headers_file(inline_code(site_dir)), encoding="utf-8")
