"""``python -m tools.corpus --cases N --out DOSSIER``: write a synthetic corpus."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from .generate import SyntheticError, generate


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m tools.corpus",
        description="Écrit un projet Retex complet : le contenu réel plus N cas et N/10 "
        "méthodes générés (corpus de test et de mesure).",
    )
    parser.add_argument("--cases", type=int, required=True, help="nombre de cas à générer")
    parser.add_argument("--out", type=Path, required=True, help="dossier à créer (vide)")
    parser.add_argument("--seed", type=int, default=1, help="graine du générateur (défaut : 1)")
    parser.add_argument(
        "--root", type=Path, default=None, help="racine du projet à copier (défaut : ce dépôt)"
    )
    args = parser.parse_args(argv)
    started = time.perf_counter()
    try:
        counts = generate(args.out, args.cases, args.seed, args.root)
    except SyntheticError as exc:
        print(f"tools.corpus : {exc}", file=sys.stderr)
        return 2
    elapsed = time.perf_counter() - started
    print(
        f"Corpus écrit dans {args.out} en {elapsed:.2f} s : {counts['cases']} cas et "
        f"{counts['methods']} méthodes générés ({counts['total_cases']} cas et "
        f"{counts['total_methods']} méthodes en tout), {counts['aliases']} anciens identifiants."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
