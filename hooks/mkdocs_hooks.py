"""MkDocs events -> the stages of the ``retex`` package; nothing else lives here.

* on_config: load and validate all content (before MkDocs cleans ``site/``, so a
  failed build leaves the previous site untouched);
* on_files: add the collection pages, generated pages and content images, and start
  the search indexer;
* on_page_*: give each page its Markdown, template, title, dates and data, and hand
  rendered entry pages to the search indexer;
* on_post_page / on_post_template: French no-break spaces in the text of every page;
* on_post_build: write the search index, redirects, open data, feeds and robots.txt,
  then swap the new site in (it was written beside the old one: see publish/staging.py);
* on_build_error, on_shutdown: a failed or interrupted build leaves ``site/`` as it was.

Under ``mkdocs serve`` (the preview), pages reload after each edit, and an invalid edit
keeps the last valid site on screen with the errors on every page (publish/preview.py).
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import posixpath
import signal
import sys
from pathlib import Path

from mkdocs.exceptions import Abort, PluginError
from mkdocs.structure.files import File, InclusionLevel

from retex import incremental, render
from retex.collection import KINDS, content_assets
from retex.escaping import escaped, plain_title
from retex.files import links_under
from retex.pages import PageSpec, expand_placeholders, index_pages
from retex.problems import ContentError, report, summary
from retex.proposal import ProposalError, proposal_page
from retex.publish.csp import policy_hashes, unknown_scripts
from retex.publish.exports import Publisher, json_ld, json_ld_script
from retex.publish.images import lazy_images
from retex.publish.outputs import (
    write_exports,
    write_feed_sitemap,
    write_redirects,
    write_robots,
)
from retex.publish.preview import errors_banner, mark_pages, preview_policy
from retex.publish.search import SearchIndexer, index_directory
from retex.publish.staging import StagedSite
from retex.publish.typography import french_spacing
from retex.safety import judge_html
from retex.sections import entry_markdown, fill_sections, plain_text
from retex.site import Site, load_site
from retex.urls import rebase_html

log = logging.getLogger("mkdocs.hooks.retex")
_state: dict = {"site": None, "pages": {}, "search": None, "publisher": None}


def _publisher(config) -> Publisher:
    extra = config.extra
    publisher, license_ = extra.get("publisher", {}), extra.get("license", {})
    return Publisher(
        site_name=config.site_name,
        site_url=(config.site_url or "/").rstrip("/") + "/",
        name=publisher.get("name", config.site_name),
        url=publisher.get("url", config.site_url or ""),
        license_name=license_.get("name", "Licence Ouverte 2.0"),
        license_url=license_.get("url", ""),
    )


def on_config(config):
    root = Path(config.config_file_path).resolve().parent
    # The Markdown extensions are defined once, in retex.render, so that `retex check`
    # judges the HTML the build publishes; mkdocs.yml lists none (MkDocs adds these three).
    if list(config.markdown_extensions) != ["toc", "tables", "fenced_code"]:
        raise Abort(
            "mkdocs.yml : les extensions Markdown se règlent dans hooks/retex/render.py "
            "(la vérification des fiches doit rendre le Markdown comme le site) ; retirez "
            "markdown_extensions de mkdocs.yml"
        )
    config.markdown_extensions = list(render.EXTENSIONS)
    config.mdx_configs = {k: dict(v) for k, v in render.EXTENSION_CONFIGS.items()}
    preview = incremental.recall("command") == "serve"
    problems = []
    try:
        site = load_site(root, now=dt.datetime.now(dt.UTC))
    except ContentError as exc:
        print(report(exc.problems), file=sys.stderr, flush=True)
        site = incremental.recall("site") if preview else None
        if site is None:
            raise Abort(
                f"Contenu invalide ({summary(exc.problems)}, détail ci-dessus) : rien n’a été "
                "construit, le dossier site/ n’a pas été modifié."
            ) from None
        problems = exc.problems
        # Printed, not logged: a logged error would make strict mode abort the preview.
        print(
            f"Contenu invalide ({summary(problems)}, détail ci-dessus) : l’aperçu garde la "
            "dernière version valide et affiche ces erreurs en haut de chaque page.",
            file=sys.stderr,
            flush=True,
        )
    if preview and not problems:
        site.keep_bodies()  # a later invalid edit must not reach the pages shown meanwhile
        incremental.remember("site", site)
    if site.history.shallow:
        log.info(
            "Historique Git incomplet (clone superficiel) : dates et adresses publiées "
            "approximatives. En CI, clonez avec fetch-depth: 0."
        )
    csp = config.extra.get("csp", [])
    if not all(isinstance(d, str) for d in csp):
        raise Abort(
            "mkdocs.yml : chaque directive de extra.csp doit être un texte entre "
            "guillemets (une valeur qui finit par « : » devient sinon un dictionnaire)"
        )
    script_hashes = policy_hashes("; ".join(csp))
    if preview:  # MkDocs' live-reload script is inline: only the preview allows it
        config.extra["csp"] = preview_policy(csp)
    _state.pop("by_dest", None)
    _state.update(
        site=site,
        pages={},
        search=None,
        publisher=_publisher(config),
        script_hashes=script_hashes,
        unknown_scripts=set(),
        problems=problems,
        config=config,
        staged=None,
        warnings=_WarningCount(),
    )
    logging.getLogger("mkdocs").addHandler(_state["warnings"])
    # Written beside the previous site, swapped in when the whole build succeeded. Not for
    # the preview (MkDocs serves its own temporary folder) nor a --dirty build (in place).
    if incremental.recall("command") != "serve" and not incremental.recall("dirty"):
        staged = StagedSite(Path(config.site_dir))
        _state["staged"] = staged
        config.site_dir = str(staged.path)
    else:
        # Built in place: MkDocs would write through any link the folder holds (one
        # committed by a pull request, say) and overwrite what it points to.
        linked = links_under(Path(config.site_dir))
        if linked:
            raise Abort(
                f"{config.site_dir} contient des liens symboliques ({', '.join(linked[:5])}) "
                ": la construction écrirait à travers eux ; supprimez ce dossier et relancez"
            )
    return config


class _WarningCount(logging.Handler):
    """Warnings of this build: strict mode aborts after on_post_build when there are any."""

    def __init__(self):
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


def _finish(success: bool) -> None:
    """Swap the staged site in (success) or drop it, and stop counting warnings."""
    logging.getLogger("mkdocs").removeHandler(_state.get("warnings") or logging.NullHandler())
    staged: StagedSite | None = _state.get("staged")
    if staged is None or staged.done:
        return
    if success:
        staged.commit()
    else:
        staged.discard()
        log.error(f"Échec de la construction : le dossier {staged.target} n’a pas été modifié.")
    _state["config"].site_dir = str(staged.target)  # what `mkdocs gh-deploy` reads next


def on_startup(command, dirty):
    # Called once per `mkdocs` run (not per rebuild): remembered outside this module.
    incremental.remember("command", command)
    incremental.remember("dirty", dirty)
    incremental.remember("site", None)
    incremental.remember("marked", set())
    incremental.remember("dirty_serve", command == "serve" and dirty)
    if command != "serve" and signal.getsignal(signal.SIGTERM) == signal.SIG_DFL:
        # A terminated build unwinds like Ctrl-C: on_shutdown then drops its staged site.
        signal.signal(signal.SIGTERM, signal.default_int_handler)
    incremental.remember("signatures", {})
    if command == "serve" and dirty:
        # MkDocs warns that a dirty build leaves other pages stale; here the pages that
        # show a changed one are rebuilt too (see retex.incremental): drop the warning,
        # which strict mode would otherwise count as an error.
        logging.getLogger("mkdocs.commands.build").addFilter(_NotDirtyWarning())


class _NotDirtyWarning(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return "'dirty' build is being performed" not in record.getMessage()


def on_files(files, config):
    site: Site = _state["site"]
    dirty_serve = bool(incremental.recall("dirty_serve"))
    # Start Pagefind now: it indexes each page as soon as it is rendered.
    # RETEX_SEARCH=0 skips the index (a quicker preview; the benchmark's "without search").
    # Under `serve --dirty`, rebuilds re-index the whole site in the background instead.
    search = os.environ.get("RETEX_SEARCH", "1").lower() not in ("0", "non", "no", "off")
    first = not incremental.recall("signatures")
    _state["reindex"] = search and dirty_serve and not first
    if search and not _state["reindex"]:
        _state["search"] = SearchIndexer(Path(config.site_dir) / "pagefind")
    for file in files.documentation_pages():
        file.edit_uri = f"{Path(config.docs_dir).name}/{file.src_uri}"
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
        _state["pages"][spec.src_uri] = spec
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
    in_nav = set(_nav_files(config.nav or []))
    try:
        proposal = [proposal_page(site, config.repo_url, config.edit_uri)]
    except ProposalError as exc:
        raise PluginError(str(exc)) from None
    for spec in index_pages(site.cases, site.methods, site.browse) + site.extra_pages() + proposal:
        _state["pages"][spec.src_uri] = spec
        files.append(
            File.generated(
                config,
                spec.src_uri,
                content=spec.markdown,
                inclusion=InclusionLevel.INCLUDED
                if spec.src_uri in in_nav
                else InclusionLevel.NOT_IN_NAV,
            )
        )
    if dirty_serve:
        _track_changes(files, site, frozen=bool(_state["problems"]))
    return files


def _track_changes(files, site: Site, frozen: bool = False) -> None:
    """Under `serve --dirty`: rebuild a page when what it shows changed (see incremental).

    ``frozen``: the last edit was invalid and the last valid site is shown: no page changes."""
    if frozen:
        for file in files.documentation_pages():
            file.is_modified = lambda: False
        return
    machinery = incremental.machinery_fingerprint(site.root)
    new = incremental.signatures(_state["pages"].values(), site.relations, site.method, machinery)
    old = incremental.recall("signatures") or {}
    _state["signatures"] = new
    changed = {uri for uri, signature in new.items() if old.get(uri) != signature}
    if "fiches-a-imprimer.md" in changed:  # the deck shows every sheet's rendered body
        changed |= {m.path for m in site.methods}
    for file in files.documentation_pages():
        file.is_modified = lambda: True  # site pages read the whole content: always rebuilt
    for file in files:
        if file.src_uri not in new:
            continue
        # A content file is also rebuilt when its own source changed (its body, say).
        own = File.is_modified.__get__(file) if file.generated_by is None else None
        file.is_modified = _modified_when(file.src_uri, changed, own)


def _modified_when(uri: str, changed: set[str], own=None):
    return lambda: uri in changed or (own is not None and own())


def _nav_files(nav):
    """The Markdown files named in mkdocs.yml's ``nav``."""
    for item in nav:
        value = next(iter(item.values())) if isinstance(item, dict) else item
        if isinstance(value, list):
            yield from _nav_files(value)
        elif isinstance(value, str):
            yield value


