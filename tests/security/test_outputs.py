"""What the check accepts is published inert: the built site, read by real parsers.

A project is built once with the accepted payloads of the attack classes (values that
break out of an HTML attribute or of ``<title>``, spreadsheet formulas, a fence in one
field meant to pair with the body's…). Every page is parsed by Lexbor (a WHATWG
parser, as browsers read it), the feeds by an XML parser and feedparser, the open data
by the json and csv modules: every value comes out as the text it was, nowhere as
markup, a formula or a broken document.
"""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET
from pathlib import Path

import feedparser
import pytest
from selectolax.lexbor import LexborHTMLParser

from support import copy_project

TITLE = 'Pau</title "><meta http-equiv=refresh content="0;url=https://example.org/">'
SUMMARY = '0;url=https://example.org/" http-equiv="refresh'
TERRITORY = '=HYPERLINK("https://evil.example/","clic")'
ACTORS = ["+33 1 23 45 67 89", "-1+1", "@SUM(1+1)", "<script>alert(1)</script>"]
FACILITATOR = '"><img src=x onerror=alert(1)>'
OUTCOME = "</textarea><script>alert(1)</script>"
AUTHOR = "</blockquote><script>alert(1)</script>"
ROLE = '" onmouseover="alert(1)'
SOURCE_TITLE = "</a><script>alert(1)</script>"
SOURCE_URL = 'https://example.org/?a="><script>alert(1)</script>'

HOSTILE_CASE = f"""\
---
title: {json.dumps(TITLE)}
summary: {json.dumps(SUMMARY)}
territory:
  name: {json.dumps(TERRITORY)}
  level: commune
  region: Nouvelle-Aquitaine
format: atelier
themes: [Relation aux usagers]
methods: [entretien-usager]
date: "2019-06-27"
actors: {json.dumps(ACTORS)}
facilitators: [{json.dumps(FACILITATOR)}]
outcomes: [{json.dumps(OUTCOME)}]
lessons:
  - "Une leçon, avec `<script>alert(1)</script>` en code."
  - "Voir [la fiche](../methods/entretien-usager.md#objectif), rendue à part."
testimonial:
  quote: Une citation.
  author: {json.dumps(AUTHOR)}
  role: {json.dumps(ROLE)}
sources:
  - title: {json.dumps(SOURCE_TITLE)}
    url: {json.dumps(SOURCE_URL)}
---

## Contexte

Un texte ordinaire.
"""

# A fence opened in a field, meant to pair with the body's first fence (rendered
# together, the body's script would have come out of its code block).
HOSTILE_METHOD = """\
---
title: Méthode piégée
summary: Une méthode dont un champ ouvre un bloc de code.
phase: [comprendre]
duration: {min: 30, max: 60}
participants: {min: 2, max: 10}
difficulty: facile
why: "```"
---

## Objectif

```
<script>alert(1)</script>
```

## Déroulé

1. Une étape.
"""

# Texts of the map's shapes file that reach the page (its source and licence).
MAP_TITLE = "</a><script>alert(1)</script>"
MAP_AUTHOR = '"><img src=x onerror=alert(1)>'

DOCS_TITLE = 'À propos</title><meta http-equiv="refresh" content="0;url=https://example.org/">'
DOCS_DESCRIPTION = 'x" http-equiv="refresh" content="0;url=https://example.org/'


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("hostile"))
    project.write("cases/attaque-meta.md", HOSTILE_CASE)
    project.write("methods/methode-piegee.md", HOSTILE_METHOD)
    about = project.read("docs/a-propos.md")
    project.write(
        "docs/a-propos.md",
        f"---\ntitle: {json.dumps(DOCS_TITLE)}\ndescription: {json.dumps(DOCS_DESCRIPTION)}\n"
        f"---\n\n{about}",
    )
    shapes = json.loads(project.read("maps/regions.json"))
    shapes["source"].update(title=MAP_TITLE, author=MAP_AUTHOR)
    project.write("maps/regions.json", json.dumps(shapes))
    check = project.check()
    assert check.returncode == 0, check.stdout + check.stderr
    site = project.root.parent / "site"
    result = project.build(site_dir=site)
    assert result.returncode == 0, result.stdout + result.stderr
    return site


def parse(path: Path) -> LexborHTMLParser:
    return LexborHTMLParser(path.read_text(encoding="utf-8"))


def meta(tree, attr: str, name: str) -> str:
    node = tree.css_first(f'meta[{attr}="{name}"]')
    assert node is not None, name
    return node.attributes["content"]


def test_no_page_gains_a_refresh_a_script_or_an_event_handler(built):
    pages = sorted(built.rglob("*.html"))
    assert len(pages) > 30
    for path in pages:
        tree = parse(path)
        for node in tree.css("meta[http-equiv]"):
            kind = node.attributes["http-equiv"]
            # The build's own redirect pages (former slugs) point inside the site.
            assert kind == "Content-Security-Policy" or (
                kind == "refresh" and "example.org" not in node.attributes["content"]
            ), path
        for node in tree.css("script"):
            assert "alert(1)" not in (node.text() or ""), path
        for node in tree.root.traverse():
            for name in node.attributes:
                assert not name.startswith("on"), (path, node.tag, name)
            if node.tag == "img":
                assert node.attributes.get("src") != "x", path
        assert not tree.css("iframe, object, embed, base, svg script"), path
        # The contribution form's own text areas, each named after a field, are the only ones.
        for node in tree.css("textarea"):
            assert path.parent.name == "proposer" and node.attributes.get("name"), path


