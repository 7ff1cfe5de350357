"""Fail the build when a page or a diagram could run a script or load anything from another site.

The checks are in site_tools/active_content.py; this hook gives them each page's rendered content, with its
Markdown for the line numbers, and each SVG file in docs/. All problems are reported at once.
Pages a hook generates are left out: their markup is the hook's, and the pages they copy are
checked themselves.
"""

from __future__ import annotations

import os

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from site_tools.active_content import active_content_problems, svg_problems

_problems: list[str] = []


def _path(config: MkDocsConfig, abs_path: str) -> str:
    return os.path.relpath(abs_path, os.path.dirname(config.config_file_path))


def on_files(files: Files, config: MkDocsConfig) -> Files:
    _problems.clear()
    for file in files:
        if file.abs_src_path and file.src_uri.lower().endswith(".svg"):
            _problems.extend(svg_problems(_path(config, file.abs_src_path), file.content_string))
    return files


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if page.file.abs_src_path:
        _problems.extend(active_content_problems(_path(config, page.file.abs_src_path), page.file.content_string, html))
    return html


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    # After every page's content is rendered, before any page is written.
    if _problems:
        raise PluginError("Content that could run a script or load from another site:\n  " + "\n  ".join(_problems))
    return env
