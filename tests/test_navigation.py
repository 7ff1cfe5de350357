from collections import Counter

from site_tools.site_files import DOCS, build, copy_project, markdown_pages, nav_pages, page_meta

NAV = nav_pages()


def test_every_nav_entry_exists():
    missing = [entry for entry in NAV if not (DOCS / entry).is_file()]
    assert not missing, f"mkdocs.yml lists pages that are not in docs/: {missing}"


def test_every_page_is_in_the_nav():
    pages = markdown_pages()
    fixes = [
        *(f"add {page}" for page in sorted(set(pages) - set(NAV))),
        *(f"list {entry} only once" for entry, count in sorted(Counter(NAV).items()) if count > 1),
        *(f"remove {entry}, which is not a page in docs/" for entry in sorted(set(NAV) - set(pages))),
    ]
    assert sorted(NAV) == pages, "`nav:` in mkdocs.yml must list every page in docs/ once: " + "; ".join(fixes)


def test_a_page_missing_from_the_nav_fails_the_build(tmp_path):
    project = copy_project(tmp_path / "project")
    (project / "docs" / "results.md").rename(project / "docs" / "new-page.md")
    (project / "docs" / "results.md").write_text((project / "docs" / "new-page.md").read_text())
    result = build(tmp_path / "site", project)
    assert result.returncode != 0, "a page left out of `nav:` in mkdocs.yml did not fail the strict build"
    # MkDocs' own warning, "not included in the nav", is meant for developers: an editor gets this one,
    # from overrides/hooks/editor_checks.py, with the line to add.
    title = page_meta("results.md")["title"]
    message = f"docs/new-page.md is not in the navigation: add `- {title}: new-page.md` under `nav:` in mkdocs.yml"
    assert message in result.stderr, (
        f"the build did not give overrides/hooks/editor_checks.py's message for a page left out of the nav, "
        f"{message!r}: keep `on_nav` raising it; the build said:\n{result.stderr}"
    )
