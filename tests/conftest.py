"""Shared fixtures: project copies to break on purpose, and the real site built once."""

from __future__ import annotations

from pathlib import Path

import pytest

from support import ROOT, Preview, Project, copy_project, mkdocs_build, retex  # noqa: F401


@pytest.fixture
def project(tmp_path) -> Project:
    """A full copy of the real project (content included) to modify."""
    (tmp_path / "project").mkdir()
    return copy_project(tmp_path / "project")


@pytest.fixture
def empty_project(tmp_path) -> Project:
    """The project's configuration with no content."""
    (tmp_path / "project").mkdir()
    return copy_project(tmp_path / "project", content=False)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The real content built once, as ``mkdocs build`` does it."""
    site = tmp_path_factory.mktemp("site")
    result = mkdocs_build(ROOT, site)
    assert result.returncode == 0, result.stdout + result.stderr
    return site


@pytest.fixture
def preview(project, tmp_path):
    """The project served by ``mkdocs serve --dirty`` (``make serve``)."""
    server = Preview(project, tmp_path / "serve.log")
    try:
        yield server
    finally:
        server.close()
        assert "Traceback" not in server.output()
