"""Search in a real browser: header box, /recherche/ with filters, shared URLs, chooser."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

import pytest
from browser.conftest import follow_instantly
from playwright.sync_api import expect

PAU = "/cas/pau-lean-startup-directeurs/"
STRASBOURG = "/cas/strasbourg-transfo-labo-et-comptoir-des-services/"
BARCAMP = "/cas/alpes-maritimes-barcamp-innovation-publique/"


def header_search(page, query: str):
    page.locator("#rx-hsearch-input").click()
    expect(page.locator("#rx-hsearch-input")).to_be_focused()
    page.keyboard.type(query)
    panel = page.locator(".rx-hsearch__panel")
    expect(panel).to_be_visible()
    expect(panel.locator(".rx-hsearch__status")).to_contain_text(query)
    return panel


def case_results(panel):
    """URLs of the results labelled « Cas », in order."""
    urls = []
    for item in panel.locator(".rx-hsearch__result").all():
        if item.locator(".rx-hsearch__meta").inner_text().startswith("Cas"):
            urls.append(urlsplit(item.locator("a").get_attribute("href")).path)
    return urls


@pytest.mark.parametrize(
    "query, expected",
    [
        ("lean startup", PAU),
        ("comptoir des services", STRASBOURG),
        ("assistance numérique", BARCAMP),
    ],
)
def test_header_search_finds_the_case_first(site, page, query, expected):
    page.goto(site.url)
    panel = header_search(page, query)
    cases = case_results(panel)
    assert cases and cases[0] == expected, cases


def test_elided_words_are_found(site, page):
    # « usager » appears as « l’usager », with a typographic apostrophe.
    page.goto(site.url + "recherche/?q=usager&type=cas")
    expect(page.locator("[data-rx-results] > li").first).to_be_visible()
    assert page.locator("[data-rx-results] > li").count() >= 2
    page.goto(site.url + "recherche/?q=l%E2%80%99usager&type=cas")
    expect(page.locator("[data-rx-results] > li").first).to_be_visible()


def test_plural_finds_singular(site, page):
    # « barcamps » is never written in the content: French stemming finds « barcamp ».
    page.goto(site.url)
    panel = header_search(page, "barcamps")
    assert BARCAMP in case_results(panel)


def test_skip_link_to_search_and_result_opens_its_page(site, page):
    page.goto(site.url + "methodes/")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    expect(page.locator(":focus")).to_have_text("Aller à la recherche")
    page.keyboard.press("Enter")
    expect(page.locator("#rx-hsearch-input")).to_be_focused()
    page.keyboard.type("lean startup")
    first = page.locator(".rx-hsearch__result a").first
    expect(first).to_be_visible()
    first.click()
    expect(page).to_have_url(re.compile(r"/(cas|methodes)/[a-z0-9-]+/$"))
    expect(page.locator("h1")).to_contain_text("ean startup")
    expect(page.locator(".rx-hsearch__panel")).to_be_hidden()


def test_header_search_after_instant_navigation(site, page):
    page.goto(site.url)
    page.evaluate("window.__marker = 1")  # survives only if the page is not reloaded
    follow_instantly(page, page.locator(".md-nav__link", has_text="Méthodes").first)
    expect(page.locator("h1")).to_have_text("Toutes les méthodes")
    assert page.evaluate("window.__marker") == 1, "instant navigation did a full page load"
    panel = header_search(page, "comptoir des services")
    assert case_results(panel)[0] == STRASBOURG
    # The header's links were computed for the site root, not for the first page.
    more = panel.locator(".rx-hsearch__more a").get_attribute("href")
    assert urlsplit(more).path == "/recherche/"


def test_search_page_after_instant_navigation(site, page):
    # The search page's data must survive Material's re-creation of its scripts.
    page.goto(site.url + "cas/")
    page.evaluate("window.__marker = 1")
    follow_instantly(page, page.locator(".md-nav__link", has_text="Rechercher").first)
    expect(page.locator("h1")).to_have_text("Rechercher un cas ou une méthode")
    assert page.evaluate("window.__marker") == 1, "instant navigation did a full page load"
    page.locator("#rx-search-q").fill("barcamp")
    expect(page.locator("[data-rx-results] > li").first).to_be_visible()
    expect(page.locator("[data-rx-facets] input[type=checkbox]").first).to_be_visible()


def test_keyboard_only_search(site, page):
    page.goto(site.url)
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")  # « Aller à la recherche »
    expect(page.locator("#rx-hsearch-input")).to_be_focused()
    page.keyboard.type("débat mouvant")
    expect(page.locator(".rx-hsearch__result").first).to_be_visible()
    page.keyboard.press("ArrowDown")
    focused = page.evaluate("document.activeElement.closest('.rx-hsearch__result') !== null")
    assert focused
    page.keyboard.press("Enter")
    expect(page.locator("h1")).to_be_visible()
    assert "/recherche/" not in page.url and page.url != site.url


def test_search_page_filters_narrow_and_live_in_the_url(site, page):
    page.goto(site.url + "recherche/?q=atelier")
    status = page.locator("[data-rx-status]")
    expect(status).to_contain_text("résultat")
    before = page.locator("[data-rx-results] > li").count()
    assert before > 1
    method_box = page.get_by_role("checkbox", name=re.compile(r"^Méthode \(\d+\)$"))
    method_box.check()
    expect(status).to_contain_text("type de fiche : méthode")
    after = page.locator("[data-rx-results] > li").count()
    assert 0 < after < before
    params = parse_qs(urlsplit(page.url).query)
    assert params == {"q": ["atelier"], "type": ["méthode"]}
    # Every result is a method sheet.
    for meta in page.locator(".rx-result__meta").all_inner_texts():
        assert meta.startswith("Méthode")

    # The shared URL restores the query and the filter.
    shared = page.url
    other = page.context.new_page()
    other.goto(shared)
    expect(other.locator("#rx-search-q")).to_have_value("atelier")
    expect(other.get_by_role("checkbox", name=re.compile(r"^Méthode \("))).to_be_checked()
    expect(other.locator("[data-rx-results] > li")).to_have_count(after)


def test_filter_counts_and_filter_without_query(site, page):
    page.goto(site.url + "recherche/?themes=%C3%89cosyst%C3%A8me%20d%E2%80%99innovation")
    expect(page.locator("[data-rx-results] > li")).to_have_count(1)
    expect(page.locator("[data-rx-results] a")).to_have_attribute("href", re.compile(STRASBOURG))
    label = page.locator("label", has_text="Écosystème d’innovation")
    expect(label).to_contain_text("(1)")


def test_results_are_announced(site, page):
    page.goto(site.url + "recherche/")
    status = page.locator("[data-rx-status]")
    assert status.get_attribute("role") == "status"
    page.locator("#rx-search-q").fill("barcamp")
    expect(status).to_contain_text("pour « barcamp »")


def test_chooser_narrows_the_sheets_and_keeps_choices_in_the_url(site, page):
    page.goto(site.url + "choisir-une-methode/")
    cards = page.locator("[data-rx-chooser-list] > li")
    total = cards.count()
    assert total >= 10
    page.get_by_label("Étape de votre projet").select_option(label="Capitaliser")
    visible = page.locator("[data-rx-chooser-list] > li:visible")
    capitalise = visible.count()
    assert 0 < capitalise < total
    page.get_by_label("Nombre de personnes").fill("45")
    fewer = visible.count()
    assert fewer <= capitalise
    expect(page.locator("[data-rx-chooser-status]")).to_contain_text(
        re.compile(r"conviennent|convient|Aucune")
    )
    params = parse_qs(urlsplit(page.url).query)
    assert params["phase"] == ["capitaliser"] and params["participants"] == ["45"]
    page.goto(page.url)
    expect(page.get_by_label("Étape de votre projet")).to_have_value("capitaliser")
    assert page.locator("[data-rx-chooser-list] > li:visible").count() == fewer
    for text in page.locator(
        "[data-rx-chooser-list] > li:visible .rx-card__meta"
    ).all_inner_texts():
        assert "apitaliser" in text


def test_excerpts_read_as_sentences_with_french_spacing(site, page):
    # « Antoine » appears only in the Pau case's fact box (and its source): the excerpt
    # shows that box as text, labels apart from their values.
    page.goto(site.url + "recherche/?q=Antoine&type=cas")
    result = page.locator("[data-rx-results] > li").filter(
        has=page.locator(f'a[href$="{PAU}"]')
    )
    expect(result).to_be_visible()
    excerpt = result.locator(".rx-result__excerpt").text_content()
    assert "Animation\u00a0: Antoine" in excerpt, excerpt
    assert "AnimationAntoine" not in excerpt and " :" not in excerpt, excerpt
    status = page.locator("[data-rx-status]").text_content()
    assert "«\u00a0Antoine\u00a0»" in status, status
