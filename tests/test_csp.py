"""The Content-Security-Policy (publish/csp.py): the build allows exactly the inline scripts
whose hashes mkdocs.yml lists, and says which hash to review when a template adds one."""

from __future__ import annotations

import html
import re

import yaml

from retex.publish.csp import inline_scripts, policy_hashes, script_hash, unknown_scripts
from support import ROOT

POLICY_RE = re.compile(r'"Content-Security-Policy" content="([^"]+)"')


def published_policy() -> list[str]:
    """The policy as mkdocs.yml writes it (its !ENV tags read as plain values)."""
    loader = type("Loader", (yaml.SafeLoader,), {})
    loader.add_constructor("!ENV", lambda loader, node: None)
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=loader)
    [plugin] = [p for p in config["plugins"] if isinstance(p, dict) and "retex" in p]
    return plugin["retex"]["csp"]


def test_the_policy_allows_the_hashes_of_script_src_only():
    policy = "default-src 'none'; script-src 'self' 'sha256-A=' 'sha256-B='; style-src 'sha256-C='"
    assert policy_hashes(policy) == {"sha256-A=", "sha256-B="}
    assert policy_hashes("default-src 'self'") == set()


def test_inline_scripts_are_found_and_data_blocks_and_files_are_not():
    page = (
        "<script>var a = 1;</script>"
        '<script src="assets/x.js"></script>'
        '<script type="application/ld+json">{"@type": "Article"}</script>'
        '<script type="application/json" id="rx-facets">[]</script>'
        "<SCRIPT defer>\nvar b = 2;\n</SCRIPT>"
    )
    assert inline_scripts(page) == ["var a = 1;", "\nvar b = 2;\n"]


def test_a_script_that_the_policy_does_not_list_is_reported_once_by_its_hash():
    allowed = {script_hash("var a = 1;")}
    page = "<script>var a = 1;</script><script>alert(1)</script><script>alert(1)</script>"
    unknown = unknown_scripts(page, allowed)
    assert len(unknown) == 2 and set(unknown) == {script_hash("alert(1)")}
    assert script_hash("alert(1)") != script_hash("alert(2)")
    assert unknown_scripts("<p>aucun script</p>", set()) == []


def test_every_inline_script_of_the_built_site_is_allowed_and_every_hash_is_used(built_site):
    allowed = policy_hashes("; ".join(published_policy()))
    used: set[str] = set()
    for page in built_site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert unknown_scripts(text, allowed) == [], page
        used |= {script_hash(s) for s in inline_scripts(text)}
        if "Content-Security-Policy" in text:
            assert html.unescape(POLICY_RE.search(text)[1]) == "; ".join(published_policy())
    assert used == allowed, "un hachage de la politique ne sert plus : retirez-le"


def test_a_template_that_adds_an_inline_script_fails_the_build_naming_its_hash(project):
    project.edit(
        "overrides/main.html",
        "{% block extrahead %}",
        "{% block extrahead %}<script>console.log('ajouté')</script>",
    )
    result = project.build()
    assert result.returncode != 0
    digest = script_hash("console.log('ajouté')")
    assert f"ajoutez '{digest}' à script-src" in result.stderr
    assert result.stderr.count(digest) == 1, "one warning, not one per page"
    assert not (project.root / "site").exists(), "nothing published"
