"""Odd input from editors' tools builds correctly, or fails with the file, the line and the fix:
never a traceback, never a hang (overrides/hooks/editor_files.py, front_matter.py)."""

import datetime

import pytest

from site_hooks.editor_files import MAX_PAGE_BYTES, file_problems
from site_hooks.front_matter import check_front_matter
from site_tools.site_files import DOCS, build, built_page, copy_project, load_config, page_meta, parsed_page

PAGE = (DOCS / "side-effects.md").read_text(encoding="utf-8")
FRONT_MATTER, BODY = PAGE.split("\n---\n", 1)
# Each of these lines holds ten times the one before: a few lines that would make a billion items.
ALIAS_BOMB = "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{name}: &{name} [{', '.join(['*' + previous] * 10)}]\n" for previous, name in zip("abcdefgh", "bcdefghi")
)


def with_front_matter_line(line: str) -> str:
    """The side-effects page with `line` added to its front matter, as its line 2."""
    return PAGE.replace("---\n", f"---\n{line}", 1)


def front_matter_problems(text: str) -> list[str]:
    return check_front_matter("docs/x.md", text, load_config()["extra"]["sources"], datetime.date(2026, 11, 21))


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            PAGE.replace("  - article-general", "\t- article-general"),
            "docs/x.md:7: the front matter has a tab: indent with spaces",
        ),
        (
            with_front_matter_line("evil: !!python/object/apply:os.system ['echo pwned']\n"),
            "docs/x.md:2: the front matter holds the tag `tag:yaml.org,2002:python/object/apply:os.system`",
        ),
        (with_front_matter_line(ALIAS_BOMB), "docs/x.md:2: the front matter uses a YAML anchor or alias"),
        (with_front_matter_line("title: *undefined\n"), "docs/x.md:2: the front matter uses a YAML anchor or alias"),
        ("", "docs/x.md:1: the page has no front matter"),
    ],
    ids=["tab", "python-object", "alias-bomb", "alias", "empty"],
)
def test_odd_front_matter_gets_a_clear_message(text, expected):
    problems = front_matter_problems(text)
    assert problems and problems[0].startswith(expected), problems


@pytest.mark.parametrize(
    "path, data, expected",
    [
        ("docs/x.md", "Neck pain – a dash".encode("cp1252"), "docs/x.md:1: the file is not saved as UTF-8 (byte 0x96"),
        ("docs/x.md", b"Line one\nLine \x93two\x94\n", "docs/x.md:2: the file is not saved as UTF-8"),
        ("docs/x.md", b"x" * (MAX_PAGE_BYTES + 1), "docs/x.md:1: the page is 100 KB, more than 100 KB"),
        (
            "docs/side effects.md",
            b"",
            "docs/side effects.md: the name 'side effects.md' has spaces, capitals or letters other than a to z, which make a web address hard to read out or type: rename it 'side-effects.md'",
        ),
        ("docs/Zoë.md", b"", "rename it 'zoe.md'"),
        ("docs/assets/Images/x.svg", b"", "the name 'Images' has spaces, capitals"),
    ],
    ids=["cp1252", "line-of-the-bad-byte", "huge", "spaces", "non-ascii", "folder"],
)
def test_an_unusable_file_gets_a_clear_message(path, data, expected):
    problems = file_problems(path, data)
    assert problems and expected in problems[0], problems


def test_a_byte_order_mark_and_windows_line_endings_are_no_problem():
    assert file_problems("docs/x.md", b"\xef\xbb\xbf" + PAGE.replace("\n", "\r\n").encode()) == []


