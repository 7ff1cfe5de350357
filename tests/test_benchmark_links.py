"""The link benchmark (site_tools/benchmark_links.py) measures what it says: the checker finds every
break it plants, and nothing else, on pages made from the site's own and on link-dense pages. Its
timings are figures for README.md, not tested here."""

import re
import shutil

import pytest

from site_tools.benchmark_links import (
    DENSE_SITE_URL,
    MIN_PAGES,
    add_topic_copies,
    breaks_found,
    measure,
    write_dense_site,
)
from site_tools.site_files import load_config, nav_pages

TOPICS = [file.removesuffix(".md") for file in nav_pages() if file != "index.md"]
PAGES = MIN_PAGES


@pytest.fixture
def site_like(site_dir, tmp_path):
    folder = tmp_path / "site-like"
    shutil.copytree(site_dir, folder)
    add_topic_copies(folder, PAGES)
    return folder


def test_the_benchmark_finds_every_break_planted_in_pages_made_from_the_site_and_no_other(site_like):
    missed, unplanted, _ = measure("site-like", site_like, load_config()["site_url"], rounds=1)
    assert (missed, unplanted) == ([], [])


def test_the_benchmark_finds_every_break_planted_in_link_dense_pages_and_no_other(tmp_path):
    write_dense_site(tmp_path / "dense", PAGES)
    missed, unplanted, _ = measure("dense", tmp_path / "dense", DENSE_SITE_URL, rounds=1)
    assert (missed, unplanted) == ([], [])


def test_a_copy_of_a_topic_page_links_to_the_copies_in_its_own_group(site_like):
    """The second group of copies holds one copy of each topic page; its links lead within it."""
    group = range(len(TOPICS), 2 * len(TOPICS))
    for number in group:
        page = (site_like / f"page-{number:04d}" / "index.html").read_text(encoding="utf-8")
        linked = {int(found) for found in re.findall(r"\.\./page-(\d{4})/", page)}
        assert linked and linked <= set(group), f"page-{number:04d} links to {sorted(linked)}"
        assert not [topic for topic in TOPICS if f"../{topic}/" in page]


def test_a_break_the_checker_misses_is_reported_as_missed(site_like):
    """The benchmark must not count a break as found when the checker does not report it."""
    planted_page = site_like / "page-0007" / "index.html"
    planted_page.write_text(
        planted_page.read_text(encoding="utf-8").replace("../no-such-page/", "../"), encoding="utf-8"
    )
    missed, _, _ = measure("site-like", site_like, load_config()["site_url"], rounds=1)
    assert missed == ["missing page"]


def test_a_message_counts_only_for_the_break_on_its_page():
    """A missing page-0012 makes the section link on page-0011 fail, but not as a missing section."""
    wrong = 'theme (page-0011/index.html): link to "../page-0012/#no-such-section": no page /page-0012/ in the site'
    missed, unplanted = breaks_found([wrong])
    assert "missing section on another page" in missed and unplanted == [wrong]
