"""The attack corpus: one named payload per class, tried as a hostile contributor would.

Each payload is either refused by the check that ``retex check`` and the build share
(``path:line: field: message — fix``, in French, at the line where it was written), or
published inert (see test_outputs.py for what the built site then contains). Keep
adding to it: every new output or page brings its own payloads.
"""

from __future__ import annotations

import json
import os
import pickle
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml
from samples import CASE, METHOD, PNG, Content, assert_french, line_of

from retex.problems import BODY
from support import BIN, ENV, copy_project, retex


@pytest.fixture
def content(tmp_path):
    return Content(tmp_path).valid()


def body(extra: str) -> str:
    return CASE + "\n" + extra + "\n"


def field(extra: str) -> str:
    """A case with extra front-matter lines after ``format``."""
    return CASE.replace("format: atelier\n", f"format: atelier\n{extra}\n")


@dataclass(frozen=True)
class Attack:
    name: str
    text: str
    field: str  # where the refusal is reported
    needle: str  # it is reported at the line holding this text
    words: str  # and says this
    line: int | None = None  # or at this line


ATTACKS = [
    # Raw HTML past the allowlist: bytes that Python-Markdown deletes before parsing.
    Attack(
        "x02-meta-in-body",
        body('<\x02meta http-equiv="refresh" content="0;url=https://example.org">'),
        BODY,
        "http-equiv",
        "U+0002",
    ),
    Attack(
        "x03-meta-in-body",
        body("<me\x03ta http-equiv=refresh content=0;url=https://example.org>"),
        BODY,
        "http-equiv",
        "U+0003",
    ),
    Attack(
        "x02-meta-in-field-through-a-yaml-escape",
        field('lessons:\n  - "<\\x02meta http-equiv=refresh content=0;url=https://example.org>"'),
        "lessons[1]",
        "http-equiv",
        "U+0002",
    ),
    # A quote that HTML reads as part of an unquoted value, and U+00A0, which browsers
    # do not read as a space.
    Attack(
        "quote-inside-an-unquoted-value",
        # Python-Markdown prints the opening tag as text; its closing tag is refused.
        body('<abbr title=a"b onclick=alert(1)>DGS</abbr>'),
        BODY,
        "onclick",
        "</abbr> sans balise ouvrante",
    ),
    Attack(
        "no-break-space-before-an-attribute",
        body("<abbr\u00a0onmouseover=alert(1)>DGS</abbr>"),
        BODY,
        "onmouseover",
        "refusée",
    ),
    Attack(
        "comment-masked-as-code-span",
        body("<!-- `-->` --><script>alert(1)</script>"),
        BODY,
        "<script>",
        "balise HTML <script> refusée",
    ),
    Attack(
        "browser-ends-comment-early",
        body("<!--><script>alert(1)</script>-->"),
        BODY,
        "<script>",
        "balise HTML <script> refusée",
    ),
    Attack(
        "iframe",
        body('<iframe src="https://evil.example/"></iframe>'),
        BODY,
        "<iframe",
        "balise HTML <iframe> refusée",
    ),
    Attack(
        "form",
        body('Texte <form action="https://evil.example/"><input name=x></form>'),
        BODY,
        "<form",
        "balise HTML <form> refusée",
    ),
    Attack(
        "script-src",
        body('<script src="https://evil.example/x.js"></script>'),
        BODY,
        "<script",
        "balise HTML <script> refusée",
    ),
    Attack(
        "meta-refresh",
        body('<meta http-equiv="refresh" content="0;url=https://example.org/">'),
        BODY,
        "<meta",
        "balise HTML <meta> refusée",
    ),
    Attack(
        "svg-onload",
        body("<svg onload=alert(1)><circle r=1></svg>"),
        BODY,
        "<svg",
        "balise HTML <svg> refusée",
    ),
    Attack(
        "body-onload-merged-into-the-page",
        body("Texte <body onload=alert(1)>"),
        BODY,
        "<body",
        "balise HTML <body> refusée",
    ),
    Attack(
        "stray-end-tag-closing-the-page",
        body("Texte</article></div> et la suite"),
        BODY,
        "</article>",
        "balise fermante",
    ),
    Attack(
        "unclosed-element",
        body("Du texte <b>gras jusqu’à la fin de la page"),
        BODY,
        "<b>",
        "non fermée",
    ),
    Attack(
        "unclosed-attribute-quote",
        # Python-Markdown prints the opening tag as text; its closing tag is refused.
        body('<abbr title="DGS>Direction</abbr> et la suite'),
        BODY,
        "<abbr",
        "</abbr> sans balise ouvrante",
    ),
    Attack(
        "raw-link",
        body('<a href="https://example.org">lien</a>'),
        BODY,
        "<a href",
        "balise HTML <a> refusée",
    ),
    Attack(
        "event-handler-on-an-allowed-tag",
        field("lessons:\n  - <kbd onclick=alert(1)>Ctrl</kbd>"),
        "lessons[1]",
        "<kbd",
        "attribut HTML « onclick » refusé",
    ),
    Attack(
        "style-attribute",
        body('<span style="position:fixed;inset:0">x</span>'),
        BODY,
        "style=",
        "attribut HTML « style » refusé",
    ),
    Attack(
        "admonition-with-a-theme-class",
        body("!!! note md-header\n    Un encadré déguisé."),
        BODY,
        "!!! note",
        "type d’encadré « md-header » inconnu",
    ),
    # Addresses.
    Attack("javascript-link", body("[x](javascript:alert(1))"), BODY, "javascript", "javascript:"),
    Attack(
        "entity-encoded-javascript",
        body("Voir [x](\n&#106;ava&#x09;script&colon;alert(1))."),
        BODY,
        "alert(1)",
        "javascript:",
    ),
    Attack(
        "data-link",
        body("[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)"),
        BODY,
        "data:",
        "data:",
    ),
    Attack(
        "javascript-link-in-a-field",
        field("cautions: []\nlessons:\n  - Voir [ici](JavaScript:alert(1))."),
        "lessons[1]",
        "JavaScript",
        "javascript:",
    ),
    Attack(
        "javascript-source-url",
        field("sources:\n  - title: Compte rendu\n    url: javascript:alert(1)"),
        "sources[1].url",
        "url:",
        "javascript:",
    ),
    # Remote resources: the reader's browser would call another site.
    Attack(
        "remote-image",
        body("![Pixel](https://evil.example/pixel.gif)"),
        BODY,
        "pixel.gif",
        "image chargée depuis un autre site",
    ),
    Attack(
        "protocol-relative-image",
        body("![Pixel](//evil.example/pixel.gif)"),
        BODY,
        "pixel.gif",
        "image chargée depuis un autre site",
    ),
    Attack(
        "backslash-image",
        body("![Pixel](/\\evil.example/pixel.gif)"),
        BODY,
        "pixel.gif",
        "image chargée depuis un autre site",
    ),
    Attack(
        "remote-image-in-a-field",
        field("testimonial:\n  quote: '![x](https://evil.example/p.gif)'\n  author: A"),
        "testimonial.quote",
        "quote:",
        "image chargée depuis un autre site",
    ),
    # Characters that break the feeds (XML 1.0 forbids them) or hide what a text says.
    Attack("nul-in-a-field", field('actors: ["a\\0b"]'), "actors[1]", "actors:", "U+0000"),
    Attack(
        "x01-in-the-title",
        CASE.replace("title: Un atelier d’accueil à la mairie de Pau", 'title: "\\x01Pau"'),
        "title",
        "title:",
        "U+0001",
    ),
    Attack(
        "carriage-return-in-a-field",
        field('facilitators: ["a\\rb"]'),
        "facilitators[1]",
        "facilitators:",
        "U+000D",
    ),
    Attack(
        "bidi-override",
        field('actors: ["Mairie \\u202etxt.exe"]'),
        "actors[1]",
        "actors:",
        "direction du texte",
    ),
    Attack("noncharacter", field('actors: ["a\\uffffb"]'), "actors[1]", "actors:", "U+FFFF"),
    # YAML itself refuses a lone surrogate.
    Attack("lone-surrogate", field('actors: ["a\\ud800b"]'), "en-tête", "actors:", "YAML"),
    Attack("control-in-body", body("Texte\x1b[31m rouge"), BODY, "Texte", "U+001B"),
    Attack("c1-control-in-body", body("Texte \x85 suite"), BODY, "Texte", "U+0085"),
    # Bounded cost: French messages, never a traceback, in a fraction of a second.
    Attack(
        "990-nested-brackets-in-yaml",
        field("outcomes: " + "[" * 990 + "]" * 990),
        "outcomes",
        "outcomes:",
        "imbriqué",
    ),
    Attack(
        "990-nested-brackets-in-body",
        body("[" * 990 + "x" + "]" * 990),
        BODY,
        "[[[[",
        "imbriqués trop profondément",
    ),
    Attack(
        "deeply-nested-list",
        body("".join("    " * i + "- x\n" for i in range(40))),
        BODY,
        "    " * 13 + "- x",
        "imbrication trop profonde",
    ),
    Attack(
        "200-kB-of-comment-openers",
        body("<!--" * 50_000),
        BODY,
        "<!--",
        "trop chargé",
    ),
    Attack(
        "155-kB-of-unclosed-fences",
        body("```\n" * 38_750),
        BODY,
        "```",
        "plus de 10000 lignes",
        line=line_of(CASE, "## Contexte") - 1 + 10_000,  # the body's 10,001st line
    ),
    Attack(
        "cdata",
        body("<![CDATA[<script>alert(1)</script>]]>"),
        BODY,
        "CDATA",
        "« <![ » refusé",
    ),
    Attack("processing-instruction", body("<?php echo 1; ?>"), BODY, "<?php", "« <? » refusé"),
]


