"""The contribution form /proposer/: its controls, generated from the content model.

``form_data`` gives the page's data (``pages.page_list`` lists the page): one form per
kind, whose controls are read from the JSON Schema that the site publishes
(``Schema.json_schema``), with the vocabularies' values as choices, the published methods
to choose from, the body's sections of ``retex new`` (``scaffold.BODIES``), the slugs
already taken, and where GitHub's « new file » page lives (``Contribution``, read from
mkdocs.yml). Nothing here lists fields or values: a field added to the schema appears in
the form, and the browser validates against the same published schema.

Each control's ``name`` is the front-matter key it fills, dotted for a nested one
(``territory.level``), so that a link can prefill the form
(``/proposer/?type=cas&territory.region=Bretagne``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from .characters import _FORBIDDEN_OR_TAB_RE, _FORBIDDEN_RE
from .kinds import CASE, KINDS, METHOD, Kind
from .safety import ADMONITION_TYPES, ALLOWED_SCHEMES
from .scaffold import BODIES, EXAMPLES
from .schema import MARKDOWN_FIELDS
from .sections import _CASE_LISTS
from .site import Site
from .slugs import folding_ranges, heading_id

# Left out of the form: a proposal is never a draft, and a new sheet has no former slug.
LEFT_OUT = frozenset({"draft", "aliases"})
# What to do with the list that names method sheets (``Kind.references``), in the
# form's words (the schema speaks of slugs).
METHOD_HINTS = {
    CASE: "Cochez les méthodes employées. Une ébauche dont la source ne nomme aucune "
    "méthode peut n’en cocher aucune (voir « Niveau de complétude de la fiche »).",
    METHOD: "Cochez les fiches méthodes proches ou complémentaires de celle-ci.",
}
# Free texts that read as paragraphs (a text area) besides the Markdown fields and the
# long ones (a maximum length above 200 characters): the others take one line.
PARAGRAPHS = frozenset({"outcomes"})
# The form's own bound on a text that the schema leaves unbounded (a text area), far
# above any real sheet and below what a GitHub link can carry anyway.
MAX_TEXT = 20_000
# GitHub refuses longer addresses: past this, the file goes through the clipboard.
MAX_URL = 8_000
# The lists of fields that the page shows as its « Enseignements » section, under its
# headings (``sections.py``): the form shows them with the body, under those names.
LESSON_LISTS = {CASE: dict(_CASE_LISTS), METHOD: {}}

_EDIT_URI_RE = re.compile(r"^(?:edit|blob|tree)/([^/?#]+)/")
_SEPARATORS = re.compile(r" : | ; | \(|, ")


class ProposalError(ValueError):
    """The configuration cannot give the form a GitHub page to send the file to."""


@dataclass(frozen=True)
class Contribution:
    """Where the form sends a sheet: GitHub's « new file » page of this repository and
    branch."""

    repo_url: str
    branch: str

    @classmethod
    def read(cls, repo_url: str | None, edit_uri: str | None) -> Contribution:
        """From mkdocs.yml's ``repo_url`` and ``edit_uri``; a French ``ProposalError``
        when they cannot say it."""
        if not repo_url:
            raise ProposalError(
                "mkdocs.yml : repo_url manque ; le formulaire /proposer/ envoie les fiches "
                "vers ce dépôt GitHub"
            )
        return cls(repo_url.rstrip("/"), branch_of(edit_uri))


def branch_of(edit_uri: str | None) -> str:
    """The branch that contributions go to, read from MkDocs' ``edit_uri``
    (``edit/main/`` -> ``main``): the edit links and the form use the same one."""
    match = _EDIT_URI_RE.match(edit_uri or "")
    if not match:
        given = f"edit_uri «\u00a0{edit_uri}\u00a0»" if edit_uri else "edit_uri, vide,"
        raise ProposalError(
            f"mkdocs.yml : {given} ne dit pas quelle branche reçoit les contributions du "
            "formulaire /proposer/ ; écrivez par exemple « edit_uri: edit/main/ »"
        )
    return match.group(1)


def label_and_hint(description: str) -> tuple[str, str]:
    """A field's label and hint, from its description in the schema: the label is its
    first clause, the hint what follows (« Région ; omise pour un cas national » ->
    « Région », « Omise pour un cas national. »)."""
    match = _SEPARATORS.search(description)
    if not match:
        return description, ""
    label, rest = description[: match.start()], description[match.end() :].strip()
    if match.group() == " (" and rest.endswith(")") and rest.count("(") < rest.count(")"):
        rest = rest[:-1]
    if not rest:
        return label, ""
    rest = rest[0].upper() + rest[1:]
    return label, rest if rest[-1] in ".!?»" else rest + "."


def _resolve(prop: dict, defs: dict) -> dict:
    """A property with its optional (``anyOf`` with null) and ``$ref`` forms opened."""
    if "anyOf" in prop:
        options = [p for p in prop["anyOf"] if p.get("type") != "null"]
        prop = {**options[0], **{k: v for k, v in prop.items() if k != "anyOf"}}
    if "$ref" in prop:
        target = defs[prop["$ref"].rsplit("/", 1)[-1]]
        prop = {**target, **{k: v for k, v in prop.items() if k != "$ref"}}
    return prop


def _widget(kind: Kind, name: str, prop: dict, defs: dict) -> tuple[str, dict]:
    """The control for a property, and the schema of what it holds."""
    prop = _resolve(prop, defs)
    if prop.get("type") == "object":
        return "group", prop
    if prop.get("type") == "array":
        items = _resolve(prop.get("items", {}), defs)
        if items.get("type") == "object":
            return "rowgroups", items
        if "enum" in items:
            return "checkboxes", items
        if name == kind.references:
            return "methods", items
        return ("paragraphs" if _is_paragraph(kind, name, items) else "rows"), items
    if "enum" in prop:
        return "select", prop
    if prop.get("type") == "integer":
        return "number", prop
    if prop.get("pattern", "").startswith("^\\d{4}"):
        return "date", prop
    if prop.get("format") == "uri":
        return "url", prop
    return ("textarea" if _is_paragraph(kind, name, prop) else "text"), prop


def _date_format(prop: dict) -> str:
    """« AAAA, AAAA-MM ou AAAA-MM-JJ »: the description of the date type itself."""
    for option in prop.get("anyOf", [prop]):
        if option.get("pattern", "").startswith("^\\d{4}") and option.get("description"):
            return option["description"]
    return "AAAA-MM-JJ"


def _is_paragraph(kind: Kind, name: str, prop: dict) -> bool:
    return (
        name in MARKDOWN_FIELDS[kind]
        or name in PARAGRAPHS
        or (prop.get("maxLength") or 0) > 200
    )


def _controls(kind: Kind, obj: dict, defs: dict, prefix: str, group_required: bool) -> list:
    required = set(obj.get("required", []))
    controls = []
    for key, prop in obj.get("properties", {}).items():
        name = prefix + key
        if name in LEFT_OUT:
            continue
        widget, inner = _widget(kind, name, prop, defs)
        label, hint = label_and_hint(prop.get("description", key))
        if key in required:
            need = "required" if group_required else "group"
        else:
            need = "optional"
        control: dict[str, Any] = {
            "name": name,
            "key": key,
            "id": "rx-" + kind.name + "-" + name.replace(".", "-").replace("_", "-"),
            "label": label,
            "hint": "" if widget in ("group", "rowgroups") else hint,
            "need": need,
            "widget": widget,
            # Rendered as Markdown on the page: judged like the body (links, no raw HTML).
            "markdown": name in MARKDOWN_FIELDS[kind],
        }
        if "enum" in inner:
            control["values"] = list(inner["enum"])
        if inner.get("maxLength"):
            control["max_length"] = inner["maxLength"]
        elif widget in ("textarea", "paragraphs", "text", "rows"):
            control["max_length"] = MAX_TEXT
        if inner.get("minimum") is not None:
            control["minimum"] = inner["minimum"]
        if widget == "date":
            example = EXAMPLES.get(name, '"2019-06-27"').strip('"')
            control["format"] = f"{_date_format(prop)}, par exemple {example}"
        if widget == "methods":
            control["hint"] = METHOD_HINTS[kind]
        if widget in ("group", "rowgroups"):
            # Inside a list of groups, a required sub-field is required in its row.
            control["children"] = _controls(
                kind, inner, defs, name + ".", group_required and need == "required"
            )
        controls.append(control)
    return controls


def _sections(kind: Kind) -> list[dict]:
    """The body's sections as ``retex new`` writes them, with the guidance it gives."""
    sections = []
    for chunk in re.split(r"^## ", BODIES[kind], flags=re.M)[1:]:
        heading, _, rest = chunk.partition("\n")
        comments = re.findall(r"<!--(.*?)-->", rest, flags=re.S)
        guidance = " ".join(" ".join(c.split()) for c in comments)
        sections.append(
            {
                "heading": heading.strip(),
                "name": "body." + heading_id(heading.strip()),
                "id": f"rx-{kind.name}-body-{heading_id(heading.strip())}",
                "guidance": guidance,
            }
        )
    return sections


