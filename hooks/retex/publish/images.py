"""Content images: lazy-loaded, and sized so that the page does not jump as they arrive."""

from __future__ import annotations

import re
import struct
from collections.abc import Callable
from pathlib import Path

_IMG_RE = re.compile(r"<img\b([^>]*?)\s*/?>", re.I)
_SRC_RE = re.compile(r'\ssrc="([^"]+)"')


def image_size(path: Path) -> tuple[int, int] | None:
    """Width and height of a PNG, GIF, JPEG or WebP file, read from its header."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(64 * 1024)
    except OSError:
        return None
    if head[:8] == b"\x89PNG\r\n\x1a\n" and head[12:16] == b"IHDR":
        return struct.unpack(">II", head[16:24])
    if head[:6] in (b"GIF87a", b"GIF89a"):
        return struct.unpack("<HH", head[6:10])
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        chunk = head[12:16]
        if chunk == b"VP8X":
            w = int.from_bytes(head[24:27], "little") + 1
            h = int.from_bytes(head[27:30], "little") + 1
            return w, h
        if chunk == b"VP8 ":
            w, h = struct.unpack("<HH", head[26:30])
            return w & 0x3FFF, h & 0x3FFF
        if chunk == b"VP8L":
            bits = int.from_bytes(head[21:25], "little")
            return (bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1
    if head[:2] == b"\xff\xd8":
        i = 2
        while i + 9 < len(head):
            if head[i] != 0xFF:
                i += 1
                continue
            marker = head[i + 1]
            length = struct.unpack(">H", head[i + 2 : i + 4])[0]
            if marker in (
                0xC0,
                0xC1,
                0xC2,
                0xC3,
                0xC5,
                0xC6,
                0xC7,
                0xC9,
                0xCA,
                0xCB,
                0xCD,
                0xCE,
                0xCF,
            ):
                h, w = struct.unpack(">HH", head[i + 5 : i + 9])
                return w, h
            i += 2 + length
    return None


def lazy_images(html: str, locate: Callable[[str], Path | None]) -> str:
    """Add ``loading="lazy"``, ``decoding="async"`` and the image's size to each <img>;
    ``locate`` turns a ``src`` into the image file, or None."""

    def rewrite(match: re.Match) -> str:
        attrs = match.group(1)
        extra = ""
        if "loading=" not in attrs:
            extra += ' loading="lazy"'
        if "decoding=" not in attrs:
            extra += ' decoding="async"'
        src = _SRC_RE.search(attrs)
        if src and "width=" not in attrs and "height=" not in attrs:
            path = locate(src.group(1))
            size = image_size(path) if path else None
            if size:
                extra += f' width="{size[0]}" height="{size[1]}"'
        return f"<img{attrs}{extra}>"

    return _IMG_RE.sub(rewrite, html)
