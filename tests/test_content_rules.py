"""The medical content rules: sources, review dates, a notice, urgent help, feedback, and no names.

The checks are functions that return a message per problem, naming the file and the fix, so that a
test can feed each one a broken page and show what an editor would read."""

import re
from pathlib import Path
from urllib.parse import parse_qs

import pytest
from selectolax.lexbor import LexborHTMLParser

from site_tools.page_parts import SECTION_ID, SOURCE_ID_PREFIX
from site_tools.site_files import ROOT, load_config, markdown_pages, page_meta, parsed_page

CONFIG = load_config()
CLINIC = CONFIG["extra"]["clinic"]
# People, institutions and advertising named in the source articles, which must never be published.
NAMES_FROM_THE_ARTICLES = [
    "Laura Banks",
    "Banks",
    "Natividad",
    "Lily Cautillo",
    "Cautillo",
    "Allied Pain",
    "Spine Institute",
]
# The built files a reader or a search engine can read, and the sources whose text ends up in them.
PUBLISHED_TEXT = {".html", ".json", ".xml", ".txt", ".csv"}
SOURCE_TEXT = {".md", ".html", ".yml", ".js", ".css", ".svg"}
MAX_URGENT_SYMPTOMS = 5


def article(site_dir, page):
    return parsed_page(site_dir, page).css_first("article")


def article_of(html: str):
    return LexborHTMLParser(html).css_first("article")


def sources_problems(page: str, article) -> list[str]:
    if article.css_first(f"h2#{SECTION_ID}") is None:
        return [f"docs/{page}: the page lists no sources: add `sources:` to its front matter"]
    return [
        f"docs/{page} cites {key} without listing it: add `- {key}` under `sources:` in its front matter"
        for key in CONFIG["extra"]["sources"]
        if article.css(f'a[href="#{SOURCE_ID_PREFIX}{key}"]') and article.css_first(f"#{SOURCE_ID_PREFIX}{key}") is None
    ]


def page_end_problems(page: str, article) -> list[str]:
    """What the end of a page lacks of the NHS pattern: review dates, the notice, the clinic's phone."""
    end = article.css_first(".page-end")
    if end is None:
        return [
            f"docs/{page}: the page has no end section: keep "
            '`{% include "partials/page-end.html" %}` in overrides/main.html'
        ]
    text = " ".join(end.text().split())
    required = [
        (
            r"Page last reviewed: \d{1,2} \w+ 20\d\d",
            "no “Page last reviewed” date: set `reviewed:` in its front matter",
        ),
        (r"Next review due: \d{1,2} \w+ 20\d\d", "no “Next review due” date: set `next_review:` in its front matter"),
        (
            re.escape("general information, not medical advice"),
            "no notice that it gives general information, not medical advice: keep it in overrides/partials/page-end.html",
        ),
        (
            re.escape("Trouble breathing or swallowing, hours or weeks after Botox? Call 999 (UK) or 911 (US) now."),
            "no line saying when to call 999 or 911: keep partials/urgent-help.html included in overrides/partials/page-end.html",
        ),
        (
            re.escape(CLINIC["phone"]),
            f"no clinic phone number ({CLINIC['phone']}): keep partials/clinic-contact.html included in "
            "overrides/partials/page-end.html",
        ),
    ]
    return [f"docs/{page}: the page end has {problem}" for pattern, problem in required if not re.search(pattern, text)]


def feedback_problems(page: str, article, title: str) -> list[str]:
    link = article.css_first(".page-end__feedback a[href^='mailto:']")
    if link is None:
        return [f"docs/{page}: no feedback link: keep it in overrides/partials/page-end.html"]
    address, _, query = link.attributes["href"].removeprefix("mailto:").partition("?")
    problems = []
    if address != CLINIC["email"]:
        problems.append(
            f"docs/{page}: the feedback link goes to {address}, not to the clinic's {CLINIC['email']}: "
            "take it from `extra.clinic.email` in overrides/partials/page-end.html"
        )
    subject = parse_qs(query).get("subject", [""])[0]
    if subject != f"Feedback on the page: {title}":
        problems.append(
            f"docs/{page}: the feedback email's subject is {subject!r}, not 'Feedback on the page: {title}': "
            "make it from the page's `title:` in overrides/partials/page-end.html"
        )
    return problems


