"""Property-based tests: generated strings in every field and in the body.

Hypothesis builds strings from the pieces attackers use (quotes, brackets, control and
bidi characters, entities, fences, comments, tags, ``javascript:`` addresses, formula
starts…) and puts one in each field of a case or a method sheet and in its body. For
every example, either the check refuses the file with located French messages, or what
the build makes of it stays inert:

* in-process (hundreds of examples): the page's content as the build renders it (the
  same renderer, the sections filled in), the escaped title and description in the
  contexts where Material prints them raw, the JSON-LD in its script element, the Atom
  feed and the CSV line — parsed by html5lib (another WHATWG parser than the one the
  check uses), an XML parser and the csv module;
* through ``mkdocs build`` (a few batches of examples, one build each): every page of
  the built site parses to no element or attribute that the site without the payloads,
  or the Markdown allowlist, does not have.

The examples are derandomised (the same ones at every run: CI stays deterministic);
``RETEX_HYPOTHESIS_EXAMPLES=2000`` tries more.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
import xml.etree.ElementTree as ET
from pathlib import Path

import html5lib
import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from samples import ROOT, Content, assert_french

from retex.collection import Entry, read_file
from retex.escaping import escaped
from retex.history import FileDates
from retex.kinds import CASE, METHOD
from retex.publish.exports import Publisher, atom_feed, csv_export, json_ld, json_ld_script, record
from retex.render import render_html
from retex.schema import build_schema
from retex.sections import entry_markdown, fill_sections
from retex.vocabulary import load_vocabulary
from support import copy_project

EXAMPLES = int(os.environ.get("RETEX_HYPOTHESIS_EXAMPLES", "300"))
BUILD_EXAMPLES = int(os.environ.get("RETEX_HYPOTHESIS_BUILDS", "3"))
TRIED = {"check": 0, "refused": 0, "accepted": 0, "built": 0}

PIECES = [
    '"', "'", "<", ">", "&", "[", "]", "(", ")", "`", "```", "~~~", "\n```\n", "<!--", "-->",
    "--!>", "<!-->", "<script>", "</script>", "<p>", "</p>", "</div>", "</article>",
    '<abbr title="x">', "</abbr>", "<b>", "<img src=x onerror=alert(1)>", "<svg onload=x>",
    '<a href="javascript:alert(1)">', "javascript:alert(1)", "[x](javascript:alert(1))",
    "![x](https://evil.example/p.gif)", "[y](../methods/entretien-usager.md)", "&lt;",
    "&#106;", "&colon;", "&amp;", "\x00", "\x01", "\x02", "\x03", "\x1b", "\x7f", "\x85",
    "\u202e", "\u2066", "\u200f", "\ufeff", "\ufffe", "\ufdd0", "\u00a0", "\u2028", "\n",
    "\n\n", "\t", " ", "=", "+", "-", "@", "=1+1", "!!! note", "    ", "# ", "*", "_", "|",
    "{: onclick=x}", "</title>", '<meta http-equiv="refresh" content="0">', "\\", "é", "a",
    "Pau", ":", "#", "---", "<body onload=x>", "]]>", "<![CDATA[", "<?x", "\r",
]  # fmt: skip
payload = st.one_of(
    st.lists(st.sampled_from(PIECES), max_size=10).map("".join),
    st.text(max_size=20),
)
CASE_FIELDS = (
    "title summary territory.name actors facilitators outcomes lessons challenges "
    "success_conditions testimonial.quote testimonial.author testimonial.role "
    "follow_up.text sources.title"
).split()
METHOD_FIELDS = "title summary why materials cautions duration.label sources.title".split()


def yaml_string(value: str) -> str:
    """A YAML double-quoted scalar: every character survives, escapes included."""
    return yaml.safe_dump(value, default_style='"', width=float("inf")).strip()


def case_text(values: dict[str, str], body: str) -> str:
    v = {k: yaml_string(x) for k, x in values.items()}
    return f"""---
title: {v["title"]}
summary: {v["summary"]}
territory:
  name: {v["territory.name"]}
  level: commune
format: atelier
themes: [Relation aux usagers]
methods: [entretien-usager]
actors: [{v["actors"]}]
facilitators: [{v["facilitators"]}]
outcomes: [{v["outcomes"]}]
lessons: [{v["lessons"]}]
challenges: [{v["challenges"]}]
success_conditions: [{v["success_conditions"]}]
testimonial:
  quote: {v["testimonial.quote"]}
  author: {v["testimonial.author"]}
  role: {v["testimonial.role"]}
follow_up:
  date: "2020"
  text: {v["follow_up.text"]}
sources:
  - title: {v["sources.title"]}
    url: https://example.org/source
---
{body}
"""


def method_text(values: dict[str, str], body: str) -> str:
    v = {k: yaml_string(x) for k, x in values.items()}
    return f"""---
title: {v["title"]}
summary: {v["summary"]}
phase: [comprendre]
duration:
  min: 30
  max: 60
  label: {v["duration.label"]}
participants:
  min: 2
  max: 8
