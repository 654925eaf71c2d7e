"""The pages of ``docs/`` (home, about, legal pages…), judged like the content.

A pull request can change them too: their Markdown is rendered as the build renders it
and judged by the same allowlist (``safety.py``), their characters checked like those
of a content file. Their front matter is configuration for the theme (template, title,
description), printed escaped (``escaping.py``).
"""

from __future__ import annotations

from pathlib import Path

from .characters import character_message, forbidden_characters
from .files import walk
from .problems import BODY, FILE, Problem
from .safety import check_markdown

DOCS = "docs"


def split_front_matter(text: str) -> tuple[str, str, int]:
    """(front matter, body, line where the body starts) of a page, as MkDocs splits it."""
    if text.startswith("---\n"):
        end = text.find("\n---\n", 3)
        if end == -1:
            end = text.find("\n...\n", 3)
        if end != -1:
            body = text[end + 5 :]
            return text[4:end], body, text.count("\n", 0, end + 5) + 1
    return "", text, 1


def check_site_pages(root: Path) -> list[Problem]:
    problems: list[Problem] = []
    files, _ = walk(root / DOCS)
    for found in files:
        if not found.name.endswith(".md") or found.relpath.startswith("."):
            continue
        path = f"{DOCS}/{found.relpath}"
        try:
            text = (root / path).read_bytes().decode("utf-8-sig")
        except (OSError, UnicodeDecodeError):
            problems.append(Problem(path, 1, FILE, "fichier illisible (UTF-8 attendu)"))
            continue
        text = text.replace("\r\n", "\n")
        for offset, char in forbidden_characters(text):
            line = text.count("\n", 0, offset) + 1
            problems.append(Problem(path, line, FILE, *character_message(char)))
        _, body, first = split_front_matter(text)
        checked = check_markdown(body)
        problems += [
            Problem(path, first + f.line - 1, BODY, f.message, f.fix) for f in checked.findings
        ]
    return problems
