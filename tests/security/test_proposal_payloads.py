"""The contribution form's payloads: hostile text typed into every kind of field.

The form's own code (overrides/assets/javascripts/proposal-*.js) runs in Chromium, on the
page data the build gives it (retex.proposal) and the published JSON Schemas. For every
payload in every field, the form either refuses the sheet with French messages, or
writes a file whose front matter parses (as the build parses it) to exactly what was
typed; every file it accepts then passes ``retex check`` in a copy of the repository.
"""

from __future__ import annotations

import json
import queue
import random
import re
import threading
from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

from retex.frontmatter import parse_document
from retex.kinds import BY_NAME, KINDS
from retex.proposal import Contribution, form_data
from retex.site import load_site
from retex.slugs import slugify
from support import CHROMIUM, CHROMIUM_ARGS, ROOT, copy_project

SCRIPTS = ROOT / "overrides" / "assets" / "javascripts"
ORIGIN = "http://retex.test/"  # answered by the test itself: nothing leaves the machine

# YAML's indicators, types and escapes; Markdown, HTML and links; characters.
PAYLOADS = [
    "texte simple",
    "l’apostrophe typographique",
    "it's",
    '"entre guillemets doubles"',
    "'entre apostrophes'",
    'mi"lieu',
    "clé: valeur",
    "a:b",
    "fin par deux-points:",
    "deux-points\u00a0: insécable",
    "# un dièse",
    "avant #après",
    "a#b",
    "- un tiret",
    "-",
    "---",
    "...",
    "[crochet",
    "crochet]",
    "{accolade}",
    "*étoile",
    "&ancre",
    "!étiquette",
    "!!python/object/apply:os.system ['id']",
    "|barre",
    ">chevron",
    "%directive",
    "@arobase",
    "`accent grave`",
    "?question",
    ", virgule",
    "a, b, c",
    "=",
    "<<",
    "~",
    "null",
    "Null",
    "NULL",
    "yes",
    "No",
    "on",
    "OFF",
    "true",
    "y",
    "n",
    "1",
    "-1",
    "0x1f",
    "0o17",
    "017",
    "1e3",
    "1_000",
    "12:30",
    ".inf",
    "-.inf",
    ".NaN",
    "2019-06-27",
    "2019-06-27T10:00:00Z",
    " espace devant",
    "espace derrière ",
    "ligne 1\nligne 2",
    "paragraphe\n\nsuivant",
    "\nretour devant",
    "retour derrière\n",
    "espace \nen fin de ligne",
    "  retrait\nsuite",
    "\ttabulation",
    "a\tb",
    "nul\x00",
    "bip\x07",
    "échappement\x1b[31m",
    "del\x7f",
    "nel\x85",
    "séparateur\u2028de ligne",
    "séparateur\u2029de paragraphe",
    "bom\ufeff",
    "bidi \u202e inversé",
    "isolat \u2066",
    "non\ufdd0caractère",
    "zéro\u200blargeur",
    "émoji 🎉",
    "日本語",
    "a\\b",
    "\\n littéral",
    '"\\x41"',
    "${{ secrets.TOKEN }}",
    "{{ jinja }}",
    "{% raw %}",
    "<script>alert(1)</script>",
    "<b>gras</b>",
    "a < b",
    "<3",
    "[lien](javascript:alert(1))",
    "[lien](https://www.exemple.fr/)",
    "[lien](//exemple.org/)",
    "[méthode](../methods/debat-mouvant.md)",
    "[méthode](../methods/inexistante.md)",
    "![image](https://exemple.org/pixel.gif)",
    "[x]: javascript:alert(1)",
    "&#106;avascript:alert(1)",
    "[x](&#106;avascript:alert(1))",
    "```",
    "~~~\ncode",
    "<!-- commentaire",
    "!!! danger",
    "!!! inconnu",
    "ﬁn de ligature",
    "é" * 300,
]

# (kind, field, widget): one of each kind of control, top level and nested.
FIELDS = [
    ("case", "title", None),
    ("case", "summary", None),
    ("case", "territory.name", None),
    ("case", "actors", "list"),
    ("case", "outcomes", "list"),
    ("case", "lessons", "list"),
    ("case", "testimonial.quote", None),
    ("case", "sources.title", "rows"),
    ("case", "license", None),
    ("case", "body.contexte", "body"),
    ("method", "why", None),
    ("method", "duration.label", None),
    ("method", "materials", "list"),
    ("method", "cautions", "list"),
    ("method", "body.deroule", "body"),
]


