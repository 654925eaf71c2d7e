"""Characters that no text of a content file may hold.

Checked on the body and on every front-matter value (YAML escapes such as ``"\\x01"``
reach the values without being in the file's bytes).
"""

from __future__ import annotations

import re

# C0 and C1 controls, DEL, lone surrogates, the noncharacters (U+FDD0–U+FDEF and the last
# two code points of every plane) and the bidirectional embeddings, overrides and
# isolates. XML 1.0 forbids most of them (a feed would stop parsing), Python-Markdown
# deletes U+0002 and U+0003 before reading, and the bidi ones can make a text read
# differently from what it says.
_NONCHARACTERS = "".join(f"\\U{plane:04x}fffe\\U{plane:04x}ffff" for plane in range(1, 17))
_FORBIDDEN = (
    "\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff\u202a-\u202e\u2066-\u2069"
)
_FORBIDDEN_RE = re.compile(f"[{_FORBIDDEN}{_NONCHARACTERS}]")
_FORBIDDEN_OR_TAB_RE = re.compile(f"[\t{_FORBIDDEN}{_NONCHARACTERS}]")


def forbidden_characters(text: str, *, tab: bool = True) -> list[tuple[int, str]]:
    """(offset, character) of every character a text may not hold; ``tab=False``
    refuses the tab too (a front-matter field). Line breaks are always allowed."""
    pattern = _FORBIDDEN_RE if tab else _FORBIDDEN_OR_TAB_RE
    return [(m.start(), m.group()) for m in pattern.finditer(text)]


def character_message(char: str) -> tuple[str, str]:
    code = f"U+{ord(char):04X}"
    if "\u202a" <= char <= "\u202e" or "\u2066" <= char <= "\u2069":
        return (
            f"caractère de contrôle de direction du texte ({code}) refusé",
            "retirez-le ; pour un passage écrit de droite à gauche, utilisez "
            '<span dir="rtl">…</span>',
        )
    if char == "\t":
        return (
            "tabulation refusée dans un champ de l’en-tête",
            "remplacez-la par une espace",
        )
    return (
        f"caractère invisible interdit ({code})",
        "retirez-le : votre éditeur peut afficher les caractères invisibles",
    )