def on_env(env, config, files):
    _state["files"] = files
    env.filters["plain"] = plain_text
    # MkDocs renders templates without autoescaping. Ours (overrides/) escape every value
    # they print; Material's own templates keep their behaviour.
    overrides = Path(config.theme.custom_dir)
    ours = {p.relative_to(overrides).as_posix() for p in overrides.rglob("*.html")}
    env.autoescape = lambda name: name in ours
    # No bytecode cache: Jinja's unpickles its files, which a checkout could carry.
    return env


def on_page_read_source(page, config):
    spec = _state["pages"].get(page.file.src_uri)
    return None if spec is None else spec.markdown


def on_page_markdown(markdown, page, config, files):
    spec = _state["pages"].get(page.file.src_uri)
    site: Site = _state["site"]
    if spec is not None:
        page.meta.update(
            template=spec.template,
            title=escaped(spec.title),
            description=escaped(spec.description),
        )
    else:  # a page of docs/: it may quote the configuration
        page.meta.update(escaped(dict(page.meta)))
        try:
            markdown = expand_placeholders(
                markdown, {**dict(config.extra), "site_url": config.site_url}
            )
        except KeyError as exc:
            raise PluginError(
                f"docs/{page.file.src_uri} : repère [[{exc.args[0]}]] inconnu ; "
                "définissez-le sous « extra » dans mkdocs.yml"
            ) from None
    updated = site.page_updated(spec, f"{Path(config.docs_dir).name}/{page.file.src_uri}")
    page.update_date = updated.strftime("%Y-%m-%d")
    return markdown


