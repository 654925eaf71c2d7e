"""Helpers shared by the tests and the measurement scripts (``scripts/``): project
copies, the build and check commands, free ports, a static server for a built site,
``mkdocs serve`` as ``make serve`` runs it, and waiting for what a user would wait for.

It imports nothing but the standard library, so that a script can use it without pytest.
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
# The check cache lives in the user's cache folder: the tests keep theirs apart.
os.environ["XDG_CACHE_HOME"] = tempfile.mkdtemp(prefix="retex-tests-cache-")
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def mkdocs_build(project: Path, site_dir: Path | None = None, env: dict | None = None):
    """Run ``mkdocs build`` as a contributor would; returns the CompletedProcess."""
    cmd = [str(BIN / "mkdocs"), "build", "-f", str(project / "mkdocs.yml")]
    if site_dir is not None:
        cmd += ["-d", str(site_dir)]
    return subprocess.run(
        cmd, cwd=project, capture_output=True, text=True, env={**ENV, **(env or {})}
    )


def retex(project: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(BIN / "retex"), *args], cwd=project, capture_output=True, text=True, env=ENV
    )


def write_file(root: Path, relpath: str, text: str | bytes) -> Path:
    """Write a file of a test project, creating its folders."""
    path = root / relpath
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


class Project:
    """A copy of the repository's site sources in a temporary folder."""

    def __init__(self, root: Path):
        self.root = root

    def write(self, relpath: str, text: str | bytes) -> Path:
        return write_file(self.root, relpath, text)

    def read(self, relpath: str) -> str:
        return (self.root / relpath).read_text(encoding="utf-8")

    def edit(self, relpath: str, old: str, new: str) -> None:
        text = self.read(relpath)
        assert old in text, f"{old!r} not in {relpath}"
        self.write(relpath, text.replace(old, new, 1))

    def build(self, site_dir: Path | None = None, env: dict | None = None):
        return mkdocs_build(self.root, site_dir, env)

    def check(self, *args: str):
        return retex(self.root, "check", *args)


def copy_project(dest: Path, *, content: bool = True) -> Project:
    dest.mkdir(parents=True, exist_ok=True)
    for name in ("mkdocs.yml", "vocabulary.yml"):
        shutil.copy(ROOT / name, dest / name)
    # The build itself comes from the installed package (the ``retex`` plugin of
    # pyproject.toml's entry points), as in a contributor's checkout: no hooks/ to copy.
    for name in ("overrides", "docs"):
        shutil.copytree(ROOT / name, dest / name, ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("cases", "methods"):
        if content:
            shutil.copytree(ROOT / name, dest / name)
        else:
            (dest / name).mkdir()
    return Project(dest)


def free_port() -> int:
    """A TCP port of 127.0.0.1 that nothing listens on."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> str:
    """The text a server answers at ``url``, or "" when it does not answer (yet)."""
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8", "replace")
    except OSError:
        return ""


def wait_for_page(url: str, text: str, timeout: float = 120) -> str:
    """Wait until the page at ``url`` shows ``text`` (as a reader reloading it would);
    returns the page, or raises AssertionError after ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while True:
        page = fetch(url)
        if text in page:
            return page
        if time.monotonic() > deadline:
            raise AssertionError(f"{url} n’affiche pas « {text} » après {timeout} s")
        time.sleep(0.05)


# --- A built site, served as any web server would ------------------------------------

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-gpu",
]


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep test output readable
        pass


class NotFoundHandler(QuietHandler):
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


class SiteServer:
    """A static file server for a built site, like any web server or CDN."""

    def __init__(self, directory: Path, port: int, handler=None):
        handler = functools.partial(handler or NotFoundHandler, directory=str(directory))
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
        self.url = f"http://127.0.0.1:{port}/"
        self.directory = directory
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()


def build_and_serve(project: Path, site_dir: Path) -> SiteServer:
    """Build ``project`` for the address it will be served at, then serve it."""
    port = free_port()
    result = mkdocs_build(project, site_dir, env={"RETEX_SITE_URL": f"http://127.0.0.1:{port}/"})
    assert result.returncode == 0, result.stdout + result.stderr
    return SiteServer(site_dir, port)


class Preview:
    """``mkdocs serve --dirty`` on a project, as ``make serve`` runs it."""

    def __init__(self, project: Project, log: Path):
        port = free_port()
        self.project = project
        self.url = f"http://127.0.0.1:{port}/"
        self.log = log
        with open(log, "w", encoding="utf-8") as output:
            self.process = subprocess.Popen(
                [str(BIN / "mkdocs"), "serve", "--dirty", "--dev-addr", f"127.0.0.1:{port}"],
                cwd=project.root,
                env={**ENV, "RETEX_SITE_URL": self.url},
                stdout=output,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        # The watcher takes its first look at the files before the server says it serves:
        # from then on, every edit is seen.
        self.wait_for_log("Serving on", timeout=300)

    def output(self) -> str:
        return self.log.read_text(encoding="utf-8")

    def wait_for_log(self, text: str, timeout: float = 120) -> None:
        deadline = time.monotonic() + timeout
        while text not in self.output():
            if self.process.poll() is not None:
                raise AssertionError(f"mkdocs serve s’est arrêté :\n{self.output()}")
            if time.monotonic() > deadline:
                raise AssertionError(f"« {text} » absent du journal après {timeout} s")
            time.sleep(0.05)

    def close(self) -> None:
        os.killpg(self.process.pid, signal.SIGTERM)
        self.process.wait(timeout=30)
