"""Fail the build when any link in the built site is broken (site_tools/link_check.py finds them)."""

from __future__ import annotations

import os
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files

from site_tools.link_check import ALLOWED_DOMAINS_FILE, check_site, read_allowed_domains

_sources: dict[str, str] = {}


def on_files(files: Files, config: MkDocsConfig) -> None:
    """Remember which Markdown file each page is built from, for the messages."""
    root = os.path.dirname(config.config_file_path)
    _sources.clear()
    for file in files.documentation_pages():
        if file.abs_src_path is not None:
            _sources[file.dest_uri] = Path(os.path.relpath(file.abs_src_path, root)).as_posix()


@event_priority(-100)  # after the search and redirects plugins have written their files
def on_post_build(config: MkDocsConfig) -> None:
    root = Path(config.config_file_path).parent
    domains_file = root / ALLOWED_DOMAINS_FILE
    allowed = read_allowed_domains(domains_file) if domains_file.is_file() else None
    problems = check_site(Path(config.site_dir), config.site_url or "/", root, _sources, allowed)
    if problems:
        raise PluginError(f"Broken links ({len(problems)}):\n  " + "\n  ".join(problems))
