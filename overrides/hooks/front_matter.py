"""Fail the build when a page's front matter is missing a field or holds a wrong value.

Every error of every page is reported at once, each naming the file, the line and the fix,
because the people who edit these pages are not developers.
"""

from __future__ import annotations

import datetime
import difflib
import os
import re

import yaml
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files

from site_tools.front_matter import FRONT_MATTER, a_year_after, field_line

REQUIRED_FIELDS = ("title", "description", "reviewed", "next_review", "sources")
# Material's own per-page switches are allowed too; anything else is most likely a typo.
OPTIONAL_FIELDS = ("hide", "search", "template")
DESCRIPTION_LENGTH = range(50, 161)


def _impossible_dates(block: str) -> list[tuple[int, str, str]]:
    """The (line, field, value) of each `field: YYYY-MM-DD` whose day is not in the calendar."""
    found = []
    for number, line in enumerate(block.splitlines(), start=2):
        match = re.fullmatch(r"(\w+):\s*(\d{4}-\d\d-\d\d)\s*", line)
        if match:
            try:
                datetime.date.fromisoformat(match[2])
            except ValueError:
                found.append((number, match[1], match[2]))
    return found


def _unsafe_yaml(path: str, block: str) -> list[str]:
    """A message for each YAML anchor, alias or tag in the front matter `block`: an alias can make
    a value of billions of items out of a few lines, which hangs whatever reads it, and a tag such
    as `!!python/object` asks YAML to build a program object. Fields need neither. Read with YAML's
    own parser, event by event, before anything is built."""
    problems = []
    try:
        for event in yaml.parse(block):
            line = event.start_mark.line + 2
            if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
                problems.append(
                    f"{path}:{line}: the front matter uses a YAML anchor or alias (`&name` or `*name`): "
                    "write each value out in full"
                )
            elif getattr(event, "tag", None) and not _implicit(event):
                problems.append(
                    f"{path}:{line}: the front matter holds the tag `{event.tag}`, which asks for a program "
                    "object to be built: remove it and write the value as plain text"
                )
    except yaml.YAMLError:
        return []  # check_front_matter reports the broken YAML, with its line
    return list(dict.fromkeys(problems))  # once per line


def _implicit(event) -> bool:
    """Whether an event's tag is YAML's own guess (a plain value), not one written in the text."""
    implicit = getattr(event, "implicit", True)
    return implicit[0] if isinstance(implicit, tuple) else implicit


