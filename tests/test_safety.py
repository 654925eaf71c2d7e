"""Contributed Markdown cannot inject anything: raw HTML allowlist and URL schemes.

Refusals are checked on ``check_markdown`` (the line within the text) and through the
whole validation (path, line of the file, field). What the validator accepts is also
rendered with the site's own Markdown configuration and parsed as HTML: nothing
active may come out of it.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

import pytest
from samples import CASE, Content, assert_french, case, line_of

from retex.problems import BODY
from retex.render import render_html
from retex.safety import ALLOWED_TAGS, check_url
from retex.safety import markdown_findings as check_markdown


@pytest.fixture
def content(tmp_path):
    return Content(tmp_path).valid()


@pytest.fixture(scope="module")
def render():
    """Markdown -> HTML exactly as the site's build configures Python-Markdown."""
    return render_html


# Tags that Markdown itself writes; anything else in the output came from raw HTML.
MARKDOWN_TAGS = set(
    "p a img code pre ul ol li h1 h2 h3 h4 h5 h6 blockquote em strong hr br".split()
)
MARKDOWN_TAGS |= set("table thead tbody tr th td div".split())
SAFE_ATTRIBUTES = {"href", "src", "alt", "title", "id", "class", "lang", "dir", "datetime", "start"}


class _Inspector(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.unsafe: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag not in ALLOWED_TAGS | MARKDOWN_TAGS:
            self.unsafe.append(f"<{tag}>")
        for name, value in attrs:
            if name not in SAFE_ATTRIBUTES:
                self.unsafe.append(f"{tag}[{name}]")
            elif name in ("href", "src") and value:
                url = re.sub(r"[\x00-\x20\x7f]", "", html.unescape(value)).lower()
                scheme = re.match(r"^([a-z][a-z0-9+.-]*):", url)
                if scheme and scheme.group(1) not in ("http", "https", "mailto"):
                    self.unsafe.append(f"{tag}[{name}={value}]")

    handle_startendtag = handle_starttag


def unsafe_parts(rendered: str) -> list[str]:
    inspector = _Inspector()
    inspector.feed(rendered)
    inspector.close()
    return inspector.unsafe


# --- Raw HTML ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, tag",
    [
        ("<script>alert(1)</script>", "script"),
        ("<SCRIPT src=https://evil.example/x.js></SCRIPT>", "script"),
        ('<iframe src="https://evil.example"></iframe>', "iframe"),
        ("<style>body { display: none }</style>", "style"),
        ("<img src=x onerror=alert(1)>", "img"),
        ('<a href="https://example.org">lien</a>', "a"),
        ("<svg onload=alert(1)>", "svg"),
        ("<object data=x></object>", "object"),
        ("<form action=https://evil.example><input></form>", "form"),
        ('<div class="x">bloc</div>', "div"),
        ("<details open ontoggle=alert(1)>", "details"),
    ],
)
def test_tags_outside_the_allowlist_are_refused(text, tag):
    findings = check_markdown(f"Premier paragraphe.\n\nDu texte {text} et la suite.\n")
    assert findings, text
    assert findings[0].line == 3
    assert findings[0].message == f"balise HTML <{tag}> refusée"
    assert "<abbr>" in findings[0].fix  # what is allowed instead


def test_a_refused_element_is_reported_once_not_for_its_closing_tag():
    findings = check_markdown("<script>\nalert(1)\n</script>\n")
    assert [(f.line, f.message) for f in findings] == [(1, "balise HTML <script> refusée")]


@pytest.mark.parametrize(
    "text, attribute",
    [
        ('<abbr onclick="x">DGS</abbr>', "onclick"),
        ("<ABBR ONMOUSEOVER=x>DGS</ABBR>", "onmouseover"),
        ('<abbr title="Direction"\nonclick="x">DGS</abbr>', "onclick"),
        ("<abbr/onclick=alert(1)>DGS</abbr>", "onclick"),
        ('<span style="position:fixed">x</span>', "style"),
        ('<span class="md-button">x</span>', "class"),
        ('<kbd id="x">Ctrl</kbd>', "id"),
    ],
)
def test_attributes_outside_the_allowlist_are_refused_on_allowed_tags(text, attribute):
    findings = check_markdown(text)
    assert len(findings) == 1
    assert f"attribut HTML « {attribute} » refusé" in findings[0].message
    assert "title" in findings[0].fix