@pytest.fixture(scope="module")
def odd_but_fine_build(tmp_path_factory):
    """A copy of the site whose side-effects page starts with a byte-order mark, whose timeline
    has Windows line endings, and with a new page of text and no heading: built."""
    root = tmp_path_factory.mktemp("odd-but-fine")
    project = copy_project(root / "project")
    docs = project / "docs"
    (docs / "side-effects.md").write_bytes(b"\xef\xbb\xbf" + PAGE.encode())
    timeline = docs / "timeline.md"
    timeline.write_bytes(timeline.read_bytes().replace(b"\n", b"\r\n"))
    (docs / "no-heading.md").write_text(
        FRONT_MATTER.replace("Side effects of", "Notes on") + "\n---\n\nJust one paragraph.\n", encoding="utf-8"
    )
    config = project / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace(
            "  - Sources: sources.md\n", "  - Sources: sources.md\n  - Notes: no-heading.md\n"
        ),
        encoding="utf-8",
    )
    result = build(root / "site", project)
    assert result.returncode == 0, result.stderr
    return root / "site"


@pytest.mark.parametrize(
    "page, title",
    [
        ("side-effects.md", "Side effects of Botox for migraine"),
        ("timeline.md", None),
        ("no-heading.md", "Notes on Botox for migraine"),
    ],
    ids=["byte-order-mark", "windows-line-endings", "no-heading"],
)
def test_odd_but_harmless_input_builds_correctly(odd_but_fine_build, page, title):
    built = parsed_page(odd_but_fine_build, page)
    expected = title or page_meta(page)["title"]
    assert built.css_first("h1").text(strip=True) == expected
    assert "\ufeff" not in built_page(odd_but_fine_build, page).read_text(encoding="utf-8")
    assert "---" not in built.css_first("article").text(), "the front matter was not read as front matter"


@pytest.fixture(scope="module")
def refused_build(tmp_path_factory):
    """A copy with a page in Windows-1252, a 5 MB page and a file name with spaces and an accent."""
    root = tmp_path_factory.mktemp("refused")
    project = copy_project(root / "project")
    docs = project / "docs"
    (docs / "side-effects.md").write_bytes(PAGE.replace("Neck pain is", "Neck pain – it is").encode("cp1252"))
    (docs / "timeline.md").write_text(PAGE + "Neck pain is common.\n" * 250_000, encoding="utf-8")
    (docs / "assets" / "images" / "Side view é.svg").write_text("<svg/>", encoding="utf-8")
    return build(root / "site", project).stderr


@pytest.mark.parametrize(
    "expected",
    [
        f"docs/side-effects.md:{PAGE[: PAGE.index('Neck pain is')].count(chr(10)) + 1}: the file is not saved as UTF-8",
        f"docs/timeline.md:1: the page is {(len(PAGE.encode()) + 21 * 250_000) / 1000:,.0f} KB, more than 100 KB: a page",
        "docs/assets/images/Side view é.svg: the name 'Side view é.svg' has spaces",
    ],
    ids=["not-utf-8", "5-mb-page", "file-name"],
)
def test_an_unusable_file_fails_the_build_with_file_line_and_fix(refused_build, expected):
    assert expected in refused_build
    assert "Traceback" not in refused_build


def test_odd_front_matter_fails_the_build_with_file_line_and_fix(tmp_path):
    project = copy_project(tmp_path / "project")
    docs = project / "docs"
    (docs / "side-effects.md").write_text(PAGE.replace("  - article-general", "\t- article-general"), encoding="utf-8")
    (docs / "timeline.md").write_text(
        with_front_matter_line("evil: !!python/object/apply:os.system ['echo pwned']\n"), encoding="utf-8"
    )
    (docs / "results.md").write_text(with_front_matter_line(ALIAS_BOMB), encoding="utf-8")
    (docs / "questions.md").write_text("", encoding="utf-8")
    stderr = build(tmp_path / "site", project).stderr
    for expected in (
        "docs/side-effects.md:7: the front matter has a tab",
        "docs/timeline.md:2: the front matter holds the tag",
        "docs/results.md:2: the front matter uses a YAML anchor or alias",
        "docs/questions.md:1: the page has no front matter",
    ):
        assert expected in stderr, stderr
    assert "Traceback" not in stderr and "pwned" not in stderr
