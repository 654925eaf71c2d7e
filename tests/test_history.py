"""What Git knows of the content files (history.py): first and last commit of each file,
through renames, and which published files are gone (the URL guard reads it)."""

from __future__ import annotations

import datetime as dt
import os
import subprocess

import pytest
from samples import CASE, Content

from retex.history import is_draft, read_history
from retex.site import check_content

PATH = "cases/pau-accueil.md"


class Repo:
    """A Git repository whose commits carry the dates a test gives them."""

    def __init__(self, root):
        self.root = root
        self.git("init", "-q", "-b", "main")

    def git(self, *args: str, when: str = "2024-01-01T12:00:00Z") -> str:
        env = {
            **os.environ,
            "GIT_AUTHOR_NAME": "Test",
            "GIT_AUTHOR_EMAIL": "test@exemple.fr",
            "GIT_COMMITTER_NAME": "Test",
            "GIT_COMMITTER_EMAIL": "test@exemple.fr",
            "GIT_AUTHOR_DATE": when,
            "GIT_COMMITTER_DATE": when,
            "GIT_CONFIG_GLOBAL": os.devnull,
            "GIT_CONFIG_NOSYSTEM": "1",
        }
        result = subprocess.run(
            ["git", *args], cwd=self.root, env=env, capture_output=True, text=True, check=True
        )
        return result.stdout

    def commit(self, when: str, message: str = "modification") -> None:
        self.git("add", "-A", when=when)
        self.git("commit", "-q", "-m", message, when=when)


def utc(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text.replace("Z", "+00:00"))


@pytest.fixture
def repo(tmp_path):
    Content(tmp_path).valid()
    repo = Repo(tmp_path)
    repo.commit("2024-01-10T09:00:00Z", "premières fiches")
    return repo


def test_outside_git_nothing_is_known_and_dates_are_the_build_date(tmp_path):
    Content(tmp_path).valid()
    history = read_history(tmp_path)
    now = dt.datetime(2026, 12, 1, tzinfo=dt.UTC)
    assert not history.in_git and history.dates == {} and history.vanished == {}
    assert history.dates_of(PATH, now).published == now == history.dates_of(PATH, now).updated
    assert not history.was_published(PATH)


def test_a_project_inside_another_repository_is_not_read_as_its_history(tmp_path):
    Repo(tmp_path)
    (tmp_path / "projet").mkdir()
    Content(tmp_path / "projet").valid()
    assert not read_history(tmp_path / "projet").in_git


def test_published_is_the_first_commit_and_updated_the_last(repo):
    text = (repo.root / PATH).read_text(encoding="utf-8")
    (repo.root / PATH).write_text(text + "\nUne phrase de plus.\n", encoding="utf-8")
    repo.commit("2024-03-05T10:00:00Z")
    dates = read_history(repo.root).dates[PATH]
    assert dates.published == utc("2024-01-10T09:00:00Z")
    assert dates.updated == utc("2024-03-05T10:00:00Z")


def test_a_renamed_file_keeps_the_date_of_its_first_name(repo):
    repo.git("mv", PATH, "cases/pau-nouvel-accueil.md")
    repo.commit("2024-06-01T08:00:00Z", "renommage")
    history = read_history(repo.root)
    dates = history.dates["cases/pau-nouvel-accueil.md"]
    assert dates.published == utc("2024-01-10T09:00:00Z")
    assert dates.updated == utc("2024-06-01T08:00:00Z")
    assert PATH in history.vanished, "its old address was published"


def test_a_deleted_published_file_has_vanished_and_the_check_names_its_url(repo):
    (repo.root / PATH).unlink()
    history = read_history(repo.root)
    assert set(history.vanished) == {PATH}
    problems = check_content(repo.root)[1]
    assert [p.message for p in problems] == ["l’adresse publiée /cas/pau-accueil/ disparaît"]
    repo.commit("2024-02-01T08:00:00Z", "suppression")
    assert set(read_history(repo.root).vanished) == {PATH}, "also once the deletion is committed"


@pytest.mark.parametrize("line", ["draft: true", "draft: true  # à relire", "draft:   true"])
def test_a_deleted_draft_never_had_a_page(tmp_path, line):
    content = Content(tmp_path).valid()
    content.write("cases/brouillon.md", CASE.replace("\ntitle:", f"\n{line}\ntitle:", 1))
    repo = Repo(tmp_path)
    repo.commit("2024-01-10T09:00:00Z")
    (tmp_path / "cases/brouillon.md").unlink()
    repo.commit("2024-02-01T09:00:00Z", "brouillon abandonné")
    assert "cases/brouillon.md" not in read_history(tmp_path).vanished
    assert check_content(tmp_path)[1] == []


def test_a_published_file_turned_draft_is_known_as_published(repo):
    history = read_history(repo.root)
    assert history.was_published(PATH)
    assert not history.was_published("cases/absente.md")


@pytest.mark.parametrize(
    ("text", "draft"),
    [
        ("---\ntitle: Essai\ndraft: true\n---\nTexte", True),
        ("---\ntitle: Essai\ndraft: true # en relecture\n---\n", True),
        ("---\r\ntitle: Essai\r\ndraft: true\r\n---\r\n", True),
        ("---\ntitle: Essai\ndraft: false\n---\n", False),
        ('---\ntitle: Essai\ndraft: "true"\n---\n', False),  # refused by the schema anyway
        ("---\ntitle: Essai\n---\ndraft: true\n", False),  # in the body, not the header
        ("title: Essai\ndraft: true\n", False),  # no header
        ("---\ntitle: [Essai\ndraft: true\n---\n", False),  # unreadable: its page was published
    ],
)
def test_a_draft_is_read_as_the_check_reads_it(text, draft):
    assert is_draft(text, PATH) is draft
