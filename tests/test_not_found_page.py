"""The 404 page helps a lost reader from any address: search, every topic, and the clinic's
contact details, with links that work however deep the missing address was."""

from selectolax.lexbor import LexborHTMLParser

from site_tools.site_files import load_config, nav_pages

CONFIG = load_config()

NAV = nav_pages()


def links_that_depend_on_depth(html: str) -> list[str]:
    """Links, scripts and styles that would break on /a/b/c/missing: those not root-relative."""
    tree = LexborHTMLParser(html)
    broken = []
    for node in tree.css("[href], [src]"):
        value = node.attributes.get("href") or node.attributes.get("src")
        if not value.startswith(("/", "#", "http://", "https://", "mailto:", "tel:")):
            broken.append(value)
    return broken


def test_every_link_on_the_404_page_works_from_any_depth(site_dir):
    broken = links_that_depend_on_depth((site_dir / "404.html").read_text(encoding="utf-8"))
    assert not broken, f"404.html has relative links, which break below the top folder: {broken}"


def test_a_relative_link_on_the_404_page_is_reported():
    assert links_that_depend_on_depth('<a href="../side-effects/">x</a><a href="/sources/">y</a>') == [
        "../side-effects/"
    ]


def test_the_404_page_lists_every_topic_and_the_clinics_contact_details(site_dir):
    tree = LexborHTMLParser((site_dir / "404.html").read_text(encoding="utf-8"))
    article = tree.css_first("article")
    topics = [a.attributes["href"] for a in article.css("ul a")]
    expected = ["/." if page == "index.md" else "/" + page.removesuffix(".md") + "/" for page in NAV]
    assert topics == expected
    for link in topics:
        path = site_dir / link.strip("/.") / "index.html"
        assert path.is_file(), f"the 404 page links to {link}, which does not exist"
    text = article.text()
    for field in ("name", "phone", "email", "address", "hours"):
        assert CONFIG["extra"]["clinic"][field] in text, f"the 404 page lacks the clinic's {field}"
    assert tree.css_first("form.md-search__form"), "the 404 page lacks the search box"
