"""Make ``maps/regions.json``, the shapes of the « Carte des cas » (``/carte/``), from a
public boundary data set: run once by a maintainer, never by the build.

    python -m tools.map.make_regions_map SOURCE.geojson [--commit SHA] [--out maps/regions.json]

SOURCE is ``regions-avec-outre-mer.geojson`` of the repository
https://github.com/gregoiredavid/france-geojson (Grégoire David), itself derived from
IGN's Admin Express COG 2018 (shapes) and INSEE's COG 2018 (codes and names), under
the Licence Ouverte of Etalab (its README: « Voir conditions d'utilisation d'Admin
Express (Licence ouverte) »). Fetch it yourself, e.g.::

    git clone https://github.com/gregoiredavid/france-geojson /tmp/france-geojson
    python -m tools.map.make_regions_map /tmp/france-geojson/regions-avec-outre-mer.geojson \\
        --commit "$(git -C /tmp/france-geojson rev-parse HEAD)"

What it does, in order:

* matches every feature to a region of ``vocabulary.yml`` by the slug of its name (and
  fails, naming them, when a region is missing or unknown);
* projects metropolitan France (Corsica included) with Lambert-93 (EPSG:2154, the
  official conic projection of the IGN) and each overseas region on its own with an
  equirectangular projection at its mean latitude, drawn as an inset below the mainland
  (each inset at its own scale);
* simplifies with Douglas–Peucker, border by border: a border shared by two regions is
  cut at its ends (the points where the set of regions that share a vertex changes) and
  simplified once, so that neighbours keep exactly the same border (no gap, no overlap);
* rounds coordinates to whole units of the drawing, drops islands and holes smaller than
  ``--min-area`` square units (never a region's largest piece) and finds, for each
  region, a point well inside its largest piece where the map writes its count;
* writes JSON with the source, its licence and the command that made it: rings as flat
  lists of integers, never SVG. The build parses and checks them, then writes its own
  path data (``hooks/retex/geography.py``).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import sys
from pathlib import Path

from retex.slugs import slugify
from retex.vocabulary import load_vocabulary

ROOT = Path(__file__).resolve().parents[2]

WIDTH = 800  # the drawing's width, in units of its viewBox
PAD = 8
INSET_GAP = 10  # between the mainland and the insets, and between insets
INSET_HEIGHT = 150
INSET_TITLE = 26  # the band at the top of an inset where the build writes its name
OVERSEAS = ("guadeloupe", "martinique", "guyane", "la-reunion", "mayotte")


# --- Projections ---------------------------------------------------------------------------

_A = 6378137.0  # GRS80
_F = 1 / 298.257222101
_E = math.sqrt(2 * _F - _F * _F)


def _m(phi: float) -> float:
    return math.cos(phi) / math.sqrt(1 - (_E * math.sin(phi)) ** 2)


def _t(phi: float) -> float:
    s = _E * math.sin(phi)
    return math.tan(math.pi / 4 - phi / 2) / ((1 - s) / (1 + s)) ** (_E / 2)


_P1, _P2, _P0, _L0 = (math.radians(d) for d in (44.0, 49.0, 46.5, 3.0))
_N = (math.log(_m(_P1)) - math.log(_m(_P2))) / (math.log(_t(_P1)) - math.log(_t(_P2)))
_BIG_F = _m(_P1) / (_N * _t(_P1) ** _N)
_RHO0 = _A * _BIG_F * _t(_P0) ** _N


def lambert93(lon: float, lat: float) -> tuple[float, float]:
    """Lambert-93 (metres, y northwards)."""
    rho = _A * _BIG_F * _t(math.radians(lat)) ** _N
    theta = _N * (math.radians(lon) - _L0)
    return 700000 + rho * math.sin(theta), 6600000 + _RHO0 - rho * math.cos(theta)


def equirectangular(lat0: float):
    k = math.cos(math.radians(lat0))
    return lambda lon, lat: (lon * k, lat)


# --- Geometry ------------------------------------------------------------------------------


def polygons(geometry: dict) -> list[list[list[tuple[float, float]]]]:
    """The polygons of a Polygon or MultiPolygon: rings of (lon, lat), unclosed."""
    raw = geometry["coordinates"]
    if geometry["type"] == "Polygon":
        raw = [raw]
    elif geometry["type"] != "MultiPolygon":
        raise SystemExit(f"géométrie {geometry['type']} inattendue")
    out = []
    for polygon in raw:
        rings = []
        for ring in polygon:
            points = [(float(x), float(y)) for x, y, *_ in ring]
            if len(points) > 1 and points[0] == points[-1]:
                points.pop()
            rings.append(points)
        out.append(rings)
    return out


def douglas_peucker(points: list[tuple[float, float]], epsilon: float) -> list[int]:
    """Indices of the points kept (the two ends always)."""
    keep = {0, len(points) - 1}
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        (ax, ay), (bx, by) = points[first], points[last]
        dx, dy = bx - ax, by - ay
        norm = math.hypot(dx, dy)
        best, best_index = -1.0, -1
        for i in range(first + 1, last):
            px, py = points[i]
            if norm == 0:
                d = math.hypot(px - ax, py - ay)
            else:
                d = abs(dy * (px - ax) - dx * (py - ay)) / norm
            if d > best:
                best, best_index = d, i
        if best > epsilon:
            keep.add(best_index)
            stack += [(first, best_index), (best_index, last)]
    return sorted(keep)


def area(ring: list[tuple[int, int]]) -> float:
    return (
        sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1], strict=True))
        / 2
    )


class Simplifier:
    """Douglas–Peucker border by border, so that neighbours share their simplified border."""

    def __init__(self, features: dict[str, list], epsilon: float):
        self.epsilon = epsilon
        self.owners: dict[tuple[float, float], set[str]] = {}
        for region, polys in features.items():
            for polygon in polys:
                for ring in polygon:
                    for point in ring:
                        self.owners.setdefault(point, set()).add(region)
        self.done: dict[tuple, list[tuple[float, float]]] = {}

    def ring(self, source: list[tuple[float, float]], project) -> list[tuple[float, float]]:
        n = len(source)
        owners = [frozenset(self.owners[p]) for p in source]
        cuts = [
            i for i in range(n) if owners[i] != owners[i - 1] or owners[i] != owners[(i + 1) % n]
        ]
        if not cuts:  # a whole ring of one kind (an island, an enclave): two fixed points
            first = min(range(n), key=lambda i: source[i])
            far = max(range(n), key=lambda i: math.dist(source[i], source[first]))
            cuts = sorted({first, far})
        out: list[tuple[float, float]] = []
        for k, start in enumerate(cuts):
            end = cuts[(k + 1) % len(cuts)]
            span = end - start if end > start else end + n - start
            segment = [source[(start + j) % n] for j in range(span + 1)]
            out += self.segment(segment, project)[:-1]
        return out

    def segment(self, segment: list[tuple[float, float]], project) -> list[tuple[float, float]]:
        reverse = (segment[-1], segment[-2] if len(segment) > 1 else None) < (
            segment[0],
            segment[1] if len(segment) > 1 else None,
        )
        canonical = tuple(reversed(segment)) if reverse else tuple(segment)
        if canonical not in self.done:
            projected = [project(*p) for p in canonical]
            kept = (
                douglas_peucker(projected, self.epsilon)
                if len(projected) > 2
                else range(len(projected))
            )
            self.done[canonical] = [projected[i] for i in kept]
        result = self.done[canonical]
        return list(reversed(result)) if reverse else list(result)


def inside(x: float, y: float, rings: list[list[tuple[int, int]]]) -> bool:
    found = False
    for ring in rings:
        for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1], strict=True):
            if (y0 > y) != (y1 > y) and x < x0 + (y - y0) * (x1 - x0) / (y1 - y0):
                found = not found
    return found


def edge_distance(x: float, y: float, rings: list[list[tuple[int, int]]]) -> float:
    best = math.inf
    for ring in rings:
        for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1], strict=True):
            dx, dy = x1 - x0, y1 - y0
            length = dx * dx + dy * dy
            t = 0.0 if length == 0 else max(0.0, min(1.0, ((x - x0) * dx + (y - y0) * dy) / length))
            best = min(best, math.hypot(x - x0 - t * dx, y - y0 - t * dy))
    return best


def label_point(rings: list[list[tuple[int, int]]]) -> tuple[int, int]:
    """A point inside the polygon, as far from its edges as a grid search finds."""
    xs = [x for ring in rings for x, _ in ring]
    ys = [y for ring in rings for _, y in ring]
    box = (min(xs), min(ys), max(xs), max(ys))
    best = (-1.0, (xs[0], ys[0]))
    for _round in range(3):
        (x0, y0, x1, y1), steps = box, 24
        sx, sy = (x1 - x0) / steps, (y1 - y0) / steps
        for i in range(steps + 1):
            for j in range(steps + 1):
                x, y = x0 + i * sx, y0 + j * sy
                if inside(x, y, rings):
                    d = edge_distance(x, y, rings)
                    if d > best[0]:
                        best = (d, (x, y))
        cx, cy = best[1]
        box = (cx - 2 * sx, cy - 2 * sy, cx + 2 * sx, cy + 2 * sy)
    return round(best[1][0]), round(best[1][1])


# --- The map -------------------------------------------------------------------------------


def fit(bounds, box, flip=True):
    """A function mapping projected points into ``box`` (x, y, w, h), aspect kept."""
    minx, miny, maxx, maxy = bounds
    bx, by, bw, bh = box
    scale = min(bw / (maxx - minx), bh / (maxy - miny))
    ox = bx + (bw - (maxx - minx) * scale) / 2
    oy = by + (bh - (maxy - miny) * scale) / 2
    return lambda x, y: (ox + (x - minx) * scale, oy + (maxy - y) * scale)


def bounds_of(points) -> tuple[float, float, float, float]:
    xs, ys = zip(*points, strict=True)
    return min(xs), min(ys), max(xs), max(ys)


def make_map(source: Path, vocabulary_path: Path, epsilon: float, min_area: float) -> dict:
    data = json.loads(source.read_text(encoding="utf-8"))
    vocabulary = load_vocabulary(vocabulary_path)
    ids = [t.slug for t in vocabulary.terms["regions"]]
    features: dict[str, list] = {}
    for feature in data["features"]:
        slug = slugify(feature["properties"]["nom"])
        if slug not in ids:
            raise SystemExit(f"région inconnue du vocabulaire : {feature['properties']['nom']}")
        features[slug] = polygons(feature["geometry"])
    missing = [i for i in ids if i not in features]
    if missing:
        raise SystemExit(f"régions du vocabulaire absentes de la source : {', '.join(missing)}")
    if set(OVERSEAS) - set(ids):
        raise SystemExit("les régions d’outre-mer du vocabulaire ont changé : revoyez OVERSEAS")

    # Projections: metres (Lambert-93) or degrees, then the drawing's units.
    mainland = [i for i in ids if i not in OVERSEAS]
    lambert = [lambert93(*p) for i in mainland for poly in features[i] for p in poly[0]]
    lb = bounds_of(lambert)
    main_w = WIDTH - 2 * PAD
    main_h = main_w * (lb[3] - lb[1]) / (lb[2] - lb[0])
    to_main = fit(lb, (PAD, PAD, main_w, main_h))
    projections = {i: (lambda lon, lat: to_main(*lambert93(lon, lat))) for i in mainland}
    inset_top = PAD + main_h + INSET_GAP
    inset_w = (WIDTH - 2 * PAD - (len(OVERSEAS) - 1) * INSET_GAP) / len(OVERSEAS)
    insets = {}
    for k, region in enumerate(OVERSEAS):
        outer = [p for poly in features[region] for p in poly[0]]
        lat0 = sum(lat for _, lat in outer) / len(outer)
        local = equirectangular(lat0)
        box = (PAD + k * (inset_w + INSET_GAP), inset_top, inset_w, INSET_HEIGHT)
        inner = (box[0] + 6, box[1] + INSET_TITLE, box[2] - 12, box[3] - INSET_TITLE - 6)
        to_box = fit(bounds_of([local(*p) for p in outer]), inner)
        projections[region] = lambda lon, lat, local=local, to_box=to_box: to_box(*local(lon, lat))
        insets[region] = [round(v) for v in box]
    height = math.ceil(inset_top + INSET_HEIGHT + PAD)

    simplifier = Simplifier(features, epsilon)
    regions = []
    for region in ids:
        pieces = []  # (area, rings) per polygon
        for polygon in features[region]:
            rings = []
            for index, ring in enumerate(polygon):
                points = [
                    (round(x), round(y)) for x, y in simplifier.ring(ring, projections[region])
                ]
                points = [p for j, p in enumerate(points) if p != points[j - 1]]
                if len(points) >= 3 and (abs(area(points)) >= min_area or index == 0):
                    rings.append(points)
                elif index == 0:
                    break
            if rings and len(rings[0]) >= 3:
                pieces.append((abs(area(rings[0])), rings))
        pieces.sort(key=lambda p: p[0], reverse=True)
        kept = [rings for a, rings in pieces if a >= min_area] or [pieces[0][1]]
        label = label_point(kept[0])
        regions.append(
            {
                "id": region,
                "inset": insets.get(region),
                "label": list(label),
                "rings": [[c for point in ring for c in point] for rings in kept for ring in rings],
            }
        )
    return {
        "source": {
            "title": "france-geojson, régions avec l’outre-mer (regions-avec-outre-mer.geojson)",
            "author": "Grégoire David",
            "url": "https://github.com/gregoiredavid/france-geojson",
            "derived_from": "IGN, Admin Express COG, édition 2018 (tracés) ; INSEE, Code "
            "officiel géographique 2018 (codes et noms)",
            "license": "Licence Ouverte d’Etalab",
            "license_url": "https://www.etalab.gouv.fr/licence-ouverte-open-licence/",
            "sha256": hashlib.sha256(source.read_bytes()).hexdigest(),
        },
        "generator": "python -m tools.map.make_regions_map",
        "simplification": f"Douglas–Peucker {epsilon} ; surfaces de moins de {min_area} "
        "unités carrées retirées",
        "width": WIDTH,
        "height": height,
        "regions": regions,
    }


def dump(document: dict) -> str:
    """JSON with one line per region: readable in a diff, compact on disk."""
    head = {k: v for k, v in document.items() if k != "regions"}
    lines = json.dumps(head, ensure_ascii=False, indent=2)[:-2].splitlines()
    lines[-1] += ","
    lines.append('  "regions": [')
    rows = [json.dumps(r, ensure_ascii=False, separators=(",", ":")) for r in document["regions"]]
    lines.append(",\n".join("    " + row for row in rows))
    lines += ["  ]", "}"]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m tools.map.make_regions_map",
        description="Écrit maps/regions.json, les tracés simplifiés de la carte des cas, "
        "depuis le fichier regions-avec-outre-mer.geojson de france-geojson.",
    )
    parser.add_argument("source", type=Path, help="le fichier GeoJSON des régions")
    parser.add_argument("--commit", default="", help="le commit de france-geojson lu")
    parser.add_argument("--out", type=Path, default=ROOT / "maps" / "regions.json")
    parser.add_argument("--vocabulary", type=Path, default=ROOT / "vocabulary.yml")
    parser.add_argument("--epsilon", type=float, default=0.7, help="tolérance, en unités")
    parser.add_argument("--min-area", type=float, default=6.0, help="en unités carrées")
    args = parser.parse_args(argv)
    document = make_map(args.source, args.vocabulary, args.epsilon, args.min_area)
    if args.commit:
        document["source"]["commit"] = args.commit
    text = dump(document)
    json.loads(text)  # what we write is JSON
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text, encoding="utf-8")
    points = sum(len(ring) // 2 for r in document["regions"] for ring in r["rings"])
    size = len(text.encode())
    print(f"{args.out} : {len(document['regions'])} régions, {points} points, {size} octets")
    return 0


if __name__ == "__main__":
    sys.exit(main())
