"""How `slalint review` looks: SVG snapshots of the main screens at fixed sizes.

Built from the fixed findings fixture (no linting), with a fixed reviewer and clock, review
files in a temporary folder, and the text cursor's blink frozen, so a snapshot changes only
when the app's look changes. Update with ``pytest tests/tui --snapshot-update`` and look at
the SVGs in ``__snapshots__`` before accepting them.
"""

from __future__ import annotations

import sys
from datetime import datetime, timezone
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent / "fixtures"))

from review_fixture import RULE_DOCS, build_results  # noqa: E402

from slalint.tui.app import make_app  # noqa: E402
from slalint.tui.ruledocs import RuleDocs  # noqa: E402

pytestmark = pytest.mark.tui

WIDE = (160, 50)
NARROW = (80, 24)


@pytest.fixture(autouse=True)
def _no_machine(monkeypatch, tmp_path):
    """Fixed reviewer, no home-folder config, no review-dir override."""
    monkeypatch.setenv("SLALINT_REVIEWER", "Test Reviewer")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.delenv("SLALINT_REVIEW_DIR", raising=False)


@pytest.fixture
def app(tmp_path):
    return make_app(results=build_results(), review_dir=tmp_path / "reviews", rule_docs=RuleDocs(table=RULE_DOCS),
                    clock=lambda: datetime(2026, 3, 2, 9, 30, tzinfo=timezone.utc), reviewer="Test Reviewer")


def _freeze_cursors(pilot) -> None:
    """A blinking text cursor is on or off depending on timing: keep it on."""
    from textual.widgets import Input

    for screen in pilot.app.screen_stack:
        for widget in screen.query(Input):
            widget.cursor_blink = False


def keys(*pressed: str):
    """A run_before that presses keys, lets the app settle and freezes cursors."""

    async def run_before(pilot) -> None:
        for _ in range(3):
            await pilot.pause()
        for key in pressed:
            await pilot.press(key)
            await pilot.pause()
        _freeze_cursors(pilot)
        await pilot.pause()

    return run_before


class TestReviewScreen:
    def test_main_layout(self, app, snap_compare):
        """Outline with counts, findings table, clause text with highlights, detail."""
        assert snap_compare(app, terminal_size=WIDE, run_before=keys("down", "down", "down", "down", "down", "down"))

    def test_checklist(self, app, snap_compare):
        assert snap_compare(app, terminal_size=WIDE, run_before=keys("2"))

    def test_rights(self, app, snap_compare):
        assert snap_compare(app, terminal_size=WIDE, run_before=keys("3"))

    def test_narrow_terminal(self, app, snap_compare):
        """80x24: outline, table and one lower pane."""
        assert snap_compare(app, terminal_size=NARROW, run_before=keys("down", "down"))


class TestDialogs:
    def test_triage_dialog(self, app, snap_compare):
        assert snap_compare(app, terminal_size=WIDE, run_before=keys("down", "down", "a"))

    def test_help(self, app, snap_compare):
        assert snap_compare(app, terminal_size=WIDE, run_before=keys("question_mark"))