def js_character_class(pattern: str) -> str:
    """A Python regular-expression character class, as a JavaScript one (``u`` flag)."""
    body = pattern[1:-1] if pattern.startswith("[") and pattern.endswith("]") else pattern
    out, index = [], 0
    while index < len(body):
        char = body[index]
        if body.startswith("\\U", index):
            out.append("\\u{" + body[index + 2 : index + 10].lstrip("0") + "}")
            index += 10
            continue
        if char == "\\" and body[index + 1 : index + 2] in ("t", "n"):
            out.append("\\" + body[index + 1])
            index += 2
            continue
        out.append("-" if char == "-" else f"\\u{{{ord(char):x}}}")
        index += 1
    return "[" + "".join(out) + "]"


def form_data(site: Site, contribution: Contribution) -> dict:
    """Everything the page and its script need, as plain JSON-ready data."""
    methods = [[m.slug, m.title] for m in site.methods]
    published = {kind.folder: [e.slug for e in site.collection.all(kind)] for kind in KINDS}
    retired = {r.path for r in site.retirements}
    forms = {}
    for kind in KINDS:
        schema = site.schema.json_schema(kind)
        defs = schema.get("$defs", {})
        taken: dict[str, str] = {}
        for entry in site.collection.all(kind, drafts=True):
            sheet = f"la fiche «\u00a0{entry.title}\u00a0» ({entry.path})"
            taken[entry.slug] = f"l’identifiant de {sheet}"
            for alias in entry.data.aliases:
                taken.setdefault(alias, f"une ancienne adresse de {sheet}")
        for path in retired:
            if path.startswith(kind.prefix + "/") and path.count("/") == 2:
                taken.setdefault(path.split("/")[1], f"une adresse retirée (/{path})")
        controls = _controls(kind, schema, defs, "", True)
        headings = LESSON_LISTS[kind]
        for control in controls:
            control["label"] = headings.get(control["name"], control["label"])
        forms[kind.name] = {
            "kind": kind.name,
            # The kind's name in the page's address (?type=cas), as `retex new` takes it.
            "param": kind.command_names[0],
            "noun": kind.indefinite,
            "folder": kind.folder,
            "prefix": kind.prefix,
            "schema": kind.schema_path,
            "controls": controls,
            "sections": _sections(kind),
            # Shown with the body: the build makes its « Enseignements » section of them.
            "lessons": list(headings),
            "taken": taken,
        }
    config = {
        "forms": {name: _for_script(form) for name, form in forms.items()},
        "methods": methods,
        "published": published,
        "repo_url": contribution.repo_url,
        "branch": contribution.branch,
        "max_url": MAX_URL,
        # What the title's slug keeps of its non-ASCII letters: Python's, not the browser's.
        "slug_folds": [list(r) for r in folding_ranges()],
        "forbidden": js_character_class(_FORBIDDEN_RE.pattern),
        "forbidden_in_header": js_character_class(_FORBIDDEN_OR_TAB_RE.pattern),
        "schemes": sorted(ALLOWED_SCHEMES),
        "admonitions": sorted(ADMONITION_TYPES),
    }
    return {"forms": forms, "methods": methods, "repo_url": config["repo_url"], "script": config}


# What the page's script reads of a control (the template prints the rest).
_SCRIPT_KEYS = (
    "name", "key", "id", "label", "need", "widget", "markdown", "max_length", "minimum"
)


def _for_script(form: dict) -> dict:
    def slim(control: dict) -> dict:
        out = {k: control[k] for k in _SCRIPT_KEYS if k in control}
        if "children" in control:
            out["children"] = [slim(c) for c in control["children"]]
        return out

    return {**form, "controls": [slim(c) for c in form["controls"]]}
