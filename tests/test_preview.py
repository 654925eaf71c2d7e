"""The preview's own policy and error banner (publish/preview.py)."""

from __future__ import annotations

from html.parser import HTMLParser

from retex.problems import Problem
from retex.publish.preview import errors_banner, mark_pages, preview_policy

PUBLISHED = [
    "default-src 'none'",
    "script-src 'self' 'wasm-unsafe-eval' 'sha256-abc=' 'sha256-def='",
    "style-src 'self'",
]


def test_the_preview_policy_allows_inline_scripts_and_nothing_else():
    policy = preview_policy(PUBLISHED)
    assert policy == [
        "default-src 'none'",
        "script-src 'self' 'wasm-unsafe-eval' 'unsafe-inline'",
        "style-src 'self'",
    ]
    assert PUBLISHED[1].endswith("'sha256-def='")  # the published policy is not changed


class _Tags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)


def test_the_banner_escapes_what_a_contributor_wrote():
    problem = Problem("cases/x.md", 3, "title", "valeur « <script>alert(1)</script> » refusée")
    banner = errors_banner([problem])
    parser = _Tags()
    parser.feed(banner)
    assert "script" not in parser.tags
    assert "cases/x.md:3: title: valeur « &lt;script&gt;" in banner
    assert "1 erreur dans un fichier" in banner


def test_pages_get_the_banner_and_lose_it_once_fixed(tmp_path):
    page = '<!doctype html><html><head></head><body class="x"><h1>Cas</h1></body></html>'
    for name in ("index.html", "cas/a/index.html"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(page, encoding="utf-8")
    banner = errors_banner([Problem("cases/a.md", 1, "fichier", "le fichier est vide")])
    marked = mark_pages(tmp_path, banner)
    assert marked == {"index.html", "cas/a/index.html"}
    text = (tmp_path / "cas/a/index.html").read_text(encoding="utf-8")
    assert text.startswith('<!doctype html><html><head></head><body class="x"><!-- retex-erreurs')
    # Marked again (the file is still invalid): one banner, not two.
    mark_pages(tmp_path, banner, marked)
    assert (tmp_path / "index.html").read_text(encoding="utf-8").count("rx-build-errors") == 1
    assert mark_pages(tmp_path, None, marked) == set()
    assert (tmp_path / "index.html").read_text(encoding="utf-8") == page
    assert (tmp_path / "cas/a/index.html").read_text(encoding="utf-8") == page
