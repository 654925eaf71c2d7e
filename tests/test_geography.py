"""The map of the cases: the committed shapes agree with vocabulary.yml, a broken or
hostile shapes file is refused with a French message before any HTML, the path data is
the build's own, and the figures are those of the region browse pages."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from samples import CASE, Content, assert_french, case

from retex.geography import MAP_FILE, MAX_POINTS, levels, load_region_map, map_view
from retex.vocabulary import load_vocabulary

ROOT = Path(__file__).resolve().parent.parent
OVERSEAS = {"Guadeloupe", "Martinique", "Guyane", "La Réunion", "Mayotte"}


@pytest.fixture(scope="module")
def vocabulary():
    return load_vocabulary(ROOT / "vocabulary.yml")


@pytest.fixture(scope="module")
def committed():
    return json.loads((ROOT / MAP_FILE).read_text(encoding="utf-8"))


def test_the_committed_map_draws_exactly_the_regions_of_the_vocabulary(vocabulary):
    region_map, problems = load_region_map(ROOT, vocabulary)
    assert problems == []
    terms = vocabulary.terms["regions"]
    assert list(region_map.shapes) == [t.slug for t in terms]
    insets = {t.label for t in terms if region_map.shapes[t.slug].inset is not None}
    assert insets == OVERSEAS  # the five overseas regions as insets, the thirteen others not
    assert len(terms) - len(insets) == 13


def test_the_committed_map_says_its_source_and_licence(committed):
    source = committed["source"]
    assert source["url"] == "https://github.com/gregoiredavid/france-geojson"
    assert "Admin Express" in source["derived_from"]
    assert source["license"].startswith("Licence Ouverte")
    assert committed["generator"] == "python -m tools.map.make_regions_map"


def test_the_drawing_stays_a_few_tens_of_kilobytes(vocabulary):
    region_map, _ = load_region_map(ROOT, vocabulary)
    data = sum(len(s.path) for s in region_map.shapes.values())
    assert 5_000 < data < 40_000, data


def _points(path: str) -> list[list[tuple[int, int]]]:
    """Parse the build's path data back (absolute moveto, relative lineto, close)."""
    assert re.fullmatch(r"(M-?\d+ -?\d+l(-?\d+[ -]?)*z)+", path.replace(" -", "-")), path[:80]
    rings = []
    for ring in re.findall(r"M([^l]+)l([^z]*)z", path):
        x, y = (int(v) for v in ring[0].split())
        numbers = [int(v) for v in re.findall(r"-?\d+", ring[1])]
        points = [(x, y)]
        for dx, dy in zip(numbers[::2], numbers[1::2], strict=True):
            x, y = x + dx, y + dy
            points.append((x, y))
        rings.append(points)
    return rings


def test_the_path_data_is_written_from_the_numbers_and_says_them_back(vocabulary, committed):
    region_map, _ = load_region_map(ROOT, vocabulary)
    for region in committed["regions"]:
        rings = _points(region_map.shapes[region["id"]].path)
        assert rings == [list(zip(r[::2], r[1::2], strict=True)) for r in region["rings"]]


def test_neighbours_share_their_simplified_border(vocabulary):
    """No gap between two regions: the border points of one are points of the other."""
    region_map, _ = load_region_map(ROOT, vocabulary)
    points = {slug: {p for ring in s.rings for p in ring} for slug, s in region_map.shapes.items()}
    shared = points["bretagne"] & points["pays-de-la-loire"]
    assert len(shared) > 10
    assert len(points["normandie"] & points["bretagne"]) > 3


# --- The file is checked like anything a pull request carries -----------------------------


@pytest.fixture
def content(tmp_path):
    return Content(tmp_path).valid()


def rewrite(content: Content, change) -> str:
    document = json.loads((content.root / MAP_FILE).read_text(encoding="utf-8"))
    change(document)
    text = json.dumps(document, ensure_ascii=False)
    content.write(MAP_FILE, text)
    return text


def only_map_problem(content: Content):
    problems = [p for p in content.check() if p.path.startswith("maps")]
    assert len(problems) == 1, "\n".join(p.format() for p in problems) or "no problem"
    assert_french(problems[0])
    assert "tools.map.make_regions_map" in problems[0].text() or problems[0].fix
    return problems[0]


def test_a_region_added_to_the_vocabulary_without_a_shape_stops_the_check(content):
    text = (content.root / "vocabulary.yml").read_text(encoding="utf-8")
    content.write(
        "vocabulary.yml",
        text.replace(
            "  - label: Mayotte\n", "  - label: Mayotte\n  - label: Saint-Pierre-et-Miquelon\n"
        ),
    )
    problem = only_map_problem(content)
    assert problem.message.startswith("la région « Saint-Pierre-et-Miquelon » de vocabulary.yml")
    assert "saint-pierre-et-miquelon" in problem.message


def test_a_shape_of_a_region_the_vocabulary_does_not_know_stops_the_check(content):
    def rename(document):
        document["regions"][2]["id"] = "bretagn"

    rewrite(content, rename)
    problems = sorted(p for p in content.check() if p.path == MAP_FILE)
    fields = [p.field for p in problems]
    assert fields == ["regions", "regions[3].id"]  # Bretagne has no shape; « bretagn » is unknown
    assert "vouliez-vous dire « bretagne »" in problems[1].fix
    for problem in problems:
        assert_french(problem)


def test_a_region_given_twice_stops_the_check(content):
    def twice(document):
        document["regions"].append(document["regions"][0])

    rewrite(content, twice)
    problem = only_map_problem(content)
    assert "donnée deux fois" in problem.message


