"""Every broken link in a built site, each named by the file, the line and the fix.

MkDocs only checks links written in Markdown. Patients follow links in the whole built site:
the theme's header, footer and navigation, raw HTML, images, CSS, the sitemap, the search index
and the 404 page. So `check_site()` reads every built HTML and CSS file, and reports every
problem at once, because editors fix them in one go. It needs no MkDocs: the hook
overrides/hooks/link_integrity.py calls it after each build, and so do the tests and
`python -m site_tools.benchmark_links`.
"""

from __future__ import annotations

import difflib
import json
import os
import re
import xml.etree.ElementTree as ElementTree
from collections import defaultdict
from collections.abc import Collection, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import NamedTuple
from urllib.parse import unquote, urljoin, urlsplit

from selectolax.lexbor import LexborCSSSelector, LexborHTMLParser

# Reviewed external domains: a new one is a deliberate edit of this file, with a reason.
ALLOWED_DOMAINS_FILE = Path("site_tools") / "data" / "external-domains.txt"
# Lexbor's tags() finds elements with less work per element than a CSS selector, so the elements
# known by their tag (<a>, <style>) are found with it. The other links are found with one list of
# selectors; each selector in it costs lexbor more work at every element of the tree, so the list is
# short. srcset and poster belong to <img>, <source> and <video> only (HTML standard), and <img> is
# found by its src: a selector for an attribute lexbor does not know by name, as [srcset] or [poster],
# costs it half as much again as [src] does. <meta> is found here, not by tags(): a page has twenty,
# and only a refresh has a link.
OTHER_LINKS_AND_NAMES = "a[name], [href]:not(a), [src], [style], source, video, meta[http-equiv]"
CSS_URL = re.compile(r"""url\(\s*(?:"([^"]*)"|'([^']*)'|([^)'"\s]+))\s*\)""")
META_REFRESH_URL = re.compile(r"url\s*=\s*['\"]?([^'\"]+)", re.IGNORECASE)
HOSTNAME = re.compile(r"^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$")
EMAIL = re.compile(r"^mailto:[^@\s/?]+@([a-z0-9-]+\.)+[a-z]{2,63}(\?\S*)?$", re.IGNORECASE)
PHONE = re.compile(r"^tel:\+?[0-9][0-9-]{2,19}$")
# Schemes that are not a page to visit; checking them would be noise.
IGNORED_SCHEMES = ("data", "blob", "javascript")


class Link(NamedTuple):
    page: str  # the built file it is in, relative to the site, e.g. "side-effects/index.html"
    kind: str  # how a reader meets it: "link to", "image", "<script src>"...
    url: str


@dataclass
class Site:
    """What the checker knows about a built site: its files, and the ids of each HTML page."""

    folder: Path
    site_url: str
    files: set[str] = field(default_factory=set)
    ids: dict[str, set[str]] = field(default_factory=dict)
    allowed_domains: Collection[str] | None = None

    @cached_property  # asked for every link; site_url does not change
    def base_path(self) -> str:
        return urlsplit(self.site_url).path or "/"

    def local_file(self, path: str) -> str | None:
        """The built file a URL path (such as "/timeline/") is served from, or None."""
        if not path.startswith(self.base_path):
            return None
        relative = path[len(self.base_path) :]
        relative = unquote(relative) if "%" in relative else relative
        if relative and not relative.endswith("/"):
            if relative in self.files:
                return relative
            relative += "/"
        index = relative + "index.html"
        return index if index in self.files else None

    # What a broken link's suggestion is chosen from, as suggestion() takes them: made at the first
    # broken link, when every page has been read, and kept for the others.
    @cached_property
    def page_urls(self) -> dict[str, str]:
        """Each page's URL path, mapped to itself."""
        return {url: url for url in map(self.url_of, self.ids)}

    @cached_property
    def file_urls_by_name(self) -> dict[str, str]:
        """A file's URL path by its name (of files of the same name, one)."""
        return {file.rsplit("/", 1)[-1]: self.base_path + file for file in self.files}

    def split_own_url(self, url: str) -> tuple[str, str] | None:
        """The URL path and fragment of `url`, a full address in the site (as in each page's canonical
        link and each sitemap entry), as urlsplit says, without its cost; None for another URL, or
        for one that needs urlsplit's care: with a query, or tabs or newlines, which it drops."""
        path, _, fragment = url.partition("#")
        if not path.startswith(self.site_url) or "?" in path or not url.isprintable():
            return None
        return self.base_path + path[len(self.site_url) :], fragment

    def url_of(self, file: str) -> str:
        return self.base_path + file.removesuffix("index.html")


