"""Retex: a knowledge base of public-sector innovation built from Markdown files.

The build is a MkDocs plugin (``plugin.py``, options in ``config.py``, enabled in
mkdocs.yml): those two modules know MkDocs, the others nothing of it. Layers, each
importing only from the ones before it (``tests/test_layers.py`` keeps it so):

1. words and errors: ``slugs``, ``problems``, ``characters``, ``kinds``, ``escaping``;
2. one file, one text: ``frontmatter``, ``render``, ``safety``, ``files``, ``writing``,
   ``fields``, ``messages`` (French validation errors), ``site_pages``;
3. ``vocabulary``;
4. ``schema`` (Case and Method, defined once);
5. the content: ``collection``, ``cache``, ``history``, ``permalinks`` (aliases,
   retirements, the published-URL guard);
6. between entries: ``relations``, ``browse``;
7. ``site``: everything loaded and checked, before any HTML;
8. pages: ``pages`` (every page the build adds, listed once), ``sections``,
   ``incremental``;
9. ``publish/``: search records and the Pagefind index, exports and feeds, redirect pages,
   the print deck, CSP, images, typography, the theme's values, staging, preview;
10. the adapters: ``build`` (a command and its builds, as plain stages), ``plugin`` and
    ``config`` (MkDocs), ``cli`` and ``scaffold`` (the ``retex`` command).
"""
