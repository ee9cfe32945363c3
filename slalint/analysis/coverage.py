"""Per-document checklist coverage, the document's kind, and the document-level facts.

The topic tagger (:mod:`slalint.analysis.topics`) leaves weighted hits on headings,
paragraphs and table rows. Here they are added up per topic: the best hit counts fully,
the next ones less (two paragraphs on the same thing are not twice the evidence), and

* a score of 1.0 or more is **present** (a clause under a matching heading, or a sentence
  that plainly makes the provision);
* a weaker score is **unknown** (a mention, a definition only, a heading with nothing
  under it, or "as set out in the Order Form" in a document that delegates the topic);
* nothing is **absent**.

The facts of ``spec/topics.md`` (who may terminate, auto-renewal, renewal notice, remedies
for service levels) are read from the coverage and from the rights and duties
(:mod:`slalint.analysis.statements`).
"""

from __future__ import annotations

import re
from typing import Iterable

from slalint.analysis.facts import TOPIC_IDS, Analysis, Coverage, Evidence, Statement, TopicHit
from slalint.document import Table

PRESENT = 1.0
UNKNOWN = 0.3
MAX_EVIDENCE = 3
DECAY = (1.0, 0.5, 0.25, 0.125)
"""Weight of the best, second, third and fourth distinct paragraph hit for a topic."""

DELEGATING_KINDS = frozenset({"order_form", "sow", "schedule", "definitions", "sla", "dpa"})
"""Kinds of document that usually leave general terms to another document."""

_EXTERNAL = re.compile(
    r"\b(?:master\s+(?:services?\s+)?agreement|framework\s+(?:agreement|terms)|standard\s+terms|core\s+terms|"
    r"cloud\s+terms|general\s+terms|key\s+terms|professional\s+services\s+agreement|cloud\s+service\s+agreement|"
    r"call-?off\s+contract|the\s+agreement\s+between)\b",
    re.I,
)


def summarise(analysis: Analysis) -> None:
    """Fill ``analysis.kind``, ``analysis.coverage`` (every topic id) and ``analysis.facts``."""
    analysis.kind = document_kind(analysis)
    analysis.coverage = topic_coverage(analysis)
    analysis.facts = document_facts(analysis)


# --------------------------------------------------------------------------- coverage


def score_hits(hits: Iterable[TopicHit]) -> tuple[float, list[TopicHit]]:
    """Score of one topic's hits and the hits that make it, best first (one per
    paragraph)."""
    best: dict[tuple[str, int], TopicHit] = {}
    for h in hits:
        key = (h.evidence.anchor.part, h.evidence.anchor.paragraph)
        if key not in best or h.weight > best[key].weight or (
            h.weight == best[key].weight and _source_rank(h) < _source_rank(best[key])
        ):
            best[key] = h
    ranked = sorted(best.values(), key=lambda h: (-h.weight, _source_rank(h)))
    score = sum(w * h.weight for w, h in zip(DECAY, ranked))
    return score, ranked


def _source_rank(h: TopicHit) -> int:
    return {"heading": 0, "body": 1, "table": 2, "definition": 3}.get(h.source, 4)


def topic_coverage(analysis: Analysis) -> dict[str, Coverage]:
    by_topic: dict[str, list[TopicHit]] = {t: [] for t in TOPIC_IDS}
    for h in analysis.topic_hits:
        if h.topic in by_topic:
            by_topic[h.topic].append(h)
    _add_statement_hits(analysis.statements, by_topic)
    delegates = analysis.kind in DELEGATING_KINDS and _mentions_external(analysis)
    out: dict[str, Coverage] = {}
    for topic in TOPIC_IDS:
        hits = by_topic[topic]
        if topic == "definitions":
            out[topic] = _definitions_coverage(hits, analysis)
            continue
        score, ranked = score_hits(hits)
        evidence = [h.evidence for h in ranked[:MAX_EVIDENCE]]
        if score >= PRESENT:
            status = "present"
        elif score >= UNKNOWN or (ranked and delegates):
            status = "unknown"
        else:
            status = "absent"
            evidence = []
        out[topic] = Coverage(status, evidence)  # type: ignore[arg-type]
    _reconcile(out)
    if analysis.kind == "definitions":
        # A definitions schedule defines words; the provisions live in other documents.
        for topic in TOPIC_IDS:
            if topic != "definitions" and out[topic].status == "present":
                out[topic] = Coverage("unknown", out[topic].evidence)
    return out


