"""For facilitators, in Chromium: the chooser that answers « a method for a 2-hour
workshop with 12 people », and « Ma sélection » (toggles, /ma-selection/, reload, share
link in a fresh browser, one printed document), accessible, with no request leaving the
site, and its share link's hostile queries (tests/security/share_links.py)."""

from __future__ import annotations

import io
import re
from urllib.parse import urlsplit

import pytest
import yaml
from browser.conftest import axe_violations
from playwright.sync_api import expect
from pypdf import PdfReader
from security.share_links import SHARE_LINK_ATTACKS

from support import ROOT


def published_methods() -> list[dict]:
    """Every published method sheet's front matter, read from methods/ as the build does."""
    found = []
    for path in sorted((ROOT / "methods").glob("*.md")):
        if path.name.startswith("_"):
            continue
        meta = yaml.safe_load(path.read_text(encoding="utf-8").split("---\n")[1])
        if not meta.get("draft"):
            found.append({**meta, "slug": path.stem})
    return found


def fits(method: dict, minutes: int, people: int) -> bool:
    low, high = method["participants"]["min"], method["participants"]["max"]
    return method["duration"]["min"] <= minutes and low <= people <= high


def assert_no_violation(page) -> None:
    violations = axe_violations(page)
    assert not violations, "\n".join(violations)


def foreign_requests(page, site) -> list[str]:
    own = urlsplit(site.url).netloc
    seen: list[str] = []
    page.context.on(
        "request",
        lambda r: seen.append(r.url) if urlsplit(r.url).netloc not in (own, "") else None,
    )
    return seen


def visible_slugs(page) -> list[str]:
    return page.locator("[data-rx-chooser-list] > li:visible").evaluate_all(
        "cards => cards.map(c => c.dataset.slug)"
    )


# --- The chooser ----------------------------------------------------------------------


def test_chooser_keeps_exactly_the_sheets_that_fit_and_proposes_a_sequence(site, page):
    methods = published_methods()
    expected = sorted(m["slug"] for m in methods if fits(m, 120, 12))
    assert 0 < len(expected) < len(methods), "some sheets fit, others do not"
    page.goto(site.url)
    page.get_by_role("region", name="Trouver une méthode").get_by_role(
        "link", name="Choisir une méthode pour mon atelier"
    ).click()
    expect(page).to_have_url(re.compile(r"/choisir-une-methode/$"))
    page.get_by_label("Temps disponible, en minutes").fill("120")
    page.get_by_label("Nombre de personnes").fill("12")
    status = page.locator("[data-rx-chooser-status]")
    expect(status).to_have_text(
        f"{len(expected)} fiches conviennent pour 2\u00a0h et 12 personnes."
    )
    assert sorted(visible_slugs(page)) == expected
    params = dict(p.split("=") for p in urlsplit(page.url).query.split("&"))
    assert params == {"duration": "120", "participants": "12"}

    # Asked why, each sheet left out gives its reason, from its own figures.
    left_out = page.locator("[data-rx-left-out]")
    left_out.locator("summary").click()
    items = left_out.locator("li")
    expect(items).to_have_count(len(methods) - len(expected))
    by_title = {m["title"]: m for m in methods}
    for text in items.all_inner_texts():
        title, _, why = text.partition(" — ")
        method = by_title[title]
        if method["duration"]["min"] > 120:
            assert "demande au moins" in why, text
        low, high = method["participants"]["min"], method["participants"]["max"]
        if not low <= 12 <= high:
            assert f"se pratique de {low} à {high}\u00a0personnes" in why, text

    # A sequence of sheets that fit: an opening, a core, a closing, within 120 minutes.
    steps = page.locator("[data-rx-sequence-steps] > li")
    roles = [t.split("\u00a0:")[0] for t in steps.all_inner_texts()]
    assert roles[0] == "Ouverture" and roles[-1] == "Clôture", roles
    assert "Cœur de l’atelier" in roles
    minutes = [int(m) for m in steps.evaluate_all("s => s.map(li => li.dataset.minutes)")]
    slugs = steps.evaluate_all("s => s.map(li => li.dataset.slug)")
    assert sum(minutes) <= 120 and sum(minutes) >= 90, minutes
    assert set(slugs) <= set(expected) and len(set(slugs)) == len(slugs)
    by_slug = {m["slug"]: m for m in methods}
    for slug, given in zip(slugs, minutes, strict=True):
        assert by_slug[slug]["duration"]["min"] <= given <= by_slug[slug]["duration"]["max"]
    assert_no_violation(page)

    # The sequence goes straight into « Ma sélection », in its order.
    page.get_by_role("button", name="Ajouter ce déroulé à ma sélection").click()
    expect(page.locator("[data-rx-sequence-kept]")).to_contain_text("ajoutées à votre sélection")
    page.locator("[data-rx-sequence-kept] a").click()
    listed = page.locator('[data-rx-selection-list="methodes"] > li')
    expect(listed).to_have_count(len(slugs))
    assert listed.evaluate_all("l => l.map(li => li.dataset.rxSlug)") == slugs