def srcset_urls(value: str) -> list[str]:
    return [candidate.split()[0] for candidate in value.split(",") if candidate.strip()]


def css_urls(text: str) -> list[str]:
    return [next(group for group in match.groups() if group is not None) for match in CSS_URL.finditer(text)]


class Page(NamedTuple):
    """What the checker reads from one built file."""

    ids: set[str]  # the names a link's #fragment can point at
    urls: list[str]  # its links: <a href> first, then the other kinds, each in document order
    kinds: list[str]  # how a reader meets each of `urls`: "link to", "image", "<script src>"...


def read_page(tree: LexborHTMLParser, selector: LexborCSSSelector) -> Page:
    """The ids and links of one parsed HTML page. `selector` serves every page of a run: making one
    for each page costs as much as a walk of its tree."""
    root = tree.root
    ids = {node.id for node in selector.find("[id]", root)}
    # Most links are <a href>: read with the least Python per element.
    urls = [href for node in tree.tags("a") if (href := node.attrs.sget("href", None)) is not None]
    kinds = ["link to"] * len(urls)
    # The kinds in this order, as the checker has always listed them (within "style", the style
    # attributes' url()s come before <style> elements'): a problem that several links share is then
    # reported with the same one.
    by_kind: dict[str, list[tuple[str, str]]] = {
        "href": [],
        "img src": [],
        "src": [],
        "poster": [],
        "srcset": [],
        "style": [],
        "refresh": [],
    }
    previous = None
    for node in selector.find(OTHER_LINKS_AND_NAMES, root):
        # Lexbor lists an element once for each selector it matches, one after the other.
        if node.mem_id == previous:
            continue
        previous = node.mem_id
        attributes = node.attributes
        tag = node.tag
        if tag == "a" and "name" in attributes:
            ids.add(attributes["name"])
        if "href" in attributes and tag != "a":
            by_kind["href"].append((f"<{tag} href>", attributes["href"] or ""))
        if "src" in attributes:
            if tag == "img":
                by_kind["img src"].append(("image", attributes["src"] or ""))
            else:
                by_kind["src"].append((f"<{tag} src>", attributes["src"] or ""))
        if "poster" in attributes:
            by_kind["poster"].append((f"<{tag} poster>", attributes["poster"] or ""))
        if "srcset" in attributes:
            by_kind["srcset"] += [("image", url) for url in srcset_urls(attributes["srcset"] or "")]
        if "style" in attributes:
            by_kind["style"] += [("style url()", url) for url in css_urls(attributes["style"] or "")]
        if tag == "meta" and (attributes.get("http-equiv") or "").lower() == "refresh":
            match = META_REFRESH_URL.search(attributes.get("content") or "")
            by_kind["refresh"].append(("redirect to", match.group(1).strip() if match else ""))
    for node in tree.tags("style"):
        by_kind["style"] += [("style url()", url) for url in css_urls(node.text())]
    for links in by_kind.values():
        for kind, url in links:
            kinds.append(kind)
            urls.append(url)
    # An empty id (<h2 id="">) names nothing.
    ids.discard(None)
    ids.discard("")
    return Page(ids, urls, kinds)


def suggestion(wrong: str, choices: Mapping[str, str], shown=lambda choice: choice) -> str:
    """`; did you mean "…"?` naming the choice closest to `wrong`, or nothing when none is close.
    `choices` maps what `wrong` is compared with (such as a file's name) to the choice to show."""
    # A shortened anchor ("week-12" for "week-12-second-treatment") is the commonest slip.
    close = sorted(name for name in choices if name.startswith(wrong)) if wrong else []
    close = close or closest_match(wrong, choices)
    return f'; did you mean "{shown(choices[close[0]])}"?' if close else ""


