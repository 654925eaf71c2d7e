"""`make serve` rebuilds only what a change touches, and still shows every change."""

from __future__ import annotations

import html
import re

from support import fetch
from support import wait_for_page as wait_for


def test_an_edit_reaches_the_page_and_the_pages_that_show_it(preview):
    url = preview.url
    path = "cases/strasbourg-transfo-labo-et-comptoir-des-services.md"
    text = re.sub(
        r"^title: .*$",
        'title: "Strasbourg : un titre tout neuf"',
        preview.project.read(path),
        count=1,
        flags=re.M,
    )
    preview.project.write(path, text)
    wait_for(url + "cas/strasbourg-transfo-labo-et-comptoir-des-services/", "un titre tout neuf")
    # The method sheets the case used list it under its new title, and so does the index.
    wait_for(url + "methodes/debat-mouvant/", "un titre tout neuf")
    wait_for(url + "cas/", "un titre tout neuf")
    # A sheet it does not use is left as it was, and still served.
    assert "un titre tout neuf" not in fetch(url + "methodes/barcamp/")
    assert "Barcamp" in fetch(url + "methodes/barcamp/")


def test_an_invalid_edit_is_reported_on_every_page_then_the_fix_is_shown(preview):
    url, project = preview.url, preview.project
    path = "cases/pau-lean-startup-directeurs.md"
    project.edit(path, "format: formation", "format: formasion")
    expected = (
        f"{path}:9: format: valeur inconnue « formasion » — vouliez-vous dire « formation » ?"
    )
    preview.wait_for_log(expected)
    # The server keeps answering, with the last valid site and the same message on its pages.
    for page in ("", "cas/pau-lean-startup-directeurs/", "methodes/barcamp/"):
        assert expected in html.unescape(wait_for(url + page, "rx-build-errors"))
    project.edit(path, "format: formasion", "format: atelier")
    page = wait_for(url + "formats/atelier/", "Une journée pour initier")
    assert "rx-build-errors" not in page
    for other in ("", "methodes/barcamp/"):
        assert "rx-build-errors" not in wait_for(url + other, "</html>")


def test_the_preview_allows_live_reload_and_the_build_keeps_the_exact_policy(preview, built_site):
    served = fetch(preview.url)
    policy = html.unescape(re.search(r'"Content-Security-Policy" content="([^"]+)"', served)[1])
    assert "'unsafe-inline'" in policy and "sha256-" not in policy
    built = (built_site / "index.html").read_text(encoding="utf-8")
    published = html.unescape(re.search(r'"Content-Security-Policy" content="([^"]+)"', built)[1])
    assert "'unsafe-inline'" not in published and "sha256-" in published
