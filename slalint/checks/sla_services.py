"""Checks on how the services are specified: labour terms, service levels, response
times, service credits.

CompTIA's guidance for a managed-services SLA asks that targets be measurable (a
percentage, a time, a count), that response times vary with the priority of the incident,
that service credits come with a claim procedure and a cap, and that labour bought beyond
the fixed fee be priced (hours, rates, on-site or remote terms, out-of-scope billing).
"""

from __future__ import annotations

import re
from typing import Iterator

from slalint.analysis.facts import Evidence
from slalint.checks.sla_common import relies_on_master
from slalint.document import Section
from slalint.engine.checks import check
from slalint.engine.context import Hit, ParaInfo, RuleContext

# -- labour / professional services ------------------------------------------------------
LABOR = re.compile(
    r"\b(?:professional\s+services|consult(?:ing|ancy)\s+services|labou?r\s+(?:services|rates?|charges?|costs?)|"
    r"additional\s+(?:work|services)\s+(?:requested|ordered|performed|will|shall|is|are)|"
    r"out[- ]of[- ]scope\s+(?:work|services|requests?)|"
    r"on[- ]?site\s+(?:support|work|visits?|services|attendance)|time[- ]and[- ]materials?|"
    r"hourly\s+rates?|billable\s+hours?|(?:man|person)[- ]days?|day\s+rates?)\b",
    re.I,
)
BILLING = re.compile(r"\b(?:bill\w*|rates?|charge\w*|invoic\w*|fees?|price\w*|cost\w*)\b", re.I)
RATE_WORDS = re.compile(r"\b(?:hours?|hourly|per\s+day|daily|day\s+rates?|rates?|per\s+diem)\b|/\s*(?:hr|hour|h|day)\b", re.I)
EXTERNAL_DOC = re.compile(r"\b(?:statements?\s+of\s+work|SOWs?|order\s+forms?|work\s+orders?|purchase\s+orders?|quot(?:e|ation)s?|proposals?)\b", re.I)
REDACTED = re.compile(r"\$\s*\[\s*\*+\s*\]|\[\s*\*+\s*\]\s*(?:per|/)\s*(?:hour|day)|\$\s*\*{3}")
"""A rate whose amount was redacted in a filed copy ("$[*] per hour") is still a stated rate."""
PER_ORDER = re.compile(r"\brates?\b[^.;]{0,60}\b(?:specified|set\s+(?:out|forth)|stated|listed|agreed)\s+in\s+(?:each|the\s+applicable|the\s+relevant)\b", re.I)
DESCRIBED_IN = re.compile(
    r"\b(?:described|set\s+out|specified|defined|detailed)\s+in\s+(?:an?|each|the|any|applicable|the\s+applicable)\s+"
    r"(?:Orders?|Order\s+Forms?|statements?\s+of\s+work|SOWs?|work\s+orders?)\b", re.I)
FEE_WORDS = re.compile(r"\b(?:fees?|rates?|pric\w+|charges?|compensation|billed|invoiced|paid)\b", re.I)
FIXED = re.compile(r"\b(?:fixed|firm)[- ](?:fee|price)\b|\bnot\s+to\s+exceed\b", re.I)


def _sentence(ctx: RuleContext, info: ParaInfo, m: re.Match[str]) -> tuple[Evidence, str]:
    ev = ctx.sentence_evidence(info, m.start(), m.end())
    return ev, ev.quote


def _quantities_in(ctx: RuleContext, info: ParaInfo, kinds: tuple[str, ...], span: tuple[int, int] | None = None) -> list:
    key = (info.paragraph.anchor.part, info.paragraph.anchor.paragraph)
    out = []
    for q in ctx.analysis.quantities:
        a = q.evidence.anchor
        if q.kind not in kinds or (a.part, a.paragraph) != key:
            continue
        if span is not None and not (span[0] <= a.start < span[1]):
            continue
        out.append(q)
    return out


