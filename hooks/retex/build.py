"""A ``mkdocs`` command and each of its builds, as the plugin (``plugin.py``) drives them:
plain objects that know nothing of MkDocs, whose methods are the build's stages in the
order MkDocs calls them.

* ``Session``: one ``mkdocs build`` or ``mkdocs serve`` (every rebuild of it). It keeps
  what a preview must remember from one build to the next: the last valid site (shown
  while an edit is invalid), the pages that carry the error banner, the signatures of
  the pages (``incremental.py``), the validated models of unchanged files, the
  background work.
* ``Build``: one build, from the check of the content (before MkDocs cleans anything)
  to the swap of the new site (``publish/staging.py``): the site it publishes, its pages,
  the search indexer fed as pages are rendered, the warnings counted.
"""

from __future__ import annotations

import datetime as dt
import logging
import posixpath
import signal
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from . import incremental
from .collection import Entry
from .escaping import escaped
from .files import links_under, published_assets
from .kinds import KINDS
from .pages import PRINT_DECK, PageSpec, expand_placeholders, page_list, page_updated
from .problems import ContentError, Problem, Stop, report, summary
from .proposal import Contribution, ProposalError
from .publish.csp import policy_hashes, unknown_scripts
from .publish.deck import deck_sheets
from .publish.exports import Publisher, json_ld, json_ld_script
from .publish.images import lazy_images
from .publish.outputs import write_exports, write_feed_sitemap, write_robots
from .publish.preview import errors_banner, mark_pages, preview_policy
from .publish.redirects import write_redirects
from .publish.search import SearchIndexer, index_directory
from .publish.staging import StagedSite
from .publish.theme import Templates
from .publish.typography import french_spacing
from .safety import judge_html
from .sections import fill_sections
from .site import Site, load_site


@dataclass(frozen=True)
class Settings:
    """The plugin's options (``config.py``) and what the build reads of MkDocs' own."""

    root: Path  # the project: where mkdocs.yml is
    site_dir: Path  # where the site is published
    publisher: Publisher  # as the exports, feeds and JSON-LD name it
    identity: dict  # the publisher's fields as written in mkdocs.yml (legal pages…)
    license: dict  # name and url of the default licence
    csp: tuple[str, ...]  # the published Content-Security-Policy, one directive each
    search: bool  # build the Pagefind index
    docs_folder: str  # "docs": where MkDocs reads the site's own pages
    contribution: Contribution  # where /proposer/ sends a sheet: repo_url, edit_uri's branch
    extra: dict = field(default_factory=dict)  # mkdocs.yml's ``extra``

    @classmethod
    def read(cls, options, mkdocs) -> Settings:
        """The plugin's options (``config.RetexConfig``) and what the build reads of MkDocs'
        configuration; the publisher falls back on ``site_name`` and ``site_url``."""
        identity = {k: v for k, v in dict(options["publisher"]).items() if v is not None}
        licence = dict(options["license"])
        site_url = (mkdocs["site_url"] or "/").rstrip("/") + "/"
        try:
            contribution = Contribution.read(mkdocs["repo_url"], mkdocs["edit_uri"])
        except ProposalError as exc:
            raise Stop(str(exc)) from None
        return cls(
            root=Path(mkdocs["config_file_path"]).resolve().parent,
            site_dir=Path(mkdocs["site_dir"]),
            publisher=Publisher(
                site_name=mkdocs["site_name"],
                site_url=site_url,
                name=identity.get("name", mkdocs["site_name"]),
                url=identity.get("url", mkdocs["site_url"] or ""),
                license_name=licence["name"],
                license_url=licence["url"],
            ),
            identity=identity,
            license=licence,
            csp=tuple(options["csp"]),
            search=options["search"],
            docs_folder=Path(mkdocs["docs_dir"]).name,
            contribution=contribution,
            extra=dict(mkdocs["extra"]),
        )

    @property
    def placeholders(self) -> dict:
        """What ``[[publisher.name]]`` in a page of docs/ may quote."""
        return {
            **self.extra,
            "publisher": self.identity,
            "license": self.license,
            "site_url": self.publisher.site_url,
        }


