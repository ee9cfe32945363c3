"""Checklist-topic accuracy against the hand-checked keys.

Two keys, both decided by reading the documents (tests/corpus/topic_key.yaml, the key the
patterns were first tuned on, and tests/corpus/topic_key_heldout.yaml, written before
slalint's output for its documents was looked at). For every document in a key, slalint's
coverage is computed (readers -> topics -> statements -> coverage) and compared with it: a
topic counts as predicted when its status is "present"; "unknown" and "absent" count as not
present. Topics a key marks "unsure" are left out. Prints, per key, each document's false
positives and false negatives and the per-topic precision and recall, then the micro
totals of each key and of both together.

    python3 benchmarks/topic_accuracy.py [--key FILE ...] [--corpus DIR] [--quiet]
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

import yaml  # noqa: E402

from slalint.analysis.analyze import analyze  # noqa: E402
from slalint.analysis.facts import TOPIC_IDS  # noqa: E402
from slalint.readers import read_document  # noqa: E402

KEYS = (REPO / "tests" / "corpus" / "topic_key.yaml", REPO / "tests" / "corpus" / "topic_key_heldout.yaml")


def load_key(path: Path) -> dict[str, dict]:
    """A hand-checked key: corpus-relative path -> {kind, present, unsure}."""
    return yaml.safe_load(path.read_text(encoding="utf-8"))["documents"]


def analyse_for_key(path: Path):  # type: ignore[no-untyped-def]
    return analyze(read_document(path), aspects={"topics"})


@dataclass
class Score:
    tp: dict[str, int] = field(default_factory=lambda: {t: 0 for t in TOPIC_IDS})
    fp: dict[str, int] = field(default_factory=lambda: {t: 0 for t in TOPIC_IDS})
    fn: dict[str, int] = field(default_factory=lambda: {t: 0 for t in TOPIC_IDS})
    documents: int = 0
    kinds_ok: int = 0

    def micro(self) -> tuple[int, int, int]:
        return sum(self.tp.values()), sum(self.fp.values()), sum(self.fn.values())


def score_key(key: dict[str, dict], corpus: Path, quiet: bool) -> Score:
    score = Score()
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
                score.tp[t] += 1
            elif t in predicted:
                score.fp[t] += 1
            elif t in truth:
                score.fn[t] += 1
        kind_ok = analysis.kind == entry.get("kind")
        score.documents += 1
        score.kinds_ok += kind_ok
        if not quiet:
            extra = sorted((predicted - truth) - unsure)
            missed = sorted((truth - predicted) - unsure)
            print(f"{rel}\n    kind {analysis.kind} ({'ok' if kind_ok else 'key: ' + str(entry.get('kind'))})"
                  f"  false+ {', '.join(extra) or '-'}  missed {', '.join(missed) or '-'}")
    return score


def print_table(score: Score) -> None:
    print(f"\n{'topic':30s} {'TP':>3s} {'FP':>3s} {'FN':>3s} {'precision':>9s} {'recall':>7s}")
    for t in TOPIC_IDS:
        tp, fp, fn = score.tp[t], score.fp[t], score.fn[t]
        print(f"{t:30s} {tp:3d} {fp:3d} {fn:3d} {_pct(tp / (tp + fp) if tp + fp else None):>9s} "
              f"{_pct(tp / (tp + fn) if tp + fn else None):>7s}")
    print(_micro_line("all topics (micro)", score.micro()))


def _micro_line(label: str, counts: tuple[int, int, int]) -> str:
    tp, fp, fn = counts
    return (f"{label:30s} {tp:3d} {fp:3d} {fn:3d} {_pct(tp / (tp + fp) if tp + fp else None):>9s} "
            f"{_pct(tp / (tp + fn) if tp + fn else None):>7s}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--key", action="append", help="a key file (repeatable; default: both keys)")
    parser.add_argument("--corpus", default=os.environ.get("SLALINT_CORPUS", str(REPO.parent / "shared" / "corpus")))
    parser.add_argument("--quiet", action="store_true", help="only the tables")
    args = parser.parse_args(argv)

    corpus = Path(args.corpus)
    started = time.perf_counter()
    results: list[tuple[str, Score]] = []
    for key_path in [Path(k) for k in args.key] if args.key else list(KEYS):
        print(f"=== {key_path.name}")
        score = score_key(load_key(key_path), corpus, args.quiet)
        print_table(score)
        print(f"document kind: {score.kinds_ok}/{score.documents} right")
        results.append((key_path.name, score))
    if len(results) > 1:
        print(f"\n{'micro totals':30s} {'TP':>3s} {'FP':>3s} {'FN':>3s} {'precision':>9s} {'recall':>7s}")
        total = [0, 0, 0]
        for name, score in results:
            counts = score.micro()
            total = [a + b for a, b in zip(total, counts)]
            print(_micro_line(name, counts))
        print(_micro_line("both keys", (total[0], total[1], total[2])))
    documents = sum(s.documents for _, s in results)
    print(f"{documents} documents in {time.perf_counter() - started:.1f} s")
    return 0


def _pct(x: float | None) -> str:
    return "-" if x is None else f"{100 * x:.0f}%"


if __name__ == "__main__":
    raise SystemExit(main())
