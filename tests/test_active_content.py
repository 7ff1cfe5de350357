"""Content can run nothing and load nothing from another site: the build refuses it, naming the file,
the line and the fix (site_tools/active_content.py, overrides/hooks/refuse_active_content.py)."""

import markdown
import pytest

from site_tools.active_content import active_content_problems, svg_problems
from site_tools.site_files import DOCS, build, copy_project, load_config

PAGE = "docs/side-effects.md"

# (rule, the line an editor pastes, what the message must say about it)
PLANTED = [
    ("script", '<script>alert("pasted")</script>', "<script> runs a script in every reader's browser: remove it"),
    (
        "event-handler",
        '<p onclick="alert(1)">Tap here for help.</p>',
        'the attribute onclick="alert(1)" on <p> runs a script: remove it',
    ),
    (
        "javascript-link",
        "[Call the clinic](javascript:alert(1))",
        'the link "javascript:alert(1)" runs a script when clicked',
    ),
    ("vbscript-link", "[Call the clinic](vbscript:msgbox)", 'the link "vbscript:msgbox" runs a script when clicked'),
    (
        "data-link",
        "[The leaflet](data:text/html;base64,PHNjcmlwdD4=)",
        'the link "data:text/html;base64,PHNjcmlwdD4=" holds a whole file',
    ),
    ("base", '<base href="https://www.nhs.uk/">', "<base> changes where every link of the page goes: remove it"),
    (
        "meta-refresh",
        '<meta http-equiv="refresh" content="0; url=https://www.nhs.uk/">',
        '<meta> (http-equiv="refresh") changes how',
    ),
    (
        "remote-image",
        "![A clinic room](https://www.nhs.uk/room.jpg)",
        'the image "https://www.nhs.uk/room.jpg" loads from another site',
    ),
    (
        "protocol-relative-image",
        '<img src="//www.nhs.uk/room.jpg" alt="A clinic room">',
        'the image "//www.nhs.uk/room.jpg" loads from another site',
    ),
    (
        "srcset",
        '<img src="../assets/images/timeline.svg" srcset="https://www.nhs.uk/a.png 2x" alt="The timeline">',
        "the attribute srcset on <img>",
    ),
    ("picture", "<picture></picture>", "<picture> loads one of several images"),
    ("iframe", '<iframe src="https://www.nhs.uk/"></iframe>', "<iframe> shows another site inside the page"),
    (
        "object",
        '<object data="https://www.nhs.uk/a.pdf"></object>',
        "<object> loads another file or site into the page",
    ),
    ("embed", '<embed src="https://www.nhs.uk/a.pdf">', "<embed> loads another file or site into the page"),
    ("video", '<video src="https://www.nhs.uk/a.mp4"></video>', "<video> loads a video into the page"),
    ("audio", '<audio src="https://www.nhs.uk/a.mp3"></audio>', "<audio> loads a sound into the page"),
    ("link-element", '<link rel="stylesheet" href="https://www.nhs.uk/a.css">', "<link> loads a file into the page"),
    ("form", '<form action="/clinic"><input name="symptom"></form>', "<form> sends what a patient types somewhere"),
    (
        "css-url",
        '<p style="background: url(https://www.nhs.uk/pixel.png)">Some text.</p>',
        'the style="background: url(https://www.nhs.uk/pixel.png)" on <p>',
    ),
    ("css-import", "<style>@import url(https://www.nhs.uk/a.css);</style>", "<style> sets the page's own look"),
    ("style-attribute", '<p style="color: red">A warning.</p>', 'the style="color: red" on <p> sets its own look'),
    ("unknown-tag", '<font color="red">A warning.</font>', "<font> is not a tag the site's pages use"),
    (
        "unknown-attribute",
        '<p align="center">Centred text.</p>',
        "the attribute align on <p> is not one the site's pages use",
    ),
    # attr_list gives a Markdown paragraph attributes, on the line after it
    (
        "attribute-list-event-handler",
        'Tap here for help.\n{: onmouseover="alert(2)" }',
        'the attribute onmouseover="alert(2)" on <p> runs a script',
    ),
]

