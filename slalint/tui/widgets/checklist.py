"""The checklist view: every topic of the managed-services checklist, present or not.

One row per topic id of ``spec/topics.md`` (in its order) with its status (present /
absent / unknown), where the provision is and the words that make it. Choosing a present
topic jumps to its section in the Findings view.
"""

from __future__ import annotations

from rich.text import Text
from textual.widgets import DataTable

from slalint.analysis.facts import TOPIC_IDS, Coverage
from slalint.engine.findings import DocumentResult
from slalint.tui.messages import ShowEvidence
from slalint.tui.widgets.styles import COVERAGE_STYLE

QUOTE_WIDTH = 90
"""Characters of the evidence quote shown in the table."""


class ChecklistTable(DataTable):
    """Topics as rows; Enter (or a click) on a present topic posts :class:`ShowEvidence`."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row")
        self.result: DocumentResult | None = None
        """The document whose coverage is shown."""
        self.topics: list[str] = []
        """Topic id of each row."""

    def on_mount(self) -> None:
        self.add_column("Topic", key="topic")
        self.add_column("Status", key="status")
        self.add_column("Sect.", key="section")
        self.add_column("Evidence", key="evidence")

    def show(self, result: DocumentResult | None) -> None:
        """Show the coverage of ``result`` (keeps the cursor row)."""
        row = self.cursor_row
        self.result = result
        self.clear()
        self.topics = []
        coverage = (result.coverage if result is not None else {}) or {}
        topics = list(TOPIC_IDS) + [t for t in coverage if t not in TOPIC_IDS]
        for topic in topics:
            cov = coverage.get(topic) or Coverage("unknown", [])
            ev = cov.evidence[0] if cov.evidence else None
            quote = " ".join(ev.quote.split()) if ev else ""
            if len(quote) > QUOTE_WIDTH:
                quote = quote[: QUOTE_WIDTH - 1] + "…"
            more = f" (+{len(cov.evidence) - 1})" if len(cov.evidence) > 1 else ""
            self.add_row(topic, Text(cov.status, style=COVERAGE_STYLE.get(cov.status, "")),
                         (ev.section or "—") if ev else "", Text(quote + more, no_wrap=True), key=topic)
            self.topics.append(topic)
        counts = {status: sum(1 for t in topics if (coverage.get(t) or Coverage("unknown", [])).status == status)
                  for status in ("present", "absent", "unknown")}
        self.border_title = " · ".join(f"{n} {status}" for status, n in counts.items()) if result is not None else ""
        if self.topics:
            self.move_cursor(row=min(max(row, 0), len(self.topics) - 1), animate=False)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        """Jump to the evidence of the chosen topic."""
        event.stop()
        if self.result is None or event.cursor_row >= len(self.topics):
            return
        topic = self.topics[event.cursor_row]
        cov = (self.result.coverage or {}).get(topic)
        if cov is None or not cov.evidence:
            status = cov.status if cov else "unknown"
            self.notify(f"{topic}: {status}; no provision to show.", severity="warning", timeout=3)
            return
        ev = cov.evidence[0]
        self.post_message(ShowEvidence(self.result.path, ev.section, ev.anchor))
