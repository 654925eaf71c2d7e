"""`make serve` rebuilds only what a change touches, and still shows every change."""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import time
import urllib.request

import pytest

from support import BIN, ENV


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def wait_for(url: str, text: str, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if text in fetch(url):
            return
        time.sleep(0.1)
    pytest.fail(f"{url} n’affiche pas « {text} » après {timeout} s")


@pytest.fixture
def served(project, tmp_path):
    port = free_port()
    url = f"http://127.0.0.1:{port}/"
    log = tmp_path / "serve.log"
    with open(log, "w", encoding="utf-8") as output:
        server = subprocess.Popen(
            [str(BIN / "mkdocs"), "serve", "--dirty", "--dev-addr", f"127.0.0.1:{port}"],
            cwd=project.root,
            env={**ENV, "RETEX_SITE_URL": url},
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        wait_for(url + "cas/", "</html>")
        yield project, url, log
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
        assert "Traceback" not in log.read_text(encoding="utf-8")


def test_an_edit_reaches_the_page_and_the_pages_that_show_it(served):
    project, url, _log = served
    path = "cases/strasbourg-transfo-labo-et-comptoir-des-services.md"
    time.sleep(1.2)
    text = re.sub(
        r"^title: .*$",
        'title: "Strasbourg : un titre tout neuf"',
        project.read(path),
        count=1,
        flags=re.M,
    )
    project.write(path, text)
    wait_for(url + "cas/strasbourg-transfo-labo-et-comptoir-des-services/", "un titre tout neuf")
    # The method sheets the case used list it under its new title, and so does the index.
    wait_for(url + "methodes/debat-mouvant/", "un titre tout neuf")
    wait_for(url + "cas/", "un titre tout neuf")
    # A sheet it does not use is left as it was, and still served.
    assert "un titre tout neuf" not in fetch(url + "methodes/barcamp/")
    assert "Barcamp" in fetch(url + "methodes/barcamp/")


def test_an_invalid_edit_is_reported_then_the_fix_is_shown(served):
    project, url, log = served
    path = "cases/pau-lean-startup-directeurs.md"
    time.sleep(1.2)
    project.edit(path, "format: formation", "format: formasion")
    deadline = time.monotonic() + 60
    expected = (
        f"{path}:9: format: valeur inconnue « formasion » — vouliez-vous dire « formation » ?"
    )
    while expected not in log.read_text(encoding="utf-8") and time.monotonic() < deadline:
        time.sleep(0.2)
    assert expected in log.read_text(encoding="utf-8")
    project.edit(path, "format: formasion", "format: atelier")
    wait_for(url + "formats/atelier/", "Une journée pour initier")
