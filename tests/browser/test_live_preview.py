"""The preview in a browser: under `make serve`, the open page follows every edit by
itself, with no CSP error, and an invalid edit shows its French errors on the page."""

from __future__ import annotations

import re

PAU = "cases/pau-lean-startup-directeurs.md"


def test_the_open_page_follows_edits_and_shows_errors_in_french(preview, browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="fr-FR")
    page = context.new_page()
    console: list[str] = []
    page.on("console", lambda m: console.append(f"{m.type}: {m.text}"))
    page.on("pageerror", lambda exc: console.append(f"pageerror: {exc}"))
    try:
        page.goto(preview.url + "cas/pau-lean-startup-directeurs/")
        page.wait_for_function("() => document.readyState === 'complete'")
        project = preview.project
        text = project.read(PAU)

        # A valid edit: the page reloads by itself (the test never navigates again).
        retitled = re.sub(r"^title: .*$", 'title: "Pau, titre revu"', text, count=1, flags=re.M)
        project.write(PAU, retitled)
        page.locator("h1", has_text="Pau, titre revu").wait_for(timeout=120_000)

        # An invalid edit: the same message as in the terminal, on the page being read.
        project.write(PAU, text.replace("format: formation", "format: formasion"))
        banner = page.locator(".rx-build-errors")
        banner.wait_for(timeout=120_000)
        assert (
            f"{PAU}:9: format: valeur inconnue « formasion » — vouliez-vous dire « formation » ?"
            in banner.inner_text()
        )
        assert banner.get_attribute("role") == "alert"
        # The last valid version stays readable underneath.
        assert page.locator("h1").first.inner_text() == "Pau, titre revu"

        # Fixed: the errors go and the page shows the fix, by itself.
        project.write(PAU, text.replace("format: formation", "format: atelier"))
        banner.wait_for(state="detached", timeout=120_000)
        page.locator(".rx-facts a", has_text="atelier").first.wait_for(timeout=120_000)
    finally:
        context.close()
    errors = [m for m in console if m.startswith(("error", "pageerror"))]
    assert errors == [], errors
    assert any("live reload" in m for m in console)
