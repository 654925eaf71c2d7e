"""The site as ``mkdocs build`` makes it: pages, structured fields as reading text,
computed backlinks, navigation, drafts, and failed builds that leave site/ alone."""

from __future__ import annotations

import hashlib
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest
from samples import ROOT

from retex.site import check_content
from retex.slugs import slugify
from support import copy_project

STRASBOURG = "strasbourg-transfo-labo-et-comptoir-des-services"
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}


# --- A small HTML reader ---------------------------------------------------------------------


class Node:
    def __init__(self, tag: str, attrs: dict, parent: Node | None):
        self.tag, self.attrs, self.parent = tag, attrs, parent
        self.children: list[Node | str] = []

    def walk(self, *, hidden: bool = True):
        """Nodes and strings in document order (skipping ``hidden`` subtrees if asked)."""
        yield self
        for child in self.children:
            if isinstance(child, str):
                yield child
            elif hidden or "hidden" not in child.attrs:
                yield from child.walk(hidden=hidden)

    def text(self) -> str:
        return " ".join("".join(x for x in self.walk(hidden=False) if isinstance(x, str)).split())

    def find_all(self, tag: str, cls: str | None = None) -> list[Node]:
        return [
            n
            for n in self.walk()
            if isinstance(n, Node)
            and n.tag == tag
            and (cls is None or cls in n.attrs.get("class", "").split())
        ]