def test_a_missing_map_says_what_to_do(content):
    (content.root / MAP_FILE).unlink()
    problem = only_map_problem(content)
    assert problem.message.startswith("fichier introuvable")


@pytest.mark.parametrize(
    "change, field, words",
    [
        (
            lambda d: d["regions"][0]["rings"][0].__setitem__(0, 100000),
            "regions[1].rings[1]",
            "hors du dessin",
        ),
        (
            lambda d: d["regions"][0]["rings"][0].__setitem__(0, -1),
            "regions[1].rings[1]",
            "hors du dessin",
        ),
        (
            lambda d: d["regions"][0]["rings"][0].__setitem__(0, 1.5),
            "regions[1].rings[1][1]",
            "entier",
        ),
        (
            lambda d: d["regions"][0]["rings"][0].__setitem__(0, "1"),
            "regions[1].rings[1][1]",
            "entier",
        ),
        (
            lambda d: d["regions"][0]["rings"][0].__setitem__(0, True),
            "regions[1].rings[1][1]",
            "entier",
        ),
        (
            lambda d: d["regions"][0]["rings"].__setitem__(0, [1, 2, 3]),
            "regions[1].rings[1]",
            "trois points",
        ),
        (
            lambda d: d["regions"][0].__setitem__("label", [900, 10000]),
            "regions[1].label",
            "hors du dessin",
        ),
        (lambda d: d["regions"][13]["inset"].__setitem__(2, 5000), "regions[14].inset", "encart"),
        (lambda d: d.__setitem__("width", 10**9), "width", ""),
    ],
    ids=["too-far", "negative", "float", "string", "bool", "two-points", "label", "inset", "width"],
)
def test_numbers_out_of_place_are_refused(content, change, field, words):
    rewrite(content, change)
    problem = only_map_problem(content)
    assert problem.field == field
    assert words in problem.message


def test_the_problem_is_reported_at_the_line_of_its_region(content):
    shutil.copy(ROOT / MAP_FILE, content.root / MAP_FILE)
    text = (content.root / MAP_FILE).read_text(encoding="utf-8")
    lines = text.split("\n")
    index = next(i for i, line in enumerate(lines) if '"id":"corse"' in line)
    lines[index] = lines[index].replace('"label":[', '"label":[-5,', 1)
    content.write(MAP_FILE, "\n".join(lines))
    problem = only_map_problem(content)
    assert problem.line == index + 1


def test_a_map_too_large_for_a_page_is_refused(content):
    def bloat(document):
        ring = document["regions"][0]["rings"][0]
        document["regions"][0]["rings"] += [ring] * (MAX_POINTS // (len(ring) // 2) + 1)

    rewrite(content, bloat)
    problem = only_map_problem(content)
    assert "points" in problem.message


def test_the_file_cannot_be_unbounded(content):
    content.write(MAP_FILE, "[" + "0," * 300_000 + "0]")
    problem = only_map_problem(content)
    assert "trop volumineux" in problem.message


def test_unreadable_json_is_reported_at_its_line(content):
    content.write(MAP_FILE, '{\n  "width": 800,\n  oops\n}')
    problem = only_map_problem(content)
    assert (problem.line, problem.message[:14]) == (3, "JSON illisible")


# --- The figures -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "maximum, expected",
    [
        (0, ["aucun cas"]),
        (1, ["aucun cas", "1 cas"]),
        (2, ["aucun cas", "1 cas", "2 cas"]),
        (4, ["aucun cas", "1 cas", "2 cas", "3 cas", "4 cas"]),
        (10, ["aucun cas", "1 à 3 cas", "4 à 5 cas", "6 à 8 cas", "9 à 10 cas"]),
    ],
)
def test_the_legend_covers_every_count_once(maximum, expected):
    scale = levels(maximum)
    assert [lv.text for lv in scale] == expected
    covered = [n for lv in scale[1:] for n in range(lv.low, lv.high + 1)]
    assert covered == list(range(1, maximum + 1))
    shades = [lv.shade for lv in scale]
    assert shades == sorted(set(shades)) and shades[-1] == (4 if maximum else 0)


def test_the_map_counts_what_the_region_pages_show(tmp_path):
    content = Content(tmp_path).valid()
    content.write("cases/rennes-atelier.md", CASE.replace("Nouvelle-Aquitaine", "Bretagne"))
    content.write("cases/brest-atelier.md", CASE.replace("Nouvelle-Aquitaine", "Bretagne"))
    content.write("cases/national.md", CASE.replace("  region: Nouvelle-Aquitaine\n", ""))
    content.write("cases/brouillon.md", case(draft="true").replace("Nouvelle-Aquitaine", "Corse"))
    site = content.site()
    regions = next(i for i in site.browse if i.dimension.key == "regions")
    view = map_view(site.region_map, site.vocabulary, regions, site.cases)
    counts = {r.slug: r.count for r in view.regions if r.count}
    assert counts == {"bretagne": 2, "nouvelle-aquitaine": 1}  # the draft is not published
    bretagne = next(r for r in view.regions if r.slug == "bretagne")
    assert (bretagne.label, bretagne.url) == ("Bretagne : 2 cas", "regions/bretagne/")
    assert bretagne.level.shade == 4 and bretagne.level.text == "2 cas"
    assert [e.slug for e in view.national] == ["national"]
    assert view.total == 4
    corse = next(r for r in view.regions if r.slug == "corse")
    assert (corse.count, corse.url, corse.level.text) == (0, None, "aucun cas")
