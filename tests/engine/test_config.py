"""Configuration: discovery, selection (most specific wins), severities, per-file ignores."""

from __future__ import annotations

import pytest
from engine_helpers import load_pack, rule_yaml, write_pack

from slalint.config import Config, config_from_mapping, find_config_file, load_config_file
from slalint.engine.selection import select_rules
from slalint.errors import ConfigError


@pytest.fixture
def ruleset(tmp_path):
    write_pack(tmp_path / "r", {
        "SLA001": rule_yaml(code="SLA001", name="missing-scope", extra="groups: [scope]"),
        "SLA002": rule_yaml(code="SLA002", name="missing-exclusions", extra="groups: [scope]"),
        "SLA010": rule_yaml(code="SLA010", name="missing-security"),
    }, pack="sla")
    write_pack(tmp_path / "r", {"DRF001": rule_yaml(code="DRF001", name="undefined-term")}, pack="drafting")
    return load_pack(tmp_path / "r")


def codes(rules):
    return [r.code for r in rules if r.kind != "engine"]


def test_select_ignore_specificity(ruleset):
    assert codes(select_rules(ruleset, Config())) == ["DRF001", "SLA001", "SLA002", "SLA010"]
    assert codes(select_rules(ruleset, Config(select=["sla"], ignore=["scope"]))) == ["SLA010"]
    assert codes(select_rules(ruleset, Config(ignore=["sla"], select=["missing-scope"]))) == ["SLA001"]
    assert codes(select_rules(ruleset, Config(select=["SLA0"], ignore=["SLA01"]))) == ["SLA001", "SLA002"]
    assert codes(select_rules(ruleset, Config(select=["drafting"], extend_select=["SLA010"]))) == ["DRF001", "SLA010"]


def test_unknown_selector_is_an_error_with_a_hint(ruleset):
    with pytest.raises(ConfigError, match="unknown rule selector 'missing-scop' \\(did you mean 'missing-scope'\\?\\)"):
        select_rules(ruleset, Config(ignore=["missing-scop"]))


def test_severity_overrides_most_specific_wins(ruleset):
    rules = {r.code: r for r in select_rules(ruleset, Config(severity={"sla": "info", "SLA002": "error"}))}
    assert (rules["SLA001"].severity, rules["SLA002"].severity, rules["DRF001"].severity) == ("info", "error", "warning")


def test_per_file_ignores(ruleset, tmp_path):
    cfg = config_from_mapping({"per_file_ignores": {"sows/**": ["missing-scope"], "*.txt": ["drafting"]}}, tmp_path / ".slalint.yaml")
    assert "SLA001" not in codes(select_rules(ruleset, cfg, str(tmp_path / "sows" / "x" / "a.docx")))
    assert "DRF001" not in codes(select_rules(ruleset, cfg, str(tmp_path / "b.txt")))
    assert codes(select_rules(ruleset, cfg, str(tmp_path / "msa.docx"))) == ["DRF001", "SLA001", "SLA002", "SLA010"]


def test_discovery_walks_up_and_reads_pyproject(tmp_path):
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "pyproject.toml").write_text("[tool.slalint]\nignore = ['SLA001']\nfail_on = 'warning'\n")
    found = find_config_file(tmp_path / "a" / "b" / "x.docx")
    assert found == tmp_path / "pyproject.toml"
    cfg = load_config_file(found)
    assert cfg.ignore == ["SLA001"] and cfg.fail_on == "warning"
    (tmp_path / "a" / ".slalint.yaml").write_text("select: [sla]\n")
    assert find_config_file(tmp_path / "a" / "b" / "x.docx") == tmp_path / "a" / ".slalint.yaml"


def test_config_errors_name_the_line(tmp_path):
    p = tmp_path / ".slalint.yaml"
    p.write_text("select: [sla]\nignor: [x]\n")
    with pytest.raises(ConfigError, match=r"\.slalint\.yaml:2: unknown setting 'ignor' \(did you mean 'ignore'\?\)"):
        load_config_file(p)
    p.write_text("severity: {sla: fatal}\n")
    with pytest.raises(ConfigError, match="severity.sla: expected info, warning or error"):
        load_config_file(p)


def test_vocabulary_file_and_rule_options(tmp_path, ruleset):
    (tmp_path / "terms.txt").write_text("# accepted\nGo-Live\nOrder Form\n")
    cfg = config_from_mapping({"vocabulary": "terms.txt"}, tmp_path / ".slalint.yaml")
    assert cfg.vocabulary == ["Go-Live", "Order Form"]


def test_rule_option_overrides_from_config(tmp_path):
    write_pack(tmp_path / "r", {"NUM001": rule_yaml(
        code="NUM001", name="notice-too-long", kind="numeric",
        params="quantity: {kind: duration}\nmust_be: '<='\nvalue: {option: max_days}\nunit: day",
        extra="options:\n  max_days: {type: int, default: 90, help: Longest notice.}")}, pack="num")
    rs = load_pack(tmp_path / "r")
    [rule] = [r for r in select_rules(rs, Config(rules={"notice-too-long": {"options": {"max_days": 30}}})) if r.kind != "engine"]
    assert rule.compiled.value == 30 and rule.option_values == {"max_days": 30}
    with pytest.raises(ConfigError, match="option 'max_days' must be of type int"):
        select_rules(rs, Config(rules={"NUM001": {"options": {"max_days": "thirty"}}}))
    with pytest.raises(ConfigError, match="unknown option 'max_dayz'"):
        select_rules(rs, Config(rules={"NUM001": {"options": {"max_dayz": 3}}}))
