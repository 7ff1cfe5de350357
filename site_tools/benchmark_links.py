"""How fast the link checker is, on a synthetic site of 1,000 pages with breaks planted in it.

    .venv/bin/python -m site_tools.benchmark_links [PAGES]

The pages are made from the site's own: the script builds the site, then copies its topic pages
(every page in the navigation but the home page) into groups, one copy of each topic a group, whose
links lead to the other pages of their own group, as the real pages' links lead to each other. So
the pages have the real pages' size, theme, navigation, sections and links, and the search index
lists each page and section, as the site's does. One break of each kind is planted among them
(PAGES is at least 48). It prints pages per second, whether every planted break was found, and the
time merely to read and parse the same HTML with selectolax: the floor no checker that parses the
pages can beat. Target: the checker within 2x of that floor. The exit status is 1 when it is
missed, a break is not found, or the checker reports a problem that was not planted.

For comparison it does the same on link-dense pages: smaller than the site's, with fewer elements,
so with more links to check for each byte parsed. A harder case than the site's own pages, printed
for information. Record the figures in README.md.
"""

from __future__ import annotations

import json
import math
import re
import sys
import tempfile
import time
from pathlib import Path

from selectolax.lexbor import LexborHTMLParser

from site_tools.link_check import ALLOWED_DOMAINS_FILE, check_site, read_allowed_domains
from site_tools.site_files import ROOT, build, built_page, load_config, nav_pages

ROUNDS = 10
# One of each kind of break: the page it is planted in, its HTML, and what the checker's message
# about it must say. A message counts only if it also names that page.
PLANTED = {
    "missing page": (7, '<a href="../no-such-page/">gone</a>', "no page /no-such-page/"),
    "missing section on another page": (
        11,
        '<a href="../page-0012/#no-such-section">x</a>',
        'no section "no-such-section" on /page-0012/',
    ),
    "missing section on the same page": (13, '<a href="#section-99">x</a>', 'no section "section-99"'),
    "missing image": (
        17,
        '<img src="../assets/images/missing-figure.svg" alt="">',
        "no file /assets/images/missing-figure.svg",
    ),
    "missing srcset image": (
        19,
        '<img src="../assets/images/favicon.svg" srcset="../assets/images/figure-2x.png 2x" alt="">',
        "no file /assets/images/figure-2x.png",
    ),
    "missing style url()": (
        23,
        '<div style="background: url(../assets/images/missing-background.png)"></div>',
        "no file /assets/images/missing-background.png",
    ),
    "broken meta refresh": (29, '<meta http-equiv="refresh" content="0; url=../moved-away/">', "no page /moved-away/"),
    "broken footer link": (31, '<footer><a href="../contact-us/">Contact</a></footer>', "no page /contact-us/"),
    "http link": (
        37,
        '<a href="http://www.nice.org.uk/guidance/ta260">NICE</a>',
        'not https: use "https://www.nice.org.uk/guidance/ta260"',
    ),
    "unreviewed domain": (
        41,
        '<a href="https://cheap-botox.example.com/">deal</a>',
        "cheap-botox.example.com is not on the reviewed list",
    ),
    "malformed mailto": (43, '<a href="mailto:clinic-at-example.org">mail</a>', "not a well-formed email link"),
    "malformed tel": (47, '<a href="tel:call us">call</a>', "not a well-formed phone link"),
}
# Planted in the site's other files by plant_site_files(): the file the message must name, and what
# it must say.
OTHER_PLANTED = {
    "missing css url()": ("site.css", "no file /assets/fonts/missing-font.woff2"),
    "sitemap loc": ("sitemap.xml", "no-page-in-sitemap"),
    "search index location": ("search_index.json", "no-page-in-search"),
    "relative link on the 404 page": ("404.html", "the 404 page is served at any address"),
}
MIN_PAGES = max(page for page, _, _ in PLANTED.values()) + 1


def plant(html: str, number: int) -> str:
    """Page `number`'s HTML with the breaks planted in it, at the end of its article."""
    planted = "".join(snippet for on_page, snippet, _ in PLANTED.values() if on_page == number)
    return html.replace("</article>", planted + "</article>", 1)