class Session:
    """One ``mkdocs`` command: ``build`` (``gh-deploy``) or ``serve``, with ``--dirty``."""

    def __init__(self, command: str, dirty: bool):
        self.preview = command == "serve"
        self.dirty = dirty
        self.dirty_serve = self.preview and dirty
        self.last_site: Site | None = None  # the last valid site (preview)
        self.marked: set[str] = set()  # the pages that carry the error banner (preview)
        self.signatures: dict[str, str] = {}  # of the pages of the last build (dirty serve)
        self.models: dict = {}  # validated models of unchanged files (see cache.py)
        self.background = incremental.Background()

    def catch_termination(self) -> None:
        """A terminated build (SIGTERM) unwinds like Ctrl-C: its staged site is dropped."""
        if not self.preview and signal.getsignal(signal.SIGTERM) == signal.SIG_DFL:
            signal.signal(signal.SIGTERM, signal.default_int_handler)

    def start(self, settings: Settings, log: logging.Logger) -> Build:
        """Check the content and prepare the build's folder: the first stage, run before
        MkDocs cleans or writes anything. Raises ``Stop`` when nothing may be built."""
        site, problems = self._load(settings.root)
        site_dir = settings.site_dir
        if site.history.shallow:
            log.info(
                "Historique Git incomplet (clone superficiel) : dates et adresses publiées "
                "approximatives. En CI, clonez avec fetch-depth: 0."
            )
        staged = None
        # Written beside the previous site, swapped in when the whole build succeeded. Not
        # for the preview (MkDocs serves its own temporary folder) nor a --dirty build.
        if not self.preview and not self.dirty:
            staged = StagedSite(site_dir)
            site_dir = staged.path
        else:
            # Built in place: MkDocs would write through any link the folder holds (one
            # committed by a pull request, say) and overwrite what it points to.
            linked = links_under(site_dir)
            if linked:
                raise Stop(
                    f"{site_dir} contient des liens symboliques ({', '.join(linked[:5])}) "
                    ": la construction écrirait à travers eux ; supprimez ce dossier et relancez"
                )
        return Build(self, site, problems, settings, site_dir, staged, log)

    def _load(self, root: Path) -> tuple[Site, list[Problem]]:
        try:
            site = load_site(root, now=dt.datetime.now(dt.UTC), models=self.models)
        except ContentError as exc:
            print(report(exc.problems), file=sys.stderr, flush=True)
            if self.last_site is None:
                raise Stop(
                    f"Contenu invalide ({summary(exc.problems)}, détail ci-dessus) : rien n’a "
                    "été construit, le dossier site/ n’a pas été modifié."
                ) from None
            # Printed, not logged: a logged error would make strict mode abort the preview.
            print(
                f"Contenu invalide ({summary(exc.problems)}, détail ci-dessus) : l’aperçu garde "
                "la dernière version valide et affiche ces erreurs en haut de chaque page.",
                file=sys.stderr,
                flush=True,
            )
            return self.last_site, exc.problems
        if self.preview:
            site.keep_bodies()  # a later invalid edit must not reach the pages shown meanwhile
            self.last_site = site
        return site, []

    def close(self) -> None:
        self.background.close()


