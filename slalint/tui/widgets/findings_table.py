"""The findings table: one row per finding of the document under review.

Columns are severity, rule code, rule name, section, triage status and message. The
screen gives it the filtered, sorted list; the table tells the screen which finding the
cursor is on (``FindingsTable.FindingHighlighted``).
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual.message import Message
from textual.widgets import DataTable

from slalint.engine.findings import Finding
from slalint.tui.widgets.styles import SEVERITY_MARK, severity_text, status_text

MESSAGE_WIDTH = 100
"""Characters of the message shown in the table (the detail pane has all of it)."""

STATUS_SHORT = {"open": "open", "accepted-risk": "accepted", "false-positive": "false+",
                "to-fix": "to fix", "needs-counsel": "counsel"}
"""Short status words for the table column."""


class FindingsTable(DataTable):
    """Findings as rows; the cursor picks the finding shown in the detail pane."""

    @dataclass
    class FindingHighlighted(Message):
        """The cursor moved to ``finding`` (None when the table is empty)."""

        table: "FindingsTable"
        finding: Finding | None

        @property
        def control(self) -> "FindingsTable":
            return self.table

    @dataclass
    class SortRequested(Message):
        """The reviewer clicked a column heading: sort by ``order``."""

        order: str

    SORT_BY_COLUMN = {"severity": "severity", "code": "code", "name": "code", "section": "position",
                      "status": "status", "message": "position"}
    """Which order a click on each column heading asks for."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=False)
        self.findings: list[Finding] = []
        """The rows, in order."""
        self.compact = False
        """Narrow layout: one-letter severity and no rule-name column."""
        self.sections: dict[int, str] = {}
        """Section shown for findings whose location names none (by id(finding))."""

    def on_mount(self) -> None:
        self._add_columns()

    def _add_columns(self) -> None:
        self.add_column("Sev" if not self.compact else "S", key="severity")
        self.add_column("Code", key="code")
        if not self.compact:
            self.add_column("Rule", key="name")
        self.add_column("Sect.", key="section")
        self.add_column("Status", key="status")
        self.add_column("Message", key="message")

    def set_compact(self, compact: bool) -> None:
        """Switch between the wide and the narrow columns (call set_findings after)."""
        self.compact = compact
        self.clear(columns=True)
        self._add_columns()

    def set_findings(self, findings: list[Finding], keep: Finding | None = None,
                     sections: dict[int, str] | None = None) -> None:
        """Replace the rows; keep the cursor on ``keep`` when it is still listed.
        ``sections`` gives, by id(finding), the section to show when the finding names none."""
        self.findings = list(findings)
        self.sections = sections or {}
        self.clear()
        for i, f in enumerate(self.findings):
            self.add_row(*self._cells(f), key=str(i))
        target = 0
        if keep is not None:
            for i, f in enumerate(self.findings):
                if f is keep:
                    target = i
                    break
        if self.findings:
            self.move_cursor(row=target, animate=False)
        self.post_message(self.FindingHighlighted(self, self.current))

    def _cells(self, f: Finding) -> tuple:
        message = f.message if len(f.message) <= MESSAGE_WIDTH else f.message[: MESSAGE_WIDTH - 1] + "…"
        name = Text(f.name, overflow="ellipsis", no_wrap=True)
        if f.status in ("accepted-risk", "false-positive"):
            name.stylize("dim")
        severity = severity_text(f.severity)
        if self.compact:
            severity = Text(SEVERITY_MARK.get(f.severity, "?"), style=severity.style)
        status = status_text(STATUS_SHORT.get(f.status, f.status)) if f.status != "open" else Text("open", style="dim")
        section = f.location.section or self.sections.get(id(f)) or "—"
        cells = (severity, f.code, name, Text(section, overflow="ellipsis", no_wrap=True), status,
                 Text(message, no_wrap=True))
        return cells if not self.compact else cells[:2] + cells[3:]

    def refresh_finding(self, finding: Finding) -> None:
        """Redraw one row after its triage status changed."""
        for i, f in enumerate(self.findings):
            if f is finding:
                keys = ("severity", "code", "name", "section", "status", "message")
                if self.compact:
                    keys = keys[:2] + keys[3:]
                for key, value in zip(keys, self._cells(f)):
                    self.update_cell(str(i), key, value, update_width=True)

    @property
    def current(self) -> Finding | None:
        """The finding under the cursor."""
        if not self.findings or self.cursor_row < 0 or self.cursor_row >= len(self.findings):
            return None
        return self.findings[self.cursor_row]

    def select_finding(self, finding: Finding) -> bool:
        """Move the cursor to ``finding``; False when it is not listed."""
        for i, f in enumerate(self.findings):
            if f is finding:
                self.move_cursor(row=i, animate=False)
                return True
        return False

    def on_data_table_header_selected(self, event: DataTable.HeaderSelected) -> None:
        event.stop()
        self.post_message(self.SortRequested(self.SORT_BY_COLUMN.get(str(event.column_key.value), "position")))

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        event.stop()
        self.post_message(self.FindingHighlighted(self, self.current))
