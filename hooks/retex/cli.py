"""The ``retex`` command, for contributors.

retex check [CHEMIN…] [--format text|github]   check content without building
retex new cas|methode "Titre"                   start a new file from the template
retex modeles                                   rewrite cases/_modele.md, methods/_modele.md
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from .kinds import BY_COMMAND
from .problems import ContentError, report, summary
from .scaffold import new_entry_path, required_fields, template_text, write_templates
from .schema import build_schema
from .site import check_content
from .vocabulary import load_vocabulary
from .writing import UnsafePath, write_new


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
    site, problems = check_content(root, relations=False)
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
                f"\n{summary(problems)}. "
                + ("Corrigez-la" if len(problems) == 1 else "Corrigez-les")
                + " puis relancez « retex check ».",
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


def _schema(root: Path):
    try:
        return build_schema(load_vocabulary(root / "vocabulary.yml"))
    except ContentError as exc:
        print(report(exc.problems), file=sys.stderr)
        return None


def cmd_new(args: argparse.Namespace) -> int:
    root = find_root(Path.cwd().resolve())
    kind = BY_COMMAND[args.kind]
    title = " ".join(args.title.split())
    path, slug = new_entry_path(root, kind, title)
    if not slug:
        print(
            "retex new : ce titre ne donne aucun identifiant ; choisissez un titre avec "
            "des lettres ou des chiffres.",
            file=sys.stderr,
        )
        return 2
    if path.exists() or path.is_symlink():
        print(
            f"retex new : {kind.source(slug)} existe déjà ; rien n’a été écrit. "
            "Choisissez un autre titre ou modifiez la fiche existante.",
            file=sys.stderr,
        )
        return 1
    schema = _schema(root)
    if schema is None:
        return 1
    site, _problems = check_content(root)
    if site is not None:
        for entry in site.collection.all(kind, drafts=True):
            if slug in entry.data.aliases:
                print(
                    f"retex new : « {slug} » est un ancien identifiant de {entry.path} "
                    f"(son adresse /{kind.url(slug)} mène à cette fiche) ; "
                    "choisissez un autre titre.",
                    file=sys.stderr,
                )
                return 1
    rel = path.relative_to(root).as_posix()
    try:  # never overwrite, never through a link
        write_new(root, rel, template_text(schema, kind, title).encode("utf-8"))
    except FileExistsError:
        print(f"retex new : {rel} existe déjà ; rien n’a été écrit.", file=sys.stderr)
        return 1
    except UnsafePath as exc:
        print(f"retex new : {exc} : rien n’a été écrit.", file=sys.stderr)
        return 1
    required = ", ".join(required_fields(schema, kind))
    print(
        f"Fiche créée : {rel}\n"
        f"Elle sera publiée à l’adresse /{kind.url(slug)}.\n\n"
        "À faire maintenant :\n"
        f"  1. ouvrez {rel} et remplissez les champs obligatoires ({required}) ;\n"
        "     les lignes qui commencent par « # » expliquent chaque champ et ses valeurs ;\n"
        "  2. rédigez le texte sous les titres proposés ;\n"
        f"  3. vérifiez la fiche : retex check {rel}   (ou : make check)"
    )
    return 0


def cmd_templates(args: argparse.Namespace) -> int:
    root = find_root(Path.cwd().resolve())
    schema = _schema(root)
    if schema is None:
        return 1
    try:
        written = write_templates(root, schema)
    except UnsafePath as exc:
        print(
            f"retex modeles : {exc} : rien n’a été écrit. Remplacez le lien par un fichier.",
            file=sys.stderr,
        )
        return 1
    for path in written:
        print(f"Modèle mis à jour : {path.relative_to(root).as_posix()}")
    if not written:
        print("Les modèles sont à jour.")
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
    new = sub.add_parser(
        "new",
        help="crée une fiche à partir du modèle",
        description="Crée cases/<identifiant>.md ou methods/<identifiant>.md à partir du "
        "modèle ; l’identifiant est tiré du titre. Ne remplace jamais un fichier existant.",
    )
    new.add_argument(
        "kind", choices=sorted(BY_COMMAND), metavar="cas|methode", help="type de fiche"
    )
    new.add_argument("title", metavar="TITRE", help="titre de la fiche, entre guillemets")
    new.set_defaults(func=cmd_new)
    templates = sub.add_parser(
        "modeles",
        help="régénère cases/_modele.md et methods/_modele.md",
        description="Réécrit les modèles à partir du schéma et de vocabulary.yml.",
    )
    templates.set_defaults(func=cmd_templates)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
