"""Behaviour of `slalint review`, driven with Textual's Pilot on a fixed findings set.

Each test builds the app from the fixture in ``fixtures/review_fixture.py`` (no reader, no
spaCy, no engine), with review files in a temporary folder, a fixed reviewer and a fixed
clock, and asserts on state: the selected finding, the section shown, the filter, the
review file written.
"""

from __future__ import annotations

import json
import subprocess
import sys
import threading
from datetime import datetime, timezone
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent / "fixtures"))

from review_fixture import MSA_PATH, RULE_DOCS, build_msa, build_results  # noqa: E402

from slalint.tui.app import make_app  # noqa: E402
from slalint.tui.ruledocs import RuleDocs  # noqa: E402
from slalint.tui.screens.help import HelpScreen, help_rows  # noqa: E402
from slalint.tui.screens.review import ReviewScreen  # noqa: E402
from slalint.tui.widgets.checklist import ChecklistTable  # noqa: E402
from slalint.tui.widgets.clause_view import ClauseView  # noqa: E402
from slalint.tui.widgets.findings_table import FindingsTable  # noqa: E402
from slalint.tui.widgets.outline import OutlineTree  # noqa: E402
from slalint.tui.widgets.rights import RightsTable, rights_grid  # noqa: E402

pytestmark = [pytest.mark.tui, pytest.mark.anyio]


@pytest.fixture
def anyio_backend():
    """Textual runs on asyncio."""
    return "asyncio"

WHEN = datetime(2026, 3, 2, 9, 30, tzinfo=timezone.utc)
SIZE = (160, 50)


@pytest.fixture(autouse=True)
def _no_machine(monkeypatch, tmp_path):
    """Keep the machine out: fixed reviewer, no home-folder config, no review-dir override."""
    monkeypatch.setenv("SLALINT_REVIEWER", "Test Reviewer")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.delenv("SLALINT_REVIEW_DIR", raising=False)


def build(tmp_path, **kwargs):
    kwargs.setdefault("results", None if "paths" in kwargs else build_results())
    return make_app(review_dir=tmp_path / "reviews", rule_docs=RuleDocs(table=RULE_DOCS), clock=lambda: WHEN,
                    reviewer="Test Reviewer", **kwargs)


async def settle(pilot, n: int = 3) -> None:
    for _ in range(n):
        await pilot.pause()


async def wait_for_lint(pilot, timeout: float = 120.0) -> None:
    """Wait until the lint worker has started, finished and its messages were handled."""
    import time

    deadline = time.monotonic() + timeout
    screen = pilot.app.review_screen
    while time.monotonic() < deadline:
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        if screen.results and not pilot.app.workers and not screen.query_one("#progress").display:
            await settle(pilot)
            return
        await pilot.pause(0.05)
    raise AssertionError("linting did not finish")


def screen_of(app) -> ReviewScreen:
    assert isinstance(app.review_screen, ReviewScreen)
    return app.review_screen