GOOD_SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><defs><linearGradient id="g"/></defs>\n<rect fill="url(#g)" width="10" height="10"/><use href="#g"/></svg>\n'
# (rule, an SVG file's second line, what the message must say)
PLANTED_SVGS = [
    ("svg-script", "<script>alert(1)</script>", "the drawing holds a <script>"),
    (
        "svg-event-handler",
        '<rect onload="alert(1)" width="1" height="1"/>',
        'the attribute onload="alert(1)" runs a script',
    ),
    ("svg-foreign-object", "<foreignObject><p>Text</p></foreignObject>", "the drawing holds a <foreignObject>"),
    (
        "svg-outside-image",
        '<image href="https://www.nhs.uk/a.png"/>',
        'the drawing refers to "https://www.nhs.uk/a.png", outside the file',
    ),
    (
        "svg-outside-use",
        '<use xlink:href="other.svg#shape"/>',
        'the drawing refers to "other.svg#shape", outside the file',
    ),
    (
        "svg-css-url",
        '<rect style="fill: url(https://www.nhs.uk/p.png)"/>',
        "the drawing's style loads a file (url(https://www.nhs.uk/p.png))",
    ),
    (
        "svg-css-import",
        "<style>@import 'https://www.nhs.uk/a.css';</style>",
        "the drawing's style loads a file (@import)",
    ),
    (
        "svg-entity",
        "<!ENTITY hidden '<script>alert(1)</script>'>",
        "the drawing holds an entity definition, which can hide code",
    ),
]


def svg_with(line: str) -> str:
    return f'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">\n{line}\n</svg>\n'


@pytest.fixture(scope="module")
def planted_build(tmp_path_factory):
    """One copy of the site with every bad input planted on its own line, built once: (stderr, the
    line of each planted input)."""
    root = tmp_path_factory.mktemp("active-content")
    project = copy_project(root / "project")
    page = project / PAGE
    text = page.read_text(encoding="utf-8").rstrip("\n") + "\n"
    lines = {}
    for rule, planted, _ in PLANTED:
        text += "\n" + planted + "\n"
        lines[rule] = text.count("\n")  # the planted text's last line, where the problem is
    page.write_text(text, encoding="utf-8")
    for rule, planted, _ in PLANTED_SVGS:
        (project / "docs" / "assets" / "images" / f"{rule}.svg").write_text(svg_with(planted), encoding="utf-8")
    result = build(root / "site", project)
    assert result.returncode != 0, "the site built with every kind of active content planted in it"
    return result.stderr, lines


@pytest.mark.parametrize("rule, planted, expected", PLANTED, ids=[case[0] for case in PLANTED])
def test_a_planted_page_fails_the_build_naming_file_line_and_fix(planted_build, rule, planted, expected):
    stderr, lines = planted_build
    assert f"{PAGE}:{lines[rule]}: {expected}" in stderr, f"no message for `{planted}` on line {lines[rule]}:\n{stderr}"


@pytest.mark.parametrize("rule, planted, expected", PLANTED_SVGS, ids=[case[0] for case in PLANTED_SVGS])
def test_a_planted_svg_fails_the_build_naming_file_line_and_fix(planted_build, rule, planted, expected):
    stderr, _ = planted_build
    assert f"docs/assets/images/{rule}.svg:2: {expected}" in stderr, stderr


def test_each_refusal_says_what_to_do_instead(planted_build):
    stderr, _ = planted_build
    assert "download the image into docs/assets/images/ and use it from there" in stderr
    assert "link to the page instead of showing it inside ours" in stderr


def test_the_site_as_it_is_builds_clean(build_result):
    assert build_result.returncode == 0 and "could run a script or load from another site" not in build_result.stderr, (
        build_result.stderr
    )


