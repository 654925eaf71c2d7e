"""Browser fixtures: the built site served on localhost, and Debian's headless Chromium.

The site is built with ``site_url`` set to the local server's address, as it would be
in production: Material's instant navigation only intercepts links on that host.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

from support import CHROMIUM, CHROMIUM_ARGS, ROOT, build_and_serve


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