@pytest.mark.parametrize(
    "text",
    [
        '<abbr title="Direction générale des services">DGS</abbr>',
        "H<sub>2</sub>O et m<sup>2</sup>",
        "<kbd>Ctrl</kbd> + <kbd>P</kbd> pour imprimer",
        "ligne<br>suivante, <b>gras</b>, <i>italique</i>, <mark>surligné</mark>",
        '<span lang="en">design thinking</span>, <time datetime="2019-06-27">27 juin</time>',
        "<q>Citation</q> et <small>petit</small> et <del>barré</del>",
    ],
)
def test_harmless_inline_tags_are_accepted(text, render):
    assert check_markdown(text) == []
    assert unsafe_parts(render(text)) == []


@pytest.mark.parametrize(
    "text",
    [
        "Écrivez `<script>` pour rien : c’est du code.",
        "Un span ``<img src=x onerror=alert(1)>`` double.",
        "```html\n<script>alert(1)</script>\n<iframe src=x></iframe>\n```\n",
        "~~~\n<style>body{}</style>\n~~~\n",
        "``` \n<script>alert(1)</script>\n```\n",
        "| a | b |\n|---|---|\n| `<script>` | `x | <img onerror=alert(1)> | y` |\n",
        "<!-- un commentaire <script>alert(1)</script> -->\n",
        "Les flèches a -> b et 3 < 4 > 2 ne sont pas des balises.",
        # Inside a list item, Python-Markdown reads this fence as a code span: inert.
        "- point\n\n    ```\n    <script>alert(1)</script>\n    ```\n",
    ],
)
def test_html_inside_code_is_accepted_and_rendered_inert(text, render):
    assert check_markdown(text) == []
    rendered = render(text)
    assert unsafe_parts(re.sub(r"<!--.*?-->", "", rendered, flags=re.S)) == []


# What Python-Markdown does *not* render as code must not hide HTML from the validator.
@pytest.mark.parametrize(
    "text, line",
    [
        ("```\n<script>alert(1)</script>\n", 2),  # fence never closed
        ("   ```\n<script>alert(1)</script>\n   ```\n", 2),  # indented fence
        ("```\n<script>alert(1)</script>\n````\n", 2),  # closed by a longer fence
        ("```js titre\n<script>alert(1)</script>\n```\n", 2),  # not a fence opening
        ("`a\n\n<script>alert(1)</script>\n\nb`", 3),  # a "span" across paragraphs
        ("`a\n<script>alert(1)</script>\nb`", 2),  # a "span" across lines
        ("\\`<img src=x onerror=alert(1)>\\`", 1),  # escaped backticks
        ("<!--><script>alert(1)</script>-->", 1),  # « <!--> » is a whole comment
        ("<!---><script>alert(1)</script>-->", 1),
        ("<!-- a --!><script>alert(1)</script>-->", 1),  # « --!> » ends a comment
        ("!!! note\n    <script>alert(1)</script>\n", 2),  # in an admonition
    ],
)
def test_html_outside_real_code_is_refused(text, line, render):
    findings = check_markdown(text)
    assert findings, f"accepted, renders as: {render(text)}"
    assert line in [f.line for f in findings]


# --- URLs ---------------------------------------------------------------------------------


DANGEROUS = [
    "javascript:alert(1)",
    "JavaScript:alert(1)",
    "JAVASCRIPT:alert(1)",
    "JavaScript&#58;alert(1)",
    "&#106;avascript:alert(1)",
    "java&#x09;script:alert(1)",
    "javascript&colon;alert(1)",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "DATA:image/svg+xml,<svg>",
    "vbscript:msgbox(1)",
]


@pytest.mark.parametrize("url", DANGEROUS)
@pytest.mark.parametrize(
    "form, line",
    [
        ("Voir [le lien]({url}).", 1),
        ("Voir [le lien]( {url} ).", 1),
        ("Voir [le lien](\n{url}).", 2),
        ("Voir [le lien](<{url}>).", 1),
        ('Voir [le lien]({url} "titre").', 1),
        ("Une image : ![schéma]({url})", 1),
        ("Voir [le lien][ref].\n\n[ref]: {url}", 3),
        ("Voir [le lien][ref].\n\n[ref]:\n    {url}", 4),
        ("Voir [le lien][].\n\n[]: {url}", 3),
        ("- point\n\n    [ref]: {url}\n\n    [x][ref]", 3),
        ("> [ref]: {url}\n\n[x][ref]", 1),
        ("Voir <{url}>.", 1),
    ],
    ids=[
        "inline",
        "spaces",
        "newline",
        "angle",
        "title",
        "image",
        "reference",
        "reference-next-line",
        "empty-label",
        "reference-in-list",
        "reference-in-quote",
        "autolink",
    ],
)
def test_dangerous_urls_are_refused_in_every_link_form(url, form, line, render):
    text = form.format(url=url)
    if form == "Voir <{url}>." and url.startswith("&"):
        # not an autolink (no scheme): Markdown prints it as text
        assert "&lt;" in render(text) and unsafe_parts(render(text)) == []
        return
    findings = check_markdown(text)
    if form == "Voir [le lien](<{url}>)." and url.startswith("DATA:image/svg+xml,<svg>"):
        # « <svg> » ends the angle brackets early: the address keeps its « < » and has no
        # scheme at all (a harmless relative link) — published inert.
        assert unsafe_parts(render(text)) == [] and 'href="&lt;DATA' in render(text)
        return
    assert findings, text
    assert findings[0].line == line
    assert "refusé" in findings[0].message


