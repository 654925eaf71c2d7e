"""Split a content file into YAML front matter and Markdown body, safely.

The YAML is composed into a node tree by libyaml (never constructed by PyYAML's
constructors), then walked here into plain dicts, lists and scalars while recording
the line of every key and list item. This walk is where the content rules of YAML
are enforced:

* only plain data: a tag that would build an object (``!!python/object``, ``!!set``…)
  is refused, so no code ever runs from content;
* no anchors or aliases: they are never needed in a front matter and are what YAML
  bombs are made of;
* a key given twice is an error;
* dates stay strings (YAML would turn ``2019-06-27`` into a date object).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .characters import character_message, forbidden_characters
from .problems import FILE, HEADER, Problem

try:  # libyaml is ~10x faster; PyYAML wheels ship it on every common platform.
    _Loader = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - pure-Python fallback
    _Loader = yaml.SafeLoader

MAX_BYTES = 1_000_000
# A front matter needs three levels (sources[1].title); YAML allows a thousand, and
# walking them would exhaust Python's recursion limit.
MAX_DEPTH = 8

_TAG = "tag:yaml.org,2002:"
_SCALAR_TAGS = {_TAG + t for t in ("str", "int", "float", "bool", "null", "timestamp")}
_constructor = yaml.constructor.SafeConstructor()

Path_ = tuple  # a location in the data: ("territory", "level") or ("methods", 1)


@dataclass
class Document:
    """A content file split in two, with the line of every front-matter location."""

    path: str
    data: dict[str, Any]
    body: str
    body_line: int  # line of the file where the body starts (1-based)
    lines: dict[Path_, int] = field(default_factory=dict)

    def line_of(self, loc: Path_) -> int:
        """The line of a location, or of its closest parent that has one."""
        loc = tuple(loc)
        while loc:
            if loc in self.lines:
                return self.lines[loc]
            loc = loc[:-1]
        return 1


class _Refused(Exception):
    def __init__(self, line: int, message: str, fix: str | None = None, field_: str = HEADER):
        self.line, self.message, self.fix, self.field = line, message, fix, field_


def read_document(path: Path, display_path: str) -> tuple[Document | None, list[Problem]]:
    """Read a file from disk. Returns the document, or None and the problems that stop it."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        return None, [Problem(display_path, 1, FILE, f"fichier illisible ({exc.strerror})")]
    return parse_document(raw, display_path)


