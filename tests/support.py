"""Helpers shared by the test modules (imported by conftest.py files)."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
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
    for name in ("hooks", "overrides", "docs"):
        shutil.copytree(ROOT / name, dest / name, ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("cases", "methods"):
        if content:
            shutil.copytree(ROOT / name, dest / name)
        else:
            (dest / name).mkdir()
    return Project(dest)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


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
