"""The « Carte des cas » (``/carte/``): the shapes of the regions, read from
``maps/regions.json`` and checked like any file a pull request can carry, and the map
page as plain data for its template (``overrides/map.html``).

``maps/regions.json`` is made once from a public boundary data set by
``python -m tools.map.make_regions_map`` (tooling, never run by the build). It holds
numbers, never SVG: each region's rings are flat lists of whole coordinates in the
drawing's units, which the build checks (types, bounds, sizes, the regions of
``vocabulary.yml``, each exactly once) and writes back as path data of its own making
(``Shape.path``). Nothing of the file reaches a page as markup; its texts (the source's
title, author, licence) are escaped by the template and its addresses must be https.
"""

from __future__ import annotations

import json
import math
import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from .browse import DimensionIndex
from .collection import Entry
from .files import LINK_FIX, LINK_MESSAGE
from .frontmatter import format_loc
from .messages import translate
from .problems import FILE, Problem, did_you_mean
from .vocabulary import Vocabulary

MAP_FILE = "maps/regions.json"
MAX_BYTES = 400_000  # the committed file is ~40 kB: anything far larger is not a map
MAX_POINTS = 20_000  # in all: the page's SVG stays a few tens of kilobytes
MAX_SIZE = 4000  # of the drawing, in its units
REMAKE = "régénérez le fichier avec « python -m tools.map.make_regions_map » (voir le README)"

_HTTPS = r"^https://[^\s\"'<>`]+$"


class _Source(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)
    title: str = Field(min_length=1, max_length=300)
    author: str = Field(min_length=1, max_length=200)
    url: str = Field(pattern=_HTTPS, max_length=500)
    derived_from: str = Field(min_length=1, max_length=500)
    license: str = Field(min_length=1, max_length=200)
    license_url: str = Field(pattern=_HTTPS, max_length=500)
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$")
    commit: str = Field(default="", pattern=r"^([0-9a-f]{40})?$")


class _Region(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)
    id: str = Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", max_length=100)
    inset: Annotated[list[int], Field(min_length=4, max_length=4)] | None
    label: list[int] = Field(min_length=2, max_length=2)
    rings: list[Annotated[list[int], Field(max_length=2 * MAX_POINTS)]] = Field(
        min_length=1, max_length=2000
    )


class _Map(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)
    source: _Source
    generator: str = Field(max_length=300)
    simplification: str = Field(max_length=300)
    width: int = Field(ge=1, le=MAX_SIZE)
    height: int = Field(ge=1, le=MAX_SIZE)
    regions: list[_Region] = Field(min_length=1, max_length=200)


@dataclass(frozen=True)
class Shape:
    """One region as drawn: rings of whole coordinates, the point where its count is
    written, and its inset frame (x, y, width, height) for an overseas region."""

    id: str
    rings: tuple[tuple[tuple[int, int], ...], ...]
    label: tuple[int, int]
    inset: tuple[int, int, int, int] | None

    @property
    def path(self) -> str:
        """SVG path data written from the numbers: « M12 34l5-2 3 1z… »."""
        parts = []
        for ring in self.rings:
            (x, y), steps = ring[0], []
            for nx, ny in ring[1:]:
                steps.append(f"{nx - x:d} {ny - y:d}")
                x, y = nx, ny
            start = f"M{ring[0][0]:d} {ring[0][1]:d}l"
            parts.append(start + " ".join(steps).replace(" -", "-") + "z")
        return "".join(parts)


@dataclass(frozen=True)
class Source:
    title: str
    author: str
    url: str
    derived_from: str
    license: str
    license_url: str


@dataclass(frozen=True)
class RegionMap:
    width: int
    height: int
    shapes: dict[str, Shape]  # by region slug, in the order of vocabulary.yml
    source: Source


