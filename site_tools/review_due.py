"""List the pages whose review is overdue or due in the coming days, earliest first.

    .venv/bin/python -m site_tools.review_due                         # due in the next 60 days
    .venv/bin/python -m site_tools.review_due --days 90 --today 2027-10-01

Today is --today, else the environment variable SITE_REVIEW_DATE, else the real date. The build
itself reports overdue pages (overrides/hooks/review_dates.py); this looks ahead.
"""

from __future__ import annotations

import argparse
import datetime
import os
import sys

from site_tools.reviews import due_for_review, today_from
from site_tools.site_files import DOCS, markdown_pages


def report(pages: dict[str, str], today: datetime.date, days: int) -> str:
    due = due_for_review(pages, today, days)
    until = today + datetime.timedelta(days=days)
    if not due:
        return f"No page is due for review by {until.isoformat()} (today {today.isoformat()} + {days} days)."
    lines = [f"Pages due for review by {until.isoformat()} (today {today.isoformat()} + {days} days):"]
    for path, _, date in due:
        state = "OVERDUE" if date < today else "due"
        lines.append(f"  {state:<8} {date.isoformat()}  {path}")
    lines.append("After reviewing a page, set `reviewed:` to the day of the review and `next_review:` a year later.")
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--days", type=int, default=60, help="how many days ahead to look (default 60)")
    parser.add_argument("--today", type=datetime.date.fromisoformat, help="the day to count from, YYYY-MM-DD")
    arguments = parser.parse_args(argv)
    today = arguments.today or today_from(os.environ)
    pages = {f"docs/{page}": (DOCS / page).read_text(encoding="utf-8") for page in markdown_pages()}
    print(report(pages, today, arguments.days))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
