import statistics

import pytest

from site_tools.readability_report import (
    MAX_GRADE,
    MAX_MEDIAN_GRADE,
    MAX_SENTENCE_WORDS,
    main,
    measure,
    measure_site,
    problems,
)
from site_tools.site_files import markdown_pages


@pytest.fixture(scope="session")
def readability(site_dir):
    return {r.page: r for r in measure_site(site_dir)}


@pytest.mark.parametrize("page", markdown_pages())
def test_every_page_reads_at_grade_8_or_lower(readability, page):
    # problems() lists a page's reading grade first, with its file and the fix
    assert readability[page].grade <= MAX_GRADE, problems([readability[page]])[0]


@pytest.mark.parametrize("page", markdown_pages())
def test_every_sentence_has_20_words_or_fewer(readability, page):
    assert readability[page].longest_sentence_words <= MAX_SENTENCE_WORDS, problems([readability[page]])


def test_the_median_page_reads_at_grade_6_or_lower(readability):
    median = statistics.median(r.grade for r in readability.values())
    hardest = sorted(readability.values(), key=lambda r: r.grade, reverse=True)[:3]
    assert median <= MAX_MEDIAN_GRADE, (
        f"the median reading grade {median} is above {MAX_MEDIAN_GRADE}: use shorter sentences and plainer "
        "words, starting with the hardest pages: " + ", ".join(f"docs/{r.page} (grade {r.grade})" for r in hardest)
    )


def test_the_report_runs_on_the_built_site(site_dir, capsys):
    main([str(site_dir)])
    report = capsys.readouterr().out
    for page in markdown_pages():
        assert page in report
    assert "median grade:" in report


def test_a_hard_page_is_reported_with_its_file_and_the_fix():
    hard = (
        "<article><p>Pharmacological prophylaxis utilising onabotulinumtoxinA necessitates "
        "comprehensive interdisciplinary evaluation, considering contraindications, "
        "comorbidities and institutional reimbursement determinations.</p></article>"
    )
    found = problems([measure("hard.md", hard)] * 3)
    assert found[0].startswith("docs/hard.md: reading grade")
    assert "use shorter sentences and plainer words" in found[0]
    assert found[-1].startswith("the median reading grade")


def test_a_long_sentence_is_reported_with_its_file_and_the_fix():
    words = " ".join(["word"] * 25)
    found = problems([measure("long.md", f"<article><p>{words}.</p></article>")])
    assert found == [f"docs/long.md: a sentence has 25 words, more than 20: split it: '{words}.'"]


def test_list_items_count_as_sentences():
    html = "<article><ul><li>Neck pain</li><li>Headache</li></ul></article>"
    assert measure("list.md", html).longest_sentence == "Neck pain."
