"""Statements of work and their master agreement.

A statement of work (SOW) describes one project or service; the legal terms (warranties,
liability, indemnities, governing law) belong in the master agreement it is issued under.
A SOW that names no master agreement has no legal terms at all; a SOW that names one but
restates master terms creates two versions of the same clause and an argument about which
one wins.
"""

from __future__ import annotations

import re
from typing import Iterator

from slalint.checks.sla_common import MASTER_REF, first_match, master_agreement_reference, topic_status
from slalint.engine.checks import check
from slalint.engine.context import Hit, RuleContext

SELF_SOW = re.compile(r"\bthis\s+(?:statement\s+of\s+work|SOW|work\s+order|task\s+order)\b", re.I)
SOW_TITLE = re.compile(r"\b(?:statement\s+of\s+work|SOW|work\s+order|task\s+order)\b", re.I)
STRONG: dict[str, re.Pattern[str]] = {k: re.compile(v, re.I) for k, v in {
    "governing_law": r"\bgoverned\s+by\b.{0,60}\blaws?\b|\blaws?\s+of\b.{0,60}\bgovern",
    "limitation_of_liability": r"\b(?:total|aggregate|maximum|cumulative)\s+liability\b|\bliab\w*\b.{0,80}\bnot\s+exceed\b|"
                               r"\bin\s+no\s+event\b.{0,80}\bliable\b|\b(?:indirect|consequential)\s+(?:damages|loss)",
    "indemnification": r"\bindemnif\w+,?\s+(?:and\s+)?(?:defend|hold)\b|\bdefend,?\s+(?:and\s+)?indemnif\w+|\bhold\s+harmless\b",
    "warranty_disclaimer": r"\bas\s+is\b|\bdisclaim\w*\b.{0,60}\bwarrant|\bwarrant\w*\b.{0,60}\b(?:exclud|disclaim)",
    "assignment": r"\b(?:may|shall|must|will)\s+not\s+assign\b|\bassign\w*\b.{0,60}\bwithout\b.{0,40}\bconsent\b",
    "dispute_resolution": r"\barbitrat\w+\b|\bexclusive\s+jurisdiction\b|\bsubmit\w*\s+to\s+the\s+jurisdiction\b",
    "force_majeure": r"\bforce\s+majeure\b",
    "insurance": r"\b(?:maintain|carry|hold|procure)\b.{0,60}\binsurance\b",
}.items()}
"""Words that make a sentence a master-agreement clause rather than a passing mention."""

MASTER_TOPICS: dict[str, str] = {
    "governing_law": "governing law",
    "limitation_of_liability": "limitation of liability",
    "indemnification": "indemnities",
    "warranty_disclaimer": "warranty disclaimers",
    "assignment": "assignment",
    "dispute_resolution": "dispute resolution",
    "force_majeure": "force majeure",
    "insurance": "insurance",
}
"""Topics that belong in the master agreement, with their words for the message."""


def is_sow(ctx: RuleContext) -> bool:
    """The document's title (or first heading) says it is a statement of work, or the
    analysis says SOW and the document calls itself one ("this Statement of Work")."""
    if ctx.kind in ("msa", "nda", "dpa", "definitions", "terms"):
        return False  # e.g. a master agreement printed behind its first SOW's cover page
    title = ctx.document.metadata.title or ""
    first = next((s.title for s in ctx.document.sections() if s.title), "")
    heads = [i.paragraph.text for i in ctx.iter_paragraphs() if i.paragraph.text.strip()][:3]
    if any(SOW_TITLE.search(t or "") and len(t) < 120 for t in (title, first, *heads)):
        return True
    return ctx.kind == "sow" and first_match(ctx, SELF_SOW) is not None


@check(requires=(), placeholders=())
def sow_without_master_agreement(ctx: RuleContext) -> Iterator[Hit]:
    if not is_sow(ctx) or master_agreement_reference(ctx) is not None:
        return
    own = [t for t in ("limitation_of_liability", "governing_law", "warranty_disclaimer", "indemnification", "termination")
           if topic_status(ctx, t) == "present"]
    if len(own) >= 3:
        return  # a self-contained SOW that carries its own legal terms needs no master agreement
    yield Hit(None, {}, topic="scope")


PROJECT_TITLE = re.compile(r"\b(?:milestones?|project\s+(?:plan|schedule|timeline)|implementation\s+(?:plan|schedule))\b", re.I)
ATTACHMENT_TITLE = re.compile(
    r"\b(?:schedule|exhibit|annex|appendix|attachment|addendum|statement\s+of\s+work|SOW|order\s+form)\b", re.I)
DATE = re.compile(
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2},?\s+\d{4}\b|"
    r"\b\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\s+\d{4}\b|"
    r"\b\d{1,2}/\d{1,2}/\d{2,4}\b|\b\d{4}-\d{2}-\d{2}\b", re.I)


def _project_terms_in_master(ctx: RuleContext) -> Iterator[Hit]:
    """A master agreement whose own body (not an attached schedule or SOW) carries a
    dated milestone plan: project terms that belong in a statement of work."""
    for section in ctx.document.sections():
        if not section.title or not PROJECT_TITLE.search(section.title):
            continue
        path = [s.title or "" for s in ctx.index.ancestors(section)]
        if any(ATTACHMENT_TITLE.search(t) for t in path):
            continue
        for info in ctx.iter_paragraphs():
            if ctx.index.is_within(info.section, [section]) and not info.is_heading:
                m = DATE.search(info.paragraph.text)
                if m:
                    ev = ctx.sentence_evidence(info, m.start(), m.end())
                    yield Hit(ev, {"topic_words": "a dated project plan", "section": ev.section or "",
                                   "where": "a statement of work"},
                              topic="scope")
                    return


@check(requires=("topics",), placeholders=("topic_words", "section", "where"))
def master_terms_in_sow(ctx: RuleContext) -> Iterator[Hit]:
    """Master-agreement topics restated in a SOW that is issued under a master agreement,
    or (the other way round) a dated project plan in the body of a master agreement."""
    if ctx.kind == "msa":
        yield from _project_terms_in_master(ctx)
        return
    if not is_sow(ctx) or master_agreement_reference(ctx) is None:
        return
    for topic, words in MASTER_TOPICS.items():
        if topic_status(ctx, topic) != "present":
            continue
        evs = [e for e in ctx.topic_evidence(topic) if STRONG[topic].search(e.quote) and not _is_heading(ctx, e)
               and not MASTER_REF.search(e.quote) and not re.search(r"\bmaster\b|\bSection\s+\d|\bClause\s+\d", e.quote, re.I)]
        if not evs:
            continue
        yield Hit(evs[0], {"topic_words": words, "section": evs[0].section or "", "where": "the master agreement"},
                  topic=topic)


def _is_heading(ctx: RuleContext, ev) -> bool:  # type: ignore[no-untyped-def]
    info = ctx.index.paragraph_of(ev.anchor)
    return bool(info and info.is_heading)