def closest_match(word: str, choices: Iterable[str], cutoff: float = 0.6) -> list[str]:
    """What difflib.get_close_matches(word, choices, n=1, cutoff) returns, found many times faster
    among a site's thousand similar page addresses. A choice shares at most as many letters with
    `word` as it has letters that occur in `word`: one str.translate counts them, in C, which bounds
    difflib's ratio() from above, so most choices are ruled out before difflib's own bounds, which
    go a letter at a time in Python. Each match found raises the cutoff to its score, and a choice
    whose bound cannot beat the best so far is not scored at all."""
    # Deletes every other ASCII letter (other letters are rare in addresses; keeping them only
    # loosens the bound).
    other_letters = {code: None for code in range(128) if chr(code) not in word}
    matcher = difflib.SequenceMatcher()
    matcher.set_seq2(word)
    best: tuple[float, str] | None = None
    for choice in choices:
        length = len(choice) + len(word)
        # (Computed as difflib computes its ratios.)
        bound = 2.0 * min(len(choice.translate(other_letters)), len(word)) / length if length else 1.0
        # Of equal scores, the greater choice wins, as in get_close_matches.
        if bound >= cutoff and (best is None or (bound, choice) > best):
            matcher.set_seq1(choice)
            if matcher.quick_ratio() >= cutoff:
                score = matcher.ratio()
                if score >= cutoff and (best is None or (score, choice) > best):
                    best, cutoff = (score, choice), score
    return [best[1]] if best else []


def check_external(url: str, allowed_domains: Collection[str] | None) -> str | None:
    """The problem with a link that leaves the site, or None."""
    scheme = url.split(":", 1)[0].lower()
    if scheme == "mailto":
        return None if EMAIL.match(url) else "not a well-formed email link: write it as mailto:name@example.org"
    if scheme == "tel":
        return None if PHONE.match(url) else "not a well-formed phone link: write digits only, as tel:+441632960123"
    parts = urlsplit(url)
    if parts.scheme != "https":
        fixed = "https://" + url.split("//", 1)[-1] if parts.netloc else None
        return f'not https: use "{fixed}"' if fixed else "not a web address: write it as https://domain/path"
    host = (parts.hostname or "").lower()
    if not HOSTNAME.match(host) or " " in url or parts.port is not None or parts.username:
        return "not a well-formed web address: check it letter by letter"
    if allowed_domains is not None and not any(
        host == domain or host.endswith("." + domain) for domain in allowed_domains
    ):
        return (
            f"{host} is not on the reviewed list of domains: check the site is trustworthy, then add it "
            f"with a reason to {ALLOWED_DOMAINS_FILE.as_posix()}"
        )
    return None


def missing_section(site: Site, target: str, fragment: str) -> str | None:
    """The problem when page `target` has no id `fragment`, or None."""
    fragment = unquote(fragment) if "%" in fragment else fragment
    if not fragment or fragment.lower() == "top" or target not in site.ids or fragment in site.ids[target]:
        return None
    ids = site.ids[target]
    return f'no section "{fragment}" on {site.url_of(target)}{suggestion(fragment, dict(zip(ids, ids)), lambda id: "#" + id)}'


def resolve_link(site: Site, url: str, base_url: str) -> tuple[str, str] | str | None:
    """Where the link `url` found at `base_url` leads in the site, as (URL path, fragment);
    for a link that leaves the site or is not followed, its problem, or None."""
    url = url.strip()
    path, _, fragment = url.partition("#")
    # "./timeline/" is "timeline/", and "./" the page's own folder.
    while path[:2] == "./":
        path = path[2:]
    if (
        ":" not in path
        and "?" not in path
        and "./" not in path
        and not path.endswith(".")
        and not path.startswith("//")
    ):
        # The common case, a plain path: joined by hand, as urljoin is the checker's slowest step.
        path = path if path.startswith("/") else base_url[: base_url.rfind("/") + 1] + path
        return path, fragment
    own_address = site.split_own_url(url)
    if own_address:
        return own_address
    if url.split(":", 1)[0].lower() in IGNORED_SCHEMES:
        return None
    absolute = urljoin(base_url, url)
    parts = urlsplit(absolute)
    if absolute.startswith(site.site_url) or (parts.scheme, parts.netloc) == ("http", urlsplit(site.site_url).netloc):
        # `mkdocs serve` previews the site at http://127.0.0.1:8000/: only a published (https)
        # site must not link to itself over http.
        if parts.scheme != "https" and site.site_url.startswith("https:"):
            return "not https: use a relative link instead"
    elif parts.scheme or parts.netloc:
        return check_external(url, site.allowed_domains)
    return parts.path, parts.fragment


def check_link(site: Site, url: str, base_url: str) -> str | None:
    """The problem with the link `url` found at `base_url`, or None."""
    resolved = resolve_link(site, url, base_url)
    return missing_target(site, *resolved) if isinstance(resolved, tuple) else resolved


