"""The build pipeline is written down in overrides/hooks/README.md, and the build runs as it says."""

from __future__ import annotations

import importlib
import re
from pathlib import Path

import pytest

from site_tools.site_files import ROOT, load_config

PIPELINE = ROOT / "overrides" / "hooks" / "README.md"
# The order in which MkDocs' build fires the events (mkdocs/commands/build.py).
EVENTS = [
    "on_config",
    "on_pre_build",
    "on_files",
    "on_nav",
    "on_pre_page",
    "on_page_read_source",
    "on_page_markdown",
    "on_page_content",
    "on_env",
    "on_pre_template",
    "on_template_context",
    "on_post_template",
    "on_page_context",
    "on_post_page",
    "on_post_build",
]
ROW = re.compile(r"^\| `(?P<hook>[\w.]+\.py)` \| (?P<events>[^|]*) \|(?:[^|]*\|){2} (?P<after>[^|]*) \|", re.MULTILINE)
CODE = re.compile(r"`([^`]+)`")


def pipeline_rows(text: str) -> dict[str, dict]:
    """Each hook's row of the pipeline table: its events and the hooks it runs after."""
    return {
        row["hook"]: {"events": set(CODE.findall(row["events"])), "after": CODE.findall(row["after"])}
        for row in ROW.finditer(text)
    }


def listed_hooks(config: dict) -> list[str]:
    return [Path(path).name for path in config["hooks"]]


def handlers(hook: str) -> dict[str, int]:
    """The hook's event handlers and the priority of each (MkDocs' default is 0)."""
    module = importlib.import_module(f"site_hooks.{hook.removesuffix('.py')}")
    return {
        name: getattr(getattr(module, name), "mkdocs_priority", 0)
        for name in EVENTS
        if callable(getattr(module, name, None))
    }


def run_times(hook: str, hooks: list[str]) -> dict[str, tuple[int, int, int]]:
    """When, in a build, each of the hook's handlers runs: by event, then priority, then place in `hooks:`."""
    return {event: (EVENTS.index(event), -priority, hooks.index(hook)) for event, priority in handlers(hook).items()}


def runs_after(hook: str, needed: str, hooks: list[str]) -> bool:
    """Whether `hook` finishes after `needed` does, and follows it on every event both handle."""
    times, needed_times = run_times(hook, hooks), run_times(needed, hooks)
    shared = times.keys() & needed_times.keys()
    return max(times.values()) > max(needed_times.values()) and all(times[e] > needed_times[e] for e in shared)


def order_problems(rows: dict[str, dict], hooks: list[str]) -> list[str]:
    """A message for each "runs after" that the build's order of running breaks."""
    problems = []
    for hook, row in rows.items():
        for needed in row["after"]:
            if needed not in hooks:
                problems.append(f"{PIPELINE.name}: {hook} runs after {needed}, which is not in `hooks:`")
            elif hook in hooks and not runs_after(hook, needed, hooks):
                problems.append(
                    f"mkdocs.yml: {hook} must run after {needed} ({PIPELINE.name} says so): "
                    f"move it below {needed} in `hooks:`"
                )
    return problems


def missing_rows(rows: dict[str, dict], hooks: list[str]) -> list[str]:
    return [
        f"mkdocs.yml lists {hook} but overrides/hooks/README.md has no line for it: add its events, "
        "what it reads and writes, what it runs after and what it relies on"
        for hook in hooks
        if hook not in rows
    ]


CONFIG = load_config()
HOOKS = listed_hooks(CONFIG)
ROWS = pipeline_rows(PIPELINE.read_text(encoding="utf-8"))


def test_every_hook_in_mkdocs_yml_has_its_line_in_the_pipeline():
    assert not missing_rows(ROWS, HOOKS), missing_rows(ROWS, HOOKS)
    assert set(ROWS) == set(HOOKS), f"the pipeline lists hooks mkdocs.yml does not load: {set(ROWS) - set(HOOKS)}"


def test_a_hook_added_without_its_line_is_caught():
    assert missing_rows(ROWS, [*HOOKS, "new_check.py"]) == [
        "mkdocs.yml lists new_check.py but overrides/hooks/README.md has no line for it: add its events, "
        "what it reads and writes, what it runs after and what it relies on"
    ]


@pytest.mark.parametrize("hook", HOOKS)
def test_each_hooks_events_are_the_ones_its_code_handles(hook):
    assert ROWS[hook]["events"] == set(handlers(hook)), (
        f"overrides/hooks/README.md gives {hook} the events {sorted(ROWS[hook]['events'])}, "
        f"but its code handles {sorted(handlers(hook))}"
    )


def test_every_hook_runs_after_the_hooks_it_needs():
    assert not order_problems(ROWS, HOOKS), order_problems(ROWS, HOOKS)


def moved_above(hook: str, other: str) -> list[str]:
    hooks = [name for name in HOOKS if name != hook]
    hooks.insert(hooks.index(other), hook)
    return hooks


def test_a_hook_moved_above_one_it_needs_is_caught():
    # On an event two hooks share (on_post_page, on_files), only their place in `hooks:` decides
    # which runs first. Above minify.py, security_headers.py is above lean_css.py too.
    assert order_problems(ROWS, moved_above("security_headers.py", "minify.py")) == [
        "mkdocs.yml: security_headers.py must run after minify.py (README.md says so): "
        "move it below minify.py in `hooks:`",
        "mkdocs.yml: security_headers.py must run after lean_css.py (README.md says so): "
        "move it below lean_css.py in `hooks:`",
    ]
    assert order_problems(ROWS, moved_above("front_matter.py", "editor_files.py")) == [
        "mkdocs.yml: front_matter.py must run after editor_files.py (README.md says so): "
        "move it below editor_files.py in `hooks:`",
    ]


def untyped_handlers(module) -> list[str]:
    """The hook's event handlers that leave a parameter or the return without a type."""
    return [
        name
        for name in EVENTS
        if callable(handler := getattr(module, name, None))
        and ("return" not in handler.__annotations__ or len(handler.__annotations__) <= handler.__code__.co_argcount)
    ]


@pytest.mark.parametrize("hook", HOOKS)
def test_each_hooks_handlers_are_typed(hook):
    untyped = untyped_handlers(importlib.import_module(f"site_hooks.{hook.removesuffix('.py')}"))
    assert not untyped, (
        f"overrides/hooks/{hook}: type every parameter and the return of {untyped}, with MkDocs' classes"
    )


def test_an_untyped_handler_is_caught():
    def on_files(files, config):
        return files

    assert untyped_handlers(type("hook", (), {"on_files": staticmethod(on_files)})) == ["on_files"]
