"""The rights view: per party, who may walk away, suspend, change the deal, and whose
liability is capped.

The one-sidedness a reviewer looks for at a glance: if only the provider may terminate
for convenience, suspend without notice or amend the terms, and only the provider's
liability is capped, the customer carries the risk. Built from the analysis's
rights-and-duties statements, falling back to the document facts.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from rich.text import Text
from textual.widgets import DataTable

from slalint.analysis.facts import Evidence
from slalint.engine.findings import DocumentResult
from slalint.tui.messages import ShowEvidence

RIGHTS: tuple[tuple[str, frozenset[str], frozenset[str], str | None], ...] = (
    ("Terminate for cause", frozenset({"terminate_for_cause", "terminate"}), frozenset({"right"}), "termination_for_cause_by"),
    ("Terminate for convenience", frozenset({"terminate_for_convenience"}), frozenset({"right"}), "termination_for_convenience_by"),
    ("Suspend the services", frozenset({"suspend"}), frozenset({"right"}), None),
    ("Change the agreement", frozenset({"modify"}), frozenset({"right"}), None),
    ("Liability capped", frozenset({"limit_liability"}), frozenset({"right", "obligation", "prohibition"}), None),
    ("Indemnifies the other", frozenset({"indemnify"}), frozenset({"obligation"}), None),
)
"""Rows: label, statement actions, modalities that count, and the fact that backs it up."""

QUALIFIER_WORDS = {"sole_discretion": "sole discretion", "without_notice": "without notice",
                   "at_any_time": "at any time"}
"""Qualifiers worth a warning in a cell."""


@dataclass
class RightCell:
    """Whether a party holds a right, and the statements that say so."""

    held: bool = False
    evidence: list[Evidence] = field(default_factory=list)
    qualifiers: set[str] = field(default_factory=set)
    from_facts: bool = False


def rights_grid(result: DocumentResult) -> tuple[list[str], dict[str, dict[str, RightCell]]]:
    """Party columns (provider, customer, then other named bearers) and, per right label
    and party, the cell."""
    analysis: Any = result.analysis
    statements = list(getattr(analysis, "statements", []) or [])
    parties = ["provider", "customer"]
    grid: dict[str, dict[str, RightCell]] = {label: {} for label, *_ in RIGHTS}
    for label, actions, modalities, _fact in RIGHTS:
        for st in statements:
            if st.action not in actions or st.modality not in modalities or not st.bearer:
                continue
            bearers = ["provider", "customer"] if st.bearer == "both" else [st.bearer]
            for b in bearers:
                if b not in parties:
                    parties.append(b)
                cell = grid[label].setdefault(b, RightCell())
                cell.held = True
                cell.evidence.append(st.evidence)
                cell.qualifiers |= {q for q in st.qualifiers if q in QUALIFIER_WORDS}
    facts = result.facts or getattr(analysis, "facts", {}) or {}
    for label, _actions, _modalities, fact in RIGHTS:
        value = facts.get(fact) if fact else None
        if not isinstance(value, str):
            continue
        holders = {"both": ["provider", "customer"], "provider": ["provider"], "customer": ["customer"]}.get(value, [])
        for b in holders:
            cell = grid[label].setdefault(b, RightCell())
            if not cell.held:
                cell.held, cell.from_facts = True, True
    return parties, grid


def party_heading(role: str, result: DocumentResult) -> str:
    """A column heading: the role, with the party's name when the analysis found it."""
    for p in getattr(result.analysis, "parties", []) or []:
        if p.role == role or p.name == role:
            alias = p.aliases[0] if p.aliases else role.title()
            if p.name == alias or len(p.name) > 28:
                return alias
            return f"{alias} ({p.name})"
    return role.title() if role in ("provider", "customer") else role


class RightsTable(DataTable):
    """Rights as rows, parties as columns; choosing a cell jumps to its evidence."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="cell")
        self.result: DocumentResult | None = None
        """The document shown."""
        self.parties: list[str] = []
        """The party of each column after the first two."""
        self.grid: dict[str, dict[str, RightCell]] = {}
        """Right label -> party -> cell."""

    def show(self, result: DocumentResult | None) -> None:
        """Show the rights of ``result``."""
        self.result = result
        self.clear(columns=True)
        if result is None or result.error:
            self.parties, self.grid = [], {}
            return
        self.parties, self.grid = rights_grid(result)
        self.add_column("Right", key="right")
        self.add_column("Balance", key="balance")
        for party in self.parties:
            self.add_column(party_heading(party, result), key=f"party:{party}")
        for label, *_ in RIGHTS:
            cells = self.grid.get(label, {})
            pc = [cells.get(p, RightCell()) for p in ("provider", "customer")]
            if pc[0].held and pc[1].held:
                balance = Text("mutual", style="green")
            elif pc[0].held or pc[1].held:
                who = "provider" if pc[0].held else "customer"
                balance = Text(f"{who} only", style="bold red" if label != "Indemnifies the other" else "yellow")
            else:
                balance = Text("nobody", style="dim")
            row = [Text(label, style="bold"), balance]
            for party in self.parties:
                row.append(self._cell_text(cells.get(party, RightCell())))
            self.add_row(*row, key=label)
        self.move_cursor(row=0, column=2, animate=False)

    @staticmethod
    def _cell_text(cell: RightCell) -> Text:
        if not cell.held:
            return Text("—", style="dim")
        refs = sorted({e.section for e in cell.evidence if e.section})
        text = Text("yes", style="bold")
        if refs:
            text.append(" " + ", ".join(refs[:3]) + ("…" if len(refs) > 3 else ""))
        elif cell.from_facts:
            text.append(" (facts)", style="dim")
        if cell.qualifiers:
            text.append(" " + ", ".join(QUALIFIER_WORDS[q] for q in sorted(cell.qualifiers)), style="yellow")
        return text

    def on_data_table_cell_selected(self, event: DataTable.CellSelected) -> None:
        """Jump to the evidence of the chosen right."""
        event.stop()
        if self.result is None:
            return
        column = event.coordinate.column - 2
        row = event.coordinate.row
        if column < 0 or row >= len(RIGHTS) or column >= len(self.parties):
            return
        cell = self.grid.get(RIGHTS[row][0], {}).get(self.parties[column])
        if cell is None or not cell.evidence:
            self.notify("No clause to show for this cell.", timeout=3)
            return
        ev = cell.evidence[0]
        self.post_message(ShowEvidence(self.result.path, ev.section, ev.anchor))