def h1_problems(page: str, article, title: str) -> list[str]:
    h1s = article.css("h1")
    if len(h1s) != 1:
        return [
            f"docs/{page}: the page has {len(h1s)} main headings (h1), not 1: the theme makes the only h1 from "
            "`title:` in the front matter (overrides/partials/content.html), so write no `# ` heading"
        ]
    heading = h1s[0].text().strip()
    if heading != title:
        return [
            f"docs/{page}: the main heading (h1) is {heading!r}, not the page's `title:` {title!r}: "
            "keep overrides/partials/content.html making the h1 from `title:`"
        ]
    return []


def urgent_help_problems(page: str, article) -> list[str]:
    problems = []
    for box in article.css(".admonition.danger"):
        title = box.css_first(".admonition-title").text().strip()
        if not title.startswith("Call 999"):
            problems.append(
                f"docs/{page}: the urgent-help box {title!r} does not start with its one action: "
                'title it `!!! danger "Call 999 (UK) or 911 (US) now if:"`'
            )
        symptoms = len(box.css("li"))
        if not 1 <= symptoms <= MAX_URGENT_SYMPTOMS:
            problems.append(
                f"docs/{page}: the urgent-help box {title!r} lists {symptoms} symptoms: list 1 to "
                f"{MAX_URGENT_SYMPTOMS}, the most urgent, and move the others to a warning box"
            )
    return problems


def topics_not_linked(home) -> list[str]:
    """A message for each page that the home page's article, `home`, does not link to."""
    links = {(a.attributes.get("href") or "").split("#")[0] for a in home.css("a")}
    return [
        f"docs/index.md does not link to docs/{page}: add a link to it, `[{page_meta(page)['title']}]({page})`"
        for page in markdown_pages()
        if page != "index.md" and page.removesuffix(".md") + "/" not in links
    ]


def sources_holding(names: list[str], project: Path) -> list[str]:
    """The project's sources whose text the site publishes (pages, mkdocs.yml, templates) that hold any of `names`."""
    candidates = [
        project / "mkdocs.yml",
        *sorted((project / "docs").rglob("*")),
        *sorted((project / "overrides").rglob("*")),
    ]
    return [
        path.relative_to(project).as_posix()
        for path in candidates
        if path.suffix in SOURCE_TEXT
        and path.is_file()
        and any(name in path.read_text(encoding="utf-8") for name in names)
    ]


def names_published(site_dir: Path, project: Path = ROOT) -> list[str]:
    """A message for each built file that publishes a name from the source articles, naming the
    sources to delete it from."""
    problems = []
    for path in sorted(site_dir.rglob("*")):
        if path.suffix not in PUBLISHED_TEXT:
            continue
        text = path.read_text(encoding="utf-8")
        names = [name for name in NAMES_FROM_THE_ARTICLES if name in text]
        if names:
            where = ", ".join(sources_holding(names, project)) or "the page in docs/ it comes from"
            problems.append(
                f"{path.relative_to(site_dir).as_posix()} publishes {', '.join(names)}, named in the source "
                f"articles: delete it from {where}"
            )
    return problems


@pytest.mark.parametrize("page", markdown_pages())
def test_every_page_lists_its_sources(site_dir, page):
    problems = sources_problems(page, article(site_dir, page))
    assert not problems, "\n".join(problems)


def test_a_page_without_sources_or_citing_an_unlisted_one_is_reported_with_the_fix():
    key = next(iter(CONFIG["extra"]["sources"]))
    assert sources_problems("broken.md", article_of("<article><p>Text</p></article>")) == [
        "docs/broken.md: the page lists no sources: add `sources:` to its front matter"
    ]
    citing = (
        f'<article><p><a href="#{SOURCE_ID_PREFIX}{key}">Source</a></p><h2 id="{SECTION_ID}">Sources</h2></article>'
    )
    assert sources_problems("broken.md", article_of(citing)) == [
        f"docs/broken.md cites {key} without listing it: add `- {key}` under `sources:` in its front matter"
    ]


