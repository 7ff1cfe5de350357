"""What the browser tests ask of a page loaded in Chromium: axe-core's verdict, Material's colour
scheme, and where the Tab key leads."""

from __future__ import annotations

from axe_playwright_python.sync_playwright import Axe

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
AXE = Axe()


def axe_violations(page) -> list[str]:
    """axe-core's WCAG A/AA and best-practice violations on the loaded page, one line each:
    the rule, what it asks for, the page and the failing elements' selectors."""
    # axe-core (570 KB) goes into each loaded page once, however often it runs there; and only
    # the violations come back, not the passes and the rest, which cost more to send than to find.
    if not page.evaluate("() => 'axe' in window"):
        page.evaluate(AXE.axe_script)
    options = {"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]}
    violations = page.evaluate("options => axe.run(options).then(results => results.violations)", options)
    return [
        f"{violation['id']}: {violation['help']} ({violation['helpUrl']})\n"
        f"    on {page.url} at: " + ", ".join(" >>> ".join(node["target"]) for node in violation["nodes"])
        for violation in violations
    ]


# Material switches when the media query changes, at the browser's next frame: so wait for the
# switch itself, in the page (Playwright's wait_for_function evaluates a string in the page,
# which the site's CSP rightly blocks), and give up after a while.
SWITCHED_TO = """([scheme, patience]) => new Promise(resolve => {
    const observer = new MutationObserver(check), timeout = setTimeout(() => finish(false), patience);
    function finish(switched) { observer.disconnect(); clearTimeout(timeout); resolve(switched); }
    function check() { if (document.body.dataset.mdColorScheme === scheme) finish(true); }
    observer.observe(document.body, {attributes: true, attributeFilter: ["data-md-color-scheme"]});
    check();
})"""


def wait_for_color_scheme(page, material_scheme: str, patience_ms: int = 2000) -> None:
    """Wait until Material has switched to `material_scheme`, for `patience_ms` at most."""
    if not page.evaluate(SWITCHED_TO, [material_scheme, patience_ms]):
        raise AssertionError(f"{page.url}: Material did not switch to the {material_scheme} colour scheme")


def tab_to(tab, selector: str, presses: int = 12) -> None:
    """Press Tab until the focus is on the element `selector` matches; fail if it never is."""
    for _ in range(presses):
        tab.keyboard.press("Tab")
        if tab.evaluate("selector => document.activeElement.matches(selector)", selector):
            return
    raise AssertionError(f"{presses} presses of Tab never reached {selector}")
