"""The Markdown of a published page: the contributor's body plus the sections that the
structured fields produce (lessons, testimonial, sources…).

Generating Markdown rather than HTML lets one renderer handle every text: emphasis and
links written in a field work as in the body, and these sections get their entries in
the table of contents and their stable anchors like any other heading.
"""

from __future__ import annotations

import re

from .collection import Entry


def _item(text: str) -> str:
    lines = text.strip().split("\n")
    return "- " + "\n  ".join(line.rstrip() for line in lines)


def _list_section(heading: str, items, level: int = 2) -> list[str]:
    if not items:
        return []
    return ["#" * level + " " + heading, "", *(_item(i) for i in items), ""]


def _sources(entry: Entry) -> list[str]:
    items = []
    for source in entry.data.sources:
        title = " ".join(source.title.split())
        items.append(f"[{_escape_link_text(title)}](<{source.url}>)" if source.url else title)
    return _list_section("Sources", items)


def _escape_link_text(text: str) -> str:
    return text.replace("[", "\\[").replace("]", "\\]")


def case_markdown(entry: Entry) -> str:
    data = entry.data
    parts = ["", entry.body.strip(), ""]
    if data.lessons or data.challenges or data.success_conditions:
        parts += ["## Enseignements", ""]
        parts += _list_section("Ce que l’expérience enseigne", data.lessons, 3)
        parts += _list_section("Difficultés rencontrées", data.challenges, 3)
        parts += _list_section("Conditions de réussite", data.success_conditions, 3)
    if data.testimonial:
        quote = data.testimonial
        signature = quote.author + (f", {quote.role}" if quote.role else "")
        parts += ["## Témoignage", ""]
        parts += ["> " + line for line in quote.quote.strip().split("\n")]
        parts += [">", f"> — {signature}", ""]
    if data.follow_up:
        heading = "## Et ensuite ?"
        when = f"*{data.follow_up.date.french.capitalize()}* — " if data.follow_up.date else ""
        parts += [heading, "", when + data.follow_up.text.strip(), ""]
    parts += _sources(entry)
    return "\n".join(parts)


def method_markdown(entry: Entry) -> str:
    data = entry.data
    parts = [""]
    if data.why:
        parts += ["## Quand l’utiliser", "", data.why.strip(), ""]
    parts += [entry.body.strip(), ""]
    parts += _list_section("Points de vigilance", data.cautions)
    parts += _sources(entry)
    return "\n".join(parts)


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


def entry_markdown(entry: Entry) -> str:
    return case_markdown(entry) if entry.kind == "case" else method_markdown(entry)


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
