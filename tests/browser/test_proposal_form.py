"""The contribution form /proposer/, used in Chromium as a contributor would: by label,
with the keyboard, with mistakes; the file it gives is checked by ``retex check`` in a
copy of the repository, and its GitHub link, download and draft are followed."""

from __future__ import annotations

import json
import random
import re
from urllib.parse import parse_qs, unquote, urlsplit

import pytest
import yaml
from browser.conftest import axe_violations
from playwright.sync_api import expect

from retex.frontmatter import parse_document
from retex.kinds import CASE, KINDS, METHOD, Kind
from retex.scaffold import template_text
from retex.schema import field_docs
from retex.site import load_site
from support import ROOT, copy_project

REPO = "https://github.com/retex/retex"


@pytest.fixture(scope="module")
def real_site():
    return load_site(ROOT)


def form_of(page, kind="cas"):
    name = "Proposer un cas" if kind == "cas" else "Proposer une méthode"
    return page.get_by_role("form", name=name)


def open_form(site, page, query="type=cas"):
    page.goto(site.url + "proposer/?" + query)
    form = form_of(page, "methode" if "type=methode" in query else "cas")
    # The published schema is loaded: the form says where the sheet stands.
    expect(form.locator("[data-rx-state]")).not_to_have_text("Vérification de la fiche…")
    return form


def group(form, name):
    return form.get_by_role("group", name=re.compile("^" + re.escape(name)))


def fill_case(form, title="Un atelier de co-conception avec les agents d’accueil à Brest"):
    form.get_by_label("Titre de la fiche").fill(title)
    form.get_by_label("Résumé en une ou deux phrases").fill(
        "Les agents d’accueil de la ville ont imaginé avec des usagers un nouveau parcours : "
        "« un seul guichet », disent-ils."
    )
    territory = group(form, "Territoire")
    territory.get_by_label("Nom du territoire").fill("Ville de Brest")
    territory.get_by_label("Niveau de territoire").select_option("commune")
    territory.get_by_label("Région").select_option("Bretagne")
    form.get_by_label("Format de l’expérience").select_option("atelier")
    group(form, "Thèmes").get_by_label("Relation aux usagers").check()
    group(form, "Thèmes").get_by_label("Simplification administrative").check()
    group(form, "Méthodes employées").get_by_label("Atelier de co-conception").check()
    form.get_by_label("Contexte").fill(
        "L’accueil de la mairie recevait des usagers perdus entre trois guichets.\n\n"
        "\\#BARCAMP : un dièse échappé en début de ligne, qui n’est pas un titre"
    )
    form.get_by_label("Démarche").fill(
        "1. Une matinée d’immersion.\n2. Un [atelier](../methods/atelier-de-co-conception.md)."
    )
    group(form, "Ce que l’expérience enseigne").get_by_label("Ligne 1", exact=True).fill(
        "Associer les agents dès le départ : ils connaissent les détours des usagers."
    )
    form.get_by_label("Date de l’expérience").fill("2024-03")
    actors = group(form, "Organisations impliquées")
    actors.get_by_label("Ligne 1", exact=True).fill("Ville de Brest")
    actors.get_by_role("button", name="Ajouter une ligne").click()
    actors.get_by_label("Ligne 2", exact=True).fill("Association « Accès pour tous » : partenaire")
    sources = group(form, "Sources de la fiche")
    sources.get_by_label("Titre ou description de la source").fill("Compte rendu #2 de l’atelier")
    sources.get_by_label("Adresse web de la source").fill("https://www.exemple.fr/compte-rendu")
    form.get_by_label("Niveau de complétude de la fiche").select_option("partielle")