def base(kind: str, title: str) -> dict:
    if kind == "case":
        return {
            "title": title,
            "summary": "Un résumé.",
            "territory": {"name": "Ville de Brest", "level": "commune"},
            "format": "atelier",
            "themes": ["Relation aux usagers"],
            "methods": ["debat-mouvant"],
        }
    return {
        "title": title,
        "summary": "Un résumé.",
        "phase": ["comprendre"],
        "duration": {"min": 30, "max": 60},
        "participants": {"min": 5, "max": 20},
        "difficulty": "facile",
    }


def variant(kind: str, name: str, widget: str | None, payload: str, title: str):
    data, texts = base(kind, title), {}
    if widget == "body":
        texts[name] = payload
    elif widget == "list":
        data[name] = [payload]
    elif widget == "rows":
        top, leaf = name.split(".")
        data[top] = [{leaf: payload}]
    elif "." in name:
        top, leaf = name.split(".")
        if top in data:
            data[top] = {**data[top], leaf: payload}
        else:
            extra = {"author": "Une autrice"} if top == "testimonial" else {}
            data[top] = {leaf: payload, **extra}
    else:
        data[name] = payload
    return {"kind": kind, "data": data, "texts": texts}


def random_strings(count: int, seed: int = 14) -> list[str]:
    """Short strings of YAML's and Markdown's special characters (deterministic)."""
    alphabet = list("'\":#-[]{},&*!|>%@`?\\=~.01yn \n\t") + [
        "\u00a0", "é", "œ", "’", "«", "»", "<", ">", "(", ")", "a", "b", "\u2028", "Z",
    ]
    rng = random.Random(seed)
    return ["".join(rng.choice(alphabet) for _ in range(rng.randint(1, 12))) for _ in range(count)]


@pytest.fixture(scope="module")
def real_site():
    return load_site(ROOT)


class ChromiumThread:
    """Chromium driven from a thread of its own: the browser tests may hold Playwright's
    synchronous API in the main thread for the whole session."""

    def __init__(self):
        self.jobs: queue.Queue = queue.Queue()
        self.thread = threading.Thread(target=self._work, daemon=True)
        self.thread.start()

    def _work(self):
        def serve(route):
            path = route.request.url[len(ORIGIN) :].split("?")[0]
            if path == "":
                return route.fulfill(status=200, content_type="text/html", body="<!doctype html>")
            file = (SCRIPTS / path).resolve()
            if SCRIPTS in file.parents and file.is_file():
                return route.fulfill(
                    status=200, content_type="text/javascript", body=file.read_bytes()
                )
            return route.fulfill(status=404, body="")

        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            page = browser.new_page()
            page.route(ORIGIN + "**", serve)
            page.goto(ORIGIN)
            while True:
                job = self.jobs.get()
                if job is None:
                    break
                script, argument, answer = job
                try:
                    answer.put((True, page.evaluate(script, argument)))
                except Exception as exc:  # handed to the test's thread
                    answer.put((False, exc))
            browser.close()

    def evaluate(self, script: str, argument):
        answer: queue.Queue = queue.Queue()
        self.jobs.put((script, argument, answer))
        ok, value = answer.get(timeout=300)
        if not ok:
            raise value
        return value

    def close(self):
        self.jobs.put(None)
        self.thread.join(timeout=60)


@pytest.fixture(scope="module")
def form_page():
    """A page that loads the form's modules, served from the repository by the test."""
    if not Path(CHROMIUM).exists():
        pytest.fail("Chromium est introuvable : lancez « make test », qui l’installe.")
    chromium = ChromiumThread()
    yield chromium
    chromium.close()


RUN = """async ({variants, config, schemas}) => {
  const file = await import('./proposal-file.js');
  const check = await import('./proposal-check.js');
  const out = [];
  const validators = {case: check.schemaValidator(schemas.case),
                      method: check.schemaValidator(schemas.method)};
  for (const v of variants) {
    const form = config.forms[v.kind];
    const byName = {};
    const index = (cs) => cs.forEach(c => { byName[c.name] = c; index(c.children || []); });
    index(form.controls);
    const errors = check.checkSheet(validators[v.kind], form, config, v.data, v.texts, byName);
    out.push({errors, file: errors.length ? null : file.sheetFile(form, v.data, v.texts)});
  }
  return out;
}"""

_ENGLISH = re.compile(r"\b(Instance|does not|Expected|String|Array|Property|schema had)\b")
_FRENCH = re.compile(r"[àâçéèêëîïôûùœ’«]|\b(le|la|les|un|une|des|du|est|doit|champ|valeur)\b")


