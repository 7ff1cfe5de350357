"""The QR code printed on every page decodes to that page's canonical URL."""

import pytest
import zxingcpp
from PIL import Image
from selectolax.lexbor import LexborHTMLParser

from site_hooks.qr_codes import qr_code_image
from site_tools.page_parts import GENERATED_PAGES
from site_tools.site_files import built_page, load_config, markdown_pages

SITE_URL = load_config()["site_url"]
PAGES = markdown_pages() + GENERATED_PAGES
ALT_TEXT = "QR code: link to this page"


def qr_code_problems(html_file) -> list[str]:
    """Decode the QR image the page at `html_file` publishes; compare it with the canonical URL."""
    tree = LexborHTMLParser(html_file.read_text(encoding="utf-8"))
    canonical = tree.css_first('link[rel="canonical"]').attributes["href"]
    image = tree.css_first("img.page-end__qr")
    if image is None:
        return [f"{html_file}: no QR code: check overrides/hooks/qr_codes.py and partials/page-end.html"]
    problems = []
    if image.attributes.get("alt") != ALT_TEXT:
        problems.append(f"{html_file}: the QR code's alt text should be {ALT_TEXT!r}")
    with Image.open(html_file.parent / image.attributes["src"]) as picture:
        decoded = [result.text for result in zxingcpp.read_barcodes(picture)]
    if decoded != [canonical]:
        problems.append(f"{html_file}: the QR code reads {decoded}, should be [{canonical!r}]")
    return problems


@pytest.mark.parametrize("page", PAGES)
def test_every_pages_qr_code_decodes_to_its_canonical_url(site_dir, page):
    problems = qr_code_problems(built_page(site_dir, page))
    assert not problems, "\n".join(problems)


def test_a_qr_code_of_the_wrong_address_is_reported(tmp_path):
    (tmp_path / "assets").mkdir()
    qr_code_image(SITE_URL + "old-address/").save(tmp_path / "assets" / "page.png")
    page = tmp_path / "page" / "index.html"
    page.parent.mkdir()
    page.write_text(
        f'<link rel="canonical" href="{SITE_URL}side-effects/">'
        '<img class="page-end__qr" src="../assets/page.png" alt="QR code">'
    )
    assert qr_code_problems(page) == [
        f"{page}: the QR code's alt text should be {ALT_TEXT!r}",
        f"{page}: the QR code reads ['{SITE_URL}old-address/'], should be ['{SITE_URL}side-effects/']",
    ]
