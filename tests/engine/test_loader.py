"""Rule files are validated at load with `file:line: what is wrong` errors."""

from __future__ import annotations

import pytest
from engine_helpers import DOCS, load_pack, parse, rule_yaml, write_pack

from slalint.engine.loader import RuleSetError


def errors_of(text: str, path: str = "TST001.yaml") -> list[str]:
    spec, errors = parse(text, path)
    assert spec is None
    return [str(e) for e in errors]


def test_valid_rule_loads_with_requires():
    spec, errors = parse(rule_yaml(params="topic: scope"))
    assert errors == []
    assert spec.code == "TST001" and spec.kind == "require"
    assert "topics" in spec.requires


@pytest.mark.parametrize(
    "text, expected",
    [
        (rule_yaml().replace("params:", "parms:"), "TST001.yaml:6: unknown key 'parms' (did you mean 'params'?)"),
        (rule_yaml(kind="requires"), "TST001.yaml:5: kind: unknown kind 'requires' (did you mean 'require'?)"),
        (rule_yaml(kind="forbid", params="pattern: '(unclosed'"), "TST001.yaml:7: params.pattern: bad regular expression"),
        (rule_yaml(kind="python", params="{}", extra="check: slalint.checks:nope"), "TST001.yaml:9: check: unknown check 'slalint.checks:nope'"),
        (rule_yaml(extra="options:\n  days: {type: int, default: ninety}"), "TST001.yaml:10: options.days.default: default must be of type int"),
        (rule_yaml(code="TST002"), "TST001.yaml:1: code: code 'TST002' does not match the file name 'TST001'"),
        (rule_yaml(message="Bad {nonsense}"), "TST001.yaml:8: message: unknown placeholder '{nonsense}'"),
        (rule_yaml(params="topic: scopes"), "TST001.yaml:7: params.topic: expected one of"),
        (rule_yaml(name="Bad_Name"), "TST001.yaml:2: name: name 'Bad_Name' must be kebab-case"),
        (rule_yaml().replace("severity: warning", "severity: fatal"), "TST001.yaml:4: severity: expected one of info, warning, error, got 'fatal'"),
        (rule_yaml(kind="numeric", params="quantity: {kind: duration}\nmust_be: '<='\nvalue: 90"), "a duration limit needs 'unit'"),
        (rule_yaml(kind="implies", params="if: {topic: auto_renewal}"), "implies needs 'then'"),
        (rule_yaml(params="topic: scope\npattern: x"), "a condition takes exactly one test"),
        (rule_yaml().replace(DOCS.lstrip(), "docs:\n  why: x\n"), "missing docs.example_fail"),
    ],
    ids=["unknown-key", "unknown-kind", "bad-regex", "unknown-check", "option-type", "code-vs-file", "placeholder",
         "unknown-topic", "name-case", "severity", "duration-unit", "implies-then", "two-tests", "docs-missing"],
)
def test_errors_name_file_line_and_problem(text, expected):
    errs = errors_of(text)
    assert any(expected in e for e in errs), errs


def test_option_reference_is_resolved_and_checked():
    text = rule_yaml(kind="numeric", params="quantity: {kind: duration}\nmust_be: '<='\nvalue: {option: max_days}\nunit: day",
                     extra="options:\n  max_days: {type: int, default: 90, help: Longest notice.}")
    spec, errors = parse(text)
    assert errors == [] and spec.compiled.value == 90
    bad = text.replace("{option: max_days}", "{option: max_dayz}")
    assert any("unknown option 'max_dayz' (did you mean 'max_days'?)" in e for e in errors_of(bad))


def test_pack_errors_are_all_reported_together(tmp_path):
    write_pack(tmp_path, {
        "TST001": rule_yaml(kind="nope"),
        "TST002": rule_yaml(code="TST002", name="other", params="topic: scope", extra="suggestion: no-such-clause"),
    })
    with pytest.raises(RuleSetError) as exc:
        load_pack(tmp_path)
    text = str(exc.value)
    assert "TST001.yaml:5: kind: unknown kind 'nope'" in text
    assert "TST002.yaml:9: suggestion: unknown clause id 'no-such-clause'" in text


def test_duplicate_names_across_files_are_rejected(tmp_path):
    write_pack(tmp_path, {"TST001": rule_yaml(), "TST002": rule_yaml(code="TST002")})
    with pytest.raises(RuleSetError, match="duplicate name 'test-rule'"):
        load_pack(tmp_path)


def test_yaml_syntax_error_has_a_line(tmp_path):
    write_pack(tmp_path, {"TST001": "code: TST001\nname: [unclosed\n"})
    with pytest.raises(RuleSetError, match=r"TST001.yaml:\d+: invalid YAML"):
        load_pack(tmp_path)


def test_clause_library_is_loaded_and_validated(tmp_path):
    write_pack(tmp_path, {"TST001": rule_yaml(extra="suggestion: my-clause")})
    (tmp_path / "clauses").mkdir()
    (tmp_path / "clauses" / "c.yaml").write_text(
        "- id: my-clause\n  topic: scope\n  title: Scope\n  preferred: The Services are...\n  fallbacks: [Short scope.]\n")
    rs = load_pack(tmp_path)
    assert rs.clauses["my-clause"].preferred == "The Services are..."
    (tmp_path / "clauses" / "c.yaml").write_text("- id: my-clause\n  topic: scop\n  title: S\n  preferred: P\n  fallbacks: []\n")
    from slalint.engine import loader
    loader._CACHE.clear()
    with pytest.raises(RuleSetError) as exc:
        load_pack(tmp_path)
    assert "c.yaml:2: [0].topic: expected one of" in str(exc.value)
    assert "c.yaml:5: [0].fallbacks: expected a non-empty list" in str(exc.value)