def load_region_map(root: Path, vocabulary: Vocabulary) -> tuple[RegionMap | None, list[Problem]]:
    """Read and check ``maps/regions.json``; None and the problems when it is unusable."""
    folder = MAP_FILE.partition("/")[0]
    if (root / folder).is_symlink():  # as files.check_files says it: read nothing through it
        return None, [Problem(folder, 1, FILE, LINK_MESSAGE, LINK_FIX)]
    try:
        raw = _read_regular(root / MAP_FILE, MAX_BYTES + 1)
    except FileNotFoundError:
        message = "fichier introuvable : la carte des cas en a besoin"
        return None, [Problem(MAP_FILE, 1, FILE, message, REMAKE)]
    except _Link:
        return None, [Problem(MAP_FILE, 1, FILE, LINK_MESSAGE, LINK_FIX)]
    except OSError:
        return None, [Problem(MAP_FILE, 1, FILE, "fichier illisible", REMAKE)]
    if len(raw) > MAX_BYTES:
        message = f"fichier trop volumineux (plus de {MAX_BYTES // 1000} ko) pour une carte"
        return None, [Problem(MAP_FILE, 1, FILE, message, REMAKE)]
    try:
        text = raw.decode("utf-8")
        document = json.loads(text)
    except (UnicodeDecodeError, ValueError) as exc:
        line = getattr(exc, "lineno", 1)
        return None, [Problem(MAP_FILE, line, FILE, f"JSON illisible : {exc}", REMAKE)]
    lines = _region_lines(text)
    try:
        parsed = _Map.model_validate(document)
    except ValidationError as exc:
        return None, [
            Problem(
                MAP_FILE,
                _line(lines, err["loc"]),
                format_loc(err["loc"]) or FILE,
                translate(err, _Map)[0],
                REMAKE,
            )
            for err in exc.errors()[:20]
        ]
    problems: list[Problem] = []
    shapes: dict[str, Shape] = {}
    points = 0
    for index, region in enumerate(parsed.regions):
        line = _line(lines, ("regions", index))
        field = f"regions[{index + 1}]"

        def problem(what: str, message: str, line=line, field=field) -> None:
            problems.append(Problem(MAP_FILE, line, f"{field}.{what}", message, REMAKE))

        rings = []
        for k, ring in enumerate(region.rings):
            if len(ring) < 6 or len(ring) % 2:
                problem(f"rings[{k + 1}]", "un contour a au moins trois points de deux coordonnées")
                continue
            pairs = tuple(zip(ring[::2], ring[1::2], strict=True))
            if not all(_within(x, y, parsed) for x, y in pairs):
                size = f"{parsed.width} × {parsed.height}"
                problem(f"rings[{k + 1}]", f"point hors du dessin ({size})")
                continue
            rings.append(pairs)
            points += len(pairs)
        if not _within(*region.label, parsed):
            problem("label", "point hors du dessin")
        inset = tuple(region.inset) if region.inset is not None else None
        if inset is not None and not (
            inset[2] > 0
            and inset[3] > 0
            and _within(inset[0], inset[1], parsed)
            and _within(inset[0] + inset[2], inset[1] + inset[3], parsed)
        ):
            problem("inset", "encart hors du dessin")
        if region.id in shapes:
            problem("id", f"région « {region.id} » donnée deux fois")
        shapes[region.id] = Shape(region.id, tuple(rings), tuple(region.label), inset)
    if points > MAX_POINTS:
        message = f"{points} points : plus que les {MAX_POINTS} d’une carte simplifiée"
        problems.append(Problem(MAP_FILE, 1, "regions", message, REMAKE))
    problems += _agree(shapes, vocabulary, lines, parsed)
    if problems:
        return None, problems
    ordered = {t.slug: shapes[t.slug] for t in vocabulary.terms["regions"]}
    source = Source(**parsed.source.model_dump(exclude={"sha256", "commit"}))
    return RegionMap(parsed.width, parsed.height, ordered, source), []


class _Link(OSError):
    pass


def _read_regular(path: Path, limit: int) -> bytes:
    """At most ``limit`` bytes of a regular file, never through a link, never blocking."""
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    if path.is_symlink():
        raise _Link(path)
    fd = os.open(path, flags)
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise OSError("not a regular file")
        chunks, size = [], 0
        while size < limit:
            chunk = os.read(fd, limit - size)
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        return b"".join(chunks)
    finally:
        os.close(fd)