def _resolved_ref_in(ctx: RuleContext, ev: Evidence) -> bool | None:
    """True if the sentence cites an attached schedule/section, False if it cites only
    missing ones, None if it cites none."""
    found: bool | None = None
    a = ev.anchor
    for x in ctx.analysis.cross_refs:
        b = x.evidence.anchor
        if (b.part, b.paragraph) != (a.part, a.paragraph):
            continue
        end = a.end if a.end is not None else 10**9
        if not (a.start <= b.start < end):
            continue
        if x.resolved or x.external:
            return True
        found = False
    return found


def labor_detail(ctx: RuleContext) -> Evidence | None:
    """Where the agreement prices labour: a rate table, a stated rate, a fixed price, or a
    rate clause that points to an attached schedule or to the SOW / order form."""
    for info in ctx.iter_paragraphs():
        text = info.paragraph.text
        if info.row is not None and info.col is not None:
            header = ctx.index.headers.get((info.row[0], info.col), "")
            if info.row[1] > 0 and RATE_WORDS.search(header) and re.search(r"\d", text):
                return ctx.evidence_for(info.paragraph)
            continue
        for m in RATE_WORDS.finditer(text):
            ev, sent = _sentence(ctx, info, m)
            if REDACTED.search(sent) or PER_ORDER.search(sent):
                return ev
            span = (ev.anchor.start, ev.anchor.end if ev.anchor.end is not None else len(text))
            if _quantities_in(ctx, info, ("money",), span) and BILLING.search(sent):
                return ev
            if re.search(r"\brates?\b|\bhourly\b", sent, re.I):
                ref = _resolved_ref_in(ctx, ev)
                if ref:
                    return ev
                if ref is None and EXTERNAL_DOC.search(sent):
                    return ev
        for m in LABOR.finditer(text):
            ev, sent = _sentence(ctx, info, m)
            if DESCRIBED_IN.search(sent):
                return ev
        if FEE_WORDS.search(text) and EXTERNAL_DOC.search(text):
            for m in EXTERNAL_DOC.finditer(text):
                ev, sent = _sentence(ctx, info, m)
                if FEE_WORDS.search(sent) and (LABOR.search(sent) or re.search(r"\bservices\b", sent, re.I)):
                    return ev
        for m in FIXED.finditer(text):
            ev, _ = _sentence(ctx, info, m)
            span = (ev.anchor.start, ev.anchor.end if ev.anchor.end is not None else len(text))
            if _quantities_in(ctx, info, ("money",), span):
                return ev
    return None


@check(requires=("quantities", "xrefs"), placeholders=("match",))
def labor_services_undetailed(ctx: RuleContext) -> Iterator[Hit]:
    """Labour or professional services are offered but never priced or described."""
    first: tuple[Evidence, str] | None = None
    billed: tuple[Evidence, str] | None = None
    for info in ctx.iter_paragraphs("body"):
        for m in LABOR.finditer(info.paragraph.text):
            ev, sent = _sentence(ctx, info, m)
            first = first or (ev, m.group(0))
            if billed is None and BILLING.search(sent):
                billed = (ev, m.group(0))
    if first is None or labor_detail(ctx) is not None:
        return
    ev, match = billed or first
    yield Hit(ev, {"match": match})


# -- response times and priorities ---------------------------------------------------------
NUMBERED_LEVEL = re.compile(
    r"\b(?:priority|severity|sev|p|level|tier|category)(?:\s+level)?[\s-]*(?:[1-5]|one|two|three|four|five|i{1,3}|iv|v)\b", re.I)
TIME = re.compile(
    r"\b(?:\d+|one|two|three|four|five|six|eight|ten|twelve|fifteen|twenty|twenty-four|thirty|forty-eight|"
    r"seventy-two)\b\s*(?:\(\d+\)\s*)?(?:business\s+|working\s+|calendar\s+)?(?:minutes?|hours?|days?|hrs?|mins?)\b", re.I)
LEVEL_TERMS = re.compile(r"\b(?:priority|severity)\s+(?:levels?|classifications?|matrix|codes?|ratings?)\b", re.I)
LEVEL_WORDS = re.compile(r"\b(critical|urgent|emergency|high|major|medium|moderate|normal|standard|low|minor)\b", re.I)
RESPOND = re.compile(
    r"\b(?:respond(?:s|ed|ing)?\s+(?:to|within)|response\s+(?:times?|targets?|levels?|window)|time\s+to\s+respond|"
    r"acknowledg\w+|resol(?:ve|ution)\s+(?:times?|targets?|within))\b", re.I)
