"""Case and Method: the content model, defined once.

The models are built from the vocabularies, so that one definition gives the
validation of the build and of ``retex check``, the JSON Schemas published for
editors and re-users, and the field documentation. Validation uses pydantic 2:
a strict, fast (Rust core) and widely used library whose errors carry the exact
location of each problem, which the front-matter line map turns into a line.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PlainSerializer,
    ValidationError,
    ValidationInfo,
    WithJsonSchema,
    create_model,
    field_validator,
)
from pydantic_core import PydanticCustomError

from .problems import did_you_mean
from .safety import check_url
from .slugs import is_slug, slugify
from .vocabulary import Vocabulary

_DATE_RE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


@dataclass(frozen=True, order=True)
class PartialDate:
    """A date known to the year, the month or the day: ``2019``, ``2019-06``, ``2019-06-27``."""

    year: int
    month: int | None = None
    day: int | None = None

    def __str__(self) -> str:
        out = f"{self.year:04d}"
        if self.month:
            out += f"-{self.month:02d}"
        if self.day:
            out += f"-{self.day:02d}"
        return out

    @property
    def sort_key(self) -> tuple[int, int, int]:
        return (self.year, self.month or 0, self.day or 0)

    @property
    def end_key(self) -> tuple[int, int, int]:
        return (self.year, self.month or 12, self.day or 31)

    @property
    def french(self) -> str:
        """« 27 juin 2019 », « juin 2019 », « 2019 »."""
        if self.month is None:
            return str(self.year)
        month = MONTHS[self.month - 1]
        if self.day is None:
            return f"{month} {self.year}"
        day = "1er" if self.day == 1 else str(self.day)
        return f"{day} {month} {self.year}"


MONTHS = (
    "janvier février mars avril mai juin juillet août septembre octobre novembre décembre".split()
)


def parse_partial_date(value: Any) -> PartialDate:
    if isinstance(value, PartialDate):
        return value
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        raise PydanticCustomError(
            "retex", "une date s’écrit AAAA, AAAA-MM ou AAAA-MM-JJ, entre guillemets"
        )
    text = str(value).strip()
    match = _DATE_RE.match(text)
    if not match:
        raise PydanticCustomError(
            "retex",
            "date « {value} » illisible : écrivez AAAA, AAAA-MM ou AAAA-MM-JJ "
            "(par exemple « 2019-06-27 »)",
            {"value": text},
        )
    year, month, day = (int(g) if g else None for g in match.groups())
    if not 1900 <= year <= 2100:
        raise PydanticCustomError("retex", "année « {year} » invraisemblable", {"year": year})
    try:
        dt.date(year, month or 1, day or 1)
    except ValueError:
        raise PydanticCustomError(
            "retex",
            "date impossible : « {value} » n’existe pas dans le calendrier",
            {"value": text},
        ) from None
    return PartialDate(year, month, day)


_DATE_SCHEMA = {
    "type": "string",
    "pattern": r"^\d{4}(-\d{2}(-\d{2})?)?$",
    "description": "AAAA, AAAA-MM ou AAAA-MM-JJ",
}
Date = Annotated[
    PartialDate,
    BeforeValidator(parse_partial_date),
    PlainSerializer(str, return_type=str, when_used="json"),
    WithJsonSchema(_DATE_SCHEMA),
]


def _check_slug(value: str) -> str:
    if not is_slug(value):
        raise PydanticCustomError(
            "retex",
            "« {value} » n’est pas un identifiant de fiche valide (minuscules sans accents, "
            "chiffres et tirets) : vouliez-vous dire « {slug} » ?",
            {"value": value, "slug": slugify(value)},
        )
    return value


Slug = Annotated[
    str,
    AfterValidator(_check_slug),
    WithJsonSchema({"type": "string", "pattern": r"^[a-z0-9]+(-[a-z0-9]+)*$"}),
]


def _check_text(value: str) -> str:
    if not value.strip():
        raise PydanticCustomError("retex", "ne doit pas être vide")
    return value


Text = Annotated[str, AfterValidator(_check_text), Field(min_length=1)]


def _check_web_url(value: str) -> str:
    reason = check_url(value)
    if reason:
        raise PydanticCustomError("retex", reason)
    if not re.match(r"^https?://[^\s/]+\.[^\s]+$", value.strip()):
        raise PydanticCustomError(
            "retex",
            "adresse « {value} » invalide : une source en ligne commence par https:// ou http://",
            {"value": value},
        )
    return value.strip()


WebUrl = Annotated[
    str, AfterValidator(_check_web_url), WithJsonSchema({"type": "string", "format": "uri"})
]


def _unique(values: list) -> list:
    seen = set()
    for index, value in enumerate(values):
        if value in seen:
            raise PydanticCustomError(
                "retex",
                "« {value} » figure deux fois dans la liste (position {index})",
                {"value": str(value), "index": index + 1},
            )
        seen.add(value)
    return values


def _list(item: Any, *, min_length: int = 0, description: str | None = None) -> Any:
    return Annotated[
        list[item], Field(min_length=min_length, description=description), AfterValidator(_unique)
    ]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


SKETCH = "ébauche"  # the one completeness that may list no method
_NO_METHOD_FIX = (
    "donnez l’identifiant d’une fiche de methods/, par exemple [entretien-usager] ; "
    "si la source ne nomme aucune méthode, ajoutez « completeness: ébauche »"
)


class _CaseBase(_Strict):
    # Editors and re-users get the rule below in the JSON Schema too.
    model_config = ConfigDict(
        json_schema_extra={
            "if": {
                "not": {
                    "required": ["completeness"],
                    "properties": {"completeness": {"const": SKETCH}},
                }
            },
            "then": {"properties": {"methods": {"minItems": 1}}},
        }
    )


def _methods_unless_sketch(cls, value, info: ValidationInfo):
    """A case names its methods; only an *ébauche* whose source names none may list none.

    Checked on ``completeness`` (validated after ``methods``), reported on ``methods``."""
    methods = info.data.get("methods")
    if methods is not None and not methods and value != SKETCH:
        raise PydanticCustomError(
            "retex",
            "aucune méthode indiquée : une liste vide n’est admise que pour une ébauche "
            "(completeness: ébauche) dont la source ne nomme aucune méthode",
            {"loc": ("methods",), "fix": _NO_METHOD_FIX},
        )
    return value


class Source(_Strict):
    title: Text = Field(description="Titre ou description de la source")
    url: WebUrl | None = Field(default=None, description="Adresse web de la source, si elle existe")


class Testimonial(_Strict):
    quote: Text = Field(description="Citation courte, avec l’accord de son auteur")
    author: Text = Field(description="Nom de l’auteur")
    role: str | None = Field(default=None, description="Fonction de l’auteur")


class FollowUp(_Strict):
    date: Date | None = Field(default=None, description="Date de la suite donnée")
    text: Text = Field(description="Ce qu’est devenue l’expérience")


class Range(_Strict):
    min: int = Field(ge=1, description="Minimum")
    max: int = Field(ge=1, description="Maximum")

    @field_validator("max")
    @classmethod
    def _ordered(cls, value: int, info: ValidationInfo) -> int:
        low = info.data.get("min")
        if low is not None and value < low:
            raise PydanticCustomError(
                "retex",
                "max ({max}) doit être supérieur ou égal à min ({min})",
                {"max": value, "min": low},
            )
        return value


class Duration(Range):
    label: str | None = Field(
        default=None, description="Durée en toutes lettres, par exemple « une demi-journée »"
    )


@dataclass(frozen=True)
class Schema:
    """The two models of a vocabulary, and the vocabulary each field draws from."""

    vocabulary: Vocabulary
    case: type[BaseModel]
    method: type[BaseModel]

    def model(self, kind: str) -> type[BaseModel]:
        return self.case if kind == "case" else self.method

    def json_schema(self, kind: str) -> dict:
        schema = self.model(kind).model_json_schema(mode="validation")
        schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
        schema["title"] = "Cas Retex" if kind == "case" else "Fiche méthode Retex"
        return schema


def _vocab_type(vocabulary: Vocabulary, kind: str) -> Any:
    labels = vocabulary.labels(kind)

    def canonical(value: Any) -> Any:
        if isinstance(value, str):
            term = vocabulary.lookup(kind, value)
            if term:
                return term.label
        return value

    def check(value: str) -> str:
        if vocabulary.lookup(kind, value) is None:
            suggestion = vocabulary.suggest(kind, value)
            hint = f" — {suggestion}" if suggestion else ""
            raise PydanticCustomError(
                "vocabulary",
                "valeur inconnue « {value} »{hint}",
                {"value": value, "hint": hint, "kind": kind},
            )
        return value

    return Annotated[
        str,
        BeforeValidator(canonical),
        AfterValidator(check),
        WithJsonSchema({"type": "string", "enum": labels}),
    ]


@lru_cache(maxsize=8)
def build_schema(vocabulary: Vocabulary) -> Schema:
    """Case and Method models whose vocabulary fields accept only ``vocabulary.yml`` terms."""
    V = lambda kind: _vocab_type(vocabulary, kind)  # noqa: E731

    Territory = create_model(
        "Territory",
        __base__=_Strict,
        name=(Text, Field(description="Nom du territoire ou de l’administration")),
        level=(V("territory_levels"), Field(description="Niveau de territoire")),
        region=(
            V("regions") | None,
            Field(default=None, description="Région ; omise pour un cas national"),
        ),
    )
    common = dict(
        title=(Annotated[Text, Field(max_length=140)], Field(description="Titre de la fiche")),
        summary=(
            Annotated[Text, Field(max_length=400)],
            Field(description="Résumé en une ou deux phrases (cartes, recherche, aperçus de lien)"),
        ),
        sources=(_list(Source), Field(default=(), description="Sources de la fiche")),
        completeness=(
            V("completeness") | None,
            Field(default=None, description="Niveau de complétude de la fiche"),
        ),
        license=(
            Text | None,
            Field(default=None, description="Licence, si elle diffère de la Licence Ouverte 2.0"),
        ),
        aliases=(
            _list(Slug),
            Field(default=(), description="Anciens identifiants de la fiche (redirections)"),
        ),
        draft=(bool, Field(default=False, description="Brouillon : vérifié mais non publié")),
    )

    def _end_after_start(cls, value, info: ValidationInfo):
        start = info.data.get("date")
        if value is not None and start is not None and value.end_key < start.sort_key:
            raise PydanticCustomError(
                "retex",
                "la date de fin ({end}) précède la date de début ({start})",
                {"end": str(value), "start": str(start)},
            )
        return value

    case = create_model(
        "Case",
        __base__=_CaseBase,
        __validators__={
            "_end_after_start": field_validator("end_date")(classmethod(_end_after_start)),
            "_methods_unless_sketch": field_validator("completeness")(
                classmethod(_methods_unless_sketch)
            ),
        },
        title=common["title"],
        summary=common["summary"],
        territory=(Territory, Field(description="Territoire : name, level et region")),
        format=(V("formats"), Field(description="Format de l’expérience")),
        themes=(_list(V("themes"), min_length=1), Field(description="Thèmes (au moins un)")),
        methods=(
            _list(Slug),
            Field(
                description="Méthodes employées : identifiants de fiches méthodes ; liste vide "
                "([]) admise seulement pour une ébauche dont la source n’en nomme aucune"
            ),
        ),
        date=(Date | None, Field(default=None, description="Date de l’expérience")),
        end_date=(Date | None, Field(default=None, description="Date de fin, si elle a duré")),
        audience=(_list(V("audiences")), Field(default=(), description="Publics concernés")),
        actors=(_list(Text), Field(default=(), description="Organisations impliquées")),
        facilitators=(_list(Text), Field(default=(), description="Animateurs ou facilitateurs")),
        outcomes=(
            _list(Text),
            Field(default=(), description="Résultats : ce qui s’est passé, selon la source"),
        ),
        lessons=(
            _list(Text),
            Field(
                default=(),
                description="Enseignements : ce que l’expérience apprend, selon la source "
                "(un objectif, une question ou une recommandation n’en est pas un)",
            ),
        ),
        challenges=(
            _list(Text),
            Field(
                default=(),
                description="Difficultés effectivement rencontrées (pas les problèmes que "
                "l’expérience avait pour sujet)",
            ),
        ),
        success_conditions=(
            _list(Text),
            Field(
                default=(),
                description="Conditions de réussite que donne la source, en disant de qui "
                "elles viennent",
            ),
        ),
        follow_up=(FollowUp | None, Field(default=None, description="Suites données")),
        testimonial=(Testimonial | None, Field(default=None, description="Témoignage")),
        sources=common["sources"],
        completeness=(
            V("completeness") | None,
            Field(
                default=None,
                validate_default=True,
                description="Niveau de complétude de la fiche (ébauche : seulement les faits "
                "connus de la source)",
            ),
        ),
        license=common["license"],
        aliases=common["aliases"],
        draft=common["draft"],
    )
    method = create_model(
        "Method",
        __base__=_Strict,
        title=common["title"],
        summary=common["summary"],
        phase=(_list(V("phases"), min_length=1), Field(description="Étapes de la démarche")),
        duration=(Duration, Field(description="Durée en minutes : min, max et label facultatif")),
        participants=(Range, Field(description="Nombre de participants : min et max")),
        difficulty=(V("difficulties"), Field(description="Difficulté d’animation")),
        why=(Text | None, Field(default=None, description="Quand et pourquoi l’utiliser")),
        modality=(_list(V("modalities")), Field(default=(), description="Modalités possibles")),
        materials=(_list(Text), Field(default=(), description="Matériel à prévoir")),
        cautions=(_list(Text), Field(default=(), description="Points de vigilance")),
        related=(_list(Slug), Field(default=(), description="Méthodes liées (identifiants)")),
        sources=common["sources"],
        completeness=common["completeness"],
        license=common["license"],
        aliases=common["aliases"],
        draft=common["draft"],
    )
    return Schema(vocabulary, case, method)


# --- Errors in French --------------------------------------------------------

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


def inner_model(annotation: Any) -> Any:
    """The model a field holds, directly, in a list or as an optional value; or None."""
    from typing import get_args

    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in get_args(annotation):
        found = inner_model(arg)
        if found is not None:
            return found
    return None


def validate(model: type[BaseModel], data: dict) -> tuple[BaseModel | None, list[dict]]:
    try:
        return model.model_validate(data), []
    except ValidationError as exc:
        return None, exc.errors(include_url=False)


# --- Field documentation -------------------------------------------------------------


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


def field_docs(schema: Schema, kind: str) -> list[FieldDoc]:
    """Every field of a case or a method, nested ones dotted, in schema order."""
    return _field_docs(schema.json_schema(kind))


@lru_cache(maxsize=16)
def _enum_values(model: type[BaseModel]) -> dict[str, tuple[str, ...]]:
    """Allowed values of each vocabulary field of a model, by dotted name."""
    return {d.name: d.values for d in _field_docs(model.model_json_schema()) if d.values}


def _field_docs(root: dict) -> list[FieldDoc]:
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
