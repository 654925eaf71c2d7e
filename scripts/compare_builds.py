"""Two versions of Retex side by side, in processor time: what a change costs.

    python3 scripts/compare_builds.py --base /tmp/retex-main --new . [--cases 1000] [--rounds 4]

Each folder is a checkout with its own ``.venv`` (``make install``). The same synthetic
corpus is generated from each (the content is the same when the content is), the floor
(plain ``mkdocs build`` on the same pages) from the base; then, round after round and
alternating, ``retex check`` with a cold then a warm cache and ``mkdocs build`` without
Pagefind run for each version. Processor time (user + system of the child processes) is
reported, not wall time: on a shared, loaded machine it is far steadier. Medians are
printed, with the « overhead without search » of each version (build / floor).
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ENV = {
    **os.environ,
    "NO_MKDOCS_2_WARNING": "1",
    "RETEX_SEARCH": "0",
    "PYTHONDONTWRITEBYTECODE": "1",
}


def cpu(cmd: list[str], cwd: Path, env: dict) -> float:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    result = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit(f"échec de {' '.join(cmd)} :\n{result.stdout}{result.stderr}")
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def python(root: Path) -> str:
    return str(root / ".venv" / "bin" / "python")


def generate(root: Path, out: Path, cases: int) -> None:
    """The synthetic corpus, written by the version's own generator (``tools.corpus``, or
    ``retex.synthetic`` in versions from before it left the runtime package)."""
    module = "tools.corpus" if (root / "tools" / "corpus").is_dir() else "retex.synthetic"
    cmd = [python(root), "-m", module, "--cases", str(cases), "--out", str(out)]
    subprocess.run([*cmd, "--seed", "1", "--root", str(root)], cwd=root, check=True, env=ENV)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--base", type=Path, required=True)
    parser.add_argument("--new", type=Path, required=True)
    parser.add_argument("--cases", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=4)
    args = parser.parse_args(argv)
    versions = {"base": args.base.resolve(), "new": args.new.resolve()}
    work = Path(tempfile.mkdtemp(prefix="retex-compare-"))
    try:
        for name, root in versions.items():
            generate(root, work / name, args.cases)
        base = versions["base"]
        code = (
            f"import sys; sys.path[:0] = [{str(base / 'scripts')!r}, {str(base / 'hooks')!r}]; "
            "import bench; from pathlib import Path; from retex.site import load_site; "
            f"site = load_site(Path({str(work / 'base')!r})); "
            f"bench.write_floor(site, Path({str(work / 'floor')!r}))"
        )
        subprocess.run([python(base), "-c", code], check=True, env=ENV)
        times: dict[str, list[float]] = {}
        for _ in range(args.rounds):
            for name, root in versions.items():
                corpus, cache = work / name, work / f"cache-{name}"
                shutil.rmtree(cache, ignore_errors=True)
                shutil.rmtree(corpus / ".cache", ignore_errors=True)  # the former cache place
                env = {**ENV, "XDG_CACHE_HOME": str(cache)}
                check = [str(root / ".venv" / "bin" / "retex"), "check"]
                build = [str(root / ".venv" / "bin" / "mkdocs"), "build", "-q", "-d"]
                times.setdefault(f"retex check, cache froid ({name})", []).append(
                    cpu(check, corpus, env)
                )
                times.setdefault(f"retex check, cache chaud ({name})", []).append(
                    cpu(check, corpus, env)
                )
                times.setdefault(f"build sans Pagefind ({name})", []).append(
                    cpu([*build, str(work / f"site-{name}")], corpus, env)
                )
            floor = [str(base / ".venv" / "bin" / "mkdocs"), "build", "-q", "-d"]
            times.setdefault("plancher", []).append(
                cpu([*floor, str(work / "site-floor")], work / "floor", ENV)
            )
        medians = {label: statistics.median(values) for label, values in times.items()}
        width = max(map(len, medians))
        print(f"Temps processeur, médiane de {args.rounds} passages alternés ({args.cases} cas) :")
        for label, value in medians.items():
            print(f"{label.ljust(width)}  {value:6.2f} s")
        for name in versions:
            ratio = medians[f"build sans Pagefind ({name})"] / medians["plancher"]
            print(f"overhead without search ({name}): {ratio:.2f}")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
