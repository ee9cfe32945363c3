"""Time the Markdown and plain-text readers: a generated 100,000-word agreement in each
format, and every text document of ../shared/corpus (when present). Not a test: run
`python3 benchmarks/bench_text_reader.py` and read the numbers."""

from __future__ import annotations

import sys
import time
from pathlib import Path

from slalint.readers.text import read_markdown, read_plain_text, read_markdown_file, read_text_file

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"


def generated(words: int = 100_000, markdown: bool = True) -> str:
    clause = ("The Provider shall deliver the Services described in Schedule A with reasonable skill and care, "
              "in accordance with Good Industry Practice and the Service Levels, and shall notify the Customer "
              "within five (5) Business Days of any failure.")
    per = len(clause.split())
    out, n, art = [], 0, 0
    while n < words:
        art += 1
        out.append(f"{'## ' if markdown else ''}{art}. Clause heading number {art}\n")
        for sub in range(1, 9):
            out.append(f"{art}.{sub} Title {sub}. {clause} (clause {art}.{sub})\n")
            out.append(f"(a) {clause} (item {art}.{sub}a)\n\n(b) {clause} (item {art}.{sub}b)\n")
            n += 3 * per
    return "\n".join(out)


def timed(fn, *args, repeat: int = 3):
    """Best of ``repeat`` runs (the machine may be shared)."""
    best, doc = float("inf"), None
    for _ in range(repeat):
        t0 = time.perf_counter()
        doc = fn(*args)
        best = min(best, time.perf_counter() - t0)
    return best, doc


def main() -> int:
    for name, fn, md in (("markdown", read_markdown, True), ("text", read_plain_text, False)):
        text = generated(markdown=md)
        secs, doc = timed(fn, text)
        print(f"generated {name:8s} {doc.metadata.word_count:7d} words  {secs * 1000:7.1f} ms  "
              f"{sum(1 for _ in doc.sections())} sections")
    if CORPUS.is_dir():
        total = 0.0
        for path in sorted((CORPUS / "text").glob("*.md")) + sorted((CORPUS / "cuad").glob("*.txt")):
            reader = read_markdown_file if path.suffix == ".md" else read_text_file
            secs, doc = timed(reader, path, repeat=1)
            total += secs
            print(f"{path.name[:60]:60s} {doc.metadata.word_count:6d} words {secs * 1000:7.1f} ms")
        print(f"corpus total {total:.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
