"""Serve a built site on 127.0.0.1 the way a static host (Netlify, Cloudflare Pages) would.

The browser tests and site_tools/benchmark_weight.py must see what patients get from the real host,
not what `python -m http.server` gives: so this server applies the headers of the site's
`_headers` file (the Content-Security-Policy among them), answers a missing path with 404.html
and status 404, redirects a directory URL without its slash, and compresses text with gzip
when the browser accepts it, which the page weights and Lighthouse scores depend on.

    with SiteServer(site_dir) as server:
        page.goto(server.url + "side-effects/")
"""

from __future__ import annotations

import gzip
import mimetypes
import re
import threading
from dataclasses import dataclass
from functools import cached_property
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

HEADERS_FILE = "_headers"
NOT_FOUND_PAGE = "404.html"
# gzip level 6 is what nginx and most CDNs use by default.
GZIP_LEVEL = 6
COMPRESSIBLE = re.compile(r"^(text/|application/(javascript|json|xml|manifest\+json)|image/svg\+xml)")
# Used only where `_headers` says nothing: HTML is checked on every visit (pages change when
# they are reviewed), other files may be reused for a day.
DEFAULT_CACHE_CONTROL = {"text/html": "no-cache"}
DEFAULT_ASSET_CACHE_CONTROL = "public, max-age=86400"
CONTENT_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".json": "application/json",
    ".svg": "image/svg+xml",
    ".xml": "application/xml",
    ".txt": "text/plain; charset=utf-8",
    ".webmanifest": "application/manifest+json",
}


@dataclass
class HeaderRule:
    """One block of a `_headers` file: a path pattern and the headers for paths it matches."""

    pattern: str
    headers: list[tuple[str, str]]

    @cached_property
    def regex(self) -> re.Pattern:
        # `*` matches anything (the splat), `:name` one path segment, as on Netlify and Cloudflare.
        parts = re.split(r"(\*|:[A-Za-z]\w*)", self.pattern)
        translated = "".join(
            ".*" if part == "*" else "[^/]+" if part.startswith(":") else re.escape(part) for part in parts
        )
        return re.compile(translated + r"\Z")

    def matches(self, path: str) -> bool:
        return bool(self.regex.match(path))


def read_headers_file(text: str, name: str = HEADERS_FILE) -> list[HeaderRule]:
    """Parse a `_headers` file: a line with a path pattern, then indented `Name: value` lines."""
    rules: list[HeaderRule] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if not line[0].isspace():
            if not line.startswith("/"):
                raise ValueError(f"{name}, line {number}: a path pattern must start with '/': {line!r}")
            rules.append(HeaderRule(line.strip(), []))
            continue
        header, colon, value = line.strip().partition(":")
        if not rules or not colon or not header.strip():
            raise ValueError(
                f"{name}, line {number}: expected an indented 'Name: value' line under a path "
                f"pattern such as '/*': {line!r}"
            )
        rules[-1].headers.append((header.strip(), value.strip()))
    return rules


class SiteServer:
    """A threaded HTTP server for one built site on a free port of 127.0.0.1; a context manager."""

    def __init__(self, site_dir: Path):
        self.site_dir = Path(site_dir).resolve()
        headers_file = self.site_dir / HEADERS_FILE
        self.rules = read_headers_file(headers_file.read_text(encoding="utf-8")) if headers_file.is_file() else []
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), self._handler_class())
        self.httpd.daemon_threads = True
        # stop() waits for the server's next poll: by default up to half a second, which every test
        # that serves a page of its own would pay.
        self.thread = threading.Thread(target=self.httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)

    @property
    def origin(self) -> str:
        host, port = self.httpd.server_address[:2]
        return f"http://{host}:{port}"

    @property
    def url(self) -> str:
        """The site's home page, ending with a slash: `server.url + "side-effects/"`."""
        return self.origin + "/"

    def start(self) -> SiteServer:
        self.thread.start()
        return self

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
        self.thread.join()

    def __enter__(self) -> SiteServer:
        return self.start()

    def __exit__(self, *exc_info) -> None:
        self.stop()

    def headers_for(self, path: str, content_type: str) -> dict[str, tuple[str, str]]:
        """Response headers by lower-cased name: defaults, then every `_headers` rule that matches."""
        media_type = content_type.split(";")[0]
        cache_control = DEFAULT_CACHE_CONTROL.get(media_type, DEFAULT_ASSET_CACHE_CONTROL)
        headers = {
            "content-type": ("Content-Type", content_type),
            "cache-control": ("Cache-Control", cache_control),
        }
        from_rules: dict[str, tuple[str, str]] = {}
        for rule in self.rules:
            if rule.matches(path):
                for name, value in rule.headers:
                    # Two matching rules that set one header are joined, as Cloudflare does.
                    if name.lower() in from_rules:
                        value = f"{from_rules[name.lower()][1]}, {value}"
                    from_rules[name.lower()] = (name, value)
        headers.update(from_rules)
        return headers

    def _handler_class(self):
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                self.respond(send_body=True)

            def do_HEAD(self):
                self.respond(send_body=False)

            def respond(self, send_body: bool) -> None:
                path = unquote(urlsplit(self.path).path)
                file = server.resolve(path)
                if file is not None and file.is_dir():
                    self.send_response(HTTPStatus.MOVED_PERMANENTLY)
                    self.send_header("Location", path + "/")
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                status = HTTPStatus.OK
                if file is None:
                    status, file = HTTPStatus.NOT_FOUND, server.site_dir / NOT_FOUND_PAGE
                body = file.read_bytes() if file.is_file() else b"Not found"
                content_type = (
                    CONTENT_TYPES.get(file.suffix) or mimetypes.guess_type(file.name)[0] or "application/octet-stream"
                )
                headers = server.headers_for(path, content_type)
                if COMPRESSIBLE.match(content_type):
                    headers["vary"] = ("Vary", "Accept-Encoding")
                    if "gzip" in self.headers.get("Accept-Encoding", ""):
                        body = gzip.compress(body, compresslevel=GZIP_LEVEL, mtime=0)
                        headers["content-encoding"] = ("Content-Encoding", "gzip")
                headers["content-length"] = ("Content-Length", str(len(body)))
                self.send_response(status)
                for name, value in headers.values():
                    self.send_header(name, value)
                self.end_headers()
                if send_body:
                    self.wfile.write(body)

            def log_message(self, format, *args):
                pass  # the tests report what matters; a line per request would drown it

        return Handler

    def resolve(self, path: str) -> Path | None:
        """The file (or directory, to redirect) a URL path names, or None when there is none."""
        candidate = (self.site_dir / path.lstrip("/")).resolve()
        if not candidate.is_relative_to(self.site_dir) or candidate.name == HEADERS_FILE:
            return None
        if path.endswith("/"):
            candidate = candidate / "index.html"
        if candidate.is_file() or (candidate.is_dir() and (candidate / "index.html").is_file()):
            return candidate
        return None
