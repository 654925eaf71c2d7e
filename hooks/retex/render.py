"""Markdown to HTML exactly as the build renders it.

One list of Python-Markdown extensions, defined here and nowhere else: the MkDocs adapter
applies it to MkDocs' configuration (``mkdocs.yml`` lists none), and ``retex check``
renders each body and each Markdown field with it, so that the HTML the check judges
is the HTML the site publishes.

Python-Markdown is not linear in its input: some texts (thousands of unclosed brackets
or tags in one paragraph, thousands of blocks, deep nesting) make it quadratic or
exhaust Python's recursion limit. ``guard`` refuses them with a French message, in
one linear pass, before anything is rendered; within its limits the largest allowed
file renders in seconds (see tests/security/test_cost.py).
"""

from __future__ import annotations

import re
import threading
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

import markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

from .problems import Stop
from .slugs import heading_id

# MkDocs always adds toc, tables and fenced_code: they are listed here too, so that this
# list is the whole of what renders a page.
EXTENSIONS: tuple[str, ...] = (
    "toc",
    "tables",
    "fenced_code",
    "admonition",
    "sane_lists",
    "smarty",
)
EXTENSION_CONFIGS: dict[str, dict] = {
    "toc": {
        "permalink": "#",
        "permalink_title": "Lien vers cette section",
        "slugify": heading_id,
    },
    "smarty": {"smart_quotes": False},
}

# What MkDocs applies when mkdocs.yml lists no extension.
MKDOCS_DEFAULTS = ["toc", "tables", "fenced_code"]


def site_extensions(listed: list) -> tuple[list[str], dict[str, dict]]:
    """The extensions and their options for MkDocs' configuration, which must list none
    itself (``listed``: what mkdocs.yml gives), so that ``retex check`` judges the HTML
    the build publishes."""
    if list(listed) != MKDOCS_DEFAULTS:
        raise Stop(
            "mkdocs.yml : les extensions Markdown se règlent dans hooks/retex/render.py "
            "(la vérification des fiches doit rendre le Markdown comme le site) ; retirez "
            "markdown_extensions de mkdocs.yml"
        )
    return list(EXTENSIONS), {name: dict(options) for name, options in EXTENSION_CONFIGS.items()}


# The limits of ``guard``: generous for any real sheet, tight enough for Python-Markdown
# to stay fast on the worst text that passes them.
MAX_LINES = 10_000  # lines of one text (a body or a field): 1 MB of prose has ~7,000
MAX_BLOCKS = 3_000  # paragraphs (blocks between blank lines)
MAX_BLOCK_LINES = 150  # lines of one paragraph, list or table without a blank line
MAX_HTML_BLOCKS = 300  # paragraphs that start with « < » (raw HTML, comments)
MAX_DEPTH = 12  # nested lists, quotes, admonitions, brackets or parentheses
# Σ over paragraphs of (punctuation marks × length): Python-Markdown's inline patterns
# rescan a paragraph from many of its marks (brackets, tags, entities, escapes, emphasis,
# smart punctuation…), so their cost grows with this sum.
MAX_DENSITY = 20_000_000


@dataclass
class Rendered:
    html: str
    # Elements that Markdown itself made (from its syntax, not raw HTML), by tag.
    made: Counter = field(default_factory=Counter)


@dataclass(frozen=True)
class Limit:
    """A text that ``guard`` refuses: the line (1-based, within the text), why, the fix."""

    line: int
    message: str
    fix: str


class _Inspect(Treeprocessor):
    """Runs last: counts the elements Markdown made and rewrites relative links."""

    resolve: Callable[[str], str | None] | None = None
    made: Counter

    def run(self, root):
        made: Counter = Counter()
        for element in root.iter():
            made[element.tag] += 1
            if self.resolve is not None and element.tag in ("a", "img"):
                name = "href" if element.tag == "a" else "src"
                value = element.get(name)
                if value is not None:
                    new = self.resolve(value)
                    if new is not None:
                        element.set(name, new)
        made[root.tag] -= 1  # the root is Markdown's own container, never printed
        self.made = made
        return None


class _InspectExtension(Extension):
    def extendMarkdown(self, md):  # noqa: N802 (Python-Markdown's name)
        self.processor = _Inspect(md)
        md.treeprocessors.register(self.processor, "retex_inspect", -1000)


_local = threading.local()


def _markdown() -> tuple[markdown.Markdown, _Inspect]:
    found = getattr(_local, "markdown", None)
    if found is None:
        inspect = _InspectExtension()
        md = markdown.Markdown(
            extensions=[*EXTENSIONS, inspect], extension_configs=EXTENSION_CONFIGS
        )
        found = _local.markdown = (md, inspect.processor)
    return found


# A one-line text without any character that Markdown or its extensions act on renders to
# one paragraph of itself: most fields are like that (tests/security/test_properties.py
# checks that this shortcut gives exactly Python-Markdown's output).
_MARKUP_CHARACTERS = frozenset("\\`*_<>&[]{}|~#\t\n\r")
_LINE_STARTS = frozenset("-+*>=!:0123456789")
_CONTROL_RE = re.compile("[\x00-\x1f\x7f-\x9f]")


def _plain_line(text: str) -> str | None:
    line = text
    if (
        not line
        or line != line.strip()
        or line[0] in _LINE_STARTS
        or "--" in line
        or "..." in line
        or "  " in text
        or not _MARKUP_CHARACTERS.isdisjoint(line)
        or _CONTROL_RE.search(line)
    ):
        return None
    return line


