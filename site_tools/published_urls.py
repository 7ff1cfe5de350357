"""Add every page URL and section anchor of the site to site_tools/data/published-urls.txt.

    .venv/bin/python -m site_tools.published_urls            # builds the site first
    .venv/bin/python -m site_tools.published_urls SITE_DIR   # an already built site

Clinic staff paste these addresses into letters, so a published address must work for ever.
The script only adds new addresses, never removes one: review the change in git and commit it.
tests/test_published_urls.py then fails whenever a listed address stops working.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from selectolax.lexbor import LexborHTMLParser

from site_tools.link_check import META_REFRESH_URL, Site
from site_tools.page_parts import GENERATED_PAGES
from site_tools.site_files import ROOT, build, built_page, load_config, markdown_pages, page_url

PUBLISHED_URLS = ROOT / "site_tools" / "data" / "published-urls.txt"
HEADER = """\
# Every page address and section anchor that staff may link to. Once listed, an address must keep
# working: tests/test_published_urls.py checks each line against the built site.
# Add new ones with `.venv/bin/python -m site_tools.published_urls`; remove a line by hand only if
# you are sure nobody has sent it to a patient.
"""
SECTIONS = "article h2[id], article h3[id]"


def redirect_maps() -> dict[str, str]:
    """The `redirects` plugin's map of old Markdown file to new, from mkdocs.yml."""
    plugins = [plugin for plugin in load_config()["plugins"] if isinstance(plugin, dict) and "redirects" in plugin]
    return plugins[0]["redirects"]["redirect_maps"] if plugins else {}


def site_addresses(site_dir: Path) -> list[str]:
    """Every page's URL path and its h2 and h3 anchors, then the generated pages' URL paths, then
    the old addresses that redirect."""
    addresses = []
    for page in markdown_pages():
        url = "/" + page_url(page)
        tree = LexborHTMLParser(built_page(site_dir, page).read_text(encoding="utf-8"))
        addresses.append(url)
        addresses += [f"{url}#{node.attributes['id']}" for node in tree.css(SECTIONS)]
    # Staff send the whole guide to patients who want it all on paper, and keep the staff links page
    # as a bookmark. Their sections have no copy-link buttons: staff link to the topic pages' sections.
    addresses += ["/" + page_url(page) for page in GENERATED_PAGES]
    addresses += ["/" + page_url(old) for old in redirect_maps()]
    return addresses


def read_published_urls(file: Path = PUBLISHED_URLS) -> list[tuple[int, str]]:
    """(line number, address) for each address in the file; `#` at the start of a line is a comment."""
    lines = file.read_text(encoding="utf-8").splitlines() if file.is_file() else []
    return [
        (number, line.strip())
        for number, line in enumerate(lines, start=1)
        if line.strip() and not line.startswith("#")
    ]


def redirect_target(site: Site, file: str) -> str | None:
    """The file a redirect page (made by the `redirects` plugin) sends the reader to, or None."""
    refresh = LexborHTMLParser((site.folder / file).read_text(encoding="utf-8")).css_first('meta[http-equiv="refresh"]')
    match = META_REFRESH_URL.search(refresh.attributes.get("content") or "") if refresh else None
    return site.local_file(urlsplit(urljoin(site.url_of(file), match.group(1))).path) if match else None


def check_published_urls(site: Site, listed: list[tuple[int, str]], listing: str) -> list[str]:
    """One message per listed address that no longer leads to its page and section."""
    problems = []
    for number, address in listed:
        path, _, anchor = address.partition("#")
        where = f"{listing}:{number}: {address} no longer works, and staff may have sent it to patients"
        file = site.local_file(path)
        target = file and (redirect_target(site, file) or file)
        if target is None:
            problems.append(
                f"{where}: if the page was renamed or removed, add `old-name.md: new-name.md` under "
                "`redirects: redirect_maps:` in mkdocs.yml"
            )
        elif anchor and anchor not in site.ids.get(target, ()):
            problems.append(
                f"{where}: put `{{#{anchor}}}` back on the heading in the page at {site.url_of(target)}, "
                "or on the heading that now holds that section"
            )
    return problems


def main(site_dir: Path) -> None:
    listed = [address for _, address in read_published_urls()]
    new = [address for address in site_addresses(site_dir) if address not in listed]
    PUBLISHED_URLS.write_text(HEADER + "".join(f"{address}\n" for address in listed + new), encoding="utf-8")
    print(
        f"{PUBLISHED_URLS.relative_to(ROOT)}: {len(new)} new, {len(listed) + len(new)} in all; review with `git diff`"
    )


if __name__ == "__main__":
    if len(sys.argv) > 1:
        main(Path(sys.argv[1]))
    else:
        with tempfile.TemporaryDirectory() as folder:
            result = build(Path(folder))
            if result.returncode != 0:
                sys.exit(result.stderr)
            main(Path(folder))