async def test_opens_on_first_document_and_first_finding(tmp_path):
    app = build(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = screen_of(app)
        assert screen.current == MSA_PATH
        table = app.screen.query_one(FindingsTable)
        assert len(table.findings) == 14
        assert screen.selected is table.findings[0]
        assert screen.selected.location.section == "2.1"
        assert screen.shown_section is not None and screen.shown_section.ref == "2"
        assert str(app.screen.query_one("#filter-count").render()).strip() == "14 findings"


async def test_moving_in_the_table_shows_the_finding_in_its_section(tmp_path):
    app = build(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("down", "down")
        await settle(pilot)
        screen = screen_of(app)
        assert screen.selected.name == "service-levels-without-remedy"
        assert screen.shown_section.ref == "3"
        assert "3 Service Levels" == app.screen.query_one(ClauseView).border_title
        # the detail pane shows the suggested clause
        detail = str(app.screen.query_one("#detail-body").render())
        assert "Suggested clause" in detail and "Service Credit table" in detail


async def test_outline_section_shows_its_text_and_moves_to_its_findings(tmp_path):
    app = build(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = screen_of(app)
        tree = app.screen.query_one(OutlineTree)
        index = screen.indexes[MSA_PATH]
        termination = index.document.find_section("6")
        tree.focus()
        tree.focus_section(MSA_PATH, termination)
        await settle(pilot)
        assert screen.shown_section is termination
        assert screen.selected.location.section.startswith("6.")
        # counts per section in the outline label
        node = tree.node_for(MSA_PATH, termination)
        assert str(node.label).endswith("  4")
        # Enter moves the focus into the text
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.focused, ClauseView)


async def test_outline_adds_deep_sections_when_opened(tmp_path):
    app = build(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        tree = app.screen.query_one(OutlineTree)
        doc_node = tree.document_node(MSA_PATH)
        definitions = doc_node.children[0]
        assert len(definitions.children) == 0  # not built until opened
        definitions.expand()
        await settle(pilot)
        assert [str(c.label) for c in definitions.children] == ["1.1", "1.2"]


@pytest.mark.parametrize(
    "query, expected",
    [
        ("sev:error", {"SLA031", "SLA030", "SLA040", "SLA020", "DRF012", "DRF006"}),
        ("pack:fairness", {"FAIR001", "FAIR006", "FAIR004"}),
        ("topic:termination_for", {"SLA031"}),
        ("sev:warning+ pack:drafting", {"DRF012", "DRF006", "DRF001", "DRF010"}),
        ("cross", {"DRF006"}),
        ("code:one-sided sev:err", {"SLA031", "SLA030"}),
    ],
)
async def test_filter_narrows_the_table(tmp_path, query, expected):
    app = build(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("slash")
        app.screen.query_one("#filter-input").value = query
        await settle(pilot)
        table = app.screen.query_one(FindingsTable)
        assert {f.code for f in table.findings} == expected
        assert str(app.screen.query_one("#filter-count").render()).strip() == f"{len(table.findings)}/14 findings"


async def test_filter_typed_then_escape_clears_it(tmp_path):
    app = build(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"sev:info")  # typed key by key
        await settle(pilot)
        table = app.screen.query_one(FindingsTable)
        assert [f.code for f in table.findings] == ["SLA050"]
        await pilot.press("escape")
        await settle(pilot)
        assert len(table.findings) == 14 and app.focused is table


async def test_filter_by_status_after_triage(tmp_path):
    app = build(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("t", "enter")  # first finding: to fix, no note
        await settle(pilot)
        screen = screen_of(app)
        screen.query_one("#filter-input").value = "status:to"
        await settle(pilot)
        table = app.screen.query_one(FindingsTable)
        assert [f.status for f in table.findings] == ["to-fix"]
        screen.query_one("#filter-input").value = "status:open"
        await settle(pilot)
        assert len(table.findings) == 13


async def test_sort_cycles_orders(tmp_path):
    app = build(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        table = app.screen.query_one(FindingsTable)
        await pilot.press("s")
        await settle(pilot)
        assert screen_of(app).sort_order == "severity"
        sev = [f.severity for f in table.findings]
        assert sev == sorted(sev, key=lambda s: {"error": 0, "warning": 1, "info": 2}[s])
        await pilot.press("s")
        await settle(pilot)
        codes = [f.code for f in table.findings]
        assert codes == sorted(codes)
        await pilot.click("#findings-table", offset=(4, 1))  # the mouse: click the Sev heading
        await settle(pilot)
        assert screen_of(app).sort_order == "severity"


async def test_checklist_lists_every_topic_and_jumps_to_section(tmp_path):
    from slalint.analysis.facts import TOPIC_IDS

    app = build(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("2")
        await settle(pilot)
        checklist = app.screen.query_one(ChecklistTable)
        assert checklist.topics == list(TOPIC_IDS)
        assert app.focused is checklist
        row = TOPIC_IDS.index("auto_renewal")
        checklist.move_cursor(row=row)
        await pilot.press("enter")
        await settle(pilot)
        screen = screen_of(app)
        assert app.screen.query_one("#views").active == "findings"
        assert screen.shown_section.ref == "5"
        assert screen.evidence_anchor is not None
        tree = app.screen.query_one(OutlineTree)
        assert tree.cursor_node.data.section.ref == "5.2"
        # the table follows to the finding in that section
        assert screen.selected.name == "auto-renewal-without-notice"
        assert isinstance(app.focused, ClauseView)


async def test_checklist_absent_topic_does_not_jump(tmp_path):
    from slalint.analysis.facts import TOPIC_IDS

    app = build(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("2")
        checklist = app.screen.query_one(ChecklistTable)
        checklist.move_cursor(row=TOPIC_IDS.index("exclusions"))
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen.query_one("#views").active == "checklist"


async def test_rights_view_shows_one_sided_rights_and_jumps(tmp_path):
    app = build(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("3")
        await settle(pilot)
        rights = app.screen.query_one(RightsTable)
        parties, grid = rights.parties, rights.grid
        assert parties[:2] == ["provider", "customer"]
        for right in ("Terminate for cause", "Terminate for convenience", "Suspend the services",
                      "Change the agreement", "Liability capped"):
            assert grid[right]["provider"].held, right
            assert "customer" not in grid[right] or not grid[right]["customer"].held, right
        assert grid["Suspend the services"]["provider"].qualifiers == {"at_any_time", "without_notice"}
        # Enter on the provider's suspension right shows clause 6.3
        rights.move_cursor(row=2, column=2)
        await pilot.press("enter")
        await settle(pilot)
        screen = screen_of(app)
        assert screen.shown_section.ref == "6"
        assert screen.evidence_anchor.paragraph == 31


def test_rights_grid_counts_mutual_rights_for_both_parties():
    result = build_msa()
    st = result.analysis.statements[0]
    st.bearer = "both"
    parties, grid = rights_grid(result)
    assert grid["Terminate for convenience"]["customer"].held
    assert grid["Terminate for convenience"]["provider"].held


async def test_triage_is_saved_at_once_and_reloaded(tmp_path):
    app = build(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("down", "down")  # SLA020 service-levels-without-remedy
        await settle(pilot)
        target = screen_of(app).selected
        await pilot.press("a")
        await settle(pilot)
        assert app.screen.__class__.__name__ == "TriageDialog"
        await pilot.press(*["space" if c == " " else c for c in "agreed in call"])
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ReviewScreen)
        assert target.status == "accepted-risk" and target.note == "agreed in call"
        # saved at once, before the app ends
        path = tmp_path / "reviews" / "northwind-msa.docx.slalint-review.json"
        data = json.loads(path.read_text(encoding="utf-8"))
        entry = data["decisions"][target.fingerprint]
        assert entry == {"status": "accepted-risk", "note": "agreed in call", "reviewer": "Test Reviewer",
                         "date": "2026-03-02T09:30:00+00:00", "code": "SLA020",
                         "name": "service-levels-without-remedy", "quote": "99.5% of each calendar month",
                         "section": "3.1", "stale": False}
        # the cursor moved on to the next finding
        assert screen_of(app).selected is not target

    again = build(tmp_path)
    async with again.run_test(size=SIZE) as pilot:
        await settle(pilot)
        table = again.screen.query_one(FindingsTable)
        reloaded = next(f for f in table.findings if f.fingerprint == target.fingerprint)
        assert reloaded.status == "accepted-risk" and reloaded.note == "agreed in call"


async def test_triage_dialog_can_change_decision_cancel_and_reopen(tmp_path):
    app = build(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        first = screen_of(app).selected
        await pilot.press("n", "escape")  # cancelled: nothing saved
        await settle(pilot)
        assert first.status == "open"
        assert not (tmp_path / "reviews").exists()
        await pilot.press("f")
        await settle(pilot)
        app.screen.query_one("#status-needs-counsel").value = True  # change the preselected decision
        await pilot.press("enter")
        await settle(pilot)
        assert first.status == "needs-counsel"
        table = app.screen.query_one(FindingsTable)
        table.select_finding(first)
        await pilot.press("u")
        await settle(pilot)
        assert first.status == "open"
        path = tmp_path / "reviews" / "northwind-msa.docx.slalint-review.json"
        assert json.loads(path.read_text(encoding="utf-8"))["decisions"] == {}


async def test_corrupt_review_file_is_reported_and_never_overwritten(tmp_path):
    reviews = tmp_path / "reviews"
    reviews.mkdir()
    bad = reviews / "northwind-msa.docx.slalint-review.json"
    bad.write_text('{"version": 1, "decisions": {"x": ', encoding="utf-8")
    app = build(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = screen_of(app)
        assert MSA_PATH in screen.review_errors and "not valid JSON" in screen.review_errors[MSA_PATH]
        await pilot.press("a")
        await settle(pilot)
        assert isinstance(app.screen, ReviewScreen)  # no dialog: decisions could not be saved
    assert bad.read_text(encoding="utf-8") == '{"version": 1, "decisions": {"x": '


class FakeLinter:
    """Stands in for the engine: returns fixture results, edited between runs."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, str]] = []
        self.edited = False

    def __call__(self, path: str, config):
        self.calls.append((path, threading.current_thread().name))
        result = build_msa()
        if self.edited:
            # The drafter fixed the number mismatch; the rest is unchanged (same fingerprints).
            result.findings = [f for f in result.findings if f.name != "number-mismatch"]
        return result


async def test_lint_runs_in_a_worker_with_progress(tmp_path):
    linter = FakeLinter()
    app = build(tmp_path, paths=[MSA_PATH], linter=linter)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for_lint(pilot)
        assert linter.calls and linter.calls[0][1] != threading.main_thread().name
        screen = screen_of(app)
        assert [r.path for r in screen.results] == [MSA_PATH]
        assert app.screen.query_one("#progress").display is False


async def test_relint_keeps_decisions_and_stale_ones(tmp_path):
    linter = FakeLinter()
    app = build(tmp_path, paths=[MSA_PATH], linter=linter)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for_lint(pilot)
        screen = screen_of(app)
        table = app.screen.query_one(FindingsTable)
        mismatch = next(f for f in table.findings if f.name == "number-mismatch")
        cap = next(f for f in table.findings if f.name == "one-sided-liability-cap")
        for finding, key in ((mismatch, "t"), (cap, "a")):
            table.select_finding(finding)
            await settle(pilot)
            await pilot.press(key, "enter")
            await settle(pilot)
        linter.edited = True
        await pilot.press("r")
        await pilot.pause()
        await wait_for_lint(pilot)
        result = screen.result
        assert result is not None and len(result.findings) == 13
        relinted_cap = next(f for f in result.findings if f.name == "one-sided-liability-cap")
        assert relinted_cap is not cap and relinted_cap.status == "accepted-risk"
        review = screen.reviews[MSA_PATH]
        assert [d.name for d in review.stale()] == ["number-mismatch"]
        assert len(app.screen.query_one(FindingsTable).findings) == 13


async def test_document_level_finding_and_unreadable_file(tmp_path):
    app = build(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        table = app.screen.query_one(FindingsTable)
        missing = next(f for f in table.findings if f.name == "missing-exclusions")
        table.select_finding(missing)
        await settle(pilot)
        clause = app.screen.query_one(ClauseView)
        assert clause.border_title == "The agreement as a whole" and screen_of(app).shown_section is None
        await pilot.press("right_square_bracket", "right_square_bracket")
        await settle(pilot)
        screen = screen_of(app)
        assert screen.current.endswith("legacy-2009.doc")
        assert len(table.findings) == 0
        assert "could not be read" in str(clause.query("Static").last().render())


async def test_help_lists_each_key_once(tmp_path):
    app = build(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)
        keys = [k for k, _ in app.screen.rows]
        assert len(keys) == len(set(keys))
        for key in ("?", "/", "a", "f", "t", "n", "1", "2", "3", "e", "q"):
            assert key in keys
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, ReviewScreen)


def test_help_rows_drop_duplicate_keys():
    from textual.binding import Binding

    rows = help_rows([[Binding("a", "x", "First"), Binding("b", "y", "")], [Binding("a", "z", "Second")]])
    assert rows == [("a", "First")]


async def test_export_writes_markdown_report(tmp_path):
    app = build(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("a", "enter")
        await settle(pilot)
        await pilot.press("e")
        await settle(pilot)
        out = tmp_path / "out" / "triage.md"
        (tmp_path / "out").mkdir()
        app.screen.query_one("#export-path").value = str(out)
        await pilot.press("enter")
        await settle(pilot)
        text = out.read_text(encoding="utf-8")
        assert text.startswith("# slalint triage report")
        assert "Generated 2026-03-02." in text
        assert "## contracts/northwind-msa.docx" in text and "accepted risk" in text
        assert [p.name for p in (tmp_path / "out").iterdir()] == ["triage.md"]  # no temp file left


async def test_narrow_terminal_switches_between_detail_and_text(tmp_path):
    app = build(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = screen_of(app)
        assert screen.has_class("-narrow")
        clause, detail = app.screen.query_one("#clause"), app.screen.query_one("#detail")
        assert detail.display and not clause.display
        await pilot.press("v")
        await settle(pilot)
        assert clause.display and not detail.display
        outline = app.screen.query_one("#outline")
        assert not outline.display  # hidden by default at 80 columns
        await pilot.press("o")
        await settle(pilot)
        assert outline.display
        table = app.screen.query_one(FindingsTable)
        assert table.compact and "name" not in [str(k.value) for k in table.columns]


def test_review_command_does_not_import_textual():
    code = ("import sys; from slalint.cli import build_parser; build_parser(); import slalint.commands.review, "
            "slalint.triage, slalint.tui; assert 'textual' not in sys.modules, 'textual imported'")
    subprocess.run([sys.executable, "-c", code], check=True)


def test_review_command_refuses_without_terminal(tmp_path):
    doc = tmp_path / "a.md"
    doc.write_text("# Agreement\n\n1. Services\n\nProvider shall provide the services.\n", encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "slalint", "review", str(doc)], capture_output=True, text=True,
                          stdin=subprocess.DEVNULL)
    assert proc.returncode == 2
    assert proc.stderr.strip().count("\n") == 0 and "interactive terminal" in proc.stderr
    missing = subprocess.run([sys.executable, "-m", "slalint", "review", str(tmp_path / "nope.docx")],
                             capture_output=True, text=True, stdin=subprocess.DEVNULL)
    assert missing.returncode == 2 and "nope.docx: no such file or folder" in missing.stderr


@pytest.mark.slow
async def test_annotated_word_copy_from_the_app(tmp_path, samples_dir):
    """The real engine lints a sample; w writes an annotated copy; the original is untouched."""
    import shutil

    pytest.importorskip("slalint.annotate")
    source = samples_dir / "legacy-msp-agreement.docx"
    if not source.exists():
        pytest.skip("samples not built")
    doc = tmp_path / "legacy.docx"
    shutil.copy(source, doc)
    before = doc.read_bytes()
    app = make_app(paths=[str(doc)], review_dir=tmp_path / "reviews", clock=lambda: WHEN, reviewer="Test Reviewer")
    async with app.run_test(size=SIZE) as pilot:
        await wait_for_lint(pilot)
        screen = screen_of(app)
        assert screen.result is not None and screen.result.findings
        await pilot.press("w")
        await settle(pilot)
        assert app.screen.query_one("#export-path").value == str(tmp_path / "legacy.annotated.docx")
        await pilot.press("enter")
        await settle(pilot)
        await pilot.app.workers.wait_for_complete()
    import docx

    out = docx.Document(str(tmp_path / "legacy.annotated.docx"))
    assert len(list(out.comments)) == len(screen.result.findings)
    assert doc.read_bytes() == before


async def test_relint_result_never_rolls_back_newer_decisions(tmp_path):
    """The worker reads the review file before the reviewer's latest save reaches the
    screen: the screen keeps its own, newer decisions."""
    from slalint.triage import load_review

    app = build(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = screen_of(app)
        fresh = build_msa()
        old_snapshot = load_review(fresh, tmp_path / "reviews")  # read before the decision
        target = screen.selected
        await pilot.press("a", "enter")
        await settle(pilot)
        screen.add_result(fresh, old_snapshot)
        await settle(pilot)
        again = next(f for f in screen.result.findings if f.fingerprint == target.fingerprint)
        assert again.status == "accepted-risk"
        await pilot.press("t", "enter")  # another decision saved: the first must still be in the file
        await settle(pilot)
        path = tmp_path / "reviews" / "northwind-msa.docx.slalint-review.json"
        assert target.fingerprint in json.loads(path.read_text(encoding="utf-8"))["decisions"]