def render(text: str, resolve: Callable[[str], str | None] | None = None) -> Rendered:
    """The HTML of one Markdown text, rendered on its own (nothing before or after it
    can change its meaning). ``resolve`` turns a relative link or image address into
    the published one (None: keep it). Call ``guard`` first."""
    line = _plain_line(text)
    if line is not None:
        return Rendered(f"<p>{line}</p>", Counter(p=1))
    md, inspect = _markdown()
    md.reset()
    inspect.resolve = resolve
    try:
        html = md.convert(text)
    finally:
        inspect.resolve = None
    return Rendered(html, inspect.made)


def render_html(text: str, resolve: Callable[[str], str | None] | None = None) -> str:
    return render(text, resolve).html


# --- The cost guard -----------------------------------------------------------------------

# Every ASCII punctuation mark, deleted by str.translate to count them in one pass.
_PUNCTUATION = str.maketrans("", "", "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")


def guard(text: str) -> list[Limit]:
    """Why Python-Markdown could not render this text in bounded time, or []. Linear."""
    lines = text.split("\n")
    if len(lines) > MAX_LINES:
        return [
            Limit(
                MAX_LINES + 1,
                f"texte trop long : plus de {MAX_LINES} lignes",
                "découpez-le ou raccourcissez-le : une fiche se lit en quelques minutes",
            )
        ]
    found: list[Limit] = []
    density = 0
    block_start, block_length, block_openers = 1, 0, 0
    blocks = html_blocks = 0
    depth = 0  # brackets and parentheses open in the current paragraph

    def close_block(line: int) -> None:
        nonlocal density
        if line - block_start > MAX_BLOCK_LINES:
            found.append(
                Limit(
                    block_start,
                    f"paragraphe, liste ou tableau de plus de {MAX_BLOCK_LINES} lignes sans "
                    "ligne vide",
                    "aérez le texte par des lignes vides, ou découpez la liste",
                )
            )
        density += block_length * block_openers
        if density > MAX_DENSITY:
            found.append(
                Limit(
                    block_start,
                    "paragraphe trop long et trop chargé en ponctuation (crochets, chevrons, "
                    "astérisques…) pour être mis en page",
                    "coupez les longs paragraphes (ou listes, tableaux) par des lignes vides",
                )
            )
            density = -(10**18)  # reported once

    for number, line in enumerate(lines, 1):
        stripped = line.lstrip(" \t>")
        if not stripped.strip():
            if block_length:
                close_block(number)
            block_start, block_length, block_openers, depth = number + 1, 0, 0, 0
            continue
        if not block_length:  # the first line of a paragraph
            blocks += 1
            html_blocks += stripped.startswith("<")
            if blocks == MAX_BLOCKS + 1:
                found.append(
                    Limit(
                        number,
                        f"texte trop long : plus de {MAX_BLOCKS} paragraphes",
                        "découpez-le ou raccourcissez-le : une fiche se lit en quelques minutes",
                    )
                )
            if html_blocks == MAX_HTML_BLOCKS + 1:
                found.append(
                    Limit(
                        number,
                        f"plus de {MAX_HTML_BLOCKS} paragraphes commencent par « < » "
                        "(HTML ou commentaires)",
                        "écrivez en Markdown ; retirez les commentaires inutiles",
                    )
                )
        prefix = line[: len(line) - len(stripped)]
        indent = len(prefix.replace("\t", "    ").replace(">", "")) // 4 + prefix.count(">")
        if indent > MAX_DEPTH and not found:
            found.append(
                Limit(
                    number,
                    f"imbrication trop profonde : plus de {MAX_DEPTH} niveaux de listes, "
                    "de citations ou de retraits",
                    "réduisez le retrait de cette ligne",
                )
            )
        block_length += len(line) + 1
        block_openers += len(line) - len(line.translate(_PUNCTUATION))
        if "<!" in line or "<?" in line:
            # Declarations, CDATA and processing instructions are never allowed, and
            # Python's HTML parser is quadratic on unclosed ones: refuse them now.
            for marker in ("<![", "<?"):
                if marker in line:
                    found.append(
                        Limit(
                            number,
                            f"balisage « {marker} » refusé",
                            "retirez-le : seules quelques balises de texte sont admises",
                        )
                    )
            rest = line.replace("<!--", "").replace("<![", "")
            if "<!" in rest:
                found.append(
                    Limit(
                        number,
                        "balisage « <! » refusé",
                        "retirez-le : seuls les commentaires « <!-- … --> » sont admis",
                    )
                )
        if "[" in line or "(" in line:
            for char in line:
                if char in "[(":
                    depth += 1
                    if depth > MAX_DEPTH:
                        found.append(
                            Limit(
                                number,
                                f"crochets ou parenthèses imbriqués trop profondément "
                                f"(plus de {MAX_DEPTH} niveaux)",
                                "fermez chaque « [ » par « ] » et chaque « ( » par « ) »",
                            )
                        )
                        depth = -(10**9)  # report once per paragraph
                elif char in "])" and depth > 0:
                    depth -= 1
    if block_length:
        close_block(len(lines) + 1)
    # One message of each kind is enough: the first place it happens.
    seen: set[str] = set()
    unique = []
    for limit in found:
        if limit.message not in seen:
            seen.add(limit.message)
            unique.append(limit)
    return unique
