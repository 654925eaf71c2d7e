"""Small content files to break on purpose, and a tiny project to validate them in.

The validation tests run the same code path as the build and ``retex check``
(``check_content``) on a folder holding the real ``vocabulary.yml`` and a few files,
without building any HTML.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from retex.problems import Problem
from retex.site import Site, check_content
from support import write_file

ROOT = Path(__file__).resolve().parent.parent

# The first bytes of a 1×1 PNG image: what the passive-file check reads.
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00\x00"

# A valid case: every required field, and a few optional ones.
CASE = """\
---
title: Un atelier d’accueil à la mairie de Pau
summary: La mairie a revu l’accueil de ses usagers avec ses agents d’accueil.
territory:
  name: Ville de Pau
  level: commune
  region: Nouvelle-Aquitaine
format: atelier
themes: [Relation aux usagers]
methods: [entretien-usager]
date: "2019-06-27"
---

## Contexte

Les agents d’accueil ont observé les files d’attente.

## Démarche

Ils ont mené des [entretiens](../methods/entretien-usager.md) avec des usagers.
"""

# A valid method sheet.
METHOD = """\
---
title: Entretien usager
summary: Écouter un usager raconter son expérience d’un service.
phase: [comprendre]
duration:
  min: 45
  max: 90
participants:
  min: 1
  max: 2
difficulty: facile
---

## Objectif

Comprendre ce que vit l’usager.

## Déroulé

1. Préparer une grille d’entretien.
2. Écouter.
"""


def method(title: str, **fields: str) -> str:
    """A valid method sheet with another title and extra front-matter lines."""
    text = METHOD.replace("title: Entretien usager", f"title: {title}")
    extra = "".join(f"{key}: {value}\n" for key, value in fields.items())
    return text.replace("difficulty: facile\n", "difficulty: facile\n" + extra)


def case(**fields: str) -> str:
    """A valid case with extra front-matter lines (added after ``format``)."""
    extra = "".join(f"{key}: {value}\n" for key, value in fields.items())
    return CASE.replace("format: atelier\n", "format: atelier\n" + extra)


def line_of(text: str, needle: str, nth: int = 1) -> int:
    """The 1-based line of the ``nth`` line of ``text`` containing ``needle``."""
    found = [n for n, line in enumerate(text.split("\n"), 1) if needle in line]
    assert len(found) >= nth, f"{needle!r} not found {nth} time(s)"
    return found[nth - 1]


_ENGLISH = re.compile(
    r"\b(while|found|expected|could not|cannot|not allowed|field required|"
    r"input should|value error|invalid|missing|unknown)\b",
    re.I,
)
_FRENCH = re.compile(
    r"[àâçéèêëîïôûùœ’«]|\b(le|la|les|un|une|des|du|est|doit|champ|valeur|fichier)\b"
)


def assert_french(problem: Problem) -> None:
    """A contributor reads the message and the fix in French, never the library's English."""
    text = problem.text()
    assert not _ENGLISH.search(text), f"message not in French: {text}"
    assert _FRENCH.search(text), f"message not in French: {text}"


class Content:
    """A folder with the real vocabulary and some content files."""

    def __init__(self, root: Path):
        self.root = root
        shutil.copy(ROOT / "vocabulary.yml", root / "vocabulary.yml")
        (root / "maps").mkdir()  # the shapes of the map, drawn from vocabulary.yml's regions
        shutil.copy(ROOT / "maps" / "regions.json", root / "maps" / "regions.json")
        (root / "cases").mkdir()
        (root / "methods").mkdir()

    def write(self, relpath: str, text: str | bytes) -> Path:
        return write_file(self.root, relpath, text)

    def valid(self) -> Content:
        """One valid case and the method it names."""
        self.write("cases/pau-accueil.md", CASE)
        self.write("methods/entretien-usager.md", METHOD)
        return self

    def check(self) -> list[Problem]:
        """Every problem, sorted as ``retex check`` and the build print them."""
        return sorted(check_content(self.root)[1])

    def site(self) -> Site:
        site, problems = check_content(self.root)
        assert not problems, "\n".join(p.format() for p in problems)
        return site

    def only(self, path: str | None = None) -> Problem:
        """The one problem found (in ``path``, when given)."""
        problems = [p for p in self.check() if path is None or p.path == path]
        assert len(problems) == 1, "\n".join(p.format() for p in problems) or "no problem"
        return problems[0]
