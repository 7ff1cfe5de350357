"""Say on every build which pages are overdue for review, without failing the build.

An overdue review is a task for the editors, not a broken page: the site must still publish, for
example a fix to a phone number, on the day after a review falls due. So the message is logged at
INFO, which `mkdocs build` and `mkdocs serve` print by default, marked "REVIEW OVERDUE" so that it
stands out. A WARNING would not do: the build is strict, and strict mode fails on any warning.

`python -m site_tools.review_due` lists the pages due in the coming weeks; both find the dates
with site_tools/reviews.py, where "today" can be set for a build (SITE_REVIEW_DATE).
"""

from __future__ import annotations

import datetime
import logging
import os

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files

from site_tools.front_matter import a_year_after
from site_tools.reviews import due_for_review, today_from

log = logging.getLogger("mkdocs.hooks.review_dates")


def overdue_message(path: str, line: int, due: datetime.date, today: datetime.date) -> str:
    days = (today - due).days
    return (
        f"REVIEW OVERDUE: {path}:{line}: the review was due on {due.isoformat()}, {days} days ago: check the "
        f"page against its sources, then set `reviewed: {today.isoformat()}` and "
        f"`next_review: {a_year_after(today).isoformat()}`"
    )


def on_files(files: Files, config: MkDocsConfig) -> Files:
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