def fill_method(form):
    form.get_by_label("Titre de la fiche").fill("Photolangage")
    form.get_by_label("Résumé en une ou deux phrases").fill(
        "Choisir une photographie pour dire ce qu’on pense d’un sujet, puis en parler."
    )
    group(form, "Étapes de la démarche").get_by_label("comprendre").check()
    duration = group(form, "Durée en minutes")
    duration.get_by_label("Minimum").fill("45")
    duration.get_by_label("Maximum").fill("90")
    duration.get_by_label("Durée en toutes lettres").fill("une heure environ")
    people = group(form, "Nombre de participants")
    people.get_by_label("Minimum").fill("6")
    people.get_by_label("Maximum").fill("15")
    form.get_by_label("Difficulté d’animation").select_option("facile")
    form.get_by_label("Quand et pourquoi l’utiliser").fill(
        "Pour ouvrir une réunion : chacun parle à partir d’une image.\nOn s’écoute sans débattre."
    )
    group(form, "Modalités possibles").get_by_label("présentiel").check()
    group(form, "Méthodes liées").get_by_label("Tour de table").check()
    form.get_by_label("Objectif").fill("Faire parler chacun d’un sujet difficile.")
    form.get_by_label("Déroulé").fill(
        "1. Étaler les photos.\n2. Chacun choisit.\n3. Tour de parole."
    )


def generated_file(form, containing: str | None = None) -> str:
    """The file shown for review, once it shows what was typed last."""
    expect(form.locator("[data-rx-offer]")).to_be_visible()
    if containing:
        expect(form.locator("[data-rx-file]")).to_contain_text(containing)
    return form.locator("[data-rx-file]").text_content()


def template_keys(kind: Kind, real_site) -> list[str]:
    """Top-level keys in the order of `retex new`'s template."""
    text = template_text(real_site.schema, kind, "Titre")
    return re.findall(r"^(?:# )?([a-z_]+):", text, flags=re.M)


def check_in_a_copy(tmp_path, relpath: str, text: str):
    project = copy_project(tmp_path / "project")
    project.write(relpath, text)
    return project.check()


# --- The page ---------------------------------------------------------------------------


def test_the_form_has_a_control_named_after_every_field_of_the_schema(site, page, real_site):
    for kind in KINDS:
        form = open_form(site, page, "type=" + kind.command_names[0])
        names = set(form.locator("[name]").evaluate_all("els => els.map(e => e.name)"))
        for doc in field_docs(real_site.schema, kind):
            if doc.name in ("draft", "aliases") or "groupe" in doc.type:
                continue
            in_rows = form.locator("template[data-rx-template]").evaluate_all(
                "(ts, n) => ts.some(t => t.content.querySelector(`[name='${n}']`))", doc.name
            )
            assert doc.name in names or in_rows, f"{kind}: no control named {doc.name}"
        for doc in field_docs(real_site.schema, kind):
            if doc.values and "groupe" not in doc.type:
                shown = form.locator(f'[name="{doc.name}"]').evaluate_all(
                    "els => els.flatMap(e => e.tagName === 'SELECT' ? "
                    "[...e.options].map(o => o.value).filter(Boolean) : [e.value])"
                )
                assert shown == list(doc.values), doc.name
    methods = form_of(page, "methode").locator('[name="related"]')
    assert methods.evaluate_all("els => els.map(e => e.value)") == [
        m.slug for m in real_site.methods
    ]


def test_links_lead_to_the_form(site, page):
    for path in ("", "contribuer/"):
        page.goto(site.url + path)
        links = page.locator("#contenu a[href*='proposer/']")
        assert links.count() >= 1, path
    page.goto(site.url + "a-propos/")
    page.get_by_role("contentinfo").get_by_role("link", name="Proposer une fiche").click()
    expect(page).to_have_url(re.compile(r"/proposer/$"))
    expect(page.get_by_role("heading", name="Proposer une fiche", level=1)).to_be_visible()


def test_from_the_home_page_to_githubs_new_file_page(site, page):
    page.goto(site.url)
    page.get_by_role("link", name="Proposer un cas ou une méthode").click()
    form = form_of(page)
    expect(form.locator("[data-rx-state]")).not_to_have_text("Vérification de la fiche…")
    fill_case(form, "Un parcours complet")
    text = generated_file(form)
    link = form.get_by_role("link", name="Proposer sur GitHub")
    query = parse_qs(urlsplit(link.get_attribute("href")).query)
    assert link.get_attribute("href").startswith(f"{REPO}/new/main/cases?")
    assert query == {"filename": ["un-parcours-complet.md"], "value": [text]}


def test_the_two_kinds_and_their_addresses(site, page):
    form = open_form(site, page, "type=methode")
    expect(form).to_be_visible()
    expect(form_of(page, "cas")).to_be_hidden()
    expect(page.get_by_role("link", name="Proposer une méthode")).to_have_attribute(
        "aria-current", "page"
    )
    page.get_by_role("link", name="Proposer un cas").click()
    expect(form_of(page, "cas")).to_be_visible()


