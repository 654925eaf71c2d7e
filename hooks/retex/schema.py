"""Case and Method: the content model, defined once.

The models are built from the vocabularies, so that one definition gives the
validation of the build and of ``retex check``, the JSON Schemas published for
editors and re-users, and the field documentation (``fields.py``). Validation uses
pydantic 2: a strict, fast (Rust core) and widely used library whose errors carry the
exact location of each problem, which the front-matter line map turns into a line;
``messages.py`` says them in French.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PlainSerializer,
    ValidationInfo,
    WithJsonSchema,
    create_model,
    field_validator,
)
from pydantic_core import PydanticCustomError

from .fields import FieldDoc, describe
from .kinds import CASE, METHOD, Kind
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


# The fields whose text is Markdown, rendered on the page (each item on its own); every
# other text field is shown as plain text. Dotted names, list items left out.
MARKDOWN_FIELDS: dict[Kind, frozenset[str]] = {
    CASE: frozenset(
        {"lessons", "challenges", "success_conditions", "testimonial.quote", "follow_up.text"}
    ),
    METHOD: frozenset({"why", "cautions"}),
}


def dotted(loc: tuple) -> str:
    """("lessons", 0) -> ``lessons``; ("testimonial", "quote") -> ``testimonial.quote``."""
    return ".".join(str(part) for part in loc if not isinstance(part, int))


@dataclass(frozen=True)
class Schema:
    """The two models of a vocabulary, and the vocabulary each field draws from."""

    vocabulary: Vocabulary
    case: type[BaseModel]
    method: type[BaseModel]

    def model(self, kind: Kind) -> type[BaseModel]:
        return {CASE: self.case, METHOD: self.method}[kind]

    def json_schema(self, kind: Kind) -> dict:
        schema = self.model(kind).model_json_schema(mode="validation")
        schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
        schema["title"] = kind.schema_title
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


def field_docs(schema: Schema, kind: Kind) -> list[FieldDoc]:
    """Every field of a case or a method, nested ones dotted, in schema order."""
    return describe(schema.json_schema(kind))
