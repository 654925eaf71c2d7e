"""The structure of the ``retex`` package: named layers that import one way, no cycle,
MkDocs known by two small files, tooling kept out.

Every import is read from the source (``ast``), those inside functions included, so a
late ``import`` cannot hide a dependency. A new module must be given its layer here.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "hooks" / "retex"

# In data-flow order: a module imports only from its own layer or an earlier one.
LAYERS: list[tuple[str, set[str]]] = [
    ("words and errors", {"", "slugs", "problems", "characters", "kinds", "escaping"}),
    (
        "one file, one text",
        {"frontmatter", "render", "safety", "files", "writing", "fields", "messages", "site_pages"},
    ),
    ("vocabularies", {"vocabulary"}),
    ("content model", {"schema"}),
    # The contributors' template, from the schema: `retex new`, and the form's sections.
    ("contributors' template", {"scaffold"}),
    ("content", {"collection", "cache", "history", "permalinks"}),
    ("between entries", {"relations", "browse", "geography"}),
    ("site", {"site"}),
    ("pages", {"pages", "sections", "proposal", "incremental"}),
    (
        "publishing",
        {
            "publish",
            "publish.csp",
            "publish.deck",
            "publish.exports",
            "publish.images",
            "publish.outputs",
            "publish.preview",
            "publish.records",
            "publish.redirects",
            "publish.search",
            "publish.staging",
            "publish.theme",
            "publish.typography",
        },
    ),
    ("adapters", {"build", "plugin", "config", "cli"}),
]
MKDOCS_ADAPTER = {"plugin", "config"}
MKDOCS_LINES = 200


def modules(root: Path) -> dict[str, Path]:
    """Every module of a package folder: dotted name relative to it -> file."""
    found = {}
    for path in sorted(root.rglob("*.py")):
        parts = list(path.relative_to(root).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        found[".".join(parts)] = path
    return found


def imports(name: str, path: Path, known: set[str], package: str = "retex") -> set[str]:
    """The modules of the package that ``name`` imports, anywhere in its file; and the
    outside packages, as ``!top-level-name``."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    here = [package, *name.split(".")] if name else [package]
    if path.name != "__init__.py":
        here = here[:-1]  # the package holding the module
    out: set[str] = set()

    def add(dotted: str) -> None:
        if dotted == package or dotted.startswith(package + "."):
            inner = dotted[len(package) + 1 :]
            while inner and inner not in known:  # an object of a module: its module
                inner = inner.rpartition(".")[0]
            out.add(inner)  # "" is the package itself
        else:
            out.add("!" + dotted.split(".")[0])

    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                add(alias.name)
        elif isinstance(node, ast.ImportFrom):
            base = here[: len(here) - node.level + 1] if node.level else []
            target = ".".join([*base, node.module] if node.module else base)
            for alias in node.names:  # a module (``from . import build``) or an object of one
                add(f"{target}.{alias.name}")
    out.discard(name)
    return out


def violations(root: Path, layers: list[tuple[str, set[str]]], package: str = "retex") -> list[str]:
    """What breaks the layers: unplaced modules, imports of a later layer, cycles."""
    found = modules(root)
    layer_of = {m: index for index, (_, names) in enumerate(layers) for m in names}
    problems = [f"{m} : module sans couche" for m in sorted(set(found) - set(layer_of))]
    problems += [f"{m} : couche d’un module absent" for m in sorted(set(layer_of) - set(found))]
    graph = {
        name: {m for m in imports(name, path, set(found), package) if not m.startswith("!")}
        for name, path in found.items()
    }
    for name, targets in sorted(graph.items()):
        for target in sorted(targets):
            if name in layer_of and target in layer_of and layer_of[target] > layer_of[name]:
                problems.append(
                    f"{name} ({layers[layer_of[name]][0]}) importe {target}, "
                    f"d’une couche suivante ({layers[layer_of[target]][0]})"
                )
    problems += [f"cycle : {' -> '.join(c)}" for c in cycles(graph)]
    return problems


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """One cycle through each strongly connected group of modules (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for target in sorted(graph.get(node, ())):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            group = []
            while True:
                item = stack.pop()
                group.append(item)
                if item == node:
                    break
            if len(group) > 1:
                found.append(sorted(group) + [sorted(group)[0]])

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


# --- The package --------------------------------------------------------------------------


def test_every_module_imports_only_from_its_layer_or_earlier_ones_and_no_cycle():
    assert violations(PACKAGE, LAYERS) == []


def test_only_the_adapter_knows_mkdocs_and_it_stays_small():
    found = modules(PACKAGE)
    knowing = {name for name, path in found.items() if "!mkdocs" in imports(name, path, set(found))}
    assert knowing == MKDOCS_ADAPTER
    lines = sum(len(found[m].read_text(encoding="utf-8").splitlines()) for m in MKDOCS_ADAPTER)
    assert lines <= MKDOCS_LINES, f"{lines} lignes pour l’adaptateur MkDocs"


def test_the_runtime_never_imports_the_tooling_or_the_tests():
    found = modules(PACKAGE)
    for name, path in found.items():
        outside = imports(name, path, set(found))
        assert not outside & {"!tools", "!tests", "!support", "!samples"}, name


def test_no_runtime_module_is_a_giant():
    found = modules(PACKAGE)
    sizes = {name: len(p.read_text(encoding="utf-8").splitlines()) for name, p in found.items()}
    assert max(sizes.values()) <= 600, max(sizes, key=sizes.get)


# --- The checker itself catches what it must -------------------------------------------------


def fake_package(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = root / "retex" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root / "retex"


FAKE_LAYERS = [("low", {"", "a"}), ("middle", {"b", "sub", "sub.c"}), ("high", {"d"})]


def test_the_checker_accepts_imports_that_go_down(tmp_path):
    package = fake_package(
        tmp_path,
        {
            "__init__.py": "",
            "a.py": "import json\n",
            "b.py": "from .a import x\nfrom retex import a\n",
            "sub/__init__.py": "",
            "sub/c.py": "from ..b import y\nfrom . import __name__ as n\n",
            "d.py": "from .sub.c import z\nimport retex.b\n",
        },
    )
    assert violations(package, FAKE_LAYERS) == []


@pytest.mark.parametrize(
    "source",
    [
        "from .d import x\n",
        "from retex.d import x\n",
        "import retex.d\n",
        "def late():\n    from . import d\n",
        "def late():\n    from .d import x\n",
    ],
)
def test_the_checker_refuses_an_import_of_a_later_layer(tmp_path, source):
    package = fake_package(
        tmp_path, {"__init__.py": "", "a.py": source, "b.py": "", "d.py": "", "sub/__init__.py": ""}
    )
    package.joinpath("sub", "c.py").write_text("", encoding="utf-8")
    assert violations(package, FAKE_LAYERS) == ["a (low) importe d, d’une couche suivante (high)"]


def test_the_checker_finds_a_cycle_within_a_layer_and_unplaced_modules(tmp_path):
    package = fake_package(
        tmp_path,
        {
            "__init__.py": "",
            "a.py": "",
            "b.py": "from .sub import c\n",
            "sub/__init__.py": "",
            "sub/c.py": "def f():\n    from .. import b\n",
            "d.py": "",
            "e.py": "",
        },
    )
    assert violations(package, FAKE_LAYERS) == [
        "e : module sans couche",
        "cycle : b -> sub.c -> b",
    ]