def run(form_page, real_site, variants):
    config = form_data(real_site, Contribution("https://github.com/retex/retex", "main"))["script"]
    schemas = {kind.name: real_site.schema.json_schema(kind) for kind in KINDS}
    return form_page.evaluate(RUN, {"variants": variants, "config": config, "schemas": schemas})


def expected_body(texts: dict) -> list[str]:
    # The form writes a section without its blank lines before and its spaces after.
    out = []
    for text in texts.values():
        text = re.sub(r"^(?:[ \t]*\n)+", "", text)
        text = re.sub(r"[\s\ufeff]+$", "", text)
        if text:
            out.append(text)
    return out


def test_every_payload_is_refused_in_french_or_written_exactly(form_page, real_site, tmp_path):
    variants = []
    for number, payload in enumerate(PAYLOADS + random_strings(300)):
        for kind, name, widget in FIELDS:
            title = payload if name == "title" else f"Charge utile {number} {name}"
            variants.append(variant(kind, name, widget, payload, title))
    results = run(form_page, real_site, variants)
    accepted: dict[str, str] = {}
    refused = 0
    for v, result in zip(variants, results, strict=True):
        if result["errors"]:
            refused += 1
            for error in result["errors"]:
                message = error["message"]
                assert not _ENGLISH.search(message) and _FRENCH.search(message), message
            continue
        folder = BY_NAME[v["kind"]].folder
        relpath = f"{folder}/{slugify(v['data']['title'])}.md"
        document, problems = parse_document(result["file"].encode("utf-8"), relpath)
        assert not problems, (v, result["file"], [p.text() for p in problems])
        assert document.data == v["data"], result["file"]
        for text in expected_body(v["texts"]):
            assert f"\n\n{text}\n" in document.body, (v, result["file"])
        accepted.setdefault(relpath, result["file"])
    # Text that YAML would read as another type or structure is still accepted: quoted.
    assert refused < len(variants) / 2
    project = copy_project(tmp_path / "project")
    for relpath, text in accepted.items():
        project.write(relpath, text)
    checked = project.check()
    assert checked.returncode == 0, checked.stdout[-4000:] + checked.stderr[-2000:]
    counts = re.search(r"Tout est valide : (\d+) cas et (\d+) méthodes", checked.stdout)
    assert counts, checked.stdout
    written = [p.partition("/")[0] for p in accepted]
    assert int(counts[1]) >= written.count("cases") and int(counts[2]) >= written.count("methods")
    print(f"{len(variants)} sheets tried, {len(accepted)} written and checked, {refused} refused")


@pytest.mark.parametrize(
    "payload",
    ["clé: valeur", "# un dièse", "- un tiret", "null", "yes", "1", "2019-06-27", "[crochet",
     "&ancre", "*étoile", "!étiquette", "%directive", "@arobase", "`accent grave`",
     "séparateur\u2028de ligne", "bom\ufeff", "ligne 1\nligne 2", " espace devant"],
)
def test_text_that_yaml_would_misread_is_kept_as_typed(form_page, real_site, payload):
    [result] = run(form_page, real_site, [variant("case", "summary", None, payload, "Un titre")])
    assert result["errors"] == []
    document, problems = parse_document(result["file"].encode("utf-8"), "cases/un-titre.md")
    assert not problems and document.data["summary"] == payload


@pytest.mark.parametrize(
    ("field", "payload", "words"),
    [
        ("summary", "nul\x00", "U+0000"),
        ("summary", "bidi \u202e inversé", "direction du texte"),
        ("territory.name", "a\tb", "Tabulation"),
        ("lessons", "<script>alert(1)</script>", "balises HTML"),
        ("lessons", "[lien](javascript:alert(1))", "Lien refusé"),
        ("lessons", "[x](&#106;avascript:alert(1))", "Lien refusé"),
        ("lessons", "![image](https://exemple.org/pixel.gif)", "image"),
        ("lessons", "[méthode](../methods/inexistante.md)", "n’existe pas"),
        ("body.contexte", "```\ncode jamais fermé", "Bloc de code non fermé"),
        ("body.contexte", "<!-- commentaire", "balises HTML"),
        ("title", "---", "aucun identifiant"),
        ("title", "Débat mouvant", None),  # a case may share a method's slug
    ],
)
def test_what_retex_check_would_refuse_is_refused_by_the_form(
    form_page, real_site, field, payload, words
):
    widget = {"lessons": "list", "body.contexte": "body"}.get(field)
    title = payload if field == "title" else "Un titre"
    [result] = run(form_page, real_site, [variant("case", field, widget, payload, title)])
    messages = " ".join(e["message"] for e in result["errors"])
    if words is None:
        assert not messages
    else:
        assert words in messages, json.dumps(result["errors"], ensure_ascii=False)
