"""A public site that serves everyone, checked in Chromium: accessibility (axe, WCAG 2.1
A and AA), no third-party request, no CSP error, print, and the 404 page."""

from __future__ import annotations

import io
import re
from urllib.parse import urlsplit

import pytest
from browser.conftest import axe_violations
from playwright.sync_api import expect
from pypdf import PdfReader

PAGE_KINDS = {
    "accueil": "",
    "index des cas": "cas/",
    "cas": "cas/strasbourg-transfo-labo-et-comptoir-des-services/",
    "index des méthodes": "methodes/",
    "méthode": "methodes/debat-mouvant/",
    "page de thème": "themes/laboratoire-d-innovation/",
    "recherche avec résultats": "recherche/?q=atelier&type=m%C3%A9thode",
    "choix d’une méthode": "choisir-une-methode/?phase=comprendre",
    "carte des cas": "carte/",
    "fiches à imprimer": "fiches-a-imprimer/",
    "ma sélection (vide)": "ma-selection/",
    "ma sélection à imprimer (vide)": "ma-selection/imprimer/",
    "page introuvable": "une/page/qui/n-existe/pas/",
    "données ouvertes": "donnees/",
    "accessibilité": "accessibilite/",
    "formulaire de proposition": "proposer/?type=cas",
}


NOT_FOUND = PAGE_KINDS["page introuvable"]


def wait_until_settled(page, path: str):
    if path.startswith("recherche/"):
        expect(page.locator("[data-rx-results] > li").first).to_be_visible()
    if path.startswith("choisir-une-methode/"):
        expect(page.locator("[data-rx-chooser-status]")).to_contain_text("convien")
    if path.startswith("ma-selection/imprimer/"):
        expect(page.locator("[data-rx-selection-print]")).to_have_attribute("data-rx-state", "done")
    if path.startswith("proposer/"):  # the published schema loaded, the form checked
        expect(page.locator("form:not([hidden]) [data-rx-state]")).not_to_have_text(
            "Vérification de la fiche…"
        )


@pytest.mark.parametrize("kind", list(PAGE_KINDS))
def test_no_wcag_violation(site, page, kind):
    path = PAGE_KINDS[kind]
    if path == NOT_FOUND:
        page.expected_console_errors.append(r"status of 404")  # the page's own status
    page.goto(site.url + path)
    wait_until_settled(page, path)
    violations = axe_violations(page)
    assert not violations, "\n".join(violations)


def test_search_results_pass_axe_with_the_header_panel_open(site, page):
    page.goto(site.url + "cas/")
    page.locator("#rx-hsearch-input").click()
    page.keyboard.type("barcamp")
    expect(page.locator(".rx-hsearch__result").first).to_be_visible()
    assert not axe_violations(page)


def test_skip_link_lang_and_landmarks(site, page):
    page.goto(site.url + "methodes/debat-mouvant/")
    assert page.locator("html").get_attribute("lang") == "fr"
    page.keyboard.press("Tab")
    skip = page.locator(":focus")
    expect(skip).to_have_text("Aller au contenu")
    page.keyboard.press("Enter")
    expect(page.locator("#contenu")).to_be_focused()
    for role in ("banner", "main", "contentinfo", "search"):
        assert page.get_by_role(role).count() >= 1, role


def test_focus_is_visible(site, page):
    page.goto(site.url)
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"


def requests_while_using(site, page, actions):
    hosts = []
    page.on("request", lambda request: hosts.append(urlsplit(request.url)))
    actions(page)
    return hosts


def test_no_request_leaves_the_site(site, page):
    def browse_and_search(page):
        for path in (
            "",
            "cas/pau-lean-startup-directeurs/",
            "methodes/debat-mouvant/",
            "recherche/?q=lean",
            "choisir-une-methode/",
            "fiches-a-imprimer/",
        ):
            page.goto(site.url + path, wait_until="networkidle")
        page.locator("#rx-hsearch-input").click()
        page.keyboard.type("comptoir des services")
        expect(page.locator(".rx-hsearch__result").first).to_be_visible()
        page.locator(".rx-hsearch__result a").first.click()
        page.wait_for_load_state("networkidle")

    requests = requests_while_using(site, page, browse_and_search)
    own = urlsplit(site.url).netloc
    foreign = sorted({r.geturl() for r in requests if r.netloc and r.netloc != own})
    assert not foreign, foreign
    assert len(requests) > 20, "the pages, styles, scripts and search index were requested"


def test_every_page_works_under_its_csp_with_no_console_error(site, page):
    messages = []
    page.on(
        "console",
        lambda m: (
            messages.append(f"{m.type}: {m.text}") if m.type in ("error", "warning") else None
        ),
    )
    page.add_init_script("""
        document.addEventListener('securitypolicyviolation', e =>
            console.error('CSP violation: ' + e.violatedDirective + ' ' + e.blockedURI));
    """)
    for path in PAGE_KINDS.values():
        if path == NOT_FOUND:
            continue  # its own 404 status is logged as an error: checked below
        page.goto(site.url + path, wait_until="networkidle")
        wait_until_settled(page, path)
        csp = page.locator('meta[http-equiv="Content-Security-Policy"]')
        assert "default-src 'none'" in csp.get_attribute("content")
    page.goto(site.url + "cas/", wait_until="networkidle")
    page.locator("#rx-hsearch-input").click()
    page.keyboard.type("lean startup")
    expect(page.locator(".rx-hsearch__result").first).to_be_visible()
    errors = [m for m in messages if "error" in m.split(":")[0]]
    assert not errors, errors


