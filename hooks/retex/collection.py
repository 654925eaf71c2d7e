"""Load and validate the content of ``cases/`` and ``methods/``, links included.

Every problem of every file is collected; nothing here stops at the first error.
"""

from __future__ import annotations

import os
import posixpath
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from . import messages
from .characters import character_message, forbidden_characters
from .frontmatter import Document, format_loc, read_document
from .kinds import BY_FOLDER, CASE, KINDS, METHOD, Kind, kind_of
from .problems import BODY, FILE, Problem, did_you_mean
from .safety import check_markdown
from .schema import MARKDOWN_FIELDS, Schema, dotted
from .slugs import is_slug, slugify


@dataclass
class Entry:
    """One validated case or method."""

    kind: Kind
    slug: str
    path: str  # "cases/x.md", relative to the project root, "/"-separated
    data: Any  # the validated Case or Method model
    body_text: str | None  # None: read from ``source`` when first needed
    body_line: int
    raw: dict = field(default_factory=dict, repr=False)  # the front matter as written
    lines: dict = field(default_factory=dict, repr=False)
    # Relative links written in the body and fields: (line, field, target).
    links: list = field(default_factory=list, repr=False)
    source: Path | None = field(default=None, repr=False)

    @property
    def body(self) -> str:
        """The Markdown after the front matter (read lazily for cached files)."""
        if self.body_text is None:
            text = self.source.read_bytes().decode("utf-8-sig")
            lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
            self.body_text = "\n".join(lines[self.body_line - 1 :])
        return self.body_text

    @property
    def url(self) -> str:
        """Site-relative URL: ``cas/x/``."""
        return self.kind.url(self.slug)

    @property
    def draft(self) -> bool:
        return bool(self.data.draft)

    @property
    def title(self) -> str:
        return self.data.title

    def line_of(self, loc: tuple) -> int:
        return Document(self.path, {}, "", 0, self.lines).line_of(loc)


@dataclass
class Collection:
    """Every entry that passed validation, drafts included."""

    entries: dict[Kind, dict[str, Entry]]  # kind -> slug -> entry
    present: frozenset[str] = frozenset()  # every content file found, valid or not
    # Files that failed validation: never published, but their references and links are
    # still checked, so that every error of a file is reported in one run.
    rejected: list[Entry] = field(default_factory=list)

    def checked(self, kind: Kind) -> list[Entry]:
        return [*self.entries[kind].values(), *(e for e in self.rejected if e.kind == kind)]

    def all(self, kind: Kind, *, drafts: bool = False) -> list[Entry]:
        return [e for e in self.entries[kind].values() if drafts or not e.draft]

    @property
    def cases(self) -> list[Entry]:
        return self.all(CASE)

    @property
    def methods(self) -> list[Entry]:
        return self.all(METHOD)

    def get(self, kind: Kind, slug: str) -> Entry | None:
        return self.entries[kind].get(slug)

    def by_path(self, path: str) -> Entry | None:
        kind, name = kind_of(path), path.partition("/")[2]
        if kind is None or not name.endswith(".md"):
            return None
        return self.entries[kind].get(name[:-3])


def source_files(root: Path) -> list[str]:
    """Every content file (templates starting with ``_`` excluded), as root-relative paths."""
    found = []
    for folder in BY_FOLDER:
        try:
            with os.scandir(root / folder) as items:
                names = sorted(
                    item.name
                    for item in items
                    if item.name.lower().endswith(".md")
                    and not item.name.startswith("_")
                    and item.is_file(follow_symlinks=False)  # a link is refused (files.py)
                )
        except (FileNotFoundError, NotADirectoryError):
            continue
        found += [f"{folder}/{name}" for name in names]
    return found


# The fields the checks between files read (the method sheets each kind names, aliases).
_CROSS_CHECKED = (*(kind.references for kind in KINDS), "aliases")


@dataclass
class FileResult:
    """What one file says on its own: its front matter, links and own problems.

    Built from the file alone, so that it can be cached by file size and date (see
    ``cache.py``); the checks between files run on these results every time."""

    path: str
    problems: list[Problem]
    data: dict | None  # the front matter as written, or None when it could not be read
    lines: dict
    body: str | None  # not kept in the cache: read again from the file when needed
    body_line: int
    links: list[tuple[int, str, str]]  # (line, field, target) of each link

    def to_tuple(self) -> tuple:
        """Plain JSON data for the cache: the lines of the fields the later checks point at."""
        problems = [[p.path, p.line, p.field, p.message, p.fix] for p in self.problems]
        lines = [
            [list(loc), line]
            for loc, line in self.lines.items()
            if len(loc) == 1 or loc[0] in _CROSS_CHECKED
        ]
        return [self.path, problems, self.data, lines, self.body_line, self.links]

    @classmethod
    def from_tuple(cls, value: list) -> FileResult:
        path, problems, data, lines, body_line, found = value
        return cls(
            path,
            [Problem(*p) for p in problems],
            data,
            {tuple(loc): line for loc, line in lines},
            None,
            body_line,
            [tuple(link) for link in found],
        )


