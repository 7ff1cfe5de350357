"""The README's preview command, `mkdocs serve`, serves the site (it builds with its own
site_url, http://127.0.0.1:PORT/, so hooks that read site_url meet another address)."""

import os
import socket
import subprocess
import sys
import time
import urllib.request

from site_files import ROOT


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_the_preview_command_serves_every_page():
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--no-livereload", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=ROOT,
        env=dict(os.environ, NO_MKDOCS_2_WARNING="1"),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and server.poll() is None:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/side-effects/", timeout=2) as response:
                    assert response.status == 200
                    return
            except OSError:
                time.sleep(0.3)
    finally:
        server.terminate()
        output = server.communicate(timeout=10)[0]
    raise AssertionError(f"`mkdocs serve` did not serve /side-effects/:\n{output[-3000:]}")