# --- A case and a method, filled as a person would -------------------------------------


def test_a_case_filled_by_label_gives_a_file_that_retex_check_accepts(
    site, page, real_site, tmp_path
):
    form = open_form(site, page)
    fill_case(form)
    expect(form.locator("[data-rx-slug]")).to_contain_text(
        "/cas/un-atelier-de-co-conception-avec-les-agents-d-accueil-a-brest/"
    )
    form.get_by_role("button", name="Vérifier la fiche").click()
    text = generated_file(form)
    slug = "un-atelier-de-co-conception-avec-les-agents-d-accueil-a-brest"
    expect(form.locator("[data-rx-path]")).to_have_text(f"cases/{slug}.md")

    # What retex new + filling writes: the template's key order and quoting.
    document, problems = parse_document(text.encode("utf-8"), f"cases/{slug}.md")
    assert not problems
    keys = list(document.data)
    order = template_keys(CASE, real_site)
    assert keys == [k for k in order if k in keys]
    assert text.startswith(
        '---\ntitle: "Un atelier de co-conception avec les agents d’accueil à Brest"\n'
    )
    assert 'date: "2024-03"\n' in text
    assert "themes: [Relation aux usagers, Simplification administrative]\n" in text
    assert "methods: [atelier-de-co-conception]\n" in text
    assert document.data["territory"] == {
        "name": "Ville de Brest",
        "level": "commune",
        "region": "Bretagne",
    }
    assert document.data["actors"] == [
        "Ville de Brest",
        "Association « Accès pour tous » : partenaire",
    ]
    assert document.data["sources"] == [
        {"title": "Compte rendu #2 de l’atelier", "url": "https://www.exemple.fr/compte-rendu"}
    ]
    assert "\n## Contexte\n\nL’accueil de la mairie" in text
    assert "\n## Démarche\n\n1. Une matinée d’immersion." in text
    assert "## Résultats" not in text  # left empty: no empty heading on the page

    result = check_in_a_copy(tmp_path, f"cases/{slug}.md", text)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Tout est valide" in result.stdout


def test_a_method_filled_by_label_gives_a_file_that_retex_check_accepts(
    site, page, real_site, tmp_path
):
    form = open_form(site, page, "type=methode")
    fill_method(form)
    form.get_by_role("button", name="Vérifier la fiche").click()
    text = generated_file(form)
    expect(form.locator("[data-rx-path]")).to_have_text("methods/photolangage.md")
    document, problems = parse_document(text.encode("utf-8"), "methods/photolangage.md")
    assert not problems
    keys = list(document.data)
    assert keys == [k for k in template_keys(METHOD, real_site) if k in keys]
    assert document.data["duration"] == {"min": 45, "max": 90, "label": "une heure environ"}
    assert document.data["participants"] == {"min": 6, "max": 15}
    assert document.data["why"] == (
        "Pour ouvrir une réunion : chacun parle à partir d’une image.\nOn s’écoute sans débattre."
    )
    assert "why: |-\n  Pour ouvrir une réunion" in text
    assert document.data["related"] == ["tour-de-table"]
    assert "\n## Déroulé\n\n1. Étaler les photos.\n2. Chacun choisit." in text
    result = check_in_a_copy(tmp_path, "methods/photolangage.md", text)
    assert result.returncode == 0, result.stdout + result.stderr


# --- Mistakes ---------------------------------------------------------------------------


