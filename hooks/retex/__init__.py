"""Retex: a knowledge base of public-sector innovation built from Markdown files.

The modules of this package know nothing of MkDocs; only ``hooks/mkdocs_hooks.py`` does.
"""
