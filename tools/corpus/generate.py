"""The generator itself: a seeded random draw over the phrase banks, in a fixed order."""

from __future__ import annotations

import calendar
import datetime as dt
import json
import os
import random
import re
import shutil
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from retex.collection import source_files
from retex.frontmatter import read_document
from retex.problems import ContentError
from retex.schema import MONTHS
from retex.slugs import fold, slugify
from retex.vocabulary import Vocabulary, load_vocabulary

from . import banks as banks_mod
from .banks import Banks, Department, Institution, MethodBase, Policy
from .french import at, cap, de, de_np, de_word, uncap

ROOT = Path(__file__).resolve().parents[2]
COPIED_FILES = ("mkdocs.yml", "vocabulary.yml")
# What a buildable project is made of (the build comes from the installed package).
COPIED_DIRS = ("docs", "overrides", "cases", "methods")
REQUIRED = ("mkdocs.yml", "vocabulary.yml", "docs", "overrides")
IGNORED = shutil.ignore_patterns("__pycache__", "*.egg-info")

# The search tests look for the real cases about these: no generated title may hold them.
FORBIDDEN_IN_TITLES = ("lean startup", "comptoir des services", "assistance numérique")
SOURCE_SITE = "https://exemple.fr"
FIRST_YEAR, LAST_YEAR = 2012, 2025
ALIAS_SHARE = 0.02
MAX_SLUG = 60
WRITE_BATCH = 250  # files handed to a writer thread at once
WRITERS = 1  # one writer thread: more only add contention for the GIL and the directory


class SyntheticError(Exception):
    """A generation that cannot start (output folder not empty, no project root)."""


def _split(text: str, sep: str = "|") -> list[str]:
    return [part.strip() for part in text.split(sep)]


def _french_date(parts: tuple[int, int | None, int | None]) -> str:
    year, month, day = parts
    if month is None:
        return f"en {year}"
    if day is None:
        return f"en {MONTHS[month - 1]} {year}"
    return f"le {'1er' if day == 1 else day} {MONTHS[month - 1]} {year}"


def _date_text(parts: tuple[int, int | None, int | None]) -> str:
    year, month, day = parts
    text = f"{year:04d}"
    if month:
        text += f"-{month:02d}"
    if day:
        text += f"-{day:02d}"
    return text


def _has_forbidden(text: str) -> bool:
    folded = fold(text)
    return any(phrase in folded for phrase in FORBIDDEN_IN_TITLES)


# Characters that a double-quoted YAML scalar cannot hold as they are.
_NEEDS_ESCAPE = re.compile(r'[\x00-\x1f"\\\x7f-\x9f\u2028\u2029\ufeff\ud800-\udfff]')


def _q(value: str) -> str:
    """A YAML double-quoted scalar: a JSON string is one (escaped to ASCII when needed)."""
    if _NEEDS_ESCAPE.search(value):
        return json.dumps(value)
    return f'"{value}"'


def _flow(values: list[str]) -> str:
    return "[" + ", ".join(_q(v) for v in values) + "]"


def _block(key: str, values: list[str]) -> list[str]:
    return [f"{key}:", *(f"  - {_q(v)}" for v in values)]


# Words left out of generated slugs, as people do when they name a file.
_SLUG_STOP_WORDS = frozenset(
    "a au aux avec d de des du en et l la le les pour quand sur un une ses son sa "
    "comment mise qu que sein".split()
)


def _short_slug(text: str) -> str:
    """A readable slug: the title's words without the small ones, 60 characters at most."""
    words = [w for w in slugify(text).split("-") if w not in _SLUG_STOP_WORDS]
    slug = ""
    for word in words:
        if slug and len(slug) + 1 + len(word) > MAX_SLUG:
            break
        slug = f"{slug}-{word}" if slug else word
    return slug[:MAX_SLUG] or "cas"


# --- The real content --------------------------------------------------------------


@dataclass
class MethodRef:
    """A published method a generated file may point to."""

    slug: str
    title: str
    phases: tuple[str, ...]  # phase slugs


@dataclass
class RealContent:
    case_slugs: list[str]
    methods: list[MethodRef]
    identifiers: set[str]  # every slug and alias, both kinds