def test_links_of_the_former_chooser_still_answer(site, page):
    # Its choices were the search buckets: each reads as its upper bound.
    page.goto(site.url + "choisir-une-methode/?duration=1-a-3-h&participants=6-a-15")
    expect(page.get_by_label("Temps disponible, en minutes")).to_have_value("180")
    expect(page.get_by_label("Nombre de personnes")).to_have_value("15")
    expected = sorted(m["slug"] for m in published_methods() if fits(m, 180, 15))
    expect(page.locator("[data-rx-chooser-list] > li:visible")).to_have_count(len(expected))


def test_chooser_reads_its_address_and_filters_by_step(site, page):
    page.goto(site.url + "choisir-une-methode/?duration=45&participants=8&phase=capitaliser")
    expect(page.get_by_label("Temps disponible, en minutes")).to_have_value("45")
    expected = sorted(
        m["slug"] for m in published_methods() if fits(m, 45, 8) and "capitaliser" in m["phase"]
    )
    expect(page.locator("[data-rx-chooser-list] > li:visible")).to_have_count(len(expected))
    assert sorted(visible_slugs(page)) == expected
    page.get_by_role("button", name="Tout effacer").click()
    expect(page.locator("[data-rx-chooser-status]")).to_have_text(
        re.compile(r"^\d+ fiches méthodes\.$")
    )
    expect(page.locator("[data-rx-sequence]")).to_be_hidden()


# --- Ma sélection ---------------------------------------------------------------------

THREE = [
    ("methodes", "debat-mouvant", "Débat mouvant"),
    ("methodes", "tour-de-table", "Tour de table"),
    ("cas", "alpes-maritimes-barcamp-innovation-publique", None),
]


def add_three(site, page) -> None:
    """A method from its page, one from a list's card, a case from the search results."""
    page.goto(site.url + "methodes/debat-mouvant/")
    toggle = page.locator(".rx-actions button[data-rx-select]")
    expect(toggle).to_have_accessible_name("Ajouter à ma sélection")
    expect(toggle).to_have_attribute("aria-pressed", "false")
    toggle.click()
    expect(toggle).to_have_attribute("aria-pressed", "true")
    expect(toggle).to_have_text("Retirer de ma sélection")
    expect(page.locator(".rx-actions [data-rx-selection-count]")).to_have_text(
        "Voir ma sélection (1\u00a0fiche)"
    )
    page.goto(site.url + "methodes/")
    card = page.locator('.rx-card button[data-rx-slug="tour-de-table"]')
    expect(card).to_have_accessible_name("Ajouter à ma sélection : Tour de table")
    card.click()
    expect(card).to_have_attribute("aria-pressed", "true")
    page.goto(site.url + "recherche/?q=barcamp&type=cas")
    result = page.locator("[data-rx-results] > li").filter(
        has=page.locator(f'a[href$="/cas/{THREE[2][1]}/"]')
    )
    result.get_by_role("button").click()
    expect(result.get_by_role("button")).to_have_attribute("aria-pressed", "true")


