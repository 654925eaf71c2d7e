"""What the build computes between entries: never typed in by contributors.

* the cases that used a method (backlinks);
* the methods most often used with a method in those cases;
* for each case, the most similar cases, from an inverted index of shared themes
  and methods, each feature weighted by its rarity (IDF). Candidates come from at most
  ``CANDIDATES_PER_FEATURE`` cases per feature, so the cost stays linear in the
  number of cases however common a theme becomes.
"""

from __future__ import annotations

import heapq
import math
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import lru_cache

from .collection import Collection, Entry

CANDIDATES_PER_FEATURE = 200


def newest_first(entry: Entry) -> tuple:
    date = getattr(entry.data, "date", None)
    year, month, day = date.sort_key if date else (0, 0, 0)
    return (-year, -month, -day, entry.title.casefold())


def case_features(case: Entry) -> set[tuple[str, str]]:
    return {("theme", t) for t in case.data.themes} | {("method", m) for m in case.data.methods}


@dataclass
class Relations:
    used_by: dict[str, list[Entry]]  # method slug -> cases that used it, newest first
    used_with: dict[str, list[tuple[Entry, int]]]  # method slug -> (method, shared cases)
    similar: dict[str, list[Entry]]  # case slug -> most similar cases
    related: dict[str, list[Entry]]  # method slug -> related methods, both directions


def compute_relations(
    collection: Collection, *, similar_count: int = 3, used_with_count: int = 5
) -> Relations:
    cases = sorted(collection.cases, key=newest_first)
    methods = {m.slug: m for m in collection.methods}

    used_by: dict[str, list[Entry]] = defaultdict(list)
    for case in cases:
        for slug in case.data.methods:
            used_by[slug].append(case)

    used_with: dict[str, list[tuple[Entry, int]]] = {}
    for slug, users in used_by.items():
        counts = Counter(other for case in users for other in case.data.methods if other != slug)
        ranked = sorted(
            counts.items(), key=lambda item: (-item[1], methods[item[0]].title.casefold())
        )
        used_with[slug] = [(methods[s], n) for s, n in ranked[:used_with_count] if s in methods]

    related: dict[str, list[Entry]] = defaultdict(list)
    for method in sorted(methods.values(), key=lambda m: m.title.casefold()):
        for slug in method.data.related:
            other = methods.get(slug)
            if other is None:
                continue
            if other not in related[method.slug]:
                related[method.slug].append(other)
            if method not in related[slug]:
                related[slug].append(method)

    return Relations(dict(used_by), used_with, similar_cases(cases, similar_count), dict(related))


def similar_cases(cases: list[Entry], count: int) -> dict[str, list[Entry]]:
    """Top ``count`` cases sharing the rarest themes and methods with each case."""
    key = tuple((case.slug, frozenset(case_features(case))) for case in cases)
    by_slug = {case.slug: case for case in cases}
    ranked = _similar_slugs(key, count)
    return {slug: [by_slug[s] for s in others] for slug, others in ranked.items()}


@lru_cache(maxsize=1)
def _similar_slugs(
    cases: tuple[tuple[str, frozenset], ...], count: int
) -> dict[str, tuple[str, ...]]:
    """The computation itself, on (slug, features) in newest-first order: remembered
    for the next call with the same input (a preview rebuilt after a typo)."""
    features = dict(cases)
    postings: dict[tuple[str, str], list[int]] = defaultdict(list)
    slugs = [slug for slug, _ in cases]
    for index, slug in enumerate(slugs):  # cases are newest first: postings too
        for feature in features[slug]:
            postings[feature].append(index)
    total = len(cases)
    weight = {f: math.log(1 + total / len(p)) for f, p in postings.items()}

    result: dict[str, tuple[str, ...]] = {}
    for index, slug in enumerate(slugs):
        mine = features[slug]
        candidates = {
            other
            for feature in mine
            for other in postings[feature][: CANDIDATES_PER_FEATURE + 1]
            if other != index
        }
        scores = {
            other: sum(weight[f] for f in mine & features[slugs[other]]) for other in candidates
        }
        best = heapq.nsmallest(count, scores.items(), key=lambda item: (-item[1], item[0]))
        result[slug] = tuple(slugs[i] for i, _ in best)
    return result