def _add_statement_hits(statements: list[Statement], by_topic: dict[str, list[TopicHit]]) -> None:
    """Rights found by the statement reader corroborate the topic hits."""
    for st in statements:
        if st.bearer is None or st.modality != "right":
            continue
        if st.action in ("terminate", "terminate_for_cause", "terminate_for_convenience"):
            by_topic["termination"].append(TopicHit("termination", st.evidence, "body", 1.0))
        if st.action == "terminate_for_convenience":
            by_topic["termination_for_convenience"].append(TopicHit("termination_for_convenience", st.evidence, "body", 0.8))
    by_topic["customer_obligations"].extend(_named_customer_duties(statements))


_CUSTOMER_WORD = re.compile(r"^(?:the\s+)?(?:customer|client|buyer|purchaser|licensee|subscriber|authority|you)$", re.I)


def _named_customer_duties(statements: list[Statement]) -> list[TopicHit]:
    """The customer's duties where the agreement calls the customer by its name ("Converge
    shall provide VNE with remote access"): the customer-obligation patterns are written
    for "Customer shall ...", so the sentence is read with the name put back to the role."""
    from slalint.analysis.topics import load_topic_model

    topic = None
    out: list[TopicHit] = []
    for st in statements:
        name = st.bearer_text.strip()
        if st.bearer != "customer" or st.modality != "obligation" or not name or _CUSTOMER_WORD.match(name):
            continue
        sentence = st.evidence.quote
        if name not in sentence:
            continue
        topic = topic or load_topic_model().get("customer_obligations")
        sentence = re.sub(rf"(?<!\w){re.escape(name)}(?![\w-])", "Customer", sentence)
        found = topic.body_match(sentence, sentence.lower())
        if found:
            out.append(TopicHit("customer_obligations", st.evidence, "body", found[0]))
    return out


def _definitions_coverage(hits: list[TopicHit], analysis: Analysis) -> Coverage:
    headings = [h for h in hits if h.source in ("heading", "table") and h.weight >= 1.0]
    definitions = [h for h in hits if h.source == "definition"]
    formal = {k for k, d in analysis.glossary.items() if getattr(d, "how", "") in ("means", "table", "bold", "reference")}
    count = max(len({(h.evidence.anchor.part, h.evidence.anchor.paragraph, h.evidence.anchor.start) for h in definitions}), len(formal))
    evidence = [h.evidence for h in headings[:1]] + [h.evidence for h in definitions[: MAX_EVIDENCE - len(headings[:1])]]
    if headings or count >= 3:
        return Coverage("present", evidence)
    if headings or count:
        return Coverage("unknown", evidence)
    return Coverage("absent", [])


def _reconcile(out: dict[str, Coverage]) -> None:
    """Topics that imply others: a right to terminate for convenience is a termination
    right; a renewal notice period implies nothing on its own."""
    tfc, term = out["termination_for_convenience"], out["termination"]
    if tfc.status == "present" and term.status != "present":
        out["termination"] = Coverage("present", tfc.evidence[:])


def _mentions_external(analysis: Analysis) -> bool:
    for i, p in enumerate(analysis.document.paragraphs()):
        if i > 400:
            break
        if _EXTERNAL.search(p.text):
            return True
    return False


# --------------------------------------------------------------------------- facts


def document_facts(analysis: Analysis) -> dict[str, object]:
    cov = analysis.coverage
    sl = cov.get("service_levels")
    if sl is None or sl.status != "present":
        remedy: object = "not applicable"
    else:
        remedy = cov["remedies"].status == "present"
    return {
        "parties": [{"name": p.name, "role": p.role} for p in analysis.parties],
        "termination_for_cause_by": termination_by(analysis.statements, "terminate_for_cause"),
        "termination_for_convenience_by": termination_by(analysis.statements, "terminate_for_convenience"),
        "auto_renews": cov["auto_renewal"].status == "present",
        "renewal_notice_stated": cov["renewal_notice"].status == "present",
        "service_levels_have_remedy": remedy,
    }


def termination_by(statements: list[Statement], action: str) -> str:
    """"provider", "customer", "both" or "none": who holds a right of ``action``.
    A party known only by name counts as a distinct bearer; two distinct bearers make
    "both"."""
    bearers: set[str] = set()
    for st in statements:
        if st.modality == "right" and st.action == action and st.bearer:
            if st.bearer == "both":
                return "both"
            bearers.add(st.bearer)
    if not bearers:
        return "none"
    if len(bearers) >= 2:
        return "both"
    return bearers.pop()


# --------------------------------------------------------------------------- kind

