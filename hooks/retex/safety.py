"""What contributed text may contain, judged on what the browser will read.

Each body and each Markdown field is rendered on its own, exactly as the build renders
it (``render.py``), and the HTML that comes out is parsed by Lexbor (selectolax), a
WHATWG-compliant HTML5 parser: every element, attribute and address outside the
allowlist below is refused, with the line where it was written. Nothing is silently
stripped. The source-level rules that remain (characters, the cost guard) only refuse.

Raw HTML is limited to a few harmless inline tags; the elements that Markdown writes
itself (paragraphs, lists, links, images, tables, admonitions…) are allowed with the
attributes Markdown gives them, and are refused when written as raw HTML (Markdown
says the same thing, and its links are checked and rewritten).
"""

from __future__ import annotations

import html as html_lib
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from selectolax.lexbor import LexborHTMLParser

from .characters import character_message, forbidden_characters  # noqa: F401 (re-exported)
from .render import guard, render

# Harmless inline tags: they carry meaning, not behaviour, and no URL. (``pre`` also
# comes from fenced code blocks, which Markdown hands over as raw HTML.)
ALLOWED_TAGS = frozenset(
    "abbr b bdi bdo br cite code del dfn em i ins kbd mark q s samp small span strong sub "
    "sup time u var wbr pre".split()
)
# What Markdown writes from its own syntax (never accepted as raw HTML).
MARKDOWN_TAGS = frozenset(
    "p a img ul ol li h1 h2 h3 h4 h5 h6 blockquote hr table thead tbody tr th td div".split()
)
ALLOWED_ATTRIBUTES = frozenset({"title", "lang", "dir", "datetime"})
ALLOWED_SCHEMES = frozenset({"http", "https", "mailto"})
ADMONITION_TYPES = frozenset(
    "note abstract summary tldr info todo tip hint important success check done question "
    "help faq warning caution attention failure fail missing danger error bug example "
    "quote cite".split()
)

TAG_FIX = (
    "écrivez en Markdown ; seules des balises de texte comme <abbr>, <sub>, <sup> ou <kbd> "
    "sont admises"
)
ATTRIBUTE_FIX = "seuls les attributs title, lang, dir et datetime sont admis"
URL_FIX = "utilisez une adresse en https://, http://, mailto: ou un lien relatif vers un fichier"
IMAGE_FIX = "placez l’image dans le dépôt, à côté de la fiche"
H1_MESSAGE = "titre de niveau 1 : la page a déjà le sien, le titre de la fiche (title)"
H1_FIX = (
    "commencez l’intertitre par ## (### sous une section) ; pour un simple « # » en début "
    "de ligne (#motclé), écrivez \\#"
)
# Where Python-Markdown may make a level-1 heading: a « # » (not « ## ») first on a line,
# after any list or quote marker (no space needed after it), or a line of « = » under a
# line of text.
_H1_RE = re.compile(r"^[ \t>*+\-\d.)]*#(?!#)", re.M)
_SETEXT_H1_RE = re.compile(r"^ {0,3}=+[ \t]*$", re.M)
ALT_FIX = "décrivez l’image entre les crochets : ![Ce que montre l’image](images/photo.jpg)"


@dataclass(frozen=True)
class Finding:
    line: int  # line within the checked text, 1-based
    message: str
    fix: str | None = None


# --- URLs ---------------------------------------------------------------------------------

_SCHEME_RE = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*):")


def _as_browser_reads(url: str) -> str:
    """A URL as a browser's URL parser reads it: C0 controls and spaces trimmed, tabs
    and line breaks removed anywhere, backslashes read as slashes."""
    url = url.strip("".join(chr(c) for c in range(0x21)))
    return re.sub(r"[\t\n\r]", "", url).replace("\\", "/")


def check_url(url: str) -> str | None:
    """Why a link address is refused, or None when it is http(s), mailto or relative.

    ``url`` is written as in Markdown: character references are decoded first."""
    return _link_problem(html_lib.unescape(url.strip().strip("<>")), url)


def _link_problem(value: str, shown: str) -> str | None:
    cleaned = _as_browser_reads(value)
    match = _SCHEME_RE.match(cleaned)
    if match:
        scheme = match.group(1).lower()
        if scheme not in ALLOWED_SCHEMES:
            return f"adresse « {_short(shown)} » refusée : le schéma « {scheme}: » n’est pas admis"
        return None
    if cleaned.startswith("//"):
        return f"adresse « {_short(shown)} » incomplète : le schéma manque"
    return None


