"""Overdue reviews are reported on every build without failing it; a command looks ahead 60 days."""

import datetime
import logging

import pytest
from mkdocs.config import load_config as load_mkdocs_config
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import get_files

from site_hooks import review_dates
from site_tools import reviews
from site_tools.review_due import main, report
from site_tools.site_files import CONFIG_FILE

TODAY = datetime.date(2027, 11, 21)


def page(next_review: str) -> str:
    return f"---\ntitle: A page\nreviewed: 2026-11-21\nnext_review: {next_review}\n---\n\nText.\n"


PAGES = {
    "docs/overdue.md": page("2027-10-01"),
    "docs/due-today.md": page("2027-11-21"),
    "docs/due-soon.md": page("2028-01-10"),
    "docs/due-later.md": page("2028-06-01"),
}


def test_today_is_site_review_date_when_set():
    assert reviews.today_from({"SITE_REVIEW_DATE": "2027-11-21"}) == TODAY


def test_a_wrong_site_review_date_is_reported_with_the_fix():
    with pytest.raises(PluginError, match=r"SITE_REVIEW_DATE is `21/11/2027`: write it as YYYY-MM-DD"):
        reviews.today_from({"SITE_REVIEW_DATE": "21/11/2027"})


def test_pages_due_within_the_days_are_listed_earliest_first():
    due = reviews.due_for_review(PAGES, TODAY, days=60)
    assert [(path, date.isoformat()) for path, _, date in due] == [
        ("docs/overdue.md", "2027-10-01"),
        ("docs/due-today.md", "2027-11-21"),
        ("docs/due-soon.md", "2028-01-10"),
    ]


def test_an_overdue_page_is_reported_with_file_line_and_fix():
    [(path, line, due)] = reviews.due_for_review({"docs/overdue.md": PAGES["docs/overdue.md"]}, TODAY)
    assert review_dates.overdue_message(path, line, due, TODAY) == (
        "REVIEW OVERDUE: docs/overdue.md:4: the review was due on 2027-10-01, 51 days ago: check the page "
        "against its sources, then set `reviewed: 2027-11-21` and `next_review: 2028-11-21`"
    )


def test_a_review_date_written_with_a_space_before_the_colon_is_found_on_its_line():
    """`next_review : 2027-10-01` is valid YAML, so the front matter check lets it through."""
    markdown = PAGES["docs/overdue.md"].replace("next_review:", "next_review :")
    assert reviews.due_for_review({"docs/overdue.md": markdown}, TODAY) == [
        ("docs/overdue.md", 4, datetime.date(2027, 10, 1))
    ]


def test_the_build_reports_overdue_pages_without_failing(monkeypatch, caplog):
    config = load_mkdocs_config(str(CONFIG_FILE))
    monkeypatch.setenv("SITE_REVIEW_DATE", "2099-01-01")
    with caplog.at_level(logging.INFO, logger="mkdocs"):
        review_dates.on_files(get_files(config), config)
    overdue = [record for record in caplog.records if record.getMessage().startswith("REVIEW OVERDUE: docs/")]
    assert overdue, "no overdue page reported"
    # A warning would fail the strict build, so the message must stay below WARNING.
    assert all(record.levelno == logging.INFO for record in overdue)


def test_no_page_is_reported_before_its_review_is_due(monkeypatch, caplog):
    config = load_mkdocs_config(str(CONFIG_FILE))
    monkeypatch.setenv("SITE_REVIEW_DATE", "2000-01-01")
    with caplog.at_level(logging.INFO, logger="mkdocs"):
        review_dates.on_files(get_files(config), config)
    assert not [record for record in caplog.records if "REVIEW OVERDUE" in record.getMessage()]


def test_the_command_marks_overdue_pages():
    lines = report(PAGES, TODAY, 60).splitlines()
    assert lines[0] == "Pages due for review by 2028-01-20 (today 2027-11-21 + 60 days):"
    assert lines[1].split() == ["OVERDUE", "2027-10-01", "docs/overdue.md"]
    assert lines[2].split() == ["due", "2027-11-21", "docs/due-today.md"]
    assert "docs/due-later.md" not in report(PAGES, TODAY, 60)


def test_the_command_runs_on_the_real_pages(capsys):
    assert main(["--today", "2000-01-01", "--days", "1"]) == 0
    assert capsys.readouterr().out.startswith("No page is due for review by 2000-01-02")