def _agree(
    shapes: dict[str, Shape], vocabulary: Vocabulary, lines: list[int], parsed: _Map
) -> list[Problem]:
    """The map draws exactly the regions of vocabulary.yml."""
    terms = {t.slug: t.label for t in vocabulary.terms["regions"]}
    problems = [
        Problem(
            MAP_FILE,
            1,
            "regions",
            f"la région « {label} » de vocabulary.yml n’a pas de tracé (identifiant « {slug} »)",
            REMAKE,
        )
        for slug, label in terms.items()
        if slug not in shapes
    ]
    for index, region in enumerate(parsed.regions):
        if region.id not in terms:
            guess = did_you_mean(region.id, terms)
            problems.append(
                Problem(
                    MAP_FILE,
                    _line(lines, ("regions", index)),
                    f"regions[{index + 1}].id",
                    f"« {region.id} » n’est pas une région de vocabulary.yml",
                    guess or REMAKE,
                )
            )
    return problems


def _within(x: int, y: int, parsed: _Map) -> bool:
    return 0 <= x <= parsed.width and 0 <= y <= parsed.height


_ID_RE = re.compile(r'"id"\s*:')


def _region_lines(text: str) -> list[int]:
    """The line of each region's « "id" » in the file (one region a line, as written)."""
    return [text.count("\n", 0, m.start()) + 1 for m in _ID_RE.finditer(text)]


def _line(lines: list[int], loc: tuple) -> int:
    if len(loc) > 1 and loc[0] == "regions" and isinstance(loc[1], int) and loc[1] < len(lines):
        return lines[loc[1]]
    return 1


# --- The map page ------------------------------------------------------------------------


@dataclass(frozen=True)
class Level:
    """A shade of the map: the counts it covers, and how the legend says it."""

    shade: int  # 0 (no case) to 4 (the most): the CSS class rx-map__shade--N
    low: int
    high: int

    @property
    def text(self) -> str:
        if self.high == 0:
            return "aucun cas"
        return f"{self.low} cas" if self.low == self.high else f"{self.low} à {self.high} cas"


SHADES = 4


def levels(maximum: int) -> list[Level]:
    """At most four shades between 1 and the largest count, and « aucun cas »."""
    out = [Level(0, 0, 0)]
    steps = min(SHADES, maximum)
    low = 1
    for i in range(1, steps + 1):
        high = math.ceil(i * maximum / steps)
        out.append(Level(math.ceil(i * SHADES / steps), low, high))
        low = high + 1
    return out


@dataclass(frozen=True)
class MapRegion:
    slug: str
    name: str  # its label in vocabulary.yml
    count: int
    url: str | None  # its browse page, when it has cases
    level: Level
    shape: Shape

    @property
    def label(self) -> str:
        """The link's accessible name: « Bretagne : 2 cas »."""
        return f"{self.name} : {self.count} cas"


@dataclass(frozen=True)
class MapView:
    width: int
    height: int
    regions: list[MapRegion]  # in the order of vocabulary.yml
    levels: list[Level]
    national: list[Entry]  # the cases with no region
    total: int
    source: Source

    @property
    def insets(self) -> list[MapRegion]:
        return [r for r in self.regions if r.shape.inset is not None]


def map_view(
    region_map: RegionMap,
    vocabulary: Vocabulary,
    regions: DimensionIndex | None,
    cases: list[Entry],
) -> MapView:
    """The map page's data: each region's count from its browse page (the same figures)."""
    pages = {p.slug: p for p in regions.pages} if regions is not None else {}
    counts = {slug: len(pages[slug].entries) if slug in pages else 0 for slug in region_map.shapes}
    scale = levels(max(counts.values(), default=0))

    def level(count: int) -> Level:
        return next(lv for lv in scale if count <= lv.high)

    names = {t.slug: t.label for t in vocabulary.terms["regions"]}
    drawn = [
        MapRegion(
            slug,
            names[slug],
            counts[slug],
            pages[slug].url if counts[slug] else None,
            level(counts[slug]),
            shape,
        )
        for slug, shape in region_map.shapes.items()
    ]
    national = [c for c in cases if not c.data.territory.region]
    return MapView(
        region_map.width,
        region_map.height,
        drawn,
        scale,
        national,
        len(cases),
        region_map.source,
    )