@pytest.mark.parametrize("attack", ATTACKS, ids=[a.name for a in ATTACKS])
def test_attack_is_refused_where_it_was_written(content, attack):
    content.write("cases/pau-accueil.md", attack.text)
    problems = [p for p in content.check() if p.path == "cases/pau-accueil.md"]
    assert problems, f"{attack.name}: accepted"
    line = attack.line or line_of(attack.text, attack.needle)
    located = [p for p in problems if p.line == line and p.field == attack.field]
    assert located, "\n".join(p.format() for p in problems)
    assert any(attack.words in p.text() for p in located), "\n".join(p.format() for p in located)
    for problem in problems:
        assert_french(problem)
        assert "Traceback" not in problem.text()


def test_remote_image_fix_says_where_to_put_the_image(content):
    content.write("cases/pau-accueil.md", body("![Pixel](https://evil.example/pixel.gif)"))
    [problem] = content.check()
    assert problem.fix == "placez l’image dans le dépôt, à côté de la fiche"


def test_every_problem_of_a_hostile_file_is_listed_at_once(content):
    text = body("<iframe src=x></iframe>\n\n![x](https://e.example/p.gif)\n\n[y](javascript:z)\n")
    content.write("cases/pau-accueil.md", text)
    lines = sorted({p.line for p in content.check()})
    assert lines == [line_of(text, n) for n in ("<iframe", "p.gif", "javascript")]


