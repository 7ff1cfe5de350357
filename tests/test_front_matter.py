import datetime
import re

import pytest

from site_hooks.front_matter import check_front_matter
from site_tools.site_files import DOCS, build, copy_project, load_config, markdown_pages

KNOWN_SOURCES = load_config()["extra"]["sources"]
TODAY = datetime.date(2026, 11, 21)
GOOD = """---
title: Side effects of Botox for migraine
description: The common and the rare side effects of Botox, and when to get help.
reviewed: 2026-11-21
next_review: 2027-11-21
sources: [article-general, fda-label]
---

Text.
"""


def check(text):
    return check_front_matter("docs/side-effects.md", text, KNOWN_SOURCES, TODAY)


@pytest.mark.parametrize("page", markdown_pages())
def test_every_page_has_valid_front_matter(page):
    text = (DOCS / page).read_text(encoding="utf-8")
    assert check_front_matter(f"docs/{page}", text, KNOWN_SOURCES, TODAY) == []


def test_a_correct_page_passes():
    assert check(GOOD) == []


@pytest.mark.parametrize(
    "broken, expected",
    [
        (
            GOOD.replace("next_review: 2027-11-21\n", ""),
            "docs/side-effects.md:6: next_review is missing: add `next_review: 2027-11-21`, "
            "normally a year after `reviewed`",
        ),
        (
            GOOD.replace("The common and the rare side effects of Botox, and when to get help.", "Side effects."),
            "docs/side-effects.md:3: description is 13 characters long: make it one sentence of 50 to 160",
        ),
        (
            GOOD.replace("when to get help.", "when to get help. Read it now."),
            "docs/side-effects.md:3: description must be one sentence",
        ),
        (
            GOOD.replace("next_review: 2027-11-21", "next_review: 2026-01-01"),
            "docs/side-effects.md:5: next_review (2026-01-01) must come after reviewed (2026-11-21)",
        ),
        (
            GOOD.replace("reviewed: 2026-11-21", "reviewed: 21/11/2026"),
            "docs/side-effects.md:4: reviewed is `21/11/2026`, not a date: write it as YYYY-MM-DD",
        ),
        (
            GOOD.replace("fda-label", "fda-lable"),
            "docs/side-effects.md:6: source `fda-lable` is not in the sources list: did you mean `fda-label`?",
        ),
        (
            GOOD.replace("title:", "titel:"),
            "docs/side-effects.md:2: `titel` is not a known field: did you mean `title`?",
        ),
        (
            GOOD.replace("next_review: 2027-11-21", "next_review: 2027-02-30"),
            "docs/side-effects.md:5: next_review is 2027-02-30, a day that does not exist",
        ),
        (
            GOOD.replace("next_review: 2027-11-21", 'next_review: "2027-11-21"'),
            "docs/side-effects.md:5: next_review is in quotes, so it is read as text: remove the quotes",
        ),
        (
            GOOD.replace("[article-general, fda-label]", "[{article-general: fda-label}]"),
            "docs/side-effects.md:6: each source must be one key on its own",
        ),
        (GOOD.replace("title: Side", "title: [Side"), "docs/side-effects.md:2: the front matter cannot be read"),
        (GOOD.split("---\n", 2)[2], "docs/side-effects.md:1: the page has no front matter"),
    ],
    ids=[
        "missing",
        "too-short",
        "two-sentences",
        "review-order",
        "date-format",
        "unknown-source",
        "typo",
        "impossible-date",
        "quoted-date",
        "source-not-a-key",
        "yaml",
        "none",
    ],
)
def test_a_broken_front_matter_is_reported_with_file_line_and_fix(broken, expected):
    errors = check(broken)
    assert any(error.startswith(expected) for error in errors), errors


def test_every_error_is_reported_at_once():
    broken = GOOD.replace("title: Side effects of Botox for migraine\n", "").replace("fda-label", "nobody")
    errors = check(broken)
    assert len(errors) == 2, errors


def test_a_broken_page_fails_the_build_naming_the_file(tmp_path):
    project = copy_project(tmp_path / "project")
    page = project / "docs" / "timeline.md"
    page.write_text(page.read_text(encoding="utf-8").replace("next_review:", "next_reviw:", 1), encoding="utf-8")
    result = build(tmp_path / "site", project)
    assert result.returncode != 0
    # The line is the front matter's closing `---`, which depends on the page's content.
    assert re.search(r"docs/timeline\.md:\d+: next_review is missing: add `next_review: ", result.stderr), result.stderr
