"""Every page previews well when its link is shared: title, description, canonical URL, Open Graph
and Twitter card tags, and the preview image they point to."""

import pytest
import yaml
from PIL import Image
from selectolax.lexbor import LexborHTMLParser

from site_hooks import staff_links, whole_guide
from site_tools.site_files import built_page, load_config, markdown_pages, page_meta, page_url

CONFIG = load_config()
SITE_URL = CONFIG["site_url"]
CLINIC = CONFIG["extra"]["clinic"]["name"]
PREVIEW_IMAGE = "assets/images/preview.png"
# Pages made by hooks, not in docs/, need link previews too: their front matter is in the hook.
GENERATED_PAGE_META = {
    staff_links.STAFF_PAGE: yaml.safe_load(staff_links.STAFF_PAGE_SOURCE.strip("-\n")),
    whole_guide.GUIDE_PAGE: yaml.safe_load(whole_guide.GUIDE_PAGE_SOURCE.strip("-\n")),
}


def canonical_url(page: str) -> str:
    return SITE_URL + page_url(page)


def preview_problems(html: str, title: str, description: str, url: str) -> list[str]:
    """One message per link-preview tag that is missing or wrong."""
    tree = LexborHTMLParser(html)

    def content(selector):
        node = tree.css_first(selector)
        return node.attributes.get("content") if node else None

    expected = {
        "title": f"{title} – {CLINIC}",
        'link[rel="canonical"]': url,
        'meta[property="og:title"]': title,
        'meta[property="og:url"]': url,
        'meta[property="og:type"]': "website",
        'meta[property="og:image"]': SITE_URL + PREVIEW_IMAGE,
        'meta[property="og:image:width"]': "1200",
        'meta[property="og:image:height"]': "630",
        'meta[name="twitter:card"]': "summary_large_image",
        'meta[name="twitter:title"]': title,
        'meta[name="twitter:image"]': SITE_URL + PREVIEW_IMAGE,
    }
    for selector in ('meta[name="description"]', 'meta[property="og:description"]', 'meta[name="twitter:description"]'):
        expected[selector] = description
    problems = []
    for selector, value in expected.items():
        node = tree.css_first(selector)
        if selector == "title":
            found = node.text() if node else None
        elif selector.startswith("link"):
            found = node.attributes.get("href") if node else None
        else:
            found = content(selector)
        if found != value:
            problems.append(f"{selector} is {found!r}, should be {value!r}")
    if not content('meta[property="og:image:alt"]'):
        problems.append('meta[property="og:image:alt"] is missing: describe the preview image')
    return problems


@pytest.mark.parametrize("page", markdown_pages())
def test_every_page_has_its_title_description_canonical_url_and_preview_tags(site_dir, page):
    meta = page_meta(page)
    html = built_page(site_dir, page).read_text(encoding="utf-8")
    problems = preview_problems(html, meta["title"], meta["description"], canonical_url(page))
    assert not problems, f"docs/{page}: fix overrides/main.html or the front matter:\n  " + "\n  ".join(problems)


@pytest.mark.parametrize("page", sorted(GENERATED_PAGE_META))
def test_every_generated_page_has_its_title_canonical_url_and_preview_tags(site_dir, page):
    meta = GENERATED_PAGE_META[page]
    html = built_page(site_dir, page).read_text(encoding="utf-8")
    problems = preview_problems(html, meta["title"], meta["description"], canonical_url(page))
    assert not problems, f"{page} (made by a hook):\n  " + "\n  ".join(problems)


def test_a_page_without_preview_tags_is_reported_with_the_tag_to_fix():
    html = "<html><head><title>Side effects – Example Headache Clinic</title></head></html>"
    problems = preview_problems(html, "Side effects", "What to expect.", SITE_URL + "side-effects/")
    assert "meta[property=\"og:url\"] is None, should be 'https://botox-migraine.example.org/side-effects/'" in problems
    assert any("og:image:alt" in problem for problem in problems)
    assert not any(problem.startswith("title") for problem in problems)


def test_every_page_title_is_unique(site_dir):
    titles = {}
    for path in sorted(site_dir.rglob("index.html")):
        node = LexborHTMLParser(path.read_text(encoding="utf-8")).css_first("title")
        titles.setdefault(node.text(), []).append(str(path.relative_to(site_dir)))
    duplicates = {title: paths for title, paths in titles.items() if len(paths) > 1}
    assert not duplicates, f"pages share a <title>; give each a different front-matter title: {duplicates}"


def test_the_preview_image_is_a_1200_by_630_png(site_dir):
    with Image.open(site_dir / PREVIEW_IMAGE) as image:
        assert (image.format, image.size) == ("PNG", (1200, 630)), (
            f"{PREVIEW_IMAGE} is a {image.format} of {image.size}: run site_tools/make_preview_image.py"
        )
