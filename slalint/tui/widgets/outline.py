"""The outline: each agreement and its numbered sections, with finding counts.

A reviewer reads the outline like a table of contents that shows where the trouble is:
"6 Termination  4" in red says four findings, at least one an error, sit in clause 6 or
its sub-clauses. Sections are added lazily when a node is expanded, so a 96,000-word
tender document with thousands of clauses appears at once.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual.widgets import Tree
from textual.widgets.tree import TreeNode

from slalint.document.model import Section
from slalint.engine.findings import DocumentResult
from slalint.tui.index import DocumentIndex, display_path
from slalint.tui.widgets.styles import SEVERITY_STYLE

_WORST_NAME = {0: "info", 1: "warning", 2: "error"}

NAME_ROOM = 28
"""Characters a top-level section name may take in the outline before it is shortened."""


@dataclass(frozen=True)
class OutlineNode:
    """What an outline node stands for: a document, or one of its sections."""

    path: str
    section: Section | None = None

    def __hash__(self) -> int:  # sections are mutable dataclasses; identity is enough
        return hash((self.path, id(self.section)))


class OutlineTree(Tree[OutlineNode]):
    """Documents and their section trees; posts Tree.NodeHighlighted as the cursor moves."""

    DEFAULT_CSS = """
    OutlineTree { scrollbar-size-vertical: 1; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__("Agreements", id=id)
        self.show_root = False
        self.guide_depth = 2
        self._doc_nodes: dict[str, TreeNode[OutlineNode]] = {}
        """Document path -> its node."""
        self._indexes: dict[str, DocumentIndex] = {}
        """Document path -> its index (for counts and lazy children)."""
        self._populated: set[int] = set()
        """Ids of nodes whose children were added."""
        self._section_nodes: dict[int, TreeNode[OutlineNode]] = {}
        """id(section) -> node, for sections added so far."""

    # -- building ----------------------------------------------------------------------

    def add_document(self, index: DocumentIndex, all_paths: list[str]) -> TreeNode[OutlineNode]:
        """Add (or replace, after a re-lint) a document and its top-level sections."""
        result = index.result
        old = self._doc_nodes.get(result.path)
        label = self._document_label(result, index, all_paths)
        if old is not None:
            old.remove_children()
            self._populated.discard(id(old))
            old.set_label(label)
            node = old
        else:
            node = self.root.add(label, data=OutlineNode(result.path), expand=False,
                                 allow_expand=result.document is not None)
            self._doc_nodes[result.path] = node
        self._indexes[result.path] = index
        if result.document is not None:
            self._populate(node)
            if len(self._doc_nodes) == 1 or old is not None and old.is_expanded:
                node.expand()  # the first document opens; the others wait to be chosen
        return node

    def relabel_documents(self, all_paths: list[str]) -> None:
        """Refresh document labels (file names gain their folder when two collide)."""
        for path, node in self._doc_nodes.items():
            index = self._indexes[path]
            node.set_label(self._document_label(index.result, index, all_paths))

    def _document_label(self, result: DocumentResult, index: DocumentIndex, all_paths: list[str]) -> Text:
        name = display_path(result.path, all_paths)
        room = NAME_ROOM + 2 - (len(str(len(result.findings))) + 2 if result.findings else 0)
        if len(name) > room:
            name = name[: room - 1] + "…"
        if result.error:
            return Text.assemble((name, "strike dim"), ("  unreadable", "bold red"))
        label = Text(name, style="bold")
        n = len(result.findings)
        if n:
            worst = max((f.severity for f in result.findings), key=lambda s: {"info": 0, "warning": 1, "error": 2}.get(s, 0))
            label.append(f"  {n}", style=SEVERITY_STYLE.get(worst, ""))
        return label

    def _section_label(self, index: DocumentIndex, section: Section) -> Text:
        stats = index.stats_for(section)
        # Keep the count visible in a 34-column outline: shorten the name, not the count.
        room = max(10, NAME_ROOM - 3 * max(0, section.level - 1) - (len(str(stats.count)) + 2 if stats.count else 0))
        name = section.name if len(section.name) <= room else section.name[: room - 1] + "…"
        label = Text(name, no_wrap=True)
        if stats.count:
            label.append(f"  {stats.count}", style=SEVERITY_STYLE.get(_WORST_NAME.get(stats.worst, "info"), ""))
        return label

    def _populate(self, node: TreeNode[OutlineNode]) -> None:
        """Add the children of a document or section node, once."""
        if id(node) in self._populated or node.data is None:
            return
        self._populated.add(id(node))
        index = self._indexes.get(node.data.path)
        if index is None or index.document is None:
            return
        parent = node.data.section or index.document.root
        for child in parent.children:
            has_children = bool(child.children)
            child_node = node.add(self._section_label(index, child), data=OutlineNode(node.data.path, child),
                                  allow_expand=has_children)
            self._section_nodes[id(child)] = child_node

    def on_tree_node_expanded(self, event: Tree.NodeExpanded[OutlineNode]) -> None:
        """Add a section's sub-sections the first time it is opened."""
        self._populate(event.node)

    # -- moving --------------------------------------------------------------------------

    def document_node(self, path: str) -> TreeNode[OutlineNode] | None:
        return self._doc_nodes.get(path)

    def node_for(self, path: str, section: Section | None) -> TreeNode[OutlineNode] | None:
        """The node of a section (expanding and populating its ancestors), or the
        document's node when ``section`` is None or not in the outline."""
        doc_node = self._doc_nodes.get(path)
        if doc_node is None:
            return None
        index = self._indexes[path]
        if section is None:
            if doc_node.allow_expand and not doc_node.is_expanded:
                doc_node.expand()
            return doc_node
        chain = [s for s in reversed(index.ancestors(section, include_self=True)) if s.level >= 1]
        node = doc_node
        for s in chain:
            self._populate(node)
            if not node.is_expanded:
                node.expand()
            found = self._section_nodes.get(id(s))
            if found is None:
                break
            node = found
        return node

    def focus_section(self, path: str, section: Section | None) -> None:
        """Move the cursor to a section of a document (its node is opened as needed)."""
        node = self.node_for(path, section)
        if node is not None:
            getattr(self, "_tree_lines", None)  # rebuild line numbers after expanding
            self.move_cursor(node)
            self.call_after_refresh(self.scroll_to_node, node, animate=False)