def on_page_content(html, page, config, files):
    spec = _state["pages"].get(page.file.src_uri)
    if spec is not None and spec.entry is not None:
        try:
            html = fill_sections(html, spec.entry)
        except ValueError as exc:  # the body swallowed a section (the check prevents it)
            raise PluginError(str(exc)) from None
    if not page.meta.get("title") and not page.is_homepage and page.title:
        # Material prints a title taken from the page's first heading unescaped.
        page.meta["title"] = plain_title(page.title)
    # The content was judged before the build (retex.safety); judge what is published too.
    verdicts = judge_html(html).verdicts
    if verdicts:
        raise PluginError(
            f"{page.file.src_uri} : HTML refusé dans la page produite ("
            + " ; ".join(v.message for v in verdicts)
            + ") ; lancez « retex check » pour situer le problème"
        )

    def locate(src: str):
        if "://" in src or src.startswith(("/", "data:")):
            return None
        target = posixpath.normpath(posixpath.join(page.url, src.split("#")[0]))
        if "by_dest" not in _state:
            _state["by_dest"] = {f.dest_uri: f for f in files if f.abs_src_path}
        file = _state["by_dest"].get(target)
        return Path(file.abs_src_path) if file else None

    return lazy_images(html, locate) if "<img" in html else html


def on_page_context(context, page, config, nav):
    site: Site = _state["site"]
    context["retex"] = site
    spec = _state["pages"].get(page.file.src_uri)
    if spec is not None:
        context.update(spec.context)
        if spec.template == "print-deck.html":  # every sheet's rendered body, moved here
            files = _state["files"]
            context["sheets"] = [
                {
                    "entry": e,
                    "html": rebase_html(
                        files.get_file_from_path(e.path).page.content,
                        e.url,
                        page.url,
                        f"{e.slug}-",
                        demote=1,
                    ),
                }
                for e in spec.entries
            ]
        if spec.entry is not None:
            data = json_ld(
                spec.entry, site.dates[spec.entry.path], _state["publisher"], site.method_link
            )
            context["json_ld"] = json_ld_script(data)
    return context


