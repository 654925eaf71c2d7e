"""Bounded cost: the largest allowed file is judged — and rendered by the build — in
seconds, whatever it holds.

Python-Markdown is quadratic, or worse, on some texts (thousands of unclosed brackets,
tags, entities or escapes in one paragraph, thousands of blocks, deep nesting), and the
old regular expressions rescanned the rest of the text at each opener. Here every
adversarial text is sized up to the 1 MB file limit and compared with a linear
baseline measured in the same run: checking, then rendering as the build does, ordinary
prose of comparable size. A quadratic path at this size costs minutes, far above the
generous bound; the bound itself moves with the machine's load.
"""

from __future__ import annotations

import time

import pytest
from samples import CASE, ROOT, Content

from retex.render import guard, render
from retex.safety import check_markdown

SIZE = 1_000_000


def fill(unit: str, size: int = SIZE) -> str:
    return (unit * (size // len(unit) + 1))[:size]


def _prose() -> str:
    text = (ROOT / "cases" / "strasbourg-transfo-labo-et-comptoir-des-services.md").read_text(
        encoding="utf-8"
    )
    return text.split("---", 2)[2]


ADVERSARIAL = {
    "nested-brackets": lambda: "[" * 990 + "x" + "]" * 990,
    "unclosed-brackets": lambda: fill("[a "),
    "unclosed-links": lambda: fill("[a]("),
    "unclosed-images": lambda: fill("!["),
    "unclosed-tags": lambda: fill("<a "),
    "unclosed-autolinks": lambda: fill("<http://a"),
    "comment-openers": lambda: fill("<!--"),
    "comment-openers-in-blocks": lambda: fill("<!--\n\n"),
    "unclosed-fences": lambda: fill("```\n"),
    "unclosed-fences-with-text": lambda: fill("```\nabc\n"),
    "unclosed-tags-in-blocks": lambda: fill("<div\n\n"),
    "cdata": lambda: fill("<![CDATA[\n"),
    "entities": lambda: fill("&amp;"),
    "escapes": lambda: fill("\\*"),
    "ellipses": lambda: fill("... "),
    "emphasis": lambda: fill("*a "),
    "backticks": lambda: fill("``a` "),
    "rules-in-one-block": lambda: fill("***\n"),
    "setext-in-one-block": lambda: fill("a\n=\n"),
    "headings-in-one-block": lambda: fill("# a\n"),
    "list-items-in-one-block": lambda: fill("- [a](b)\n"),
    "table-rows": lambda: "|a|b|\n|-|-|\n" + fill("|`a|b\n"),
    "nested-lists": lambda: "".join("    " * i + "- x\n" for i in range(60)),
    "nested-quotes": lambda: ">" * 990 + " x",
    # At the limits the guard lets through.
    "3000-admonitions": lambda: "!!! note\n\n" * 3000,
    "3000-entity-paragraphs": lambda: "&amp;\n\n" * 3000,
    "3000-bracket-paragraphs": lambda: "\n\n".join(["[" * 12 + "a" + "]" * 12] * 2999),
    "66-blocks-of-149-headings": lambda: "\n\n".join(["\n".join(["# a"] * 149)] * 66),
    "33-lists-of-299-items": lambda: "\n\n".join(["\n".join(["- a"] * 299)] * 33),
    "33-blocks-of-setext-headings": lambda: "\n\n".join(["\n".join(["a", "="] * 149)] * 33),
}


@pytest.fixture(scope="module")
def bound():
    """Checking then rendering 700 kB of ordinary prose, ×4, plus a second."""
    prose = fill(_prose() + "\n\n", 700_000)
    assert not guard(prose)
    started = time.perf_counter()
    check_markdown(prose)
    render(prose)
    return 4 * (time.perf_counter() - started) + 1.0


@pytest.mark.parametrize("name", ADVERSARIAL)
def test_adversarial_text_is_judged_and_rendered_in_bounded_time(bound, name):
    text = ADVERSARIAL[name]()
    started = time.perf_counter()
    checked = check_markdown(text)
    if not checked.findings:  # accepted: the build renders it too
        render(text)
    elapsed = time.perf_counter() - started
    assert elapsed < bound, (
        f"{name}: {elapsed:.2f} s for {len(text)} characters (bound {bound:.2f} s)"
    )


def test_the_largest_file_with_many_fields_is_checked_in_bounded_time(tmp_path, bound):
    """A 1 MB front matter: thousands of Markdown fields, each rendered on its own."""
    content = Content(tmp_path).valid()
    items = ", ".join(['"Voir [la fiche](../methods/entretien-usager.md)."'] * 19_000)
    text = CASE.replace("format: atelier\n", f"format: atelier\nlessons: [{items}]\n")
    assert len(text) < SIZE
    content.write("cases/pau-accueil.md", text)
    started = time.perf_counter()
    problems = content.check()
    elapsed = time.perf_counter() - started
    assert elapsed < bound, elapsed
    assert any("trop de textes" in p.message for p in problems)