class WarningCount(logging.Handler):
    """Warnings of one build: strict mode aborts after the last stage when there are any."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


@dataclass
class Build:
    """One build: its stages, in the order of MkDocs' events (``plugin.py``)."""

    session: Session
    site: Site
    # Not empty: the last edit is invalid, and the preview shows the last valid site.
    problems: list[Problem]
    settings: Settings
    site_dir: Path  # where this build writes (beside the published folder when staged)
    staged: StagedSite | None
    log: logging.Logger
    pages: dict[str, PageSpec] = field(default_factory=dict)  # by source URI
    warnings: WarningCount = field(default_factory=WarningCount)
    search: SearchIndexer | None = None
    reindex: bool = False  # a rebuild under ``serve --dirty``: the index follows later
    sources: dict[str, str] = field(default_factory=dict)  # published path -> source file
    # entry -> the rendered HTML of its page (the print deck moves them; set by the adapter)
    rendered: Callable[[Entry], str] | None = None
    unknown_scripts: set[str] = field(default_factory=set)
    new_signatures: dict[str, str] | None = None  # kept for the next rebuild once written

    def __post_init__(self) -> None:
        self.script_hashes = policy_hashes("; ".join(self.settings.csp))
        self.templates = Templates(self.site)
        specs = page_list(self.site, self.settings.contribution)
        self.pages = {spec.src_uri: spec for spec in specs}

    # --- Files --------------------------------------------------------------------------

    @property
    def root(self) -> Path:
        return self.site.root

    def assets(self) -> list[tuple[str, str]]:
        """(source path, published path) of every image beside the content files."""
        return [
            (f"{kind.folder}/{asset}", f"{kind.prefix}/{asset}")
            for kind in KINDS
            for asset in published_assets(self.root / kind.folder)
        ]

    def start_search(self) -> None:
        """Start Pagefind now: it indexes each page as soon as it is rendered. Under
        ``serve --dirty``, rebuilds re-index the whole site in the background instead."""
        if not self.settings.search:
            return
        self.reindex = self.session.dirty_serve and bool(self.session.signatures)
        if not self.reindex:
            self.search = SearchIndexer(self.site_dir / "pagefind")

    def pages_to_rebuild(self) -> set[str] | None:
        """Under ``serve --dirty``: the pages whose signature changed (None: the last edit
        is invalid and the last valid site stays on screen, so no page changes)."""
        if self.problems:
            return None
        machinery = incremental.machinery_fingerprint(self.root)
        site = self.site
        new = incremental.signatures(self.pages.values(), site.relations, site.method, machinery)
        changed = incremental.changed_pages(self.session.signatures, new, site.methods)
        self.new_signatures = new
        return changed

    # --- Pages --------------------------------------------------------------------------

    def theme_values(self) -> dict:
        """The values every template may read (see ``publish/theme.py``)."""
        csp = self.settings.csp
        if self.session.preview:  # MkDocs' live-reload script is inline: only here allowed
            csp = tuple(preview_policy(list(csp)))
        settings = self.settings
        return {"publisher": settings.identity, "license": settings.license, "csp": "; ".join(csp)}

    def source_of(self, uri: str) -> str | None:
        """The Markdown of a page this build adds (None: a page of docs/, read by MkDocs)."""
        spec = self.pages.get(uri)
        return None if spec is None else spec.markdown

    def page_markdown(self, uri: str, markdown: str, meta: dict) -> str:
        """The page's front matter for the theme (escaped), and the Markdown to render."""
        spec = self.pages.get(uri)
        if spec is not None:
            meta.update(
                template=spec.template,
                title=escaped(spec.title),
                description=escaped(spec.description),
            )
            return markdown
        meta.update(escaped(dict(meta)))  # a page of docs/: it may quote the configuration
        try:
            return expand_placeholders(markdown, self.settings.placeholders)
        except KeyError as exc:
            raise Stop(
                f"{self.settings.docs_folder}/{uri} : repère [[{exc.args[0]}]] inconnu ; "
                "définissez-le dans mkdocs.yml, dans les options de l’extension retex "
                "(publisher, license) ou sous « extra »"
            ) from None

    def update_date(self, uri: str) -> str:
        """« 2026-11-22 »: the page's last change (``pages.page_updated``)."""
        source = f"{self.settings.docs_folder}/{uri}"
        return page_updated(self.site, self.pages.get(uri), source).strftime("%Y-%m-%d")

    def page_html(self, uri: str, html: str, page_url: str) -> str:
        """The rendered page: its sections put in place, judged again (``safety.py``), its
        images lazy and sized."""
        spec = self.pages.get(uri)
        if spec is not None and spec.entry is not None:
            try:
                html = fill_sections(html, spec.entry)
            except ValueError as exc:  # the body swallowed a section (the check prevents it)
                raise Stop(str(exc)) from None
        verdicts = judge_html(html).verdicts
        if verdicts:
            raise Stop(
                f"{uri} : HTML refusé dans la page produite ("
                + " ; ".join(v.message for v in verdicts)
                + ") ; lancez « retex check » pour situer le problème"
            )

        def locate(src: str) -> Path | None:
            if "://" in src or src.startswith(("/", "data:")):
                return None
            target = posixpath.normpath(posixpath.join(page_url, src.split("#")[0]))
            found = self.sources.get(target)
            return Path(found) if found else None

        return lazy_images(html, locate) if "<img" in html else html

    def page_context(self, uri: str, page_url: str) -> dict:
        """What the page's template reads besides MkDocs' own context."""
        context: dict = {"retex": self.templates}
        spec = self.pages.get(uri)
        if spec is None:
            return context
        context.update(spec.context)
        if spec.src_uri == PRINT_DECK:  # every sheet's rendered body, moved here
            context["sheets"] = deck_sheets(spec.entries, self.rendered, page_url)
        if spec.entry is not None:
            entry, site = spec.entry, self.site
            data = json_ld(entry, site.dates[entry.path], self.settings.publisher, site.method_link)
            context["json_ld"] = json_ld_script(data)
        return context

    def published_page(self, html: str, uri: str, page_url: str) -> str:
        """The page as published: French spacing, its inline scripts checked against the
        policy, handed to the search index (entry pages)."""
        html = french_spacing(html)  # before the search index, which keeps the same text
        for digest in unknown_scripts(html, self.script_hashes):
            if digest not in self.unknown_scripts:
                self.unknown_scripts.add(digest)
                self.log.warning(
                    f"{uri} : un script en ligne n’est pas autorisé par la CSP ; après "
                    f"l’avoir relu, ajoutez '{digest}' à script-src dans les options csp de "
                    "l’extension retex (mkdocs.yml)"
                )
        spec = self.pages.get(uri)
        if spec is not None and spec.entry is not None and self.search is not None:
            self.search.add(html, "/" + page_url)
        return html

    # --- The end ------------------------------------------------------------------------

    def write_outputs(self) -> None:
        """Redirects, robots.txt, open data, feeds and the search index; in the preview,
        the error banner on every page (or its removal once the edit is fixed)."""
        session, site_dir = self.session, self.site_dir
        if session.preview:
            banner = errors_banner(self.problems) if self.problems else None
            session.marked = mark_pages(site_dir, banner, session.marked)
            if self.problems:  # the last valid site is shown: nothing else changed
                return
        if self.new_signatures is not None:
            session.signatures = self.new_signatures
        site, publisher = self.site, self.settings.publisher
        write_redirects(site, site_dir, publisher)
        write_robots(site_dir, publisher)
        write_feed_sitemap(site_dir)
        if self.reindex:  # a rebuild under `serve --dirty`: the rest comes after
            session.background.submit(lambda: write_exports(site, site_dir, publisher))
            session.background.submit(lambda: index_directory(site_dir, site_dir / "pagefind"))
            return
        indexer, self.search = self.search, None
        # Pagefind writes its index on the other core while the exports are written here.
        if indexer is not None:
            indexer.start_writing()
        try:
            exports = write_exports(site, site_dir, publisher)
        finally:
            stats = indexer.wait() if indexer is not None else None
        self.log.info(f"Données ouvertes et flux : {len(exports)} fichiers")
        if stats is not None:
            self.log.info(f"Recherche : {stats.pages} pages indexées ({stats.batches} lots)")

    def finish(self, success: bool) -> Path | None:
        """Swap the staged site in (success) or drop it; stop the search service if it
        still runs. Returns the published folder when the build was staged."""
        indexer, self.search = self.search, None
        if indexer is not None:
            indexer.abandon()
        staged = self.staged
        if staged is None:
            return None
        if not staged.done:
            if success:
                staged.commit()
            else:
                staged.discard()
                self.log.error(
                    f"Échec de la construction : le dossier {staged.target} n’a pas été modifié."
                )
        return staged.target
