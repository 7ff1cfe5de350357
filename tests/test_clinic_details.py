"""The clinic's details live in one place, `extra.clinic` in mkdocs.yml: change them there and
every page, including the 404 page, the staff links and the whole guide, shows the new ones."""

import pytest
import yaml

from site_tools.site_files import build, copy_project, load_config

OLD = load_config()["extra"]["clinic"]
NEW = {"phone": "01632 960 999", "name": "Anytown Migraine Service"}


def pages_with_stale_details(site_dir, new: dict, old: dict) -> list[str]:
    """Every built HTML page that lacks a new value or still shows an old one."""
    problems = []
    for path in sorted(site_dir.rglob("*.html")):
        text = path.read_text(encoding="utf-8")
        if 'http-equiv="refresh"' in text:
            continue  # a redirect from an old address shows nothing before it moves on
        for field, value in new.items():
            if value not in text:
                problems.append(f"{path.relative_to(site_dir)}: the new {field} {value!r} is missing")
            if old[field] in text:
                problems.append(
                    f"{path.relative_to(site_dir)}: the old {field} {old[field]!r} is still there: "
                    "write it as {{ config.extra.clinic." + field + " }} instead"
                )
    return problems


@pytest.fixture(scope="module")
def site_with_new_details(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("project"))
    config_file = project / "mkdocs.yml"
    text = config_file.read_text(encoding="utf-8")
    for field, value in NEW.items():
        text = text.replace(f"{field}: {OLD[field]}", f"{field}: {value}", 1)
    config_file.write_text(text, encoding="utf-8")
    assert {k: v for k, v in yaml.safe_load(text)["extra"]["clinic"].items() if k in NEW} == NEW
    site_dir = tmp_path_factory.mktemp("site")
    result = build(site_dir, project)
    assert result.returncode == 0, result.stderr
    return site_dir


def test_one_edit_to_the_clinic_details_changes_every_page(site_with_new_details):
    pages = sorted(site_with_new_details.rglob("*.html"))
    assert {"404.html", "staff/index.html", "whole-guide/index.html"} <= {
        str(page.relative_to(site_with_new_details)) for page in pages
    }
    problems = pages_with_stale_details(site_with_new_details, NEW, OLD)
    assert not problems, "\n".join(problems)


def test_a_page_with_the_old_details_written_in_is_reported(site_dir):
    problems = pages_with_stale_details(site_dir, NEW, OLD)
    assert "404.html: the new phone '01632 960 999' is missing" in problems
    assert (
        "404.html: the old phone '01632 960 123' is still there: write it as {{ config.extra.clinic.phone }} instead"
    ) in problems