def parse_document(raw: bytes, display_path: str) -> tuple[Document | None, list[Problem]]:
    def refuse(line: int, message: str, fix: str | None = None, field_: str = FILE):
        return None, [Problem(display_path, line, field_, message, fix)]

    if not raw.removeprefix(b"\xef\xbb\xbf").strip():  # a BOM alone is empty too
        return refuse(
            1,
            "le fichier est vide",
            "partez du modèle (_modele.md) ou de la commande « retex new »",
        )
    if len(raw) > MAX_BYTES:
        return refuse(1, f"fichier trop volumineux ({len(raw) // 1000} ko, 1 000 ko au plus)")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        return refuse(
            line,
            f"le fichier n’est pas encodé en UTF-8 (octet 0x{raw[exc.start]:02x} illisible)",
            "enregistrez-le en UTF-8 depuis votre éditeur",
        )
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\x00" in text:
        return refuse(text[: text.index("\x00")].count("\n") + 1, "caractère nul dans le fichier")

    lines = text.split("\n")
    if lines[0].rstrip() != "---":
        return refuse(
            1,
            "l’en-tête YAML est absent : le fichier doit commencer par une ligne « --- »",
            "ajoutez l’en-tête entre deux lignes « --- » (voir _modele.md)",
            HEADER,
        )
    end = next((i for i in range(1, len(lines)) if lines[i].rstrip() in ("---", "...")), None)
    if end is None:
        return refuse(
            1,
            "l’en-tête YAML n’est pas fermé",
            "ajoutez une ligne « --- » après le dernier champ de l’en-tête",
            HEADER,
        )
    yaml_text = "\n".join(lines[1:end])
    offset = 2  # the YAML's first line is the file's second
    bad = forbidden_characters(yaml_text)
    if bad:
        at, char = bad[0]
        return refuse(offset + yaml_text.count("\n", 0, at), *character_message(char), HEADER)
    try:
        node = yaml.compose(yaml_text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        message, fix, at_context = _yaml_error(exc)
        mark = (exc.context_mark if at_context else None) or exc.problem_mark or exc.context_mark
        line = mark.line + offset if mark else 1
        opened = exc.context_mark.line + offset if exc.context_mark else line
        return refuse(
            line, "YAML invalide : " + message.replace("{opened}", str(opened)), fix, HEADER
        )
    except yaml.YAMLError:
        return refuse(
            1,
            "YAML illisible : l’en-tête contient un caractère que YAML refuse",
            "vérifiez l’en-tête ligne par ligne, et enregistrez le fichier en UTF-8",
            HEADER,
        )

    if not isinstance(node, yaml.MappingNode) or node.tag != _TAG + "map":
        line = node.start_mark.line + offset if node is not None else 1
        return refuse(
            line,
            "l’en-tête doit être une suite de champs « clé: valeur »",
            "écrivez par exemple « title: Mon titre » sur la première ligne de l’en-tête",
            HEADER,
        )
    walker = _Walker(offset)
    try:
        data = walker.walk(node, ())
    except _Refused as exc:
        return None, [Problem(display_path, exc.line, exc.field, exc.message, exc.fix)]
    problems = [
        Problem(display_path, line, field_, message, fix)
        for line, field_, message, fix in walker.problems
    ]
    body = "\n".join(lines[end + 1 :])
    return Document(display_path, data, body, end + 2, walker.lines), problems


class _Walker:
    """Turns a composed YAML node tree into plain Python data, recording lines."""

    def __init__(self, offset: int):
        self.offset = offset
        self.lines: dict[Path_, int] = {}
        self.seen: set[int] = set()
        self.problems: list[tuple[int, str, str, str | None]] = []

    def line(self, node: yaml.Node) -> int:
        return node.start_mark.line + self.offset

    def walk(self, node: yaml.Node, loc: Path_) -> Any:
        if len(loc) > MAX_DEPTH:
            raise _Refused(
                self.line(node),
                f"en-tête trop imbriqué : plus de {MAX_DEPTH} niveaux de listes ou de groupes",
                "un champ de l’en-tête a au plus trois niveaux, comme sources[1].title",
                _field(loc[:1]),
            )
        if id(node) in self.seen:
            # The same node reached twice: an alias. Refused outright, which also
            # makes "billion laughs" documents harmless.
            # Its node is the anchored one: point at the field that refers to it (or,
            # for a list item, at the list).
            line = self.lines.get(loc[:-1] if loc and isinstance(loc[-1], int) else loc)
            raise _Refused(
                line or self.line(node),
                "les ancres et alias YAML (« & » et « * ») ne sont pas admis dans l’en-tête",
                "recopiez la valeur au lieu d’y faire référence",
                _field(loc),
            )
        self.seen.add(id(node))
        if isinstance(node, yaml.ScalarNode):
            return self.scalar(node, loc)
        if isinstance(node, yaml.SequenceNode):
            self.check_tag(node, _TAG + "seq", loc)
            items = []
            for index, item in enumerate(node.value):
                self.lines[loc + (index,)] = self.line(item)
                items.append(self.walk(item, loc + (index,)))
            return items
        self.check_tag(node, _TAG + "map", loc)
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if id(key_node) in self.seen or not isinstance(key_node, yaml.ScalarNode):
                raise _Refused(
                    self.line(key_node),
                    "nom de champ invalide : un nom de champ est un simple mot",
                    None,
                    _field(loc),
                )
            self.seen.add(id(key_node))
            if key_node.tag == _TAG + "merge":
                raise _Refused(
                    self.line(key_node),
                    "la fusion YAML « << » n’est pas admise dans l’en-tête",
                    "recopiez les champs au lieu d’y faire référence",
                    _field(loc),
                )
            key = key_node.value
            line = self.line(key_node)
            if key in result:
                self.problems.append(
                    (
                        line,
                        _field(loc + (key,)),
                        f"champ donné deux fois (déjà à la ligne {self.lines[loc + (key,)]})",
                        "gardez une seule ligne pour ce champ",
                    )
                )
                continue
            self.lines[loc + (key,)] = line
            result[key] = self.walk(value_node, loc + (key,))
        return result

    def check_tag(self, node: yaml.Node, expected: str, loc: Path_) -> None:
        if node.tag != expected:
            raise _Refused(
                self.line(node),
                f"étiquette YAML « {_short_tag(node.tag)} » refusée : l’en-tête ne contient "
                "que du texte, des nombres, des listes et des champs",
                "retirez l’étiquette commençant par « ! »",
                _field(loc),
            )

    def scalar(self, node: yaml.ScalarNode, loc: Path_) -> Any:
        if node.tag not in _SCALAR_TAGS:
            self.check_tag(node, _TAG + "str", loc)
        if node.tag in (_TAG + "str", _TAG + "timestamp"):
            return node.value  # dates stay strings until the schema parses them
        return _constructor.construct_object(node)


def _field(loc: Path_) -> str:
    return format_loc(loc) or HEADER


def format_loc(loc: Path_) -> str:
    """("sources", 0, "url") -> ``sources[1].url`` (items counted from 1, as people do)."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part + 1}]"
        else:
            out += f".{part}" if out else str(part)
    return out


def _short_tag(tag: str) -> str:
    return "!!" + tag[len(_TAG) :] if tag.startswith(_TAG) else tag


# libyaml's messages (and PyYAML's own, for the pure-Python loader), by how they start:
# the French message, the fix, and whether the error is at the line where the
# construct opened (an unclosed quote or bracket) rather than where it was noticed.
_YAML_MESSAGES = (
    (
        "did not find expected ',' or ']'",
        "crochet « [ » ouvert à la ligne {opened} et jamais fermé",
        "fermez la liste par « ] », ou mettez la valeur entre guillemets",
        True,
    ),
    (
        "did not find expected ',' or '}'",
        "accolade « { » ouverte à la ligne {opened} et jamais fermée",
        "fermez-la par « } », ou mettez la valeur entre guillemets",
        True,
    ),
    (
        "found unexpected end of stream",
        "guillemet ouvert à la ligne {opened} et jamais fermé",
        "fermez le guillemet à la fin de la valeur",
        True,
    ),
    (
        "mapping values are not allowed",
        "deux-points inattendu dans une valeur",
        "mettez la valeur entre guillemets si elle contient « : »",
        False,
    ),
    (
        "found a tab character",
        "tabulation dans l’en-tête",
        "remplacez les tabulations par des espaces",
        False,
    ),
    (
        "found character '\\t' that cannot start any token",
        "tabulation dans l’en-tête",
        "remplacez les tabulations par des espaces",
        False,
    ),
    (
        "found character that cannot start any token",
        "une valeur ne peut pas commencer par « @ », « ` », « % » ni par une tabulation",
        "mettez la valeur entre guillemets",
        False,
    ),
    (
        "could not find expected ':'",
        "deux-points « : » manquant après le nom du champ",
        "écrivez « champ: valeur »",
        True,
    ),
    (
        "did not find expected key",
        "texte inattendu : indentation incohérente ou suite de valeur mal placée",
        "alignez les champs d’un même niveau et mettez entre guillemets "
        "les valeurs qui commencent par un guillemet",
        False,
    ),
    (
        "did not find expected '-' indicator",
        "un élément de liste (ligne commençant par « - ») est attendu ici",
        "alignez les éléments de la liste",
        False,
    ),
    (
        "found unknown escape character",
        "barre oblique inverse « \\ » inconnue entre guillemets doubles",
        "doublez-la (« \\\\ ») ou utilisez des guillemets simples",
        False,
    ),
    (
        "found undefined alias",
        "les ancres et alias YAML (« & » et « * ») ne sont pas admis dans l’en-tête",
        "recopiez la valeur au lieu d’y faire référence",
        False,
    ),
    (
        "did not find expected alphabetic or numeric character",
        "les ancres et alias YAML (« & » et « * ») ne sont pas admis dans l’en-tête",
        "mettez la valeur entre guillemets",
        False,
    ),
    (
        "did not find expected node content",
        "valeur attendue ici : « ] », « } » ou « , » ne peuvent pas commencer une valeur",
        "mettez la valeur entre guillemets",
        False,
    ),
    (
        "did not find expected <document start>",
        "directive YAML (« % ») inattendue dans l’en-tête",
        "retirez cette ligne",
        False,
    ),
    (
        "exceeded maximum nesting depth",
        "en-tête trop imbriqué : trop de crochets ou d’accolades ouverts",
        "fermez chaque « [ » par « ] » et chaque « { » par « } », ou mettez la valeur "
        "entre guillemets",
        False,
    ),
    (
        "but found another document",
        "l’en-tête ne contient qu’un document YAML",
        "retirez cette ligne « --- »",
        False,
    ),
)


def _yaml_error(exc: yaml.MarkedYAMLError) -> tuple[str, str, bool]:
    """A YAML syntax error in French: message, fix, and whether to point where it opened."""
    problem = exc.problem or ""
    for key, message, fix, at_context in _YAML_MESSAGES:
        if problem.startswith(key):
            return message, fix, at_context
    return (
        "syntaxe incorrecte à cet endroit",
        "vérifiez l’indentation et mettez entre guillemets les valeurs "
        "qui contiennent « : » ou « # »",
        False,
    )
