"""The preview (``mkdocs serve``): what it needs that the published site must not have.

* Live reload: MkDocs adds an inline script to every page it serves, different for each
  request, which no hash can allow. The preview's policy allows inline scripts instead
  (``preview_policy``); the published site keeps its exact policy.
* Errors in the browser: after an invalid edit the preview keeps showing the last valid
  version of the site, and every page carries the same French messages as the terminal
  (``mark_pages``), until the file is fixed.
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from pathlib import Path

from ..problems import Problem, summary

BANNER_START = "<!-- retex-erreurs -->"
BANNER_END = "<!-- /retex-erreurs -->"


def preview_policy(directives: list[str]) -> list[str]:
    """The published policy, with inline scripts allowed (for MkDocs' live-reload script).

    Hashes go: a policy that lists one makes browsers ignore ``'unsafe-inline'``."""
    out = []
    for directive in directives:
        name, _, values = directive.strip().partition(" ")
        if name == "script-src":
            kept = [v for v in values.split() if not v.strip("'").startswith("sha")]
            directive = " ".join([name, *kept, "'unsafe-inline'"])
        out.append(directive)
    return out


def errors_banner(problems: list[Problem]) -> str:
    """The French message shown at the top of every previewed page, escaped."""
    items = "".join(f"<li><code>{html.escape(p.format())}</code></li>" for p in problems)
    return (
        f'{BANNER_START}<div class="rx-build-errors" role="alert" lang="fr">'
        "<p><strong>Votre dernière modification n’est pas prise en compte</strong> : "
        f"{html.escape(summary(problems))}. L’aperçu montre la dernière version valide du "
        "site. Corrigez le fichier : la page se mettra à jour d’elle-même.</p>"
        f"<ul>{items}</ul></div>{BANNER_END}"
    )


def _without_banner(text: str) -> str:
    start = text.find(BANNER_START)
    if start < 0:
        return text
    end = text.find(BANNER_END, start)
    if end < 0:
        return text
    return text[:start] + text[end + len(BANNER_END) :]


def _with_banner(text: str, banner: str) -> str:
    body = text.find("<body")
    end = text.find(">", body) if body >= 0 else -1
    if end < 0:
        return text
    return text[: end + 1] + banner + text[end + 1 :]


def mark_pages(site_dir: Path, banner: str | None, marked: Iterable[str] = ()) -> set[str]:
    """Put ``banner`` at the top of every HTML page of ``site_dir``, or, when it is None,
    remove it from the pages listed in ``marked`` (those that carry it). Returns the
    pages that now carry it (site-relative paths)."""
    now: set[str] = set()
    paths = site_dir.rglob("*.html") if banner else (site_dir / p for p in marked)
    for path in paths:
        try:
            text = path.read_text(encoding="utf-8")
        except OSError:
            continue
        new = _without_banner(text)
        if banner:
            new = _with_banner(new, banner)
            now.add(path.relative_to(site_dir).as_posix())
        if new != text:
            path.write_text(new, encoding="utf-8")
    return now
