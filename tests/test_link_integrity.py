"""Every link in the built site works: pages, sections, images, CSS, theme, sitemap, search, 404."""

import json
import shutil
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest

from site_tools.link_check import (
    ALLOWED_DOMAINS_FILE,
    Site,
    check_site,
    read_allowed_domains,
    resolution_key,
    resolve_link,
)
from site_tools.site_files import ROOT, build, built_page, copy_project, load_config, markdown_pages

SITE_URL = load_config()["site_url"]
ALLOWED_DOMAINS = read_allowed_domains(ROOT / ALLOWED_DOMAINS_FILE)


def sources(site_dir):
    return {built_page(site_dir, page).relative_to(site_dir).as_posix(): f"docs/{page}" for page in markdown_pages()}


def test_every_link_in_the_built_site_resolves(site_dir):
    problems = check_site(site_dir, SITE_URL, ROOT, sources(site_dir), ALLOWED_DOMAINS)
    assert not problems, "\n".join(problems)


def test_the_reviewed_domains_list_gives_a_reason_for_each_domain():
    lines = [
        line
        for line in (ROOT / ALLOWED_DOMAINS_FILE).read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    assert lines and all("#" in line for line in lines), (
        f"{ALLOWED_DOMAINS_FILE}: write why after each domain: `nhs.uk  # the NHS`"
    )


# A tiny built site, and the Markdown and template it came from; each case below plants one break.
PAGE = '<html><body><header><a href="{home}">Home</a></header><article>{article}</article></body></html>'
TINY_SITE = {
    "docs/side-effects.md": "---\ntitle: Side effects\n---\n\n## Common side effects {#common}\n",
    "overrides/partials/footer.html": "<footer><a href=\"{{ 'side-effects/' | url }}\">Side effects</a></footer>\n",
    "site/index.html": PAGE.format(home="./", article='<a href="side-effects/#common">Common</a>'),
    "site/side-effects/index.html": PAGE.format(
        home="../",
        article='<h2 id="common">Common</h2><h2 id="urgent-help">Urgent</h2><img src="../assets/images/injection-sites.svg">{}',
    ),
    "site/timeline/index.html": PAGE.format(home="../", article='<h2 id="week-12-second-treatment">Week 12</h2>'),
    "site/assets/images/injection-sites.svg": "<svg></svg>",
    "site/assets/stylesheets/site.css": ".hero { background: url(../images/injection-sites.svg) }",
    "site/404.html": PAGE.format(home="/", article='<a href="/side-effects/">Side effects</a>{}'),
    "site/sitemap.xml": '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>https://botox-migraine.example.org/side-effects/</loc></url></urlset>',
    "site/search/search_index.json": json.dumps({"docs": [{"location": ""}, {"location": "side-effects/#common"}]}),
}
SOURCES = {
    "index.html": "docs/index.md",
    "side-effects/index.html": "docs/side-effects.md",
    "timeline/index.html": "docs/timeline.md",
}


def plant(tmp_path, planted):
    """Write the tiny site with `planted` added: to the end of a Markdown file or an HTML page's article."""
    files = dict(TINY_SITE)
    for name, text in planted.items():
        files[name] = (
            files[name].replace("{}", text)
            if "{}" in files[name]
            else files.get(name, "") + text
            if name.endswith(".md")
            else text
        )
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text.replace("{}", ""), encoding="utf-8")
    return check_site(tmp_path / "site", SITE_URL, tmp_path, SOURCES, ALLOWED_DOMAINS)


def test_the_tiny_site_has_no_break(tmp_path):
    assert plant(tmp_path, {}) == []