SUPPORT_OBJECT = re.compile(
    r"\b(?:incidents?|requests?|tickets?|calls?|faults?|problems?|issues?|outages?|support|severity|priority|"
    r"service\s+desk|help\s*desk|emergenc\w+|breakdowns?|call-?outs?)\b", re.I)


def _paras_in(ctx: RuleContext, sections: list[Section]) -> list[ParaInfo]:
    return [i for i in ctx.iter_paragraphs() if ctx.index.is_within(i.section, sections)]


@check(requires=("topics",), placeholders=("levels",))
def response_times_without_priorities(ctx: RuleContext) -> Iterator[Hit]:
    """Response or resolution times are set, but one time applies to every incident: no
    priority or severity levels distinguish a server outage from a password reset."""
    cov = ctx.analysis.coverage.get("response_times")
    if cov is None or cov.status != "present":
        return
    if relies_on_master(ctx):
        return
    timed = [e for e in ctx.topic_evidence("response_times")
             if RESPOND.search(e.quote) and SUPPORT_OBJECT.search(e.quote) and TIME.search(e.quote)]
    if not timed:
        return  # e.g. "provide a rectification plan within 10 days" is not a support response time
    numbered = {m.group(0).lower().replace(" ", "").replace("-", "") for i in ctx.iter_paragraphs()
                for m in NUMBERED_LEVEL.finditer(i.paragraph.text)}
    if len(numbered) >= 2 or any(LEVEL_TERMS.search(i.paragraph.text) for i in ctx.iter_paragraphs()):
        return
    sections = ctx.sections_of_topic("response_times")
    words = {m.group(1).lower() for i in _paras_in(ctx, sections) for m in LEVEL_WORDS.finditer(i.paragraph.text)}
    if len(words) >= 2:
        return
    yield Hit(timed[0], {"levels": ", ".join(sorted(words)) or "none"})


# -- measurable service levels --------------------------------------------------------------
SL_HEADING = re.compile(
    r"\b(?:service\s+levels?|availability|uptime|performance\s+(?:standards?|levels?|targets?|indicators?)|"
    r"key\s+performance\s+indicators?|KPIs?|service\s+standards?)\b", re.I)
DELEGATED = re.compile(
    r"\b(?:service\s+level\s+(?:agreement|schedule|exhibit|addendum|terms)|SLA|order\s+forms?|statements?\s+of\s+work|"
    r"SOWs?|service\s+descriptions?)\b", re.I)


@check(requires=("topics", "quantities", "xrefs"), placeholders=("title",))
def unmeasurable_service_levels(ctx: RuleContext) -> Iterator[Hit]:
    """A service-level section whose targets carry no percentage, time or count."""
    sections = [s for s in ctx.document.sections() if s.title and SL_HEADING.search(s.title)]
    if ctx.topic_present("service_levels"):
        sections += [s for s in ctx.sections_of_topic("service_levels") if all(s is not x for x in sections)]
    sections = [s for s in sections if not any(s is not o and ctx.index.is_within(s, [o]) for o in sections)]
    if not sections:
        return
    paras = _paras_in(ctx, sections)
    keys = {(i.paragraph.anchor.part, i.paragraph.anchor.paragraph) for i in paras}
    for q in ctx.analysis.quantities:
        if q.kind in ("percentage", "duration", "count") and (q.evidence.anchor.part, q.evidence.anchor.paragraph) in keys:
            return
    for i in paras:
        if i.is_heading:
            continue
        if DELEGATED.search(i.paragraph.text) or re.search(r"\*{3}|\[\s*\*+\s*\]", i.paragraph.text):
            return
        ev = ctx.evidence_for(i.paragraph)
        if _resolved_ref_in(ctx, ev):
            return
    first = sections[0]
    body = next((i for i in paras if not i.is_heading and i.paragraph.text.strip()), None)
    if body is None:
        return
    ev = ctx.sentence_evidence(body, 0, min(1, len(body.paragraph.text)))
    yield Hit(ev, {"title": first.title or ""})


