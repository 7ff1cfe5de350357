"""The README's preview command, `mkdocs serve`, serves the site (it builds with its own
site_url, http://127.0.0.1:PORT/, so hooks that read site_url meet another address)."""

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

from site_tools.browser import page_urls
from site_tools.site_files import ROOT


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def http_status(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def wait_until_serving(server: subprocess.Popen, url: str, seconds: float = 60) -> bool:
    """Whether `server` answers at `url` (with any status) before it exits or `seconds` pass."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and server.poll() is None:
        try:
            http_status(url)
            return True
        except OSError:
            time.sleep(0.3)
    return False


def test_the_preview_command_serves_every_page():
    port = free_port()
    address = f"http://127.0.0.1:{port}/"
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--no-livereload", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=ROOT,
        env=dict(os.environ, NO_MKDOCS_2_WARNING="1"),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        serving = wait_until_serving(server, address)
        statuses = {url: http_status(address + url) for url in page_urls()} if serving else {}
    finally:
        server.terminate()
        output = server.communicate(timeout=10)[0]
    assert serving, f"`mkdocs serve` did not start: run it and fix what its log says:\n{output[-3000:]}"
    failed = [f"/{url} (HTTP {status})" for url, status in statuses.items() if status != 200]
    assert not failed, (
        f"`mkdocs serve` did not serve {', '.join(failed)}: check the hooks that make or read these pages "
        f"against the preview's site_url, {address}; its log:\n{output[-3000:]}"
    )
