"""A published entry page: the contributor's body plus the sections that the structured
fields produce (lessons, testimonial, sources…).

The page's Markdown holds the body and each section's heading, so that these sections
get their entries in the table of contents and their stable anchors like any other
heading. Each field is rendered on its own (``render.py``), never inside the body's
Markdown: a fence, a comment or a tag left open in one text cannot reach another. The
page's Markdown marks where each section's HTML goes with a token made of
noncharacters, which no content file may hold (``characters.py``), so that no text can
forge one; ``fill_sections`` puts the HTML in once the page is rendered.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable
from urllib.parse import unquote, urlsplit

from markupsafe import escape

from .collection import Entry
from .kinds import CASE, METHOD, kind_of, relative_url
from .render import render_html

Render = Callable[[str], str]


def _token(name: str) -> str:
    return f"\ufdd0{name}\ufdd1"


def _marker(name: str) -> list[str]:
    return [_token(name), ""]


def case_markdown(entry: Entry) -> str:
    data = entry.data
    parts = ["", entry.body.strip(), ""]
    if data.lessons or data.challenges or data.success_conditions:
        parts += ["## Enseignements", ""]
        for name, heading in _CASE_LISTS:
            if getattr(data, name):
                parts += [f"### {heading}", "", *_marker(name)]
    if data.testimonial:
        parts += ["## Témoignage", "", *_marker("testimonial")]
    if data.follow_up:
        parts += ["## Et ensuite ?", "", *_marker("follow_up")]
    if data.sources:
        parts += ["## Sources", "", *_marker("sources")]
    return "\n".join(parts)


_CASE_LISTS = (
    ("lessons", "Ce que l’expérience enseigne"),
    ("challenges", "Difficultés rencontrées"),
    ("success_conditions", "Conditions de réussite"),
)


def method_markdown(entry: Entry) -> str:
    data = entry.data
    parts = [""]
    if data.why:
        parts += ["## Quand l’utiliser", "", *_marker("why")]
    parts += [entry.body.strip(), ""]
    if data.cautions:
        parts += ["## Points de vigilance", "", *_marker("cautions")]
    if data.sources:
        parts += ["## Sources", "", *_marker("sources")]
    return "\n".join(parts)


_MARKDOWN = {CASE: case_markdown, METHOD: method_markdown}


def entry_markdown(entry: Entry) -> str:
    """The Markdown of an entry's page: its body and the headings of its sections."""
    return _MARKDOWN[entry.kind](entry)


def _item(html: str) -> str:
    """A list item's HTML: a lone paragraph is unwrapped, as in a tight Markdown list."""
    html = html.strip()
    if html.startswith("<p>") and html.endswith("</p>") and html.count("<p>") == 1:
        return html[3:-4]
    return html


def _list(items, render: Render) -> str:
    return "<ul>\n" + "".join(f"<li>{_item(render(i))}</li>\n" for i in items) + "</ul>"


def _sources(entry: Entry) -> str:
    items = []
    for source in entry.data.sources:
        title = escape(" ".join(source.title.split()))
        items.append(f'<a href="{escape(source.url)}">{title}</a>' if source.url else title)
    return "<ul>\n" + "".join(f"<li>{i}</li>\n" for i in items) + "</ul>"


def section_html(entry: Entry, name: str, render: Render) -> str:
    """The HTML of one section of an entry page (fields rendered each on its own)."""
    data = entry.data
    if name in ("lessons", "challenges", "success_conditions", "cautions"):
        return _list(getattr(data, name), render)
    if name == "why":
        return render(data.why)
    if name == "testimonial":
        quote = data.testimonial
        signature = quote.author + (f", {quote.role}" if quote.role else "")
        return f"<blockquote>\n{render(quote.quote)}\n<p>— {escape(signature)}</p>\n</blockquote>"
    if name == "follow_up":
        text = render(data.follow_up.text).strip()
        if not data.follow_up.date:
            return text
        when = f"<em>{escape(data.follow_up.date.french.capitalize())}</em> — "
        return f"<p>{when}{text[3:]}" if text.startswith("<p>") else f"<p>{when}</p>\n{text}"
    if name == "sources":
        return _sources(entry)
    raise KeyError(name)


_TOKEN_RE = re.compile("<p>\ufdd0([a-z_]+)\ufdd1</p>")


def fill_sections(html: str, entry: Entry, render: Render | None = None) -> str:
    """Put each section's HTML where the page's Markdown marked it."""
    render = render or (lambda text: render_html(text, link_resolver(entry)))
    filled = _TOKEN_RE.sub(lambda m: section_html(entry, m.group(1), render), html)
    if "\ufdd0" in filled:
        raise ValueError(f"{entry.path} : une section de la fiche n’a pas pu être placée")
    return filled


def link_resolver(entry: Entry) -> Callable[[str], str | None]:
    """Relative links of a field, written between source files, as published addresses
    relative to the entry's page (what MkDocs does for the body)."""

    def resolve(address: str) -> str | None:
        parts = urlsplit(address)
        if parts.scheme or parts.netloc or not parts.path or parts.path.startswith("/"):
            return None
        source = posixpath.normpath(
            posixpath.join(posixpath.dirname(entry.path), unquote(parts.path))
        )
        kind, rest = kind_of(source), source.partition("/")[2]
        if kind is None or not rest:
            return None
        target = kind.url(rest[:-3]) if rest.endswith(".md") else f"{kind.prefix}/{rest}"
        fragment = f"#{parts.fragment}" if parts.fragment else ""
        return relative_url(entry.url, target) + fragment

    return resolve


_STEP_RE = re.compile(r"^ {0,3}\d+[.)]\s+(.*)$")
_HEADING_RE = re.compile(r"^#{1,6}\s+(.*?)\s*#*\s*$")


def steps(entry: Entry, heading: str = "Déroulé") -> list[str]:
    """The numbered steps under a method's « Déroulé » heading, as plain text."""
    found: list[str] = []
    inside = False
    for line in entry.body.split("\n"):
        title = _HEADING_RE.match(line)
        if title:
            if inside:
                break
            inside = title.group(1).strip().casefold() == heading.casefold()
            continue
        if not inside:
            continue
        step = _STEP_RE.match(line)
        if step:
            found.append(step.group(1))
        elif found and line.strip() and line.startswith((" ", "\t")):
            found[-1] += " " + line.strip()
    return [plain_text(s) for s in found]


_LINK_RE = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MARK_RE = re.compile(r"(\*\*|__|\*|_|`)(?=\S)(.+?)(?<=\S)\1")
_TAG_RE = re.compile(r"<[^>]+>")


def plain_text(markdown: str) -> str:
    """A field's Markdown as plain text, for places where its links would not resolve
    (cards, browse pages, metadata): « [débat](../methods/x.md) » -> « débat »."""
    text = _LINK_RE.sub(r"\1", markdown)
    text = _MARK_RE.sub(r"\2", text)
    text = _TAG_RE.sub("", text)
    return " ".join(text.split())