def test_a_missing_field_and_an_unknown_method_are_told_in_french(site, page):
    form = open_form(site, page, "type=cas&methods=methode-inconnue")
    fill_case(form)
    form.get_by_label("Résumé en une ou deux phrases").fill("")
    form.get_by_role("button", name="Vérifier la fiche").click()

    summary = form.locator("[data-rx-summary]")
    expect(summary).to_be_visible()
    expect(summary).to_be_focused()
    expect(summary).to_contain_text("Résumé en une ou deux phrases : Ce champ est obligatoire.")
    expect(summary).to_contain_text("Méthode inconnue « methode-inconnue »")
    expect(form.locator("[data-rx-offer]")).to_be_hidden()

    summary_field = form.get_by_label("Résumé en une ou deux phrases")
    expect(summary_field).to_have_attribute("aria-invalid", "true")
    error_id = summary_field.evaluate(
        "el => el.getAttribute('aria-describedby').split(' ').find(i => i.endsWith('-error'))"
    )
    expect(page.locator(f"#{error_id}")).to_have_text("Erreur : Ce champ est obligatoire.")
    methods = group(form, "Méthodes employées")
    expect(methods.locator("[data-rx-error]")).to_contain_text("Méthode inconnue")
    expect(methods.get_by_label("methode-inconnue (inconnue)")).to_be_checked()

    # A link of the summary takes the cursor to its field.
    summary.get_by_role("link", name=re.compile("^Résumé")).click()
    expect(summary_field).to_be_focused()

    # Fixed as they are typed: the errors go, the file is offered.
    summary_field.fill("Un résumé d’une phrase.")
    methods.get_by_label("methode-inconnue (inconnue)").uncheck()
    expect(summary).to_be_hidden()
    expect(summary_field).not_to_have_attribute("aria-invalid", "true")
    expect(form.locator("[data-rx-offer]")).to_be_visible()


def test_errors_appear_next_to_a_field_once_it_is_left(site, page):
    form = open_form(site, page)
    title = form.get_by_label("Titre de la fiche")
    title.fill("Pau : lean startup, directeurs")
    expect(form.locator("[data-rx-offer]")).to_be_hidden()
    title.press("Tab")
    error = title.locator("xpath=..").locator("[data-rx-error]")
    expect(error).to_contain_text("déjà l’identifiant de la fiche")
    expect(error).to_contain_text("pau-lean-startup-directeurs")
    form.get_by_label("Date de l’expérience").fill("2019-02-30")
    form.get_by_label("Date de l’expérience").press("Tab")
    expect(form.locator("#rx-case-date-error")).to_contain_text("n’existe pas dans le calendrier")
    # Nothing is said of the fields not yet visited.
    expect(form.locator("#rx-case-format-error")).to_be_empty()


def test_ranges_and_numbers_are_checked(site, page):
    form = open_form(site, page, "type=methode")
    duration = group(form, "Durée en minutes")
    duration.get_by_label("Minimum").fill("90")
    duration.get_by_label("Maximum").fill("30")
    duration.get_by_label("Maximum").press("Tab")
    expect(form.locator("#rx-method-duration-max-error")).to_have_text(
        "Erreur : Le maximum (30) doit être supérieur ou égal au minimum (90)."
    )
    people = group(form, "Nombre de participants")
    people.get_by_label("Minimum").fill("0")
    people.get_by_label("Minimum").press("Tab")
    expect(form.locator("#rx-method-participants-min-error")).to_contain_text("au moins 1.")


def test_hostile_text_is_refused_in_french(site, page):
    form = open_form(site, page)
    fill_case(form)
    form.get_by_label("Démarche").fill('Voir <iframe src="https://example.org"></iframe>')
    form.get_by_label("Démarche").press("Tab")
    expect(form.locator("#rx-case-body-demarche-error")).to_contain_text("balises HTML")
    form.get_by_label("Démarche").fill("Un [lien](javascript:alert(1)) piégé")
    expect(form.locator("#rx-case-body-demarche-error")).to_contain_text("Lien refusé")
    form.get_by_label("Démarche").fill("Un caractère \u202e retourné")
    expect(form.locator("#rx-case-body-demarche-error")).to_contain_text("U+202E")
    expect(form.locator("[data-rx-offer]")).to_be_hidden()


def test_a_second_page_title_is_refused_as_retex_check_refuses_it(site, page):
    form = open_form(site, page)
    fill_case(form)
    expect(form.locator("[data-rx-offer]")).to_be_visible()
    context = form.get_by_label("Contexte")
    for text in ("# Un titre de trop", "#BARCAMP en début de ligne", "Un titre\n========"):
        context.fill(text)
        context.press("Tab")
        expect(form.locator("#rx-case-body-contexte-error")).to_contain_text("Titre de niveau 1")
        expect(form.locator("[data-rx-offer]")).to_be_hidden()
    context.fill("### Un intertitre\n\n\\#BARCAMP, un dièse échappé")
    expect(form.locator("#rx-case-body-contexte-error")).to_be_empty()
    expect(form.locator("[data-rx-offer]")).to_be_visible()