def missing_target(site: Site, path: str, fragment: str) -> str | None:
    """The problem when no built file is served at the URL `path`, or it has no id `fragment`."""
    target = site.local_file(path)
    if target is not None:
        return missing_section(site, target, fragment)
    if path.endswith("/"):
        return f"no page {path} in the site{suggestion(path, site.page_urls)}"
    return f"no file {path} in the site{suggestion(path.rsplit('/', 1)[-1], site.file_urls_by_name)}"


def resolution_key(base_url: str, url: str) -> tuple[str, str]:
    """A key under which `url` found at `base_url` resolves the same: "../x/" is the same link
    on every page one folder deep, so a site's thousands of links are each checked once."""
    # ".." is "../": the link to the home page from every page one folder deep.
    url = "../" if url == ".." else url
    if url[:3] == "../":
        folder = base_url[: base_url.rfind("/") + 1]
        while url[:3] == "../":
            url = url[3:]
            folder = folder[: folder.rfind("/", 0, -1) + 1] or "/"
        return folder, url or "./"
    slash = url.find("/")
    if slash == 0 or ":" in (url if slash < 0 else url[:slash]):
        return "", url
    return base_url[: base_url.rfind("/") + 1], url


class LinkChecker:
    """The problem with each link in a site; a link written the same way on many pages is checked once."""

    def __init__(self, site: Site):
        self.site = site
        # The problem of a link, and the built file it leads to, by resolution_key().
        self.checked: dict[tuple[str, str], tuple[str | None, str | None]] = {}
        # Pages in one folder write the links they share (navigation, header, footer) the same way,
        # such as "../timeline/". So, per parent folder: such links that work, by their text, which
        # set aside most of a page's links in one step at C speed; the problem of each broken one;
        self.working_by_folder: dict[str, set[str]] = defaultdict(set)
        self.broken_by_folder: dict[str, dict[str, str]] = defaultdict(dict)
        # and the built file that each one without a fragment leads to: with that, a link such as
        # "../timeline/#week-12", of which there are thousands, needs only its section checked.
        self.files_by_folder: dict[str, dict[str, str]] = defaultdict(dict)

    def check(self, key: tuple[str, str], base_url: str) -> tuple[str | None, str | None]:
        """The problem of the link `key` (from resolution_key), and the built file it leads to."""
        site = self.site
        resolved = resolve_link(site, key[1], key[0] or base_url)
        if not isinstance(resolved, tuple):
            return resolved, None
        target = site.local_file(resolved[0])
        return (
            missing_target(site, *resolved) if target is None else missing_section(site, target, resolved[1])
        ), target

    def problems(self, file: str, page: Page) -> Iterator[tuple[str, str, str]]:
        """(how a reader meets it, URL, problem) for each broken link of `page`, the built `file`."""
        site = self.site
        base_url = site.url_of(file)
        folder = base_url[: base_url.rfind("/") + 1]
        parent_folder = folder[: folder.rfind("/", 0, -1) + 1] or "/"
        # The 404 page's links have a rule of their own, so it shares no lookups.
        shared = file != "404.html"
        working = self.working_by_folder[parent_folder] if shared else set()
        broken = self.broken_by_folder[parent_folder] if shared else {}
        files = self.files_by_folder[parent_folder] if shared else {}
        failed: dict[str, str] = {}
        # Each link once, however often the page repeats it, and none to a section of this page.
        for url in set(page.urls).difference(working, ["#" + id for id in page.ids]):
            page_url, _, fragment = url.partition("#")
            # A section of a file already reached by a link without a fragment: only the section is
            # left to check. (Not a fragment that resolve_link would change: it strips the URL, and
            # urlsplit drops tabs and newlines.)
            target = files.get(page_url) if page_url else None
            section_of_known_file = target is not None and fragment.isprintable() and not fragment[-1:].isspace()
            if section_of_known_file and fragment in site.ids.get(target, ()):
                working.add(url)
                continue
            problem = broken.get(url)
            if problem:
                failed[url] = problem
                continue
            same_on_every_page = True  # in the parent folder's subfolders
            if not url.strip():
                problem = "the address is empty"
            elif not page_url:
                same_on_every_page = False
                problem = missing_section(site, file, fragment)
            elif not shared and not url.startswith("/") and "//" not in url and ":" not in url:
                problem = "the 404 page is served at any address, so its links must start with / (use the `url` filter with a root-relative path)"
            elif section_of_known_file:
                problem = missing_section(site, target, fragment)
            else:
                key = resolution_key(base_url, url)
                if key not in self.checked:
                    self.checked[key] = self.check(key, base_url)
                problem, target = self.checked[key]
                same_on_every_page = key[0] != folder  # the link does not depend on the page's own folder
                if same_on_every_page and target is not None and url == page_url == url.strip():
                    files[url] = target
            if problem:
                failed[url] = problem
                if same_on_every_page:
                    broken[url] = problem
            elif same_on_every_page:
                working.add(url)
        if failed:
            for kind, url in zip(page.kinds, page.urls):
                if url in failed:
                    yield kind, url, failed[url]


