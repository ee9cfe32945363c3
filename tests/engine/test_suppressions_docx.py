"""A Word comment `slalint: ignore CODE reason` anchored on a clause suppresses that rule's
findings in the clause's section (DOCX built in code with python-docx's comments API)."""

from __future__ import annotations

import docx
from engine_helpers import rule_yaml, write_pack

from slalint.config import config_from_mapping
from slalint.engine.lint import lint_file


def build(path, comment_text):
    d = docx.Document()
    d.add_heading("Managed Services Agreement", 0)
    d.add_heading("1. Services", 1)
    d.add_paragraph("1.1 The Provider may change the Services at its sole discretion.")
    d.add_heading("2. Suspension", 1)
    p = d.add_paragraph("2.1 The Provider may suspend the Services at its sole discretion.")
    d.add_comment(p.runs, text=comment_text, author="Counsel", initials="C")
    d.save(path)


def config(tmp_path):
    rules = tmp_path / "rules"
    write_pack(rules, {"ACME001": rule_yaml(code="ACME001", name="sole-discretion-here", kind="forbid",
                                            params="pattern: 'sole discretion'")}, pack="acme")
    return config_from_mapping({"rule_folders": [str(rules)], "builtin_rules": False}, tmp_path / ".slalint.yaml")


def test_word_comment_suppresses_in_its_section_only(tmp_path):
    build(tmp_path / "msa.docx", "slalint: ignore ACME001 accepted by counsel")
    before = (tmp_path / "msa.docx").read_bytes()
    r = lint_file(tmp_path / "msa.docx", config(tmp_path))
    assert [(f.code, f.location.section) for f in r.findings] == [("ACME001", "1.1")]
    assert (tmp_path / "msa.docx").read_bytes() == before


def test_word_comment_with_a_rule_name_and_unused_report(tmp_path):
    build(tmp_path / "msa.docx", "slalint: ignore sole-discretion-here,ACME001")
    r = lint_file(tmp_path / "msa.docx", config(tmp_path))
    assert [(f.code, f.location.section) for f in r.findings] == [("ACME001", "1.1")]
    build(tmp_path / "other.docx", "SLALINT: ignore ACME002 typo")
    r = lint_file(tmp_path / "other.docx", config(tmp_path))
    assert sorted(f.code for f in r.findings) == ["ACME001", "ACME001", "LINT003"]
