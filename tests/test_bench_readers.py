"""The reader benchmark still runs (a smoke test; timings are not asserted)."""

import re
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def test_reader_benchmark_reports_both_floors(tmp_path):
    (tmp_path / "docx").mkdir()
    proc = subprocess.run(
        [sys.executable, str(REPO / "benchmarks" / "bench_readers.py"), "--pages", "3", "--repeat", "1",
         "--corpus", str(tmp_path)],
        capture_output=True, text=True, timeout=300,
    )
    assert proc.returncode == 0, proc.stderr
    row = next(line for line in proc.stdout.splitlines() if line.startswith("generated-3-page-agreement.docx"))
    # words, floor, reader, ratio, all-parts floor, ratio
    numbers = [float(x) for x in row.split()[1:]]
    assert len(numbers) == 6
    words, floor, reader, ratio, parts, parts_ratio = numbers
    assert words > 1500
    assert floor > 0 and reader > 0 and parts > 0 and ratio > 0 and parts_ratio > 0
    assert re.search(r"total docx against the all-parts floor: \d+ ms, ratio \d+\.\d\d", proc.stdout)
