"""Where each finding's comment goes: the quoted words, or the most relevant heading.

A finding about words in the agreement ("the Provider may suspend the Services at any
time") is anchored on exactly those words. A finding about something *missing* (no
exclusions, no renewal notice) has no words to point at; a reviewer expects the note where
the provision belongs: on the heading of the section dealing with the topic or its nearest
neighbour (missing exclusions -> the service-levels section; missing renewal notice -> the
auto-renewal clause), and failing that on the agreement's title.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Mapping

BODY = "body"

RELATED_TOPICS: dict[str, tuple[str, ...]] = {
    "exclusions": ("service_levels", "scope"),
    "remedies": ("service_levels",),
    "response_times": ("service_levels", "support_hours"),
    "renewal_notice": ("auto_renewal", "term"),
    "auto_renewal": ("term",),
    "term": ("termination",),
    "termination": ("term",),
    "termination_for_convenience": ("termination", "term"),
    "warranties": ("warranty_disclaimer",),
    "warranty_disclaimer": ("warranties",),
    "limitation_of_liability": ("indemnification", "warranty_disclaimer"),
    "indemnification": ("limitation_of_liability",),
    "reporting": ("service_levels", "service_review"),
    "service_review": ("reporting", "escalation", "service_levels"),
    "escalation": ("support_hours", "service_review", "dispute_resolution"),
    "support_hours": ("response_times", "service_levels"),
    "service_levels": ("scope",),
    "customer_obligations": ("scope",),
    "labor_services": ("scope", "fees"),
    "upgrades": ("scope", "service_levels"),
    "security": ("data_protection", "confidentiality"),
    "data_protection": ("security", "confidentiality"),
    "confidentiality": ("data_protection",),
    "exit_transition": ("termination",),
    "governing_law": ("dispute_resolution",),
    "dispute_resolution": ("governing_law",),
    "insurance": ("limitation_of_liability", "indemnification"),
    "audit_rights": ("security", "reporting"),
    "fees": ("scope",),
    "assignment": (),
    "scope": (),
    "definitions": (),
    "signature": (),
}
"""For a topic, the topics whose sections are the natural place to raise its absence."""


@dataclass(frozen=True)
class Target:
    """A place to anchor a comment: characters ``start:end`` of paragraph ``paragraph`` of
    ``part``; ``how`` says why it was chosen ("quote", "located", "paragraph", "section",
    "topic", "title")."""

    part: str
    paragraph: int
    start: int
    end: int | None
    how: str
    quote: str = ""


_WS = re.compile(r"\s+")
_FOLD = str.maketrans({"\u00a0": " ", "\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2011": "-", "\u2013": "-", "\u2014": "-", "\t": " ", "\n": " "})


def _normalise(text: str) -> tuple[str, list[int]]:
    """Text with quotes, dashes and whitespace folded (runs of spaces collapsed), plus the
    index in ``text`` of each character of the result."""
    out: list[str] = []
    index: list[int] = []
    prev_space = False
    for i, ch in enumerate(text.translate(_FOLD)):
        if ch.isspace():
            if prev_space:
                continue
            prev_space = True
            ch = " "
        else:
            prev_space = False
        out.append(ch)
        index.append(i)
    return "".join(out), index


def locate(text: str, quote: str, hint: int = 0) -> tuple[int, int] | None:
    """Offsets of ``quote`` in ``text``: exact match nearest ``hint``, else a match with
    whitespace, quotes and dashes folded. None when the quote is not in the text."""
    if not quote:
        return None
    hits = [m.start() for m in re.finditer(re.escape(quote), text)]
    if hits:
        s = min(hits, key=lambda h: abs(h - hint))
        return s, s + len(quote)
    ntext, index = _normalise(text)
    nquote, _ = _normalise(quote.strip())
    if not nquote.strip():
        return None
    hits = [m.start() for m in re.finditer(re.escape(nquote), ntext)]
    if not hits:
        return None
    s = min(hits, key=lambda h: abs(index[h] - hint))
    e = s + len(nquote) - 1
    return index[s], index[e] + 1


def _heading_section_of(document: Any, part: str, paragraph: int) -> Any:
    """The innermost section holding the paragraph that has a titled heading (or any
    heading), walking up through its ancestors."""
    chain: list[Any] = []
    found: list[Any] = []

    def walk(section: Any) -> bool:
        chain.append(section)
        for p in section.iter_paragraphs(recursive=False):
            if p.anchor.part == part and p.anchor.paragraph == paragraph:
                found.extend(chain)
                return True
        for child in section.children:
            if walk(child):
                return True
        chain.pop()
        return False

    walk(document.root)
    for section in reversed(found):
        if section.heading is not None and section.title and section.heading.text.strip():
            return section
    for section in reversed(found):
        if section.heading is not None and section.heading.text.strip():
            return section
    return None


def _heading_target(section: Any, how: str) -> Target | None:
    h = section.heading
    if h is None or not h.text.strip() or h.anchor.part != BODY:
        return None
    return Target(BODY, h.anchor.paragraph, 0, len(h.text), how, h.text)


def title_target(document: Any) -> Target | None:
    """The agreement's title: the root heading, else the preamble line that reads as the
    title (the metadata title, or a short first line), else the first section heading,
    else the first non-empty body paragraph."""
    if document is None:
        return None
    if document.root.heading is not None:
        t = _heading_target(document.root, "title")
        if t:
            return t
    title = " ".join((getattr(document, "title", "") or "").split()).lower()
    preamble = [p for p in document.root.blocks if getattr(p, "text", "").strip() and getattr(p, "anchor", None) is not None
                and p.anchor.part == BODY][:8]
    for p in preamble:
        if title and " ".join(p.text.split()).lower() == title:
            return Target(BODY, p.anchor.paragraph, 0, len(p.text), "title", p.text)
    if preamble and len(preamble[0].text) <= 120:
        p = preamble[0]
        return Target(BODY, p.anchor.paragraph, 0, len(p.text), "title", p.text)
    for section in document.sections():
        t = _heading_target(section, "title")
        if t:
            return t
    for p in document.paragraphs():
        if p.text.strip() and p.anchor.part == BODY:
            return Target(BODY, p.anchor.paragraph, 0, len(p.text), "title", p.text)
    return None


def candidate_targets(finding: Any, document: Any = None, coverage: Mapping[str, Any] | None = None, analysis: Any = None) -> list[Target]:
    """Places to anchor ``finding``'s comment, best first; the writer takes the first one
    whose words it finds in the file. For a finding without words: its section's heading;
    a heading that names its topic or a neighbouring one (``analysis.topic_hits``); the
    section where its own topic was found (``coverage``); the title."""
    out: list[Target] = []
    loc = finding.location
    anchor = loc.anchor if loc is not None else None
    if anchor is not None and anchor.part == BODY:
        if finding.quote:
            out.append(Target(BODY, anchor.paragraph, anchor.start, anchor.end, "quote", finding.quote))
        else:
            out.append(Target(BODY, anchor.paragraph, anchor.start, anchor.end, "paragraph", ""))
    if document is None:
        return out
    if loc is not None and loc.section:
        section = document.find_section(loc.section)
        if section is not None:
            t = _heading_target(section, "section")
            if t:
                out.append(t)
    coverage = coverage or {}
    own = list(dict.fromkeys(finding.topics))
    related = [t for topic in own for t in RELATED_TOPICS.get(topic, ()) if t not in own]
    # 1. a section whose heading names the topic (or a neighbouring topic)
    headings: dict[str, list[Any]] = {}
    for hit in getattr(analysis, "topic_hits", None) or ():
        if hit.source == "heading" and hit.evidence.anchor is not None and hit.evidence.anchor.part == BODY:
            headings.setdefault(hit.topic, []).append(hit.evidence)
    for topic in own + list(dict.fromkeys(related)):
        for ev in headings.get(topic, ()):
            section = _heading_section_of(document, BODY, ev.anchor.paragraph)
            t = _heading_target(section, "topic") if section is not None else None
            if t:
                out.append(t)
                break
    # 2. where the analysis found the finding's own topic
    for topic in own:
        cov = coverage.get(topic)
        if cov is None or getattr(cov, "status", None) != "present":
            continue
        for ev in cov.evidence:
            if ev.anchor is None or ev.anchor.part != BODY:
                continue
            section = _heading_section_of(document, BODY, ev.anchor.paragraph)
            t = _heading_target(section, "topic") if section is not None else None
            if t:
                out.append(t)
                break
            if ev.quote:
                out.append(Target(BODY, ev.anchor.paragraph, ev.anchor.start, ev.anchor.end, "topic", ev.quote))
                break
    t = title_target(document)
    if t:
        out.append(t)
    return out
