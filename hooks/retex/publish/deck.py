"""The print deck (« Fiches à imprimer »): every method sheet's rendered body moved into
one page, one sheet per printed page.
"""

from __future__ import annotations

import html
import posixpath
import re
from collections.abc import Callable
from urllib.parse import urlsplit

from ..collection import Entry
from ..kinds import relative_url


def deck_sheets(
    methods: list[Entry], rendered: Callable[[Entry], str], deck_url: str
) -> list[dict]:
    """The sheets of the deck at ``deck_url``: each method with its rendered body
    (``rendered(entry)``), its links made relative to the deck, its ids prefixed with its
    slug (several sheets share the page) and its headings one level down."""
    return [
        {
            "entry": entry,
            "html": rebase_html(rendered(entry), entry.url, deck_url, f"{entry.slug}-", demote=1),
        }
        for entry in methods
    ]


_URL_ATTR_RE = re.compile(r'(\s(?:href|src)=")([^"]*)(")')
_ID_RE = re.compile(r'(\sid=")([^"]+)(")')
_HEADING_RE = re.compile(r"<(/?)h([1-6])\b")


def rebase_html(
    html_text: str, from_url: str, to_url: str, id_prefix: str = "", demote: int = 0
) -> str:
    """Move rendered HTML from one page to another: relative links and images are made
    relative to the new page, ids (with the links to them) get a prefix so that several
    pages can share one document, and headings may go down ``demote`` levels."""

    def url(match: re.Match) -> str:
        value = match.group(2)
        if value.startswith("#"):
            return match.group(1) + ("#" + id_prefix + value[1:] if id_prefix else value) + '"'
        parts = urlsplit(html.unescape(value))
        if parts.scheme or parts.netloc or value.startswith("/") or not parts.path:
            return match.group(0)
        target = posixpath.normpath(posixpath.join(from_url, parts.path))
        target = "" if target == "." else target + ("/" if parts.path.endswith("/") else "")
        rebased = relative_url(to_url, target)
        if parts.query:
            rebased += "?" + parts.query
        if parts.fragment:
            rebased += "#" + parts.fragment
        return match.group(1) + html.escape(rebased) + match.group(3)

    out = _URL_ATTR_RE.sub(url, html_text)
    if id_prefix:
        out = _ID_RE.sub(lambda m: m.group(1) + id_prefix + m.group(2) + m.group(3), out)
    if demote:
        out = _HEADING_RE.sub(lambda m: f"<{m.group(1)}h{min(6, int(m.group(2)) + demote)}", out)
    return out
