"""French typography on published pages: no-break spaces around ; : ! ? « ».

Contributors type ordinary spaces (« Pourquoi ? », « Format : atelier ») and the build
puts the no-break space that French typography wants, so that a line never starts with
a « ? » or a « : » nor ends with a « « ». The choice, common in French publishing and on
the web:

* U+202F NARROW NO-BREAK SPACE before « ; », « ! » and « ? »;
* U+00A0 NO-BREAK SPACE before « : » and « » », and after « « ».

Only the text that readers read changes. The page is cut into tags, comments, character
references and text by one regular expression (the pages are the build's own output,
well-formed: their attribute values are quoted and escaped): attributes, tags, comments
and entities are never touched, nor the text of elements that are code or data —
``code``, ``pre``, ``kbd``, ``samp``, ``var``, ``script``, ``style``, ``textarea``,
``svg``, ``math``, elements whose ``lang`` is not French, and search-index filter
values (``data-pagefind-filter``/``-sort``: they must equal the URL parameters that
select them). Edits are spliced into the original string
at the positions the tokenizer reports: nothing else of the page is re-serialised.

Rules, inside the text of one block (a paragraph, a list item, a cell…), across inline
elements (« <em>mot</em> : »):

* a run of ordinary white space before ; : ! ? » becomes the no-break space above;
* a missing space is added after « and before » (guillemets are French only), but never
  before ; : ! ? — « 14:30 », « https://… », « ?q= » and English titles stay as typed;
* punctuation that opens a block (« : » at the start of a paragraph) is left alone.

Why not a library: polytypo (PyPI) applies the same rules on HTML text spans and was
tried first, but it spent 0.17 s on a 30 kB case page (pure-Python scans of its unit
and abbreviation lists). Python's ``html.parser`` as the tokenizer gave the same output
as this module's regular expression, at twice its cost (1.2 against 0.55 ms for an
average page of 13 kB); lexbor (selectolax) re-serialises every page, when splicing
keeps every byte of the page that is not a space being made no-break.
"""

from __future__ import annotations

import html
import re

NARROW_NBSP = "\u202f"
NBSP = "\u00a0"
SPACE_BEFORE = {";": NARROW_NBSP, "!": NARROW_NBSP, "?": NARROW_NBSP, ":": NBSP, "»": NBSP}

SKIPPED = frozenset("code pre kbd samp var script style textarea svg math template".split())
DATA_ATTRIBUTES = frozenset({"data-pagefind-filter", "data-pagefind-sort"})
# Inline elements: the text around them belongs to the same line of reading.
INLINE = frozenset(
    "a abbr b bdi bdo cite code data del dfn em i ins kbd mark q s samp small span strong "
    "sub sup time u var label".split()
)
VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())