difficulty: facile
why: {v["why"]}
materials: [{v["materials"]}]
cautions: [{v["cautions"]}]
sources:
  - title: {v["sources.title"]}
---
{body}

## Déroulé

1. Une étape.
"""


def filled(names):
    """One or two targets (fields or the body) get a payload, the others a plain value: a
    payload everywhere would be refused for its first field and hide the rest."""
    targets = st.lists(
        st.tuples(st.sampled_from([*names, "body"]), payload), min_size=1, max_size=2
    )

    def build(chosen):
        values = {name: f"Valeur {name.replace('.', ' ')}" for name in names}
        body = "## Contexte\n\nUn texte."
        for name, value in chosen:
            if name == "body":
                body = value
            else:
                values[name] = value
        return values, body

    return targets.map(build)


entry_input = st.one_of(
    filled(CASE_FIELDS).map(lambda vb: (CASE, *vb)),
    filled(METHOD_FIELDS).map(lambda vb: (METHOD, *vb)),
)

# --- Independent oracles ----------------------------------------------------------------

CONTENT_TAGS = set(
    "p a img ul ol li h1 h2 h3 h4 h5 h6 blockquote hr br table thead tbody tr th td div pre "
    "code em strong abbr b bdi bdo cite del dfn i ins kbd mark q s samp small span sub sup "
    "time u var wbr".split()
)
CONTENT_ATTRIBUTES = {"href", "src", "alt", "title", "id", "class", "lang", "dir", "datetime"}
CONTENT_ATTRIBUTES |= {"start", "style"}


def html5(document: str):
    return html5lib.parse(document, namespaceHTMLElements=False)


def assert_inert_content(fragment: str) -> None:
    """The content as a browser reads it, inside a page: only allowlisted elements and
    attributes, safe addresses, nothing left open, nothing of the page closed."""
    page = html5(
        f"<!doctype html><html><head><title>t</title></head><body><main><div id=rx-content>"
        f"{fragment}</div><footer id=rx-end>fin</footer></main></body></html>"
    )
    head = page.find("head")
    assert [e.tag for e in head] == ["title"], "the content reached <head>"
    main = page.find("body/main")
    assert [(e.tag, e.get("id")) for e in main] == [("div", "rx-content"), ("footer", "rx-end")]
    for element in page.find("body/main/div").iter():
        if not isinstance(element.tag, str):  # a comment
            continue
        assert element.tag in CONTENT_TAGS | {"div"}, element.tag
        for name, value in element.attrib.items():
            assert name in CONTENT_ATTRIBUTES, (element.tag, name)
            if name == "style":
                assert element.tag in ("th", "td") and value.startswith("text-align:")
            if name in ("href", "src"):
                cleaned = "".join(value.split()).lower().replace("\\", "/")
                assert not cleaned.startswith(("javascript:", "data:", "vbscript:")), value
                if name == "src":
                    assert ":" not in cleaned.split("/")[0] and not cleaned.startswith("//")


def assert_text_in_raw_templates(title: str, summary: str) -> None:
    """Material prints these unescaped: in <title> and in an attribute."""
    page = html5(
        f"<!doctype html><html><head><title>{escaped(title)} - Retex</title>"
        f'<meta name="description" content="{escaped(summary)}"></head>'
        f'<body><span>{escaped(title)}</span><a title="{escaped(title)}">x</a></body></html>'
    )
    head = page.find("head")
    assert [e.tag for e in head] == ["title", "meta"]
    assert head.find("title").text == f"{title} - Retex"
    assert head.find("meta").get("content") == summary
    assert (page.find("body/span").text or "") == title
    assert page.find("body/a").get("title") == title


PUBLISHER = Publisher(
    "Retex", "https://retex.example/", "Retex", "https://retex.example/", "LO 2.0", "https://lo"
)
WHEN = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
DATES = FileDates(WHEN, WHEN)


@pytest.fixture(scope="module")
def schema():
    return build_schema(load_vocabulary(ROOT / "vocabulary.yml"))


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    return Content(tmp_path_factory.mktemp("properties")).valid()


@settings(
    max_examples=EXAMPLES,
    derandomize=True,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(entry_input)
def test_generated_strings_are_refused_or_inert(folder, schema, generated):
    kind, values, body = generated
    text = case_text(values, body) if kind is CASE else method_text(values, body)
    path = kind.source("genere")
    (folder.root / path).write_bytes(text.encode("utf-8", "surrogatepass"))
    TRIED["check"] += 1
    result = read_file(folder.root, path, schema)
    lines = text.count("\n") + 1
    if result.problems:
        TRIED["refused"] += 1
        for problem in result.problems:
            assert problem.path == path and 1 <= problem.line <= lines, problem.format()
            assert problem.field
            assert_french(problem)
        return
    TRIED["accepted"] += 1
    model = schema.model(kind).model_validate(result.data)
    entry = Entry(kind, "genere", path, model, result.body, result.body_line, result.data)
    # The page's content as the build makes it.
    content = fill_sections(render_html(entry_markdown(entry)), entry)
    assert_inert_content(content)
    assert_text_in_raw_templates(model.title, model.summary)
    # JSON-LD inside its script element.
    data = json_ld(entry, DATES, PUBLISHER, lambda slug: (slug, f"methodes/{slug}/"))
    page = html5(f'<html><head><script type="application/ld+json">{json_ld_script(data)}</script>')
    [script] = page.find("head")
    assert json.loads(script.text) == json.loads(json.dumps(data))
    # The Atom feed and the CSV line.
    feed = ET.fromstring(atom_feed(kind, [entry], {path: DATES}, PUBLISHER, "https://f", WHEN))
    titles = [t.text for t in feed.iter("{http://www.w3.org/2005/Atom}title")]
    assert " ".join(model.title.split()) in [" ".join((t or "").split()) for t in titles]
    rows = list(
        csv.reader(
            io.StringIO(csv_export(schema.model(kind), [record(entry, DATES, PUBLISHER)])),
            delimiter=";",
        )
    )
    assert len(rows) == 2
    for cell in rows[1]:
        assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), cell


# --- Through mkdocs build ----------------------------------------------------------------


def page_shapes(site: Path) -> dict[str, set[tuple[str, str]]]:
    """Every (element, attribute) pair of every page, by kind of page."""
    shapes: dict[str, set[tuple[str, str]]] = {}
    for path in site.rglob("*.html"):
        rel = path.relative_to(site).as_posix()
        kind = rel.split("/")[0] if "/" in rel else rel
        pairs = shapes.setdefault(kind, set())
        for element in html5(path.read_text(encoding="utf-8")).iter():
            if isinstance(element.tag, str):
                pairs.add((element.tag, ""))
                pairs.update((element.tag, name) for name in element.attrib)
    return shapes


@pytest.fixture(scope="module")
def baseline(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("baseline"))
    site = project.root.parent / "site"
    assert project.build(site_dir=site).returncode == 0
    everything = set().union(*page_shapes(site).values())
    allowed = {(t, "") for t in CONTENT_TAGS} | {
        (t, a) for t in CONTENT_TAGS for a in CONTENT_ATTRIBUTES
    }
    return everything | allowed


@settings(
    max_examples=BUILD_EXAMPLES,
    derandomize=True,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(st.lists(entry_input, min_size=8, max_size=12))
def test_built_site_parses_to_the_same_shapes(tmp_path_factory, baseline, batch):
    project = copy_project(tmp_path_factory.mktemp("batch"))
    written = []
    for index, (kind, values, body) in enumerate(batch):
        text = case_text if kind is CASE else method_text
        values = {**values, "title": f"{values['title']} {index}"[-140:]}
        path = kind.source(f"genere-{index}")
        project.write(path, text(values, body).encode("utf-8", "surrogatepass"))
        written.append(path)
    check = project.check()
    # Refused files are reported with their line, in French; take them out and build.
    for line in check.stdout.splitlines():
        path = line.split(":", 1)[0]
        if path in written:
            assert line.split(":")[1].isdigit(), line
            (project.root / path).unlink(missing_ok=True)
    TRIED["built"] += sum((project.root / p).exists() for p in written)
    site = project.root.parent / "site"
    result = project.build(site_dir=site)
    assert result.returncode == 0, result.stdout + result.stderr
    for kind, pairs in page_shapes(site).items():
        assert pairs <= baseline, (kind, sorted(pairs - baseline))
    for name in ("cas.xml", "methodes.xml"):
        ET.fromstring((site / "flux" / name).read_bytes())
    for name in ("cas.csv", "methodes.csv"):
        text = (site / "donnees" / name).read_text(encoding="utf-8-sig")
        for row in csv.reader(io.StringIO(text), delimiter=";"):
            assert not any(c.startswith(("=", "+", "-", "@", "\t", "\r")) for c in row)
    json.loads((site / "donnees" / "cas.json").read_text(encoding="utf-8"))


def test_report_the_number_of_inputs_tried():
    """Runs last in this module: the figures for the issue's note (pytest -s shows them)."""
    print(
        f"\nHypothesis : {TRIED['check']} fiches générées vérifiées "
        f"({TRIED['refused']} refusées, {TRIED['accepted']} acceptées et rendues inertes), "
        f"{TRIED['built']} fiches acceptées construites par mkdocs build"
    )
    assert TRIED["check"] >= min(EXAMPLES, 100)


@settings(max_examples=3000, derandomize=True, deadline=None, database=None)
@given(
    st.one_of(
        st.text(
            alphabet=st.sampled_from(list("aé ’'\"()-.,;:?!«»09%$@/=+\u00a0\u2026\u202f")),
            max_size=40,
        ),
        st.text(max_size=20),
    )
)
def test_the_plain_line_shortcut_renders_exactly_as_python_markdown(text):
    """render() skips Python-Markdown for a plain one-line text: same HTML, always."""
    import markdown

    from retex.render import EXTENSION_CONFIGS, EXTENSIONS, _plain_line

    line = _plain_line(text)
    if line is not None:
        md = markdown.Markdown(extensions=list(EXTENSIONS), extension_configs=EXTENSION_CONFIGS)
        assert render_html(text) == md.convert(text)