def selection_slugs(page) -> list[str]:
    return page.locator("[data-rx-selection-list] > li").evaluate_all(
        "l => l.map(li => li.dataset.rxKind + '/' + li.dataset.rxSlug)"
    )


def test_three_entries_kept_shared_and_printed_with_no_request_leaving_the_site(site, new_page):
    page = new_page()
    foreign = foreign_requests(page, site)
    add_three(site, page)
    wanted = [f"{kind}/{slug}" for kind, slug, _ in THREE]

    page.goto(site.url + "ma-selection/")
    expect(page.locator("[data-rx-selection-list] > li")).to_have_count(3)
    assert selection_slugs(page) == wanted, "methods first, in the order chosen"
    expect(page.locator("[data-rx-selection-status]")).to_have_text(
        "Votre sélection\u00a0: 2 méthodes et 1\u00a0cas."
    )
    page.reload()
    expect(page.locator("[data-rx-selection-list] > li")).to_have_count(3)
    assert selection_slugs(page) == wanted
    assert_no_violation(page)
    link = page.locator("[data-rx-share-link]").input_value()
    assert link == (
        f"{site.url}ma-selection/?methodes=debat-mouvant,tour-de-table&cas={THREE[2][1]}"
    )
    # The page's toggles follow: the method page shows it pressed after a reload.
    page.goto(site.url + "methodes/tour-de-table/")
    expect(page.locator(".rx-actions button[data-rx-select]")).to_have_attribute(
        "aria-pressed", "true"
    )

    # The share link, opened in a fresh browser: it offers to keep the selection.
    other = new_page()
    foreign_other = foreign_requests(other, site)
    other.goto(link)
    offer = other.get_by_role("region", name="Une sélection vous a été envoyée")
    expect(offer).to_be_visible()
    expect(offer).to_contain_text("Ce lien propose 2 méthodes et 1\u00a0cas")
    assert selection_slugs(other) == wanted
    assert other.evaluate("localStorage.length") == 0, "nothing kept before the reader says so"
    assert_no_violation(other)
    offer.get_by_role("button", name="Garder cette sélection").click()
    expect(offer).to_be_hidden()
    expect(other).to_have_url(f"{site.url}ma-selection/")
    other.reload()
    assert selection_slugs(other) == wanted

    # « Imprimer ma sélection »: one document, a cover, then each sheet on its own pages.
    other.get_by_role("link", name="Imprimer ma sélection").click()
    expect(other.locator("[data-rx-selection-print]")).to_have_attribute("data-rx-state", "done")
    expect(other.locator("[data-rx-print-status]")).to_have_text(
        "3 fiches prêtes à imprimer, après une page de garde."
    )
    assert_no_violation(other)
    pdf = PdfReader(io.BytesIO(other.pdf(format="A4", prefer_css_page_size=True)))
    pages = [p.extract_text() for p in pdf.pages]
    cover = pages[0]
    assert "Ma sélection" in cover and "Débat mouvant" in cover and "Tour de table" in cover
    assert "Déroulé" not in cover
    starts = {}
    for number, text in enumerate(pages):
        for kind, slug, _ in THREE:
            if f"{site.url}{kind}/{slug}/" in text.replace("\n", "") and slug not in starts:
                starts[slug] = number
    assert sorted(starts.values()) == list(starts.values()) and len(starts) == 3, starts
    assert starts["debat-mouvant"] == 1, "the first sheet starts the page after the cover"
    for kind, slug, title in THREE:
        own = [
            t for t in pages if f"{site.url}{kind}/{slug}/" in t.replace("\n", "")
        ]  # every page of the sheet carries its address at the bottom
        text = "\n".join(own)
        if title:
            assert title in own[0] and "Déroulé" in text, slug
        else:
            assert "Démarche" in text, slug
    printed = "".join(pages).replace("\n", "")
    assert f"{site.url}ma-selection/" not in printed, "no note for the page's own buttons"
    for absent in ("Rechercher", "Retirer de ma sélection", "Cas qui l’ont utilisée"):
        assert absent not in "\n".join(pages), absent
    assert not foreign and not foreign_other, foreign + foreign_other


