"""Fields as people read them: every field of a model's JSON Schema, with its French type
name, its description and its allowed values.

Generated from the JSON Schema, never written by hand: the contributor templates
(``scaffold.py``), the « Données ouvertes » page and the French error messages
(``messages.py``: the values a vocabulary field accepts) read the same list.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, get_args

from pydantic import BaseModel


@dataclass(frozen=True)
class FieldDoc:
    """One field as contributors and re-users read it: generated from the JSON Schema."""

    name: str  # "territory.level"
    required: bool  # always required
    type: str  # « texte », « liste de valeurs »…
    description: str
    values: tuple[str, ...] = ()
    required_in_group: bool = False  # required whenever its (optional) group is given


def _type_label(prop: dict, defs: dict) -> tuple[str, tuple[str, ...], dict | None]:
    """French type name, allowed values, and the nested object schema if any."""
    if "anyOf" in prop:
        options = [p for p in prop["anyOf"] if p.get("type") != "null"]
        return _type_label({**options[0], **{k: v for k, v in prop.items() if k != "anyOf"}}, defs)
    if "$ref" in prop:
        return "groupe de champs", (), defs[prop["$ref"].rsplit("/", 1)[-1]]
    kind = prop.get("type")
    if "enum" in prop:
        return "valeur du vocabulaire", tuple(prop["enum"]), None
    if kind == "array":
        label, values, nested = _type_label(prop.get("items", {}), defs)
        plural = {
            "texte": "liste de textes",
            "valeur du vocabulaire": "liste de valeurs du vocabulaire",
            "groupe de champs": "liste de groupes de champs",
            "identifiant": "liste d’identifiants",
        }.get(label, f"liste ({label})")
        return plural, values, nested
    if kind == "string" and prop.get("pattern", "").startswith("^\\d{4}"):
        return "date (AAAA, AAAA-MM ou AAAA-MM-JJ)", (), None
    if kind == "string" and prop.get("pattern", "").startswith("^[a-z0-9]"):
        return "identifiant", (), None
    if kind == "string" and prop.get("format") == "uri":
        return "adresse web", (), None
    return (
        {"string": "texte", "integer": "nombre entier", "boolean": "true ou false"}.get(
            kind, str(kind)
        ),
        (),
        None,
    )


def describe(root: dict) -> list[FieldDoc]:
    """Every field of a JSON Schema, nested ones dotted, in schema order."""
    defs = root.get("$defs", {})
    docs: list[FieldDoc] = []

    def walk(obj: dict, prefix: str, parent_required: bool) -> None:
        required = set(obj.get("required", []))
        for name, prop in obj.get("properties", {}).items():
            label, values, nested = _type_label(prop, defs)
            full = prefix + name
            is_required = parent_required and name in required
            in_group = bool(prefix) and not parent_required and name in required
            docs.append(
                FieldDoc(full, is_required, label, prop.get("description", ""), values, in_group)
            )
            if nested is not None:
                walk(nested, full + ".", is_required)

    walk(root, "", True)
    return docs


def inner_model(annotation: Any) -> Any:
    """The model a field holds, directly, in a list or as an optional value; or None."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in get_args(annotation):
        found = inner_model(arg)
        if found is not None:
            return found
    return None