def test_a_link_in_angle_brackets_is_reported_once():
    assert len(check_markdown("Voir [x](<javascript:alert(1)>).")) == 1


@pytest.mark.parametrize(
    "url, scheme",
    [
        ("javascript:alert(1)", "javascript"),
        ("JavaScript&#58;alert(1)", "javascript"),
        ("&#106;ava&#x09;script:alert(1)", "javascript"),
        ("data:text/html,x", "data"),
        ("vbscript:msgbox(1)", "vbscript"),
    ],
)
def test_refused_url_names_its_scheme_and_the_allowed_ones(url, scheme):
    [finding] = check_markdown(f"Voir [le lien]({url}).")
    assert f"le schéma « {scheme}: » n’est pas admis" in finding.message
    assert "https://" in finding.fix and "mailto:" in finding.fix


@pytest.mark.parametrize(
    "text",
    [
        "Voir [le site](https://www.modernisation.gouv.fr/) et [l’autre](http://example.org).",
        "Écrire à [l’équipe](mailto:contact@example.org) ou <contact@example.org>.",
        "Voir <https://example.org/a?b=c&d=e>.",
        "Voir [la méthode](../methods/debat-mouvant.md) et [plus bas](#contexte).",
        "![Un schéma](images/schema.png)",
        "Voir [ce point][1].\n\n[1]: https://example.org",
        "Un [lien](https://fr.wikipedia.org/wiki/D%C3%A9bat_(discussion)) avec parenthèses.",
    ],
)
def test_http_https_mailto_and_relative_links_are_accepted(text, render):
    assert check_markdown(text) == []
    assert unsafe_parts(render(text)) == []


@pytest.mark.parametrize(
    "url", ["https://example.org", "http://a.fr", "mailto:a@b.fr", "../x.md", "#top", "x.png"]
)
def test_check_url_accepts(url):
    assert check_url(url) is None


@pytest.mark.parametrize("url", ["//evil.example/x", "\\\\evil\\x"])
def test_check_url_refuses_scheme_relative_urls(url):
    assert "schéma manque" in check_url(url)


def test_attribute_lists_are_plain_text(render):
    """No attr_list extension: braces stay text, and no attribute comes out."""
    text = "## Titre {: onclick=alert(1) }\n"
    assert check_markdown(text) == []
    assert unsafe_parts(render(text)) == [] and "{: onclick=alert(1) }" in render(text)


def test_other_markup_is_refused():
    findings = check_markdown("<?php echo 1; ?>\n\n<![CDATA[x]]>\n")
    assert [f.line for f in findings] == [1, 3]


# --- The same rules through the validation: path, line, field -----------------------------


def test_raw_html_in_a_body_is_reported_at_its_line_of_the_file(content):
    text = CASE + "\nUn paragraphe.\n\n<script>alert(1)</script>\n"
    content.write("cases/pau-accueil.md", text)
    problem = content.only()
    assert (problem.path, problem.line, problem.field) == (
        "cases/pau-accueil.md",
        line_of(text, "<script>"),
        BODY,
    )
    assert_french(problem)


def test_every_unsafe_part_of_a_body_is_reported(content):
    body = (
        "<iframe src=x></iframe>\n\n<style>p{}</style>\n\n<img src=x onerror=alert(1)>\n\n"
        '<a href="https://example.org">x</a>\n\n<abbr onclick="x">DGS</abbr>\n\n'
        "[x](javascript:alert(1))\n"
    )
    text = CASE + "\n" + body
    content.write("cases/pau-accueil.md", text)
    problems = content.check()
    assert [p.line for p in problems] == [
        line_of(text, needle)
        for needle in ("<iframe", "<style", "<img", "<a href", "<abbr", "javascript")
    ]
    assert all(p.field == BODY for p in problems)


