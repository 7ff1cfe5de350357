"""Give every page a QR code of its canonical URL, printed at the end of the page.

A patient holding a printed leaflet can scan it to reach the page, always up to date. It is drawn
at build time by the `qrcode` library, offline, into assets/qr/<page>.png in the built site;
`page.meta.qr_code` tells the template (overrides/partials/page-end.html) where it is.
"""

from __future__ import annotations

import os

import qrcode
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext
from qrcode.constants import ERROR_CORRECT_M

QR_FOLDER = "assets/qr"


def qr_code_path(page) -> str:
    """`assets/qr/side-effects.png` for /side-effects/, `assets/qr/home.png` for the home page."""
    name = page.url.strip("/").replace("/", "-") or "home"
    return f"{QR_FOLDER}/{name}.png"


def qr_code_image(url: str):
    # Medium error correction survives a crease or a smudge; 8-pixel modules print sharply at 3 cm.
    code = qrcode.QRCode(error_correction=ERROR_CORRECT_M, box_size=8, border=4)
    code.add_data(url)
    code.make(fit=True)
    return code.make_image(fill_color="black", back_color="white").get_image().convert("1")


def on_page_context(context: TemplateContext, page: Page, config: MkDocsConfig, nav: Navigation) -> TemplateContext:
    if not page.canonical_url:
        return context
    path = qr_code_path(page)
    destination = os.path.join(config.site_dir, *path.split("/"))
    os.makedirs(os.path.dirname(destination), exist_ok=True)
    qr_code_image(page.canonical_url).save(destination, optimize=True)
    page.meta["qr_code"] = path
    return context
