"""Complete the service worker, `sw.js`, for this build: its cache's name and the files it saves at once.

MkDocs copies `overrides/sw.js` to the site's root as a theme file; this hook fills in its
`__BUILD__`, a hash of every page, script, stylesheet and image of the build, so that a new
build's worker saves the site afresh and deletes the old cache (an unchanged site keeps its
cache); and its `__PRECACHE__`, the pages of `PRECACHE_PAGES` with every stylesheet, script and
icon they load, under their final names, so it runs after `lean_css.py` renames the stylesheets.
"""

from __future__ import annotations

import hashlib
import json
import posixpath
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from selectolax.lexbor import LexborHTMLParser

WORKER = "sw.js"
# What a patient may need with no signal, saved on the first visit to any page: the home page,
# urgent help (on the side-effects page), the planner and both diaries.
PRECACHE_PAGES = ["", "side-effects/", "treatment-planner/", "headache-diary/", "paper-headache-diary/"]
# The files a page loads before it shows; lazy images (diagrams, the print-only QR code) are
# saved when a page asks for them.
LOADED = 'link[rel="stylesheet"][href], link[rel="icon"][href], script[src], img[src]:not([loading="lazy"])'
CONTENT_TYPES = {".html", ".css", ".js", ".svg", ".png", ".json"}


class ServiceWorkerError(PluginError):
    """Stops the build with its message, without a traceback."""


def build_version(site_dir: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(site_dir.rglob("*")):
        if path.is_file() and path.suffix in CONTENT_TYPES and path.name != WORKER:
            digest.update(path.relative_to(site_dir).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


def precached_paths(site_dir: Path, pages: list[str] = PRECACHE_PAGES) -> list[str]:
    """Each page of `pages` and the files it loads, as paths from the site's root ("assets/…")."""
    paths = []
    for page in pages:
        html = site_dir / page / "index.html"
        if not html.is_file():
            raise ServiceWorkerError(f"{WORKER}: the page /{page} to save for offline use is not in the site")
        paths.append(page)
        for element in LexborHTMLParser(html.read_text(encoding="utf-8")).css(LOADED):
            address = element.attributes.get("href") or element.attributes.get("src") or ""
            if "//" in address or address.startswith(("data:", "#")):
                continue
            path = posixpath.normpath(posixpath.join(page, address.split("#")[0].split("?")[0]))
            if path not in paths:
                paths.append(path)
    return paths


def completed_worker(source: str, version: str, paths: list[str]) -> str:
    for placeholder in ("__BUILD__", "__PRECACHE__"):
        if placeholder not in source:
            raise ServiceWorkerError(f"overrides/{WORKER} has lost its placeholder {placeholder}: put it back")
    return source.replace('"__BUILD__"', json.dumps(version)).replace("__PRECACHE__", json.dumps(paths))


def on_post_build(config: MkDocsConfig) -> None:
    site_dir = Path(config.site_dir)
    worker = site_dir / WORKER
    worker.write_text(
        completed_worker(worker.read_text(encoding="utf-8"), build_version(site_dir), precached_paths(site_dir)),
        encoding="utf-8",
    )