def read_file(root: Path, path: str, schema: Schema) -> FileResult:
    """Read, parse and validate one content file; gather its links for the later checks."""
    folder, _, name = path.partition("/")
    kind = BY_FOLDER[folder]
    stem = name[:-3]
    problems: list[Problem] = []
    if not is_slug(stem):
        suggestion = slugify(stem) or "mon-cas"
        problems.append(
            Problem(
                path,
                1,
                FILE,
                "le nom du fichier doit être en minuscules sans accents, chiffres et tirets",
                f"renommez-le « {folder}/{suggestion}.md »",
            )
        )
    document, found = read_document(root / path, path)
    problems += found
    if document is None:
        return FileResult(path, problems, None, {}, "", 1, [])
    model = schema.model(kind)
    _, errors = messages.validate(model, document.data)
    for error in errors:
        message, fix = messages.translate(error, model)
        loc = messages.error_loc(error)
        problems.append(Problem(path, document.line_of(loc), format_loc(loc), message, fix))
    found, document_links = check_text_safety(document, kind)
    problems += found
    return FileResult(
        path,
        problems,
        document.data,
        document.lines,
        document.body,
        document.body_line,
        document_links,
    )


def load_collection(
    root: Path, schema: Schema, *, validate: bool = True, cache=None
) -> tuple[Collection, list[Problem]]:
    """Read, validate and cross-check every content file under ``root``.

    ``validate=False`` (``retex check``) keeps the front matter of valid files without
    building the models again: the checks between files need only a few fields.
    ``cache`` (a ``ResultCache``) spares re-reading the files that did not change."""
    problems: list[Problem] = []
    entries: dict[Kind, dict[str, Entry]] = {kind: {} for kind in KINDS}
    rejected: list[Entry] = []
    known_files = set(source_files(root))
    for path in sorted(known_files):
        result = cache.get(path) if cache is not None else None
        if result is None:
            result = read_file(root, path, schema)
            if cache is not None:
                cache.put(path, result)
        problems += result.problems
        if result.data is None:
            continue
        folder, _, name = path.partition("/")
        kind, stem = BY_FOLDER[folder], name[: -len(".md")]
        if result.problems:
            data: Any = _Unchecked(result.data)
        else:
            model = schema.model(kind)
            if not validate:
                data = _Unchecked(result.data)
            elif cache is not None:
                data = cache.model(path, lambda m=model, d=result.data: m.model_validate(d))
            else:
                data = model.model_validate(result.data)
        entry = Entry(
            kind,
            stem,
            path,
            data,
            result.body,
            result.body_line,
            result.data,
            result.lines,
            result.links,
            root / path,
        )
        if result.problems:
            rejected.append(entry)
        else:
            entries[kind][stem] = entry
    collection = Collection(entries, frozenset(known_files), rejected)
    problems += check_identifiers(collection)
    problems += check_references(collection)
    problems += check_links(root, collection, known_files)
    return collection, problems


class _Unchecked:
    """The front matter of a file as far as the checks between files need it: the fields
    of a file that failed validation, or of a valid one when no model is built."""

    def __init__(self, raw: dict):
        self.draft = raw.get("draft") is True
        self.title = raw.get("title") if isinstance(raw.get("title"), str) else ""
        for name in _CROSS_CHECKED:
            items = raw.get(name)
            setattr(
                self,
                name,
                [i for i in items if isinstance(i, str)] if isinstance(items, list) else [],
            )


# Each Markdown field is rendered on its own: their number is bounded, like a text's size.
MAX_MARKDOWN_TEXTS = 500


def check_text_safety(
    document: Document, kind: Kind
) -> tuple[list[Problem], list[tuple[int, str, str]]]:
    """Characters of every text; the rendered HTML of the body and of each Markdown field,
    each judged on its own. Returns the problems and the links, (line, field, target)."""
    problems: list[Problem] = []
    found_links: list[tuple[int, str, str]] = []
    body, first = document.body, document.body_line
    for offset, char in forbidden_characters(body):
        problems.append(
            Problem(
                document.path, first + body.count("\n", 0, offset), BODY, *character_message(char)
            )
        )
    checked = check_markdown(body, under_title=True)
    problems += [
        Problem(document.path, first + f.line - 1, BODY, f.message, f.fix) for f in checked.findings
    ]
    found_links += [(first + line - 1, BODY, target) for line, target in checked.links]
    markdown = MARKDOWN_FIELDS[kind]
    rendered = 0
    for loc, text in _strings(document.data, ()):
        line, where = document.line_of(loc), format_loc(loc)
        bad = forbidden_characters(text, tab=False)
        for _offset, char in bad[:1]:  # one per field: its line is the field's
            problems.append(Problem(document.path, line, where, *character_message(char)))
        if dotted(loc) not in markdown:
            continue
        rendered += 1
        if rendered > MAX_MARKDOWN_TEXTS:
            if rendered == MAX_MARKDOWN_TEXTS + 1:
                problems.append(
                    Problem(
                        document.path,
                        line,
                        where,
                        f"trop de textes dans l’en-tête : plus de {MAX_MARKDOWN_TEXTS} "
                        "enseignements, difficultés, conditions ou points de vigilance",
                        "gardez l’essentiel : une fiche se lit en quelques minutes",
                    )
                )
            continue
        checked = check_markdown(text, under_title=True)
        problems += [
            Problem(document.path, line, where, f.message, f.fix) for f in checked.findings
        ]
        found_links += [(line, where, target) for _line, target in checked.links]
    return problems, found_links


