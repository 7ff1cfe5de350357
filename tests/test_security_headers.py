"""The built site's `_headers` gives a static host a Content-Security-Policy that fits the pages."""

import shutil

from selectolax.lexbor import LexborHTMLParser

from site_hooks.security_headers import SCRIPT_TYPES, InlineCode, content_security_policy, csp_hash, theme_scripts
from site_tools.site_files import build, built_page, copy_project
from site_tools.site_server import read_headers_file

# The hash of `text-align: center;`, worked out apart from the hook (`printf '%s' 'text-align: center;' |
# openssl dgst -sha256 -binary | base64`), so that a fault in its csp_hash shows.
CENTRED_CELL_HASH = "'sha256-+17AcPK/e5AtiK52Z2vnx3uG3BMzyzRr4Qv5UQsEbDU='"


def csp_directives(policy: str) -> dict[str, list[str]]:
    return {name: sources for name, *sources in (directive.split() for directive in policy.split(";"))}


def scripts_not_allowed(site_dir, policy: str) -> list[str]:
    """A message for each inline script in a page of `site_dir` whose hash `policy` lacks."""
    allowed = set(csp_directives(policy)["script-src"])
    problems = []
    for page in sorted(site_dir.rglob("*.html")):
        for script in LexborHTMLParser(page.read_text(encoding="utf-8")).css("script:not([src])"):
            if (script.attributes.get("type") or "").lower() not in SCRIPT_TYPES:
                continue  # data such as Material's __config, which CSP does not govern
            text = script.text()
            digest = csp_hash(text)
            if digest not in allowed:
                problems.append(
                    f"{page.relative_to(site_dir)}: the inline script `{text[:60]}…` has hash {digest}, which "
                    "is not in script-src in _headers, so browsers will block it: build the site with "
                    "overrides/hooks/security_headers.py listed under `hooks:` in mkdocs.yml, or move the "
                    "script into a file under docs/assets/"
                )
    return problems


def headers(site_dir):
    """`_headers` as {path pattern: {name: value}}, read as the test server reads it."""
    rules = read_headers_file((site_dir / "_headers").read_text(encoding="utf-8"))
    return {rule.pattern: dict(rule.headers) for rule in rules}


def test_the_built_site_carries_security_headers(site_dir):
    every_page = headers(site_dir)["/*"]
    assert every_page["X-Content-Type-Options"] == "nosniff"
    assert every_page["Referrer-Policy"] == "no-referrer"
    assert every_page["Cross-Origin-Opener-Policy"] == "same-origin"
    for feature in ("camera", "microphone", "geolocation", "interest-cohort", "browsing-topics"):
        assert f"{feature}=()" in every_page["Permissions-Policy"]
    assert "max-age" in headers(site_dir)["/assets/*"]["Cache-Control"]


def test_the_csp_allows_nothing_from_other_origins(site_dir):
    directives = csp_directives(headers(site_dir)["/*"]["Content-Security-Policy"])
    assert directives["default-src"] == ["'self'"]
    assert directives["object-src"] == ["'none'"]
    assert directives["frame-ancestors"] == ["'none'"]
    assert directives["base-uri"] == directives["form-action"] == ["'self'"]
    for name, sources in directives.items():
        others = [
            s
            for s in sources
            if s not in ("'self'", "'none'", "data:", "'unsafe-hashes'") and not s.startswith("'sha256-")
        ]
        assert not others, f"{name} allows {others}: the site must load nothing from other origins"


def test_every_inline_script_of_every_page_is_allowed_by_its_hash(site_dir):
    problems = scripts_not_allowed(site_dir, headers(site_dir)["/*"]["Content-Security-Policy"])
    assert not problems, "\n".join(problems)


def test_an_inline_script_missing_from_the_csp_is_reported_with_page_and_fix(site_dir, tmp_path):
    page = built_page(tmp_path, "side-effects.md")
    page.parent.mkdir(parents=True)
    shutil.copy(built_page(site_dir, "side-effects.md"), page)
    page.write_text(
        page.read_text(encoding="utf-8").replace("</body>", "<script>alert(1)</script></body>"), encoding="utf-8"
    )
    problems = scripts_not_allowed(tmp_path, headers(site_dir)["/*"]["Content-Security-Policy"])
    assert len(problems) == 1, problems
    assert problems[0].startswith("side-effects/index.html: the inline script `alert(1)…` has hash 'sha256-")
    assert "is not in script-src in _headers, so browsers will block it: build the site with" in problems[0]


def test_style_attributes_are_allowed_by_hash_only_when_a_page_has_them():
    plain, aligned = InlineCode(), InlineCode()
    plain.feed("<table><td>Neck pain</td></table>")
    aligned.feed('<table><td style="text-align: center;">Neck pain</td></table>')
    fix = "fix content_security_policy or csp_hash in overrides/hooks/security_headers.py"
    plain_styles = csp_directives(content_security_policy(plain))["style-src"]
    assert plain_styles == ["'self'"], f"a page without style attributes gets style-src {plain_styles}: {fix}"
    aligned_styles = csp_directives(content_security_policy(aligned))["style-src"]
    assert aligned_styles == ["'self'", "'unsafe-hashes'", CENTRED_CELL_HASH], (
        f"a centred table cell gets style-src {aligned_styles}, not 'self' 'unsafe-hashes' {CENTRED_CELL_HASH}: {fix}"
    )


def test_only_the_scripts_the_templates_write_count_as_the_themes():
    content = '<p>Text</p><script>alert("pasted")</script>'
    output = f'<head><script>__md_scope="../"</script></head><body>{content}<script type="application/json">{{}}</script></body>'
    assert theme_scripts(output, content) == {'__md_scope="../"'}


def test_a_script_that_slips_into_a_page_is_not_allowed_by_the_csp(tmp_path):
    """Defence in depth: with the content check taken out of the build, a pasted script reaches
    the page, but the header does not allow it, so the browser would not run it."""
    project = copy_project(tmp_path / "project")
    config = project / "mkdocs.yml"
    config.write_text(
        "".join(
            line
            for line in config.read_text(encoding="utf-8").splitlines(keepends=True)
            if "refuse_active_content" not in line
        ),
        encoding="utf-8",
    )
    page = project / "docs" / "side-effects.md"
    page.write_text(page.read_text(encoding="utf-8") + '\n<script>alert("pasted")</script>\n', encoding="utf-8")
    result = build(tmp_path / "site", project)
    assert result.returncode == 0, result.stderr
    assert '<script>alert("pasted")</script>' in built_page(tmp_path / "site", "side-effects.md").read_text(
        encoding="utf-8"
    )
    policy = headers(tmp_path / "site")["/*"]["Content-Security-Policy"]
    assert csp_hash('alert("pasted")') not in csp_directives(policy)["script-src"], (
        "the CSP allows a script from a page's content: take script-src from the templates only (security_headers.py)"
    )
    problems = scripts_not_allowed(tmp_path / "site", policy)
    # The whole guide carries every page's content, the pasted script too.
    assert [problem.split(":")[0] for problem in problems] == ["side-effects/index.html", "whole-guide/index.html"], (
        problems
    )
