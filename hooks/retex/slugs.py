"""Slugs: the ASCII names of files and URLs, derived from French titles and labels."""

from __future__ import annotations

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


def is_slug(text: object) -> bool:
    return isinstance(text, str) and bool(SLUG_RE.match(text))


def fold(text: str) -> str:
    """A comparison key that ignores case, apostrophe style and surrounding spaces."""
    return " ".join(text.translate(_APOSTROPHES).split()).casefold()


def heading_id(value: str, separator: str = "-") -> str:
    """Heading anchors for Markdown's toc extension: « Pièges à éviter » -> pieges-a-eviter."""
    return slugify(value).replace("-", separator) or "section"