def plant_site_files(folder: Path, site_url: str, pages: list[str], locations: list[str]) -> None:
    """List `pages` in the sitemap and `locations` in the search index, and plant a break in each,
    in the CSS and in the 404 page; each file is added to if the site has it."""
    sitemap = folder / "sitemap.xml"
    urls = "".join(f"<url><loc>{site_url}{page}</loc></url>" for page in [*pages, "no-page-in-sitemap/"])
    text = (
        sitemap.read_text(encoding="utf-8")
        if sitemap.is_file()
        else '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"></urlset>'
    )
    sitemap.write_text(text.replace("</urlset>", urls + "</urlset>"), encoding="utf-8")
    index = folder / "search" / "search_index.json"
    index.parent.mkdir(exist_ok=True)
    search = json.loads(index.read_text(encoding="utf-8")) if index.is_file() else {"docs": []}
    search["docs"] += [{"location": location} for location in [*locations, "no-page-in-search/"]]
    index.write_text(json.dumps(search), encoding="utf-8")
    css = folder / "assets" / "stylesheets" / "site.css"
    css.parent.mkdir(parents=True, exist_ok=True)
    css.write_text(
        (css.read_text(encoding="utf-8") if css.is_file() else "")
        + "\n@font-face { src: url(../fonts/missing-font.woff2) }\n",
        encoding="utf-8",
    )
    not_found = folder / "404.html"
    text = (
        not_found.read_text(encoding="utf-8")
        if not_found.is_file()
        else '<html><body><a href="/">Home</a></body></html>'
    )
    not_found.write_text(text.replace("</body>", '<a href="page-0001/">A page</a></body>', 1), encoding="utf-8")