_KINDS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (k, re.compile(p, re.I))
    for k, p in (
        ("definitions", r"^(?:(?:joint|call-?off|framework)\s+)?schedule\s+\w+\s*[-–:(]*\s*\(?definitions\)?"),
        ("dpa", r"\bdata\s+(?:processing|protection)\s+(?:agreement|addendum|terms)\b|\bdpa\b|\bbusiness\s+associate\s+agreement\b"),
        ("nda", r"\bnon-?disclosure\b|\bconfidentiality\s+agreement\b|\bnda\b"),
        ("sla", r"\bservice[- ]level\s+(?:agreement|terms|schedule)\b|\bsla\b|\buptime\s+(?:add-?on|commitment|policy)\b|\bkpis?\b|\bkey\s+performance\s+indicators\b|\bquality\s+assurance\s+surveillance\s+plan\b|\bsupport\s+(?:terms|policy|add-?on|service[- ]level)\b|\bservice\s+levels?\b"),
        ("sow", r"\bstatement\s+of\s+work\b|\bsow\b|\bwork\s+order\b|\bperformance\s+work\s+statement\b|\btask\s+order\b|\bservice\s+requirements\b|\bconsultancy\s+agreement\b"),
        ("order_form", r"\border\s+form\b|\bpurchase\s+order\b|\bcover\s+page\b|\border\s+for\b|\border\s+template\b"),
        ("terms", r"\bterms\s+of\s+(?:service|use)\b|\bterms\s+and\s+conditions\b|\buser\s+agreement\b|\bend[- ]user\s+licen[cs]e\s+agreement\b|\beula\b"),
        ("schedule", r"^(?:(?:call-?off|joint|framework)\s+)?schedule\b|^(?:exhibit|annex|appendix|attachment|addendum)\b(?!\s+[\d.]+\s*$)|\baddendum\b|\bplaybook\b"),
        ("msa", r"\bmaster\s+(?:services?\s+)?agreement\b|\bservices?\s+agreement\b|\b(?:outsourcing|hosting|maintenance|support|servicing|cloud\s+service|professional\s+services|licen[cs]e\s+and\s+\w+|operations?\s+and\s+maintenance)\s+agreement\b|\bcore\s+terms\b|\bcloud\s+terms\b|\bbase\s+terms\b|\bservices?\s+contract\b|\bmaintenance\s+and\s+support\b"),
        ("other", r"\bagreement\b|\bcontract\b"),
    )
)
_SKIP_TITLE = re.compile(r"^(?:exhibit|ex\.?)\s*[\d.()a-z-]*\s*$|^confidential|^execution\s+(?:copy|version)|^page\s+\d|^\W*$|^table\s+of\s+contents|^contents$|^version\b|^v\d", re.I)


def title_candidates(analysis: Analysis, limit: int = 15) -> list[str]:
    """Short lines at the top of the document that may name it, title first (table
    cells such as a version-control table are skipped)."""
    doc = analysis.document
    out: list[str] = []
    for t in (doc.metadata.title, doc.root.title):
        if t and t.strip() and not re.match(r"^(?:microsoft\s+word|untitled|document\d*)\b", t.strip(), re.I):
            out.append(t.strip())
    in_table = {id(p) for s in doc.root.walk() for b in s.blocks if isinstance(b, Table) for p in b.paragraphs()}
    for i, p in enumerate(doc.paragraphs()):
        if i > 80 or len(out) >= limit:
            break
        if id(p) in in_table:
            continue
        text = re.sub(r"[*_#`]+", "", p.text).strip()
        if not text or len(text.split()) > 14 or _SKIP_TITLE.match(text) or text in out:
            continue
        out.append(text)
    return out


_SCHEDULE_TITLE = re.compile(r"^(?:(?:call-?off|joint|framework|order)\s+)?(?:schedule|annex|appendix|attachment)\s+(?:\d[\w.]*|[A-Z]\b|[IVX]+\b)", re.I)
_SCHEDULE_SUBJECT: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("definitions", re.compile(r"\bdefinitions\b|\bglossary\b", re.I)),
    ("sla", re.compile(r"\bkpis?\b|\bkey\s+performance\s+indicators\b|\bservice\s+levels?\b|\bperformance\s+(?:regime|monitoring|management)\b", re.I)),
    ("dpa", re.compile(r"\bdata\s+(?:processing|protection)\b", re.I)),
    ("order_form", re.compile(r"\border\s+form\b", re.I)),
    ("sow", re.compile(r"\bstatement\s+of\s+work\b|\bservices?\s+(?:requirements|specification|description)\b|\bfacilities\s+management\b|\bspecification\b", re.I)),
)