def read_real_content(root: Path, vocabulary: Vocabulary) -> RealContent:
    """The slugs, aliases and published methods already in ``root``."""
    case_slugs: list[str] = []
    methods: list[MethodRef] = []
    identifiers: set[str] = set()
    for path in source_files(root):
        folder, _, name = path.partition("/")
        slug = name[:-3]
        identifiers.add(slug)
        document, _ = read_document(root / path, path)
        data = document.data if document is not None else {}
        aliases = data.get("aliases")
        if isinstance(aliases, list):
            identifiers.update(a for a in aliases if isinstance(a, str))
        if folder == "cases":
            case_slugs.append(slug)
            continue
        title = data.get("title")
        if data.get("draft") is True or not isinstance(title, str):
            continue
        phases = data.get("phase") if isinstance(data.get("phase"), list) else []
        slugs = []
        for phase in phases:
            term = vocabulary.lookup("phases", phase) if isinstance(phase, str) else None
            if term is not None:
                slugs.append(term.slug)
        methods.append(MethodRef(slug, title, tuple(slugs)))
    return RealContent(case_slugs, methods, identifiers)


# --- Generation ----------------------------------------------------------------------


@dataclass
class Territory:
    name: str
    subject: str
    short: str
    place: str
    level: str  # vocabulary label
    region: str | None  # vocabulary label
    policies: list[Policy]
    level_slug: str
    commune: str
    department: Department