# --- Files beside the content ---------------------------------------------------------------


@pytest.mark.parametrize(
    "relpath, data, words",
    [
        ("cases/page.html", b"<script>alert(1)</script>", "seules des images"),
        ("cases/images/logo.svg", b"<svg onload=alert(1)></svg>", "un SVG peut contenir du script"),
        ("methods/outil.js", b"alert(document.domain)", "seules des images"),
        ("cases/style.css", b"body{display:none}", "seules des images"),
        ("cases/images/photo.png", b"<html><script>alert(1)</script>", "n’est pas une image PNG"),
        ("cases/images/photo.jpg", PNG, "n’est pas une image JPEG"),
        ("docs/assets/images/x.svg", b"<svg><script>alert(1)</script></svg>", "SVG"),
        ("docs/page.html", b"<script>alert(1)</script>", "seules des images"),
        ("cases/images/sans-extension", PNG, "sans extension"),
    ],
)
def test_only_passive_files_are_published(content, relpath, data, words):
    content.write(relpath, data)
    [problem] = content.check()
    assert (problem.path, problem.line) == (relpath, 1)
    assert words in problem.message
    assert_french(problem)


def test_real_images_are_accepted(content):
    content.write("cases/images/a.png", PNG)
    content.write("cases/images/b.gif", b"GIF89a" + bytes(10))
    content.write("methods/images/c.webp", b"RIFF\x00\x00\x00\x00WEBPVP8 ")
    content.write("methods/images/d.avif", b"\x00\x00\x00\x1cftypavif")
    content.write("docs/assets/images/e.jpeg", b"\xff\xd8\xff\xdb" + bytes(8))
    assert content.check() == []