def add_topic_copies(folder: Path, pages: int) -> None:
    """Add `pages` (rounded up to whole groups) copies of its topic pages to the site built in `folder`."""
    # The copies are one folder deep, as the topic pages are: a page deeper down would need its links
    # rewritten for its new depth.
    topics = [built_page(folder, file).parent.name for file in nav_pages() if file != "index.md" and "/" not in file]
    templates = [(folder / topic / "index.html").read_text(encoding="utf-8") for topic in topics]
    # "../timeline/" and "../timeline/#week-12" on a page of group 3 lead to group 3's timeline.
    topic_link = re.compile(r"\.\./(" + "|".join(map(re.escape, topics)) + r")/")
    # The search index lists each page and each of its sections, as the site's own index does.
    index = json.loads((folder / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    sections = {
        topic: [doc["location"].removeprefix(topic + "/") for doc in index if doc["location"].startswith(topic + "/")]
        for topic in topics
    }
    names, locations = [], []
    for group in range(math.ceil(pages / len(topics))):
        first = group * len(topics)
        for offset, (topic, template) in enumerate(zip(topics, templates)):
            name = f"page-{first + offset:04d}"
            html = topic_link.sub(
                lambda link, first=first: f"../page-{first + topics.index(link.group(1)):04d}/", template
            )
            (folder / name).mkdir()
            (folder / name / "index.html").write_text(plant(html, first + offset), encoding="utf-8")
            names.append(name + "/")
            locations += [f"{name}/{section}" for section in sections[topic]]
    plant_site_files(folder, load_config()["site_url"], names, locations)


# Link-dense pages: 19 KB, 213 elements and 70 links, against the site's topic pages' 22 to 30 KB,
# 290 to 390 elements and 51 to 83 links. Each links to the next 30 pages, so each page brings links
# the checker has not seen on other pages.
DENSE_SITE_URL = "https://botox-migraine.example.org/"
SECTIONS = 10
NAV_LINKS = 30
ICON = (
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path d="'
    + "M12 2A10 10 0 0 0 2 12a10 10 0 0 0 10 10 10 10 0 0 0 10-10A10 10 0 0 0 12 2z" * 4
    + '"/></svg>'
)
WORDS = (
    "Botox is injected into muscles of the head and neck every 12 weeks. Most people have mild side effects "
    "that go away within days, and the clinic will tell you what to expect before and after each visit. "
)
CONFIG_SCRIPT = (
    '<script id="__config" type="application/json">{"base": "..", "features": [], "search": "../assets/javascripts/workers/search.js", "translations": {'
    + ", ".join(f'"key.{n}": "A translated label {n}"' for n in range(40))
    + "}}</script>"
)


def dense_page_html(number: int, pages: int) -> str:
    def link(to: int) -> str:
        return f"../page-{to % pages:04d}/"

    nav = "".join(
        f'<li class="md-nav__item"><a href="{link(number + step)}" class="md-nav__link"><span class="md-ellipsis">Page {number + step}</span></a></li>'
        for step in range(1, NAV_LINKS + 1)
    )
    sections = "".join(
        f'<h2 id="section-{section}">Section {section}<a class="headerlink" href="#section-{section}" title="Link to this section">&para;</a></h2>'
        f'<p>{WORDS * 2}See <a href="{link(number + section)}#section-{section}">another page</a> and '
        f'<a href="https://www.nice.org.uk/guidance/ta260">NICE</a>.</p><ul><li>{WORDS}</li><li>{WORDS}</li></ul>'
        for section in range(SECTIONS)
    )
    return (
        f'<!doctype html><html lang="en" class="no-js"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">'
        f'<meta name="description" content="{WORDS[:150]}"><title>Page {number}</title>'
        f'<link rel="canonical" href="{DENSE_SITE_URL}page-{number:04d}/">'
        f'<link rel="stylesheet" href="../assets/stylesheets/site.css"><link rel="icon" href="../assets/images/favicon.svg">'
        f"<script>__md_scope=new URL('..',location),__md_hash=e=>[...e].reduce(((e,_)=>(e<<5)-e+_.charCodeAt(0)),0)</script></head>"
        f'<body dir="ltr"><header class="md-header"><a href="../" class="md-header__button md-logo" aria-label="Home">{ICON}</a>'
        f'<label class="md-header__button md-icon" for="__drawer">{ICON}</label><form class="md-search__form" name="search">'
        f'<input type="text" class="md-search__input" name="query" aria-label="Search"><label class="md-search__icon md-icon" for="__search">{ICON}{ICON}</label></form></header>'
        f'<nav class="md-nav" aria-label="Navigation"><ul class="md-nav__list">{nav}</ul></nav>'
        f'<main class="md-main"><article class="md-content__inner md-typeset"><h1>Page {number}</h1>{sections}'
        f'<img src="../assets/images/favicon.svg" srcset="../assets/images/favicon.svg 1x" alt="A figure">'
        f'<aside class="page-end"><a href="mailto:clinic@example.org">Email</a> <a href="tel:01632960123">Phone</a></aside></article></main>'
        f'<footer class="md-footer"><a href="{link(number - 1)}" class="md-footer__link">{ICON}Previous</a><a href="{link(number + 1)}" class="md-footer__link">Next{ICON}</a></footer>'
        f'{CONFIG_SCRIPT}<script src="../assets/javascripts/site.js"></script></body></html>'
    )


def write_dense_site(folder: Path, pages: int) -> None:
    for number in range(pages):
        (folder / f"page-{number:04d}").mkdir(parents=True)
        (folder / f"page-{number:04d}" / "index.html").write_text(
            plant(dense_page_html(number, pages), number), encoding="utf-8"
        )
    (folder / "index.html").write_text(
        dense_page_html(0, pages).replace('href="../"', 'href="./"').replace("../", ""), encoding="utf-8"
    )
    for asset in ("images", "stylesheets", "javascripts"):
        (folder / "assets" / asset).mkdir(parents=True, exist_ok=True)
    (folder / "assets" / "images" / "favicon.svg").write_text("<svg></svg>", encoding="utf-8")
    (folder / "assets" / "javascripts" / "site.js").write_text("", encoding="utf-8")
    (folder / "assets" / "stylesheets" / "site.css").write_text(
        "body { background: url('../images/favicon.svg') }\n", encoding="utf-8"
    )
    names = [f"page-{number:04d}/" for number in range(pages)]
    plant_site_files(
        folder, DENSE_SITE_URL, names, [f"{name}#section-{section}" for name in names for section in range(SECTIONS)]
    )


def fastest_alternating(rounds: int, *tasks) -> list[tuple[float, object]]:
    """Each task's fastest time of `rounds`, and its result; the tasks take turns, round by round,
    so that a spell of load from other jobs on the machine slows them alike."""
    fastest: list[tuple[float, object]] = [(float("inf"), None)] * len(tasks)
    for _ in range(rounds):
        for index, task in enumerate(tasks):
            start = time.perf_counter()
            result = task()
            fastest[index] = min(fastest[index][0], time.perf_counter() - start), result
    return fastest


def breaks_found(problems: list[str]) -> tuple[list[str], list[str]]:
    """The planted breaks no message reports, and the messages about no planted break."""
    expected = {
        name: (f"page-{page:04d}/index.html", says) for name, (page, _, says) in PLANTED.items()
    } | OTHER_PLANTED
    found = {
        name: next((problem for problem in problems if file in problem and says in problem), None)
        for name, (file, says) in expected.items()
    }
    return [name for name, problem in found.items() if problem is None], [
        problem for problem in problems if problem not in found.values()
    ]


def measure(title: str, folder: Path, site_url: str, rounds: int = ROUNDS) -> tuple[list[str], list[str], float]:
    """Print the checker's and the floor's figures on the site in `folder`; return the planted
    breaks it missed, the problems it reported that were not planted, and its time over the floor's."""
    allowed_domains = read_allowed_domains(ROOT / ALLOWED_DOMAINS_FILE)
    html_files = sorted(folder.rglob("*.html"))
    size = sum(file.stat().st_size for file in html_files) / len(html_files) / 1024
    links = sum(
        text.count("href=") + text.count("src=") for text in (file.read_text(encoding="utf-8") for file in html_files)
    )

    def parse_only():
        for file in html_files:
            LexborHTMLParser(file.read_text(encoding="utf-8"))

    (floor, _), (checker, problems) = fastest_alternating(
        rounds, parse_only, lambda: check_site(folder, site_url, folder, {}, allowed_domains)
    )
    missed, unplanted = breaks_found(problems)
    planted = len(PLANTED) + len(OTHER_PLANTED)
    print(title)
    print(
        f"  {len(html_files)} HTML pages of {size:.0f} KB, {links:,} links (about {links // len(html_files)} a page), {planted} planted breaks"
    )
    print(f"  checker: {checker:.3f} s, {len(html_files) / checker:,.0f} pages/s, {len(problems)} problems reported")
    print(
        f"  planted breaks found: {planted - len(missed)} of {planted}"
        + (f"; MISSED: {', '.join(missed)}" if missed else "")
    )
    if unplanted:
        print("  PROBLEMS NOT PLANTED:\n    " + "\n    ".join(unplanted))
    print(f"  floor (read and parse only): {floor:.3f} s, {len(html_files) / floor:,.0f} pages/s")
    print(f"  checker / floor: {checker / floor:.2f}x")
    return missed, unplanted, checker / floor


def main(pages: int) -> None:
    if pages < MIN_PAGES:
        sys.exit(f"Give {MIN_PAGES} pages or more: breaks are planted in pages up to page {MIN_PAGES - 1}.")
    with tempfile.TemporaryDirectory() as temporary:
        result = build(Path(temporary) / "site-like")
        if result.returncode:
            sys.exit(f"The site does not build:\n{result.stderr}")
        add_topic_copies(Path(temporary) / "site-like", pages)
        missed, unplanted, ratio = measure(
            "Pages made from the site's own topic pages (target: checker / floor 2x or less)",
            Path(temporary) / "site-like",
            load_config()["site_url"],
        )
        write_dense_site(Path(temporary) / "dense", pages)
        missed_in_dense, unplanted_in_dense, _ = measure(
            "For comparison, link-dense pages (each links to the next 30)", Path(temporary) / "dense", DENSE_SITE_URL
        )
    if missed or unplanted or missed_in_dense or unplanted_in_dense or ratio > 2:
        sys.exit(1)


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 1000)
