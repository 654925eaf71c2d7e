"""The ``retex`` command: check content without building the site.

retex check [CHEMIN…] [--format text|github]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from .problems import report, summary
from .site import check_content


def find_root(start: Path) -> Path:
    """The project root: the nearest folder holding mkdocs.yml (or vocabulary.yml)."""
    for folder in (start, *start.parents):
        if (folder / "mkdocs.yml").is_file() or (folder / "vocabulary.yml").is_file():
            return folder
    return start


def _relative(root: Path, raw: str) -> str | None:
    path = Path(raw).resolve()
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return None


def cmd_check(args: argparse.Namespace) -> int:
    root = find_root(Path.cwd().resolve())
    started = time.perf_counter()
    wanted: list[str] = []
    for raw in args.paths:
        rel = _relative(root, raw)
        if rel is None or not (root / rel).exists():
            print(f"retex check : « {raw} » n’existe pas dans le projet ({root}).", file=sys.stderr)
            return 2
        wanted.append(rel)
    site, problems = check_content(root)
    if wanted:
        problems = [
            p
            for p in problems
            if any(p.path == w or p.path.startswith(w.rstrip("/") + "/") for w in wanted)
        ]
    elapsed = time.perf_counter() - started
    if problems:
        print(report(problems, args.format))
        if args.format == "text":
            print(
                f"\n{summary(problems)}. Corrigez-les puis relancez « retex check ».",
                file=sys.stderr,
            )
        return 1
    if args.format == "text":
        if site is None:  # problems were all outside the requested paths
            print("Aucune erreur dans les fichiers demandés (d’autres fichiers en ont).")
        else:
            print(
                f"Tout est valide : {len(site.collection.cases)} cas et "
                f"{len(site.collection.methods)} méthodes publiés, vérifiés en "
                f"{elapsed:.2f} s."
            )
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="retex", description="Outils des contributeurs de Retex.")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMANDE")
    check = sub.add_parser(
        "check",
        help="vérifie les fiches (sans construire le site)",
        description="Vérifie les fiches de cases/ et methods/ comme le fait la construction.",
    )
    check.add_argument(
        "paths",
        nargs="*",
        metavar="CHEMIN",
        help="fichiers ou dossiers à vérifier (par défaut : tout)",
    )
    check.add_argument(
        "--format",
        choices=("text", "github"),
        default="text",
        help="« github » : annotations pour GitHub Actions",
    )
    check.set_defaults(func=cmd_check)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
