"""Fail the build on the mistakes an editor can make in a page's Markdown (site_tools/editor_checks.py
finds them: missing alt text, vague link text, headings, ids, the glossary, the navigation)."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation

from site_tools.editor_checks import site_problems


def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    problems = site_problems(nav, config, files)
    if problems:
        raise PluginError("Problems in the pages:\n  " + "\n  ".join(problems))
    return nav
