"""One error type for everything a contributor can get wrong.

A problem names the file, the line, the field, says what is wrong in French and,
when one can be guessed, how to fix it. Problems are collected, never raised one by
one, so that a contributor sees every error of every file at once.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass

# Pseudo-fields for problems that do not concern a front-matter key.
FILE = "fichier"
HEADER = "en-tête"
BODY = "texte"


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int
    field: str
    message: str
    fix: str | None = None

    def text(self) -> str:
        """The message followed by the suggested fix, if any."""
        return f"{self.message} — {self.fix}" if self.fix else self.message

    def format(self) -> str:
        """``path:line: field: message — fix``, the form every editor and CI understands."""
        return f"{self.path}:{self.line}: {self.field}: {self.text()}"

    def format_github(self) -> str:
        """A GitHub Actions workflow command: an inline annotation on the pull request."""
        title = _escape_property(f"Retex : {self.field}")
        path = _escape_property(self.path)
        return f"::error file={path},line={self.line},title={title}::{_escape_data(self.text())}"


def _escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(value: str) -> str:
    return _escape_data(value).replace(":", "%3A").replace(",", "%2C")


class ContentError(Exception):
    """Raised by the build when content is invalid; carries every problem found."""

    def __init__(self, problems: Iterable[Problem]):
        self.problems = sorted(problems)
        super().__init__(summary(self.problems))


class Stop(Exception):
    """The build cannot go on: its French message says why and what to do, for the
    terminal (the MkDocs adapter turns it into MkDocs' own error, with no traceback)."""


def summary(problems: list[Problem]) -> str:
    files = len({p.path for p in problems})
    errors = "erreur" if len(problems) == 1 else "erreurs"
    in_files = "un fichier" if files == 1 else f"{files} fichiers"
    return f"{len(problems)} {errors} dans {in_files}"


def report(problems: Iterable[Problem], fmt: str = "text") -> str:
    """Every problem on its own line, sorted by file and line."""
    ordered = sorted(problems)
    if fmt == "github":
        return "\n".join(p.format_github() for p in ordered)
    return "\n".join(p.format() for p in ordered)


def did_you_mean(value: object, candidates: Iterable[str], key=None) -> str | None:
    """« vouliez-vous dire « x » ? » for the closest candidate, or None."""
    candidates = list(candidates)
    if not isinstance(value, str) or not candidates:
        return None
    normalise = key or (lambda s: s.lower())
    by_key = {normalise(c): c for c in candidates}
    match = difflib.get_close_matches(normalise(value), list(by_key), n=1, cutoff=0.6)
    if not match:
        return None
    return f"vouliez-vous dire « {by_key[match[0]]} » ?"
