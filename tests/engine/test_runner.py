"""The runner: Python checks, contained failures, in-document suppressions, fingerprints."""

from __future__ import annotations

import textwrap

import pytest
from engine_helpers import analysis, doc, load_pack, parse, rule_yaml, write_pack

from slalint.engine.runner import run_rules

CHECKS = '''
from slalint.engine.checks import check
from slalint.engine.context import Hit


@check(requires=("terms",))
def boom(ctx):
    raise RuntimeError("kaput")


@check()
def every_heading(ctx):
    for info in ctx.iter_paragraphs("headings"):
        yield Hit(ctx.evidence_for(info.paragraph), {"heading": info.paragraph.text})


@check()
def keep_first(ctx):
    yield from ctx.hits[:1]
'''


@pytest.fixture
def checks_module(tmp_path, monkeypatch):
    name = f"user_checks_{tmp_path.name.replace('-', '_')}"
    (tmp_path / f"{name}.py").write_text(CHECKS)
    monkeypatch.syspath_prepend(str(tmp_path))
    return name


D = """
# 1. Services
1.1 The Provider shall provide the Services.
# 2. Fees
2.1 The Customer shall pay the Fees.
"""


def test_python_check_yields_hits_with_placeholders(checks_module):
    spec, errors = parse(rule_yaml(kind="python", params="{}", message="Heading {heading}", extra=f"check: {checks_module}:every_heading"))
    assert errors == []
    d = doc(D)
    found = run_rules(d, analysis(d), [spec])
    assert [f.message for f in found] == ["Heading Services", "Heading Fees"]
    assert [f.location.section for f in found] == ["1", "2"]


def test_check_after_a_kind_filters_its_hits(checks_module):
    spec, _ = parse(rule_yaml(kind="forbid", params="pattern: 'shall'", extra=f"check: {checks_module}:keep_first"))
    d = doc(D)
    found = run_rules(d, analysis(d), [spec])
    assert len(found) == 1 and found[0].location.section == "1.1"


def test_a_failing_rule_becomes_one_internal_error_and_the_run_goes_on(checks_module, caplog):
    bad, _ = parse(rule_yaml(kind="python", params="{}", extra=f"check: {checks_module}:boom"))
    good, _ = parse(rule_yaml(code="TST002", name="other", params="topic: exclusions").replace("TST002.yaml", ""), "TST002.yaml")
    d = doc(D)
    found = run_rules(d, analysis(d), [bad, good])
    codes = sorted(f.code for f in found)
    assert codes == ["LINT001", "TST002"]
    err = next(f for f in found if f.code == "LINT001")
    assert err.name == "internal-error" and "TST001" in err.message and "RuntimeError: kaput" in err.message


def test_keyboard_interrupt_is_not_contained(tmp_path, monkeypatch):
    (tmp_path / "ki_checks.py").write_text(textwrap.dedent('''
        from slalint.engine.checks import check
        @check()
        def stop(ctx):
            raise KeyboardInterrupt
    '''))
    monkeypatch.syspath_prepend(str(tmp_path))
    spec, _ = parse(rule_yaml(kind="python", params="{}", extra="check: ki_checks:stop"))
    d = doc(D)
    with pytest.raises(KeyboardInterrupt):
        run_rules(d, analysis(d), [spec])


SUPPRESSED = """
# Managed Services Agreement
# 1. Services
<!-- slalint: ignore forbid-shall accepted by counsel -->
1.1 The Provider shall provide the Services.
# 2. Fees
2.1 The Customer shall pay the Fees.
# 3. Other
<!-- slalint: ignore TST001 nothing to hide here -->
3.1 Nothing else.
<!-- slalint: ignore TST999 typo -->
3.2 Really nothing.
"""


def test_markdown_suppression_scopes_to_its_section_and_reports_unused(tmp_path):
    spec, _ = parse(rule_yaml(kind="forbid", name="forbid-shall", params="pattern: 'shall'"))
    d = doc(SUPPRESSED)
    found = run_rules(d, analysis(d), [spec])
    by_code = {}
    for f in found:
        by_code.setdefault(f.code, []).append(f)
    assert [f.location.section for f in by_code["TST001"]] == ["2.1"]
    [unused] = by_code["LINT002"]
    assert unused.name == "unused-suppression" and unused.severity == "info" and unused.location.section == "3.1"
    [unknown] = by_code["LINT003"]
    assert "TST999" in unknown.message


def test_suppression_on_the_title_covers_the_whole_document():
    text = "<!-- slalint: ignore TST001 legacy contract -->\n# Managed Services Agreement\n# 1. Services\n1.1 The Provider shall provide the Services.\n"
    spec, _ = parse(rule_yaml(params="topic: exclusions"))
    d = doc(text)
    assert run_rules(d, analysis(d), [spec]) == []


def test_fingerprints_survive_renumbering_and_unrelated_edits():
    spec, _ = parse(rule_yaml(kind="forbid", params="pattern: 'sole discretion'"))
    a = doc("# 4. Termination\n4.2 The Provider may terminate under Section 4.1 at its sole discretion.\n")
    b = doc("# 1. Definitions\n1.1 Words.\n# 5. Termination\n5.3 The Provider may  terminate under Section 5.1 at its sole discretion.\n")
    c = doc("# 4. Suspension\n4.2 The Provider may terminate under Section 4.1 at its sole discretion.\n")
    fa, fb, fc = (run_rules(x, analysis(x), [spec])[0].fingerprint for x in (a, b, c))
    assert fa == fb
    assert fa != fc  # a different section title is a different place


def test_user_rule_folder_loads_as_its_own_pack(tmp_path):
    write_pack(tmp_path, {"ACME001": rule_yaml(code="ACME001", name="no-sole-discretion", kind="forbid",
                                               params="pattern: 'sole discretion'")}, pack="acme")
    rs = load_pack(tmp_path)
    rule = rs.get("no-sole-discretion")
    assert rule.pack == "acme" and not rule.builtin and rs.get("ACME001") is rule


def test_checks_are_validated_from_source_and_imported_on_first_use(tmp_path, monkeypatch):
    import sys

    (tmp_path / "lazy_checks.py").write_text(textwrap.dedent('''
        from slalint.engine.checks import check
        from slalint.engine.context import Hit

        @check(requires=("terms",))
        def flag(ctx):
            yield Hit(None, {})

        def plain(ctx):
            return []
    '''))
    monkeypatch.syspath_prepend(str(tmp_path))
    spec, errors = parse(rule_yaml(kind="python", params="{}", extra="check: lazy_checks:flag"))
    assert errors == [] and spec.requires >= {"terms"}
    assert "lazy_checks" not in sys.modules
    d = doc(D)
    assert [f.code for f in run_rules(d, analysis(d), [spec])] == ["TST001"]
    assert "lazy_checks" in sys.modules
    _, errors = parse(rule_yaml(kind="python", params="{}", extra="check: lazy_checks:plain"))
    assert "'lazy_checks:plain' is not a registered check" in str(errors[0])
    _, errors = parse(rule_yaml(kind="python", params="{}", extra="check: lazy_checks:flg"))
    assert "no function 'flg' in lazy_checks (registered there: flag)" in str(errors[0])
