"""Retex: a knowledge base of public-sector innovation built from Markdown files.

The build is a MkDocs plugin (``plugin.py``, options in ``config.py``, enabled in
mkdocs.yml): those two modules know MkDocs, the others nothing of it. Layers, each
importing only from the ones before it (``tests/test_layers.py`` keeps it so):

1. words and errors: ``slugs``, ``problems``, ``characters``, ``kinds``, ``escaping``;
2. one file, one text: ``frontmatter``, ``render``, ``safety``, ``files``, ``writing``,
   ``fields``, ``messages`` (French validation errors), ``site_pages``;
3. ``vocabulary``;
4. ``schema`` (Case and Method, defined once);
5. ``scaffold``: the contributors' template, written from the schema (``retex new``, and
   the body's sections of the form /proposer/);
6. the content: ``collection``, ``cache``, ``history``, ``permalinks`` (aliases,
   retirements, the published-URL guard);
7. between entries: ``relations``, ``browse``;
8. ``site``: everything loaded and checked, before any HTML;
9. pages: ``pages`` (every page the build adds, listed once), ``sections``,
   ``proposal`` (the data of the contribution form, from the published schema),
   ``incremental``;
10. ``publish/``: search records and the Pagefind index, exports and feeds, redirect
    pages, the print deck, CSP, images, typography, the theme's values, staging, preview;
11. the adapters: ``build`` (a command and its builds, as plain stages), ``plugin`` and
    ``config`` (MkDocs), ``cli`` (the ``retex`` command).
"""