class _Builder(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = Node("#document", {}, None)
        self.stack = [self.root]

    def handle_starttag(self, tag, attrs):
        node = Node(tag, {k: v or "" for k, v in attrs}, self.stack[-1])
        self.stack[-1].children.append(node)
        if tag not in VOID:
            self.stack.append(node)

    def handle_startendtag(self, tag, attrs):
        self.stack[-1].children.append(Node(tag, {k: v or "" for k, v in attrs}, self.stack[-1]))

    def handle_endtag(self, tag):
        for index in range(len(self.stack) - 1, 0, -1):
            if self.stack[index].tag == tag:
                del self.stack[index:]
                return

    def handle_data(self, data):
        self.stack[-1].children.append(data)


class Page:
    """A built page, read as a visitor would: its content, its links, its sections."""

    def __init__(self, site: Path, url: str):
        self.url = url  # "/cas/x/"
        builder = _Builder()
        builder.feed((site / url.strip("/") / "index.html").read_text(encoding="utf-8"))
        self.document = builder.root
        [self.content] = self.document.find_all("article", "md-content__inner")

    def resolve(self, href: str) -> str:
        """A link as a site path: ``../../themes/x/`` from ``/cas/y/`` -> ``/themes/x/``."""
        absolute = urljoin("http://site" + self.url, href)
        if not absolute.startswith("http://site/"):
            return absolute
        parts = urlsplit(absolute)
        return unquote(parts.path) + (f"?{unquote(parts.query)}" if parts.query else "")

    def links(self, nodes) -> list[tuple[str, str]]:
        return [
            (self.resolve(n.attrs["href"]), n.text())
            for n in nodes
            if isinstance(n, Node) and n.tag == "a" and "href" in n.attrs
        ]

    def content_links(self) -> list[tuple[str, str]]:
        return self.links(self.content.walk(hidden=False))

    def text(self) -> str:
        """The visible text of the content (hidden search metadata left out)."""
        return " ".join(
            "".join(x for x in self.content.walk(hidden=False) if isinstance(x, str)).split()
        )

    def section(self, heading: str) -> tuple[list[tuple[str, str]], str]:
        """Links and text after the h2 ``heading`` up to the next h1 or h2."""
        items = list(self.content.walk(hidden=False))
        starts = [
            i
            for i, n in enumerate(items)
            if isinstance(n, Node) and n.tag == "h2" and heading_text(n) == heading
        ]
        assert starts, f"no section « {heading} » on {self.url}"
        heading_node = items[starts[0]]
        inside = list(heading_node.walk())
        nodes = []
        for item in items[starts[0] + len(inside) :]:
            if isinstance(item, Node) and item.tag in ("h1", "h2"):
                break
            nodes.append(item)
        text = " ".join("".join(x for x in nodes if isinstance(x, str)).split())
        return self.links(nodes), text

    def nav_links(self) -> list[str]:
        [nav] = self.document.find_all("nav", "md-nav--primary")
        return [path for path, _ in self.links(nav.walk())]


def heading_text(node: Node) -> str:
    """A heading's text without its permalink."""
    parts = [
        c if isinstance(c, str) else heading_text(c)
        for c in node.children
        if isinstance(c, str) or "headerlink" not in c.attrs.get("class", "")
    ]
    return " ".join("".join(parts).split())


def norm(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def real():
    site, problems = check_content(ROOT)
    assert not problems
    return site


# --- The real content --------------------------------------------------------------------


def test_every_published_case_and_method_has_its_page(built_site, real):
    for entry in real.cases:
        assert (built_site / "cas" / entry.slug / "index.html").is_file()
    for entry in real.methods:
        assert (built_site / "methodes" / entry.slug / "index.html").is_file()
    assert not (built_site / "cases").exists() and not (built_site / "methods").exists()


def test_case_pages_show_their_fields_as_linked_reading_text(built_site, real):
    for entry in real.cases:
        data = entry.data
        page = Page(built_site, f"/cas/{entry.slug}/")
        links = page.content_links()
        text = page.text()
        assert norm(data.title) in text and norm(data.summary) in text
        assert norm(data.territory.name) in text
        assert (f"/territoires/{slugify(data.territory.level)}/", data.territory.level) in links
        if data.territory.region:
            assert (f"/regions/{slugify(data.territory.region)}/", data.territory.region) in links
        assert (f"/formats/{slugify(data.format)}/", data.format) in links
        for theme in data.themes:
            assert (f"/themes/{slugify(theme)}/", theme) in links
        for slug in data.methods:
            assert (f"/methodes/{slug}/", real.method(slug).title) in links
        if data.date:
            assert f"/annees/{data.date.year}/" in [path for path, _ in links]
        for item in [*data.outcomes, *data.lessons, *data.challenges, *data.success_conditions]:
            assert norm(item) in text, item
        for source in data.sources:
            assert norm(source.title) in text
            if source.url:
                assert source.url in [path for path, _ in links]
        for person in data.facilitators:
            assert person in text


def test_a_case_page_reads_like_a_story_not_a_yaml_dump(built_site, real):
    for entry in real.cases:
        text = Page(built_site, f"/cas/{entry.slug}/").text()
        for key in entry.raw:
            assert not re.search(rf"\b{key}:", text), f"« {key}: » shown on {entry.slug}"
        assert "{'" not in text and "['" not in text


def test_the_strasbourg_case_page(built_site):
    page = Page(built_site, f"/cas/{STRASBOURG}/")
    links = page.content_links()
    assert ("/territoires/intercommunalite/", "intercommunalité") in links
    assert ("/regions/grand-est/", "Grand Est") in links
    assert ("/formats/residence/", "résidence") in links
    assert ("/themes/laboratoire-d-innovation/", "Laboratoire d’innovation") in links
    assert ("/methodes/debat-mouvant/", "Débat mouvant") in links
    # lessons, challenges and conditions of success as sections of the page
    _, lessons = page.section("Enseignements")
    assert "Ce que l’expérience enseigne" in lessons
    assert "Difficultés rencontrées" in lessons
    assert "Conditions de réussite" in lessons
    assert "temps à libérer pour les agents" in lessons
    _, sources = page.section("Sources")
    assert "Session #9" in sources
    # body links between source files became links between pages
    assert ("/methodes/tour-de-table/", "tour de table") in links


def test_a_testimonial_shows_its_author(built_site, real):
    cases = [e for e in real.cases if e.data.testimonial]
    assert cases, "no case with a testimonial in the real content"
    for entry in cases:
        quote = entry.data.testimonial
        _, text = Page(built_site, f"/cas/{entry.slug}/").section("Témoignage")
        assert norm(quote.quote) in text
        assert quote.author in text
        if quote.role:
            assert norm(quote.role) in text


def test_method_pages_show_their_fields(built_site, real):
    for entry in real.methods:
        data = entry.data
        page = Page(built_site, f"/methodes/{entry.slug}/")
        links = page.content_links()
        text = page.text()
        assert norm(data.title) in text and norm(data.summary) in text
        for phase in data.phase:
            assert (f"/phases/{slugify(phase)}/", phase) in links
        assert (f"/recherche/?difficulty={data.difficulty}", data.difficulty) in links
        for modality in data.modality:
            assert (f"/recherche/?modality={modality}", modality) in links
        for line in [*data.materials, *data.cautions]:
            assert norm(line) in text, line
        if data.duration.label:
            assert data.duration.label in text
        assert f"{data.participants.min} à {data.participants.max} personnes" in text or (
            data.participants.min == data.participants.max
        )
        for slug in data.related:
            assert (f"/methodes/{slug}/", real.method(slug).title) in links
        for key in entry.raw:
            assert not re.search(rf"\b{key}:", text), f"« {key}: » shown on {entry.slug}"


def test_the_debat_mouvant_page(built_site):
    page = Page(built_site, "/methodes/debat-mouvant/")
    text = page.text()
    assert "30 min à 1 h 30 (de trente minutes à une heure et demie)" in text
    assert "10 à 40 personnes" in text
    assert "Une salle dégagée, avec une ligne tracée au sol (ruban adhésif)" in text
    _, cautions = page.section("Points de vigilance")
    assert "mobilité réduite" in cautions


def test_method_pages_list_the_cases_that_used_them(built_site, real):
    for entry in real.methods:
        links, text = Page(built_site, f"/methodes/{entry.slug}/").section("Cas qui l’ont utilisée")
        users = real.relations.used_by.get(entry.slug, [])
        assert [p for p, _ in links if p.startswith("/cas/")] == [f"/cas/{c.slug}/" for c in users]
        if not users:
            assert "Aucun cas publié" in text
    links, _ = Page(built_site, "/methodes/debat-mouvant/").section("Cas qui l’ont utilisée")
    assert (
        f"/cas/{STRASBOURG}/",
        "Eurométropole de Strasbourg : préfigurer le labo d’innovation et le comptoir des services",
    ) in links


def test_method_pages_list_the_methods_often_used_with_them(built_site, real):
    links, text = Page(built_site, "/methodes/debat-mouvant/").section("Souvent utilisée avec")
    assert {p for p, _ in links} == {
        "/methodes/debrief-retrospective/",
        "/methodes/tour-de-table/",
        "/methodes/scenarios-et-si/",
        "/methodes/matrice-de-priorisation/",
    }
    assert "dans 1 cas" in text
    for entry in real.methods:
        expected = [f"/methodes/{m.slug}/" for m, _ in real.relations.used_with.get(entry.slug, [])]
        if expected:
            links, _ = Page(built_site, f"/methodes/{entry.slug}/").section("Souvent utilisée avec")
            assert [p for p, _ in links] == expected


def test_index_pages_list_every_published_entry(built_site, real):
    cases = Page(built_site, "/cas/")
    paths = [p for p, _ in cases.content_links()]
    for entry in real.cases:
        assert f"/cas/{entry.slug}/" in paths
        assert norm(entry.data.summary) in cases.text()
    methods = Page(built_site, "/methodes/")
    paths = [p for p, _ in methods.content_links()]
    for entry in real.methods:
        assert f"/methodes/{entry.slug}/" in paths
        assert norm(entry.data.summary) in methods.text()


def test_home_page_has_two_entry_points(built_site):
    home = _Builder()
    home.feed((built_site / "index.html").read_text(encoding="utf-8"))
    headings = [n.text() for n in home.root.find_all("h2")]
    assert "Trouver un cas" in headings
    assert "Trouver une méthode" in headings
    hrefs = [n.attrs.get("href") for n in home.root.find_all("a")]
    assert "cas/" in hrefs and "methodes/" in hrefs
    assert home.root.find_all("html")[0].attrs.get("lang") == "fr"


def test_collection_pages_stay_out_of_the_sidebar(built_site, real):
    page = Page(built_site, f"/cas/{STRASBOURG}/")
    nav = page.nav_links()
    assert "/cas/" in nav and "/methodes/" in nav
    entry_pages = {f"/cas/{e.slug}/" for e in real.cases} | {
        f"/methodes/{e.slug}/" for e in real.methods
    }
    assert entry_pages.isdisjoint(nav)
    browse = [p for p in nav if p.startswith(("/themes/", "/regions/", "/territoires/"))]
    assert browse == []


# --- Drafts and templates ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def draft_build(tmp_path_factory):
    """The real content plus a draft case, a draft method and contributor templates."""
    root = tmp_path_factory.mktemp("drafts")
    project = copy_project(root)
    strasbourg = project.read(f"cases/{STRASBOURG}.md")
    project.write(
        "cases/cas-en-brouillon.md",
        re.sub(
            r"^title: .*$", "draft: true\ntitle: Zébulon brouillon", strasbourg, count=1, flags=re.M
        ),
    )
    debat = project.read("methods/debat-mouvant.md")
    project.write(
        "methods/methode-en-brouillon.md",
        debat.replace("title: Débat mouvant", "draft: true\ntitle: Zébulon méthode"),
    )
    project.write("cases/_modele.md", "---\ntitle: Modèle Zébulon\n---\n")
    project.write("methods/_modele.md", "")
    sources = snapshot(root / "cases") | snapshot(root / "methods")
    result = project.build()
    assert result.returncode == 0, result.stdout + result.stderr
    return project, sources


def test_drafts_and_templates_are_not_published(draft_build):
    project, _ = draft_build
    site = project.root / "site"
    files = [p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()]
    assert not [f for f in files if "brouillon" in f or "modele" in f]
    for path in site.rglob("*"):
        if path.suffix in (".html", ".xml", ".json", ".txt", ".js"):
            assert "Zébulon" not in path.read_text(encoding="utf-8"), path


def test_the_build_never_rewrites_sources(draft_build):
    project, before = draft_build
    assert snapshot(project.root / "cases") | snapshot(project.root / "methods") == before


# --- Failed builds -------------------------------------------------------------------------


def snapshot(folder: Path) -> dict[str, tuple[int, str]]:
    """Every file of a folder: modification time and content hash."""
    return {
        p.relative_to(folder).as_posix(): (
            p.stat().st_mtime_ns,
            hashlib.sha256(p.read_bytes()).hexdigest(),
        )
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def test_invalid_content_fails_the_build_and_leaves_the_previous_site(project):
    first = project.build()
    assert first.returncode == 0, first.stdout + first.stderr
    before = snapshot(project.root / "site")
    assert f"cas/{STRASBOURG}/index.html" in before

    project.edit(
        f"cases/{STRASBOURG}.md",
        "methods: [debrief-retrospective,",
        "methods: [entretien-usagers, debrief-retrospective,",
    )
    project.edit(
        "cases/alpes-maritimes-barcamp-innovation-publique.md",
        'date: "2017-11"',
        'date: "2017-02-30"',
    )
    result = project.build()
    output = result.stdout + result.stderr
    assert result.returncode != 0
    strasbourg = project.read(f"cases/{STRASBOURG}.md")
    barcamp = project.read("cases/alpes-maritimes-barcamp-innovation-publique.md")
    assert (
        f"cases/alpes-maritimes-barcamp-innovation-publique.md:{_line(barcamp, 'date:')}: date: "
        "date impossible : « 2017-02-30 » n’existe pas dans le calendrier"
    ) in output
    assert (
        f"cases/{STRASBOURG}.md:{_line(strasbourg, 'methods:')}: methods[1]: "
        "méthode inconnue « entretien-usagers » — vouliez-vous dire « entretien-usager » ?"
    ) in output
    assert "Traceback" not in output
    assert "2 erreurs dans 2 fichiers" in output
    assert snapshot(project.root / "site") == before


def test_a_file_that_cannot_be_read_fails_the_build_without_traceback(project, tmp_path):
    project.write("methods/vide.md", "")
    project.write("cases/binaire.md", b"---\ntitle: \xff\n---\n")
    result = project.build(site_dir=tmp_path / "out")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "methods/vide.md:1: fichier: le fichier est vide" in output
    assert "cases/binaire.md:2: fichier: le fichier n’est pas encodé en UTF-8" in output
    assert "Traceback" not in output
    assert not (tmp_path / "out").exists()


def test_the_build_is_strict(empty_project, tmp_path):
    empty_project.write("docs/page-essai.md", "# Essai\n\nVoir [la page absente](absente.md).\n")
    result = empty_project.build(site_dir=tmp_path / "out")
    assert result.returncode != 0
    assert "absente.md" in result.stdout + result.stderr
    assert "strict mode" in result.stdout + result.stderr


def _line(text: str, needle: str) -> int:
    return next(n for n, line in enumerate(text.split("\n"), 1) if needle in line)
