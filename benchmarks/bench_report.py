"""Benchmark: `slalint report` over the whole shared corpus (about 150 agreements).

Usage: python benchmarks/bench_report.py [CORPUS] [--jobs N] [--keep]

Runs the real command line (`python -m slalint report CORPUS -o <tmp>/report.html --jobs N`)
in a subprocess with the result cache off (a fresh XDG cache folder), then times, in
process, summarising and rendering alone (HTML and Markdown) from one lint run. Prints
wall-clock times, the number of agreements and the report size.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = Path(os.environ.get("SLALINT_CORPUS", REPO.parent / "shared" / "corpus"))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", nargs="?", default=str(DEFAULT_CORPUS))
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--keep", action="store_true", help="keep the report and print its path")
    args = ap.parse_args()
    corpus = Path(args.corpus)
    if not corpus.is_dir():
        print(f"corpus not found: {corpus}", file=sys.stderr)
        return 2
    tmp = Path(tempfile.mkdtemp(prefix="slalint-bench-report-"))
    out = tmp / "report.html"
    env = dict(os.environ, XDG_CACHE_HOME=str(tmp / "cache"))
    t0 = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "slalint", "report", str(corpus), "-o", str(out), "--jobs", str(args.jobs), "--no-progress"],
                          capture_output=True, text=True, env=env)
    wall = time.perf_counter() - t0
    print(proc.stderr.strip().splitlines()[-1] if proc.stderr.strip() else "(no output)")
    print(f"exit code: {proc.returncode}")
    if not out.exists():
        print("report was not written", file=sys.stderr)
        return 1
    print(f"slalint report {corpus} --jobs {args.jobs}: {wall:.1f} s wall, report {out.stat().st_size / 1024:.0f} KiB")

    # Rendering alone, from one in-process lint run (jobs as above).
    from slalint.engine.lint import lint_paths
    from slalint.portfolio import build_portfolio, render_html, render_markdown, summarise

    t1 = time.perf_counter()
    run = lint_paths([str(corpus)], None, jobs=args.jobs, use_cache=False)
    t2 = time.perf_counter()
    rows = [summarise(r) for r in run.documents]
    portfolio = build_portfolio(rows, run.errors)
    html = render_html(portfolio)
    t3 = time.perf_counter()
    md = render_markdown(portfolio)
    t4 = time.perf_counter()
    print(f"in process: lint {t2 - t1:.1f} s for {len(run.documents)} agreements ({len(run.errors)} unreadable); "
          f"summarise+HTML {1000 * (t3 - t2):.0f} ms ({len(html) / 1024:.0f} KiB); Markdown {1000 * (t4 - t3):.0f} ms")
    if args.keep:
        print(f"report: {out}")
    else:
        import shutil

        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
