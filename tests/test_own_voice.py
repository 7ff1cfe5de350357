"""Patient pages speak in the site's own voice: they say what is true, not what a source said.

A patient wants to know what is true and what to do. Phrases such as "the general article says"
or "our sources do not say" narrate the site's sources instead; the Sources page, which lists what
we checked and what we found, is the one place for them. The check reads each page's Markdown, so
that it can name the file and the line, and then the built pages, so that text a template or hook
adds is counted too. Source markers, `([clinic page](#source-article-clinic))`, are the quiet way
to cite, so they are not counted.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pytest

from site_tools.site_files import DOCS, markdown_pages, parsed_page

MAX_PER_PAGE = 1
MAX_IN_SITE = 6
# The one page whose job is to say what each source said. The staff page and the whole guide are
# made by hooks, so they are not Markdown pages, and the built-site check leaves them out.
EXEMPT_PAGES = {"sources.md"}
PATIENT_PAGES = [page for page in markdown_pages() if page not in EXEMPT_PAGES]

SOURCE = (
    r"(?:NICE|the FDA(?: label)?|the label|the trials?|the study|the review|PREEMPT|one (?:pain )?clinic|the author)"
)
NARRATING = re.compile(
    r"\b(?:"
    r"the general (?:health )?article|the clinic(?:'s)? (?:web )?page|the pain clinic|(?:the|both|2|two) articles?|"
    r"(?:in )?one article|our sources|the sources|according to|(?:go by|trust) (?:the )?(?:FDA|NICE)|"
    rf"{SOURCE} (?:says|said|say|calls|called|suggests|warns|reports|tells us|talks about|agrees?|disagrees?)"
    r")\b",
    re.IGNORECASE,
)
# A source marker's text names its source on purpose; a heading id is an address, not words.
NOT_READ = re.compile(r"\[[^\]]*\]\(#source-[^)]*\)|\{#[^}]*\}")
FIX = (
    "say what is true in the site's own voice, what applies where (NHS rules in England and Wales, US insurers, "
    '"your clinic may ..."), and cite it quietly with a marker such as ([NICE](#source-nice-ta260)); '
    "what a source got wrong goes in docs/sources.md"
)


@dataclass
class Narration:
    page: str
    line: int
    phrase: str


def narrations(page: str, markdown: str) -> list[Narration]:
    """Every phrase of `markdown`, the text of docs/`page`, that narrates a source, with its line."""
    return [
        Narration(page, number, match[0])
        for number, line in enumerate(markdown.splitlines(), start=1)
        for match in NARRATING.finditer(NOT_READ.sub("", line))
    ]


def voice_problems(found: list[Narration], per_page: int = MAX_PER_PAGE, in_site: int = MAX_IN_SITE) -> list[str]:
    """A message, naming file and line, for each phrase past the limits of `per_page` and `in_site`."""
    by_page: dict[str, list[Narration]] = {}
    for narration in found:
        by_page.setdefault(narration.page, []).append(narration)
    problems = [
        f'docs/{n.page}:{n.line}: "{n.phrase}" narrates a source ({len(page_found)} on this page, at most {per_page}): {FIX}'
        for page_found in by_page.values()
        if len(page_found) > per_page
        for n in page_found
    ]
    if not problems and len(found) > in_site:
        where = ", ".join(f'docs/{n.page}:{n.line} "{n.phrase}"' for n in found)
        problems.append(
            f"the patient pages narrate a source {len(found)} times, at most {in_site} in all: {where}: {FIX}"
        )
    return problems


def page_narrations(page: str) -> list[Narration]:
    return narrations(page, (DOCS / page).read_text(encoding="utf-8"))


@pytest.mark.parametrize("page", PATIENT_PAGES)
def test_no_patient_page_narrates_its_sources_more_than_once(page):
    problems = voice_problems(page_narrations(page), in_site=MAX_PER_PAGE)
    assert not problems, "\n".join(problems)


def test_the_patient_pages_narrate_their_sources_at_most_6_times_in_all():
    problems = voice_problems([n for page in PATIENT_PAGES for n in page_narrations(page)])
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("page", PATIENT_PAGES)
def test_no_built_patient_page_narrates_its_sources_more_than_once(site_dir, page):
    article = parsed_page(site_dir, page).css_first("article")
    for node in article.css('a[href^="#source-"], #sources, #sources ~ *, .page-end'):
        node.decompose()
    phrases = NARRATING.findall(" ".join(article.text(separator=" ").split()))
    assert len(phrases) <= MAX_PER_PAGE, (
        f"the built page of docs/{page} narrates a source {len(phrases)} times: {phrases}: {FIX}"
    )


def test_a_page_that_narrates_its_sources_is_reported_with_its_file_and_line():
    markdown = (
        "---\ntitle: Timeline\n---\n\n"
        "Relief can take up to 14 days ([clinic page](#source-article-clinic)).\n"
        "\n"
        "The clinic page says you may need it every 3 to 6 months.\n"
        "Our sources do not say anything about driving.\n"
    )
    assert voice_problems(narrations("timeline.md", markdown)) == [
        f'docs/timeline.md:7: "The clinic page" narrates a source (2 on this page, at most 1): {FIX}',
        f'docs/timeline.md:8: "Our sources" narrates a source (2 on this page, at most 1): {FIX}',
    ]


def test_more_than_6_narrations_in_all_are_reported_even_at_1_a_page():
    found = [narrations(f"page-{number}.md", "NICE says so.\n")[0] for number in range(7)]
    problems = voice_problems(found)
    assert len(problems) == 1 and problems[0].startswith(
        "the patient pages narrate a source 7 times, at most 6 in all: "
    )
    assert 'docs/page-6.md:1 "NICE says"' in problems[0]


@pytest.mark.parametrize(
    "sentence",
    [
        "The general article says it lasts 10 to 12 weeks.",
        "Both articles say the chemicals carry pain.",
        "In one article, a doctor suggests 2 questions.",
        "The sources disagree on this.",
        "The FDA label warns that it can spread.",
        "Go by the FDA, which says it can happen.",
    ],
)
def test_each_kind_of_narrating_phrase_is_found(sentence):
    assert narrations("x.md", sentence), f"not found: {sentence!r}"


def test_source_markers_heading_ids_and_plain_statements_are_not_counted():
    markdown = (
        "## How you may feel {#what-the-articles-say}\n"
        "Relief lasts about 12 weeks ([clinic page](#source-article-clinic), [general article](#source-article-general)).\n"
        "NICE recommends other treatments. Your clinic may space treatments differently.\n"
    )
    assert narrations("results.md", markdown) == []