def document_kind(analysis: Analysis) -> str:
    """The document's kind from its title and first headings (see Analysis.kind).

    A numbered schedule ("Call-Off Schedule 10 - KPIs", "Joint Schedule 1 (Definitions)")
    takes its kind from its subject; other documents from the first title-like line that
    names a kind."""
    candidates = title_candidates(analysis)
    if candidates:
        for kind, rx in _KINDS[:5]:
            if rx.search(candidates[0]):
                return kind  # the title names a specific kind
    for i, text in enumerate(candidates):
        if _SCHEDULE_TITLE.match(text) and not _KINDS[5][1].search(text):
            for subject in [text, *_subject_lines(candidates[i + 1:])][:2]:
                for kind, rx in _SCHEDULE_SUBJECT:
                    if rx.search(subject):
                        return kind
            return "schedule"
    if _engages_contractor(analysis):
        return "other"  # its cover page may be headed "Statement of Work"
    cover = _cover_kind(analysis)
    if cover:
        return cover
    for text in candidates:
        for kind, rx in _KINDS:
            if rx.search(text):
                if kind != "other":
                    return kind
                return "msa" if _services_language(analysis) else "other"
    if _mostly_definitions(analysis):
        return "definitions"
    for p in list(analysis.document.paragraphs())[:30]:
        m = _SELF_REFERENCE.search(p.text)
        if m:
            for kind, rx in _KINDS:
                if rx.search(m.group(0)):
                    return kind if kind != "other" else ("msa" if _services_language(analysis) else "other")
    return "other"


_ENGAGEMENT = re.compile(r"\b(?:independent\s+)?(?:contractor|consulting|consultant|freelancer?)\s+agreement\b", re.I)
"""An agreement engaging one contractor or consultant: a services agreement, but neither
a master agreement for managed services nor a statement of work ("other")."""


def _engages_contractor(analysis: Analysis) -> bool:
    """Is this an agreement engaging one contractor or consultant, by its title or by what
    it calls itself ("this consulting agreement")?"""
    if any(_ENGAGEMENT.search(t) and len(t.split()) <= 8 for t in title_candidates(analysis, 40)):
        return True
    for p in list(analysis.document.paragraphs())[:30]:
        m = _SELF_REFERENCE.search(p.text)
        if m and _ENGAGEMENT.search(m.group(0)):
            return True
    return False


_SELF_REFERENCE = re.compile(r"\bthis\s+(?:statement\s+of\s+work|sow|order\s+form|service\s+level\s+agreement|sla|(?:\w+\s+){0,3}agreement)\b", re.I)
_COVER_CELL = (("order_form", re.compile(r"^\W*(?:order\s+form|cover\s+page)\W*$", re.I)), ("sow", re.compile(r"^\W*(?:sow|statement\s+of\s+work)\W*$", re.I)))


_NOT_SUBJECT = re.compile(r"\bagreement\b|\bframework\b|\bcontract\b|\bref\b|^(?:and|between|the\s+)?(?:supplier|buyer|customer|authority|crown\s+commercial\s+service|and|between)\W*$", re.I)


def _subject_lines(candidates: list[str]) -> list[str]:
    """The lines after a schedule's number that may name its subject, skipping the
    parties and framework lines of a cover ("CROWN COMMERCIAL SERVICE", "and", ...)."""
    return [c for c in candidates if not _SCHEDULE_TITLE.match(c) and not _NOT_SUBJECT.search(c)]


def _cover_kind(analysis: Analysis) -> str | None:
    """A short cover-page document whose first table is headed "Order Form" or "SOW"
    (Common Paper style) is that kind; a long one carries the full terms too."""
    doc = analysis.document
    words = doc.metadata.word_count or sum(len(p.text.split()) for p in doc.paragraphs())
    if words > 4000:
        return None
    for s in doc.root.walk():
        for b in s.blocks:
            if isinstance(b, Table):
                first = next(iter(b.paragraphs()), None)
                if first is None:
                    continue
                for kind, rx in _COVER_CELL:
                    if rx.match(first.text):
                        return kind
                return None
    return None


def _mostly_definitions(analysis: Analysis) -> bool:
    defs = sum(1 for h in analysis.topic_hits if h.topic == "definitions" and h.source == "definition")
    paragraphs = sum(1 for _ in analysis.document.paragraphs())
    return paragraphs > 10 and defs > 0.4 * paragraphs


def _services_language(analysis: Analysis) -> bool:
    return any(h.topic in ("scope", "service_levels", "labor_services") and h.weight >= 1.0 for h in analysis.topic_hits)


def evidence_for(analysis: Analysis, topic: str) -> list[Evidence]:
    """The evidence for one topic (empty when absent)."""
    cov = analysis.coverage.get(topic)
    return list(cov.evidence) if cov else []