_WS = " \t\n\r\f"
_NO_BREAK = _WS + NBSP + NARROW_NBSP  # characters after which no space is added
_WS_BEFORE = re.compile(r"[ \t\n\r\f]+(?=[;:!?»])")
_OPEN = re.compile(r"«([ \t\n\r\f]*)")
_CLOSE_GLUED = re.compile(r"(?<=[^ \t\n\r\f\u00a0\u202f«])»")
_CANDIDATE = re.compile(r"[;:!?«»]")
# A comment, a declaration, a processing instruction, a tag (its attributes may hold
# quoted « > »), or a character reference; the text lies between them.
_TOKEN = re.compile(
    r"<!--.*?-->|<![^>]*>|<\?[^>]*>"
    r"|<(/?)([a-zA-Z][a-zA-Z0-9:-]*)((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>"
    r"|&(#?[a-zA-Z0-9]+);",
    re.S,
)
# Elements whose content is never text to set (or not HTML at all): skipped to their end.
_OPAQUE = frozenset("script style textarea svg math template".split())
_LANG = re.compile(r"""\slang\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.I)


def french_spacing(page: str) -> str:
    """``page`` (HTML) with French no-break spaces in its text; see the module doc."""
    if not _CANDIDATE.search(page):
        return page
    spacer = _Spacer(page)
    spacer.feed()
    return spacer.result()


class _Spacer:
    def __init__(self, source: str):
        self.source = source
        self.edits: list[tuple[int, int, str]] = []  # (start, end, replacement)
        self.stack: list[tuple[str, bool, bool]] = []  # (tag, skip by kind, skip by lang)
        self.prev = ""  # last character of the block's text so far
        self.after_open = False  # the text so far ends with « (and maybe white space)
        self.trailing_ws: tuple[int, int] | None = None  # white space ending the text
        self.position = 0  # where the token being handled starts

    # --- the tokenizer --------------------------------------------------------------

    def feed(self) -> None:
        source, pos, end = self.source, 0, len(self.source)
        while pos < end:
            match = _TOKEN.search(source, pos)
            start = match.start() if match else end
            if start > pos:
                self.position = pos
                self.handle_data(source[pos:start])
            if match is None:
                break
            pos = match.end()
            closing, tag, attributes, reference = match.groups()
            if reference is not None:
                self.position = start
                if reference.startswith("#"):
                    self.handle_charref(reference[1:])
                else:
                    self.handle_entityref(reference)
            elif tag is None:  # a comment or a declaration: not text
                continue
            elif closing:
                self.handle_endtag(tag.lower())
            elif attributes.endswith("/"):
                self.handle_startendtag(tag.lower(), [])
            else:
                tag = tag.lower()
                self.handle_starttag(tag, _attributes(attributes))
                if tag in _OPAQUE:  # its content up to its end tag is skipped text
                    close = source.find("</" + tag, pos)
                    close = end if close < 0 else close
                    if close > pos:
                        self.position = pos
                        self.handle_data(source[pos:close])
                    pos = close

    # --- positions and state -------------------------------------------------------

    def _offset(self) -> int:
        return self.position

    def _skipping(self) -> bool:
        if not self.stack:
            return False
        _, by_kind, by_lang = self.stack[-1]
        return by_kind or by_lang

    def _boundary(self) -> None:
        self.prev, self.after_open, self.trailing_ws = "", False, None

    # --- tokenizer events ----------------------------------------------------------

    def handle_starttag(self, tag, attrs):
        if tag not in INLINE:
            self._boundary()
        if tag in VOID:
            return
        _, by_kind, by_lang = self.stack[-1] if self.stack else ("", False, False)
        by_kind = by_kind or tag in SKIPPED
        for name, value in attrs:
            if name in DATA_ATTRIBUTES:
                by_kind = True
            elif name == "lang" and value is not None:
                by_lang = not value.strip().lower().startswith("fr")
        self.stack.append((tag, by_kind, by_lang))

    def handle_startendtag(self, tag, attrs):
        if tag not in INLINE:
            self._boundary()

    def handle_endtag(self, tag):
        if tag not in INLINE:
            self._boundary()
        for index in range(len(self.stack) - 1, -1, -1):
            if self.stack[index][0] == tag:
                del self.stack[index:]
                break

    def handle_data(self, data):
        if not data:
            return
        if self._skipping():
            self.prev, self.after_open, self.trailing_ws = data[-1], False, None
            return
        self._text(data, self._offset())

    def handle_entityref(self, name):
        self._reference(f"&{name};")

    def handle_charref(self, name):
        self._reference(f"&#{name};")

    def _reference(self, text: str) -> None:
        char = html.unescape(text)
        if self._skipping() or len(char) != 1:
            self.prev, self.after_open, self.trailing_ws = char[-1:], False, None
            return
        offset = self._offset()
        if self.after_open:
            if char not in _NO_BREAK:
                self.edits.append((offset, offset, NBSP))
        elif char in SPACE_BEFORE:
            if self.trailing_ws is not None:
                self.edits.append((*self.trailing_ws, SPACE_BEFORE[char]))
            elif char == "»" and self.prev and self.prev not in _NO_BREAK:
                self.edits.append((offset, offset, NBSP))
        self.after_open = char == "«"
        self.prev, self.trailing_ws = char, None

    # --- the rules ------------------------------------------------------------------

    def _text(self, data: str, start: int) -> None:
        if not self.after_open and not _CANDIDATE.search(data):  # most text: nothing to do
            stripped = data.rstrip(_WS)
            if stripped:
                self.prev = stripped[-1]
            has_text = bool(stripped) or bool(self.prev)
            if len(stripped) != len(data) and has_text:
                self.trailing_ws = (start + len(stripped), start + len(data))
            else:
                self.trailing_ws = None
            return
        edits = self.edits
        lead = len(data) - len(data.lstrip(_WS))  # white space opening this text
        # What the previous text of the block left pending.
        if self.after_open:  # « then this text: one no-break space between them
            if data[0] not in _NO_BREAK or lead:
                edits.append((start, start + lead, NBSP))
        elif lead == 0 and self.trailing_ws is not None and data[0] in SPACE_BEFORE:
            edits.append((*self.trailing_ws, SPACE_BEFORE[data[0]]))
        elif lead == 0 and data[0] == "»" and self.prev and self.prev not in _NO_BREAK:
            edits.append((start, start, NBSP))
        if _CANDIDATE.search(data):
            for match in _WS_BEFORE.finditer(data):
                if match.start() == 0 and (self.after_open or not self.prev):
                    continue  # handled above, or punctuation that opens the block
                punctuation = data[match.end()]
                edits.append(
                    (start + match.start(), start + match.end(), SPACE_BEFORE[punctuation])
                )
            for match in _OPEN.finditer(data):
                if match.group(1):
                    edits.append((start + match.start(1), start + match.end(1), NBSP))
                elif match.end() < len(data) and data[match.end()] not in _NO_BREAK:
                    edits.append((start + match.end(), start + match.end(), NBSP))
            for match in _CLOSE_GLUED.finditer(data, 1):
                edits.append((start + match.start(), start + match.start(), NBSP))
        stripped = data.rstrip(_WS)
        has_text = bool(stripped) or bool(self.prev)
        trail = len(data) - len(stripped)
        self.trailing_ws = (
            (start + len(stripped), start + len(data)) if trail and has_text else None
        )
        if stripped:
            self.prev = stripped[-1]
            self.after_open = stripped[-1] == "«" and not trail
        else:
            self.after_open = False

    def result(self) -> str:
        if not self.edits:
            return self.source
        out, last = [], 0
        for begin, end, replacement in sorted(set(self.edits)):
            if begin < last:  # two rules on the same spot: keep the first
                continue
            out.append(self.source[last:begin])
            out.append(replacement)
            last = end
        out.append(self.source[last:])
        return "".join(out)


def _attributes(text: str) -> list[tuple[str, str | None]]:
    """The attributes the rules look at (``lang``, search-index data), when present."""
    found: list[tuple[str, str | None]] = []
    if "data-pagefind-" in text:
        found += [(name, "") for name in DATA_ATTRIBUTES if name in text]
    if "lang" in text:
        match = _LANG.search(text)
        if match:
            found.append(("lang", next(g for g in match.groups() if g is not None)))
    return found