def pdf_of(page, url):
    page.goto(url, wait_until="networkidle")
    return PdfReader(io.BytesIO(page.pdf(format="A4", prefer_css_page_size=True)))


def test_method_sheet_prints_as_a_handout(site, page):
    pdf = pdf_of(page, site.url + "methodes/debat-mouvant/")
    assert 1 <= len(pdf.pages) <= 2
    text = "\n".join(p.extract_text() for p in pdf.pages)
    assert "Débat mouvant" in text
    assert "En bref" in text and "Participants" in text and "Durée" in text
    assert re.search(r"^1\. ?Préparer", text, re.M), "numbered steps"
    assert "Pièges à éviter" in text
    # No header, navigation, search, site footer or related lists on paper.
    for absent in (
        "Rechercher",
        "Aller au contenu",
        "Table des matières",
        "Mentions légales",
        "Cas qui l’ont utilisée",
        "Modifier cette page",
    ):
        assert absent not in text, absent
    assert f"{site.url}methodes/debat-mouvant/" in text.replace("\n", "")
    assert "Licence Ouverte 2.0" in text


@pytest.mark.parametrize(
    "slug", ["entretien-usager", "barcamp", "lean-startup", "prospective-signaux-faibles"]
)
def test_every_kind_of_sheet_fits_two_pages(site, page, slug):
    assert len(pdf_of(page, f"{site.url}methodes/{slug}/").pages) <= 2


def test_printed_links_are_numbered_with_their_addresses_at_the_end(site, page):
    url = site.url + "cas/strasbourg-transfo-labo-et-comptoir-des-services/"
    pdf = pdf_of(page, url)
    text = "\n".join(p.extract_text() for p in pdf.pages)
    # The link text keeps its number; the addresses are listed once, in order, at the end.
    noted = page.locator('#contenu a[data-print-note][href$="/methodes/debat-mouvant/"]')
    number = noted.first.get_attribute("data-print-note")
    assert number and re.search(rf"débat mouvant\s*\[{number}\]", text), text
    notes = text[text.index("Liens cités") :]
    assert f"{site.url}methodes/debat-mouvant/" in notes.replace("\n", "")
    assert "(htt" not in text, "no address printed inline, broken mid-word"


def test_every_printed_page_carries_the_sheet_address_and_date(site, page):
    for path in ("cas/strasbourg-transfo-labo-et-comptoir-des-services/", "methodes/barcamp/"):
        pdf = pdf_of(page, site.url + path)
        assert len(pdf.pages) >= 2, "a sheet that needs more than one page"
        for number, printed in enumerate(pdf.pages, 1):
            text = printed.extract_text().replace("\n", " ")
            assert f"{site.url}{path}" in text, (path, number)
            assert re.search(r"mise à jour le \d{1,2}(er)? \w+ \d{4}", text), (path, number)


def test_printed_headings_are_bold(site, page):
    page.goto(site.url + "fiches-a-imprimer/")
    page.emulate_media(media="print")
    weights = page.evaluate("""() => [...document.querySelectorAll('.rx-sheet h2, .rx-sheet h3')]
        .map(h => Number(getComputedStyle(h).fontWeight))""")
    assert weights and min(weights) >= 700, weights


def test_a_short_method_sheet_prints_on_one_page(site, page):
    # Sheets of ordinary length fit on one A4 page; longer ones take two, never more.
    for slug in ("tour-de-table", "debat-mouvant"):
        assert len(pdf_of(page, f"{site.url}methodes/{slug}/").pages) == 1, slug
    pdf = pdf_of(page, site.url + "cas/strasbourg-transfo-labo-et-comptoir-des-services/")
    assert len(pdf.pages) <= 2, "no page left with only the sources"


def test_each_sheet_has_a_print_button(site, page):
    for path in ("methodes/debat-mouvant/", "cas/pau-lean-startup-directeurs/"):
        page.goto(site.url + path)
        page.evaluate("() => { window.print = () => { window.__printed = true; }; }")
        page.get_by_role("button", name="Imprimer cette fiche").click()
        assert page.evaluate("window.__printed === true"), path


def test_print_deck_gives_each_sheet_its_own_pages(site, page):
    page.goto(site.url + "methodes/")
    count = page.locator(".rx-cards > li").count()
    pdf = pdf_of(page, site.url + "fiches-a-imprimer/")
    starts = [i for i, p in enumerate(pdf.pages) if "En bref" in p.extract_text()]
    assert len(starts) == count, "every sheet, each starting a page"
    first_lines = [pdf.pages[i].extract_text().strip().split("\n")[0] for i in starts]
    assert "Débat mouvant" in first_lines
    assert len(pdf.pages) <= 2 * count


def test_404_page_in_french_at_any_depth(site, page):
    page.expected_console_errors.append(r"status of 404")  # the page's own status
    response = page.goto(site.url + "une/page/qui/n-existe/pas/")
    assert response.status == 404
    expect(page.locator("h1")).to_have_text("Page introuvable")
    page.locator("#contenu").get_by_role("link", name="tous les cas").click()
    expect(page.locator("h1")).to_have_text("Tous les cas")
    page.go_back()
    content = page.locator("#contenu")
    content.get_by_label("Rechercher un cas ou une méthode").fill("barcamp")
    content.get_by_role("button", name="Rechercher", exact=True).click()
    expect(page).to_have_url(re.compile(r"/recherche/\?q=barcamp$"))
    expect(page.locator("[data-rx-results] > li").first).to_be_visible()
