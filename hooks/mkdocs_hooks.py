"""MkDocs events -> the stages of the ``retex`` package; nothing else lives here.

* on_config: load and validate all content (before MkDocs cleans ``site/``, so a
  failed build leaves the previous site untouched);
* on_files: add the collection pages, generated pages and content images;
* on_page_read_source / on_page_markdown / on_page_context: give each page its
  Markdown, template, title and data;
* on_post_build: the search index and the exports.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from mkdocs.exceptions import Abort
from mkdocs.structure.files import File, InclusionLevel
from retex.collection import KINDS, content_assets
from retex.pages import PageSpec, index_pages
from retex.problems import ContentError, report, summary
from retex.publish.search import SearchIndexer
from retex.sections import entry_markdown, plain_text
from retex.site import Site, load_site

_state: dict = {"site": None, "pages": {}, "search": None}
log = logging.getLogger("mkdocs.hooks.retex")


def on_config(config):
    root = Path(config.config_file_path).resolve().parent
    try:
        site = load_site(root)
    except ContentError as exc:
        print(report(exc.problems), file=sys.stderr)
        raise Abort(
            f"Contenu invalide : {summary(exc.problems)}, listées ci-dessus. "
            "Rien n’a été construit : le dossier site/ n’a pas été modifié."
        ) from None
    _state["site"] = site
    _state["pages"] = {}
    return config


def _register(spec: PageSpec) -> None:
    _state["pages"][spec.src_uri] = spec


def on_files(files, config):
    site: Site = _state["site"]
    # Start Pagefind now: it indexes each page as soon as it is rendered.
    _state["search"] = SearchIndexer(Path(config.site_dir) / "pagefind")
    for entry in site.cases + site.methods:
        spec = PageSpec(
            entry.path,
            f"{entry.kind}.html",
            entry.title,
            entry.data.summary,
            {"entry": entry},
            entry_markdown(entry),
            entry,
        )
        _register(spec)
        files.append(
            File(
                entry.path,
                src_dir=str(site.root),
                dest_dir=config.site_dir,
                use_directory_urls=True,
                dest_uri=entry.url + "index.html",
                inclusion=InclusionLevel.NOT_IN_NAV,
            )
        )
    for folder, prefix, _ in KINDS.values():
        for asset in content_assets(site.root / folder):
            files.append(
                File(
                    f"{folder}/{asset}",
                    src_dir=str(site.root),
                    dest_dir=config.site_dir,
                    use_directory_urls=True,
                    dest_uri=f"{prefix}/{asset}",
                )
            )
    for spec in index_pages(site.cases, site.methods, site.browse):
        _register(spec)
        in_nav = spec.src_uri in ("cas/index.md", "methodes/index.md")
        files.append(
            File.generated(
                config,
                spec.src_uri,
                content=spec.markdown,
                inclusion=InclusionLevel.INCLUDED if in_nav else InclusionLevel.NOT_IN_NAV,
            )
        )
    return files


def on_env(env, config, files):
    env.filters["plain"] = plain_text
    return env


def on_page_read_source(page, config):
    spec = _state["pages"].get(page.file.src_uri)
    return None if spec is None else spec.markdown


def on_page_markdown(markdown, page, config, files):
    spec = _state["pages"].get(page.file.src_uri)
    if spec is not None:
        page.meta.update(template=spec.template, title=spec.title, description=spec.description)
    return markdown


def on_post_page(output, page, config):
    spec = _state["pages"].get(page.file.src_uri)
    if spec is not None and spec.entry is not None and _state["search"] is not None:
        _state["search"].add(output, "/" + page.url)
    return output


def on_post_build(config):
    indexer, _state["search"] = _state["search"], None
    if indexer is not None:
        stats = indexer.write()
        log.info(f"Recherche : {stats.pages} pages indexées ({stats.words} mots)")


def on_build_error(error):
    indexer, _state["search"] = _state["search"], None
    if indexer is not None:
        indexer.abandon()


def on_page_context(context, page, config, nav):
    context["retex"] = _state["site"]
    spec = _state["pages"].get(page.file.src_uri)
    if spec is not None:
        context.update(spec.context)
    return context
