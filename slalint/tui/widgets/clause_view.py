"""The clause view: a section's text as the drafter wrote it, with findings' words marked.

The words a finding quotes are highlighted in the colour of its severity (the anchor's
character span within the paragraph); the finding under the cursor is shown in reverse,
and evidence the reviewer jumped to from the checklist is underlined. Long sections are
cut after a few hundred paragraphs so a whole schedule never blocks the screen.
"""

from __future__ import annotations

from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static

from slalint.document import Anchor
from slalint.document.model import Paragraph, Section, Table
from slalint.engine.findings import Finding
from slalint.tui.index import paragraph_key
from slalint.tui.widgets.styles import EVIDENCE_HIGHLIGHT, HIGHLIGHT, SELECTED_HIGHLIGHT

MAX_PARAGRAPHS = 100
"""Paragraphs shown at most for one section."""


class ClauseView(VerticalScroll, can_focus=True):
    """Shows one section's text, findings highlighted; scrolls to the selected finding."""

    DEFAULT_CSS = """
    ClauseView > Static { padding: 0 1 0 0; }
    ClauseView > .clause-heading { text-style: bold; color: $text-primary; }
    ClauseView > .clause-title { text-style: bold; margin-bottom: 1; }
    ClauseView > .clause-table { color: $text-muted; }
    ClauseView > .clause-note { color: $text-muted; text-style: italic; margin-top: 1; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.section: Section | None = None
        """The section shown."""
        self._key: tuple | None = None
        """What is shown (section, selection, evidence), to skip needless re-renders."""
        self._para_widgets: dict[tuple[str, int], Static] = {}
        """Paragraph key -> its widget, for scrolling."""

    def show_message(self, title: str, text: str) -> None:
        """Show a note instead of a section (a document-level finding, a read error)."""
        key = ("message", title, text)
        if key == self._key:
            return
        self._key = key
        self.section = None
        self._para_widgets = {}
        self.remove_children()
        self.mount(Static(Content(title), classes="clause-title"), Static(Content(text), classes="clause-note"))
        self.border_title = title

    def show(self, section: Section, findings: list[Finding], selected: Finding | None = None,
             evidence: Anchor | None = None, depth_base: int | None = None) -> None:
        """Show ``section`` (with its sub-sections), marking ``findings``; scroll to the
        selected finding or the evidence anchor."""
        key = (id(section), tuple(id(f) for f in findings), id(selected) if selected else None,
               (evidence.part, evidence.paragraph, evidence.start, evidence.end) if evidence else None)
        if key == self._key:
            self._scroll_to_mark(selected, evidence)
            return
        same_section = self.section is section and self._para_widgets
        self._key = key
        marks: dict[tuple[str, int], list[tuple[int, int | None, str]]] = {}
        for f in findings:
            a = f.location.anchor
            if a is None:
                continue
            style = SELECTED_HIGHLIGHT if f is selected else HIGHLIGHT.get(f.severity, HIGHLIGHT["info"])
            marks.setdefault(paragraph_key(a), []).append((a.start, a.end, style))
        if evidence is not None:
            marks.setdefault(paragraph_key(evidence), []).append((evidence.start, evidence.end, EVIDENCE_HIGHLIGHT))
        self.border_title = section.name
        if same_section:
            # Only the marks changed: update the paragraphs in place.
            for pkey, widget in self._para_widgets.items():
                para = getattr(widget, "_slalint_paragraph", None)
                if para is not None:
                    widget.update(_render(para, marks.get(pkey, []), getattr(widget, "_slalint_indent", 0)))
            self._scroll_to_mark(selected, evidence)
            return
        self.section = section
        self._para_widgets = {}
        self.remove_children()
        base = section.level if depth_base is None else depth_base
        widgets: list[Static] = []
        count = 0
        truncated = False
        # The root (preamble) shows its own blocks only, not the whole agreement.
        for sec in (section.walk() if section.level >= 1 else [section]):
            if count >= MAX_PARAGRAPHS:
                truncated = True
                break
            indent = max(0, sec.level - base)
            if sec.heading is not None:
                w = self._paragraph_widget(sec.heading, marks, indent, "clause-heading")
                widgets.append(w)
                count += 1
            for block in sec.blocks:
                if count >= MAX_PARAGRAPHS:
                    truncated = True
                    break
                if isinstance(block, Table):
                    for row in block.rows:
                        cells = " | ".join(c.text.replace("\n", " ") for c in row.cells)
                        widgets.append(Static(Content("  " * indent + cells), classes="clause-table"))
                        for cell in row.cells:
                            for p in cell.paragraphs:
                                self._para_widgets.setdefault(paragraph_key(p.anchor), widgets[-1])
                        count += 1
                else:
                    widgets.append(self._paragraph_widget(block, marks, indent))
                    count += 1
            if truncated:
                break
        if truncated:
            widgets.append(Static(Content(f"(section cut after {MAX_PARAGRAPHS} paragraphs; "
                                          "open its sub-sections in the outline)"), classes="clause-note"))
        if not widgets:
            widgets.append(Static(Content("(this section has no text of its own)"), classes="clause-note"))
        self.mount_all(widgets)
        self.scroll_home(animate=False)
        self.call_after_refresh(self._scroll_to_mark, selected, evidence)

    def _paragraph_widget(self, para: Paragraph, marks: dict, indent: int, classes: str = "") -> Static:
        widget = Static(_render(para, marks.get(paragraph_key(para.anchor), []), indent), classes=classes)
        widget._slalint_paragraph = para  # type: ignore[attr-defined]
        widget._slalint_indent = indent  # type: ignore[attr-defined]
        self._para_widgets[paragraph_key(para.anchor)] = widget
        return widget

    def _scroll_to_mark(self, selected: Finding | None, evidence: Anchor | None) -> None:
        anchor = selected.location.anchor if selected is not None else evidence
        if anchor is None:
            return
        widget = self._para_widgets.get(paragraph_key(anchor))
        if widget is not None and widget.is_mounted:
            self.scroll_to_widget(widget, animate=False, top=False)


def _render(para: Paragraph, marks: list[tuple[int, int | None, str]], indent: int) -> Content:
    """A paragraph as Content: indent, label, text, then the marks over the text."""
    prefix = "  " * indent + (f"{para.label} " if para.label else "")
    content = Content(prefix + para.text)
    if para.label:
        content = content.stylize("bold", len("  " * indent), len(prefix))
    for start, end, style in sorted(marks, key=lambda m: m[2] == SELECTED_HIGHLIGHT):
        s = len(prefix) + max(0, start)
        e = len(prefix) + (len(para.text) if end is None else min(end, len(para.text)))
        if e > s:
            content = content.stylize(style, s, e)
    return content
