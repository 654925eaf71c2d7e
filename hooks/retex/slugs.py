"""Slugs: the ASCII names of files and URLs, derived from French titles and labels."""

from __future__ import annotations

import functools
import re
import unicodedata

SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")

# Letters that Unicode decomposition does not turn into ASCII.
_LIGATURES = str.maketrans({"œ": "oe", "Œ": "oe", "æ": "ae", "Æ": "ae", "ß": "ss"})
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'"})


def slugify(text: str) -> str:
    """« Expérimentation à Évry » -> ``experimentation-a-evry``, « d’Azur » -> ``d-azur``."""
    text = unicodedata.normalize("NFKD", text.translate(_LIGATURES).translate(_APOSTROPHES))
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.encode("ascii", "ignore").decode("ascii").lower()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


@functools.cache
def folding_ranges() -> tuple[tuple[int, int], ...]:
    """The non-ASCII characters that ``slugify`` does not drop: those whose compatibility
    decomposition, in this Python's Unicode database, holds an ASCII character (« é »,
    « ﬁ », a full-width « Ａ », a no-break space), as ranges of code points.

    A browser's Unicode database is its own, often newer (Chromium decomposes the
    outlined letters of Unicode 16, which Python 3.11 does not know): the contribution
    form keeps only these characters before it decomposes a title, so that its slug is
    the one ``retex new`` and ``retex check`` derive (Unicode never changes the
    decomposition of an assigned character)."""
    ranges: list[tuple[int, int]] = []
    for code in range(0x80, 0x110000):
        # A character with no decomposition of its own stays itself (fast to skip).
        if not unicodedata.decomposition(chr(code)):
            continue
        if not any(ord(c) < 0x80 for c in unicodedata.normalize("NFKD", chr(code))):
            continue
        if ranges and ranges[-1][1] == code - 1:
            ranges[-1] = (ranges[-1][0], code)
        else:
            ranges.append((code, code))
    return tuple(ranges)


def is_slug(text: object) -> bool:
    return isinstance(text, str) and bool(SLUG_RE.match(text))


def fold(text: str) -> str:
    """A comparison key that ignores case, apostrophe style and surrounding spaces."""
    return " ".join(text.translate(_APOSTROPHES).split()).casefold()


def heading_id(value: str, separator: str = "-") -> str:
    """Heading anchors for Markdown's toc extension: « Pièges à éviter » -> pieges-a-eviter."""
    return slugify(value).replace("-", separator) or "section"
