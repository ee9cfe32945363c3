"""Catalogue tests: every rule is documented, tested both ways, and consistently named.

Like proselint's example tests and sqlfluff's docstring tests: the docs examples are run
as cases, every rule has at least two failing and two passing cases, codes are unique and
equal their file names, suggested clauses exist, and no cases file names a missing rule.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import jsonschema
import pytest
import yaml

from slalint.engine.loader import load_ruleset, pack_folders, rule_files
from slalint.resources import rules_dir
from slalint.testing import RuleCase, check_rule_case, load_rule_cases

RULESET = load_ruleset()
RULES = [r for r in RULESET.rules if r.kind != "engine"]
CASES = load_rule_cases(rules_dir())
SCHEMA = Path(rules_dir()) / "schema.json"


def test_there_are_rules():
    assert RULES, "no rules found under rules/"


@pytest.mark.parametrize("rule", RULES, ids=[r.code for r in RULES])
def test_rule_is_documented(rule):
    docs = rule.docs
    for key in ("why", "example_fail", "example_pass"):
        assert docs.get(key, "").strip(), f"{rule.path}: docs.{key} is empty"
    assert isinstance(docs.get("references"), list)
    assert rule.summary.endswith(".") or rule.summary.endswith("?"), f"{rule.path}: summary should be a sentence"


@pytest.mark.parametrize("rule", RULES, ids=[r.code for r in RULES])
def test_rule_has_two_failing_and_two_passing_cases(rule):
    mine = Counter(c.expect for c in CASES if c.code == rule.code)
    assert mine["fail"] >= 2 and mine["pass"] >= 2, f"{rule.code}: {dict(mine)} (need >= 2 fail and >= 2 pass cases)"


@pytest.mark.parametrize("rule", RULES, ids=[r.code for r in RULES])
def test_docs_examples_run_as_cases(rule):
    check_rule_case(RuleCase(rule.code, "example_fail", "fail", rule.docs["example_fail"], path=rule.path), RULESET)
    check_rule_case(RuleCase(rule.code, "example_pass", "pass", rule.docs["example_pass"], path=rule.path), RULESET)


def test_codes_and_names_unique_and_codes_match_file_names():
    codes = Counter(r.code for r in RULESET.rules)
    names = Counter(r.name for r in RULESET.rules)
    assert [c for c, n in codes.items() if n > 1] == []
    assert [c for c, n in names.items() if n > 1] == []
    for r in RULES:
        assert Path(r.path).stem == r.code


def test_suggestions_exist_in_the_clause_library():
    missing = [(r.code, r.suggestion) for r in RULES if r.suggestion and r.suggestion not in RULESET.clauses]
    assert missing == []


def test_cases_files_name_existing_rules():
    unknown = sorted({c.code for c in CASES} - {r.code for r in RULES})
    assert unknown == []


def test_rule_files_validate_against_the_published_schema():
    schema = jsonschema.Draft202012Validator(__import__("json").loads(SCHEMA.read_text()))
    for _, folder in pack_folders(Path(rules_dir())):
        for path in rule_files(folder):
            errors = sorted(schema.iter_errors(yaml.safe_load(path.read_text())), key=str)
            assert not errors, f"{path}: {errors[0].message}"


def test_clause_files_validate_against_their_schema():
    cdir = Path(rules_dir()) / "clauses"
    schema = jsonschema.Draft202012Validator(__import__("json").loads((cdir / "schema.json").read_text()))
    for path in sorted(cdir.glob("*.yaml")):
        errors = list(schema.iter_errors(yaml.safe_load(path.read_text())))
        assert not errors, f"{path}: {errors[0].message}"
    assert all(len(c.fallbacks) >= 1 for c in RULESET.clauses.values())