MD = "docs/side-effects.md"
HTML = "site/side-effects/index.html"
BREAKS = {
    "missing-page": (
        {MD: "\nSee the [timeline](timline.md).\n", HTML: '<a href="../timline/">timeline</a>'},
        'docs/side-effects.md:7: link to "../timline/": no page /timline/ in the site; did you mean "/timeline/"?',
    ),
    "missing-anchor-other-page": (
        {MD: "\nAt [week 12](timeline.md#week-12).\n", HTML: '<a href="../timeline/#week-12">week 12</a>'},
        'docs/side-effects.md:7: link to "../timeline/#week-12": no section "week-12" on /timeline/; did you mean "#week-12-second-treatment"?',
    ),
    "missing-anchor-same-page": (
        {MD: "\n[Get help](#urgent-hlep) now.\n", HTML: '<a href="#urgent-hlep">Get help</a>'},
        'docs/side-effects.md:7: link to "#urgent-hlep": no section "urgent-hlep" on /side-effects/; did you mean "#urgent-help"?',
    ),
    "missing-image": (
        {
            MD: "\n![The sites](assets/images/injection-site.svg)\n",
            HTML: '<img src="../assets/images/injection-site.svg">',
        },
        'docs/side-effects.md:7: image "../assets/images/injection-site.svg": no file /assets/images/injection-site.svg in the site; did you mean "/assets/images/injection-sites.svg"?',
    ),
    "missing-srcset-image": (
        {
            MD: '\n<img src="../assets/images/injection-sites.svg" srcset="../assets/images/sites-2x.png 2x">\n',
            HTML: '<img src="../assets/images/injection-sites.svg" srcset="../assets/images/injection-sites.svg 1x, ../assets/images/sites-2x.png 2x">',
        },
        'docs/side-effects.md:7: image "../assets/images/sites-2x.png": no file /assets/images/sites-2x.png in the site',
    ),
    "missing-picture-source": (
        {
            HTML: '<picture><source srcset="../assets/images/sites-wide.png" media="(min-width: 60em)"><img src="../assets/images/injection-sites.svg"></picture>'
        },
        'docs/side-effects.md: image "../assets/images/sites-wide.png": no file /assets/images/sites-wide.png in the site',
    ),
    "missing-video-poster": (
        {HTML: '<video poster="../assets/images/film-still.png" controls></video>'},
        'docs/side-effects.md: <video poster> "../assets/images/film-still.png": no file /assets/images/film-still.png in the site',
    ),
    "css-url": (
        {"site/assets/stylesheets/site.css": ".hero { background: url('../images/injection-site.svg') }"},
        'theme (assets/stylesheets/site.css): css url() "../images/injection-site.svg": no file /assets/images/injection-site.svg in the site; did you mean "/assets/images/injection-sites.svg"?',
    ),
    "style-attribute-url": (
        {HTML: '<div style="background: url(&quot;../assets/images/gone.svg&quot;)"></div>'},
        'docs/side-effects.md: style url() "../assets/images/gone.svg": no file /assets/images/gone.svg in the site',
    ),
    "meta-refresh": (
        {HTML: '<meta http-equiv="refresh" content="0; url=../side-efects/">'},
        'docs/side-effects.md: redirect to "../side-efects/": no page /side-efects/ in the site; did you mean "/side-effects/"?',
    ),
    "footer-link": (
        {
            "overrides/partials/footer.html": "<footer><a href=\"{{ 'side-efects/' | url }}\">Side effects</a></footer>\n",
            HTML: '<footer><a href="../side-efects/">Side effects</a></footer>',
        },
        'overrides/partials/footer.html:1: link to "../side-efects/": no page /side-efects/ in the site; did you mean "/side-effects/"?',
    ),
    "raw-html-link": (
        {
            MD: '\n<div markdown>\n<a class="button" href="../timline/#week-12-second-treatment">Week 12</a>\n</div>\n',
            HTML: '<div><a class="button" href="../timline/#week-12-second-treatment">Week 12</a></div>',
        },
        'docs/side-effects.md:8: link to "../timline/#week-12-second-treatment": no page /timline/ in the site; did you mean "/timeline/"?',
    ),
    "http-link": (
        {
            MD: "\nRead [NICE's guidance](http://www.nice.org.uk/guidance/ta260).\n",
            HTML: '<a href="http://www.nice.org.uk/guidance/ta260">NICE</a>',
        },
        'docs/side-effects.md:7: link to "http://www.nice.org.uk/guidance/ta260": not https: use "https://www.nice.org.uk/guidance/ta260"',
    ),
    "http-link-to-the-site-itself": (
        {HTML: '<a href="http://botox-migraine.example.org/timeline/">Timeline</a>'},
        'docs/side-effects.md: link to "http://botox-migraine.example.org/timeline/": not https: use a relative link instead',
    ),
    "unreviewed-domain": (
        {
            MD: "\nBuy it [cheaply](https://botox-deals.example.com/).\n",
            HTML: '<a href="https://botox-deals.example.com/">cheaply</a>',
        },
        'docs/side-effects.md:7: link to "https://botox-deals.example.com/": botox-deals.example.com is not on the reviewed list of '
        "domains: check the site is trustworthy, then add it with a reason to site_tools/data/external-domains.txt",
    ),
    "malformed-address": (
        {MD: "\nSee [NICE](https://www.nice,org.uk/).\n", HTML: '<a href="https://www.nice,org.uk/">NICE</a>'},
        'docs/side-effects.md:7: link to "https://www.nice,org.uk/": not a well-formed web address: check it letter by letter',
    ),
    "malformed-mailto": (
        {
            MD: '\n<a href="mailto:headache.clinic@example">Email us</a>\n',
            HTML: '<a href="mailto:headache.clinic@example">Email us</a>',
        },
        'docs/side-effects.md:7: link to "mailto:headache.clinic@example": not a well-formed email link: write it as mailto:name@example.org',
    ),
    "malformed-tel": (
        {MD: '\n<a href="tel:01632 960 123">Call us</a>\n', HTML: '<a href="tel:01632 960 123">Call us</a>'},
        'docs/side-effects.md:7: link to "tel:01632 960 123": not a well-formed phone link: write digits only, as tel:+441632960123',
    ),
    "sitemap": (
        {"site/sitemap.xml": TINY_SITE["site/sitemap.xml"].replace("side-effects", "side-efects")},
        'sitemap.xml: <loc> "https://botox-migraine.example.org/side-efects/": no such page in the site; check the page\'s file name in docs/',
    ),
    "search-index": (
        {"site/search/search_index.json": json.dumps({"docs": [{"location": "side-effects/#urgent"}]})},
        'search/search_index.json: location "side-effects/#urgent": no section "urgent" on /side-effects/; did you mean "#urgent-help"?',
    ),
    "404-relative-link": (
        {"site/404.html": '<a href="timeline/">Timeline</a>'},
        'theme (404.html): link to "timeline/": the 404 page is served at any address, so its links must start with / '
        "(use the `url` filter with a root-relative path)",
    ),
}