class Generator:
    """Draws every value from one seeded random generator, in a fixed order."""

    def __init__(self, rng: random.Random, vocabulary: Vocabulary, banks: Banks):
        self.rng = rng
        self.banks = banks
        self.random = rng.random
        self.vocabulary = vocabulary
        self.levels = list(vocabulary.terms["territory_levels"])
        self.level_weights = [self.banks.level_weights.get(t.slug, 5) for t in self.levels]
        self.themes = vocabulary.labels("themes")
        self.formats = vocabulary.labels("formats")
        self.audiences = vocabulary.labels("audiences")
        self.regions = vocabulary.labels("regions")
        self.phases = list(vocabulary.terms["phases"])
        self.difficulties = vocabulary.labels("difficulties")
        self.modalities = list(vocabulary.terms["modalities"])
        self.completeness = vocabulary.labels("completeness")
        count = len(self.completeness)
        # Ordinal 0 (ébauche), 1 (partielle), 2 (complète), from the position in the list.
        self.completeness_rank = [
            round(2 * i / (count - 1)) if count > 1 else 2 for i in range(count)
        ]
        self.completeness_weights = [(15, 45, 40)[r] for r in self.completeness_rank]
        self.region_labels = {}
        for dept in self.banks.departments:
            term = vocabulary.lookup("regions", dept.region)
            self.region_labels[dept.region] = term.label if term else None

    # -- small helpers: random.Random's own choice, randint and sample draw integers bit by
    # bit; one float per draw is several times faster, and as deterministic.

    def choice(self, seq):
        return seq[int(self.random() * len(seq))]

    def randint(self, low: int, high: int) -> int:
        return low + int(self.random() * (high - low + 1))

    def sample(self, seq, count: int) -> list:
        """``count`` distinct items of ``seq``, in draw order."""
        size = len(seq)
        if count * 2 > size + 1:
            return self.rng.sample(seq, count)
        chosen: list[int] = []
        while len(chosen) < count:
            index = int(self.random() * size)
            if index not in chosen:
                chosen.append(index)
        return [seq[i] for i in chosen]

    def numbers(self) -> dict[str, int]:
        """The figures a sentence may quote: {a} > {b}, {k}, {n}, {p}, {q}, {w}, {m}."""
        a = self.randint(10, 40)
        return {
            "a": a,
            "b": self.randint(2, a - 5),
            "k": self.randint(2, 9),
            "n": self.randint(12, 480),
            "p": self.randint(5, 60),
            "q": self.randint(70, 98),
            "w": self.randint(2, 12),
            "m": self.randint(2, 18),
        }

    def person(self) -> tuple[str, int]:
        """A made-up name, and 0 (feminine) or 1 (masculine) to agree with."""
        gender = self.randint(0, 1)
        first = self.choice(self.banks.female_names if gender == 0 else self.banks.male_names)
        return f"{first} {self.choice(self.banks.last_names)}", gender

    def pick(self, bank: str) -> str:
        return self.choice(self.banks.lists[bank])

    def picks(self, bank: str, low: int, high: int) -> list[str]:
        items = self.banks.lists[bank]
        return self.sample(items, min(len(items), self.randint(low, high)))

    def labels(self, values: list[str], low: int, high: int) -> list[str]:
        """A few distinct values, kept in vocabulary order."""
        chosen = set(self.sample(values, min(len(values), self.randint(low, high))))
        return [v for v in values if v in chosen]

    def date(self) -> tuple[int, int | None, int | None, dt.date]:
        rng = self.rng
        year = self.randint(FIRST_YEAR, LAST_YEAR)
        month = self.randint(1, 12)
        day = self.randint(1, calendar.monthrange(year, month)[1])
        precision = rng.random()
        exact = dt.date(year, month, day)
        if precision < 0.22:
            return year, None, None, exact
        if precision < 0.55:
            return year, month, None, exact
        return year, month, day, exact

    @staticmethod
    def truncate(exact: dt.date, precision: int) -> tuple[int, int | None, int | None]:
        return (
            exact.year,
            exact.month if precision >= 2 else None,
            exact.day if precision >= 3 else None,
        )

    # -- territories

    def territory(self) -> Territory:
        rng = self.rng
        level = rng.choices(self.levels, self.level_weights)[0]
        choices = self.banks.institutions.get(level.slug)
        dept = self.choice(self.banks.departments)
        if level.slug == "departement":
            while not dept.council:
                dept = self.choice(self.banks.departments)
        commune = self.choice(dept.communes)
        region = self.region_labels[dept.region] or self.choice(self.regions)
        values = {"c": commune, "dc": de(commune), "dd": de_np(dept.name), "r": dept.region}
        if choices is None:
            name = f"{cap(level.label)} {de(commune)}"
            institution = Institution(name, "la collectivité " + de(commune), name, None, False)
        else:
            institution = self.choice(choices)
        if level.slug == "region" and dept.region in self.banks.region_names:
            name, subject = self.banks.region_names[dept.region]
            short = name
        else:
            name = institution.name.format_map(values)
            subject = institution.subject.format_map(values)
            short = institution.short.format_map(values)
        if institution.national:
            region = None
        known = self.banks.policies
        if institution.policies is not None:
            policies = [known[k] for k in institution.policies if k in known]
        else:
            policies = [p for p in known.values() if level.slug in p.levels]
        if not policies:
            policies = list(known.values())
        if level.slug == "commune":
            place = at(commune)
        elif level.slug == "intercommunalite":
            place = "sur le territoire " + de_np(subject)
        else:
            place = "au sein " + de_np(subject)
        return Territory(
            name,
            subject,
            short,
            place,
            level.label,
            region,
            policies,
            level.slug,
            commune,
            dept,
        )

    # -- context shared by every sentence of a case

    def case_context(self, territory: Territory, policy: Policy) -> dict:
        users = self.sample(policy.users, 2)
        objects = self.sample(policy.objects, 2)
        problems = self.sample(policy.problems, 2)
        verb = self.choice(self.banks.verbs)
        team = self.pick("teams")
        service = self.choice(policy.services)
        deciders = self.banks.deciders
        decider = self.choice(deciders.get(territory.level_slug, deciders["*"]) + deciders["*"])
        ctx = {
            **self.numbers(),
            "name": territory.name,
            "subject": territory.subject,
            "Subject": cap(territory.subject),
            "de_subject": de_np(territory.subject),
            "short": territory.short,
            "place": territory.place,
            "Place": cap(territory.place),
            "c": territory.commune,
            "dc": de(territory.commune),
            "dd": de_np(territory.department.name),
            "policy": policy.name,
            "service": service,
            "Service": cap(service),
            "de_service": de_np(service),
            "users": users[0],
            "Users": cap(users[0]),
            "de_users": de_np(users[0]),
            "users2": users[1],
            "de_users2": de_np(users[1]),
            "location": self.choice(policy.places),
            "object": objects[0],
            "de_object": de_np(objects[0]),
            "object2": objects[1],
            "problem": problems[0],
            "problem2": problems[1],
            "verb": verb[0],
            "de_verb": de_word(verb[0]),
            "Verb": cap(verb[0]),
            "pp": verb[1],
            "pres": verb[2],
            "noun": self.choice(self.banks.action_nouns),
            "team": team,
            "Team": cap(team),
            "decider": decider,
            "Decider": cap(decider),
        }
        fmt = self.choice(self.formats)
        ctx.update(format=fmt, Format=cap(fmt), de_format=de_np(fmt))
        ctx["_themes"] = self.labels(self.themes, 1, self.choice((1, 2, 2, 3)))
        return ctx

    # -- methods

    def plan_methods(self, count: int, taken: set[str]) -> list[tuple[str, str, MethodBase, list]]:
        """Slug, title, base and qualifiers of each generated method, in order."""
        rng = self.rng
        bases = list(self.banks.method_bases)
        rng.shuffle(bases)
        titles: set[str] = set()
        planned = []
        for index in range(count):
            if index < len(bases):
                base = bases[index]
                qualifiers = [] if rng.random() < 0.6 else self.sample(self.banks.qualifiers, 1)
            else:
                base = self.choice(bases)
                qualifiers = self.sample(self.banks.qualifiers, self.choice((1, 1, 2)))
            title = _method_title(base, qualifiers)
            for _ in range(20):
                if title.casefold() not in titles and not _has_forbidden(title):
                    break
                qualifiers = self.sample(self.banks.qualifiers, self.choice((1, 2, 2)))
                title = _method_title(base, qualifiers)
            attempt = 2
            while title.casefold() in titles or _has_forbidden(title):
                title = f"{base.title} (variante {attempt})"
                attempt += 1
            titles.add(title.casefold())
            slug = self.unique_slug(_short_slug(title), taken)
            planned.append((slug, title, base, qualifiers))
        return planned

    @staticmethod
    def unique_slug(slug: str, taken: set[str]) -> str:
        candidate, number = slug, 2
        while candidate in taken:
            candidate = f"{slug}-{number}"
            number += 1
        taken.add(candidate)
        return candidate

    def method_file(
        self,
        slug: str,
        title: str,
        base: MethodBase,
        qualifiers: list,
        all_methods: list[MethodRef],
    ) -> str:
        rng = self.rng
        effects = {q[1] for q in qualifiers}
        d_lo, d_hi = base.duration
        factor = 0.5 if "short" in effects else 1.0
        d_lo = max(5, int(d_lo * factor * rng.uniform(0.75, 1.2)) // 5 * 5)
        d_hi = max(d_lo, int(d_hi * factor * rng.uniform(0.85, 1.3)) // 5 * 5)
        p_lo, p_hi = base.participants
        factor = 3.0 if "large" in effects else 1.0
        p_lo = max(1, round(p_lo * factor * rng.uniform(0.7, 1.2)))
        p_hi = max(p_lo, round(p_hi * factor * rng.uniform(0.8, 1.4)))
        phases = [self.vocabulary.by_slug("phases", s) for s in base.phases]
        phase_labels = {t.label for t in phases if t is not None}
        if not phase_labels or rng.random() < 0.15:
            phase_labels.add(self.choice(self.phases).label)
        phase = [t.label for t in self.phases if t.label in phase_labels]
        difficulty_rank = min(2, max(0, base.difficulty + self.choice((-1, 0, 0, 0, 1))))
        difficulty = self.difficulties[round(difficulty_rank * (len(self.difficulties) - 1) / 2)]

        lines = ["---", f"title: {_q(title)}"]
        summary = cap(base.what) + "."
        if qualifiers:
            summary += " Variante " + ", ".join(q[0] for q in qualifiers) + "."
        lines.append(f"summary: {_q(summary)}")
        lines.append(f"phase: {_flow(phase)}")
        lines += ["duration:", f"  min: {d_lo}", f"  max: {d_hi}"]
        if rng.random() < 0.7:
            lines.append(f"  label: {_q(_duration_label(d_lo, d_hi))}")
        lines += ["participants:", f"  min: {p_lo}", f"  max: {p_hi}"]
        lines.append(f"difficulty: {_q(difficulty)}")
        if rng.random() < 0.7:
            by_phase = self.banks.why_situations
            situations = by_phase.get(self.choice(base.phases), by_phase["*"])
            why = f"{self.choice(situations)}, cette méthode aide à {base.benefit}."
            if rng.random() < 0.7:
                why += " " + self.pick("why_extras")
            lines.append(f"why: {_q(why)}")
        if rng.random() < 0.85:
            remote = self.vocabulary.by_slug("modalities", "distanciel")
            if "remote" in effects and remote is not None:
                modality = [remote.label]
            else:
                modality = self.labels([t.label for t in self.modalities], 1, 2)
            lines.append(f"modality: {_flow(modality)}")
        if rng.random() < 0.7:
            extra = self.picks("generic_materials", 0, 2)
            materials = list(base.materials) + [m for m in extra if m not in base.materials]
            lines += _block("materials", materials)
        if rng.random() < 0.5:
            lines += _block("cautions", self.picks("cautions", 1, 2))
        related: list[MethodRef] = []
        if rng.random() < 0.6 and len(all_methods) > 1:
            others = self.sample(all_methods, min(len(all_methods), 4))
            related = [m for m in others if m.slug != slug][: self.randint(1, 3)]
            lines.append(f"related: {_flow([m.slug for m in related])}")
        if rng.random() < 0.4:
            lines.append("sources:")
            source = self.pick("method_sources").format(title=title)
            lines.append(f"  - title: {_q(source)}")
            if rng.random() < 0.7:
                lines.append(f"    url: {_q(f'{SOURCE_SITE}/methodes/{slug}')}")
        if rng.random() < 0.9:
            label = rng.choices(self.completeness, self.completeness_weights)[0]
            lines.append(f"completeness: {_q(label)}")
        lines.append("---")

        objective = base.objective
        for qualifier in qualifiers:
            objective += " " + qualifier[2]
        steps = [self.pick("opening_steps"), *base.steps]
        steps += self.picks("closing_steps", 0, 2)
        while len(steps) > 7:
            steps.pop(rng.randrange(1, len(steps) - 1))
        tips = self.picks("tips", 2, 4)
        if related and rng.random() < 0.5:
            target = related[0]
            tips.append(
                self.pick("related_tips").format(
                    title=_link_text(target.title), url=f"../methods/{target.slug}.md"
                )
            )
        pitfalls = self.picks("pitfalls", 2, 4)
        body = [
            "",
            "## Objectif",
            "",
            objective,
            "",
            "## Déroulé",
            "",
            *(f"{i}. {_sentence(step)}" for i, step in enumerate(steps, 1)),
            "",
            "## Conseils",
            "",
            *(f"- {tip}" for tip in tips),
            "",
            "## Pièges à éviter",
            "",
            *(f"- {pitfall}" for pitfall in pitfalls),
            "",
        ]
        return "\n".join(lines + body)

    # -- cases

    def case_title(self, ctx: dict) -> str:
        for _ in range(20):
            title = cap(self.pick("titles").format_map(ctx))
            if len(title) <= 140 and not _has_forbidden(title):
                return title
        return cap(f"{ctx['short']} : {ctx['verb']} {ctx['object']}")[:140]

    def case_file(
        self,
        slug: str,
        title: str,
        ctx: dict,
        territory: Territory,
        methods: list[MethodRef],
    ) -> str:
        rng = self.rng
        rank_index = rng.choices(range(len(self.completeness)), self.completeness_weights)[0]
        rank = self.completeness_rank[rank_index]
        fmt = ctx["format"]
        themes = ctx["_themes"]
        audience = self.labels(self.audiences, 1, 3) if rng.random() < (0.6, 0.85, 1)[rank] else []

        dated = rng.random() < 0.88
        start = end = None
        if dated:
            year, month, day, exact = self.date()
            start = (year, month, day)
            if rng.random() < 0.3:
                last = dt.date(LAST_YEAR, 12, 31)
                later = min(last, exact + dt.timedelta(days=self.randint(1, 540)))
                precision = self.choice((1, 2, 3, 3))
                end = self.truncate(later, precision)
                if _date_text(end) == _date_text(start):
                    end = self.truncate(later, 3)
                if _date_text(end) == _date_text(start):
                    end = None

        # Front matter
        summary = cap(
            self.pick("summaries").format_map(
                {**ctx, "with_clause": self.pick("with_clauses").format_map(ctx)}
            )
        )
        if rng.random() < 0.5:
            extra = self.choice(ctx["_results"])
            if len(summary) + len(extra) < 399:
                summary += " " + extra
        lines = [
            "---",
            f"title: {_q(title)}",
            f"summary: {_q(summary[:400])}",
            "territory:",
            f"  name: {_q(territory.name)}",
            f"  level: {_q(territory.level)}",
        ]
        if territory.region:
            lines.append(f"  region: {_q(territory.region)}")
        lines.append(f"format: {_q(fmt)}")
        lines.append(f"themes: {_flow(themes)}")
        lines.append(f"methods: {_flow([m.slug for m in methods])}")
        if start:
            lines.append(f"date: {_q(_date_text(start))}")
        if end:
            lines.append(f"end_date: {_q(_date_text(end))}")
        if audience:
            lines.append(f"audience: {_flow(audience)}")
        if rng.random() < (0.4, 0.7, 0.95)[rank]:
            actors = [territory.name] if rng.random() < 0.7 else []
            for actor in self.picks("actors", 1, 2):
                actor = actor.format_map(ctx)
                if actor not in actors:
                    actors.append(actor)
            lines.append(f"actors: {_flow(actors)}")
        if rng.random() < 0.2:
            lines.append(f"facilitators: {_flow([self.pick('facilitators').format_map(ctx)])}")
        outcomes = []
        if rng.random() < (0.5, 0.9, 1)[rank]:
            outcomes = ctx["_results"][: self.randint(1, 2)]
            outcomes += [o.format_map(ctx) for o in self.picks("outcomes", 0, 2)]
            lines += _block("outcomes", outcomes)
        for key, bank, chance in (
            ("lessons", "lessons", (0.4, 0.85, 1)),
            ("challenges", "challenges", (0.2, 0.55, 0.9)),
            ("success_conditions", "success_conditions", (0.2, 0.5, 0.9)),
        ):
            if rng.random() < chance[rank]:
                lines += _block(key, [t.format_map(ctx) for t in self.picks(bank, 1, 3)])
        if rng.random() < (0.05, 0.2, 0.35)[rank]:
            lines.append("follow_up:")
            if start and rng.random() < 0.7:
                base_year = (end or start)[0]
                year = min(LAST_YEAR, base_year + self.randint(1, 2))
                follow = (year, self.randint(1, 12)) if rng.random() < 0.5 else (year,)
                lines.append(f"  date: {_q('-'.join(f'{v:02d}' for v in follow))}")
            lines.append(f"  text: {_q(self.pick('follow_ups').format_map(ctx))}")
        if rng.random() < (0.03, 0.12, 0.3)[rank]:
            author, gender = self.person()
            lines += [
                "testimonial:",
                f"  quote: {_q(self.pick('quotes').format_map(ctx))}",
                f"  author: {_q(author)}",
            ]
            if rng.random() < 0.85:
                lines.append(f"  role: {_q(self.choice(self.banks.roles)[gender])}")
        if rng.random() < (0.5, 0.8, 0.95)[rank]:
            lines.append("sources:")
            for index, source in enumerate(self.picks("sources", 1, 3)):
                lines.append(f"  - title: {_q(source.format_map(ctx))}")
                if rng.random() < 0.7:
                    url = f"{SOURCE_SITE}/retours/{slug}" + (f"/{index + 1}" if index else "")
                    lines.append(f"    url: {_q(url)}")
        if rng.random() < 0.92:
            lines.append(f"completeness: {_q(self.completeness[rank_index])}")
        lines.append("---")
        body = self.case_body(ctx, territory, methods, themes, audience, start, end, rank)
        return "\n".join(lines) + "\n" + body

    def method_sentence(self, position: int, count: int, used: list[str]) -> str:
        """A sentence template for the method at ``position`` among ``count``."""
        allowed = "*1" if position == 0 else "*n2" if position == 1 else "*n"
        if position == count - 1 and position > 0:
            allowed += "z"
        sentences = self.banks.method_sentences
        choices = [t for mark, t in sentences if mark in allowed and t not in used]
        template = self.choice(choices)
        used.append(template)
        return template

    def case_body(self, ctx, territory, methods, themes, audience, start, end, rank) -> str:
        rng = self.rng
        # Each section is a list of [sentence, removable]
        context = [[self.pick("openers").format_map(ctx), False]]
        details = self.sample(ctx["_details"], 2)
        if rng.random() < 0.75:
            context.append([details[0], True])
            if rng.random() < 0.25:
                context.append([details[1], True])
        if rng.random() < 0.75:
            context.append([self.pick("second_problems").format_map(ctx), True])
        if rng.random() < 0.45:
            context.append([self.pick("stakes").format_map(ctx), True])
        context.append([self.pick("triggers").format_map(ctx), False])
        if rng.random() < 0.3:
            theme = self.choice(themes)
            context.append([self.pick("theme_sentences").format_map({**ctx, "theme": theme}), True])
        if start and rng.random() < 0.8:
            opening, closing = _split(self.pick("date_sentences"))
            sentence = opening.format(when=_french_date(start))
            if end:
                sentence += " " + closing.format(end=_french_date(end))
            context.append([sentence + ".", True])

        audience_text = _join(audience) if audience else self.choice(self.banks.default_audience)
        fmt_ctx = {
            **ctx,
            "nparts": self.randint(8, 120),
            "audience": audience_text,
            "span": self.pick("spans").format_map(ctx),
            "reason": self.pick("reasons"),
        }
        approach = [[self.pick("format_sentences").format_map(fmt_ctx), False]]
        if rng.random() < 0.75:
            approach.append([self.pick("fieldwork").format_map(ctx), True])
        neighbours = [c for c in territory.department.communes if c != territory.commune]
        if neighbours and rng.random() < 0.3:
            neighbour = self.choice(neighbours)
            values = {"de_neighbour": de(neighbour), "at_neighbour": at(neighbour)}
            approach.append([self.pick("neighbours").format_map(values), True])
        if rng.random() < 0.3:
            person, gender = self.person()
            role = self.choice(self.banks.facilitator_roles)[gender]
            values = {"person": person, "Person": person, "role": role}
            approach.append([self.pick("facilitation").format_map(values), True])
        tools = []
        policy_goals = list(ctx["_goals"])
        rng.shuffle(policy_goals)
        used: list[str] = []
        for position, method in enumerate(methods):
            template = self.method_sentence(position, len(methods), used)
            if policy_goals and rng.random() < 0.45:
                goal = policy_goals.pop()
            else:
                phase = self.choice(method.phases) if method.phases else "*"
                goal = self.choice(self.banks.phase_goals.get(phase, self.banks.phase_goals["*"]))
            link = f"[{_link_text(method.title)}](../methods/{method.slug}.md)"
            goal = goal.format_map(ctx)
            values = {**ctx, "goal": goal, "de_goal": de_word(goal), "link": link}
            tools.append([template.format_map(values), False])
        if rng.random() < 0.6:
            proto = self.pick("prototypes")
            sentence = self.pick("prototype_sentences").format_map(
                {**ctx, "proto": proto, "de_proto": de_np(proto)}
            )
            tools.append([sentence, True])

        results = []
        if rank == 0 and rng.random() < 0.4:
            results.append([self.pick("undocumented"), False])
        else:
            results.append([ctx["_results"][0], False])
            results.append([self.pick("outcomes").format_map(ctx), True])
            if rng.random() < 0.5:
                results.append([ctx["_results"][1], True])
        if rng.random() < 0.6:
            sentence = self.pick("next_steps").format_map({**ctx, "scope": self.pick("scopes")})
            results.append([sentence, True])

        sections = [context, approach, tools, results]
        words = sum(len(s.split()) for section in sections for s, _ in section)
        if words < 215 and details[1] not in (s for s, _ in context):
            context.append([details[1], True])
            words += len(details[1].split())
        fillers = list(self.banks.lists["fillers"])
        rng.shuffle(fillers)
        while words < 215 and fillers:
            sentence = fillers.pop()
            approach.append([sentence, True])
            words += len(sentence.split())
        for section in (context, results, approach, tools):
            while words > 390:
                removable = [i for i, (_, flag) in enumerate(section) if flag]
                if not removable:
                    break
                words -= len(section.pop(removable[-1])[0].split())
        paragraphs = [
            "## Contexte",
            " ".join(s for s, _ in context),
            "## Démarche",
            " ".join(s for s, _ in approach),
            " ".join(s for s, _ in tools),
            "## Résultats",
            " ".join(s for s, _ in results),
        ]
        return "\n" + "\n\n".join(p for p in paragraphs if p) + "\n"


def _method_title(base: MethodBase, qualifiers: list) -> str:
    return base.title + "".join((" " if i == 0 else ", ") + q[0] for i, q in enumerate(qualifiers))


def _sentence(text: str) -> str:
    return text if text[-1:] in ".?!" else text + "."


def _join(values: list[str]) -> str:
    """« a, b et c », or « a, b, c et d » when a label already holds « et »."""
    if len(values) == 1:
        return values[0]
    if any(" et " in v for v in values):
        return ", ".join(values)
    return ", ".join(values[:-1]) + " et " + values[-1]


def _link_text(title: str) -> str:
    return uncap(title).replace("[", "(").replace("]", ")")


def _duration_label(low: int, high: int) -> str:
    if high <= 45:
        return f"{low} à {high} minutes" if low < high else f"{high} minutes"
    if high <= 90:
        return "environ une heure"
    if high <= 150:
        return "une à deux heures"
    if high <= 240:
        return "une demi-journée"
    if high <= 480:
        return "une demi-journée à une journée" if low < 300 else "une journée"
    if high <= 1500:
        return "une à trois journées"
    return "une semaine"


# --- The corpus ----------------------------------------------------------------------


def _check_output(out: Path) -> None:
    if out.exists() and (not out.is_dir() or any(out.iterdir())):
        raise SyntheticError(
            f"Le dossier de sortie « {out} » existe déjà et n’est pas vide : "
            "indiquez un dossier vide ou qui n’existe pas encore."
        )


def _copy_project(root: Path, out: Path) -> None:
    missing = [name for name in REQUIRED if not (root / name).exists()]
    if missing:
        raise SyntheticError(
            f"« {root} » n’est pas la racine d’un projet Retex : il y manque "
            + ", ".join(missing)
            + " (précisez --root)."
        )
    out.mkdir(parents=True, exist_ok=True)
    for name in COPIED_FILES:
        shutil.copy2(root / name, out / name)
    for name in COPIED_DIRS:
        if (root / name).is_dir():
            shutil.copytree(root / name, out / name, ignore=IGNORED)
        else:
            (out / name).mkdir()


def _write_files(batch: list[tuple[Path, str]]) -> None:
    # O_EXCL: never overwrite a real file.
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    for path, text in batch:
        data = text.encode("utf-8")
        fd = os.open(path, flags, 0o644)
        try:
            while data:
                data = data[os.write(fd, data) :]
        finally:
            os.close(fd)


def generate(out: Path, cases: int, seed: int = 1, root: Path | None = None) -> dict:
    """Write a buildable project with ``cases`` generated cases into ``out``.

    Returns the counts: ``cases``, ``methods`` and ``aliases`` generated, and
    ``total_cases`` and ``total_methods`` (real content included).
    """
    out = Path(out)
    root = Path(root) if root is not None else ROOT
    if cases < 0:
        raise SyntheticError("Le nombre de cas à générer ne peut pas être négatif.")
    _check_output(out)
    _copy_project(root.resolve(), out)
    try:
        vocabulary = load_vocabulary(out / "vocabulary.yml")
    except ContentError as exc:
        raise SyntheticError(
            "vocabulary.yml est invalide : " + "; ".join(p.message for p in exc.problems)
        ) from None
    real = read_real_content(out, vocabulary)
    rng = random.Random(seed)
    gen = Generator(rng, vocabulary, banks_mod.load())
    taken_methods = set(real.identifiers)
    method_count = max(1, cases // 10)
    planned = gen.plan_methods(method_count, taken_methods)
    generated_refs = [MethodRef(slug, title, base.phases) for slug, title, base, _ in planned]
    all_methods = real.methods + generated_refs

    method_texts = [
        (slug, gen.method_file(slug, title, base, qualifiers, all_methods))
        for slug, title, base, qualifiers in planned
    ]

    # Cases are written as soon as they are built. Aliases must take no slug, not even one
    # drawn later: the cases that get one are chosen now, kept aside, and given their
    # alias once every slug is known.
    taken_cases = set(real.identifiers) | {slug for slug, _ in method_texts}
    wanted = max(1, round(cases * ALIAS_SHARE)) if cases >= 10 else 0
    holders = set(rng.sample(range(cases), wanted))
    held = []
    # A writer thread creates the files while the next texts are built (its system calls
    # release the GIL).
    with ThreadPoolExecutor(max_workers=WRITERS, thread_name_prefix="synthetic") as pool:
        pending = []
        batch = [(out / "methods" / f"{slug}.md", text) for slug, text in method_texts]
        for index in range(cases):
            territory = gen.territory()
            policy = gen.choice(territory.policies)
            ctx = gen.case_context(territory, policy)
            ctx["_results"] = [
                r.format_map({**ctx, **gen.numbers()}) + "." for r in gen.sample(policy.results, 2)
            ]
            ctx["_goals"] = policy.goals
            ctx["_details"] = policy.details
            title = gen.case_title(ctx)
            slug = gen.unique_slug(_short_slug(title), taken_cases)
            count = rng.choices((1, 2, 3, 4), (30, 35, 22, 13))[0]
            methods = gen.sample(all_methods, min(count, len(all_methods)))
            text = gen.case_file(slug, title, ctx, territory, methods)
            path = out / "cases" / f"{slug}.md"
            if index in holders:
                candidates = [
                    _short_slug(f"{ctx['short']} {ctx['policy']}"),
                    _short_slug(f"{territory.commune} {ctx['object']}"),
                    f"{slug}-{rng.randint(FIRST_YEAR, LAST_YEAR)}",
                ]
                held.append((path, text, slug, candidates))
                continue
            batch.append((path, text))
            if len(batch) >= WRITE_BATCH:
                pending.append(pool.submit(_write_files, batch))
                batch = []
        for path, text, slug, candidates in held:
            alias = next((c for c in candidates if c and c not in taken_cases), None)
            if alias is None:
                alias = gen.unique_slug(slug + "-ancien", set(taken_cases))
            taken_cases.add(alias)
            # The front matter's closing line is the first « --- » after the opening one.
            text = text.replace("\n---\n", f"\naliases: {_flow([alias])}\n---\n", 1)
            batch.append((path, text))
        pending.append(pool.submit(_write_files, batch))
        for future in pending:
            future.result()  # re-raises a failed write

    return {
        "cases": cases,
        "methods": method_count,
        "aliases": len(held),
        "total_cases": cases + len(real.case_slugs),
        "total_methods": method_count + len(real.methods),
    }