# -- service credits: claim procedure and cap --------------------------------------------------
CREDIT = re.compile(
    r"\b(?:service|sla|availability|performance|uptime)[\s-]+credits?\b|"
    r"\bcredits?\b[^.;]{0,60}\b(?:against|towards?|on|to)\s+(?:the\s+|its\s+|customer'?s?\s+)?(?:next\s+|future\s+|monthly\s+)?"
    r"(?:invoices?|fees?|charges?|bills?)\b", re.I)
CLAIM = re.compile(
    r"\b(?:claim|request|apply|applie[sd]|submit|notify|notice|ask)\w*\b[^.;]{0,120}\bcredits?\b|"
    r"\bcredits?\b[^.;]{0,120}\b(?:claim|request|submit|notif\w+|within\s+\S+\s+(?:\(\d+\)\s+)?(?:business\s+|calendar\s+)?days?)|"
    r"\bcredits?\b[^.;]{0,60}\b(?:automatically|without\s+(?:a\s+)?(?:request|claim))", re.I)
CAP = re.compile(
    r"\b(?:cap(?:ped)?|maximum|max\.?|not\s+(?:to\s+)?exceed|(?:may|will|shall)\s+not\s+exceed|no\s+more\s+than|"
    r"up\s+to|limited\s+to|in\s+(?:the\s+)?aggregate|ceiling|more\s+than|in\s+excess\s+of|greater\s+than)\b", re.I)
ACCRUING = re.compile(r"\b(?:per|for\s+each|each)\s+(?:full\s+|additional\s+)?(?:hour|day|minute|incident|occurrence|failure|breach)s?\b", re.I)
PERCENT = re.compile(r"\d\s*%|\bpercent\b", re.I)


def _tiered_credits(ctx: RuleContext, credit_paras: list[ParaInfo]) -> bool:
    """Credits set as fixed percentages in a tier table, with no credit that accrues per
    hour or per incident: the highest tier bounds the monthly credit."""
    rows = [i for i in ctx.iter_paragraphs("tables") if i.row is not None]
    tables = {i.row[0] for i in rows if re.search(r"\bcredit", i.paragraph.text, re.I)}
    tables |= {t for (t, _c), h in ctx.index.headers.items() if re.search(r"\bcredit", h, re.I)}
    if not tables:
        return False
    cells = [i.paragraph.text for i in rows if i.row[0] in tables]
    if not any(PERCENT.search(c) for c in cells):
        return False
    return not any(ACCRUING.search(t) for t in cells + [i.paragraph.text for i in credit_paras])


@check(requires=("topics",), placeholders=("missing",))
def remedy_without_claim_process(ctx: RuleContext) -> Iterator[Hit]:
    """Service credits are promised with no claim procedure or no cap on the credits."""
    first: Evidence | None = None
    credit_paras: list[ParaInfo] = []
    for info in ctx.iter_paragraphs():
        m = CREDIT.search(info.paragraph.text)
        if m:
            credit_paras.append(info)
            if first is None and info.row is None and not info.is_heading:
                first = ctx.sentence_evidence(info, m.start(), m.end())
    if not credit_paras or relies_on_master(ctx):
        return
    if first is None:
        info = credit_paras[0]
        first = ctx.evidence_for(info.paragraph)
    secs: list[Section] = []
    for info in credit_paras:
        if all(info.section is not s for s in secs):
            secs.append(info.section)
    secs += ctx.sections_of_topic("remedies")
    scope = _paras_in(ctx, secs) + credit_paras
    text_all = [i.paragraph.text for i in ctx.iter_paragraphs()]
    has_claim = any(CLAIM.search(t) for t in text_all)
    has_cap = any(CAP.search(i.paragraph.text) and re.search(r"\bcredit", section_text_of(ctx, i.section), re.I)
                  for i in scope)
    has_cap = has_cap or _tiered_credits(ctx, credit_paras)
    missing = [w for w, ok in (("claim procedure", has_claim), ("cap", has_cap)) if not ok]
    if not missing:
        return
    yield Hit(first, {"missing": " or ".join(missing)})


def section_text_of(ctx: RuleContext, section: Section) -> str:
    return "\n".join(i.paragraph.text for i in ctx.iter_paragraphs() if i.section is section)