def _strings(value: Any, loc: tuple) -> Iterable[tuple[tuple, str]]:
    if isinstance(value, str):
        yield loc, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, loc + (key,))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _strings(item, loc + (index,))


def check_identifiers(collection: Collection) -> list[Problem]:
    """A slug or an alias names one page only (within a kind: they share a URL space)."""
    problems = []
    for entries in collection.entries.values():
        owner: dict[str, Entry] = {slug: entry for slug, entry in entries.items()}
        for entry in sorted(entries.values(), key=lambda e: e.path):
            for index, alias in enumerate(entry.data.aliases):
                other = owner.get(alias)
                if other is not None:
                    what = "l’identifiant" if other.slug == alias else "un ancien identifiant"
                    problems.append(
                        Problem(
                            entry.path,
                            entry.line_of(("aliases", index)),
                            f"aliases[{index + 1}]",
                            f"« {alias} » est déjà {what} de {other.path}",
                            "retirez cet ancien identifiant de l’une des deux fiches",
                        )
                    )
                else:
                    owner[alias] = entry
    return problems


def check_references(collection: Collection) -> list[Problem]:
    """``methods`` of a case and ``related`` of a method name published method sheets."""
    problems = []
    methods = collection.entries[METHOD]
    for kind in KINDS:
        field_name = kind.references
        for entry in collection.checked(kind):
            for index, slug in enumerate(getattr(entry.data, field_name)):
                if not is_slug(slug):
                    continue  # reported by the schema
                target = methods.get(slug)
                loc = (field_name, index)
                where = f"{field_name}[{index + 1}]"
                line = entry.line_of(loc)
                if target is None and f"methods/{slug}.md" in collection.present:
                    continue  # the file exists but is invalid: its own problems say why
                if target is None:
                    suggestion = did_you_mean(slug, methods)
                    problems.append(
                        Problem(
                            entry.path,
                            line,
                            where,
                            f"méthode inconnue « {slug} »",
                            suggestion or f"créez methods/{slug}.md ou corrigez l’identifiant",
                        )
                    )
                elif target is entry:
                    problems.append(
                        Problem(
                            entry.path, line, where, "une méthode ne peut être liée à elle-même"
                        )
                    )
                elif target.draft and not entry.draft:
                    problems.append(
                        Problem(
                            entry.path,
                            line,
                            where,
                            f"la méthode « {slug} » est un brouillon (draft: true) : "
                            "une fiche publiée ne peut pas y renvoyer",
                            f"publiez {target.path} ou retirez ce renvoi",
                        )
                    )
    return problems


def check_links(root: Path, collection: Collection, known_files: set[str]) -> list[Problem]:
    """Relative links of a body or a field resolve to an existing, published source file."""
    problems = []
    for kind in KINDS:
        for entry in collection.checked(kind):
            for line, where, target in entry.links:
                problem = _check_link(root, collection, entry, target, known_files)
                if problem:
                    problems.append(Problem(entry.path, line, where, *problem))
    return problems


def _check_link(
    root: Path, collection: Collection, entry: Entry, target: str, known_files: set[str]
) -> tuple[str, str | None] | None:
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not parts.path:
        return None  # external link (scheme checked by safety) or anchor on the same page
    if parts.path.startswith("/"):
        return (
            f"lien absolu « {target} » : il casserait le site publié dans un sous-dossier",
            "écrivez un lien relatif vers le fichier source, par exemple "
            "« ../methods/debat-mouvant.md »",
        )
    resolved = posixpath.normpath(
        posixpath.join(posixpath.dirname(entry.path), unquote(parts.path))
    )
    if resolved.endswith(".md"):
        if resolved not in known_files:
            suggestion = did_you_mean(resolved, known_files)
            return (f"lien vers un fichier inexistant « {target} »", suggestion)
        other = collection.by_path(resolved)
        if other is not None and other.draft and not entry.draft:
            return (
                f"lien vers un brouillon « {target} » (draft: true)",
                f"publiez {other.path} ou retirez ce lien",
            )
        return None
    if kind_of(resolved) is None or not (root / resolved).is_file():
        return (
            f"lien relatif « {target} » qui ne mène à aucun fichier de cases/ ou methods/",
            "un lien vers une autre fiche s’écrit vers son fichier source, "
            "par exemple « ../methods/debat-mouvant.md » ; une image se place dans "
            "cases/images/ ou methods/images/",
        )
    return None
