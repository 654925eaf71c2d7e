"""A synthetic Retex corpus: the real project plus N generated cases and N/10 methods.

Used by the benchmark (``make bench``) and by the search tests, which need a corpus of
realistic size and vocabulary. The output is a complete, buildable project::

    python -m tools.corpus --cases 1000 --out /tmp/corpus [--seed 1] [--root .]

(from the root of the repository). It copies ``mkdocs.yml``, ``vocabulary.yml``,
``docs/``, ``overrides/`` and the real ``cases/`` and ``methods/`` from the repository
(the build itself comes from the installed ``retex`` package), then writes the
generated files beside the real ones. Everything generated is valid against the real
schema: every vocabulary value comes from the copied ``vocabulary.yml`` (the phrase
banks, ``banks/*.yml``, only hold prose, place names and slugs of vocabulary terms used
to pick a matching term when it exists), every reference points to a published method,
dates are quoted strings. The prose is French, assembled from the phrase banks by a
seeded random generator: the same seed gives the same files, byte for byte.

Generated content is fiction: real place names give the search engine a natural
vocabulary, but the situations, figures and people are invented. Nothing here may be
copied into the real ``cases/`` or ``methods/``.

This is tooling, not part of the site's build: the runtime package ``retex`` never
imports it. It writes files with plain string building (each YAML string is a JSON
string, which is valid YAML) so that 10,000 cases take a couple of seconds.
"""

from .generate import FORBIDDEN_IN_TITLES, SyntheticError, generate

__all__ = ["FORBIDDEN_IN_TITLES", "SyntheticError", "generate"]
