"""vocabulary.yml and the slugs derived from French labels."""

from __future__ import annotations

import pytest
from samples import ROOT

from retex.problems import ContentError
from retex.slugs import fold, folding_ranges, is_slug, slugify
from retex.vocabulary import VOCABULARIES, load_vocabulary


@pytest.fixture(scope="module")
def vocabulary():
    return load_vocabulary(ROOT / "vocabulary.yml")


# --- Slugs -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, slug",
    [
        ("Expérimentation à Évry", "experimentation-a-evry"),
        ("Culture de l’innovation", "culture-de-l-innovation"),
        ("Culture de l'innovation", "culture-de-l-innovation"),
        ("Provence-Alpes-Côte d’Azur", "provence-alpes-cote-d-azur"),
        ("Œuvrer pour le cœur de ville", "oeuvrer-pour-le-coeur-de-ville"),
        ("Île-de-France", "ile-de-france"),
        ("État", "etat"),
        ("1 à 3 h", "1-a-3-h"),
        ("moins d’une heure", "moins-d-une-heure"),
        ("  « Et si… » : scénarios !  ", "et-si-scenarios"),
        ("Mon Cas", "mon-cas"),
        ("déjà--un_slug", "deja-un-slug"),
    ],
)
def test_slugify(text, slug):
    assert slugify(text) == slug
    assert is_slug(slug)


def test_folding_ranges_are_the_characters_a_slug_keeps():
    """What the contribution form keeps of a title before decomposing it: exactly the
    non-ASCII characters that count in Python's slug, as sorted, disjoint ranges."""
    ranges = folding_ranges()
    assert all(a <= b < c for (a, b), (c, _) in zip(ranges, ranges[1:], strict=False))

    def kept(char):
        return any(low <= ord(char) <= high for low, high in ranges)

    assert all(kept(c) for c in "éÉçﬁＡ①\u00a0\u2024")
    # No decomposition to ASCII (œ is the slug's own ligature table), or unknown to Python.
    assert not any(kept(c) for c in "œß日€\U0001ccd6")
    for code in range(0x80, 0x3000):
        char = chr(code)
        counts = slugify("a" + char + "b") != "ab"  # as a letter or as a separator
        assert kept(char) == counts or char in "œŒæÆß’‘ʼ", hex(code)


@pytest.mark.parametrize("text", ["mon-cas", "a", "cas-2019", "2019"])
def test_is_slug_accepts(text):
    assert is_slug(text)


@pytest.mark.parametrize("text", ["Mon-cas", "mon cas", "mon--cas", "-cas", "cas-", "café", "", 3])
def test_is_slug_refuses(text):
    assert not is_slug(text)


def test_fold_ignores_case_apostrophe_style_and_spaces():
    assert fold("  Culture de l'innovation ") == fold("culture  de l’innovation")
    assert fold("Île-de-France") != fold("Ile-de-France")  # accents are meaningful


# --- The real vocabulary --------------------------------------------------------------------


def test_every_vocabulary_is_present_and_slugs_are_unique(vocabulary):
    for kind in VOCABULARIES:
        terms = vocabulary.terms[kind]
        assert terms, kind
        slugs = [t.slug for t in terms]
        assert len(set(slugs)) == len(slugs), kind
        assert all(is_slug(s) for s in slugs), kind


def test_lookup_is_tolerant_but_returns_the_label(vocabulary):
    term = vocabulary.lookup("themes", "culture de l'innovation")
    assert term.label == "Culture de l’innovation"
    assert term.slug == "culture-de-l-innovation"
    assert vocabulary.lookup("themes", "Culture de l’innovations") is None
    assert vocabulary.by_slug("regions", "provence-alpes-cote-d-azur").label == (
        "Provence-Alpes-Côte d’Azur"
    )
    assert vocabulary.slug("territory_levels", "intercommunalité") == "intercommunalite"


def test_suggest_the_nearest_label(vocabulary):
    assert vocabulary.suggest("formats", "residense") == "vouliez-vous dire « résidence » ?"
    assert vocabulary.suggest("regions", "nouvelle aquitaine") == (
        "vouliez-vous dire « Nouvelle-Aquitaine » ?"
    )
    assert vocabulary.suggest("formats", "hackathon géant") is None


@pytest.mark.parametrize(
    "low, high, labels",
    [
        (45, 90, ["moins d’une heure", "1 à 3 h"]),
        (60, 180, ["1 à 3 h"]),
        (59, 60, ["moins d’une heure", "1 à 3 h"]),  # bounds included
        (240, 480, ["une demi-journée ou plus"]),  # the last bucket has no upper bound
        (30, 600, ["moins d’une heure", "1 à 3 h", "une demi-journée ou plus"]),
    ],
)
def test_a_duration_belongs_to_every_bucket_it_overlaps(vocabulary, low, high, labels):
    buckets = vocabulary.buckets_for("duration_buckets", low, high)
    assert [b.label for b in buckets] == labels


def test_group_size_buckets(vocabulary):
    buckets = vocabulary.buckets_for("participants_buckets", 10, 40)
    assert [b.label for b in buckets] == ["6 à 15", "16 à 40"]
    assert [b.slug for b in vocabulary.buckets_for("participants_buckets", 50, 200)] == [
        "plus-de-40"
    ]


# --- A broken vocabulary.yml is reported like content -------------------------------------------


def broken(tmp_path, edit) -> list:
    text = edit((ROOT / "vocabulary.yml").read_text(encoding="utf-8"))
    path = tmp_path / "vocabulary.yml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        load_vocabulary(path)
    return caught.value.problems


def test_missing_vocabulary_file(tmp_path):
    with pytest.raises(ContentError) as caught:
        load_vocabulary(tmp_path / "vocabulary.yml")
    [problem] = caught.value.problems
    assert (problem.path, problem.message) == ("vocabulary.yml", "fichier introuvable")


def test_unknown_vocabulary_suggests_the_nearest(tmp_path):
    problems = broken(tmp_path, lambda t: t.replace("\nthemes:", "\ntheme:"))
    assert [(p.field, p.text()) for p in problems] == [
        ("theme", "champ inconnu — vouliez-vous dire « themes » ?"),
        ("themes", "champ obligatoire manquant — ajoutez une ligne « themes: … »"),
    ]


def test_two_labels_with_the_same_slug_are_refused(tmp_path):
    problems = broken(
        tmp_path,
        lambda t: t.replace(
            "  - label: Prospective\n", "  - label: Prospective\n  - label: prospective\n"
        ),
    )
    assert [(p.field, p.message) for p in problems] == [
        ("themes", "« prospective » se confond avec « Prospective » (même libellé ou même adresse)")
    ]


def test_bucket_with_max_below_min_is_refused(tmp_path):
    problems = broken(
        tmp_path, lambda t: t.replace("    min: 60\n    max: 180", "    min: 60\n    max: 6")
    )
    assert [(p.field, p.message) for p in problems] == [
        ("duration_buckets[2]", "max doit être supérieur ou égal à min")
    ]


def test_unreadable_vocabulary_yaml(tmp_path):
    problems = broken(tmp_path, lambda t: t.replace("themes:\n", "themes: [\n", 1))
    assert problems[0].path == "vocabulary.yml"
    assert problems[0].line > 1
