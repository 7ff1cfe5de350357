"""Where the project's files are, and how to build the site, for tests and scripts alike."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import yaml
from selectolax.lexbor import LexborHTMLParser

from site_tools.front_matter import FRONT_MATTER

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
CONFIG_FILE = ROOT / "mkdocs.yml"
# Folders under docs/ that hold pieces of pages, not pages.
NOT_PAGES = ("includes",)


def markdown_pages(docs: Path = DOCS) -> list[str]:
    """Every page's path relative to docs/, such as "side-effects.md"."""
    return sorted(
        path.relative_to(docs).as_posix()
        for path in docs.rglob("*.md")
        if not set(path.relative_to(docs).parts) & set(NOT_PAGES)
    )


def nav_pages(entries: list | None = None) -> list[str]:
    """The Markdown files `nav:` in mkdocs.yml lists, in its order, sections opened (no web links)."""
    files = []
    for entry in load_config()["nav"] if entries is None else entries:
        value = next(iter(entry.values())) if isinstance(entry, dict) else entry
        if isinstance(value, list):
            files += nav_pages(value)
        elif not value.startswith(("http://", "https://")):
            files.append(value)
    return files


def page_meta(page: str, docs: Path = DOCS) -> dict:
    """The front matter of a page, such as "side-effects.md", as a dict."""
    return yaml.safe_load(FRONT_MATTER.match((docs / page).read_text(encoding="utf-8")).group(1))


def load_config(config_file: Path = CONFIG_FILE) -> dict:
    with open(config_file, encoding="utf-8") as file:
        return yaml.safe_load(file)


def page_url(page: str) -> str:
    """The URL path, relative to the site's root, of a Markdown page: "side-effects/"."""
    stem = page.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        return stem.removesuffix("index")
    return stem + "/"


def built_page(site_dir: Path, page: str) -> Path:
    """The HTML file a Markdown page becomes with directory URLs."""
    stem = page.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        return site_dir / stem.removesuffix("index") / "index.html"
    return site_dir / stem / "index.html"


def parsed_page(site_dir: Path, page: str) -> LexborHTMLParser:
    """The built HTML of a Markdown page, parsed."""
    return LexborHTMLParser(built_page(site_dir, page).read_text(encoding="utf-8"))


def build(site_dir: Path, project: Path = ROOT) -> subprocess.CompletedProcess:
    """Build the project at `project` strictly into `site_dir`, as the README's commands do."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
    )


def copy_project(destination: Path) -> Path:
    """A throwaway copy of the site's sources, for tests that plant a mistake and build it."""
    destination.mkdir(parents=True, exist_ok=True)
    for name in ("mkdocs.yml", "docs", "overrides"):
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, destination / name)
        else:
            shutil.copy(source, destination / name)
    return destination