@pytest.mark.parametrize("planted, expected", BREAKS.values(), ids=BREAKS.keys())
def test_a_planted_break_is_reported_with_file_line_and_fix(tmp_path, planted, expected):
    assert plant(tmp_path, planted) == [expected]


def test_an_empty_id_and_a_section_of_a_file_that_is_not_a_page_are_no_break(tmp_path):
    planted = {
        HTML: '<div id=""></div><a href="../assets/images/injection-sites.svg">The sites</a>',
        # A later page in the same parent folder links to a part of that file, as to an SVG sprite's icon.
        "site/timeline/index.html": PAGE.format(
            home="../",
            article='<h2 id="week-12-second-treatment">Week 12</h2><a href="../assets/images/injection-sites.svg#front">Front</a>',
        ),
    }
    assert plant(tmp_path, planted) == []


@pytest.mark.parametrize(
    "url",
    [
        "./",
        "./timeline/",
        "./#common",
        "..",
        "../",
        "../timeline/#week-12",
        "../../",
        "timeline/",
        ".",
        "./a:b/",
        "x/../timeline/",
        "/timeline/",
    ],
)
def test_a_link_leads_where_a_browser_takes_it(url):
    """The checker joins most links to their page's address by hand, and checks a link written the
    same way on pages of one folder once: both must agree with the standard's joining (urljoin)."""
    site = Site(Path("site"), SITE_URL)
    page = "/side-effects/"
    expected = urlsplit(urljoin(page, url))
    folder, key_url = resolution_key(page, url)
    assert (
        resolve_link(site, url, page)
        == resolve_link(site, key_url, folder or page)
        == (expected.path, expected.fragment)
    )


def test_every_problem_of_a_run_is_reported_together(tmp_path):
    planted = {
        name: text
        for case in ("missing-page", "css-url", "sitemap", "404-relative-link")
        for name, text in BREAKS[case][0].items()
    }
    assert len(plant(tmp_path, planted)) == 4


def test_a_broken_link_in_the_theme_or_raw_html_fails_the_build(tmp_path):
    project = copy_project(tmp_path / "project")
    (project / ALLOWED_DOMAINS_FILE).parent.mkdir(parents=True)
    shutil.copy(ROOT / ALLOWED_DOMAINS_FILE, project / ALLOWED_DOMAINS_FILE)
    urgent_help = project / "overrides" / "partials" / "urgent-help.html"
    urgent_help.write_text(
        urgent_help.read_text(encoding="utf-8").replace("side-effects/#urgent-help", "side-effects/#urgent"),
        encoding="utf-8",
    )
    page = project / "docs" / "timeline.md"
    page.write_text(
        page.read_text(encoding="utf-8")
        + '\n<p><a href="../result/">Results</a>, <a href="../side-effects/#urgent-hlep">help</a> and <a href="http://www.nhs.uk/">the NHS</a></p>\n',
        encoding="utf-8",
    )
    lines = len(page.read_text(encoding="utf-8").splitlines())
    result = build(tmp_path / "site", project)
    assert result.returncode != 0
    assert (
        f'docs/timeline.md:{lines}: link to "../result/": no page /result/ in the site; did you mean "/results/"?'
        in result.stderr
    )
    assert (
        f'docs/timeline.md:{lines}: link to "http://www.nhs.uk/": not https: use "https://www.nhs.uk/"' in result.stderr
    )
    assert (
        f'docs/timeline.md:{lines}: link to "../side-effects/#urgent-hlep": no section "urgent-hlep"' in result.stderr
    )
    # The whole guide holds the same links; each is reported once, where the editor wrote it.
    assert "whole-guide" not in result.stderr
    urgent_help_line = next(
        number for number, line in enumerate(urgent_help.read_text().splitlines(), 1) if "#urgent" in line
    )
    # One message, at the template, for every page; none at a page whose Markdown links to "#urgent-help".
    [message] = [line for line in result.stderr.splitlines() if 'no section "urgent" on' in line]
    assert message.strip().startswith(
        f'overrides/partials/urgent-help.html:{urgent_help_line}: link to "/side-effects/#urgent": no section "urgent" on '
        '/side-effects/; did you mean "#urgent-help"? (on '
    ), message
