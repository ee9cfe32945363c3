"""Checklist-topic accuracy against the hand-checked key (tests/corpus/topic_key.yaml).

For every document in the key, slalint's coverage is computed (readers -> topics ->
statements -> coverage) and compared with the key: a topic counts as predicted when its
status is "present"; "unknown" and "absent" count as not present. Topics the key marks
"unsure" are left out. Prints per-topic precision and recall, the micro average, the
documents' kinds, and each document's false positives and false negatives.

    python3 benchmarks/topic_accuracy.py [--key FILE] [--corpus DIR] [--quiet]
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

import yaml  # noqa: E402

from slalint.analysis.analyze import analyze  # noqa: E402
from slalint.analysis.facts import TOPIC_IDS  # noqa: E402
from slalint.readers import read_document  # noqa: E402


def load_key(path: Path) -> dict[str, dict]:
    """The hand-checked key: corpus-relative path -> {kind, present, unsure}."""
    return yaml.safe_load(path.read_text(encoding="utf-8"))["documents"]


def analyse_for_key(path: Path):  # type: ignore[no-untyped-def]
    return analyze(read_document(path), aspects={"topics"})


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--key", default=str(REPO / "tests" / "corpus" / "topic_key.yaml"))
    parser.add_argument("--corpus", default=os.environ.get("SLALINT_CORPUS", str(REPO.parent / "shared" / "corpus")))
    parser.add_argument("--quiet", action="store_true", help="only the summary table")
    args = parser.parse_args(argv)

    key = load_key(Path(args.key))
    corpus = Path(args.corpus)
    tp = {t: 0 for t in TOPIC_IDS}
    fp = {t: 0 for t in TOPIC_IDS}
    fn = {t: 0 for t in TOPIC_IDS}
    kinds_ok = 0
    started = time.perf_counter()
    for rel, entry in key.items():
        path = corpus / rel
        if not path.exists():
            print(f"{rel}: missing from the corpus, skipped", file=sys.stderr)
            continue
        analysis = analyse_for_key(path)
        predicted = {t for t in TOPIC_IDS if analysis.coverage[t].status == "present"}
        truth = set(entry["present"])
        unsure = set(entry.get("unsure", ()))
        for t in TOPIC_IDS:
            if t in unsure:
                continue
            if t in predicted and t in truth:
                tp[t] += 1
            elif t in predicted:
                fp[t] += 1
            elif t in truth:
                fn[t] += 1
        kind_ok = analysis.kind == entry.get("kind")
        kinds_ok += kind_ok
        if not args.quiet:
            extra = sorted((predicted - truth) - unsure)
            missed = sorted((truth - predicted) - unsure)
            print(f"{rel}\n    kind {analysis.kind} ({'ok' if kind_ok else 'key: ' + str(entry.get('kind'))})"
                  f"  false+ {', '.join(extra) or '-'}  missed {', '.join(missed) or '-'}")
    elapsed = time.perf_counter() - started

    print(f"\n{'topic':30s} {'TP':>3s} {'FP':>3s} {'FN':>3s} {'precision':>9s} {'recall':>7s}")
    for t in TOPIC_IDS:
        p = tp[t] / (tp[t] + fp[t]) if tp[t] + fp[t] else None
        r = tp[t] / (tp[t] + fn[t]) if tp[t] + fn[t] else None
        print(f"{t:30s} {tp[t]:3d} {fp[t]:3d} {fn[t]:3d} {_pct(p):>9s} {_pct(r):>7s}")
    TP, FP, FN = sum(tp.values()), sum(fp.values()), sum(fn.values())
    print(f"{'all topics (micro)':30s} {TP:3d} {FP:3d} {FN:3d} {_pct(TP / (TP + FP) if TP + FP else None):>9s} "
          f"{_pct(TP / (TP + FN) if TP + FN else None):>7s}")
    print(f"document kind: {kinds_ok}/{len(key)} right; {len(key)} documents in {elapsed:.1f} s")
    return 0


def _pct(x: float | None) -> str:
    return "-" if x is None else f"{100 * x:.0f}%"


if __name__ == "__main__":
    raise SystemExit(main())
