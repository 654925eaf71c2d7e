"""Values for templates that do not escape what they print.

MkDocs renders Material's templates with autoescaping off, and Material prints a page's
title, description and other front-matter values as they are (``<title>``, ``<meta
name="description" content="…">``, the navigation…). Our own templates escape
everything. A value wrapped in ``Markup(escape(value))`` prints escaped exactly once in
both: an autoescaping template takes ``Markup`` as already safe, the others print its
escaped text.
"""

from __future__ import annotations

from typing import Any

from markupsafe import Markup, escape


def escaped(value: Any) -> Any:
    """Every string of ``value`` (lists and mappings included) as escaped Markup."""
    if isinstance(value, Markup):
        return value
    if isinstance(value, str):
        return escape(value)
    if isinstance(value, list):
        return [escaped(item) for item in value]
    if isinstance(value, dict):
        return {key: escaped(item) for key, item in value.items()}
    return value


def plain_title(html_text: str) -> Markup:
    """A title taken from rendered HTML (tags stripped, entities kept) as escaped Markup
    of its plain text."""
    return escape(Markup(html_text).striptags())