# --- GitHub, download, clipboard -----------------------------------------------------------


def test_the_github_link_opens_githubs_new_file_page_with_the_file(site, page):
    form = open_form(site, page)
    fill_case(form, "Le comptoir des usagers")
    text = generated_file(form)
    link = form.get_by_role("link", name="Proposer sur GitHub")
    href = link.get_attribute("href")
    parts = urlsplit(href)
    assert f"{parts.scheme}://{parts.netloc}{parts.path}" == f"{REPO}/new/main/cases"
    query = parse_qs(parts.query, keep_blank_values=True)
    assert query["filename"] == ["le-comptoir-des-usagers.md"]
    assert query["value"] == [text]
    assert link.get_attribute("target") == "_blank"
    assert len(href) <= 8000


def test_a_long_sheet_goes_through_the_clipboard(site, browser):
    context = browser.new_context(locale="fr-FR", viewport={"width": 1280, "height": 900})
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site.url.rstrip("/"))
    opened = []
    # GitHub is never reached from the tests: the new tab is answered here.
    context.route("https://github.com/**", lambda route: (
        opened.append(route.request.url),
        route.fulfill(status=200, content_type="text/html", body="<title>GitHub</title>"),
    ))
    page = context.new_page()
    try:
        form = open_form(site, page, "type=methode")
        fill_method(form)
        form.get_by_label("Conseils").fill(("- Un conseil développé longuement. " * 40 + "\n") * 8)
        expect(form.locator("[data-rx-long]")).to_be_visible()
        text = generated_file(form, containing="Un conseil développé")
        link = form.get_by_role("link", name="Copier la fiche et l’ouvrir sur GitHub")
        assert link.get_attribute("href") == f"{REPO}/new/main/methods?filename=photolangage.md"
        with context.expect_page() as new_tab:
            link.click()
        new_tab.value.wait_for_load_state()
        assert opened == [f"{REPO}/new/main/methods?filename=photolangage.md"]
        assert page.evaluate("navigator.clipboard.readText()") == text
        expect(form.locator("[data-rx-offer-status]")).to_contain_text("collez-la")
    finally:
        context.close()


def test_the_file_can_be_downloaded(site, page, tmp_path):
    form = open_form(site, page)
    fill_case(form, "Un guichet unique")
    text = generated_file(form)
    with page.expect_download() as download:
        form.get_by_role("link", name="Télécharger le fichier").click()
    assert download.value.suggested_filename == "un-guichet-unique.md"
    saved = tmp_path / "saved.md"
    download.value.save_as(saved)
    assert saved.read_text(encoding="utf-8") == text


# --- The draft and the address ---------------------------------------------------------------


def test_the_draft_is_kept_restored_and_cleared_with_no_cookie(site, page):
    form = open_form(site, page)
    fill_case(form, "Un brouillon à retrouver")
    form.get_by_label("Contexte").fill("Un texte\nsur deux lignes.")
    expected = generated_file(form, containing="sur deux lignes.")
    page.reload()
    form = form_of(page)
    expect(form.get_by_label("Titre de la fiche")).to_have_value("Un brouillon à retrouver")
    expect(form.locator("[data-rx-draft-status]")).to_contain_text("a été retrouvé")
    assert generated_file(form) == expected
    assert page.context.cookies() == []

    page.once("dialog", lambda dialog: dialog.accept())
    form.get_by_role("button", name="Effacer le brouillon").click()
    expect(form.get_by_label("Titre de la fiche")).to_have_value("")
    expect(form.locator("[data-rx-draft-status]")).to_contain_text("effacé")
    page.reload()
    expect(form_of(page).get_by_label("Titre de la fiche")).to_have_value("")
    stored = page.evaluate("Object.keys(localStorage).filter(k => k.includes('proposer'))")
    assert stored == []


def test_a_link_prefills_the_form_by_front_matter_key(site, page):
    form = open_form(
        site,
        page,
        "type=cas&territory.region=Bretagne&themes=Prospective&format=barcamp"
        "&actors=CNFPT&actors=R%C3%A9gion%20Bretagne",
    )
    expect(form.get_by_label("Région")).to_have_value("Bretagne")
    expect(form.get_by_label("Format de l’expérience")).to_have_value("barcamp")
    expect(group(form, "Thèmes").get_by_label("Prospective")).to_be_checked()
    actors = group(form, "Organisations impliquées")
    expect(actors.get_by_label("Ligne 2", exact=True)).to_have_value("Région Bretagne")
    # The prefilled values now live in the draft: a reload keeps what is typed next.
    expect(page).to_have_url(re.compile(r"/proposer/\?type=cas$"))
    form.get_by_label("Région").select_option("Normandie")
    page.reload()
    expect(form_of(page).get_by_label("Région")).to_have_value("Normandie")