def _image_problem(value: str) -> tuple[str, str] | None:
    cleaned = _as_browser_reads(value)
    match = _SCHEME_RE.match(cleaned)
    if match and match.group(1).lower() not in ("http", "https"):
        scheme = match.group(1).lower()
        return (
            f"image « {_short(value)} » refusée : le schéma « {scheme}: » n’est pas admis",
            IMAGE_FIX,
        )
    if match or cleaned.startswith("//"):
        return (f"image chargée depuis un autre site « {_short(value)} » refusée", IMAGE_FIX)
    return None


# --- The HTML judge -----------------------------------------------------------------------


@dataclass(frozen=True)
class Verdict:
    """A refusal before it is located in the source: ``needle`` finds where it was written
    (its ``nth`` occurrence)."""

    message: str
    fix: str | None
    needle: tuple[re.Pattern, ...]  # tried in turn: the first one found gives the line
    nth: int = 1
    kind: int = 1  # 0: an element refused outright (reported first on its line)


@dataclass
class Judgement:
    verdicts: list[Verdict] = field(default_factory=list)
    links: list[str] = field(default_factory=list)  # every href and src, as written


_LANG_RE = re.compile(r"^[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*$")
_ID_RE = re.compile(r"^[A-Za-z0-9_-]+$")
_LANGUAGE_CLASS_RE = re.compile(r"^language-[\w+#.-]+$")
_ALIGN_RE = re.compile(r"^text-align: (left|right|center);$")
_HEADINGS = {f"h{n}" for n in range(1, 7)}


def _tag_needle(tag: str) -> tuple[re.Pattern, ...]:
    return (
        re.compile(rf"<\s*{re.escape(tag)}(?![\w-])", re.I),
        re.compile(rf"(?<![\w-]){re.escape(tag)}(?![\w-])", re.I),
    )


def _word_needle(word: str) -> tuple[re.Pattern, ...]:
    return (re.compile(re.escape(word), re.I),)


def _attribute_problem(tag: str, name: str, value: str) -> str | None:
    """Why an attribute is refused on an element, or None."""
    if name in ("title",):
        return None
    if name == "lang":
        return None if _LANG_RE.match(value) else f"langue « {_short(value)} » illisible"
    if name == "dir":
        return None if value.lower() in ("ltr", "rtl", "auto") else "dir vaut ltr, rtl ou auto"
    if name == "datetime" and tag in ("time", "del", "ins"):
        return None
    if tag == "a" and name == "href":
        return None  # judged as an address
    if tag == "a" and name == "class" and value == "headerlink":
        return None  # the table of contents' anchor
    if tag == "img" and name in ("src", "alt"):
        return None
    if tag in _HEADINGS and name == "id" and _ID_RE.match(value):
        return None
    if tag == "div" and name == "class":
        words = value.split()
        if words[:1] == ["admonition"] and len(words) > 1:
            unknown = [w for w in words[1:] if w not in ADMONITION_TYPES]
            return f"type d’encadré « {unknown[0]} » inconnu" if unknown else None
    if tag == "p" and name == "class" and value == "admonition-title":
        return None
    if tag == "ol" and name == "start" and value.isdigit():
        return None
    if tag in ("th", "td") and name == "style" and _ALIGN_RE.match(value):
        return None
    if tag in ("code", "pre") and name == "class" and _LANGUAGE_CLASS_RE.match(value):
        return None
    return f"attribut HTML « {name} » refusé dans <{tag}>"


# An HTML comment as browsers end it: « <!--> » and « <!---> » are complete (empty)
# comments, and « --!> » closes one too. Applied to rendered HTML whose comments are
# known to be closed, so it is linear.
_COMMENT_RE = re.compile(r"<!--(?:-?>|.*?--!?>)", re.S)
_END_TAG_RE = re.compile(r"</([A-Za-z][^\s/>]*)")