@pytest.mark.parametrize(
    "relpath, target",
    [
        ("cases/images/passwd.txt", "/etc/passwd"),
        ("cases/images/environ.png", "/proc/self/environ"),
        ("methods/config.png", "../.git/config"),
        ("cases/copie.md", "/etc/passwd"),
        ("docs/assets/lien", "/etc"),
        ("overrides/partials/secret.html", "/etc/passwd"),
    ],
)
def test_symbolic_links_are_refused_and_never_read(content, relpath, target):
    (content.root / ".git").mkdir(exist_ok=True)
    (content.root / ".git" / "config").write_text("[http]\n\textraheader = AUTHORIZATION: x\n")
    link = content.root / relpath
    link.parent.mkdir(parents=True, exist_ok=True)
    os.symlink(target, link)
    problems = content.check()
    assert [(p.path, p.line) for p in problems] == [(relpath, 1)]
    assert "lien symbolique refusé" in problems[0].message
    assert_french(problems[0])


def test_a_linked_content_folder_is_refused(content, tmp_path):
    elsewhere = tmp_path / "ailleurs"
    elsewhere.mkdir()
    (content.root / "methods").rename(elsewhere / "methods")
    os.symlink(elsewhere / "methods", content.root / "methods")
    problems = content.check()
    assert ("methods", "lien symbolique refusé") in [(p.path, p.message[:22]) for p in problems]


def test_a_linked_vocabulary_is_never_read(content):
    (content.root / "vocabulary.yml").unlink()
    os.symlink("/proc/self/environ", content.root / "vocabulary.yml")
    [problem] = content.check()
    assert (problem.path, problem.message[:22]) == ("vocabulary.yml", "lien symbolique refusé")


# --- The shapes of the map (maps/regions.json): numbers only, never markup ---------------------

MAP_ATTACKS = {
    # SVG markup where the build expects numbers: an unknown key, an id that closes the
    # attribute, path data as text, addresses that run script or break out.
    "svg-path-data-as-text": (
        lambda d: d["regions"][0].__setitem__("d", 'M0 0"/><script>alert(1)</script>'),
        "regions[1].d",
    ),
    "id-breaks-out-of-its-attribute": (
        lambda d: d["regions"][0].__setitem__("id", 'bretagne"><script>alert(1)</script>'),
        "regions[1].id",
    ),
    "ring-of-strings": (
        lambda d: d["regions"][0].__setitem__("rings", [["M0 0", "<script>", "z"]]),
        "regions[1].rings[1][1]",
    ),
    "javascript-source-address": (
        lambda d: d["source"].__setitem__("url", "javascript:alert(1)"),
        "source.url",
    ),
    "address-breaks-out-of-href": (
        lambda d: d["source"].__setitem__("license_url", 'https://x/" onmouseover="alert(1)'),
        "source.license_url",
    ),
    "sixty-thousand-numbers-in-a-ring": (
        lambda d: d["regions"][0].__setitem__("rings", [[1, 1] * 30_000]),
        "regions[1].rings[1]",
    ),
    "a-million-points": (
        lambda d: d["regions"][0].__setitem__("rings", [[1, 1] * 500_000]),
        "fichier",  # not even parsed: too large for a map
    ),
}


@pytest.mark.parametrize("name", list(MAP_ATTACKS))
def test_markup_in_the_map_shapes_is_refused(content, name):
    change, field = MAP_ATTACKS[name]
    path = content.root / "maps" / "regions.json"
    document = json.loads(path.read_text(encoding="utf-8"))
    change(document)
    path.write_text(json.dumps(document), encoding="utf-8")
    problems = [p for p in content.check() if p.path == "maps/regions.json"]
    assert field in {p.field for p in problems}, "\n".join(p.format() for p in problems)
    for problem in problems:
        assert_french(problem)


@pytest.mark.parametrize("target", ["/etc/passwd", "../.git/config"])
def test_a_linked_map_is_never_read(content, target):
    (content.root / ".git").mkdir(exist_ok=True)
    (content.root / ".git" / "config").write_text("[core]\n")
    path = content.root / "maps" / "regions.json"
    path.unlink()
    os.symlink(target, path)
    [problem] = content.check()
    assert (problem.path, problem.message[:22]) == ("maps/regions.json", "lien symbolique refusé")


