"""Fail the build, before any page is read, on a file in docs/ that cannot be read or published as it is.

A file saved by Word or an old editor in another encoding would otherwise stop the build with a
traceback; a file name with spaces or accents becomes a web address full of `%20` that staff cannot
read out to a patient; and a page of megabytes (a paste gone wrong) is no page a patient on a
phone can use, and slows every build. Each problem names the file, the line where there is one,
and the fix. A byte-order mark and Windows line endings are fine: MkDocs reads both.
"""

from __future__ import annotations

import os
import re
import unicodedata

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files

# Ten times the longest page today (6 KB): past this it is a paste gone wrong, not a page.
MAX_PAGE_BYTES = 100_000
# Web addresses staff can read out and type: lower-case letters, digits and hyphens.
PLAIN_NAME = re.compile(r"[a-z0-9][a-z0-9-]*(\.[a-z0-9]+)*")


def plain_name(name: str) -> str:
    """`name` as a plain web address: "Side effects é.md" -> "side-effects-e.md"."""
    stem, dot, suffix = name.rpartition(".") if "." in name else (name, "", "")
    ascii_stem = unicodedata.normalize("NFKD", stem).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", ascii_stem.lower()).strip("-") + dot + suffix.lower()


def file_problems(path: str, data: bytes) -> list[str]:
    """One message per problem with the editor's file `path` (relative to the project), `data` its bytes."""
    problems = []
    folders, name = os.path.split(path)
    for part in [*folders.split("/")[1:], name]:  # docs/ itself is the project's
        if part and not PLAIN_NAME.fullmatch(part):
            problems.append(
                f"{path}: the name {part!r} has spaces, capitals or letters other than a to z, which make "
                f"a web address hard to read out or type: rename it {plain_name(part)!r} (and any link to it)"
            )
    if path.endswith(".md"):
        try:
            data.decode("utf-8")
        except UnicodeDecodeError as error:
            line = data.count(b"\n", 0, error.start) + 1
            problems.append(
                f"{path}:{line}: the file is not saved as UTF-8 (byte {data[error.start]:#04x} on this line is "
                "not text in UTF-8; Word and old editors save curly quotes and dashes so): save it again as "
                "UTF-8 in your editor, or retype the quotes and dashes on this line"
            )
        if len(data) > MAX_PAGE_BYTES:
            problems.append(
                f"{path}:1: the page is {len(data) / 1000:,.0f} KB, more than {MAX_PAGE_BYTES // 1000} KB: "
                "a page patients read on a phone must be short; split it into pages of one topic each, "
                "or check whether something was pasted many times"
            )
    return problems


def on_files(files: Files, config: MkDocsConfig) -> Files:
    root = os.path.dirname(config.config_file_path)
    problems = []
    for file in files:
        if file.abs_src_path and os.path.commonpath([file.abs_src_path, config.docs_dir]) == config.docs_dir:
            with open(file.abs_src_path, "rb") as source:
                problems += file_problems(os.path.relpath(file.abs_src_path, root).replace(os.sep, "/"), source.read())
    if problems:
        raise PluginError("Files in docs/ that cannot be published as they are:\n  " + "\n  ".join(problems))
    return files