@pytest.mark.parametrize("page", markdown_pages())
def test_every_page_shows_review_dates_notice_urgent_help_and_clinic(site_dir, page):
    problems = page_end_problems(page, article(site_dir, page))
    assert not problems, "\n".join(problems)


def test_a_page_end_without_dates_notice_urgent_help_or_phone_is_reported_with_the_fixes():
    problems = page_end_problems(
        "broken.md", article_of('<article><aside class="page-end"><p>Hello</p></aside></article>')
    )
    assert problems == [
        "docs/broken.md: the page end has no “Page last reviewed” date: set `reviewed:` in its front matter",
        "docs/broken.md: the page end has no “Next review due” date: set `next_review:` in its front matter",
        "docs/broken.md: the page end has no notice that it gives general information, not medical advice: "
        "keep it in overrides/partials/page-end.html",
        "docs/broken.md: the page end has no line saying when to call 999 or 911: keep partials/urgent-help.html "
        "included in overrides/partials/page-end.html",
        f"docs/broken.md: the page end has no clinic phone number ({CLINIC['phone']}): keep "
        "partials/clinic-contact.html included in overrides/partials/page-end.html",
    ]
    assert page_end_problems("broken.md", article_of("<article><p>Hello</p></article>")) == [
        'docs/broken.md: the page has no end section: keep `{% include "partials/page-end.html" %}` in overrides/main.html'
    ]


# The NHS standard for health content invites feedback; by email, so that no reader is tracked.
@pytest.mark.parametrize("page", markdown_pages())
def test_every_page_invites_feedback_by_email_naming_the_page(site_dir, page):
    problems = feedback_problems(page, article(site_dir, page), page_meta(page)["title"])
    assert not problems, "\n".join(problems)


def test_a_feedback_link_to_the_wrong_address_or_subject_is_reported_with_the_fix():
    html = '<article><p class="page-end__feedback"><a href="mailto:someone@example.com?subject=Hi">Tell us</a></p></article>'
    assert feedback_problems("broken.md", article_of(html), "Side effects") == [
        f"docs/broken.md: the feedback link goes to someone@example.com, not to the clinic's {CLINIC['email']}: "
        "take it from `extra.clinic.email` in overrides/partials/page-end.html",
        "docs/broken.md: the feedback email's subject is 'Hi', not 'Feedback on the page: Side effects': "
        "make it from the page's `title:` in overrides/partials/page-end.html",
    ]
    assert feedback_problems("broken.md", article_of("<article></article>"), "Side effects") == [
        "docs/broken.md: no feedback link: keep it in overrides/partials/page-end.html"
    ]


@pytest.mark.parametrize("page", markdown_pages())
def test_every_page_has_one_h1_from_its_title(site_dir, page):
    problems = h1_problems(page, article(site_dir, page), page_meta(page)["title"])
    assert not problems, "\n".join(problems)


def test_a_second_h1_or_one_that_is_not_the_title_is_reported_with_the_fix():
    two = h1_problems("broken.md", article_of("<article><h1>Side effects</h1><h1>More</h1></article>"), "Side effects")
    assert two == [
        "docs/broken.md: the page has 2 main headings (h1), not 1: the theme makes the only h1 from `title:` in "
        "the front matter (overrides/partials/content.html), so write no `# ` heading"
    ]
    other = h1_problems("broken.md", article_of("<article><h1>Botox</h1></article>"), "Side effects")
    assert other == [
        "docs/broken.md: the main heading (h1) is 'Botox', not the page's `title:` 'Side effects': "
        "keep overrides/partials/content.html making the h1 from `title:`"
    ]


def test_no_name_from_the_articles_is_published(site_dir):
    problems = names_published(site_dir)
    assert not problems, "\n".join(problems)


def test_a_published_name_is_reported_with_the_source_to_delete_it_from(tmp_path):
    (tmp_path / "project" / "docs").mkdir(parents=True)
    (tmp_path / "project" / "mkdocs.yml").write_text("site_name: Botox\n")
    (tmp_path / "project" / "docs" / "results.md").write_text("Ask Laura Banks.\n")
    (tmp_path / "site" / "results").mkdir(parents=True)
    (tmp_path / "site" / "results" / "index.html").write_text("<p>Ask Laura Banks.</p>")
    (tmp_path / "site" / "sitemap.xml").write_text("<urlset></urlset>")
    assert names_published(tmp_path / "site", tmp_path / "project") == [
        "results/index.html publishes Laura Banks, Banks, named in the source articles: delete it from docs/results.md"
    ]