def check_front_matter(path: str, text: str, known_sources: dict, today: datetime.date) -> list[str]:
    """Return one message per problem in the front matter of the page `path` (empty if none)."""
    match = FRONT_MATTER.match(text)
    if not match:
        return [
            f"{path}:1: the page has no front matter: start it with a `---` block holding "
            f"{', '.join(REQUIRED_FIELDS)} (copy docs/includes/page-template.md)"
        ]
    block = match.group(1)
    unsafe = _unsafe_yaml(path, block)
    if unsafe:
        return unsafe
    try:
        meta = yaml.safe_load(block) or {}
    except ValueError as error:  # YAML reads 2027-02-30 as a date, then cannot make it one
        return [
            f"{path}:{line}: {field} is {value}, a day that does not exist ({error}): write a real date as YYYY-MM-DD"
            for line, field, value in _impossible_dates(block)
        ] or [f"{path}:2: the front matter holds a value that cannot be read ({error}): check the dates"]
    except yaml.YAMLError as error:
        # Where the broken structure opened is the line to fix, when YAML knows it.
        mark = getattr(error, "context_mark", None) or getattr(error, "problem_mark", None)
        line = mark.line + 2 if mark else 2
        problem = getattr(error, "problem", None) or "it is not valid YAML"
        if "'\\t'" in problem:
            return [
                f"{path}:{line}: the front matter has a tab: indent with spaces, never tabs (`  - article-general`)"
            ]
        return [
            f"{path}:{line}: the front matter cannot be read ({problem}): check the colons and "
            "indentation, and put quotes around a value that contains a colon"
        ]
    if not isinstance(meta, dict):
        return [f"{path}:2: the front matter must be `field: value` lines, one per field"]

    errors = []

    def error(field: str, message: str) -> None:
        errors.append(f"{path}:{field_line(block, field)}: {message}")

    for field in meta:
        if field not in REQUIRED_FIELDS + OPTIONAL_FIELDS:
            close = difflib.get_close_matches(str(field), REQUIRED_FIELDS + OPTIONAL_FIELDS, n=1)
            hint = f"did you mean `{close[0]}`?" if close else "remove it"
            error(field, f"`{field}` is not a known field: {hint}")

    reviewed = meta.get("reviewed")
    example_reviewed = reviewed if isinstance(reviewed, datetime.date) else today
    examples = {
        "title": "title: Side effects of Botox for migraine",
        "description": "description: What the page tells the reader, in one sentence of 50 to 160 characters.",
        "reviewed": f"reviewed: {today.isoformat()}",
        "next_review": f"next_review: {a_year_after(example_reviewed).isoformat()}",
        "sources": "sources: [article-general]",
    }
    for field in REQUIRED_FIELDS:
        if meta.get(field) in (None, "", []):
            note = ", normally a year after `reviewed`" if field == "next_review" else ""
            error(field, f"{field} is missing: add `{examples[field]}`{note}")

    title = meta.get("title")
    if title and not isinstance(title, str):
        error("title", "title must be text: put it in quotes")

    description = meta.get("description")
    if description:
        if not isinstance(description, str):
            error("description", "description must be text: put it in quotes")
        elif len(description) not in DESCRIPTION_LENGTH:
            error(
                "description",
                f"description is {len(description)} characters long: make it one sentence of "
                f"{DESCRIPTION_LENGTH.start} to {DESCRIPTION_LENGTH.stop - 1} characters, because "
                "search engines and link previews show it",
            )
        elif not description.endswith(".") or re.search(r"[.!?]\s", description):
            error("description", "description must be one sentence ending with a full stop")

    dates = {}
    for field in ("reviewed", "next_review"):
        value = meta.get(field)
        if value in (None, ""):
            continue
        if isinstance(value, datetime.date) and not isinstance(value, datetime.datetime):
            dates[field] = value
        elif isinstance(value, str) and re.fullmatch(r"\d{4}-\d\d-\d\d", value.strip()):
            error(field, f"{field} is in quotes, so it is read as text: remove the quotes, `{field}: {value.strip()}`")
        else:
            error(field, f"{field} is `{value}`, not a date: write it as YYYY-MM-DD, for example `{examples[field]}`")
    if len(dates) == 2 and dates["next_review"] <= dates["reviewed"]:
        error(
            "next_review",
            f"next_review ({dates['next_review']}) must come after reviewed ({dates['reviewed']}): "
            f"normally a year later, `{examples['next_review']}`",
        )

    sources = meta.get("sources")
    if sources:
        if not isinstance(sources, list):
            error("sources", "sources must be a list: write `sources: [article-general, nice-ta260]`")
        else:
            for key in sources:
                if not isinstance(key, str):
                    error(
                        "sources",
                        "each source must be one key on its own: write `sources: [article-general, nice-ta260]`",
                    )
                elif key not in known_sources:
                    close = difflib.get_close_matches(str(key), list(known_sources), n=1)
                    hint = f"did you mean `{close[0]}`? " if close else ""
                    error(
                        "sources",
                        f"source `{key}` is not in the sources list: {hint}use a key listed under "
                        "`extra.sources` in mkdocs.yml, or add the new source there",
                    )
    return errors


def on_files(files: Files, config: MkDocsConfig) -> None:
    root = os.path.dirname(config.config_file_path)
    errors = []
    for file in files.documentation_pages():
        if file.abs_src_path is None:  # a page generated by a hook carries its own meta
            continue
        path = os.path.relpath(file.abs_src_path, root)
        errors += check_front_matter(path, file.content_string, config.extra["sources"], datetime.date.today())
    if errors:
        raise PluginError("Front matter problems:\n  " + "\n  ".join(errors))
