"""The pages the build adds (pages.py), the configuration quoted by the site's own pages,
and the print deck that moves every sheet's HTML into one page (publish/deck.py)."""

from __future__ import annotations

import pytest
from samples import ROOT

from retex.kinds import KINDS
from retex.pages import PRINT_DECK, SELECTION, SELECTION_PRINT, expand_placeholders, page_list
from retex.proposal import Contribution
from retex.publish.deck import rebase_html
from retex.publish.records import method_fit
from retex.site import load_site

GITHUB = Contribution("https://github.com/retex/retex", "main")

# --- The list of pages -------------------------------------------------------------------


def test_every_published_entry_index_and_browse_page_is_listed_once():
    site = load_site(ROOT)
    specs = page_list(site, GITHUB)
    uris = [spec.src_uri for spec in specs]
    assert len(uris) == len(set(uris))
    entries = [spec.entry for spec in specs if spec.entry is not None]
    assert entries == site.cases + site.methods
    urls = {spec.url for spec in specs}
    for kind in KINDS:
        assert kind.index_url in urls
    for index in site.browse:
        assert index.url in urls and {page.url for page in index.pages} <= urls
    assert {"fiches-a-imprimer/", "donnees/", "proposer/"} <= urls
    [deck] = [spec for spec in specs if spec.src_uri == PRINT_DECK]
    assert deck.entries == site.methods


def test_the_selection_pages_list_every_published_entry_methods_first():
    site = load_site(ROOT)
    specs = {spec.src_uri: spec for spec in page_list(site, GITHUB)}
    for uri in (SELECTION, SELECTION_PRINT):
        assert specs[uri].context["catalogue"] == site.methods + site.cases
        assert specs[uri].entries == site.methods + site.cases  # their update date
    assert specs[SELECTION].url == "ma-selection/"
    assert specs[SELECTION_PRINT].url == "ma-selection/imprimer/"


def test_the_chooser_reads_each_method_s_figures_and_phases_from_its_front_matter():
    site = load_site(ROOT)
    for method in site.methods:
        d = method.data
        fit = method_fit(method, site.vocabulary)
        assert fit["duration"] == (d.duration.min, d.duration.max)
        assert fit["participants"] == (d.participants.min, d.participants.max)
        assert fit["opens"] == ("comprendre" in d.phase)
        assert fit["closes"] == ("capitaliser" in d.phase)
    tour = method_fit(site.method("tour-de-table"), site.vocabulary)
    assert tour["opens"] and tour["closes"]


def test_the_built_site_has_a_page_for_every_listed_page(built_site):
    for spec in page_list(load_site(ROOT), GITHUB):
        assert (built_site / spec.url / "index.html").is_file(), spec.url


# --- Placeholders --------------------------------------------------------------------------

VALUES = {"publisher": {"name": "Ville d’Exemple", "host": {"name": "Hébergeur"}}, "site": 3}


def test_placeholders_take_their_value_from_the_configuration():
    text = "Éditeur : [[publisher.name]], hébergé par [[publisher.host.name]] ([[site]])."
    assert expand_placeholders(text, VALUES) == (
        "Éditeur : Ville d’Exemple, hébergé par Hébergeur (3)."
    )


def test_text_that_only_looks_like_a_placeholder_is_left_alone():
    for text in ("[[Publisher.name]]", "[[publisher name]]", "[publisher.name]", "[[]]"):
        assert expand_placeholders(text, VALUES) == text


@pytest.mark.parametrize("name", ["publisher.email", "publisher.name.first", "inconnu"])
def test_an_unknown_placeholder_is_named(name):
    with pytest.raises(KeyError) as raised:
        expand_placeholders(f"Écrire à [[{name}]].", VALUES)
    assert raised.value.args == (name,)


def test_the_legal_pages_show_the_publisher_of_mkdocs_yml(built_site):
    legal = (built_site / "mentions-legales" / "index.html").read_text(encoding="utf-8")
    assert "Communauté Retex" in legal and "contact@retex.example.org" in legal
    assert "[[" not in legal


def test_an_unknown_placeholder_fails_the_build_naming_the_page(project):
    project.write("docs/page-essai.md", "# Essai\n\nÉcrire à [[publisher.telephone]].\n")
    result = project.build()
    assert result.returncode != 0
    assert "docs/page-essai.md : repère [[publisher.telephone]] inconnu" in result.stderr
    assert "Traceback" not in result.stderr


# --- The print deck's HTML -----------------------------------------------------------------


def test_relative_links_and_images_follow_the_html_to_its_new_page():
    html = (
        '<p><a href="../barcamp/">Barcamp</a> <img src="images/plan.png" alt="Plan">'
        ' <a href="../../cas/pau/#contexte">Pau</a> <a href="./">ici</a></p>'
    )
    moved = rebase_html(html, "methodes/debat-mouvant/", "fiches-a-imprimer/")
    assert 'href="../methodes/barcamp/"' in moved
    assert 'src="../methodes/debat-mouvant/images/plan.png"' in moved
    assert 'href="../cas/pau/#contexte"' in moved
    assert 'href="../methodes/debat-mouvant/"' in moved


def test_absolute_external_and_mail_links_are_kept_as_they_are():
    html = (
        '<a href="https://exemple.fr/a">a</a><a href="/cas/">b</a>'
        '<a href="mailto:x@exemple.fr">c</a><img src="data:image/png;base64,AAAA" alt="">'
    )
    assert rebase_html(html, "methodes/a/", "fiches-a-imprimer/") == html


def test_ids_and_the_links_to_them_get_the_sheet_prefix():
    html = '<h2 id="deroule">Déroulé</h2><p><a href="#deroule">voir</a></p>'
    moved = rebase_html(html, "methodes/a/", "fiches-a-imprimer/", id_prefix="a-")
    assert '<h2 id="a-deroule">' in moved and 'href="#a-deroule"' in moved


def test_headings_go_down_a_level_and_never_below_h6():
    html = "<h1>Un</h1><h2>Deux</h2><h6>Six</h6>"
    assert rebase_html(html, "a/", "b/", demote=1) == "<h2>Un</h2><h3>Deux</h3><h6>Six</h6>"


def test_an_escaped_address_is_rebased_and_stays_escaped():
    html = '<a href="../autre/?a=1&amp;b=2">x</a>'
    assert rebase_html(html, "methodes/a/", "fiches-a-imprimer/") == (
        '<a href="../methodes/autre/?a=1&amp;b=2">x</a>'
    )


def test_the_deck_moves_each_sheet_with_its_links_working(built_site):
    deck = (built_site / "fiches-a-imprimer" / "index.html").read_text(encoding="utf-8")
    site = load_site(ROOT)
    for method in site.methods:
        assert f'id="{method.slug}"' in deck
    assert 'href="../methodes/' in deck or 'href="../cas/' in deck
    assert 'href="../../' not in deck, "links written for a sheet's own page"
