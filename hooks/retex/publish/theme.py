"""What the theme's templates (``overrides/``) are given.

* ``retex`` in the context of every page this build adds or renders: the site's data
  and the few helpers the templates call (``Templates``);
* in every template, Material's own and the 404 page included: ``publisher``,
  ``license`` and ``csp`` (the page's Content-Security-Policy), from the plugin's options
  in mkdocs.yml, and the ``plain`` filter;
* autoescaping for our templates. MkDocs renders templates without it; ours escape every
  value they print, Material's keep their behaviour (values reach them escaped once,
  see ``escaping.py``). No bytecode cache: Jinja's unpickles its files, which a checkout
  could carry.
"""

from __future__ import annotations

from pathlib import Path

from ..collection import Entry
from ..sections import plain_text
from ..site import Site
from .records import SearchRecord, facets, method_fit, search_record


class Templates:
    """``retex`` in a template: what the templates of ``overrides/`` read and call."""

    def __init__(self, site: Site):
        self.vocabulary = site.vocabulary
        self.relations = site.relations
        self.browse = site.browse
        self.cases = site.cases
        self.methods = site.methods
        self.method = site.method
        self.browse_url = site.browse_url
        self.updated_on = site.updated_on
        self._site = site

    @property
    def dates(self):
        return self._site.dates

    def search_record(self, entry: Entry) -> SearchRecord:
        return search_record(entry, self.vocabulary, self._site.method_title)

    def method_fit(self, entry: Entry) -> dict:
        return method_fit(entry, self.vocabulary)

    def facets(self) -> list[dict]:
        return facets(self._site)


def prepare(env, overrides: Path, values: dict) -> None:
    """Set up MkDocs' Jinja environment ``env`` for the templates of ``overrides``."""
    env.filters["plain"] = plain_text
    env.globals.update(values)
    ours = {p.relative_to(overrides).as_posix() for p in overrides.rglob("*.html")}
    env.autoescape = lambda name: name in ours
