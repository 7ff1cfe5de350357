"""Editor mistakes in a page's Markdown fail the build, naming the file, the line and the fix."""

import pytest
from mkdocs.config import load_config as load_mkdocs_config
from mkdocs.structure.files import get_files
from mkdocs.structure.nav import get_navigation

from site_tools.editor_checks import glossary_terms, page_problems, site_problems
from site_tools.site_files import CONFIG_FILE, DOCS, ROOT, build, copy_project, markdown_pages

GLOSSARY_FILE = "docs/includes/abbreviations.md"
GLOSSARY = glossary_terms((ROOT / GLOSSARY_FILE).read_text(encoding="utf-8"))
PAGE = """---
title: Side effects of Botox for migraine
description: The common and the rare side effects of Botox, and when to get help.
reviewed: 2026-11-21
next_review: 2027-11-21
sources: [article-general]
---

Neck pain is the most common side effect.

## Common side effects {#common-side-effects}

Read [when to get urgent help](side-effects.md#urgent-help).

![Diagram of the head, showing where the injections go.](assets/images/injection-sites.svg)

### Rare side effects {#rare}

```text
# not a heading, and FDA in code is not text
```

The {#not-an-abbreviation} id and [a link](https://example.org/TERMS) hide nothing.
"""


def problems(markdown):
    return page_problems("docs/side-effects.md", markdown, {"FDA"}, GLOSSARY_FILE)


@pytest.mark.parametrize("page", markdown_pages())
def test_every_page_is_free_of_editor_mistakes(page):
    markdown = (DOCS / page).read_text(encoding="utf-8")
    assert page_problems(f"docs/{page}", markdown, GLOSSARY, GLOSSARY_FILE) == []


def test_the_page_template_is_free_of_editor_mistakes():
    markdown = (DOCS / "includes" / "page-template.md").read_text(encoding="utf-8")
    assert page_problems("docs/includes/page-template.md", markdown, GLOSSARY, GLOSSARY_FILE) == []


def test_a_correct_page_passes():
    assert problems(PAGE) == []


@pytest.mark.parametrize(
    "mistake, replacing, expected",
    [
        (
            "![](assets/images/injection-sites.svg)",
            "![Diagram of the head, showing where the injections go.](assets/images/injection-sites.svg)",
            "docs/side-effects.md:15: the image assets/images/injection-sites.svg has no alt text: describe what it shows",
        ),
        (
            '<img src="assets/images/timeline.svg">',
            "![Diagram of the head, showing where the injections go.](assets/images/injection-sites.svg)",
            'docs/side-effects.md:15: the image `<img src="assets/images/timeline.svg">` has no alt text: add `alt=',
        ),
        (
            "[Click here](side-effects.md#urgent-help) for urgent help.",
            "Read [when to get urgent help](side-effects.md#urgent-help).",
            'docs/side-effects.md:13: the link text "Click here" does not say where the link goes: use words that say',
        ),
        (
            "Urgent help: [read more](side-effects.md#urgent-help).",
            "Read [when to get urgent help](side-effects.md#urgent-help).",
            'docs/side-effects.md:13: the link text "read more" does not say where the link goes',
        ),
        (
            "Urgent help is [see below](#urgent-help).",
            "Read [when to get urgent help](side-effects.md#urgent-help).",
            'docs/side-effects.md:13: the link text "see below" does not say where the link goes',
        ),
        (
            '<a href="side-effects.md">this page</a>',
            "Read [when to get urgent help](side-effects.md#urgent-help).",
            'docs/side-effects.md:13: the link text "this page" does not say where the link goes',
        ),
        (
            "See [https://www.nice.org.uk/guidance/ta260](https://www.nice.org.uk/guidance/ta260).",
            "Read [when to get urgent help](side-effects.md#urgent-help).",
            "docs/side-effects.md:13: the link text is a bare web address, https://www.nice.org.uk/guidance/ta260: use words",
        ),
        (
            "See <https://www.nice.org.uk/guidance/ta260>.",
            "Read [when to get urgent help](side-effects.md#urgent-help).",
            "docs/side-effects.md:13: the link text is a bare web address, https://www.nice.org.uk/guidance/ta260: "
            "name the page instead",
        ),
        (
            "#### Rare side effects {#rare}",
            "### Rare side effects {#rare}",
            'docs/side-effects.md:17: the heading "Rare side effects" skips from level 2 to level 4: make it `### Rare',
        ),
        (
            "### Common side effects {#common-side-effects}",
            "## Common side effects {#common-side-effects}",
            'docs/side-effects.md:11: the heading "Common side effects" skips from level 1 to level 3: make it `## Common',
        ),
        (
            "# Side effects",
            "Neck pain is the most common side effect.",
            'docs/side-effects.md:9: "Side effects" is a second main heading (h1), but the page title in the front '
            "matter is the page's only h1: make it `## Side effects`",
        ),
        (
            "Side effects\n============",
            "Neck pain is the most common side effect.",
            'docs/side-effects.md:9: "Side effects" is a second main heading (h1)',
        ),
        (
            "## Common side effects",
            "## Common side effects {#common-side-effects}",
            "docs/side-effects.md:11: the heading has no id, so rewording it would break links to it: "
            "write `## Common side effects {#common-side-effects}`",
        ),
        (
            "###Rare side effects { .wide }",
            "### Rare side effects {#rare}",
            "docs/side-effects.md:17: the heading has no id, so rewording it would break links to it: "
            "write `### Rare side effects {#rare-side-effects}`",
        ),
        (
            "The NHS pays for it.",
            "Neck pain is the most common side effect.",
            "docs/side-effects.md:9: NHS is not in the glossary, so readers get no explanation of it: "
            "add `*[NHS]: what NHS means` to docs/includes/abbreviations.md",
        ),
        (
            "NICE guidance TA260.",
            "Neck pain is the most common side effect.",
            "docs/side-effects.md:9: TA260 is not in the glossary",
        ),
    ],
    ids=[
        "image-no-alt",
        "html-image-no-alt",
        "click-here",
        "read-more",
        "see-below",
        "html-link-this-page",
        "url-as-text",
        "autolink",
        "skipped-level",
        "first-heading-too-deep",
        "h1",
        "underlined-h1",
        "heading-without-id",
        "heading-without-space-or-id",
        "unknown-term",
        "term-with-digits",
    ],
)
def test_a_mistake_is_reported_with_file_line_and_fix(mistake, replacing, expected):
    assert replacing in PAGE
    found = problems(PAGE.replace(replacing, mistake))
    assert any(problem.startswith(expected) for problem in found), found