def judge_html(html: str, made: Counter | None = None, under_title: bool = False) -> Judgement:
    """Every element, attribute or address of rendered HTML outside the allowlist.

    ``made``: the elements Markdown made (``render``), to tell them from raw HTML; None
    for HTML that mixes both (a whole page), judged on elements and attributes only.
    ``under_title``: the text of an entry, whose page's one h1 is its title."""
    judgement = Judgement()
    verdicts = judgement.verdicts
    # The fragment is parsed inside a wrapper, followed by a sentinel: it must close
    # everything it opens and close nothing it did not open, as it will sit in a page.
    tree = LexborHTMLParser(f"<div>{html}<i></i></div>")
    body, root = tree.body, tree.root
    if body is None or root is None:  # pragma: no cover - Lexbor always builds them
        verdicts.append(Verdict("HTML illisible", None, _word_needle("<")))
        return judgement
    for element, name in ((root, "html"), (body, "body")):
        if element.attributes:
            verdicts.append(
                Verdict(f"balise HTML <{name}> refusée", TAG_FIX, _tag_needle(name), kind=0)
            )
    head = tree.head
    if head is not None and head.child is not None:
        tag = head.child.tag
        verdicts.append(Verdict(f"balise HTML <{tag}> refusée", TAG_FIX, _tag_needle(tag), kind=0))
    structure = _structure(body)
    skip = structure.skip
    if structure.problem:
        verdicts.append(structure.problem)

    counts: Counter = Counter()
    refused_tags: set[str] = set()
    seen: Counter = Counter()
    links: list[tuple[str, str]] = []  # (tag, address)
    for node in body.traverse(include_text=False):
        if node.mem_id in skip:
            continue
        tag = node.tag
        if tag in ("-comment", "body"):
            continue
        counts[tag] += 1
        seen[tag] += 1
        if tag not in ALLOWED_TAGS and tag not in MARKDOWN_TAGS:
            if not _inside_refused(node, refused_tags):
                verdicts.append(
                    Verdict(f"balise HTML <{tag}> refusée", TAG_FIX, _tag_needle(tag), seen[tag], 0)
                )
            refused_tags.add(tag)
            continue
        if _inside_refused(node, refused_tags):
            continue
        if tag == "h1" and under_title and made is not None and seen[tag] <= made.get(tag, 0):
            # The page's one h1 is the entry's title: a second one breaks its outline.
            verdicts.append(Verdict(H1_MESSAGE, H1_FIX, (_H1_RE, _SETEXT_H1_RE), seen[tag]))
        for name, value in node.attributes.items():
            value = value or ""
            problem = _attribute_problem(tag, name, value)
            if problem:
                fix = ATTRIBUTE_FIX if problem.startswith("attribut") else None
                words = [w for w in value.split() if w not in ADMONITION_TYPES][-1:]
                needle = (*_word_needle(words[0] if words else value[:40]), *_word_needle(name))
                if problem.startswith("attribut"):
                    needle = (*_word_needle(name), *needle)
                verdicts.append(Verdict(problem, fix, needle))
        if tag == "a" and "href" in node.attributes:
            href = node.attributes["href"] or ""
            links.append((tag, href))
            reason = _link_problem(href, href)
            if reason:
                verdicts.append(Verdict(reason, URL_FIX, _url_needle(href)))
        if tag == "img":
            src = node.attributes.get("src") or ""
            links.append((tag, src))
            problem = _image_problem(src)
            if problem:
                verdicts.append(Verdict(*problem, _url_needle(src)))
            if not (node.attributes.get("alt") or "").strip():
                verdicts.append(
                    Verdict(
                        "image sans texte alternatif",
                        ALT_FIX,
                        (re.compile(r"!\[\s*\]|<img", re.I),),
                        seen[tag],
                    )
                )
    if made is not None:
        raw = [
            tag
            for tag in counts
            if tag in MARKDOWN_TAGS and tag not in _IMPLIED and counts[tag] > made.get(tag, 0)
        ]
        if raw:
            # Written as raw HTML: refuse the tag, once (its attributes and the
            # Markdown-made elements of the same name would repeat the same line); its
            # addresses are not links to check.
            verdicts[:] = [v for v in verdicts if not _about(v, raw)]
            for tag in raw:
                verdicts.append(
                    Verdict(f"balise HTML <{tag}> refusée", TAG_FIX, _tag_needle(tag), kind=0)
                )
            links = [(tag, address) for tag, address in links if tag not in raw]
    judgement.links = [address for _tag, address in links]
    # End tags that match no element of the fragment would close the page's own.
    if "</" in html and not structure.problem:
        ends = Counter(m.group(1).lower() for m in _END_TAG_RE.finditer(_COMMENT_RE.sub("", html)))
        for tag, number in ends.items():
            if number > counts.get(tag, 0) and tag not in refused_tags:
                verdicts.append(
                    Verdict(
                        f"balise fermante </{tag}> sans balise ouvrante",
                        "retirez-la : elle fermerait une partie de la page",
                        (re.compile(rf"</\s*{re.escape(tag)}", re.I),),
                    )
                )
    return judgement


# Elements the HTML parser adds by itself (a stray « </p> » makes an empty paragraph, a
# table gets its tbody): never counted as raw HTML.
_IMPLIED = frozenset({"p", "tbody"})


@dataclass
class _Structure:
    skip: set  # the wrapper and the sentinel
    problem: Verdict | None