def test_a_linked_map_folder_is_never_read(content, tmp_path):
    elsewhere = tmp_path / "ailleurs"
    (content.root / "maps").rename(elsewhere)
    os.symlink(elsewhere, content.root / "maps")
    [problem] = content.check()
    assert (problem.path, problem.message[:22]) == ("maps", "lien symbolique refusé")


def test_a_map_that_is_a_fifo_is_refused_without_blocking(content):
    path = content.root / "maps" / "regions.json"
    path.unlink()
    os.mkfifo(path)
    problems = content.check()
    assert any(p.path.startswith("maps") for p in problems)


def test_a_fifo_is_refused_without_blocking(content):
    os.mkfifo(content.root / "cases" / "images.png")
    [problem] = content.check()
    assert "fichier spécial" in problem.message


# --- Nothing the checkout carries runs or is written through --------------------------------


@pytest.fixture
def project(tmp_path):
    (tmp_path / "project").mkdir()
    return copy_project(tmp_path / "project")


def test_templates_are_never_written_through_a_link(project):
    target = project.root / "methods" / "barcamp.md"
    before = target.read_bytes()
    (project.root / "cases" / "_modele.md").unlink()
    os.symlink("../methods/barcamp.md", project.root / "cases" / "_modele.md")
    result = retex(project.root, "modeles")
    assert result.returncode == 1
    assert "lien symbolique" in result.stderr and "rien n’a été écrit" in result.stderr
    assert "Traceback" not in result.stderr
    assert target.read_bytes() == before


def test_new_never_writes_through_a_linked_folder(project, tmp_path):
    outside = tmp_path / "dehors"
    outside.mkdir()
    real = project.root / "cases"
    real.rename(tmp_path / "cases-reels")
    os.symlink(outside, real)
    result = retex(project.root, "new", "cas", "Une fiche piégée")
    assert result.returncode == 1
    assert "lien symbolique" in result.stderr and "Traceback" not in result.stderr
    assert list(outside.iterdir()) == []


def test_new_never_writes_through_a_dangling_link(project, tmp_path):
    target = tmp_path / "cible.md"
    os.symlink(target, project.root / "cases" / "une-fiche-piegee.md")
    result = retex(project.root, "new", "cas", "Une fiche piégée")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert not target.exists()


def test_a_committed_cache_is_neither_read_nor_written(project):
    """The old cache places: a link there must not make the check or the build
    overwrite a source file, and nothing is read from them."""
    victim = project.root / "cases" / "pau-lean-startup-directeurs.md"
    before = victim.read_bytes()
    cache = project.root / ".cache" / "retex"
    cache.mkdir(parents=True)
    for name in ("files.tmp", "files.marshal", "files.json", "files.json.tmp"):
        os.symlink("../../cases/pau-lean-startup-directeurs.md", cache / name)
    (project.root / "cases" / "pau-lean-startup-directeurs.md").touch()
    assert project.check().returncode == 0
    assert project.build(site_dir=project.root.parent / "out").returncode == 0
    assert victim.read_bytes() == before


def test_a_committed_jinja_bytecode_cache_is_never_unpickled(project, tmp_path):
    """Jinja's FileSystemBytecodeCache unpickled its files: plant a pickle for every
    template under .cache/jinja/ and check that none runs."""
    from jinja2 import Environment, FileSystemLoader
    from jinja2.bccache import FileSystemBytecodeCache, bc_magic

    marker = tmp_path / "pwned"

    class Payload:
        def __reduce__(self):
            return (Path.touch, (marker,))

    material = Path(__import__("material").__file__).parent / "templates"
    folder = project.root / ".cache" / "jinja"
    folder.mkdir(parents=True)
    cache = FileSystemBytecodeCache(str(folder))
    for base in (project.root / "overrides", material):
        loader = FileSystemLoader(str(base))
        env = Environment(loader=loader)
        for name in loader.list_templates():
            if not name.endswith(".html"):
                continue
            _, filename, _ = loader.get_source(env, name)
            key = cache.get_cache_key(name, filename)
            (folder / f"__jinja2_{key}.cache").write_bytes(bc_magic + pickle.dumps(Payload()))
    assert project.build(site_dir=tmp_path / "out").returncode == 0
    assert not marker.exists()


