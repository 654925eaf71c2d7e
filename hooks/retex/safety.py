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


# Only what Python-Markdown itself renders as code may hide HTML: a fenced block exactly as
# its fenced_code extension finds it (fence at the start of a line, closed by the same
# fence), and a code span within one line whose backtick is not escaped. Anything looser
# (an unclosed or indented fence, a span across lines) would let raw HTML through.
_FENCED_BLOCK_RE = re.compile(
    r"^(?P<fence>~{3,}|`{3,})[ ]*(?:\{[^\n]*\}|(?:\.?[\w#.+-]*[ ]*)?"
    r"(?:hl_lines=(?P<quot>\"|').*?(?P=quot)[ ]*)?)\n.*?(?<=\n)(?P=fence)[ ]*$",
    re.M | re.S,
)
_CODE_SPAN_RE = re.compile(r"(?<!\\)(`+)(?!`)(.+?)(?<!`)\1(?!`)")
# An HTML comment as browsers end it: « <!--> » and « <!---> » are complete (empty)
# comments, and « --!> » closes one too.
_COMMENT_RE = re.compile(r"<!--(?!-?>).*?--!?>", re.S)
_AUTOLINK_RE = re.compile(r"<([a-zA-Z][a-zA-Z0-9+.-]{1,31}:[^\s<>]*)>")
_EMAIL_AUTOLINK_RE = re.compile(r"<[^\s<>@]+@[^\s<>@]+\.[^\s<>@]+>")
_TAG_RE = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]*)((?:[^<>\"']|\"[^\"]*\"|'[^']*')*)(/?)>")
_OTHER_MARKUP_RE = re.compile(r"<[!?][^>]*>?")
_ATTR_RE = re.compile(r"([^\s=/\"'>]+)(?:\s*=\s*(\"[^\"]*\"|'[^']*'|[^\s\"'>]+))?")
_IMAGE_NO_ALT_RE = re.compile(r"!\[\s*\]\s*[(\[]")
_INLINE_LINK_RE = re.compile(r"\]\(\s*(<[^>\n]*>|(?:[^()\s]|\([^()\s]*\))*)")
# Anywhere, not only at the start of a line: Python-Markdown also reads reference
# definitions inside list items, block quotes and admonitions, and with an empty label.
_REF_DEF_RE = re.compile(r"\[[^\[\]]*\]:\s*(<[^>\n]*>|\S+)")
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
    blank = lambda m: re.sub(r"[^\n]", " ", m.group(0))
    return _CODE_SPAN_RE.sub(blank, _FENCED_BLOCK_RE.sub(blank, text))


def links(text: str, *, code: bool = True) -> list[tuple[int, str]]:
    """Every link target written in Markdown (inline, reference or autolink), with its offset."""
    if "[" not in text and "<" not in text:
        return []  # the common case, decided without a regular expression
    masked = mask_code(text) if code else text
    masked = _COMMENT_RE.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), masked)
    found = [(m.start(1), m.group(1)) for m in _INLINE_LINK_RE.finditer(masked)]
    found += [(m.start(1), m.group(1)) for m in _REF_DEF_RE.finditer(masked)]
    found += [(m.start(1), m.group(1)) for m in _AUTOLINK_RE.finditer(masked)]
    return sorted((offset, target.strip("<>")) for offset, target in found)


def check_markdown(text: str, *, code: bool = True) -> list[Finding]:
    """Every raw-HTML tag, attribute list or URL of a Markdown text that is not allowed.

    ``code=False`` for a front-matter field: a template may print it as it is, so a
    code span there hides nothing.
    """
    if "<" not in text and "[" not in text and "{" not in text:
        return []  # no tag, link, image or attribute list: nothing to check
    masked = mask_code(text) if code else text
    masked = _COMMENT_RE.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), masked)
    findings: list[Finding] = []

    def at(offset: int) -> int:
        return masked.count("\n", 0, offset) + 1

    for offset, url in links(text, code=code):
        reason = check_url(url)
        if reason:
            findings.append(Finding(at(offset), reason, URL_FIX))

    # Autolinks look like tags: check them above, then blank them out.
    scan = _AUTOLINK_RE.sub(lambda m: " " * len(m.group(0)), masked)
    scan = _EMAIL_AUTOLINK_RE.sub(lambda m: " " * len(m.group(0)), scan)
    refused: set[str] = set()
    for match in _TAG_RE.finditer(scan):
        closing, name, attributes = match.group(1), match.group(2).lower(), match.group(3)
        line = at(match.start())
        if name not in ALLOWED_TAGS:
            if closing and name in refused:
                continue  # its opening tag was reported already
            refused.add(name)
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
    for match in _IMAGE_NO_ALT_RE.finditer(masked):
        findings.append(
            Finding(
                at(match.start()),
                "image sans texte alternatif",
                "décrivez l’image entre les crochets : ![Ce que montre l’image](images/photo.jpg)",
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
    return list(dict.fromkeys(findings))  # « [x](<url>) » is also read as an autolink


def _short(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
