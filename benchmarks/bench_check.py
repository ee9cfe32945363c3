"""Time `slalint check CORPUS --jobs N`: cold (empty cache) and warm (cache filled).

Usage: python3 benchmarks/bench_check.py [CORPUS] [--jobs 2] [--repeat 1]

Runs the real CLI in a subprocess with a private cache folder (XDG_CACHE_HOME), so the
machine's own cache is neither used nor touched. By default it first copies slalint's code,
rules and models into a temporary folder and runs that copy, so edits made to the working
tree while the benchmark runs cannot invalidate the warm cache (--live runs the tree as is).
Prints files, findings, read errors and wall-clock seconds for each run.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"


REPO = Path(__file__).resolve().parents[1]


def snapshot(dest: Path) -> Path:
    """A frozen copy of the package, its rules and models (run with PYTHONPATH=dest)."""
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", ".slalint_cache")
    for name in ("slalint", "rules", "models"):
        if (REPO / name).is_dir():
            shutil.copytree(REPO / name, dest / name, ignore=ignore)
    return dest


def run_once(corpus: Path, jobs: int, cache_home: str, no_cache: bool = False, pythonpath: str | None = None) -> tuple[float, dict]:
    cmd = [sys.executable, "-m", "slalint", "check", str(corpus), "--jobs", str(jobs), "--format", "json",
           "--fail-on", "none", "--no-progress"]
    if no_cache:
        cmd.append("--no-cache")
    env = {**os.environ, "XDG_CACHE_HOME": cache_home}
    if pythonpath:
        env["PYTHONPATH"] = pythonpath
    t0 = time.perf_counter()
    # cwd: the frozen copy (python puts the working directory first on sys.path).
    proc = subprocess.run(cmd, capture_output=True, text=True, env=env, cwd=pythonpath or None)
    elapsed = time.perf_counter() - t0
    if proc.returncode not in (0, 2):
        raise SystemExit(f"slalint failed ({proc.returncode}):\n{proc.stderr[-2000:]}")
    return elapsed, json.loads(proc.stdout)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", nargs="?", default=str(DEFAULT_CORPUS))
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--repeat", type=int, default=1, help="warm runs to time")
    ap.add_argument("--live", action="store_true", help="run the working tree, not a frozen copy")
    args = ap.parse_args()
    corpus = Path(args.corpus).resolve()  # the runs start in a frozen copy of the code, not here
    if not corpus.is_dir():
        print(f"corpus not found: {corpus}", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="slalint-bench-") as cache_home, \
            tempfile.TemporaryDirectory(prefix="slalint-code-") as code:
        pythonpath = None if args.live else str(snapshot(Path(code)))
        cold, report = run_once(corpus, args.jobs, cache_home, pythonpath=pythonpath)
        s = report["summary"]
        print(f"corpus: {corpus}  files: {s['documents'] + s['errors']}  read errors: {s['errors']}  "
              f"findings: {s['findings']}  jobs: {args.jobs}")
        print(f"cold (empty cache): {cold:6.2f} s  ({cold / max(1, s['documents']):.3f} s/document)")
        for i in range(args.repeat):
            warm, again = run_once(corpus, args.jobs, cache_home, pythonpath=pythonpath)
            same = "identical report" if again["documents"] == report["documents"] else "REPORT DIFFERS"
            print(f"warm (cache hit):   {warm:6.2f} s  ({same})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