def test_the_case_page_prints_every_value_as_its_text(built):
    tree = parse(built / "cas" / "attaque-meta" / "index.html")
    assert tree.css_first("title").text() == f"{TITLE} - Retex"
    assert meta(tree, "name", "description") == SUMMARY
    assert meta(tree, "property", "og:title") == TITLE
    assert meta(tree, "property", "og:description") == SUMMARY
    assert meta(tree, "name", "twitter:title") == TITLE
    assert meta(tree, "name", "twitter:description") == SUMMARY
    assert tree.css_first("h1").text() == TITLE
    topic = tree.css('[data-md-component="header-topic"]')[0]
    assert topic.text(strip=True) == TITLE
    [ld] = tree.css('script[type="application/ld+json"]')
    data = json.loads(ld.text())
    assert (data["name"], data["description"]) == (TITLE, SUMMARY)
    assert data["spatialCoverage"]["name"] == TERRITORY
    text = tree.body.text()
    for value in (*ACTORS, FACILITATOR, SOURCE_TITLE):
        assert value in text, value
    # Results are shown as plain text: their tags are dropped, their words kept.
    assert "alert(1)" in tree.css_first(".rx-facts__wide").text()
    quote = tree.css_first("blockquote").text()
    assert AUTHOR in quote and ROLE in quote
    source = next(a for a in tree.css("a") if a.text() == SOURCE_TITLE)
    assert source.attributes["href"] == SOURCE_URL
    code = [c.text() for c in tree.css("code")]
    assert "<script>alert(1)</script>" in code
    # A field, rendered on its own, still links to the published page of a source file.
    link = next(a for a in tree.css("li a") if a.text() == "la fiche")
    assert link.attributes["href"] == "../../methodes/entretien-usager/#objectif"
    assert (built / "methodes" / "entretien-usager" / "index.html").is_file()


def test_the_map_prints_its_source_as_text_and_only_its_own_path_data(built):
    tree = parse(built / "carte" / "index.html")
    source = tree.css_first(".rx-map__source")
    assert MAP_TITLE in source.text() and MAP_AUTHOR in source.text()
    assert [a.text() for a in source.css("a")][0] == MAP_TITLE
    svg = tree.css_first("svg.rx-map__svg")
    tags = {node.tag for node in svg.traverse()}
    assert tags <= {"svg", "g", "rect", "a", "path", "circle", "text", "-text"}, tags
    for path in svg.css("path"):
        assert set(path.attributes["d"]) <= set("0123456789 -Mlz"), path.attributes["d"][:80]


def test_a_fence_in_a_field_does_not_pair_with_the_body(built):
    tree = parse(built / "methodes" / "methode-piegee" / "index.html")
    assert [c.text().strip() for c in tree.css("pre code")] == ["<script>alert(1)</script>"]
    assert all("alert" not in (s.text() or "") for s in tree.css("script"))
    deck = parse(built / "fiches-a-imprimer" / "index.html")
    assert "<script>alert(1)</script>" in [c.text().strip() for c in deck.css("pre code")]


def test_titles_stay_text_in_lists_navigation_and_site_pages(built):
    cases = parse(built / "cas" / "index.html")
    assert TITLE in [a.text() for a in cases.css("a")]
    about = parse(built / "a-propos" / "index.html")
    assert about.css_first("title").text() == f"{DOCS_TITLE} - Retex"
    assert meta(about, "name", "description") == DOCS_DESCRIPTION
    topic = about.css('[data-md-component="header-topic"]')[0]
    assert topic.text(strip=True) == DOCS_TITLE


def test_feeds_stay_well_formed(built):
    for name in ("cas.xml", "methodes.xml"):
        raw = (built / "flux" / name).read_bytes()
        ET.fromstring(raw)
        feed = feedparser.parse(raw)
        assert not feed.bozo, feed.get("bozo_exception")
    titles = [e.title for e in feedparser.parse((built / "flux" / "cas.xml").read_bytes()).entries]
    assert TITLE in titles


def test_open_data_parses_and_no_csv_cell_starts_a_formula(built):
    cases = json.loads((built / "donnees" / "cas.json").read_text(encoding="utf-8"))
    record = next(r for r in cases["items"] if r["slug"] == "attaque-meta")
    assert record["title"] == TITLE and record["territory"]["name"] == TERRITORY
    for name in ("cas.csv", "methodes.csv"):
        text = (built / "donnees" / name).read_text(encoding="utf-8-sig")
        rows = list(csv.reader(io.StringIO(text), delimiter=";"))
        for row in rows:
            for cell in row:
                assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), cell
    rows = list(
        csv.DictReader(
            io.StringIO((built / "donnees" / "cas.csv").read_text(encoding="utf-8-sig")),
            delimiter=";",
        )
    )
    row = next(r for r in rows if r["slug"] == "attaque-meta")
    assert row["territory.name"] == "'" + TERRITORY
    assert row["actors"].startswith("'+33")
    data_page = parse(built / "donnees" / "index.html").body.text()
    assert "OWASP" in data_page and "apostrophe" in data_page
