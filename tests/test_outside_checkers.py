"""Two checkers that no one here wrote pass every built page: the W3C Nu HTML Checker (vnu-jar, valid
HTML) and HTML_CodeSniffer's WCAG 2 AA rules (through pa11y, in Debian's Chromium), at 0 errors.

Both come from npm, pinned by package-lock.json (`npm ci --ignore-scripts`, which .ci/run runs),
into node_modules/; vnu needs Java (Debian's default-jre-headless). Each runs once for the whole
site, in one process: vnu over every page in one Java start, pa11y over every page in one
Chromium (tests/pa11y_pages.js). Without them the tests are skipped, unless CI is set.
"""

import json
import os
import shutil
import subprocess
from pathlib import Path

import material
import pytest

from site_hooks.valid_theme_markup import THEME_TOGGLES, without_autocomplete
from site_tools.browser import CHROMIUM, CHROMIUM_FLAGS, page_urls
from site_tools.site_files import ROOT
from site_tools.site_server import SiteServer

NODE_MODULES = ROOT / "node_modules"
VNU_JAR = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
PA11Y_RUNNER = ROOT / "tests" / "pa11y_pages.js"
PAGES = page_urls()
# Java's quick compiler only: a short run then costs half the CPU (2 s, not 4.4, for the site). The
# checker's schema needs a bigger thread stack than that compiler leaves it.
JAVA_OPTIONS = ["-XX:TieredStopAtLevel=1", "-Xss2m"]
INSTALL = "run `PUPPETEER_SKIP_DOWNLOAD=true npm ci --ignore-scripts` in the project (.ci/run does)"


def require(what_is_missing: str | None) -> None:
    if what_is_missing:
        if os.environ.get("CI"):
            pytest.fail(f"CI is set, so the outside checkers must run, but {what_is_missing}", pytrace=False)
        pytest.skip(f"outside checkers skipped: {what_is_missing}")


def html_file(site_dir, url: str):
    return site_dir / (url + "index.html" if url.endswith("/") or not url else url)


# Checked with the site's pages, in the same run, to show that the checker finds what is wrong:
# the theme's checkbox as Material writes it (W3C), an image without alt text and a form without a
# submit button (HTML_CodeSniffer).
BROKEN = "broken.html"
BROKEN_HTML = (
    '<!doctype html><html lang="en"><title>Broken</title>'
    '<input type="checkbox" id="__drawer" autocomplete="off"><img src="x.png"><form><input type="text"></form>'
)


@pytest.fixture(scope="module")
def broken_dir(tmp_path_factory):
    folder = tmp_path_factory.mktemp("broken")
    (folder / "index.html").write_text(BROKEN_HTML, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def vnu_errors(site_dir, broken_dir) -> dict[str, list[str]]:
    """The W3C checker's errors, page by page (the URLs of page_urls, and BROKEN), from one Java run."""
    require(
        "no `java`: install Debian's default-jre-headless"
        if not shutil.which("java")
        else None
        if VNU_JAR.is_file()
        else f"no {VNU_JAR.relative_to(ROOT)}: {INSTALL}"
    )
    files = {str(html_file(site_dir, url)): url for url in PAGES} | {str(broken_dir / "index.html"): BROKEN}
    result = subprocess.run(
        ["java", *JAVA_OPTIONS, "-jar", str(VNU_JAR), "--errors-only", "--format", "json", *files],
        capture_output=True,
        text=True,
    )
    try:
        messages = json.loads(result.stderr)["messages"]  # vnu reports on stderr, and exits 1 on errors
    except (json.JSONDecodeError, KeyError):
        pytest.fail(f"the W3C checker did not run:\n{result.stderr}", pytrace=False)
    errors = {url: [] for url in files.values()}
    for message in messages:
        url = files.get(message.get("url", "").removeprefix("file:"), "")
        errors.setdefault(url, []).append(
            f"{url or message.get('url')}:{message.get('lastLine', '?')}: {message['message']} "
            f"(`{message.get('extract', '').strip()}`)"
        )
    return errors


@pytest.mark.parametrize("url", PAGES)
def test_every_page_is_valid_html_for_the_w3c_checker(vnu_errors, url):
    assert not vnu_errors[url], (
        "the W3C Nu HTML Checker finds errors (fix the template under overrides/ that writes them, "
        "or the page's Markdown):\n" + "\n".join(vnu_errors[url])
    )


def test_the_w3c_checker_reads_every_page_and_finds_invalid_html(vnu_errors):
    assert set(vnu_errors) == {*PAGES, BROKEN}, (
        f"errors about files that are not pages: {set(vnu_errors) - {*PAGES, BROKEN}}"
    )
    assert any("autocomplete" in error for error in vnu_errors[BROKEN]), vnu_errors[BROKEN]


@pytest.fixture(scope="module")
def pa11y_issues(site_dir, broken_dir, tmp_path_factory) -> dict[str, list[dict]]:
    """HTML_CodeSniffer's WCAG 2 AA issues, page by page (and BROKEN), from one pa11y run."""
    require(
        f"no Chromium at {CHROMIUM}: `apt-get install chromium`"
        if not CHROMIUM.exists()
        else "no `node`: install Debian's nodejs"
        if not shutil.which("node")
        else None
        if (NODE_MODULES / "pa11y").is_dir()
        else f"no node_modules/pa11y: {INSTALL}"
    )
    config = tmp_path_factory.mktemp("pa11y") / "pa11y.json"
    config.write_text(
        json.dumps(
            {
                "chromeLaunchConfig": {"executablePath": str(CHROMIUM), "args": CHROMIUM_FLAGS},
                "standard": "WCAG2AA",
                "runners": ["htmlcs"],
            }
        )
    )
    with SiteServer(site_dir) as site, SiteServer(broken_dir) as broken:
        urls = {site.url + url: url for url in PAGES} | {broken.url: BROKEN}
        result = subprocess.run(
            ["node", str(PA11Y_RUNNER), str(config), *urls], capture_output=True, text=True, timeout=600
        )
        assert result.returncode == 0, f"pa11y failed:\n{result.stderr}"
        return {urls[url]: issues for url, issues in json.loads(result.stdout).items()}


def described(issues: list[dict]) -> str:
    return "\n".join(
        f"  {issue['code']}: {issue['message']} at `{issue['selector']}`: {issue['context'][:120]}" for issue in issues
    )


@pytest.mark.browser
@pytest.mark.parametrize("url", PAGES)
def test_every_page_passes_html_codesniffer_wcag2aa(pa11y_issues, url):
    errors = [issue for issue in pa11y_issues[url] if issue["type"] == "error"]
    assert not errors, f"/{url}: HTML_CodeSniffer (pa11y, WCAG 2 AA) finds errors:\n{described(errors)}"


@pytest.mark.browser
def test_html_codesniffer_finds_wcag_failures(pa11y_issues):
    codes = " ".join(issue["code"] for issue in pa11y_issues[BROKEN])
    assert "H37" in codes and "H32.2" in codes, described(pa11y_issues[BROKEN])


def test_the_theme_still_writes_the_checkboxes_valid_theme_markup_fixes():
    """When Material stops writing autocomplete="off" on its toggles, valid_theme_markup.py has
    nothing left to do: this says so, rather than letting the hook linger."""
    base = (Path(material.__file__).parent / "templates" / "base.html").read_text(encoding="utf-8")
    for theme, _ in THEME_TOGGLES:
        assert theme in base, f"Material no longer writes `{theme}`: remove overrides/hooks/valid_theme_markup.py"
    assert 'autocomplete="off">' not in without_autocomplete(" ".join(theme for theme, _ in THEME_TOGGLES))
