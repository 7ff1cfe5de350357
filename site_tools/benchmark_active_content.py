"""How much the checks of editors' content add to a build: the active-content check and the file check.

    .venv/bin/python -m site_tools.benchmark_active_content [ROUNDS]

The script builds the site in this process once to collect what the checks read (each page's
Markdown and rendered content, each SVG in docs/, each file's bytes), then alternates, ROUNDS
times (default 5), a build of the site without the two hooks (refuse_active_content.py and
editor_files.py) and a run of their checks over what was collected, and keeps each one's fastest,
so that load from other jobs slows both alike. It prints both times and their ratio. Target: the
checks under 10% of the build without them; the exit status is 1 when that is missed, or when the
checks find a problem in the site as it is. Record the figures in README.md.
"""

from __future__ import annotations

import logging
import os
import sys
import tempfile
import time

from mkdocs.commands.build import build
from mkdocs.config import load_config

from site_hooks.editor_files import file_problems
from site_tools.active_content import active_content_problems, svg_problems
from site_tools.site_files import CONFIG_FILE, DOCS, ROOT

ROUNDS = 5
TARGET = 0.10
CHECK_HOOKS = ("overrides/hooks/refuse_active_content.py", "overrides/hooks/editor_files.py")


def site_config(site_dir: str, without_checks: bool = False):
    config = load_config(str(CONFIG_FILE), site_dir=site_dir)
    if without_checks:
        config = load_config(
            str(CONFIG_FILE), site_dir=site_dir, hooks=[h for h in config.hooks if h not in CHECK_HOOKS]
        )
    return config


def collect_pages(site_dir: str) -> list[tuple[str, str, str]]:
    """(path, Markdown, rendered content) of each page the editors wrote, from a build of the site."""
    pages = []

    def collect(html, page, config, files):
        if page.file.abs_src_path:
            pages.append((os.path.relpath(page.file.abs_src_path, ROOT), page.file.content_string, html))
        return html

    config = site_config(site_dir, without_checks=True)
    config.plugins.events["page_content"].append(collect)
    build(config)
    return pages


def run_checks(pages, svgs, files) -> list[str]:
    problems = []
    for path, markdown, html in pages:
        problems += active_content_problems(path, markdown, html)
    for path, text in svgs:
        problems += svg_problems(path, text)
    for path, data in files:
        problems += file_problems(path, data)
    return problems


def fastest(seconds: float, task) -> float:
    start = time.perf_counter()
    task()
    return min(seconds, time.perf_counter() - start)


def main(rounds: int) -> None:
    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    os.environ["NO_MKDOCS_2_WARNING"] = "1"
    with tempfile.TemporaryDirectory() as site_dir:
        pages = collect_pages(site_dir)
        svgs = [
            (path.relative_to(ROOT).as_posix(), path.read_text(encoding="utf-8"))
            for path in sorted(DOCS.rglob("*.svg"))
        ]
        files = [
            (path.relative_to(ROOT).as_posix(), path.read_bytes()) for path in sorted(DOCS.rglob("*")) if path.is_file()
        ]
        problems = run_checks(pages, svgs, files)
        build_time = check_time = float("inf")
        for _ in range(rounds):
            config = site_config(site_dir, without_checks=True)
            build_time = fastest(build_time, lambda config=config: build(config))
            check_time = fastest(check_time, lambda: run_checks(pages, svgs, files))
    ratio = check_time / build_time
    print(f"{len(pages)} pages, {len(svgs)} SVG files, {len(files)} files in docs/; fastest of {rounds} rounds:")
    print(f"  build without the checks: {build_time:.3f} s")
    print(
        f"  the checks:               {check_time * 1000:.1f} ms, {ratio:.1%} of the build (target: under {TARGET:.0%})"
    )
    for problem in problems:
        print(f"  problem found in the site as it is: {problem}")
    sys.exit(0 if ratio < TARGET and not problems else 1)


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else ROUNDS)
