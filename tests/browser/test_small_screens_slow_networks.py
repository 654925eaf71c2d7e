"""Small screens, zoom, text spacing, forced colours and slow connections, in Chromium
(issue 13). Slowness is made with Playwright routing: a request is held until the test
has done what a reader would do meanwhile, then let through (no sleeping)."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest
from browser.conftest import Held
from browser.test_public_site import NOT_FOUND, PAGE_KINDS, wait_until_settled
from playwright.sync_api import expect

# WCAG 1.4.12: what a reader's style sheet may impose (the W3C's test values).
TEXT_SPACING = """
* { line-height: 1.5 !important; letter-spacing: 0.12em !important;
    word-spacing: 0.16em !important; }
p { margin-bottom: 2em !important; }
"""

OVERFLOWS = """() => [...document.querySelectorAll('#contenu *, .md-header *')]
  .filter(el => {
    const s = getComputedStyle(el);
    if (s.display === 'none' || s.visibility === 'hidden') return false;
    if (el.closest('.rx-sr-only')) return false;
    // A data table may scroll in its own box (WCAG 1.4.10 allows it); the page may not.
    if (el.closest('.md-typeset__scrollwrap')) return false;
    const r = el.getBoundingClientRect();
    return r.width > 0 && (r.right > innerWidth + 1 || r.left < -1);
  })
  .map(el => el.outerHTML.slice(0, 100))"""


@pytest.mark.parametrize("kind", list(PAGE_KINDS))
def test_no_horizontal_scroll_at_320_px(site, new_page, kind):
    page = new_page(viewport={"width": 320, "height": 640})
    path = PAGE_KINDS[kind]
    if path == NOT_FOUND:
        page.expected_console_errors.append(r"status of 404")
    page.goto(site.url + path)
    wait_until_settled(page, path)
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    assert not page.evaluate(OVERFLOWS)


@pytest.mark.parametrize(
    "path", ["", "recherche/?q=atelier", "cas/pau-lean-startup-directeurs/", "proposer/?type=cas"]
)
@pytest.mark.parametrize("width", [320, 1280])
def test_text_spacing_keeps_everything_readable(site, new_page, path, width):
    # The reader's style sheet is injected as an extension would: past the page's CSP.
    page = new_page(viewport={"width": width, "height": 800}, bypass_csp=True)
    page.goto(site.url + path)
    wait_until_settled(page, path)
    page.add_style_tag(content=TEXT_SPACING)
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    assert not page.evaluate(OVERFLOWS)
    cut = page.evaluate("""() => [...document.querySelectorAll(
        '.md-header__topic:first-child .md-ellipsis, .rx-facet label, .rx-search__heading')]
        .filter(el => el.scrollWidth > el.clientWidth + 1).map(el => el.textContent.trim())""")
    assert not cut, cut


def test_forced_colours_keep_edges_and_focus(site, page):
    page.emulate_media(forced_colors="active")
    page.goto(site.url)
    field = page.locator("#rx-hsearch-input")
    style, width = field.evaluate(
        "e => [getComputedStyle(e).borderTopStyle, parseFloat(getComputedStyle(e).borderTopWidth)]"
    )
    assert style != "none" and width >= 1, (style, width)
    page.keyboard.press("Tab")
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"


def test_header_search_runs_what_was_typed_before_the_script_arrived(site, page):
    held = Held(page, "**/assets/javascripts/retex.js")
    page.goto(site.url + "methodes/", wait_until="commit")
    field = page.locator("#rx-hsearch-input")
    field.click()
    page.keyboard.type("barcamp")
    assert held.routes, "the script was still on its way while the reader typed"
    held.release()
    result = page.locator(".rx-hsearch__result a", has_text=re.compile("arcamp")).first
    expect(result).to_be_visible()
    expect(page.locator(".rx-hsearch__status")).to_contain_text("barcamp")


def test_search_page_runs_what_was_typed_before_the_script_arrived(site, page):
    held = Held(page, "**/assets/javascripts/search-page.js")
    page.goto(site.url + "recherche/?q=atelier", wait_until="commit")
    field = page.locator("#rx-search-q")
    field.fill("barcamp")  # the reader changed their mind before the page was ready
    held.release()
    expect(page.locator("[data-rx-status]")).to_contain_text("pour «\u00a0barcamp\u00a0»")
    expect(field).to_have_value("barcamp")
    assert "q=barcamp" in page.url


def test_results_come_before_the_filters(site, page):
    held = Held(page, "**/pagefind/filter/*")
    page.goto(site.url + "recherche/?q=atelier")
    expect(page.locator("[data-rx-results] > li").first).to_be_visible()
    expect(page.locator("[data-rx-facets]")).to_contain_text("Chargement des filtres")
    held.release()
    expect(page.locator("[data-rx-facets] input[type=checkbox]").first).to_be_visible()


def test_filters_counted_zero_cannot_be_ticked(site, page):
    page.goto(site.url + "recherche/?q=barcamp")
    expect(page.locator("[data-rx-facets] input").first).to_be_visible()
    label = page.locator("label", has_text=re.compile(r"\(0\)$")).first
    expect(label).to_be_visible()
    box = page.locator(f"#{label.get_attribute('for')}")
    expect(box).to_be_disabled()
    counted = page.locator("label", has_text=re.compile(r"\([1-9]\d*\)$")).first
    expect(page.locator(f"#{counted.get_attribute('for')}")).to_be_enabled()


def test_filters_fold_away_on_small_screens(site, new_page):
    page = new_page(viewport={"width": 400, "height": 800})
    page.goto(site.url + "recherche/?q=atelier")
    expect(page.locator("[data-rx-results] > li").first).to_be_visible()
    toggle = page.get_by_role("button", name="Filtrer")
    expect(toggle).to_have_attribute("aria-expanded", "false")
    expect(page.locator("[data-rx-facets]")).to_be_hidden()
    # The results are right under the query, not 2,850 px down.
    top = page.locator("[data-rx-results] > li").first.bounding_box()["y"]
    assert top < 900, top
    toggle.click()
    expect(toggle).to_have_attribute("aria-expanded", "true")
    expect(page.locator("[data-rx-facets] input").first).to_be_visible()
    page.get_by_role("link", name="Aller aux résultats").click()
    expect(page.locator("#rx-results-title")).to_be_focused()
    # Filters set in a shared address are shown.
    page.goto(site.url + "recherche/?q=atelier&type=m%C3%A9thode")
    expect(page.get_by_role("button", name="Filtrer")).to_have_attribute("aria-expanded", "true")


@pytest.mark.parametrize("blocked", ["**/pagefind/wasm.*", "**/pagefind/pagefind.js"])
def test_when_search_cannot_run_the_reader_is_told_and_offered_other_ways(site, page, blocked):
    # A proxy that blocks WebAssembly (or the script): say so, offer the lists.
    page.route(blocked, lambda route: route.abort())
    page.expected_console_errors += [r"Failed to load", r"ne peut pas fonctionner", r"ERR_FAILED"]
    page.goto(site.url + "recherche/?q=atelier")
    status = page.locator("[data-rx-status]")
    expect(status).to_contain_text("indisponible")
    for name, path in (("tous les cas", "/cas/"), ("toutes les méthodes", "/methodes/")):
        link = status.get_by_role("link", name=name)
        assert urlsplit(link.get_attribute("href")).path == path
    assert any("ne peut pas fonctionner" in e for e in page.console_errors), "logged"
    page.goto(site.url + "cas/")
    page.locator("#rx-hsearch-input").click()
    page.keyboard.type("barcamp")
    panel = page.locator(".rx-hsearch__panel")
    expect(panel).to_contain_text("indisponible")
    expect(panel.get_by_role("link", name="toutes les méthodes")).to_be_visible()


def test_no_page_view_asks_for_a_sitemap(site, page):
    asked = []
    page.on("request", lambda r: asked.append(r.url) if "sitemap" in r.url else None)
    for path in ("", "cas/pau-lean-startup-directeurs/", "methodes/debat-mouvant/",
                 "recherche/?q=lean", "fiches-a-imprimer/", "donnees/"):
        page.goto(site.url + path, wait_until="networkidle")
    assert not asked, asked
    # The reader is about to follow a link: the site's sitemap comes (instant navigation),
    # never the feeds' « sitemaps » (Material takes the Atom links for language versions).
    page.locator("footer a", has_text="Tous les cas").hover()
    expect(page.locator("html")).to_have_attribute("data-rx-instant", "ready")
    assert asked == [site.url + "sitemap.xml"], asked
    # Feed autodiscovery is still there.
    feeds = page.locator('link[rel=alternate][type="application/atom+xml"]')
    assert feeds.count() == 2
