"""How a page's front matter is found and its lines counted, for every check that reads it."""

import datetime
import re

FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)(?:---|\.\.\.)[ \t]*\n", re.DOTALL)


def field_line(block: str, field: str) -> int:
    """The file line of `field:` in the front matter `block` (the opening `---` is line 1), or of the
    closing `---`. YAML allows spaces before the colon."""
    for number, line in enumerate(block.splitlines(), start=2):
        if re.match(rf"{field}\s*:", line):
            return number
    return block.count("\n") + 2


def a_year_after(day: datetime.date) -> datetime.date:
    try:
        return day.replace(year=day.year + 1)
    except ValueError:  # 29 February
        return day + datetime.timedelta(days=365)
