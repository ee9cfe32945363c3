"""slalint.testing works for a third-party pack outside slalint."""

from __future__ import annotations

import pytest
from engine_helpers import load_pack, rule_yaml, write_pack

from slalint.errors import RuleDefinitionError
from slalint.testing import assert_rule_fails, assert_rule_passes, check_rule_case, load_rule_cases

CASES = """rule: ACME001

fails_on_evergreen:
  fail: |
    # 2. Term
    2.1 This Agreement renews automatically each year.
  violations:
    - { section: "2.1", message_contains: "evergreen", quote_contains: "renews" }

passes_fixed_term:
  pass: |
    # 2. Term
    2.1 This Agreement ends after two years.
"""


@pytest.fixture
def pack(tmp_path):
    root = write_pack(tmp_path, {"ACME001": rule_yaml(code="ACME001", name="evergreen", kind="forbid",
                                                      params="pattern: 'renews automatically'",
                                                      message="Clause {section} is evergreen")}, pack="acme")
    (tmp_path / "acme" / "ACME001.cases.yaml").write_text(CASES)
    return root


def test_third_party_cases_run(pack):
    rs = load_pack(pack)
    cases = load_rule_cases(pack)
    assert [c.id for c in cases] == ["ACME001_fails_on_evergreen", "ACME001_passes_fixed_term"]
    for c in cases:
        check_rule_case(c, rs)
    [f] = assert_rule_fails("ACME001", "# 1. Term\n1.1 It renews automatically.\n", rs)
    assert f.message == "Clause 1.1 is evergreen"
    assert_rule_passes("evergreen", "# 1. Term\n1.1 It ends.\n", rs)
    with pytest.raises(AssertionError, match="expected no finding"):
        assert_rule_passes("ACME001", "# 1. Term\n1.1 It renews automatically.\n", rs)


def test_a_case_whose_expectation_fails_names_file_and_line(pack):
    (pack / "acme" / "ACME001.cases.yaml").write_text(CASES.replace('section: "2.1"', 'section: "9.9"'))
    [bad, _] = load_rule_cases(pack)
    with pytest.raises(AssertionError, match=r"ACME001.cases.yaml:3: ACME001_fails_on_evergreen: no finding matches"):
        check_rule_case(bad, load_pack(pack))


def test_cases_file_errors_have_lines(pack):
    (pack / "acme" / "ACME001.cases.yaml").write_text(CASES.replace("  pass: |", "  passes: |"))
    with pytest.raises(RuleDefinitionError, match=r"ACME001.cases.yaml:11: unknown key 'passes' in passes_fixed_term"):
        load_rule_cases(pack)