def test_the_hook_is_in_the_build():
    assert "overrides/hooks/refuse_active_content.py" in load_config()["hooks"]


@pytest.mark.parametrize("svg", sorted(path.name for path in (DOCS / "assets" / "images").glob("*.svg")))
def test_the_sites_diagrams_run_nothing_and_load_nothing(svg):
    path = DOCS / "assets" / "images" / svg
    assert svg_problems(f"docs/assets/images/{svg}", path.read_text(encoding="utf-8")) == []


def test_a_diagram_may_refer_to_its_own_parts():
    assert svg_problems("docs/assets/images/good.svg", GOOD_SVG) == []


# What the site's pages use today, written as an editor would, rendered with the site's extensions.
REAL_CONTENT = """\
## Injection sites {#injection-sites}

| Area | Injections |
| :--- | ---: |
| Forehead | 4 |
| Neck | :6: |

!!! warning "Get medical help straight away if:"
    - your muscles feel weak all over

??? question "Does it hurt?"
    Each injection feels like a quick sting.

???+ note "Open from the start"
    Text.

<div class="questions-to-ask" markdown>
1. How soon will I know if it works?
</div>

![Diagram of the head, showing where the injections go.](../assets/images/injection-sites.svg){ .diagram width="560" height="700" loading="lazy" }

Ask about NICE[^1] and the FDA label. See [the timeline](timeline.md#week-12 "Timeline") or [email us](mailto:a@example.org), [call](tel:+441632960123).

*A general health article*{#source-article-general}

[^1]: National Institute for Health and Care Excellence.

*[NICE]: National Institute for Health and Care Excellence
*[FDA]: US Food and Drug Administration
"""


def rendered(text: str) -> str:
    config = load_config()
    extensions = [next(iter(e)) if isinstance(e, dict) else e for e in config["markdown_extensions"]]
    configs = {next(iter(e)): next(iter(e.values())) for e in config["markdown_extensions"] if isinstance(e, dict)}
    extensions.remove("pymdownx.snippets")  # it appends the glossary from the project's root
    return markdown.markdown(text, extensions=[*extensions, "footnotes"], extension_configs=configs)


def test_the_markup_real_content_renders_to_passes():
    html = rendered(REAL_CONTENT)
    for markup in (
        'style="text-align: right;"',
        'class="admonition warning"',
        "<details",
        "<abbr",
        "footnote",
        'class="diagram"',
    ):
        assert markup in html, f"the sample no longer renders {markup}: the test would not show that it is allowed"
    assert active_content_problems("docs/x.md", REAL_CONTENT, html) == []


@pytest.mark.parametrize(
    "html, expected",
    [
        ("<SCRIPT SRC=https://evil.example/x.js></SCRIPT>", "<script> runs a script"),
        ('<a href="java\tscript:alert(1)">Help</a>', "runs a script when clicked"),
        ('<a href="&#106;avascript:alert(1)">Help</a>', "runs a script when clicked"),
        ('<a href=" JAVASCRIPT:alert(1)">Help</a>', "runs a script when clicked"),
        ('<p oNcLiCk="x">Text</p>', 'the attribute onclick="x" on <p> runs a script'),
        ('<img src="HTTPS://evil.example/pixel.gif" alt="">', "loads from another site"),
        ('<img src="data:image/png;base64,AAAA" alt="">', "is written into the page as data"),
        ('<meta http-equiv="refresh" content="0">', "<meta>"),
        ("<svg><script>alert(1)</script></svg>", "<svg> puts a drawing's code in the page"),
        ('<td style="text-align: center; background: url(https://e.example/)">x</td>', "sets its own look"),
    ],
)
def test_broken_html_fed_straight_to_the_check_is_refused(html, expected):
    problems = active_content_problems(
        "docs/x.md", "Some text\n" + html, f"<table><tr>{html}</tr></table>" if "<td" in html else html
    )
    assert problems and expected in problems[0], problems
    assert problems[0].startswith("docs/x.md:2: ") or "&#106;" in html, problems