@pytest.mark.parametrize("page", markdown_pages())
def test_every_urgent_help_box_has_one_action_and_at_most_5_symptoms(site_dir, page):
    problems = urgent_help_problems(page, article(site_dir, page))
    assert not problems, "\n".join(problems)


def test_an_urgent_help_box_without_its_action_or_with_too_many_symptoms_is_reported_with_the_fix():
    symptoms = "".join(f"<li>sign {number}</li>" for number in range(6))
    html = f'<article><div class="admonition danger"><p class="admonition-title">Worrying signs</p><ul>{symptoms}</ul></div></article>'
    assert urgent_help_problems("broken.md", article_of(html)) == [
        "docs/broken.md: the urgent-help box 'Worrying signs' does not start with its one action: "
        'title it `!!! danger "Call 999 (UK) or 911 (US) now if:"`',
        "docs/broken.md: the urgent-help box 'Worrying signs' lists 6 symptoms: list 1 to 5, the most urgent, "
        "and move the others to a warning box",
    ]


def test_the_site_has_an_urgent_help_box(site_dir):
    assert any(article(site_dir, page).css(".admonition.danger") for page in markdown_pages()), (
        'no page has an urgent-help box: keep the `!!! danger "Call 999 (UK) or 911 (US) now if:"` box under '
        "`## Get urgent help {#urgent-help}` in docs/side-effects.md"
    )


def test_the_urgent_help_anchor_that_every_page_links_to_exists(site_dir):
    assert article(site_dir, "side-effects.md").css_first("#urgent-help") is not None, (
        "docs/side-effects.md has no section `#urgent-help`, which every page links to: keep the heading "
        "`## Get urgent help {#urgent-help}`"
    )


def test_the_home_page_links_to_every_topic(site_dir):
    problems = topics_not_linked(article(site_dir, "index.md"))
    assert not problems, "\n".join(problems)


def test_a_topic_the_home_page_does_not_link_to_is_reported_with_the_fix():
    home = article_of('<article><a href="side-effects/#urgent-help">Urgent help</a></article>')
    problems = topics_not_linked(home)
    title = page_meta("results.md")["title"]
    assert f"docs/index.md does not link to docs/results.md: add a link to it, `[{title}](results.md)`" in problems
    assert not any("side-effects.md" in problem for problem in problems), problems


def test_the_clinic_is_a_clearly_fictional_placeholder():
    assert CLINIC["email"].endswith("@example.org"), "mkdocs.yml: keep `extra.clinic.email` at example.org"
    # Ofcom's range for drama, which no real phone answers
    assert CLINIC["phone"].startswith("01632 960"), "mkdocs.yml: keep `extra.clinic.phone` in the 01632 960 range"
    assert "fictional" in CONFIG["copyright"], "mkdocs.yml: keep the word `fictional` in `copyright`"


def emergency_numbers_not_callable(page: str, article) -> list[str]:
    """999, 911 and 111 in a page's text that a phone cannot call with one tap."""
    text = " ".join(article.text().split())
    callable_numbers = {(a.attributes.get("href") or "").removeprefix("tel:") for a in article.css('a[href^="tel:"]')}
    return [
        f"docs/{page}: {number} is written but never linked: write [{number}](tel:{number}), so a phone can call it"
        for number in ("999", "911", "111")
        if re.search(rf"\b{number}\b", text) and number not in callable_numbers
    ]


@pytest.mark.parametrize("page", markdown_pages())
def test_every_emergency_number_can_be_called_with_one_tap(site_dir, page):
    problems = emergency_numbers_not_callable(page, article(site_dir, page))
    assert not problems, "\n".join(problems)


def test_an_emergency_number_that_cannot_be_tapped_is_reported_with_the_fix():
    html = '<article><p>Call 999 now. Or <a href="tel:911">911</a>.</p></article>'
    assert emergency_numbers_not_callable("broken.md", article_of(html)) == [
        "docs/broken.md: 999 is written but never linked: write [999](tel:999), so a phone can call it"
    ]