def test_a_linked_site_folder_is_never_written_through(project, tmp_path):
    """A committed site/ holding a link: the build writes a new site beside it and swaps
    it in (tests/test_atomic_build.py), so nothing is written through the link."""
    elsewhere = tmp_path / "precieux"
    elsewhere.mkdir()
    (elsewhere / "garder.txt").write_text("à garder")
    site = project.root / "site"
    site.mkdir()
    os.symlink(elsewhere, site / "cas")
    result = project.build()
    assert result.returncode == 0, result.stdout + result.stderr
    assert not (site / "cas").is_symlink() and (site / "cas" / "index.html").is_file()
    assert [p.name for p in elsewhere.iterdir()] == ["garder.txt"]


def test_an_in_place_build_refuses_a_linked_site_folder(project, tmp_path):
    """--dirty builds write in place: a link in the site folder is refused."""
    elsewhere = tmp_path / "precieux"
    elsewhere.mkdir()
    site = project.root / "site"
    site.mkdir()
    os.symlink(elsewhere, site / "cas")
    result = subprocess.run(
        [str(BIN / "mkdocs"), "build", "--dirty", "-f", str(project.root / "mkdocs.yml")],
        cwd=project.root,
        capture_output=True,
        text=True,
        env=ENV,
    )
    assert result.returncode != 0
    assert "liens symboliques" in result.stdout + result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    assert list(elsewhere.iterdir()) == []


def test_a_site_page_of_docs_is_judged_like_the_content(project):
    project.write(
        "docs/a-propos.md", project.read("docs/a-propos.md") + "\n<script>alert(1)</script>\n"
    )
    result = project.check()
    assert result.returncode == 1
    assert "docs/a-propos.md:" in result.stdout and "balise HTML <script> refusée" in result.stdout


def test_mkdocs_yml_cannot_bring_its_own_markdown_extensions(project):
    project.write(
        "mkdocs.yml",
        project.read("mkdocs.yml") + "\nmarkdown_extensions:\n  - attr_list\n  - md_in_html\n",
    )
    result = project.build()
    assert result.returncode != 0
    assert "hooks/retex/render.py" in result.stdout + result.stderr


def test_a_method_template_is_fine(content):
    """Sanity: the valid sample passes (the corpus is not refusing everything)."""
    content.write("methods/tour-de-table.md", METHOD.replace("Entretien usager", "Tour"))
    assert content.check() == []


# --- Compiled Python committed beside the source ----------------------------------------


REPO = Path(__file__).resolve().parents[2]


def test_a_committed_pyc_never_runs_in_place_of_the_reviewed_source(tmp_path):
    """An « unchecked-hash » .pyc in __pycache__ is loaded whatever its source says; the
    commands of the Makefile (and CI, see its workflows) keep compiled Python outside the
    checkout, so the reviewed source is what runs."""
    import py_compile
    import sys

    package = tmp_path / "paquet"
    package.mkdir()
    (package / "module.py").write_text('VALEUR = "source relue"\n')
    hidden = tmp_path / "cache.py"
    hidden.write_text('VALEUR = "code caché"\n')
    py_compile.compile(
        str(hidden),
        # Where Python looks without a prefix (cache_from_source would honour ours).
        cfile=str(package / "__pycache__" / f"module.{sys.implementation.cache_tag}.pyc"),
        invalidation_mode=py_compile.PycInvalidationMode.UNCHECKED_HASH,
    )
    prefix = subprocess.run(
        [
            "make",
            "-s",
            "--no-print-directory",
            "--eval",
            "prefix: ; @echo $$PYTHONPYCACHEPREFIX",
            "prefix",
        ],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    assert prefix and not Path(prefix).resolve().is_relative_to(REPO.resolve()), prefix

    def value(env: dict) -> str:
        clean = {k: v for k, v in os.environ.items() if k != "PYTHONPYCACHEPREFIX"}
        return subprocess.run(
            [sys.executable, "-c", "import module; print(module.VALEUR)"],
            cwd=package,
            env={**clean, **env},
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()

    assert value({}) == "code caché"  # the attack, without the protection
    assert value({"PYTHONPYCACHEPREFIX": prefix}) == "source relue"
    for workflow in (".github/workflows/verifier.yml", ".github/workflows/publier.yml"):
        env = yaml.safe_load((REPO / workflow).read_text(encoding="utf-8"))["env"]
        assert env["PYTHONPYCACHEPREFIX"].startswith("/tmp/"), workflow