def _structure(body) -> _Structure:
    """Whether the fragment closed everything it opened, and nothing else."""
    children = list(body.iter(include_text=True))
    wrapper = children[0] if children else None
    if len(children) != 1 or wrapper is None or wrapper.tag != "div":
        skip = {wrapper.mem_id} if wrapper is not None and wrapper.tag == "div" else set()
        return _Structure(
            skip,
            Verdict(
                "balise fermante en trop : elle fermerait une partie de la page",
                "retirez-la, ou ajoutez la balise ouvrante qui lui correspond",
                (re.compile(r"</"),),
            ),
        )
    last = wrapper.last_child
    skip = {wrapper.mem_id}
    if last is not None and last.tag == "i" and not last.attributes and last.child is None:
        return _Structure(skip | {last.mem_id}, None)
    if last is not None and last.tag == "-comment":
        return _Structure(
            skip,
            Verdict("commentaire HTML non fermé", "fermez-le par « --> »", (re.compile("<!--"),)),
        )
    # The sentinel landed inside an element left open.
    opened = last.tag if last is not None and not last.tag.startswith("-") else "?"
    deepest = last
    while deepest is not None and deepest.last_child is not None:
        if deepest.last_child.tag == "i" and deepest.last_child.child is None:
            skip.add(deepest.last_child.mem_id)
            break
        deepest = deepest.last_child
    return _Structure(
        skip,
        Verdict(
            f"balise HTML <{opened}> non fermée",
            f"fermez-la par « </{opened}> » (ou fermez les guillemets de ses attributs)",
            _tag_needle(opened),
        ),
    )


def _about(verdict: Verdict, tags: list[str]) -> bool:
    return any(f"<{t}>" in verdict.message for t in tags) or (
        "img" in tags and verdict.message == "image sans texte alternatif"
    )


def _inside_refused(node, refused: set[str]) -> bool:
    if not refused:
        return False
    parent = node.parent
    while parent is not None and parent.tag != "body":
        if parent.tag in refused:
            return True
        parent = parent.parent
    return False


def _url_needle(value: str) -> tuple[re.Pattern, ...]:
    """Where an address was written: as it is, else its end (character references may
    hide its start), else its scheme, else any link."""
    value = value.strip()
    cleaned = _as_browser_reads(value)
    match = _SCHEME_RE.match(cleaned)
    candidates = [value[:40]]
    if match:
        candidates += [cleaned[match.end() :][:30], match.group(1)]
    needles = [re.compile(re.escape(c), re.I) for c in candidates if len(c) > 2]
    return (*needles, re.compile(r"\]\s*[(:]|<[a-z]", re.I))


def locate(text: str, needles: tuple[re.Pattern, ...], nth: int = 1) -> int:
    """The line (1-based) of the ``nth`` match of the first needle found in ``text`` (or
    of its last match), or the first line."""
    for needle in needles:
        position = None
        for count, match in enumerate(needle.finditer(text), 1):
            position = match.start()
            if count >= nth:
                break
        if position is not None:
            return text.count("\n", 0, position) + 1
    return 1


@dataclass
class Checked:
    findings: list[Finding]
    links: list[tuple[int, str]]  # (line, address) of every link and image
    html: str | None = None


def check_markdown(
    text: str, resolve: Callable[[str], str | None] | None = None, under_title: bool = False
) -> Checked:
    """Render a Markdown text on its own and judge its HTML; findings carry their line.
    ``under_title``: a body or field of an entry, where a level-1 heading is refused."""
    limits = guard(text)
    if limits:
        return Checked([Finding(x.line, x.message, x.fix) for x in limits], [], None)
    if not may_hold_markup(text, under_title):
        return Checked([], [], None)
    try:
        rendered = render(text, resolve)
    except RecursionError:  # pragma: no cover - the guard keeps nesting well below this
        return Checked(
            [Finding(1, "texte trop imbriqué pour être mis en page", "simplifiez-le")], [], None
        )
    judgement = judge_html(rendered.html, rendered.made, under_title)
    located = [(locate(text, v.needle, v.nth), v.kind, v) for v in judgement.verdicts]
    located.sort(key=lambda x: (x[0], x[1]))
    findings = [Finding(line, v.message, v.fix) for line, _kind, v in located]
    links = []
    for address in judgement.links:
        if address.startswith("#"):
            continue
        links.append((locate(text, _word_needle(address[:60] or "](")), address))
    return Checked(list(dict.fromkeys(findings)), links, rendered.html)


def may_hold_markup(text: str, under_title: bool = False) -> bool:
    """False when Markdown can only make plain text, paragraphs, lists, headings below
    level 1 and code of ``text``: without « < », « [ », « & », an admonition or a line
    that may be a level-1 heading, no tag, attribute or address outside the allowlist can
    come out (the judge is skipped: most fields are like that)."""
    if "<" in text or "[" in text or "&" in text or "!!!" in text:
        return True
    return under_title and bool(_H1_RE.search(text) or _SETEXT_H1_RE.search(text))


def markdown_findings(text: str) -> list[Finding]:
    return check_markdown(text).findings


def _short(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