def on_post_page(output, page, config):
    output = french_spacing(output)  # before the search index, which keeps the same text
    for digest in unknown_scripts(output, _state["script_hashes"]):
        if digest not in _state["unknown_scripts"]:
            _state["unknown_scripts"].add(digest)
            log.warning(
                f"{page.file.src_uri} : un script en ligne n’est pas autorisé par la "
                f"CSP ; après l’avoir relu, ajoutez '{digest}' à script-src dans "
                "extra.csp (mkdocs.yml)"
            )
    spec = _state["pages"].get(page.file.src_uri)
    if spec is not None and spec.entry is not None and _state["search"] is not None:
        _state["search"].add(output, "/" + page.url)
    return output


def on_post_template(output, template_name, config):
    return french_spacing(output) if template_name.endswith(".html") else output  # 404.html


def on_post_build(config):
    site_dir = Path(config.site_dir)
    if incremental.recall("command") == "serve":
        _mark_preview(site_dir)
        if _state["problems"]:  # the last valid site is shown: nothing else changed
            return
    _write_outputs(config, site_dir)
    warnings = _state["warnings"].count
    if not (config.strict and warnings):  # else MkDocs aborts now, and on_build_error runs
        _finish(success=True)


def _mark_preview(site_dir: Path) -> None:
    problems = _state["problems"]
    banner = errors_banner(problems) if problems else None
    incremental.remember("marked", mark_pages(site_dir, banner, incremental.recall("marked", ())))


def _write_outputs(config, site_dir: Path) -> None:
    site, publisher = _state["site"], _state["publisher"]
    if "signatures" in _state:
        incremental.remember("signatures", _state.pop("signatures"))
    write_redirects(site, site_dir, publisher)
    write_robots(site_dir, publisher)
    write_feed_sitemap(site_dir)
    if _state.get("reindex"):  # a rebuild under `serve --dirty`: the rest comes after
        incremental.in_background(lambda: write_exports(site, site_dir, publisher))
        incremental.in_background(lambda: index_directory(site_dir, site_dir / "pagefind"))
        return
    indexer, _state["search"] = _state["search"], None
    # Pagefind writes its index on the other core while the exports are written here.
    if indexer is not None:
        indexer.start_writing()
    try:
        exports = write_exports(site, site_dir, publisher)
    finally:
        stats = indexer.wait() if indexer is not None else None
    log.info(f"Données ouvertes et flux : {len(exports)} fichiers")
    if stats is not None:
        log.info(f"Recherche : {stats.pages} pages indexées ({stats.batches} lots)")


def _abandon_search() -> None:
    indexer, _state["search"] = _state.get("search"), None
    if indexer is not None:
        indexer.abandon()


def on_build_error(error):
    _abandon_search()
    _finish(success=False)


def on_shutdown():
    # After `mkdocs build`, also when it was interrupted (Ctrl-C, SIGTERM): a build that
    # did not reach the swap leaves nothing behind.
    _abandon_search()
    _finish(success=False)
