"""French no-break spaces in the text of published pages (retex.publish.typography)."""

from __future__ import annotations

import pytest

from retex.publish.typography import NARROW_NBSP as N
from retex.publish.typography import NBSP as S
from retex.publish.typography import french_spacing


@pytest.mark.parametrize(
    "html, expected",
    [
        # The four marks and the guillemets, as contributors type them.
        ("<p>Format : atelier</p>", f"<p>Format{S}: atelier</p>"),
        ("<p>Pourquoi ? Ensuite ; enfin !</p>", f"<p>Pourquoi{N}? Ensuite{N}; enfin{N}!</p>"),
        ("<p>« le labo »</p>", f"<p>«{S}le labo{S}»</p>"),
        # Missing spaces inside guillemets are added; a run of white space is one space.
        ("<p>«le labo»</p>", f"<p>«{S}le labo{S}»</p>"),
        ("<p>Texte\n  : suite</p>", f"<p>Texte{S}: suite</p>"),
        # Across inline elements.
        ("<p><em>mot</em> : suite</p>", f"<p><em>mot</em>{S}: suite</p>"),
        ("<p>« <a href='x'>lien</a> »</p>", f"<p>«{S}<a href='x'>lien</a>{S}»</p>"),
        ("<p>mot <strong>?</strong></p>", f"<p>mot{N}<strong>?</strong></p>"),
        ("<p><code>x</code> : y</p>", f"<p><code>x</code>{S}: y</p>"),
        # Entities are left as written; the space before them still changes.
        ("<p>&laquo; oui &raquo;</p>", f"<p>&laquo;{S}oui{S}&raquo;</p>"),
        ("<p>oui &#63;</p>", f"<p>oui{N}&#63;</p>"),
        # Already right: unchanged.
        (f"<p>Déjà{S}: bien{N}?</p>", f"<p>Déjà{S}: bien{N}?</p>"),
    ],
)
def test_the_rules(html, expected):
    assert french_spacing(html) == expected


@pytest.mark.parametrize(
    "html",
    [
        # Code, data and scripts keep every character.
        "<p><code>a : b ?</code></p>",
        "<pre><code>x = y ? 1 : 2</code></pre>",
        "<p><kbd>Ctrl ?</kbd> <samp>Erreur :</samp> <var>n !</var></p>",
        '<script>var a = "x ?" ; b = c ? d : e;</script>',
        '<script type="application/ld+json">{"name": "Un titre : sous-titre"}</script>',
        "<style>a:hover { color: red ; }</style>",
        "<textarea>Une note : ici</textarea>",
        "<svg><text>a : b</text></svg>",
        # Attributes are never touched.
        '<a href="https://exemple.fr/?q=a : b" title="Voir : ici" aria-label="Quoi ?">x</a>',
        '<meta name="description" content="Retex : les cas">',
        # No space is invented before ; : ! ? (times, URLs, English titles).
        "<p>À 14:30, voir https://exemple.fr/a?b=1 ou mailto:x@y.fr.</p>",
        "<p>Agile Retrospectives: Making Good Teams Great</p>",
        # Punctuation that opens a block, and text in another language.
        "<p>Texte</p>\n<p>: suite</p>",
        "<ul>\n<li>? inconnu</li>\n</ul>",
        '<p lang="en">Really ? Yes : no</p>',
        # Search-index filter values must equal the URL parameters that select them.
        '<span data-pagefind-filter="methods">Lean startup : atelier</span>',
        '<span data-pagefind-sort="date">2019 : x</span>',
        # HTML comments.
        "<p>x<!-- a : b --></p>",
    ],
)
def test_what_is_left_alone(html):
    assert french_spacing(html) == html


def test_french_inside_another_language_is_spaced_again():
    html = '<div lang="en">Title: x <span lang="fr">Quoi ?</span></div>'
    assert french_spacing(html) == f'<div lang="en">Title: x <span lang="fr">Quoi{N}?</span></div>'


def test_only_text_changes_and_twice_is_once():
    page = (
        '<!doctype html><html lang="fr"><head><title>Retex : cas</title>'
        '<meta property="og:title" content="Retex : cas"></head>'
        '<body><h1 id="t">Et ensuite ?</h1>'
        '<p class="a">« Citation » : <a href="/x?y=1">lien</a> !</p>'
        "</body></html>"
    )
    once = french_spacing(page)
    assert french_spacing(once) == once
    assert once.replace(S, " ").replace(N, " ") == page
    assert f"<title>Retex{S}: cas</title>" in once
    assert 'content="Retex : cas"' in once
    assert f"Et ensuite{N}?" in once
    assert f"«{S}Citation{S}»{S}: " in once
    assert f"</a>{N}!" in once


def test_a_page_without_those_marks_is_returned_as_is():
    page = "<p>Rien à changer.</p>"
    assert french_spacing(page) is page


def test_broken_html_does_not_raise():
    for html in ("<p>a :", "<p><code>a : b", "</p></div> ?", "<a href='x>y ?</a>", "<<p>x :"):
        french_spacing(html)  # any string: the result is checked by the build's own tests


def test_a_quoted_angle_bracket_in_an_attribute_is_not_the_end_of_its_tag():
    page = '<p><a title="a > b ; c" href="?q=x : y">Voir : ici</a> !</p>'
    assert french_spacing(page) == (
        f'<p><a title="a > b ; c" href="?q=x : y">Voir{S}: ici</a>{N}!</p>'
    )


def test_scripts_styles_and_icons_are_skipped_to_their_end():
    page = (
        "<svg><title>Menu : ouvrir</title><path d='M0 0'/></svg>"
        "<script>if (a < b) { x = y ? 1 : 2; }</script><style>a::after { content: ' :'; }</style>"
        "<p>Fin ?</p>"
    )
    assert french_spacing(page) == page.replace("Fin ?", f"Fin{N}?")
