"""One runner for every rule's cases file (`rules/**/<CODE>.cases.yaml`).

Test ids are `<CODE>_<case>`, so `pytest -k SLA016` runs one rule's cases. Only the rule
under test runs on each case's short Markdown agreement; a failing case must produce the
rule's finding (matching `violations` when given), a passing case none, and a crash
(internal-error) always fails.
"""

from __future__ import annotations

import pytest

from slalint.engine.loader import load_ruleset
from slalint.resources import rules_dir
from slalint.testing import RuleCase, check_rule_case, load_rule_cases

CASES = load_rule_cases(rules_dir())


@pytest.fixture(scope="module")
def ruleset():
    return load_ruleset()


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_rule_case(case: RuleCase, ruleset):
    check_rule_case(case, ruleset)
