"""What contributed Markdown may contain: a small allowlist of raw HTML and safe URLs.

Nothing is silently stripped: whatever falls outside the allowlist is reported, with
its line, so that the contributor sees exactly what was refused and why.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

# Harmless inline tags: they carry meaning, not behaviour, and no URL.
ALLOWED_TAGS = frozenset(
    "abbr b bdi bdo br cite code del dfn em i ins kbd mark q s samp small span strong sub "
    "sup time u var wbr".split()
)
ALLOWED_ATTRIBUTES = frozenset({"title", "lang", "dir", "datetime"})
ALLOWED_SCHEMES = frozenset({"http", "https", "mailto"})


@dataclass(frozen=True)
class Finding:
    line: int  # line within the checked text, 1-based
    message: str
    fix: str | None = None


_FENCE_RE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_CODE_SPAN_RE = re.compile(r"(`+)(?!`)(.+?)(?<!`)\1(?!`)", re.S)
_COMMENT_RE = re.compile(r"<!--.*?-->", re.S)
_AUTOLINK_RE = re.compile(r"<([a-zA-Z][a-zA-Z0-9+.-]{1,31}:[^\s<>]*)>")
_EMAIL_AUTOLINK_RE = re.compile(r"<[^\s<>@]+@[^\s<>@]+\.[^\s<>@]+>")
_TAG_RE = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]*)((?:[^<>\"']|\"[^\"]*\"|'[^']*')*)(/?)>")
_OTHER_MARKUP_RE = re.compile(r"<[!?][^>]*>?")
_ATTR_RE = re.compile(r"([^\s=/\"'>]+)(?:\s*=\s*(\"[^\"]*\"|'[^']*'|[^\s\"'>]+))?")
_INLINE_LINK_RE = re.compile(r"\]\(\s*(<[^>\n]*>|(?:[^()\s]|\([^()\s]*\))*)")
_REF_DEF_RE = re.compile(r"^ {0,3}\[[^\]\n]+\]:\s*(<[^>\n]*>|\S+)", re.M)
_ATTR_LIST_RE = re.compile(r"\{\s*:?[^{}\n]*=[^{}\n]*\}")
_CONTROL_RE = re.compile(r"[\x00-\x20\x7f]+")
_SCHEME_RE = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*):")


def check_url(url: str) -> str | None:
    """Why a URL is refused, or None when it is http(s), mailto or relative."""
    cleaned = _CONTROL_RE.sub("", html.unescape(url.strip().strip("<>")))
    match = _SCHEME_RE.match(cleaned)
    if match:
        scheme = match.group(1).lower()
        if scheme not in ALLOWED_SCHEMES:
            return f"adresse « {_short(url)} » refusée : le schéma « {scheme}: » n’est pas admis"
        return None
    if cleaned.startswith("//") or cleaned.startswith("\\\\"):
        return f"adresse « {_short(url)} » incomplète : le schéma manque"
    return None


URL_FIX = "utilisez une adresse en https://, http://, mailto: ou un lien relatif vers un fichier"


def mask_code(text: str) -> str:
    """Blank out fenced code blocks and code spans, keeping offsets and line breaks."""
    out = []
    fence: str | None = None
    for line in text.split("\n"):
        match = _FENCE_RE.match(line)
        if fence is None and match:
            fence = match.group(1)[0] * len(match.group(1))
            out.append(" " * len(line))
        elif fence is not None:
            if line.strip().startswith(fence) and not line.strip().strip(fence[0]):
                fence = None
            out.append(" " * len(line))
        else:
            out.append(line)
    masked = "\n".join(out)
    return _CODE_SPAN_RE.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), masked)


def links(text: str) -> list[tuple[int, str]]:
    """Every link target written in Markdown (inline, reference or autolink), with its offset."""
    masked = _COMMENT_RE.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), mask_code(text))
    found = [(m.start(1), m.group(1)) for m in _INLINE_LINK_RE.finditer(masked)]
    found += [(m.start(1), m.group(1)) for m in _REF_DEF_RE.finditer(masked)]
    found += [(m.start(1), m.group(1)) for m in _AUTOLINK_RE.finditer(masked)]
    return sorted((offset, target.strip("<>")) for offset, target in found)


def check_markdown(text: str) -> list[Finding]:
    """Every raw-HTML tag, attribute list or URL of a Markdown text that is not allowed."""
    masked = mask_code(text)
    masked = _COMMENT_RE.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), masked)
    findings: list[Finding] = []

    def at(offset: int) -> int:
        return masked.count("\n", 0, offset) + 1

    for offset, url in links(text):
        reason = check_url(url)
        if reason:
            findings.append(Finding(at(offset), reason, URL_FIX))

    # Autolinks look like tags: check them above, then blank them out.
    scan = _AUTOLINK_RE.sub(lambda m: " " * len(m.group(0)), masked)
    scan = _EMAIL_AUTOLINK_RE.sub(lambda m: " " * len(m.group(0)), scan)
    for match in _TAG_RE.finditer(scan):
        closing, name, attributes = match.group(1), match.group(2).lower(), match.group(3)
        line = at(match.start())
        if name not in ALLOWED_TAGS:
            findings.append(
                Finding(
                    line,
                    f"balise HTML <{name}> refusée",
                    "écrivez en Markdown ; seules des balises de texte comme <abbr>, <sub>, "
                    "<sup> ou <kbd> sont admises",
                )
            )
            continue
        if closing:
            continue
        for attr in _ATTR_RE.finditer(attributes):
            attr_name = attr.group(1).lower()
            if attr_name not in ALLOWED_ATTRIBUTES:
                findings.append(
                    Finding(
                        line,
                        f"attribut HTML « {attr_name} » refusé dans <{name}>",
                        "seuls les attributs title, lang, dir et datetime sont admis",
                    )
                )
    for match in _OTHER_MARKUP_RE.finditer(scan):
        findings.append(
            Finding(at(match.start()), f"balisage « {_short(match.group(0))} » refusé", None)
        )
    for match in _ATTR_LIST_RE.finditer(masked):
        findings.append(
            Finding(
                at(match.start()),
                f"liste d’attributs « {_short(match.group(0))} » refusée",
                "retirez les accolades : la mise en forme vient du thème du site",
            )
        )
    return findings


def _short(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
