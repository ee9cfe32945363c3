"""docs/rules.md is generated from the rule files and must not go stale."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def test_rule_reference_is_up_to_date():
    out = subprocess.run([sys.executable, str(REPO / "scripts" / "gen_rule_docs.py"), "--check"], cwd=REPO)
    assert out.returncode == 0, "docs/rules.md is stale: run python scripts/gen_rule_docs.py"
