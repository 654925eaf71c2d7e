"""Contributor templates and ``retex new``: a new file from the one schema.

The templates ``cases/_modele.md`` and ``methods/_modele.md`` are generated here from
the schema and ``vocabulary.yml`` (``retex modeles`` rewrites them; a test checks they
are current), so that the fields, their French descriptions and their allowed values
are never copied by hand.
"""

from __future__ import annotations

import json
from pathlib import Path

from .fields import FieldDoc
from .kinds import CASE, KINDS, METHOD, Kind
from .schema import Schema, field_docs
from .slugs import slugify
from .writing import read_regular, replace_file

TEMPLATE_NAME = "_modele.md"

# An example for the fields whose format a newcomer cannot guess.
EXAMPLES = {
    "date": '"2019-06-27"',
    "end_date": '"2019-06-28"',
    "follow_up.date": '"2020-03"',
    "sources.url": "https://www.exemple.fr/article",
    "aliases": "[ancien-identifiant]",
    "methods": "[entretien-usager, debat-mouvant]",
    "related": "[tour-de-table]",
    "license": "CC BY 4.0",
    "draft": "true",
}

BODIES = {
    CASE: """
## Contexte

<!-- Où, quand, pourquoi : la situation de départ et ce qui a motivé la démarche. -->

## Démarche

<!-- Comment vous vous y êtes pris, étape par étape. Liez les méthodes employées à leur
fiche, par exemple : [débat mouvant](../methods/debat-mouvant.md). -->

## Résultats

<!-- Ce qui en est sorti, selon vos sources. Les enseignements, difficultés et conditions
de réussite se remplissent dans l’en-tête (lessons, challenges, success_conditions). -->
""",
    METHOD: """
## Objectif

<!-- À quoi sert la méthode, en deux ou trois phrases. -->

## Déroulé

<!-- Les étapes, numérotées : elles forment le pas-à-pas de la fiche imprimée. -->

1. Première étape.
2. Deuxième étape.

## Conseils

<!-- Ce qui aide l’animateur, un conseil par ligne commençant par « - ». -->

- Un conseil.

## Pièges à éviter

<!-- Les erreurs courantes, une par ligne commençant par « - ». -->

- Un piège.
""",
}


def _need(doc: FieldDoc) -> str:
    if doc.required:
        return "obligatoire"
    return "obligatoire dans ce groupe" if doc.required_in_group else "facultatif"


def _comment(doc: FieldDoc, indent: str) -> list[str]:
    """The field's description, wrapped, never splitting a value to copy."""
    words = f"{doc.description} ({_need(doc)}, {doc.type}).".split()
    if doc.values:
        words += ["Valeurs :"] + [f"{v}," for v in doc.values[:-1]] + [f"{doc.values[-1]}."]
    lines, current = [], ""
    for word in words:
        if current and len(current) + len(word) + 1 > 88 - len(indent):
            lines.append(current)
            current = word
        else:
            current = f"{current} {word}" if current else word
    lines.append(current)
    return [f"{indent}# {line}" for line in lines]


def _placeholder(doc: FieldDoc, title: str | None, filled: bool) -> str:
    """What follows « key: »: empty for a required field to fill, an example otherwise."""
    if doc.name == "title" and title:
        return " " + json.dumps(title, ensure_ascii=False)
    if doc.type.startswith("liste") and "groupe" not in doc.type:
        return " " + EXAMPLES.get(doc.name, "[]") if filled else " []"
    if filled:
        return " " + EXAMPLES.get(doc.name, "…")
    return ""


def template_text(schema: Schema, kind: Kind, title: str | None = None) -> str:
    """The front matter of a new file: every field with a French comment; the required
    ones are left empty to fill, the optional ones commented out with an example."""
    docs = [d for d in field_docs(schema, kind) if d.name != "draft"]
    children: dict[str, list[FieldDoc]] = {}
    for doc in docs:
        parent = doc.name.rpartition(".")[0]
        if parent:
            children.setdefault(parent, []).append(doc)
    out = ["---"]
    for doc in docs:
        if "." in doc.name:
            continue
        out += _comment(doc, "")
        block: list[tuple[str, bool]] = []  # (line, optional on its own)
        subs = children.get(doc.name, [])
        if doc.type == "groupe de champs":
            block.append((f"{doc.name}:", False))
            for child in subs:
                leaf = child.name.rpartition(".")[2]
                block += [(line, False) for line in _comment(child, "  ")]
                optional = not (child.required or child.required_in_group)
                block.append((f"  {leaf}:{_placeholder(child, title, optional)}", optional))
        elif subs:  # a list of groups, such as sources
            block.append((f"{doc.name}:", False))
            for index, child in enumerate(subs):
                leaf = child.name.rpartition(".")[2]
                block += [(line, False) for line in _comment(child, "    ")]
                lead = "  - " if index == 0 else "    "
                block.append((f"{lead}{leaf}:{_placeholder(child, title, True)}", False))
        else:
            block.append((f"{doc.name}:{_placeholder(doc, title, not doc.required)}", False))
        for line, optional in block:
            commented = not doc.required or optional
            if commented and not line.lstrip().startswith("#"):
                width = len(line) - len(line.lstrip())
                line = line[:width] + "# " + line[width:] if doc.required else "# " + line
            out.append(line)
    out.append("---")
    return "\n".join(out) + "\n" + BODIES[kind]


def write_templates(root: Path, schema: Schema) -> list[Path]:
    """(Re)write ``cases/_modele.md`` and ``methods/_modele.md``, never through a link
    (``writing.UnsafePath``: nothing is written)."""
    planned = []
    for kind in KINDS:
        relpath = f"{kind.folder}/{TEMPLATE_NAME}"
        text = template_text(schema, kind).encode("utf-8")
        if read_regular(root, relpath) != text:
            planned.append((relpath, text))
    for relpath, text in planned:
        replace_file(root, relpath, text)
    return [root / relpath for relpath, _ in planned]


def new_entry_path(root: Path, kind: Kind, title: str) -> tuple[Path, str]:
    slug = slugify(title)
    return root / kind.source(slug), slug


def required_fields(schema: Schema, kind: Kind) -> list[str]:
    """The fields a new file must fill in, besides its title (already written)."""
    return [
        doc.name
        for doc in field_docs(schema, kind)
        if doc.required and "." not in doc.name and doc.name != "title"
    ]
