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

import threading
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

import markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

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

# The limits of ``guard``: generous for any real sheet, tight enough for Python-Markdown
# to stay fast on the worst text that passes them.
MAX_LINES = 3000  # lines of one text (a body or a field)
MAX_DEPTH = 12  # nested lists, quotes, admonitions, brackets or parentheses
MAX_DENSITY = 20_000_000  # per paragraph: (brackets, tags and backticks) × its length


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


def render(text: str, resolve: Callable[[str], str | None] | None = None) -> Rendered:
    """The HTML of one Markdown text, rendered on its own (nothing before or after it
    can change its meaning). ``resolve`` turns a relative link or image address into
    the published one (None: keep it). Call ``guard`` first."""
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

_OPENERS = "[<`"


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
    block_start, block_length, block_openers = 1, 0, 0
    depth = 0  # brackets and parentheses open in the current paragraph

    def close_block(line: int) -> None:
        if block_length * block_openers > MAX_DENSITY:
            found.append(
                Limit(
                    block_start,
                    "paragraphe trop long et trop chargé en crochets, chevrons ou accents "
                    "graves pour être mis en page",
                    "coupez ce paragraphe (ou cette liste, ce tableau) par des lignes vides",
                )
            )

    for number, line in enumerate(lines, 1):
        stripped = line.lstrip(" \t>")
        if not stripped.strip():
            close_block(number)
            block_start, block_length, block_openers, depth = number + 1, 0, 0, 0
            continue
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
        for char in _OPENERS:
            block_openers += line.count(char)
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
    close_block(len(lines))
    # One message of each kind is enough: the first place it happens.
    seen: set[str] = set()
    unique = []
    for limit in found:
        if limit.message not in seen:
            seen.add(limit.message)
            unique.append(limit)
    return unique