@pytest.mark.parametrize(
    "extra, field, needle",
    [
        ("lessons:\n  - Voir [ici](javascript:alert(1)).", "lessons[1]", "Voir [ici]"),
        (
            "lessons:\n  - Une leçon.\n  - Voir <script>alert(1)</script>.",
            "lessons[2]",
            "<script>",
        ),
        (
            "sources:\n  - title: Compte rendu\n    url: javascript:alert(1)",
            "sources[1].url",
            "url:",
        ),
        (
            "sources:\n  - title: Compte rendu\n    url: data:text/html,<b>x</b>",
            "sources[1].url",
            "url:",
        ),
        (
            "testimonial:\n  quote: <img src=x onerror=alert(1)>\n  author: A",
            "testimonial.quote",
            "quote:",
        ),
    ],
)
def test_unsafe_front_matter_fields_are_refused(content, extra, field, needle):
    text = CASE.replace("format: atelier\n", f"format: atelier\n{extra}\n")
    content.write("cases/pau-accueil.md", text)
    problem = content.only()
    assert (problem.path, problem.line, problem.field) == (
        "cases/pau-accueil.md",
        line_of(text, needle),
        field,
    )
    assert "refusé" in problem.message
    assert_french(problem)


def test_safe_links_in_fields_are_accepted(content):
    content.write(
        "cases/pau-accueil.md",
        case(
            lessons='["Voir [la fiche](../methods/entretien-usager.md) et [le site](https://a.fr)."]',
            sources="[{title: Compte rendu, url: 'https://example.org/cr'}]",
        ),
    )
    assert content.check() == []


@pytest.mark.parametrize(
    "extra",
    [
        "sources:\n  - title: Voir [x](vbscript:msgbox)",
        'actors: ["`<script>alert(1)</script>`"]',
        "summary: '0;url=https://example.org/\" http-equiv=\"refresh'",
    ],
)
def test_plain_text_fields_are_accepted_and_escaped_where_shown(content, extra):
    """Fields that are not Markdown are printed as text, escaped in every output (see
    tests/security/): what they hold is shown, never run."""
    text = CASE.replace("format: atelier\n", f"format: atelier\n{extra}\n")
    if extra.startswith("summary"):
        text = text.replace(
            "summary: La mairie a revu l’accueil de ses usagers avec ses agents d’accueil.\n", ""
        )
    content.write("cases/pau-accueil.md", text)
    assert content.check() == []


# --- One h1 per page: the entry's title ------------------------------------------------


@pytest.mark.parametrize(
    "body, needle",
    [
        ("# Un titre de trop", "# Un titre"),
        ("#BARCAMP : un mot-clé en début de ligne", "#BARCAMP"),  # no space needed
        ("Un titre souligné\n=================", "====="),
        ("- # dans une liste", "- #"),
        ("> # dans une citation", "> #"),
    ],
)
def test_a_level_one_heading_in_a_body_is_refused_with_its_line_and_the_fix(
    content, body, needle
):
    text = CASE + "\n" + body + "\n"
    content.write("cases/pau-accueil.md", text)
    [problem] = content.check()
    assert (problem.line, problem.field) == (line_of(text, needle), BODY)
    assert "titre de niveau 1" in problem.message and "##" in problem.fix and "\\#" in problem.fix
    assert_french(problem)


def test_a_level_one_heading_in_a_markdown_field_is_refused(content):
    text = case(lessons="\n  - |-\n    # Une leçon en titre")
    content.write("cases/pau-accueil.md", text)
    [problem] = content.check()
    assert problem.field == "lessons[1]" and "titre de niveau 1" in problem.message


@pytest.mark.parametrize(
    "body",
    [
        "## Un intertitre\n\n### Et un sous-intertitre",
        "\\#BARCAMP : le dièse échappé reste un dièse",
        "  # indenté de deux espaces : un paragraphe pour Markdown",
        "Un texte avec un #motclé au milieu",
        "```\n# un commentaire dans du code\n```",
    ],
)
def test_other_headings_escaped_hashes_and_code_are_accepted(content, body):
    content.write("cases/pau-accueil.md", CASE + "\n" + body + "\n")
    assert content.check() == []


def test_the_site_s_own_pages_keep_their_level_one_heading():
    assert check_markdown("# À propos\n\nRetex rassemble des retours d’expérience.") == []