def test_reorder_and_remove_with_the_keyboard(site, page):
    add_three(site, page)
    page.goto(site.url + "ma-selection/")
    page.get_by_role("button", name="Monter : Tour de table").focus()
    page.keyboard.press("Enter")
    assert selection_slugs(page)[:2] == ["methodes/tour-de-table", "methodes/debat-mouvant"]
    expect(page.get_by_role("button", name="Descendre : Tour de table")).to_be_focused()
    expect(page.locator("[data-rx-selection-status]")).to_have_text(
        "Tour de table\u00a0: en position 1."
    )
    page.reload()
    assert selection_slugs(page)[:2] == ["methodes/tour-de-table", "methodes/debat-mouvant"]
    page.get_by_role("button", name="Retirer : Tour de table").click()
    assert selection_slugs(page) == ["methodes/debat-mouvant", f"cas/{THREE[2][1]}"]
    expect(page.get_by_role("button", name="Retirer : Débat mouvant")).to_be_focused()
    page.goto(site.url + "methodes/tour-de-table/")
    expect(page.locator(".rx-actions button[data-rx-select]")).to_have_attribute(
        "aria-pressed", "false"
    )
    page.goto(site.url + "ma-selection/")
    page.get_by_role("button", name="Vider ma sélection").click()
    expect(page.locator("[data-rx-selection-empty]")).to_be_visible()
    assert page.evaluate("document.cookie") == ""


def test_a_link_with_a_former_slug_gives_the_renamed_sheet(site, page):
    aliased = [m for m in published_methods() if m.get("aliases")]
    assert aliased, "a renamed sheet in the content"
    method = aliased[0]
    page.goto(f"{site.url}ma-selection/?methodes={method['aliases'][0]}")
    page.get_by_role("button", name="Garder cette sélection").click()
    assert selection_slugs(page) == [f"methodes/{method['slug']}"]
    page.goto(f"{site.url}methodes/{method['slug']}/")
    expect(page.locator(".rx-actions button[data-rx-select]")).to_have_attribute(
        "aria-pressed", "true"
    )


# --- The share link's query, hostile --------------------------------------------------


@pytest.mark.parametrize("name", list(SHARE_LINK_ATTACKS))
def test_a_hostile_share_link_shows_only_published_sheets(site, page, name):
    query, named = SHARE_LINK_ATTACKS[name]
    foreign = foreign_requests(page, site)
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    offered = re.search(r"(^|&)(methodes|cas)=", query) is not None
    page.goto(f"{site.url}ma-selection/?{query}")
    expect(page.locator("[data-rx-selection-status]")).not_to_be_empty()
    offer = page.get_by_role("region", name="Une sélection vous a été envoyée")
    expect(offer).to_be_visible() if offered else expect(offer).to_be_hidden()
    assert selection_slugs(page) == named
    handlers = page.evaluate("""() => [...document.querySelectorAll('*')]
        .flatMap(e => [...e.attributes].filter(a => /^on/i.test(a.name)).map(a => a.name))""")
    assert not handlers, handlers
    html = page.locator("#contenu").inner_html()
    assert "evil.example" not in html and "onerror" not in html and "alert(" not in html

    page.goto(f"{site.url}ma-selection/imprimer/?{query}")
    expect(page.locator("[data-rx-selection-print]")).to_have_attribute("data-rx-state", "done")
    printed = page.locator(".rx-sheet .rx-sheet__title").evaluate_all("t => t.map(h => h.id)")
    assert printed == [n.replace("/", "-") + "-titre" for n in named]
    assert "evil.example" not in page.locator("#contenu").inner_html()
    assert not dialogs and not foreign, (dialogs, foreign)
    assert page.evaluate("localStorage.length") == 0, "nothing kept from a link unasked"