class Locator:
    """Finds the file and line a link was written in, so that a message says what to edit."""

    def __init__(self, root: Path, sources: Mapping[str, str]):
        self.root = root
        self.sources = sources
        templates = sorted((root / "overrides").rglob("*.html")) + [root / "mkdocs.yml"]
        self.templates = [path for path in templates if path.is_file()]
        self.lines: dict[Path, list[str]] = {}

    def _lines(self, path: Path) -> list[str]:
        if path not in self.lines:
            self.lines[path] = path.read_text(encoding="utf-8").splitlines()
        return self.lines[path]

    def _find(self, path: Path, needles: list[str]) -> str | None:
        lines = self._lines(path)
        for needle in needles:
            # Whole: "#urgent" is not the start of "#urgent-help", nor "timeline.md" of "timeline.md#week-12".
            whole = re.compile(re.escape(needle) + r"(?![\w#-])")
            for number, line in enumerate(lines, start=1):
                if needle in line and whole.search(line):
                    return f"{path.relative_to(self.root).as_posix()}:{number}"
        return None

    def locate(self, site: Site, link: Link) -> str:
        url = link.url.strip()
        path, _, fragment = url.partition("#")
        # How the link most likely looks in the Markdown: "timeline.md#week-12" for "../timeline/#week-12".
        stem = path.rstrip("/").rsplit("/", 1)[-1]
        markdown_forms = (
            [f"{stem}.md#{fragment}", f"{stem}/index.md#{fragment}"] if fragment and stem not in ("", "..", ".") else []
        )
        markdown_forms += [f"{stem}.md"] if stem and not fragment else []
        markdown_forms += [f"(#{fragment})", f'"#{fragment}"'] if fragment and not path else []
        source = self.sources.get(link.page)
        needles = [url] + markdown_forms + ([stem] if "." in stem else [])
        if source and (self.root / source).is_file():
            found = self._find(self.root / source, needles)
            if found:
                return found
        # Theme chrome: the template or setting that wrote the link, as the site-relative address.
        site_relative = urlsplit(urljoin(site.url_of(link.page), url))
        in_site = site_relative.path.removeprefix(site.base_path) + (
            f"#{site_relative.fragment}" if site_relative.fragment else ""
        )
        for template in self.templates:
            found = self._find(template, [url] + ([in_site] if in_site else []))
            if found:
                return found
        if source:
            return source
        return f"theme ({link.page})"


def check_sitemap(site: Site) -> list[str]:
    sitemap = site.folder / "sitemap.xml"
    if not sitemap.is_file():
        return []
    problems = []
    for element in ElementTree.parse(sitemap).iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc"):
        loc = (element.text or "").strip()
        if not loc.startswith(site.site_url):
            problems.append(
                f'sitemap.xml: <loc> "{loc}" does not start with site_url {site.site_url}: fix site_url in mkdocs.yml'
            )
            continue
        own_address = site.split_own_url(loc)
        if site.local_file(own_address[0] if own_address else urlsplit(loc).path) is None:
            problems.append(
                f'sitemap.xml: <loc> "{loc}": no such page in the site; check the page\'s file name in docs/'
            )
    return problems


def check_search_index(site: Site) -> list[str]:
    index = site.folder / "search" / "search_index.json"
    if not index.is_file():
        return []
    problems = []
    # A page has an entry for itself and one for each of its sections: its address is resolved once.
    files: dict[str, str | None] = {}
    for document in json.loads(index.read_text(encoding="utf-8"))["docs"]:
        location = document["location"]
        page, _, section = location.partition("#")
        if page not in files:
            resolved = resolve_link(site, page or "./", site.base_path)
            files[page] = site.local_file(resolved[0]) if isinstance(resolved, tuple) else None
        file = files[page]
        if file is not None and (not section or section in site.ids.get(file, ())):
            continue
        # Anything else, as a link is checked: a missing page or section, and the rare address that
        # needs more care (an encoded or empty section).
        problem = check_link(site, location or "./", site.base_path)
        if problem:
            problems.append(f'search/search_index.json: location "{location}": {problem}')
    return problems


