"""In-document suppressions: `slalint: ignore CODE reason`.

Markdown: `<!-- slalint: ignore SLA014 reason -->` (the reader anchors the comment on the
next block). DOCX: a Word comment whose text starts `slalint: ignore SLA014`, anchored on
the clause. Targets are codes or rule names, comma-separated. Scope: the section holding
the anchored paragraph and its sub-sections; the whole document when the comment sits
before the first section heading (or on the document's unnumbered title heading) or says
`ignore-document`. Suppressions that hide
nothing are reported (LINT002), as are those naming no known rule (LINT003).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from slalint.document import Comment, Document, Section
from slalint.engine.context import DocIndex
from slalint.engine.findings import Finding

_DIRECTIVE = re.compile(r"^\s*slalint\s*:\s*(ignore-document|ignore)\b\s*(?P<targets>[^\s]*)\s*(?P<reason>.*)$", re.I | re.S)


@dataclass
class Suppression:
    """One `slalint: ignore` directive, where it applies, and what it suppressed."""

    targets: tuple[str, ...]
    reason: str
    comment: Comment
    section: Section | None
    """None: the whole document."""
    used: set[str] = field(default_factory=set)

    def covers(self, finding: Finding, index: DocIndex, rule_names: dict[str, str]) -> list[str]:
        """The targets (code and/or name) that match ``finding`` here; empty when none."""
        code = finding.code.lower()
        name = (finding.name or rule_names.get(finding.code, "")).lower()
        targets = [t for t in self.targets if t.lower() in (code, name)]
        if not targets:
            return []
        if self.section is None:
            return targets
        anchor = finding.location.anchor
        if anchor is None:
            return []
        return targets if index.is_within(index.section_of(anchor), [self.section]) else []


def parse_suppressions(document: Document, index: DocIndex) -> list[Suppression]:
    out: list[Suppression] = []
    for c in document.comments:
        m = _DIRECTIVE.match(c.text or "")
        if not m:
            continue
        targets = tuple(t for t in re.split(r"[,;]+", m.group("targets")) if t)
        section = index.section_of(c.anchor)
        first = next(iter(document.root.children), None)
        is_title = (section is first and section is not None and not section.label and section.heading is not None
                    and section.heading.anchor.paragraph == c.anchor.paragraph and section.heading.anchor.part == c.anchor.part)
        whole = m.group(1).lower() == "ignore-document" or section is None or section is document.root or is_title
        out.append(Suppression(targets, " ".join(m.group("reason").split()), c, None if whole else section))
    return out
