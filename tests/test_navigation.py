from site_files import DOCS, build, copy_project, load_config, markdown_pages


def nav_files(entries):
    for entry in entries:
        value = next(iter(entry.values())) if isinstance(entry, dict) else entry
        if isinstance(value, list):
            yield from nav_files(value)
        elif not value.startswith(("http://", "https://")):
            yield value


NAV = list(nav_files(load_config()["nav"]))


def test_every_nav_entry_exists():
    missing = [entry for entry in NAV if not (DOCS / entry).is_file()]
    assert not missing, f"mkdocs.yml lists pages that are not in docs/: {missing}"


def test_every_page_is_in_the_nav():
    assert sorted(NAV) == markdown_pages()


def test_a_page_missing_from_the_nav_fails_the_build(tmp_path):
    project = copy_project(tmp_path / "project")
    (project / "docs" / "results.md").rename(project / "docs" / "new-page.md")
    (project / "docs" / "results.md").write_text((project / "docs" / "new-page.md").read_text())
    result = build(tmp_path / "site", project)
    assert result.returncode != 0
    assert "new-page.md" in result.stderr and "not included in the \"nav\"" in result.stderr
