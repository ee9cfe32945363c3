"""The filter bar: one line to narrow the findings table, and how many rows match."""

from __future__ import annotations

from dataclasses import dataclass

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.message import Message
from textual.widgets import Input, Label

PLACEHOLDER = "filter: words  sev:error  pack:sla  topic:termination  status:open  (/)"
"""Shown in the empty filter box: the syntax at a glance."""


class FilterBar(Horizontal):
    """An input for the filter query and a count of matching findings."""

    DEFAULT_CSS = """
    FilterBar { height: 1; }
    FilterBar > Input { width: 1fr; height: 1; border: none; padding: 0 1; }
    FilterBar > Input:focus { border: none; background: $boost; }
    FilterBar > Label { width: auto; padding: 0 1; color: $text-muted; }
    """

    @dataclass
    class Changed(Message):
        """The reviewer changed the filter query."""

        query: str

    @dataclass
    class Done(Message):
        """The reviewer pressed Enter or Escape in the filter box."""

        cleared: bool

    def compose(self) -> ComposeResult:
        yield Input(placeholder=PLACEHOLDER, id="filter-input", compact=True)
        yield Label("", id="filter-count")

    @property
    def query(self) -> str:
        return self.query_one(Input).value

    def set_query(self, value: str) -> None:
        self.query_one(Input).value = value

    def set_count(self, shown: int, total: int, problem: str = "") -> None:
        """Show "shown/total findings" (and a word about a query part not understood)."""
        text = f"{shown}/{total} findings" if shown != total else f"{total} findings"
        if problem:
            text = f"? {problem}  " + text
        self.query_one(Label).update(text)

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self.post_message(self.Changed(event.value))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.post_message(self.Done(cleared=False))

    def on_key(self, event) -> None:
        if event.key == "escape":
            event.stop()
            event.prevent_default()
            self.post_message(self.Done(cleared=True))
