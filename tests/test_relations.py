"""What the build computes between entries: backlinks, "often used with", similar cases."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from samples import ROOT

from retex import relations
from retex.collection import Collection, Entry
from retex.kinds import CASE, METHOD
from retex.relations import compute_relations
from retex.schema import PartialDate
from retex.site import check_content


def a_case(slug, *, methods, themes=("Relation aux usagers",), date=None, title=None, draft=False):
    data = SimpleNamespace(
        title=title or slug,
        date=PartialDate(*date) if isinstance(date, tuple) else date,
        themes=list(themes),
        methods=list(methods),
        draft=draft,
    )
    return Entry(CASE, slug, CASE.source(slug), data, "", 1)


def a_method(slug, *, related=(), title=None, draft=False):
    data = SimpleNamespace(title=title or slug, related=list(related), draft=draft)
    return Entry(METHOD, slug, METHOD.source(slug), data, "", 1)


def collection(cases, methods) -> Collection:
    return Collection({CASE: {c.slug: c for c in cases}, METHOD: {m.slug: m for m in methods}})


def slugs(entries):
    return [e.slug for e in entries]


# --- Backlinks: the cases that used a method -------------------------------------------------


def test_cases_that_used_a_method_newest_first():
    methods = [a_method("debat"), a_method("tour")]
    cases = [
        a_case("sans-date", methods=["debat"]),
        a_case("annee", methods=["debat"], date=(2017,)),
        a_case("jour", methods=["debat", "tour"], date=(2019, 6, 27)),
        a_case("mois", methods=["debat"], date=(2019, 6)),
        a_case("autre", methods=["tour"], date=(2020,)),
        a_case("annee-b", methods=["debat"], date=(2017,), title="Barcamp"),
        a_case("annee-a", methods=["debat"], date=(2017,), title="atelier"),
    ]
    result = compute_relations(collection(cases, methods))
    # the most precise date of the same month comes first; same date: by title
    assert slugs(result.used_by["debat"]) == [
        "jour",
        "mois",
        "annee",
        "annee-a",
        "annee-b",
        "sans-date",
    ]
    assert slugs(result.used_by["tour"]) == ["autre", "jour"]


def test_drafts_are_not_backlinks():
    methods = [a_method("debat")]
    cases = [
        a_case("publie", methods=["debat"]),
        a_case("brouillon", methods=["debat"], draft=True),
    ]
    result = compute_relations(collection(cases, methods))
    assert slugs(result.used_by["debat"]) == ["publie"]


def test_a_method_no_case_used_has_no_backlinks():
    result = compute_relations(
        collection([a_case("c", methods=["a"])], [a_method("a"), a_method("b")])
    )
    assert "b" not in result.used_by
    assert result.used_with.get("b", []) == []


# --- Often used with -----------------------------------------------------------------------


def test_methods_often_used_with_a_method_are_counted_over_its_cases():
    methods = [
        a_method(s, title=t)
        for s, t in [("d", "Débat"), ("t", "Tour"), ("e", "Entretien"), ("b", "Barcamp")]
    ]
    cases = [
        a_case("c1", methods=["d", "t", "e"]),
        a_case("c2", methods=["d", "t"]),
        a_case("c3", methods=["d", "e", "b"]),
        a_case("c4", methods=["t", "b"]),  # does not use d
    ]
    result = compute_relations(collection(cases, methods))
    # most shared first, then by title; never the method itself
    assert [(m.slug, n) for m, n in result.used_with["d"]] == [("e", 2), ("t", 2), ("b", 1)]
    assert [(m.slug, n) for m, n in result.used_with["b"]] == [("d", 1), ("e", 1), ("t", 1)]


def test_often_used_with_is_capped():
    methods = [a_method(f"m{i}") for i in range(10)]
    cases = [a_case("c", methods=[f"m{i}" for i in range(10)])]
    result = compute_relations(collection(cases, methods), used_with_count=3)
    assert len(result.used_with["m0"]) == 3


# --- Related methods --------------------------------------------------------------------


def test_related_methods_go_both_ways_once():
    methods = [
        a_method("a", related=["b", "c"], title="A"),
        a_method("b", related=["a"], title="B"),
        a_method("c", title="C"),
        a_method("d", related=["absente"], title="D"),
    ]
    result = compute_relations(collection([], methods))
    assert slugs(result.related["a"]) == ["b", "c"]
    assert slugs(result.related["b"]) == ["a"]  # not twice
    assert slugs(result.related["c"]) == ["a"]  # the other way
    assert slugs(result.related.get("d", [])) == []


# --- Similar cases ------------------------------------------------------------------------


def test_similar_cases_share_the_rarest_themes_and_methods():
    common, rare = "Relation aux usagers", "Prospective"
    cases = [
        a_case("moi", methods=["m"], themes=[common, rare]),
        a_case("rare", methods=["x"], themes=[rare]),
        a_case("commun", methods=["y"], themes=[common]),
        a_case("commun-2", methods=["y"], themes=[common]),
        a_case("commun-3", methods=["z"], themes=[common]),
        a_case("rien", methods=["w"], themes=["Inclusion numérique"]),
    ]
    methods = [a_method(s) for s in "mxyzw"]
    result = compute_relations(collection(cases, methods), similar_count=3)
    similar = slugs(result.similar["moi"])
    assert similar[0] == "rare"  # one rare theme outweighs one common theme
    assert "moi" not in similar and "rien" not in similar
    assert len(similar) == 3


def test_sharing_more_features_ranks_higher():
    cases = [
        a_case("moi", methods=["m", "n"], themes=["T", "U"]),
        a_case("deux", methods=["m", "n"], themes=["V"]),
        a_case("un", methods=["m"], themes=["W"]),
        a_case("autre", methods=["o"], themes=["X"]),
    ]
    methods = [a_method(s) for s in "mno"]
    result = compute_relations(collection(cases, methods))
    assert slugs(result.similar["moi"]) == ["deux", "un"]
    assert slugs(result.similar["autre"]) == []


def test_similar_cases_do_not_compare_all_pairs(monkeypatch):
    """5,000 cases sharing two common themes: each case only looks at the newest
    CANDIDATES_PER_FEATURE cases of each of its features, so the cost stays linear."""
    cap = 20
    monkeypatch.setattr(relations, "CANDIDATES_PER_FEATURE", cap)
    total = 5000
    cases = []
    for i in range(total):  # c0000 is the newest
        both = i in (0, total - 1)
        themes = ["A", "B"] if both else ["A"] if i % 2 else ["B"]
        cases.append(a_case(f"c{i:04d}", methods=["m"], themes=themes, date=PartialDate(9000 - i)))
    result = compute_relations(collection(cases, [a_method("m")]))

    newest, oldest = "c0000", f"c{total - 1:04d}"
    # The oldest case shares everything with the newest, but lies far beyond the cap in
    # every posting list: it is never compared with it...
    assert oldest not in slugs(result.similar[newest])
    # ...while the newest lies within the oldest's candidates and is found first.
    assert slugs(result.similar[oldest])[0] == newest
    # No case is ever compared with a case beyond the first `cap` of its features' lists.
    reachable = {f"c{i:04d}" for i in range(3 * (cap + 1))}
    for case in cases:
        found = slugs(result.similar[case.slug])
        assert len(found) == 3
        assert set(found) <= reachable


# --- On the real content -----------------------------------------------------------------


def test_real_content_relations():
    site, problems = check_content(ROOT)
    assert not problems
    used_by = slugs(site.relations.used_by["debat-mouvant"])
    assert "strasbourg-transfo-labo-et-comptoir-des-services" in used_by
    used_with = {m.slug for m, _ in site.relations.used_with["debat-mouvant"]}
    assert "tour-de-table" in used_with
    for case in site.cases:
        for method in case.data.methods:
            assert case in site.relations.used_by[method]


@pytest.mark.parametrize("count", [1, 2])
def test_similar_count(count):
    cases = [a_case(f"c{i}", methods=["m"]) for i in range(5)]
    result = compute_relations(collection(cases, [a_method("m")]), similar_count=count)
    assert all(len(v) == count for v in result.similar.values())
