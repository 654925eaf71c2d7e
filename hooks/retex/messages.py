"""Validation errors in French: pydantic's errors as a message and a suggested fix.

Shared by the content model (``schema.py``), the vocabularies (``vocabulary.py``) and
the list of retired pages, so that every file a contributor writes is answered alike.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from pydantic import BaseModel, ValidationError

from .fields import describe, inner_model
from .problems import did_you_mean

_TYPE_NAMES = {
    "string_type": "un texte",
    "int_type": "un nombre entier",
    "int_parsing": "un nombre entier",
    "int_from_float": "un nombre entier",
    "bool_type": "true ou false",
    "bool_parsing": "true ou false",
    "list_type": "une liste",
    "dict_type": "un groupe de champs",
    "model_type": "un groupe de champs",
    "model_attributes_type": "un groupe de champs",
}


def translate(error: dict, model: type[BaseModel], value_at: Any = None) -> tuple[str, str | None]:
    """A pydantic error as a French message and a suggested fix."""
    kind = error["type"]
    loc = error["loc"]
    ctx = error.get("ctx") or {}
    if kind in ("retex", "vocabulary"):
        return error["msg"], ctx.get("fix")
    if kind == "missing":
        name = loc[-1]
        return "champ obligatoire manquant", f"ajoutez une ligne « {name}: … »"
    if kind == "extra_forbidden":
        allowed = _allowed_keys(model, loc[:-1])
        suggestion = did_you_mean(str(loc[-1]), allowed)
        message = "champ inconnu"
        if suggestion:
            return message, suggestion
        return message, "champs admis ici : " + ", ".join(allowed)
    if kind in _TYPE_NAMES and error.get("input") is None:
        values = _enum_values(model).get(".".join(str(p) for p in loc if not isinstance(p, int)))
        return "champ à compléter", ("valeurs possibles : " + ", ".join(values)) if values else None
    if kind in _TYPE_NAMES:
        expected = _TYPE_NAMES[kind]
        fix = None
        if kind == "string_type":
            fix = "mettez la valeur entre guillemets"
        elif kind == "list_type":
            fix = (
                "écrivez par exemple « [valeur 1, valeur 2] » "
                "ou une valeur par ligne précédée de « - »"
            )
        elif kind in ("dict_type", "model_type"):
            fix = "écrivez les sous-champs en retrait sur les lignes suivantes"
        return f"doit être {expected}", fix
    if kind == "too_short":
        values = _enum_values(model).get(".".join(str(p) for p in loc if not isinstance(p, int)))
        if values:
            return "au moins une valeur est requise", "valeurs possibles : " + ", ".join(values)
        return "au moins une valeur est requise", None
    if kind == "string_too_short":
        return "ne doit pas être vide", None
    # A text's max_length applied after its validator is reported as "too_long".
    if kind == "string_too_long" or (kind == "too_long" and isinstance(error.get("input"), str)):
        return f"trop long : {ctx.get('max_length')} caractères au plus", "raccourcissez ce texte"
    if kind == "greater_than_equal":
        return f"doit être supérieur ou égal à {ctx.get('ge')}", None
    if kind == "value_error":
        return str(ctx.get("error", error["msg"])), None
    return error["msg"], None


def error_loc(error: dict) -> tuple:
    """Where an error belongs: a check made on one field may point at another."""
    ctx = error.get("ctx") or {}
    return tuple(ctx.get("loc") or error["loc"])


def _allowed_keys(model: type[BaseModel], loc: tuple) -> list[str]:
    current: Any = model
    for part in loc:
        if isinstance(part, int):
            continue
        field = getattr(current, "model_fields", {}).get(part)
        if field is None:
            return []
        current = inner_model(field.annotation)
    return list(getattr(current, "model_fields", {}))


def validate(model: type[BaseModel], data: dict) -> tuple[BaseModel | None, list[dict]]:
    try:
        return model.model_validate(data), []
    except ValidationError as exc:
        return None, exc.errors(include_url=False)




@lru_cache(maxsize=16)
def _enum_values(model: type[BaseModel]) -> dict[str, tuple[str, ...]]:
    """Allowed values of each vocabulary field of a model, by dotted name."""
    return {d.name: d.values for d in describe(model.model_json_schema()) if d.values}
