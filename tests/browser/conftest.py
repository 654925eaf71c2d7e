"""Browser fixtures: the built site served on localhost, and Debian's headless Chromium.

The site is built with ``site_url`` set to the local server's address, as it would be
in production: Material's instant navigation only intercepts links on that host.
"""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect, sync_playwright

from support import CHROMIUM, CHROMIUM_ARGS, ROOT, build_and_serve

# axe-core's WCAG 2.1 A and AA rules: what every page of the site must pass.
WCAG = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
    "resultTypes": ["violations"],
}


def axe_violations(page) -> list[str]:
    """axe's WCAG 2.1 AA violations on the page as it is now, one readable line each."""
    results = Axe().run(page, options=WCAG)
    return [
        f"{v['id']} ({v['impact']}): {v['help']} — "
        + "; ".join(n["target"][0] for n in v["nodes"][:3])
        for v in results.response["violations"]
    ]


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


def watch_console(page) -> None:
    """Record the page's console errors and uncaught exceptions (``page.console_errors``);
    a test that expects some lists their patterns in ``page.expected_console_errors``."""
    if hasattr(page, "console_errors"):
        return
    page.console_errors = []
    page.expected_console_errors = []
    page.on("console", lambda m: page.console_errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda exc: page.console_errors.append(f"uncaught: {exc}"))


def unexpected_console_errors(page) -> list[str]:
    return [
        e
        for e in page.console_errors
        if not any(re.search(p, e) for p in page.expected_console_errors)
    ]


@pytest.fixture
def new_page(browser):
    """Pages in their own contexts; any console error they log fails the test."""
    contexts, watched = [], []

    def watch(page):
        if page not in watched:
            watch_console(page)
            watched.append(page)

    def make(**options):
        options = {"viewport": {"width": 1280, "height": 900}, "locale": "fr-FR", **options}
        context = browser.new_context(**options)
        context.on("page", watch)  # pages the test opens itself, too
        contexts.append(context)
        page = context.new_page()
        watch(page)
        return page

    yield make
    errors = [e for p in watched for e in unexpected_console_errors(p)]
    for context in contexts:
        context.close()
    if errors:
        pytest.fail("Erreurs dans la console du navigateur :\n" + "\n".join(errors))


@pytest.fixture
def page(new_page):
    return new_page()


def follow_instantly(page, link) -> None:
    """Click a link of the site as a reader does: the pointer goes over it first, which
    makes Material's instant navigation fetch its list of pages (navigation.js); the
    click then loads the page without a full reload."""
    link.hover()
    expect(page.locator("html")).to_have_attribute("data-rx-instant", "ready")
    link.click()


class Held:
    """Requests matching a pattern, held back until ``release()`` lets them through (and
    the later ones go straight): a slow network, on the test's own schedule."""

    def __init__(self, page, pattern: str):
        self.page, self.routes, self.holding = page, [], True
        page.route(pattern, self._hold)

    def _hold(self, route):
        if self.holding:
            self.routes.append(route)
        else:
            route.continue_()

    def wait_for(self, count: int, timeout: float = 20.0) -> None:
        """Until ``count`` requests are held (the page's event loop turns meanwhile)."""
        deadline = time.monotonic() + timeout
        while len(self.routes) < count and time.monotonic() < deadline:
            self.page.wait_for_timeout(20)
        assert len(self.routes) >= count, f"{len(self.routes)} of {count} requests held"

    def stop_holding(self) -> None:
        """Let later requests through; those already held stay held."""
        self.holding = False

    def release(self):
        self.holding = False
        for route in self.routes:
            route.continue_()
        self.routes.clear()

