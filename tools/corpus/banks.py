"""The phrase banks of the generated corpus: plain YAML files in ``banks/``.

Each file says in its header what it holds. They are read once per generation (with
libyaml, a few milliseconds), never at import, and checked only as far as the generator
needs: a missing key fails with its name.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

FOLDER = Path(__file__).resolve().parent / "banks"


@dataclass(frozen=True)
class Policy:
    key: str
    name: str
    levels: tuple[str, ...]
    services: tuple[str, ...]
    users: tuple[str, ...]
    places: tuple[str, ...]
    objects: tuple[str, ...]
    problems: tuple[str, ...]
    results: tuple[str, ...]
    goals: tuple[str, ...]
    details: tuple[str, ...]


@dataclass(frozen=True)
class Department:
    region: str
    name: str  # with its article: « la Gironde »
    council: bool  # has a departmental council
    communes: tuple[str, ...]


@dataclass(frozen=True)
class Institution:
    name: str
    subject: str
    short: str
    policies: tuple[str, ...] | None  # None: the policies of the level
    national: bool


@dataclass(frozen=True)
class MethodBase:
    title: str
    phases: tuple[str, ...]
    duration: tuple[int, int]
    participants: tuple[int, int]
    difficulty: int
    what: str
    objective: str
    benefit: str
    steps: tuple[str, ...]
    materials: tuple[str, ...]


@dataclass(frozen=True)
class Banks:
    policies: dict[str, Policy]
    departments: list[Department]
    region_names: dict[str, tuple[str, str]]  # region -> (name, subject)
    institutions: dict[str, list[Institution]]  # by territory level slug
    level_weights: dict[str, int]
    deciders: dict[str, list[str]]  # by territory level slug, « * » for any
    verbs: list[tuple[str, str, str]]  # infinitive, past participle, present
    action_nouns: list[str]
    default_audience: list[str]
    roles: list[tuple[str, str]]  # feminine, masculine
    facilitator_roles: list[tuple[str, str]]
    method_sentences: list[tuple[str, str]]  # (mark, template)
    phase_goals: dict[str, list[str]]
    female_names: list[str]
    male_names: list[str]
    last_names: list[str]
    method_bases: list[MethodBase]
    qualifiers: list[tuple[str, str, str]]  # qualifier, effect, sentence
    why_situations: dict[str, list[str]]
    lists: dict[str, list[str]]  # every other bank: sentences drawn one at a time


def _read(name: str) -> dict:
    with open(FOLDER / name, encoding="utf-8") as handle:
        return yaml.load(handle, Loader=yaml.CSafeLoader)


def load() -> Banks:
    """Every bank, as the generator uses it."""
    policies, territories = _read("policies.yml"), _read("territories.yml")
    cases, methods = _read("cases.yml"), _read("methods.yml")
    return Banks(
        policies={key: _policy(key, raw) for key, raw in policies.items()},
        departments=[
            Department(d["region"], d["department"], d["council"], tuple(d["communes"]))
            for d in territories["departments"]
        ],
        region_names={k: (v[0], v[1]) for k, v in territories["region_names"].items()},
        institutions={
            level: [
                Institution(
                    i["name"],
                    i["subject"],
                    i["short"],
                    None if i["policies"] is None else tuple(i["policies"]),
                    i["national"],
                )
                for i in items
            ]
            for level, items in territories["institutions"].items()
        },
        level_weights=dict(territories["level_weights"]),
        deciders={k: list(v) for k, v in territories["deciders"].items()},
        verbs=[(v[0], v[1], v[2]) for v in cases["verbs"]],
        action_nouns=list(cases["action_nouns"]),
        default_audience=list(cases["default_audience"]),
        roles=[(r[0], r[1]) for r in cases["roles"]],
        facilitator_roles=[(r[0], r[1]) for r in cases["facilitator_roles"]],
        method_sentences=[(m[0], m[1]) for m in cases["method_sentences"]],
        phase_goals={k: list(v) for k, v in cases["phase_goals"].items()},
        female_names=list(cases["female_names"]),
        male_names=list(cases["male_names"]),
        last_names=list(cases["last_names"]),
        method_bases=[_method(b) for b in methods["bases"]],
        qualifiers=[(q[0], q[1], q[2]) for q in methods["qualifiers"]],
        why_situations={k: list(v) for k, v in methods["why_situations"].items()},
        lists={
            name: list(items)
            for source in (cases, methods)
            for name, items in source.items()
            if name not in _STRUCTURED
        },
    )


_POLICY_LISTS = "levels services users places objects problems results goals details".split()
# The banks read into their own fields above; the others are plain lists of sentences.
_STRUCTURED = frozenset(
    "verbs action_nouns default_audience roles facilitator_roles method_sentences phase_goals "
    "female_names male_names last_names bases qualifiers why_situations".split()
)


def _policy(key: str, raw: dict) -> Policy:
    return Policy(key, raw["name"], *(tuple(raw[name]) for name in _POLICY_LISTS))


def _method(raw: dict) -> MethodBase:
    return MethodBase(
        raw["title"],
        tuple(raw["phases"]),
        (raw["duration"][0], raw["duration"][1]),
        (raw["participants"][0], raw["participants"][1]),
        raw["difficulty"],
        raw["what"],
        raw["objective"],
        raw["benefit"],
        tuple(raw["steps"]),
        tuple(raw["materials"]),
    )