def list_files(folder: Path) -> set[str]:
    """Every file under `folder`, relative to it, with "/" between folder names; as os.walk lists
    them (a link to a folder is not followed), with less Python per folder."""
    root = os.path.join(folder, "")
    files = set()
    folders = [""]
    while folders:
        relative = folders.pop()
        with os.scandir(root + relative) as entries:
            for entry in entries:
                if not entry.is_dir():
                    files.add(relative + entry.name)
                elif not entry.is_symlink():
                    folders.append(relative + entry.name + "/")
    return files


def read_pages(
    site_folder: Path, site_url: str, allowed_domains: Collection[str] | None = None
) -> tuple[Site, dict[str, Page]]:
    """Parse every built HTML and CSS file once: the site's files and ids, and the links in each file."""
    site = Site(site_folder, site_url if site_url.endswith("/") else site_url + "/", allowed_domains=allowed_domains)
    site.files = list_files(site_folder)
    root = os.path.join(site_folder, "")
    selector = LexborCSSSelector()
    pages: dict[str, Page] = {}
    for file in sorted(site.files):
        if file.endswith(".html"):
            with open(root + file, encoding="utf-8") as html:
                page = pages[file] = read_page(LexborHTMLParser(html.read()), selector)
            site.ids[file] = page.ids
        elif file.endswith(".css"):
            with open(root + file, encoding="utf-8") as css:
                urls = css_urls(css.read())
            pages[file] = Page(set(), urls, ["css url()"] * len(urls))
    return site, pages


def read_site(
    site_folder: Path, site_url: str, allowed_domains: Collection[str] | None = None
) -> tuple[Site, list[Link]]:
    """The site's files and ids, and all its links."""
    site, pages = read_pages(site_folder, site_url, allowed_domains)
    return site, [Link(file, kind, url) for file, page in pages.items() for kind, url in zip(page.kinds, page.urls)]


def check_site(
    site_folder: Path,
    site_url: str,
    root: Path,
    sources: Mapping[str, str],
    allowed_domains: Collection[str] | None,
) -> list[str]:
    """Every broken link in the site built in `site_folder`, one message each, sorted by file.

    `sources` maps each built page ("side-effects/index.html") to its Markdown file relative to
    the project folder `root` ("docs/side-effects.md"); messages name that file and the line.
    `allowed_domains` is the reviewed list of external domains (None: any https domain).
    """
    site, pages = read_pages(site_folder, site_url, allowed_domains)
    locator = Locator(root, sources)
    # A broken link in the theme is on every page, each time written relative to that page:
    # report it once, with the first page's form of the link and how many pages have it.
    found: dict[tuple[str, str, str], list[Link]] = defaultdict(list)
    checker = LinkChecker(site)
    for file, page in pages.items():
        for kind, url, problem in checker.problems(file, page):
            link = Link(file, kind, url)
            found[(locator.locate(site, link), kind, problem)].append(link)
    # A page a hook writes from other pages, as the whole guide, repeats their broken links: each is
    # reported where an editor wrote it, not again with no file to fix.
    written = {key: any(link.page in sources for link in same) for key, same in found.items()}
    in_markdown = {(kind, problem) for (_, kind, problem), in_source in written.items() if in_source}
    problems = []
    for (location, kind, problem), same in found.items():
        if (kind, problem) in in_markdown and not written[(location, kind, problem)]:
            continue
        pages = f" (on {len(same)} pages, such as {site.url_of(same[0].page)})" if len(same) > 1 else ""
        problems.append(f'{location}: {kind} "{same[0].url}": {problem}{pages}')
    return sorted(problems) + check_sitemap(site) + check_search_index(site)


def read_allowed_domains(file: Path) -> list[str]:
    """The domains in `file`, one a line; `#` starts a comment (the reason it was reviewed)."""
    lines = (line.split("#", 1)[0].strip().lower() for line in file.read_text(encoding="utf-8").splitlines())
    return [line for line in lines if line]