def test_nothing_is_requested_from_another_host_until_github_is_chosen(site, page):
    hosts = []
    page.on("request", lambda r: hosts.append(urlsplit(r.url).netloc))
    form = open_form(site, page)
    fill_case(form, "Aucune requête ailleurs")
    generated_file(form)
    form.get_by_role("button", name="Copier le fichier").click()
    assert set(hosts) == {urlsplit(site.url).netloc}


# --- Accessible, light, under the CSP ----------------------------------------------------------


def test_no_wcag_violation_empty_with_errors_and_with_the_file(site, page):
    form = open_form(site, page)
    assert not axe_violations(page)
    form.get_by_role("button", name="Vérifier la fiche").click()
    expect(form.locator("[data-rx-summary]")).to_be_visible()
    assert not axe_violations(page)
    fill_case(form)
    generated_file(form)
    assert not axe_violations(page)
    open_form(site, page, "type=methode")
    assert not axe_violations(page)


def test_usable_with_the_keyboard_alone(site, page):
    form = open_form(site, page)
    form.get_by_label("Titre de la fiche").focus()
    page.keyboard.type("Un atelier au clavier")
    page.keyboard.press("Tab")
    page.keyboard.type("Un résumé tapé au clavier.")
    page.keyboard.press("Tab")
    expect(form.get_by_label("Nom du territoire")).to_be_focused()
    page.keyboard.type("Ville de Lorient")
    page.keyboard.press("Tab")
    page.keyboard.press("ArrowDown")  # the level: the first value of the list
    # Tab to the first theme and tick it with the space bar.
    theme = group(form, "Thèmes").get_by_label("Relation aux usagers")
    for _ in range(6):
        page.keyboard.press("Tab")
        if theme.evaluate("el => el === document.activeElement"):
            break
    expect(theme).to_be_focused()
    page.keyboard.press("Space")
    expect(theme).to_be_checked()
    # Enter in a text field checks the sheet and moves to the summary.
    form.get_by_label("Nom du territoire").focus()
    page.keyboard.press("Enter")
    expect(form.locator("[data-rx-summary]")).to_be_focused()
    expect(form.locator("[data-rx-summary]")).to_contain_text("Format de l’expérience")
    # A row added with the keyboard takes the cursor.
    actors = group(form, "Organisations impliquées")
    actors.get_by_role("button", name="Ajouter une ligne").focus()
    page.keyboard.press("Enter")
    expect(actors.get_by_label("Ligne 2", exact=True)).to_be_focused()


def test_no_console_error_and_the_script_loads_only_on_this_page(site, page):
    messages, scripts = [], []
    page.on("console", lambda m: m.type == "error" and messages.append(m.text))
    page.on("request", lambda r: scripts.append(r.url) if r.url.endswith(".js") else None)
    page.add_init_script(
        "document.addEventListener('securitypolicyviolation', e => "
        "console.error('CSP violation: ' + e.violatedDirective + ' ' + e.blockedURI));"
    )
    page.goto(site.url + "methodes/", wait_until="networkidle")
    assert not [s for s in scripts if "proposal" in s or "json-schema" in s]
    form = open_form(site, page)
    fill_case(form, "Sans erreur dans la console")
    generated_file(form)
    with page.expect_download():
        form.get_by_role("link", name="Télécharger le fichier").click()
    assert any(s.endswith("/proposal.js") for s in scripts)
    assert any("vendor/json-schema/" in s for s in scripts)
    assert not messages, messages


# --- The JavaScript slug is Python's --------------------------------------------------------


