"""When each page is due for review, and what day "today" is for a build.

Today's date is the environment variable SITE_REVIEW_DATE (YYYY-MM-DD) when it is set, so that a
build can be checked as of any day; every function takes `today`, so tests never use the real date.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping

from mkdocs.exceptions import PluginError
from mkdocs.utils.meta import get_data

from site_tools.front_matter import FRONT_MATTER, field_line

TODAY_VARIABLE = "SITE_REVIEW_DATE"


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


def due_for_review(
    pages: Mapping[str, str], today: datetime.date, days: int = 0
) -> list[tuple[str, int, datetime.date]]:
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
