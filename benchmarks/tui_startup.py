"""How fast `slalint review` is usable: time to the first painted screen and to the first
document shown, for the 96,000-word CCS service-requirements document and for a folder of
about 90 CUAD agreements, with linting in the worker thread.

Run: python benchmarks/tui_startup.py [CORPUS_DIR]   (default ../shared/corpus)
Prints seconds; the window must appear long before linting ends (no blocking on the UI thread).
"""

from __future__ import annotations

import asyncio
import sys
import tempfile
import time
from pathlib import Path

from slalint.tui.app import make_app

CORPUS = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"


async def measure(label: str, paths: list[str], settle_docs: int = 1, linter=None) -> None:
    review_dir = tempfile.mkdtemp(prefix="slalint-bench-")
    started = time.perf_counter()
    app = make_app(paths=paths, review_dir=review_dir, linter=linter)
    async with app.run_test(size=(160, 50)) as pilot:
        await pilot.pause()
        painted = time.perf_counter() - started
        screen = app.review_screen
        # UI responsiveness while linting: key press round trips (median of 9, one every 0.3 s)
        await pilot.pause(1.0)
        latencies = []
        for _ in range(9):
            t = time.perf_counter()
            await pilot.press("o")
            await pilot.pause()
            latencies.append(time.perf_counter() - t)
            await pilot.pause(0.3)
        key_latency = sorted(latencies)[len(latencies) // 2]
        while len(screen.results) < settle_docs:
            await pilot.pause(0.02)
        first = time.perf_counter() - started
        await app.workers.wait_for_complete()
        await pilot.pause()
        done = time.perf_counter() - started
        findings = sum(len(r.findings) for r in screen.results)
    import os

    print(f"[load {os.getloadavg()[0]:.1f}] {label}: window {painted:.2f} s, key during lint {key_latency * 1000:.0f} ms, "
          f"first document {first:.2f} s, all {len(screen.results)} linted {done:.2f} s, {findings} findings")


async def main() -> None:
    big = CORPUS / "docx" / "ccs-fm-da-2020-service-requirements-and-standards.docx"
    if big.exists():
        await measure("CCS 96k-word document, child process", [str(big)])
        from slalint.engine.lint import lint_file

        await measure("CCS 96k-word document, worker thread only", [str(big)], linter=lint_file)
    cuad = CORPUS / "cuad"
    if cuad.is_dir():
        await measure(f"folder of {len(list(cuad.glob('*.txt')))} CUAD agreements", [str(cuad)])


if __name__ == "__main__":
    asyncio.run(main())
