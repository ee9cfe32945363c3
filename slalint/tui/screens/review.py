"""The review screen: outline, findings, clause text and detail; checklist; rights.

Layout (wide terminal)::

    +-- outline --+-- Findings | Checklist | Rights ---------------------------+
    | msa.docx 14 | filter: ...                                  14 findings  |
    |  1 Defin... | Sev  Code  Rule  Sect.  Status  Message                   |
    |  6 Termi. 4 | ...                                                       |
    |             +-- 6 Termination -------------+-- SLA031 one-sided-... ----+
    |             | 6.1 Provider may terminate.. | ERROR SLA031 ...           |
    +-------------+------------------------------+----------------------------+

Attributes down, messages up: the widgets post what the reviewer did (a tree node or a
table row highlighted, a checklist topic chosen) and this screen decides what every other
widget shows. It holds no linting code: results arrive from the app's worker.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Header, Label, ProgressBar, Static, TabbedContent, TabPane, Tree

from slalint.document.model import Section
from slalint.engine.findings import DocumentResult, Finding
from slalint.triage import DECISION_LABELS, Review, ReviewFileError, atomic_write_text, render_markdown_report
from slalint.tui.dialogs.export import ExportDialog
from slalint.tui.dialogs.triage import TriageChoice, TriageDialog
from slalint.tui.filters import SORT_KEYS, FindingFilter, sort_key
from slalint.tui.index import DocumentIndex, describe, display_path
from slalint.tui.messages import DocumentLinted, LintFinished, LintProgress, ShowEvidence
from slalint.tui.widgets.checklist import ChecklistTable
from slalint.tui.widgets.clause_view import ClauseView
from slalint.tui.widgets.filter_bar import FilterBar
from slalint.tui.widgets.finding_detail import FindingDetail
from slalint.tui.widgets.findings_table import FindingsTable
from slalint.tui.widgets.outline import OutlineNode, OutlineTree
from slalint.tui.widgets.rights import RightsTable

if TYPE_CHECKING:
    from slalint.tui.app import SlalintApp

TRIAGE = Binding.Group("Triage", compact=True)
"""Footer group of the four decision keys."""

VIEWS = Binding.Group("Views", compact=True)
"""Footer group of the view keys."""


class ReviewScreen(Screen[None]):
    """The main screen of `slalint review`."""

    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (120, "-wide")]
    """Below 120 columns the clause text and the detail share one pane (toggle with v)."""

    BINDINGS = [
        Binding("question_mark", "app.help", "Help", key_display="?"),
        Binding("slash", "filter", "Filter", key_display="/"),
        Binding("a", "triage('accepted-risk')", "Accept risk", group=TRIAGE),
        Binding("f", "triage('false-positive')", "False positive", group=TRIAGE),
        Binding("t", "triage('to-fix')", "To fix", group=TRIAGE),
        Binding("n", "triage('needs-counsel')", "Needs counsel", group=TRIAGE),
        Binding("u", "reopen", "Reopen (withdraw the decision)", show=False),
        Binding("1", "view('findings')", "Findings", group=VIEWS),
        Binding("2", "view('checklist')", "Checklist", group=VIEWS),
        Binding("3", "view('rights')", "Rights", group=VIEWS),
        Binding("s", "sort", "Sort"),
        Binding("v", "toggle_text", "Text / detail"),
        Binding("o", "toggle_outline", "Outline"),
        Binding("right_square_bracket", "document(1)", "Next document", show=False, key_display="]"),
        Binding("left_square_bracket", "document(-1)", "Previous document", show=False, key_display="["),
        Binding("e", "export_report", "Export"),
        Binding("w", "export_docx", "Write an annotated Word copy", show=False),
        Binding("r", "relint", "Re-lint the files", show=False),
    ]
    """The review keys (the app adds q quit)."""

    HELP_TEXT = {
        "app.help": "This help",
        "filter": "Filter the findings (see Filter below)",
        "triage('accepted-risk')": "Accepted risk: the finding stays, on purpose (stops failing check)",
        "triage('false-positive')": "False positive: the rule is wrong here (stops failing check)",
        "triage('to-fix')": "To fix: the clause must change",
        "triage('needs-counsel')": "Needs counsel: a lawyer must look",
        "view('findings')": "Findings: outline, table, clause text and detail",
        "view('checklist')": "Checklist: each topic present / absent / unknown",
        "view('rights')": "Rights: who may terminate, suspend, amend; whose liability is capped",
        "sort": "Sort the findings: position, severity, code, status",
        "toggle_text": "Give the clause text the whole lower pane (again: back)",
        "toggle_outline": "Show or hide the outline",
        "export_report": "Export a Markdown triage report",
    }
    """Fuller descriptions for the help screen, by action."""

    def __init__(self) -> None:
        super().__init__(id="review")
        self.results: list[DocumentResult] = []
        """Linted documents, in the order they arrived."""
        self.indexes: dict[str, DocumentIndex] = {}
        """Path -> section index."""
        self.reviews: dict[str, Review] = {}
        """Path -> saved decisions."""
        self.review_errors: dict[str, str] = {}
        """Path -> why its review file cannot be used (triage is refused there)."""
        self.current: str | None = None
        """Path of the document under review."""
        self.filter = FindingFilter()
        """The findings filter."""
        self.sort_order = SORT_KEYS[0]
        """The findings table's order."""
        self.selected: Finding | None = None
        """The finding under the table cursor."""
        self.shown_section: Section | None = None
        """The section the clause view shows."""
        self.evidence_anchor: Any = None
        """Evidence the reviewer jumped to (underlined in the clause view)."""
        self._jump_target: Section | None = None
        """The section a jump moved the outline cursor to (its highlight is not re-shown)."""

    @property
    def slalint_app(self) -> "SlalintApp":
        return self.app  # type: ignore[return-value]

    # -- layout ----------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Header(icon="§")
        with Horizontal(id="main"):
            yield OutlineTree(id="outline")
            with TabbedContent(id="views", initial="findings"):
                with TabPane("1 Findings", id="findings"):
                    yield FilterBar(id="filter")
                    yield FindingsTable(id="findings-table")
                    with Horizontal(id="lower"):
                        yield ClauseView(id="clause")
                        yield FindingDetail(id="detail")
                with TabPane("2 Checklist", id="checklist"):
                    yield ChecklistTable(id="checklist-table")
                    yield Static(id="checklist-evidence")
                with TabPane("3 Rights", id="rights"):
                    yield RightsTable(id="rights-table")
                    yield Static(id="rights-facts")
        with Horizontal(id="progress"):
            yield Label("Linting…", id="progress-label")
            yield ProgressBar(id="progress-bar", show_eta=False)
        yield Footer()

    def on_mount(self) -> None:
        """Empty state until the first document arrives."""
        self.query_one("#outline").border_title = "Outline"
        self.query_one("#progress").display = False
        self.query_one(ClauseView).show_message("No document yet", "Linting has started; documents appear here as they are read.")
        self.query_one(FindingDetail).show(None)
        self.query_one(FindingsTable).focus()

    # -- results arriving ----------------------------------------------------------------

    def on_lint_progress(self, message: LintProgress) -> None:
        """Show which file the worker is on."""
        bar = self.query_one("#progress")
        bar.display = True
        self.query_one("#progress-bar", ProgressBar).update(total=max(message.total, 1), progress=message.done)
        self.query_one("#progress-label", Label).update(
            f"Linting {message.done + 1}/{message.total}: {display_path(message.path)} ")

    def on_document_linted(self, message: DocumentLinted) -> None:
        """A file was linted: show it."""
        self.add_result(message.result, message.review, message.review_error)

    def on_lint_finished(self, message: LintFinished) -> None:
        """Hide the progress bar and say what was found."""
        self.query_one("#progress").display = False
        errors = sum(1 for r in self.results if r.error)
        findings = sum(len(r.findings) for r in self.results)
        if message.cancelled:
            return
        text = f"Linted {message.count} file{'s' if message.count != 1 else ''} in {message.seconds:.1f} s: {findings} findings"
        if errors:
            text += f", {errors} unreadable"
        self.notify(text, timeout=4)
        if not self.results:
            self.query_one(ClauseView).show_message("Nothing to review", "No .docx, .md or .txt files were found.")

    def add_result(self, result: DocumentResult, review: Review | None, review_error: str | None = None) -> None:
        """Show a linted document (replacing an earlier result for the same path)."""
        replacing = result.path in self.indexes
        if replacing:
            self.results = [result if r.path == result.path else r for r in self.results]
        else:
            self.results.append(result)
        known = self.reviews.get(result.path)
        if known is not None and not review_error:
            # The review in memory holds every decision saved since the worker read the
            # file; keep it (a re-lint must never roll decisions back) and re-attach it.
            known.sha256 = result.sha256 or known.sha256
            stale = known.apply(result.findings)
            if stale:
                self.notify(f"{display_path(result.path)}: {len(stale)} decision{'s' if len(stale) != 1 else ''} "
                            "kept as stale (finding gone after the edit).", timeout=5)
        elif review is not None:
            self.reviews[result.path] = review
        index = DocumentIndex.build(result)
        self.indexes[result.path] = index
        if review_error:
            self.review_errors[result.path] = review_error
            self.notify(review_error, severity="error", timeout=8)
        else:
            self.review_errors.pop(result.path, None)
        tree = self.query_one(OutlineTree)
        paths = [r.path for r in self.results]
        tree.add_document(index, paths)
        if len(paths) > 1:
            tree.relabel_documents(paths)
        if self.current is None:
            self.select_document(result.path)
            tree.focus_section(result.path, None)
        elif self.current == result.path:
            keep = self.selected.fingerprint if self.selected is not None else None
            self.selected = None
            self.shown_section = None
            self.select_document(result.path, keep_fingerprint=keep)

    # -- documents -----------------------------------------------------------------------

    @property
    def result(self) -> DocumentResult | None:
        """The document under review."""
        return next((r for r in self.results if r.path == self.current), None)

    def select_document(self, path: str, keep_fingerprint: str | None = None) -> None:
        """Review another document: refill the table, checklist and rights."""
        changed = path != self.current
        self.current = path
        result = self.result
        if result is None:
            return
        self.sub_title = display_path(path) + (f" ({result.kind})" if result.kind and result.kind != "other" else "")
        self.evidence_anchor = None
        if changed:
            self.shown_section = None
        self.refresh_table(keep_fingerprint=keep_fingerprint)
        self.query_one(ChecklistTable).show(result)
        self.query_one(RightsTable).show(result)
        self._show_facts(result)
        if result.error:
            self.query_one(ClauseView).show_message(display_path(path), f"This file could not be read.\n\n{result.error}")
        elif not result.findings and result.document is not None:
            self._show_overview(result)

    def _show_overview(self, result: DocumentResult) -> None:
        doc = result.document
        words = getattr(getattr(doc, "metadata", None), "word_count", 0)
        sections = sum(1 for _ in doc.sections()) if doc is not None else 0
        parts = [f"{len(result.findings)} findings, {sections} sections" + (f", {words:,} words" if words else "") + "."]
        review = self.reviews.get(result.path)
        if review is not None and review.decisions:
            stale = review.stale()
            parts.append(f"{len(review.decisions)} decisions saved in {review.path.name}"
                         + (f" ({len(stale)} stale: their finding is gone)" if stale else "") + ".")
        parts.append("Choose a section in the outline, or a finding in the table.")
        title = (doc.title if doc is not None else "") or display_path(result.path)
        self.query_one(ClauseView).show_message(title, "\n".join(parts))

    def _show_facts(self, result: DocumentResult) -> None:
        facts = result.facts or {}
        lines: list[Content] = []
        parties = facts.get("parties") or []
        if parties:
            names = [f"{p.get('name')} ({p.get('role') or 'role unknown'})" if isinstance(p, dict) else str(p) for p in parties]
            lines.append(Content.assemble(("Parties: ", "bold"), "; ".join(names)))
        for key, label in (("termination_for_cause_by", "Termination for cause by"),
                           ("termination_for_convenience_by", "Termination for convenience by"),
                           ("auto_renews", "Renews automatically"),
                           ("renewal_notice_stated", "Renewal notice stated"),
                           ("service_levels_have_remedy", "Service levels have a remedy")):
            if key in facts:
                lines.append(Content.assemble((f"{label}: ", "bold"), describe(facts[key])))
        if not lines:
            lines.append(Content.styled("No document facts.", "$text-muted"))
        lines.append(Content.styled("Enter on a cell shows the clause.", "$text-muted"))
        self.query_one("#rights-facts", Static).update(Content("\n").join(lines))

    # -- findings table --------------------------------------------------------------------

    def visible_findings(self) -> list[Finding]:
        """The current document's findings that pass the filter, in the chosen order."""
        result = self.result
        if result is None:
            return []
        items = [(0, f) for f in result.findings if self.filter.matches(f)]
        items.sort(key=sort_key(self.sort_order))
        return [f for _, f in items]

    def refresh_table(self, keep_fingerprint: str | None = None) -> None:
        """Refill the findings table after a filter, sort or document change."""
        table = self.query_one(FindingsTable)
        findings = self.visible_findings()
        keep = self.selected
        if keep_fingerprint is not None:
            keep = next((f for f in findings if f.fingerprint == keep_fingerprint), None)
        table.set_findings(findings, keep=keep, sections=self._fallback_sections(findings))
        total = len(self.result.findings) if self.result is not None else 0
        self.query_one(FilterBar).set_count(len(findings), total, " ".join(self.filter.errors))
        table.border_subtitle = f"sorted by {self.sort_order}"
        if not findings:
            self.selected = None
            empty = "No findings match the filter." if total else "No findings in this document."
            self.query_one(FindingDetail).show(None, empty=empty)

    def _fallback_sections(self, findings: list[Finding]) -> dict[int, str]:
        """For findings that name no section but are anchored in one: that section."""
        index = self.indexes.get(self.current or "")
        out: dict[int, str] = {}
        if index is None:
            return out
        for f in findings:
            if not f.location.section and f.location.anchor is not None:
                s = index.section_of(f)
                if s is not None and s.level >= 1:
                    out[id(f)] = s.ref or s.label or s.title
                elif s is not None:
                    out[id(f)] = "preamble"
        return out

    def on_findings_table_finding_highlighted(self, message: FindingsTable.FindingHighlighted) -> None:
        """The table cursor moved: show that finding in the detail pane and in its text."""
        finding = message.finding
        if finding is None:
            return
        self.selected = finding
        self._show_detail(finding)
        self._show_finding_text(finding)

    def _show_detail(self, finding: Finding) -> None:
        review = self.reviews.get(self.current or "")
        decision = review.decisions.get(finding.fingerprint) if review is not None else None
        docs = self.slalint_app.rule_docs.get(finding)
        where = None
        index = self.indexes.get(self.current or "")
        if index is not None and not finding.location.section:
            s = index.section_of(finding)
            where = (s.name if s.level >= 1 else "the preamble") if s is not None else None
        self.query_one(FindingDetail).show(finding, docs, decision, where=where)

    def _show_finding_text(self, finding: Finding) -> None:
        index = self.indexes.get(self.current or "")
        clause = self.query_one(ClauseView)
        if index is None or index.document is None:
            return
        section = index.section_of(finding)
        if section is None:
            clause.show_message("The agreement as a whole",
                                f"{finding.message}\n\nThis finding is about something the agreement lacks, "
                                "so there are no words to highlight. The detail pane suggests a clause.")
            self.shown_section = None
            return
        if self.shown_section is None or not index.displays(self.shown_section, section):
            self.shown_section = index.context_section(section)
            self.evidence_anchor = None
        shown = self.shown_section
        clause.show(shown, index.findings_in(shown), selected=finding, evidence=self._evidence_in(index, shown))

    def _evidence_in(self, index: DocumentIndex, section: Section) -> Any:
        anchor = self.evidence_anchor
        if anchor is None:
            return None
        holder = index.section_of_anchor(anchor)
        return anchor if holder is not None and index.displays(section, holder) else None

    # -- outline -----------------------------------------------------------------------------

    def on_tree_node_highlighted(self, event: Tree.NodeHighlighted[OutlineNode]) -> None:
        """The outline cursor moved: show that document or section."""
        data = event.node.data
        if data is None:
            return
        if data.path != self.current:
            self.select_document(data.path)
        result = self.result
        if result is None or result.error:
            return
        index = self.indexes[data.path]
        if data.section is None:
            self.shown_section = None
            self._show_overview(result)
            return
        section = data.section
        if self._jump_target is section:
            self._jump_target = None  # the jump already shows it, evidence underlined
            return
        self.shown_section = section
        selected = self.selected if self.selected is not None and (s := index.section_of(self.selected)) is not None \
            and index.displays(section, s) else None
        self.query_one(ClauseView).show(section, index.findings_in(section), selected=selected,
                                        evidence=self._evidence_in(index, section))
        if selected is None:
            self._select_first_finding_in(index, section)

    def _select_first_finding_in(self, index: Any, section: Any) -> None:
        """Select, in the findings table, the first finding shown with ``section``."""
        table = self.query_one(FindingsTable)
        for f in table.findings:
            s = index.section_of(f)
            if s is not None and index.displays(section, s):
                table.select_finding(f)
                break

    def on_tree_node_selected(self, event: Tree.NodeSelected[OutlineNode]) -> None:
        """Enter on a section: read it (focus the clause text)."""
        if event.node.data is not None and event.node.data.section is not None:
            self.query_one(ClauseView).focus()

    # -- jumping from checklist and rights -------------------------------------------------------

    def on_show_evidence(self, message: ShowEvidence) -> None:
        """The checklist or rights view asked to show a clause."""
        self.show_evidence(message.path, message.section_ref, message.anchor)

    def show_evidence(self, path: str, section_ref: str | None, anchor: Any) -> None:
        """Show a place of a document in the Findings view, evidence underlined."""
        index = self.indexes.get(path)
        if index is None or index.document is None:
            return
        if path != self.current:
            self.select_document(path)
        section = index.section_of_anchor(anchor, section_ref)
        self.query_one(TabbedContent).active = "findings"
        if section is None:
            self.notify(f"Section {section_ref or '?'} is not in the outline.", severity="warning")
            return
        self.evidence_anchor = anchor
        self.shown_section = index.context_section(section)
        self.query_one(ClauseView).show(self.shown_section, index.findings_in(self.shown_section),
                                        evidence=anchor)
        self._jump_target = section
        self.query_one(OutlineTree).focus_section(path, section)
        self._select_first_finding_in(index, section)
        self.query_one(ClauseView).focus()

    # -- actions -----------------------------------------------------------------------------

    def action_filter(self) -> None:
        """Focus the filter box."""
        self.query_one(TabbedContent).active = "findings"
        self.query_one("#filter-input").focus()

    def on_filter_bar_changed(self, message: FilterBar.Changed) -> None:
        """Re-filter the table as the reviewer types."""
        self.filter = FindingFilter.parse(message.query)
        self.refresh_table()

    def on_filter_bar_done(self, message: FilterBar.Done) -> None:
        """Enter keeps the filter, Escape clears it; both go back to the table."""
        if message.cleared and self.query_one(FilterBar).query:
            self.query_one(FilterBar).set_query("")
        self.query_one(FindingsTable).focus()

    def action_sort(self) -> None:
        """Cycle the table order: position, severity, code, status."""
        self.sort_order = SORT_KEYS[(SORT_KEYS.index(self.sort_order) + 1) % len(SORT_KEYS)]
        self.refresh_table()
        self.notify(f"Findings sorted by {self.sort_order}.", timeout=2)

    def on_data_table_row_highlighted(self, event) -> None:
        """The checklist cursor moved: list every piece of evidence for that topic."""
        if event.data_table.id != "checklist-table":
            return
        checklist = self.query_one(ChecklistTable)
        result = checklist.result
        row = event.cursor_row
        if result is None or not (0 <= row < len(checklist.topics)):
            return
        topic = checklist.topics[row]
        cov = (result.coverage or {}).get(topic)
        lines = [Content.assemble((topic, "bold"), ": ", cov.status if cov else "unknown")]
        for ev in (cov.evidence if cov else [])[:6]:
            where = f"{ev.section} {ev.title}".strip() if ev.section else (ev.title or "(preamble)")
            quote = " ".join(ev.quote.split())
            lines.append(Content.assemble(("  " + where + ": ", "$text-muted"), f"\u201c{quote[:200]}\u201d"))
        if cov is not None and cov.status == "present":
            lines.append(Content.styled("Enter shows the clause.", "$text-muted"))
        self.query_one("#checklist-evidence", Static).update(Content("\n").join(lines))

    def on_findings_table_sort_requested(self, message: FindingsTable.SortRequested) -> None:
        """A column heading was clicked."""
        self.sort_order = message.order
        self.refresh_table()

    def action_view(self, view: str) -> None:
        """Switch to the Findings, Checklist or Rights view."""
        self.query_one(TabbedContent).active = view
        target = {"findings": "#findings-table", "checklist": "#checklist-table", "rights": "#rights-table"}[view]
        self.query_one(target).focus()

    def action_toggle_text(self) -> None:
        """Wide: give the clause text the whole lower pane. Narrow: switch the lower pane
        between the detail and the text."""
        self.toggle_class("-text-only")

    def action_toggle_outline(self) -> None:
        """Hide the outline (wide) or show it (narrow)."""
        self.toggle_class("-outline-toggled")

    def on_resize(self, event) -> None:
        """Below 120 columns the table drops the rule-name column (the detail pane has it)."""
        table = self.query_one(FindingsTable)
        compact = event.size.width < 120
        if table.compact != compact:
            table.set_compact(compact)
            self.refresh_table()

    def action_document(self, step: int) -> None:
        """Review the next (1) or previous (-1) document."""
        if not self.results:
            return
        paths = [r.path for r in self.results]
        i = paths.index(self.current) if self.current in paths else 0
        path = paths[(i + step) % len(paths)]
        self.query_one(OutlineTree).focus_section(path, None)

    def action_triage(self, status: str) -> None:
        """Open the triage dialog for the finding under the cursor."""
        finding = self._triage_target()
        if finding is None:
            return

        def decided(choice: TriageChoice | None) -> None:
            if choice is not None:
                self.record_decision(finding, choice.status, choice.note)

        self.app.push_screen(TriageDialog(finding, status), decided)

    def action_reopen(self) -> None:
        """Withdraw the decision on the finding under the cursor."""
        finding = self._triage_target()
        if finding is not None and finding.status != "open":
            self.record_decision(finding, "open", "")

    def _triage_target(self) -> Finding | None:
        if self.query_one(TabbedContent).active != "findings":
            self.notify("Triage works on the Findings view (press 1).", severity="warning", timeout=3)
            return None
        finding = self.query_one(FindingsTable).current
        if finding is None:
            self.notify("No finding selected.", severity="warning", timeout=3)
            return None
        if self.current in self.review_errors:
            self.notify(f"Decisions cannot be saved: {self.review_errors[self.current]}", severity="error")
            return None
        return finding

    def record_decision(self, finding: Finding, status: str, note: str) -> None:
        """Record a decision and save the review file at once (atomically)."""
        path = self.current
        result = self.result
        if path is None or result is None:
            return
        app = self.slalint_app
        review = self.reviews.get(path)
        if review is None:
            from slalint.triage import load_review

            try:
                review = load_review(result, app.review_dir, app.config)
            except ReviewFileError as exc:
                self.review_errors[path] = str(exc)
                self.notify(str(exc), severity="error")
                return
            self.reviews[path] = review
        before = (finding.status, finding.note, review.decisions.get(finding.fingerprint))
        review.decide(finding, status, note, reviewer=app.reviewer, when=app.clock())
        try:
            review.save()
        except ReviewFileError as exc:
            finding.status, finding.note = before[0], before[1]
            if before[2] is not None:
                review.decisions[finding.fingerprint] = before[2]
            else:
                review.decisions.pop(finding.fingerprint, None)
            self.notify(str(exc), severity="error", timeout=8)
            return
        table = self.query_one(FindingsTable)
        table.refresh_finding(finding)
        self._show_detail(finding)
        label = DECISION_LABELS.get(status, status)
        self.notify(f"{finding.code}: {label}. Saved to {review.path.name}", timeout=3)
        if status != "open" and table.cursor_row < len(table.findings) - 1:
            table.move_cursor(row=table.cursor_row + 1, animate=False)

    def action_relint(self) -> None:
        """Lint the files again (after an edit); decisions stay attached by fingerprint."""
        paths = [r.path for r in self.results] or list(self.slalint_app.paths)
        if not paths:
            self.notify("Nothing to re-lint: this review was opened from a saved result.", severity="warning")
            return
        self.slalint_app.start_lint(paths)

    def action_export_report(self) -> None:
        """Ask where to write the Markdown triage report."""
        if not self.results:
            return
        default = self._default_output("slalint-triage-report.md", ".triage.md")

        def chosen(path: str | None) -> None:
            if path:
                self.export_report(path)

        self.app.push_screen(ExportDialog("Export triage report",
                                          "A Markdown report of every finding and decision.", default), chosen)

    def _default_output(self, many: str, suffix: str) -> str:
        if len(self.results) == 1:
            return self.results[0].path + suffix
        folders = {str(Path(r.path).parent) for r in self.results}
        base = folders.pop() if len(folders) == 1 else "."
        return str(Path(base) / many)

    def export_report(self, path: str) -> None:
        """Write the Markdown triage report (atomically)."""
        text = render_markdown_report(self.results, self.reviews, generated=self.slalint_app.clock().date().isoformat())
        try:
            atomic_write_text(path, text)
        except OSError as exc:
            self.notify(f"{path}: cannot write the report ({exc.strerror or exc})", severity="error")
            return
        self.notify(f"Wrote {path}", timeout=4)

    def action_export_docx(self) -> None:
        """Ask where to write an annotated Word copy of the agreement."""
        result = self.result
        if result is None or result.error:
            return
        if result.format != "docx" and not result.path.lower().endswith(".docx"):
            self.notify("Annotated copies are made of .docx agreements only.", severity="warning")
            return
        import importlib.util

        if importlib.util.find_spec("slalint.annotate") is None:  # another feature; may be absent
            self.notify("Annotated Word copies are not available in this installation.", severity="warning")
            return
        stem = result.path[:-5] if result.path.lower().endswith(".docx") else result.path
        default = stem + ".annotated.docx"

        def chosen(path: str | None) -> None:
            if path:
                self.slalint_app.write_annotated(result, path)

        self.app.push_screen(ExportDialog("Write annotated Word copy",
                                          "A copy of the agreement with a Word comment on each finding "
                                          "(false positives left out). The original is not changed.", default), chosen)