TRICKY_TITLES = [
    "Expérimentation à Évry",
    "Côte d’Azur : l’œuvre des Œnologues",
    "Æsthétique & cœur ß",
    "L'État « agile » ?",
    "  --Déjà vu !!--  ",
    "ﬁnance ½ № 3",
    "Ça marche… ou pas ?",
    "Ĳssel İstanbul ǅ",
    "Straße ‘quoted’ ʼapostrophe` back",
    "日本語のタイトル",
    "emoji 🎉 fête",
    "tab\tet\nretour",
    "ÀÉÎÕÜ àéîõü ñ ç",
    "Ω≈ç√ µ",
    "",
]


# Blocks where decomposition, ligatures, width and case make a slug tricky, and blocks
# that Unicode filled after the version of Python's database (outlined letters and digits
# of Unicode 16, Latin additions): the browser's Unicode is newer and must not show.
SLUG_BLOCKS = [
    (0x20, 0x7E), (0xA0, 0x24F), (0x250, 0x2FF), (0x300, 0x36F), (0x370, 0x3FF),
    (0x400, 0x4FF), (0x1E00, 0x1EFF), (0x2000, 0x206F), (0x2070, 0x209F), (0x2100, 0x218F),
    (0x2460, 0x24FF), (0x3000, 0x303F), (0xA700, 0xA7FF), (0xFB00, 0xFB4F), (0xFF00, 0xFFEF),
    (0x1CC00, 0x1CEBF), (0x1D400, 0x1D7FF), (0x1DF00, 0x1DFFF), (0x1E030, 0x1E08F),
]


def random_titles(count: int, seed: int = 14) -> list[str]:
    rng = random.Random(seed)
    points = [c for low, high in SLUG_BLOCKS for c in range(low, high + 1)]
    return ["".join(chr(rng.choice(points)) for _ in range(rng.randint(1, 20)))
            for _ in range(count)]


def js_slugs(page, titles):
    return page.evaluate(
        """async (titles) => {
            const m = await import(new URL('assets/javascripts/proposal-file.js',
                                           document.baseURI.replace(/proposer\\/.*$/, '')));
            const config = JSON.parse(document.querySelector('[data-rx-config]')
                                      .getAttribute('data-rx-config'));
            return titles.map((t) => m.slugify(t, config.slug_folds));
        }""",
        titles,
    )


def test_the_slug_of_a_title_is_the_one_python_gives(site, page):
    from retex.slugs import slugify

    open_form(site, page)
    titles = TRICKY_TITLES + random_titles(2000)
    got = js_slugs(page, titles)
    mismatches = [(t, g, slugify(t)) for t, g in zip(titles, got, strict=True) if g != slugify(t)]
    assert not mismatches, mismatches[:10]


def test_every_character_counts_in_a_slug_as_python_counts_it(site, page):
    """Each code point of Unicode's planes 0 and 1 (where every letter that folds to ASCII
    lives), between two letters: « a » + c + « b » has Python's slug in the browser."""
    from retex.slugs import slugify

    open_form(site, page)
    titles = ["a" + chr(c) + "b" for c in range(0x20000) if not 0xD800 <= c <= 0xDFFF]
    got = js_slugs(page, titles)
    mismatches = [
        (hex(ord(t[1])), g, slugify(t)) for t, g in zip(titles, got, strict=True)
        if g != slugify(t)
    ]
    assert not mismatches, mismatches[:10]


def test_the_title_line_is_the_one_retex_new_writes(site, page, real_site):
    titles = ['Un titre « guillemets » et "doubles"', "Deux-points : et # dièse", "Ça va\\ ?"]
    open_form(site, page)
    lines = page.evaluate(
        """async (titles) => {
            const m = await import(new URL('assets/javascripts/proposal-file.js',
                                           document.baseURI.replace(/proposer\\/.*$/, '')));
            const form = JSON.parse(document.querySelector('[data-rx-config]')
                .getAttribute('data-rx-config')).forms.case;
            return titles.map(t => m.frontMatter(form.controls, {title: t}).split('\\n')[1]);
        }""",
        titles,
    )
    for title, line in zip(titles, lines, strict=True):
        assert line == template_text(real_site.schema, CASE, title).split("\n")[2]
        assert yaml.safe_load(line) == {"title": title}


def test_page_data_is_plain_json(site, page):
    open_form(site, page)
    data = json.loads(page.locator("[data-rx-config]").get_attribute("data-rx-config"))
    assert data["repo_url"] == REPO and data["branch"] == "main"
    assert unquote(data["forms"]["case"]["schema"]) == "schemas/case.schema.json"
