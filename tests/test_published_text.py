"""What readers read on the built site: French typography, and search excerpts that read
as sentences (checked on Pagefind's own output)."""

from __future__ import annotations

import gzip
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from samples import ROOT

from retex.site import check_content

# Checked independently of retex.publish.typography: a plain reading of each page's text.
NOT_TEXT = frozenset("code pre kbd samp var script style textarea svg math template".split())
INLINE = frozenset(
    "a abbr b bdi bdo cite code data del dfn em i ins kbd mark q s samp small span strong "
    "sub sup time u var label".split()
)
VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())
# An ordinary (breakable) space after some text and before ; : ! ? », or after «.
ORDINARY_SPACE = re.compile(r"(?<=[^\s\u00a0\u202f])[ \t\n\r\f]+[;:!?»]|«[ \t\n\r\f]+(?=\S)")


class _Lines(HTMLParser):
    """The text of a page, one string per block, without code and data elements."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, bool]] = []
        self.blocks: list[str] = []
        self.current: list[str] = []

    def _flush(self):
        if self.current:
            self.blocks.append("".join(self.current))
            self.current = []

    def handle_starttag(self, tag, attrs):
        if tag not in INLINE:
            self._flush()
        if tag in VOID:
            return
        a = dict(attrs)
        lang = a.get("lang")
        hidden_data = "data-pagefind-filter" in a or "data-pagefind-sort" in a
        self.stack.append(
            (tag, tag in NOT_TEXT or hidden_data or (lang is not None and lang[:2] != "fr"))
        )

    def handle_startendtag(self, tag, attrs):
        if tag not in INLINE:
            self._flush()

    def handle_endtag(self, tag):
        if tag not in INLINE:
            self._flush()
        for index in range(len(self.stack) - 1, -1, -1):
            if self.stack[index][0] == tag:
                del self.stack[index:]
                break

    def handle_data(self, data):
        self.current.append("x" if any(skip for _, skip in self.stack) else data)


def ordinary_spaces(html: str) -> list[str]:
    reader = _Lines()
    reader.feed(html)
    reader.close()
    reader._flush()
    return [
        block[max(0, m.start() - 30) : m.end()]
        for block in reader.blocks
        for m in ORDINARY_SPACE.finditer(block)
    ]


def test_the_checker_finds_ordinary_spaces():
    assert ordinary_spaces("<p>Format : atelier</p>") == ["Format :"]
    assert ordinary_spaces("<p><em>Quoi</em> ?</p><p>« x »</p>") == ["Quoi ?", "« ", "« x »"]
    assert ordinary_spaces("<p>Format\u00a0: atelier, quoi\u202f?</p><code>a : b</code>") == []


def test_no_page_has_an_ordinary_space_before_french_punctuation(built_site):
    pages = sorted(built_site.rglob("*.html"))
    assert len(pages) > 50  # content, browse, site and redirect pages, 404
    found = {}
    for page in pages:
        spots = ordinary_spaces(page.read_text(encoding="utf-8"))
        if spots:
            found[str(page.relative_to(built_site))] = spots[:3]
    assert not found, found


def test_typography_keeps_code_attributes_and_data_as_written(built_site):
    page = built_site / "cas" / "strasbourg-transfo-labo-et-comptoir-des-services" / "index.html"
    html = page.read_text(encoding="utf-8")
    title = "Eurométropole de Strasbourg : préfigurer le labo d’innovation"
    assert f'<meta property="og:title" content="{title}' in html  # attributes untouched
    assert "<title>Eurométropole de Strasbourg\u00a0: préfigurer" in html  # the tab title
    assert "\u00a0" not in (built_site / "donnees" / "cas.json").read_text(encoding="utf-8")
    data = (built_site / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8")
    assert json.loads(data)  # the index files are not pages


# --- Search excerpts, as Pagefind stores them --------------------------------------------


@pytest.fixture(scope="module")
def real():
    site, problems = check_content(ROOT)
    assert not problems
    return site


def pagefind_records(site: Path) -> dict[str, dict]:
    """Each indexed page's record (url, content, meta, filters), read from the index."""
    records = {}
    for fragment in (site / "pagefind" / "fragment").glob("*.pf_fragment"):
        raw = gzip.decompress(fragment.read_bytes())
        record = json.loads(raw[raw.index(b"{") :])
        records[record["url"]] = record
    return records


def test_excerpts_read_facts_as_sentences(built_site, real):
    records = pagefind_records(built_site)
    pau = records["/cas/pau-lean-startup-directeurs/"]["content"]
    assert "Format : formation. Public : cadres dirigeants. Thèmes : Culture" in pau
    method = records["/methodes/entretien-usager/"]["content"]
    assert "Phase : comprendre, tester. Durée : 45 min à 1 h 30" in method
    for entry in real.cases:
        content = records[f"/{entry.url}"]["content"]
        d = entry.data
        for label, value in (("Format", d.format), ("Thèmes", d.themes[0])):
            value = value.replace("’", "'")  # the index's copy splits words at apostrophes
            assert f"{label}{value}" not in content and f"{label} : {value}" in content, entry.slug
        assert "En bref." not in content
        assert "Fiche à compléter" not in content  # the ébauche notice is not what was searched
    for entry in real.methods:
        content = records[f"/{entry.url}"]["content"]
        assert f"Difficulté : {entry.data.difficulty}." in content, entry.slug
        assert not re.search(r"\w#", content), entry.slug  # heading permalinks left out


def test_facts_stay_searchable_and_filterable(built_site):
    records = pagefind_records(built_site)
    pau = records["/cas/pau-lean-startup-directeurs/"]
    assert "Antoine Le Fèvre" in pau["content"]  # a fact shown only in the box
    assert pau["filters"]["audience"] == ["cadres dirigeants"]
    assert pau["filters"]["format"] == ["formation"]
    sgmap = records["/cas/sgmap-potentiel-innovation-des-agents/"]
    assert "methods" not in sgmap["filters"]  # an ébauche that names no method
    assert "Méthodes : aucune nommée par la source" in sgmap["content"]


def test_an_ebauche_without_method_in_pages_and_exports(built_site):
    slug = "sgmap-potentiel-innovation-des-agents"
    html = (built_site / "cas" / slug / "index.html").read_text(encoding="utf-8")
    assert (
        'Méthodes<span class="rx-sr-only">\u00a0:</span></dt> <dd>aucune nommée par la source'
        in html
    )
    assert "Fiche à compléter." in html
    ld = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    data = json.loads(ld.group(1))
    assert data["@type"] == "Article" and "mentions" not in data
    cases = json.loads((built_site / "donnees" / "cas.json").read_text(encoding="utf-8"))
    (record,) = [item for item in cases["items"] if item["slug"] == slug]
    assert record["methods"] == [] and record["completeness"] == "ébauche"
    csv = (built_site / "donnees" / "cas.csv").read_text(encoding="utf-8-sig").splitlines()
    header = csv[0].split(";")
    (row,) = [line for line in csv if slug in line]
    assert row.split(";")[header.index("methods")] == ""