def test_a_term_defined_on_the_page_itself_is_known():
    assert problems(PAGE.replace("Neck pain", "*[NHS]: National Health Service\n\nThe NHS says neck pain")) == []


def test_an_html_image_with_an_empty_alt_is_decorative_and_passes():
    assert problems(PAGE + '\n<img src="assets/images/favicon.svg" alt="">\n') == []


def load_site(project):
    """The config, files and navigation MkDocs makes from `project`, without building it."""
    config = load_mkdocs_config(str(project / CONFIG_FILE.name))
    files = get_files(config)
    return get_navigation(files, config), config, files


def test_a_page_missing_from_the_nav_is_reported_with_the_line_to_add(tmp_path):
    project = copy_project(tmp_path / "project")
    template = (project / "docs" / "includes" / "page-template.md").read_text(encoding="utf-8")
    (project / "docs" / "new-topic.md").write_text(template, encoding="utf-8")
    assert [problem for problem in site_problems(*load_site(project)) if "new-topic.md" in problem] == [
        "docs/new-topic.md is not in the navigation: add "
        "`- Short title that says what the page is about: new-topic.md` under `nav:` in mkdocs.yml"
    ]


def test_a_page_listed_under_not_in_nav_may_stay_out_of_the_nav(tmp_path):
    project = copy_project(tmp_path / "project")
    template = (project / "docs" / "includes" / "page-template.md").read_text(encoding="utf-8")
    (project / "docs" / "staff.md").write_text(template, encoding="utf-8")
    with open(project / "mkdocs.yml", "a", encoding="utf-8") as config:
        config.write("\nnot_in_nav: |\n  /staff.md\n")
    assert [problem for problem in site_problems(*load_site(project)) if "staff.md" in problem] == []


def test_a_planted_mistake_fails_the_build_naming_file_line_and_fix(tmp_path):
    project = copy_project(tmp_path / "project")
    page = project / "docs" / "side-effects.md"
    lines = page.read_text(encoding="utf-8").splitlines()
    first_heading = next(number for number, line in enumerate(lines) if line.startswith("## "))
    lines[first_heading] = "#### Too deep"
    page.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = build(tmp_path / "site", project)
    assert result.returncode != 0
    assert (
        f'docs/side-effects.md:{first_heading + 1}: the heading "Too deep" skips from level 1 to level 4'
        in result.stderr
    )
