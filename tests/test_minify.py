"""The site's own pages, scripts and stylesheets are sent minified, and mean what they meant."""

import re

import pytest

from site_hooks.minify import minified_page
from site_tools.site_files import DOCS, load_config

# Where whitespace is the content, and stays as written.
VERBATIM = re.compile(r"<(pre|textarea|script|style)\b.*?</\1>", re.DOTALL | re.IGNORECASE)
CONFIG = load_config()
OWN_FILES = CONFIG["extra_css"] + CONFIG["extra_javascript"] + ["assets/javascripts/lazy-search.js"]


def unminified(html: str) -> list[str]:
    """The comments and line breaks in `html`: a browser shows neither (a line break as a space)."""
    outside = VERBATIM.sub("", html)
    return re.findall(r"<!--.*?-->", outside, re.DOTALL) + [repr(run) for run in re.findall(r"\s*\n\s*", outside)]


def built_pages(site_dir) -> dict[str, str]:
    """Every built page's HTML by its path, but the redirect pages of mkdocs-redirects, which its
    plugin writes after the hooks have run."""
    pages = {
        path.relative_to(site_dir).as_posix(): path.read_text(encoding="utf-8")
        for path in sorted(site_dir.rglob("*.html"))
    }
    return {page: html for page, html in pages.items() if 'http-equiv="refresh"' not in html}


def test_every_page_is_sent_without_comments_or_line_breaks(site_dir):
    problems = {page: unminified(html)[:3] for page, html in built_pages(site_dir).items()}
    problems = {page: found for page, found in problems.items() if found}
    assert not problems, f"check overrides/hooks/minify.py: {problems}"


def test_an_unminified_page_is_reported():
    assert unminified("<p>One</p>\n  <!-- note --> <pre>\n  kept\n</pre>") == ["<!-- note -->", repr("\n  ")]


def test_minifying_keeps_the_spaces_a_reader_sees_and_the_verbatim_text():
    html = "<dl>\n  <div><dt>Page last reviewed:</dt>\n    <dd>21 November 2026</dd></div>\n</dl><!-- why -->\n<pre>  a\n  b</pre><script>var  a = 1;\n</script>"
    assert (
        minified_page(html)
        == "<dl> <div><dt>Page last reviewed:</dt> <dd>21 November 2026</dd></div> </dl> <pre>  a\n  b</pre><script>var  a = 1;\n</script>"
    )


@pytest.mark.parametrize("own_file", OWN_FILES)
def test_the_sites_own_scripts_and_stylesheets_are_sent_minified(site_dir, own_file):
    source, built = (DOCS / own_file).read_text(encoding="utf-8"), (site_dir / own_file).read_text(encoding="utf-8")
    assert "/*" not in built and "//" not in re.sub(r"\w+://", "", built), (
        f"{own_file} is sent with its comments: check overrides/hooks/minify.py"
    )
    assert len(built) < 0.8 * len(source), f"{own_file} is sent unminified: check overrides/hooks/minify.py"
