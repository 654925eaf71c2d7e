"""The vocabularies of ``vocabulary.yml``, loaded once and shared by every stage."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from .characters import character_message, forbidden_characters
from .frontmatter import format_loc
from .messages import translate
from .problems import ContentError, Problem, did_you_mean
from .slugs import fold, slugify

# The vocabularies, in the order the documentation presents them, with their French names.
VOCABULARIES = {
    "themes": "thèmes",
    "territory_levels": "niveaux de territoire",
    "regions": "régions",
    "formats": "formats",
    "audiences": "publics",
    "phases": "phases",
    "difficulties": "niveaux de difficulté",
    "modalities": "modalités",
    "completeness": "niveaux de complétude",
}
BUCKETS = {
    "duration_buckets": "tranches de durée",
    "participants_buckets": "tranches de taille de groupe",
}


@dataclass(frozen=True)
class Term:
    label: str
    slug: str
    description: str = ""


@dataclass(frozen=True)
class Bucket:
    label: str
    slug: str
    min: int
    max: int | None

    def overlaps(self, low: int, high: int) -> bool:
        """A range belongs to every bucket it overlaps (bounds included)."""
        return high >= self.min and (self.max is None or low <= self.max)


class _TermIn(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)
    label: str = Field(min_length=1)
    description: str = ""


class _BucketIn(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)
    label: str = Field(min_length=1)
    min: int = Field(ge=0)
    max: int | None = None

    @model_validator(mode="after")
    def _ordered(self):
        if self.max is not None and self.max < self.min:
            raise ValueError("max doit être supérieur ou égal à min")
        return self


class _VocabularyIn(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)
    themes: list[_TermIn] = Field(min_length=1)
    territory_levels: list[_TermIn] = Field(min_length=1)
    regions: list[_TermIn] = Field(min_length=1)
    formats: list[_TermIn] = Field(min_length=1)
    audiences: list[_TermIn] = Field(min_length=1)
    phases: list[_TermIn] = Field(min_length=1)
    difficulties: list[_TermIn] = Field(min_length=1)
    modalities: list[_TermIn] = Field(min_length=1)
    completeness: list[_TermIn] = Field(min_length=1)
    duration_buckets: list[_BucketIn] = Field(min_length=1)
    participants_buckets: list[_BucketIn] = Field(min_length=1)


class Vocabulary:
    """Every vocabulary, with lookups tolerant of case and apostrophe style."""

    def __init__(self, terms: dict[str, tuple[Term, ...]], buckets: dict[str, tuple[Bucket, ...]]):
        self.terms = terms
        self.buckets = buckets
        self._by_fold = {kind: {fold(t.label): t for t in values} for kind, values in terms.items()}
        self._by_slug = {kind: {t.slug: t for t in values} for kind, values in terms.items()}

    def labels(self, kind: str) -> list[str]:
        return [t.label for t in self.terms[kind]]

    def lookup(self, kind: str, value: str) -> Term | None:
        return self._by_fold[kind].get(fold(value))

    def by_slug(self, kind: str, slug: str) -> Term | None:
        return self._by_slug[kind].get(slug)

    def slug(self, kind: str, label: str) -> str:
        term = self.lookup(kind, label)
        return term.slug if term else slugify(label)

    def suggest(self, kind: str, value: object) -> str | None:
        return did_you_mean(value, self.labels(kind), key=fold)

    def buckets_for(self, kind: str, low: int, high: int) -> list[Bucket]:
        return [b for b in self.buckets[kind] if b.overlaps(low, high)]


def load_vocabulary(path: Path, display_path: str = "vocabulary.yml") -> Vocabulary:
    """Load and check ``vocabulary.yml``; raise ContentError listing every problem."""
    try:
        raw = yaml.load(path.read_text(encoding="utf-8-sig"), Loader=yaml.CSafeLoader)
    except FileNotFoundError:
        raise ContentError([Problem(display_path, 1, "fichier", "fichier introuvable")]) from None
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        line = getattr(getattr(exc, "problem_mark", None), "line", 0) + 1
        raise ContentError(
            [Problem(display_path, line, "fichier", f"YAML illisible : {exc}")]
        ) from None
    bad = [(loc, c) for loc, text in _strings(raw, ()) for _, c in forbidden_characters(text)]
    if bad:
        raise ContentError(
            Problem(display_path, 1, format_loc(loc) or "fichier", *character_message(char))
            for loc, char in bad[:20]
        )
    try:
        parsed = _VocabularyIn.model_validate(raw)
    except ValidationError as exc:
        raise ContentError(
            Problem(
                display_path, 1, format_loc(err["loc"]) or "fichier", *translate(err, _VocabularyIn)
            )
            for err in exc.errors()
        ) from None

    problems = []
    terms: dict[str, tuple[Term, ...]] = {}
    for kind in VOCABULARIES:
        values = tuple(
            Term(t.label, slugify(t.label), t.description) for t in getattr(parsed, kind)
        )
        seen: dict[str, str] = {}
        for term in values:
            for key in {fold(term.label), term.slug}:
                if key in seen:
                    problems.append(
                        Problem(
                            display_path,
                            1,
                            kind,
                            f"« {term.label} » se confond avec « {seen[key]} » "
                            "(même libellé ou même adresse)",
                        )
                    )
                seen[key] = term.label
        terms[kind] = values
    buckets = {
        kind: tuple(Bucket(b.label, slugify(b.label), b.min, b.max) for b in getattr(parsed, kind))
        for kind in BUCKETS
    }
    if problems:
        raise ContentError(problems)
    return Vocabulary(terms, buckets)


def _strings(value, loc: tuple):
    if isinstance(value, str):
        yield loc, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, (*loc, str(key)))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _strings(item, (*loc, index))
