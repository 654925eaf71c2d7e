"""Browser fixtures: the built site served on localhost, and Debian's headless Chromium.

The site is built with ``site_url`` set to the local server's address, as it would be
in production: Material's instant navigation only intercepts links on that host.
"""

from __future__ import annotations

import functools
import http.server
import shutil
import socket
import threading
from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

from support import ROOT, mkdocs_build

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-gpu",
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep test output readable
        pass


class SiteServer:
    """A static file server for a built site, like any web server or CDN."""

    def __init__(self, directory: Path, port: int):
        handler = functools.partial(_NotFoundHandler, directory=str(directory))
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
        self.url = f"http://127.0.0.1:{port}/"
        self.directory = directory
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()


def build_and_serve(project: Path, site_dir: Path) -> SiteServer:
    port = free_port()
    result = mkdocs_build(project, site_dir, env={"RETEX_SITE_URL": f"http://127.0.0.1:{port}/"})
    assert result.returncode == 0, result.stdout + result.stderr
    return SiteServer(site_dir, port)


@pytest.fixture(scope="session")
def site(tmp_path_factory):
    """The real content, built and served on localhost."""
    server = build_and_serve(ROOT, tmp_path_factory.mktemp("served"))
    yield server
    server.close()


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail("Chromium est introuvable : lancez « make test », qui l’installe.")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="fr-FR")
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.js_errors = errors
    yield page
    context.close()


class _NotFoundHandler(_QuietHandler):
    """Serves 404.html for a missing page, as GitHub Pages and most web servers do."""

    def send_error(self, code, message=None, explain=None):
        page = Path(self.directory) / "404.html"
        if code == 404 and page.is_file():
            body = page.read_bytes()
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body)
            return
        super().send_error(code, message, explain)
