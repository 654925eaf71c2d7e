"""The MkDocs adapter: each event hands off to a stage of ``build.py`` (only this file and
``config.py`` know MkDocs). MkDocs keeps the plugin for a whole ``mkdocs`` command, across
the rebuilds of ``mkdocs serve``, as it defines ``on_startup``: ``session`` lives as long,
``build`` from ``on_config`` (the content checked before MkDocs cleans anything) to
``on_post_build``, ``on_build_error`` or ``on_shutdown``.
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.exceptions import Abort, PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, InclusionLevel

from .build import Build, Session, Settings
from .config import RetexConfig
from .escaping import plain_title
from .problems import Stop
from .publish.theme import prepare
from .publish.typography import french_spacing
from .render import site_extensions

log = logging.getLogger("mkdocs.plugins.retex")


class RetexPlugin(BasePlugin[RetexConfig]):
    session: Session
    build: Build | None = None

    def on_startup(self, *, command, dirty):
        self.session = Session(command, dirty)
        self.session.catch_termination()
        if self.session.dirty_serve:  # MkDocs' warning that other pages go stale: not here
            logging.getLogger("mkdocs.commands.build").addFilter(_not_dirty_warning)

    def on_config(self, config):
        self.mkdocs = config
        try:
            extensions = site_extensions(config.markdown_extensions)
            config.markdown_extensions, config.mdx_configs = extensions
            build = self.session.start(Settings.read(self.config, config), log)
        except Stop as exc:
            raise Abort(str(exc)) from None
        self.build, config.site_dir = build, str(build.site_dir)
        logging.getLogger("mkdocs").addHandler(build.warnings)
        return config

    def on_files(self, files, config):
        build, root, out = self.build, str(self.build.root), config.site_dir
        hidden = InclusionLevel.NOT_IN_NAV  # in the sidebar only where mkdocs.yml's nav says
        for file in files.documentation_pages():
            file.edit_uri = f"{Path(config.docs_dir).name}/{file.src_uri}"
        for uri, spec in build.pages.items():
            if spec.entry is None:
                files.append(File.generated(config, uri, content=spec.markdown, inclusion=hidden))
            else:
                dest = spec.url + "index.html"
                files.append(File(uri, root, out, True, dest_uri=dest, inclusion=hidden))
        for source, dest in build.assets():
            files.append(File(source, root, out, True, dest_uri=dest))
        build.sources = {f.dest_uri: f.abs_src_path for f in files if f.abs_src_path}
        build.rendered = lambda entry: files.get_file_from_path(entry.path).page.content
        build.start_search()
        if self.session.dirty_serve:  # rebuild the pages that show what changed
            rebuilt = build.pages_to_rebuild()
            for file in files.documentation_pages():
                file.is_modified = _modified(file, rebuilt, file.src_uri in build.pages)
        return files

    def on_env(self, env, config, files):
        prepare(env, Path(config.theme.custom_dir), self.build.theme_values())
        return env

    def on_page_read_source(self, page, config):
        return self.build.source_of(page.file.src_uri)

    def on_page_markdown(self, markdown, page, config, files):
        try:
            markdown = self.build.page_markdown(page.file.src_uri, markdown, page.meta)
        except Stop as exc:
            raise PluginError(str(exc)) from None
        page.update_date = self.build.update_date(page.file.src_uri)
        return markdown

    def on_page_content(self, html, page, config, files):
        if not page.meta.get("title") and not page.is_homepage and page.title:
            page.meta["title"] = plain_title(page.title)  # Material prints it unescaped
        try:
            return self.build.page_html(page.file.src_uri, html, page.url)
        except Stop as exc:
            raise PluginError(str(exc)) from None

    def on_page_context(self, context, page, config, nav):
        context.update(self.build.page_context(page.file.src_uri, page.url))
        return context

    def on_post_page(self, output, page, config):
        return self.build.published_page(output, page.file.src_uri, page.url)

    def on_post_template(self, output, template_name, config):
        return french_spacing(output) if template_name.endswith(".html") else output  # 404

    def on_post_build(self, config):
        self.build.write_outputs()
        if not (config.strict and self.build.warnings.count):  # else MkDocs aborts now
            self._end(success=True)

    def on_build_error(self, error):
        self._end(success=False)

    def on_shutdown(self):
        # Also after an interrupted `mkdocs build` (Ctrl-C, SIGTERM): nothing left behind.
        self._end(success=False)
        self.session.close()

    def _end(self, success: bool) -> None:
        if self.build is not None:
            logging.getLogger("mkdocs").removeHandler(self.build.warnings)
            published = self.build.finish(success)
            if published is not None:  # what `mkdocs gh-deploy` reads next
                self.mkdocs.site_dir = str(published)


def _modified(file: File, rebuilt: set[str] | None, ours: bool):
    """``is_modified`` under ``serve --dirty``: ours when what it shows or its own source
    changed, docs/ pages always (they read everything), none while an edit is invalid."""
    if rebuilt is None or not ours:
        return lambda: rebuilt is not None
    own = File.is_modified.__get__(file) if file.generated_by is None else None
    return lambda: file.src_uri in rebuilt or (own is not None and own())


def _not_dirty_warning(record: logging.LogRecord) -> bool:  # strict mode would fail on it
    return "'dirty' build is being performed" not in record.getMessage()
