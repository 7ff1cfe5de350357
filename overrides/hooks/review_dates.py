"""Say on every build which pages are overdue for review, without failing the build.

An overdue review is a task for the editors, not a broken page: the site must still publish, for
example a fix to a phone number, on the day after a review falls due. So the message is logged at
INFO, which `mkdocs build` and `mkdocs serve` print by default, marked "REVIEW OVERDUE" so that it
stands out. A WARNING would not do: the build is strict, and strict mode fails on any warning.

`python scripts/review_due.py` lists the pages due in the coming weeks, with these functions.
Today's date is the environment variable SITE_REVIEW_DATE (YYYY-MM-DD) when it is set, so that a
build can be checked as of any day; every function takes `today`, so tests never use the real date.
"""

from __future__ import annotations

import datetime
import logging
import os
from collections.abc import Mapping

from mkdocs.exceptions import PluginError
from mkdocs.utils.meta import get_data

from front_matter import FRONT_MATTER, a_year_after, field_line

TODAY_VARIABLE = "SITE_REVIEW_DATE"
log = logging.getLogger("mkdocs.hooks.review_dates")


def today_from(environment: Mapping[str, str]) -> datetime.date:
    """SITE_REVIEW_DATE from `environment` when set, otherwise the real date."""
    value = environment.get(TODAY_VARIABLE, "").strip()
    if not value:
        return datetime.date.today()
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise PluginError(f"{TODAY_VARIABLE} is `{value}`: write it as YYYY-MM-DD, such as 2027-11-21") from None


def next_review(markdown: str) -> tuple[int, datetime.date] | None:
    """The file line and the date of the page's `next_review`, if it has a valid one."""
    _, meta = get_data(markdown)
    due = meta.get("next_review")
    if not isinstance(due, datetime.date):
        return None  # front_matter.py reports the missing or wrong date
    front_matter = FRONT_MATTER.match(markdown)
    return (field_line(front_matter.group(1), "next_review") if front_matter else 1), due


def due_for_review(pages: Mapping[str, str], today: datetime.date, days: int = 0) -> list[tuple[str, int, datetime.date]]:
    """(path, line, date) of each page, of `pages` mapping path to Markdown, due by today + `days`.

    Earliest first, so overdue pages come before the ones that are only due soon.
    """
    by = today + datetime.timedelta(days=days)
    due = []
    for path, markdown in pages.items():
        review = next_review(markdown)
        if review and review[1] <= by:
            due.append((path, *review))
    return sorted(due, key=lambda page: (page[2], page[0]))


def overdue_message(path: str, line: int, due: datetime.date, today: datetime.date) -> str:
    days = (today - due).days
    return (
        f"REVIEW OVERDUE: {path}:{line}: the review was due on {due.isoformat()}, {days} days ago: check the "
        f"page against its sources, then set `reviewed: {today.isoformat()}` and "
        f"`next_review: {a_year_after(today).isoformat()}`"
    )


def on_files(files, config):
    root = os.path.dirname(config.config_file_path)
    today = today_from(os.environ)
    pages = {
        os.path.relpath(file.abs_src_path, root): file.content_string
        for file in files.documentation_pages()
        if file.abs_src_path is not None  # a generated page has no review date of its own
    }
    for path, line, due in due_for_review(pages, today):
        if due < today:  # due today is not overdue yet: the review may happen today
            log.info(overdue_message(path, line, due, today))
    return files
