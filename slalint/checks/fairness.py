"""Fairness (pack `fairness`): rights and protections that only one party holds.

A managed-services agreement is a long relationship; the clauses that let one side change
the deal, decide alone, suspend the service overnight, or shelter behind a cap the other
side does not get are the ones a customer (or its counsel) negotiates first. These checks
read the rights matrix of the analysis (who may modify, suspend, indemnify, limit
liability) and confirm each candidate on the words of its sentence, so that a mutual or a
bounded right ("either party", "by at most 3% on ninety days' notice", "acting
reasonably") is not reported.
"""

from __future__ import annotations

import re
from typing import Iterable, Iterator

from slalint.analysis.facts import Evidence, Statement
from slalint.engine.checks import check
from slalint.engine.context import Hit, ParaInfo, RuleContext

from slalint.checks.drafting_terms import paragraph_for

ROLES = ("provider", "customer")
_MUTUAL = re.compile(
    r"\b(?:either|each|both|neither)\s+part(?:y|ies)\b|\bthe\s+parties\b|\bmutual(?:ly)?\b|\bsigned\s+by\s+(?:both|each|all|the\s+parties|authori[sz]ed)|"
    r"\bagreed\s+(?:to\s+)?in\s+writing\b|\bwritten\s+(?:amendment|agreement|instrument)\b|\bwith\s+the\s+(?:prior\s+)?(?:written\s+)?(?:consent|agreement|approval)\s+of\b",
    re.I,
)


def role_name(ctx: RuleContext, role: str) -> str:
    """How the agreement names the party holding ``role`` ("Provider", "Supplier")."""
    for p in ctx.analysis.parties:
        if p.role == role:
            return p.aliases[0] if p.aliases else p.name
    return role.capitalize()


def other_role(role: str) -> str:
    return "customer" if role == "provider" else "provider"


def _statements(ctx: RuleContext, action: str, modality: Iterable[str] = ("right",)) -> list[Statement]:
    mods = set(modality)
    return [s for s in ctx.analysis.statements if s.action == action and s.modality in mods]


def _para_text(ctx: RuleContext, ev: Evidence) -> str:
    info = paragraph_for(ctx, ev)
    return info.paragraph.text if info else ev.quote


def _sentences(ctx: RuleContext, where: str = "body") -> Iterator[tuple[ParaInfo, int, int, str]]:
    from slalint.engine.context import split_sentences

    for info in ctx.iter_paragraphs(where):
        text = info.paragraph.text
        for s, e in split_sentences(text):
            yield info, s, e, text[s:e]


# -- unilateral amendment ---------------------------------------------------------------

_AGREEMENT_OBJECT = re.compile(
    r"\b(?:this|these|the|its|our|any\s+(?:of\s+)?(?:the|these))\s+(?:(?:Master|Managed|Services?|Standard|General|Cloud|Subscription|Customer|Online|Key)\s+)*"
    r"(?:Agreement|Terms(?:\s+(?:of\s+(?:Service|Use)|and\s+Conditions))?|Contract|SLA|Service\s+Level\s+Agreement|Service\s+Levels?|"
    r"terms(?:\s+and\s+conditions)?|provisions?\s+of\s+this\s+Agreement)\b"
    r"|\b(?:(?:any|the|all)\s+)?(?:terms?|provisions?|parts?)\s+of\s+(?:this|these|the|its|our)\b",
)
_CHANGE_VERB = re.compile(r"\b(?:modify|modif(?:y|ies|ied)|amend\w*|change[sd]?|updat\w+|revis\w+|var(?:y|ies|ied)|alter\w*|replac\w+|supplement\w*)\b", re.I)
_MODAL_CHANGE = re.compile(
    r"\b(?:may|can|will|shall|reserves?\s+the\s+right(?:\s*,[^,.]{1,60},)?\s+to|(?:is|are|shall\s+be)\s+entitled\s+to|has\s+the\s+right\s+to)\s+"
    r"(?:(?:,\s*)?(?:unilaterally|at\s+any\s+time|from\s+time\s+to\s+time|in\s+its\s+(?:sole\s+|absolute\s+)?discretion|without\s+notice|also)\s*,?\s+){0,3}"
    r"(?:modify|amend|change|update|revise|vary|alter|replace|supplement)(?:\s+or\s+\w+)?\s+(?:(?:and|or|any|all|of|part|parts|provision|provisions|term|terms)\s+){0,4}",
    re.I,
)
_PRICE_OBJECT = re.compile(r"\s*(?:the\s+|its\s+|our\s+|any\s+)?(?:Fees|fees|prices?|pricing|rates|charges)\b")
_AT_WILL = re.compile(r"\bat\s+any\s+time\b|\bfrom\s+time\s+to\s+time\b|\bwithout\s+(?:prior\s+|advance\s+)?notice\b|\bin\s+its\s+(?:sole\s+)?discretion\b|\bby\s+posting\b|\bcontinued\s+use\b", re.I)
_RESERVES = re.compile(
    r"\b(?P<subject>We|Provider|Supplier|Vendor|Company|Licensor|[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,3})\s+(?:reserves?\s+the\s+right(?:\s*,[^,.]{1,60},)?\s+to|may(?:,\s*[^,]{1,60},)?\s+(?:at\s+any\s+time\s+)?)"
    r"(?:\s*(?:unilaterally|at\s+any\s+time|from\s+time\s+to\s+time|in\s+its\s+(?:sole\s+)?discretion),?\s*)*\s*"
    r"(?:modify|amend|change|update|revise|vary|alter|replace|supplement)\b",
)


@check(requires=("statements", "parties"), placeholders=("holder", "other"))
def unilateral_amendment(ctx: RuleContext) -> Iterator[Hit]:
    """One party may change the agreement (or its terms, or the service levels) alone: "may
    modify this Agreement at any time by posting the revised terms". Amendments that need
    both parties' signature are not reported, nor a bounded price change ("by at most 3% on
    ninety (90) days' notice")."""
    seen: set[tuple[str, int]] = set()
    for st in _statements(ctx, "modify"):
        if st.bearer in (None, "both"):
            continue
        q = st.evidence.quote
        if _MUTUAL.search(q) or re.search(r"\b(?:may|shall|will)\s+not\b|\bonly\s+(?:by|with|if|in)\b", q, re.I):
            continue
        m = _MODAL_CHANGE.search(q)
        if not m:
            continue
        obj = q[m.end():m.end() + 80]
        if not (_AGREEMENT_OBJECT.match(obj) or (_PRICE_OBJECT.match(obj) and _AT_WILL.search(q) and "%" not in q)):
            continue
        key = (st.evidence.anchor.part, st.evidence.anchor.paragraph)
        if key in seen:
            continue
        seen.add(key)
        holder = st.bearer if st.bearer in ROLES else None
        yield Hit(st.evidence, {"holder": role_name(ctx, holder) if holder else st.bearer_text or str(st.bearer),
                                "other": role_name(ctx, other_role(holder)) if holder else "the other party"})
    # statements the analysis could not attribute ("We reserve the right to amend these Terms")
    for info, s, e, sentence in _sentences(ctx):
        key = (info.paragraph.anchor.part, info.paragraph.anchor.paragraph)
        if key in seen:
            continue
        m = _RESERVES.search(sentence)
        if not m or not _AGREEMENT_OBJECT.search(sentence[m.end():m.end() + 120]):
            continue
        subject = m.group("subject")
        if re.match(r"(?:This|These|The|Either|Each|Neither|Both|Any|If|Where|Subject|Notwithstanding)\b", subject) or _MUTUAL.search(sentence):
            continue
        seen.add(key)
        ev = ctx.sentence_evidence(info, s + m.start(), s + m.end())
        holder_text = subject_of(ctx, subject + " may", subject)
        yield Hit(ev, {"holder": holder_text[:1].upper() + holder_text[1:], "other": "the other party"})


# -- sole discretion --------------------------------------------------------------------

_SOLE = re.compile(
    r"\b(?:sole|absolute|unfettered|sole\s+and\s+absolute|absolute\s+and\s+sole|sole\s+and\s+exclusive|complete)\s+(?:and\s+(?:absolute|unfettered)\s+)?discretion\b",
    re.I,
)
_KEY_RIGHT = re.compile(
    r"\bterminat\w*|\bsuspen\w*|\bwithin\s+the\s+(?:scope|Services)|\bscope\b|\baccept\w*|\breject\w*|\bfees?\b|\bpric\w+|\bcharg\w+|"
    r"\bcredits?\b|\bamend\w*|\bmodif\w*|\bchang\w+|\bapprov\w*|\bconsent\w*|\brefund\w*|\brenew\w*|\bwithh[oe]ld\w*|"
    r"\bdiscontinu\w*|\brefus\w*|\bden(?:y|ies|ied)\b|\binvoic\w*|\bremov\w*|\bcancel\w*",
    re.I,
)
_DETERMINE = re.compile(r"\bdetermin\w*|\bdecid\w+", re.I)
_JUDGED_MATTER = re.compile(
    r"\bviolat\w*|\bbreach\w*|\babus\w*|\bexcessive\b|\bunreasonabl\w*|\bdisproportionat\w*|\bmisuse\w*|\bconform\w*|\bmaterial\b|"
    r"\bsatisf\w+|\byou(?:r)?\b|\bcosts?\b|\bpa(?:y|id|yable)\b|\breimburs\w*", re.I)
"""A decision is a key right when it judges the other side or sets what it pays: whether it
breached, abused or misused the service, whether its deliverable conforms, which costs it
bears ("determine whether the content violates", "if we determine that your use ...",
"inventory not usable (as determined by Contractor in its sole discretion)" that the
customer must pay for). Deciding one's own affairs ("determine when
to offer Updates to its customers", "determines that a systems error prevents it from
servicing a receivable") is not."""
_REMEDY = re.compile(
    r"(?:^|\b)(?:if|in\s+the\s+event(?:\s+that)?|should|where|in\s+case|upon|in\s+which|when(?:ever)?)\b[^;]{0,240}?"
    r"\b(?:fails?|failure|breach\w*|default\w*|(?:does|do|has|have|did|is|are)\s+not\b|not\s+(?:been\s+)?(?:cured|remedied|complied|conformed)|"
    r"disagree\w*|objects?\b|insolven\w*|bankrupt\w*|conflict)",
    re.I,
)
"""A remedy for the other side's default: "If Operator fails to remediate ..., Owner, in its
sole discretion, may terminate", "If Customer disagrees with any such changes, Customer may
in its sole discretion terminate". Choosing whether to use a remedy the other party's
failure triggered is not a one-sided power over the deal."""
_FOR_CAUSE = re.compile(r"\b(?:with|for)\s+cause\b", re.I)
_EMPLOYMENT = re.compile(
    r"\bemployment\b|\bsalary\b|\bbonus(?:es)?\b|\bin\s+lieu\s+of\s+notice\b|\bgarden\s+leave\b|\bsickness\b|"
    r"\b(?:Compensation|Remuneration|Nomination)\s+Committee\b|\bthe\s+Board\b|\bshare\s+options?\b|\bthe\s+Executive\b",
)
"""An employer's discretion over an employee (notice, pay in lieu, bonus, sick pay, the
Board's grant of options): settled employment practice, not a service provider's power over
its customer."""
_GENERIC_PARTY = re.compile(
    r"\b(?:any|such|a|the\s+(?:non[-\s]?\w+|affected|relevant|requesting|disclosing|receiving|consenting|approving|applicable|"
    r"indemnified|indemnifying|terminating|notifying))\s+part(?:y|ies)(?:['\u2019]s?)?\s*$|\bsuch\s+part(?:y|ies)['\u2019]s?\s+$",
    re.I,
)
"""A discretion given to whichever party stands in a role ("such consent may be given or
withheld in such party's sole discretion", "at the non-assigning Party's sole discretion"):
both parties hold it."""
_BUYERS_CHOICE = re.compile(r"^\W{0,3}(?:(?:elect|choose|decide)\s+to\s+)?(?:pay|purchase|buy|order|subscribe)\b", re.I)
"""Whether to buy more ("LICENSEE may in its sole discretion pay D2 a Maintenance and
Support Fee"): the buyer's own choice, no power over the seller."""
_NO_HARM = re.compile(r"\bnot\s+(?:have\s+)?(?:a\s+)?(?:materially\s+adverse|material\s+adverse|adverse)\b|\bnot\s+(?:materially\s+)?adversely\s+affect", re.I)
"""Discretion bounded by a no-harm proviso ("as long as the change does not have a material
adverse effect on the Noteholders")."""
_CLAUSE_START = re.compile(r"(?:[;:]\s+|\b(?:and|but)\s+)(?=(?:the\s+)?[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*){0,2}\s+(?:shall|may|will|must|can)\b)")


def _clause(sentence: str, start: int, end: int) -> str:
    """The clause holding the discretion phrase: from where its party becomes the subject
    ("; Corio shall", "and Corio may") to where the next party does ("Commerce One shall
    provide all Updates free of additional charge and Corio shall, in its sole discretion,
    determine when to offer them to its customers": the charge is not what Corio decides).
    A list of alternatives ("GitHub may: suspend ...; remove ...; or reclassify the Listing
    at its sole discretion") stays one clause."""
    left = 0
    for m in _CLAUSE_START.finditer(sentence, 0, start):
        left = m.end()
    nxt = _CLAUSE_START.search(sentence, end)
    return sentence[left:nxt.start() if nxt else len(sentence)]


_APPROVAL = re.compile(r"\bapprov\w*|\bdisapprov\w*|\bconsent\w*|\bwithh[oe]ld\w*", re.I)
_OWN_MARKS = re.compile(
    r"\btrade\s*marks?\b|\bTrademarked\b|\bservice\s+marks?\b|\blogos?\b|\bpublicity\b|\bpress\s+releases?\b|\btrade\s+upon\b|"
    r"\bIntellectual\s+Property\b", re.I)
"""A consent to use the holder's own marks, name or intellectual property ("approve or
disapprove, in its absolute discretion, Telnet's use of the Trademarked Material", "trade
upon this transaction" without Microsoft's approval): an owner's prerogative, not a power
over the service."""


_NEGATED = re.compile(r"\bnot\s+(?:at|in|within|by)\s+(?:\S+\s+){0,3}$", re.I)
_LEGAL_NEED = re.compile(r"\bto\s+comply\b[^.]{0,80}?\bwith\s+(?:applicable|any|the|all)\b|\brequired\s+by\s+(?:applicable\s+)?law\b|\bexport\s+control|\bsanctions\b", re.I)
_SUBJECT = re.compile(
    r"(?:^|[;:]\s*|\bif\s+)(?P<s>We|[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,2}|the\s+[A-Z][\w&.-]*)(?:['\u2019]s)?\b"
    r"(?=[^.;]{0,120}?\b(?:may|will|shall|reserves?|has|have|can|determines?|decides?)\b)"
)
_ROLE_WORDS = ("Provider", "Supplier", "Vendor", "Contractor", "Consultant", "Licensor", "Customer", "Client", "Buyer",
               "Purchaser", "Licensee", "Subscriber", "Company", "Partner", "Developer")


def nearest_party(ctx: RuleContext, before: str) -> str | None:
    """The party named last before the discretion phrase ("with the Buyer's written
    approval at its sole discretion" -> "Buyer")."""
    names = {a for p in ctx.analysis.parties for a in (*p.aliases, p.name) if a}
    names |= {e.term for e in ctx.analysis.glossary.values() if e.how == "party"}
    names |= set(_ROLE_WORDS)
    best: tuple[int, str] | None = None
    for n in names:
        for m in re.finditer(r"\b" + re.escape(n) + r"\b", before):
            if best is None or m.start() > best[0]:
                best = (m.start(), n)
    if best is None or len(before) - best[0] > 80:
        return None
    return best[1]


def subject_of(ctx: RuleContext, text: str, default: str = "one party") -> str:
    """The party a sentence is about when the analysis resolved none ("GitHub", "the
    Company"); "we" is the provider writing its own terms."""
    m = _SUBJECT.search(text)
    if not m:
        return default
    s = re.sub(r"^(?:If|When|Where|Unless|And|But)\s+", "", m.group("s"))
    if s.lower() in ("we", "us", "our"):
        return role_name(ctx, "provider") if any(p.role == "provider" for p in ctx.analysis.parties) else "the provider"
    known = {a for p in ctx.analysis.parties for a in (*p.aliases, p.name) if a}
    known |= {e.term for e in ctx.analysis.glossary.values() if e.how == "party"} | set(_ROLE_WORDS)
    if s in known or s.startswith("the ") or s.split()[0] in known:
        return s
    if " " not in s and _frequent_name(ctx, s):
        return s  # a name the document keeps using for itself ("GitHub")
    return default


def _frequent_name(ctx: RuleContext, word: str, at_least: int = 5) -> bool:
    text = getattr(ctx, "_fairness_text", None)
    if text is None:
        text = "\n".join(i.paragraph.text for i in ctx.iter_paragraphs("all"))
        ctx._fairness_text = text  # type: ignore[attr-defined]
    return len(re.findall(r"\b" + re.escape(word) + r"\b", text)) >= at_least


_REASONABLE = re.compile(r"\breasonabl[ey]\b|\bgood\s+faith\b|\bnot\s+(?:to\s+)?(?:be\s+)?(?:unreasonably|arbitrarily)\b", re.I)


@check(requires=("statements", "parties"), placeholders=("holder", "phrase"))
def sole_discretion(ctx: RuleContext) -> Iterator[Hit]:
    """A key right (scope, acceptance, termination, suspension, fees, credits, approvals,
    changes) left to one party's sole or absolute discretion. Discretion shared by both
    parties ("each party may, in its sole discretion"), or tempered ("acting reasonably",
    "in good faith"), is not reported."""
    by_para: dict[tuple[str, int], list[Statement]] = {}
    for st in ctx.analysis.statements:
        by_para.setdefault((st.evidence.anchor.part, st.evidence.anchor.paragraph), []).append(st)
    for info, s, e, sentence in _sentences(ctx):
        m = _SOLE.search(sentence)
        if not m:
            continue
        if _REASONABLE.search(sentence) or _LEGAL_NEED.search(sentence) or _EMPLOYMENT.search(sentence) or _NO_HARM.search(sentence):
            continue
        clause = _clause(sentence, m.start(), m.end())
        if not _KEY_RIGHT.search(clause) and not (_DETERMINE.search(clause) and _JUDGED_MATTER.search(clause)):
            continue
        if _BUYERS_CHOICE.match(sentence[m.end():].lstrip(" ,")):
            continue  # "may in its sole discretion pay for further support"
        keys = [k.group(0) for k in _KEY_RIGHT.finditer(clause)]
        if keys and all(_APPROVAL.fullmatch(k) for k in keys) and _OWN_MARKS.search(sentence):
            continue  # consent to use the holder's own marks or name
        head = sentence[:m.start()]
        if _NEGATED.search(head[-40:]) or _GENERIC_PARTY.search(head[-60:]):
            continue  # "not at AT&T's sole discretion, but ...", "in such party's sole discretion"
        if _REMEDY.search(head) or _FOR_CAUSE.search(sentence):
            continue  # a remedy the other party's failure triggered
        if re.search(r"\b(?:either|each|both|neither)\s+(?:part(?:y|ies)|of)\b|\bthe\s+parties\b|\bmutual", head, re.I) \
                or re.match(r"\s*(?:in|at)\s+their\b", sentence[max(0, m.start() - 12):m.start()] + " ", re.I) \
                or re.search(r"\btheir\s+$", head):
            continue  # discretion both parties hold
        holder = None
        for st in by_para.get((info.paragraph.anchor.part, info.paragraph.anchor.paragraph), []):
            a = st.evidence.anchor
            if a.start <= s + m.start() <= (a.end if a.end is not None else len(info.paragraph.text)):
                holder = st.bearer
                break
        if holder == "both":
            continue
        who = role_name(ctx, holder) if holder in ROLES else (holder or nearest_party(ctx, sentence[:m.start()])
                                                               or subject_of(ctx, sentence[:m.start()] + " may"))
        ev = ctx.index.evidence(info.paragraph, info.section, s + m.start(), s + m.end())
        yield Hit(ev, {"holder": who, "phrase": m.group(0)}, quote=sentence.strip())


# -- indemnity and liability caps -------------------------------------------------------

def _holders(stmts: list[Statement]) -> dict[str, list[Statement]]:
    held: dict[str, list[Statement]] = {r: [] for r in ROLES}
    for st in stmts:
        if st.bearer == "both":
            for r in ROLES:
                held[r].append(st)
        elif st.bearer in held:
            held[st.bearer].append(st)
    return held


def _relies_on_master(ctx: RuleContext) -> bool:
    try:
        from slalint.checks.sla_common import relies_on_master
    except ImportError:  # pragma: no cover - the sla pack is optional
        return bool(ctx.analysis.external_glossaries)
    return relies_on_master(ctx)


@check(requires=("statements", "parties"), placeholders=("holder", "other"))
def one_sided_indemnity(ctx: RuleContext) -> Iterator[Hit]:
    """Only one party gives an indemnity (or a defence obligation). A customer indemnity
    for misuse is normal, but a provider that indemnifies for nothing, not even IP
    infringement or data breaches it causes, leaves the customer carrying every third-party
    claim."""
    if _relies_on_master(ctx):
        return
    stmts = [s for s in ctx.analysis.statements if s.action == "indemnify" and s.modality in ("obligation", "right")]
    held = _holders([s for s in stmts if s.modality == "obligation"])
    holders = [r for r in ROLES if held[r]]
    if len(holders) != 1:
        return
    holder = holders[0]
    first = held[holder][0]
    yield Hit(first.evidence, {"holder": role_name(ctx, holder), "other": role_name(ctx, other_role(holder))},
              extra_evidence=[s.evidence for s in held[holder][1:4]])


_CAP = re.compile(
    r"\b(?:shall|will|does|do|must)\s+not\s+exceed\b|\bnot\s+(?:to\s+)?exceed\b|\bin\s+excess\s+of\b|\blimited\s+to\s+(?:the\s+)?(?:amount|total|fees|sum|aggregate|\$|[A-Z]{3}\s?\d|\d)|"
    r"\b(?:maximum|aggregate|total|cumulative)\s+(?:aggregate\s+)?liability\b|\bliability\s+cap\b|\bcap(?:ped)?\s+(?:at|on)\b|\bexceeding\b|\bgreater\s+of\b",
    re.I,
)


@check(requires=("statements", "parties"), placeholders=("holder", "other"))
def one_sided_liability_cap(ctx: RuleContext) -> Iterator[Hit]:
    """A cap on (or an exclusion of) liability that protects only one party: "PROVIDER'S
    TOTAL LIABILITY SHALL NOT EXCEED ..." with nothing for the customer. Caps written for
    "either party" or "each party" are mutual."""
    if _relies_on_master(ctx):
        return
    stmts = _statements(ctx, "limit_liability")
    held = _holders(stmts)
    holders = [r for r in ROLES if held[r]]
    if len(holders) != 1:
        return
    holder = holders[0]
    capped = [s for s in held[holder] if _CAP.search(s.evidence.quote)] or held[holder]
    first = capped[0]
    yield Hit(first.evidence, {"holder": role_name(ctx, holder), "other": role_name(ctx, other_role(holder))},
              extra_evidence=[s.evidence for s in held[holder] if s is not first][:3])


_UNLIMITED = re.compile(
    r"\bunlimited\s+liability\b|\bliability\s+(?:\w+\s+){0,6}(?:shall|will)\s+be\s+unlimited\b|\bliability\s+is\s+unlimited\b|"
    r"\bwithout\s+(?:any\s+)?limit(?:ation)?\s+(?:as\s+to\s+amount|of\s+amount|on\s+(?:its|the)\s+amount)\b",
    re.I,
)
_SWALLOW = re.compile(
    r"\b(?:limitations?|exclusions?|caps?)\b[^.]{0,160}\b(?:shall|will|do|does)\s+not\s+apply\s+(?:to|in\s+respect\s+of)\b[^.]{0,200}?"
    r"\b(?:any|a)\s+(?:material\s+)?breach\s+of\s+this\s+(?:Agreement|Contract)\b(?!\s+(?:by|of)\b[^.]{0,40}\b(?:Section|Clause))",
    re.I,
)
_EXCLUDES_ALL = re.compile(r"\bnot\s+(?:be\s+)?(?:liable|responsible)\b[^.]{0,160}\b(?:any|all)\s+direct\b", re.I)
_DAMAGES_EXCLUDED = re.compile(r"\b(?:indirect|consequential|incidental|special|punitive|exemplary)\b[^.]{0,60}\b(?:damages?|loss(?:es)?)\b|\blost\s+profits\b|\bloss\s+of\s+profits?\b", re.I)
_LIABILITY = re.compile(r"\bliab(?:le|ility|ilities)\b", re.I)


@check(requires=("statements", "parties", "topics"), placeholders=("detail",))
def uncapped_liability(ctx: RuleContext) -> Iterator[Hit]:
    """Liability with no ceiling: the agreement deals with liability but caps it for
    nobody, says liability is unlimited, or lifts the cap for "any breach of this
    Agreement" (a carve-out that swallows the cap). Narrow carve-outs (indemnities, gross
    negligence, wilful misconduct, fraud, confidentiality) are normal and not reported."""
    if _relies_on_master(ctx):
        return
    for info, s, e, sentence in _sentences(ctx, "all"):
        m = _UNLIMITED.search(sentence) or _SWALLOW.search(sentence)
        if m and not re.search(r"\bnot\s+(?:be\s+)?unlimited\b", sentence, re.I):
            ev = ctx.index.evidence(info.paragraph, info.section, s, e)
            what = "liability is stated to be unlimited" if _UNLIMITED.search(sentence) else \
                "the cap does not apply to any breach of the agreement, which leaves it with no effect"
            yield Hit(ev, {"detail": what}, quote=sentence.strip())
            return
    limits = _statements(ctx, "limit_liability")
    if any(_EXCLUDES_ALL.search(st.evidence.quote) for st in limits):
        return  # liability excluded altogether (direct damages included): not a missing cap
    cov = ctx.analysis.coverage.get("limitation_of_liability")
    if not limits and (cov is None or cov.status != "present"):
        return  # no liability clause at all: missing-limitation-of-liability reports that
    for info, s, e, sentence in _sentences(ctx, "all"):
        if _CAP.search(sentence) and _LIABILITY.search(info.paragraph.text):
            return
    exclusions = [st for st in limits if _DAMAGES_EXCLUDED.search(st.evidence.quote)]
    if not exclusions:
        return  # no clause limiting liability (force majeure or a narrow "not liable for X")
    yield Hit(exclusions[0].evidence, {"detail": "liability is limited (excluded damages) but no amount caps it"},
              topic="limitation_of_liability")


# -- suspension ---------------------------------------------------------------------------

_NOTICE = re.compile(
    r"\b(?:prior|advance|written|reasonable)\s+(?:written\s+)?notice\b|\bnotice\s+(?:to|of)\b|\bafter\s+(?:giving|notifying|providing)\b|"
    r"\bnotif(?:y|ies|ying|ied)\b|\binform(?:s|ed|ing)?\b|\balert(?:s|ed|ing)?\b|\bupon\s+(?:\w+\s+)?(?:\(\d+\)\s+)?(?:days?|business\s+days?)['\u2019]?\s+notice\b|\bwarning\b|\bcure\b",
    re.I,
)
_NO_NOTICE = re.compile(r"\bwithout\s+(?:any\s+)?(?:prior\s+|advance\s+|further\s+)?(?:written\s+)?notice\b|\bwithout\s+notifying\b", re.I)
_IMMEDIATE = re.compile(r"\bimmediately\b|\bat\s+any\s+time\b|\bforthwith\b|\bwith\s+immediate\s+effect\b", re.I)
_SUSPEND = re.compile(r"\bsuspen(?:d|ds|sion)\b", re.I)


@check(requires=("statements", "parties"), placeholders=("holder",))
def suspension_without_notice(ctx: RuleContext) -> Iterator[Hit]:
    """One party may suspend the services immediately or without notice ("may suspend the
    Services immediately and without notice if any invoice remains unpaid"). Suspension
    after notice, or with a promise to notify, is not reported."""
    seen: set[tuple[str, int]] = set()
    for st in _statements(ctx, "suspend"):
        if st.bearer == "both":
            continue
        q = st.evidence.quote
        para = _para_text(ctx, st.evidence)
        key = (st.evidence.anchor.part, st.evidence.anchor.paragraph)
        if key in seen or re.search(r"\b(?:may|shall|will)\s+not\s+suspend\b", q, re.I):
            continue
        no_notice = bool(_NO_NOTICE.search(q)) or "without_notice" in st.qualifiers
        immediate = bool(_IMMEDIATE.search(q)) or "at_any_time" in st.qualifiers
        rest = _NO_NOTICE.sub(" ", para)
        if not (no_notice or immediate) or _NOTICE.search(rest):
            continue  # notice before suspension, or a promise to notify / inform
        seen.add(key)
        holder = st.bearer if st.bearer in ROLES else None
        yield Hit(st.evidence, {"holder": role_name(ctx, holder) if holder else (st.bearer_text or subject_of(ctx, q, "A party"))})
    for info, s, e, sentence in _sentences(ctx):
        key = (info.paragraph.anchor.part, info.paragraph.anchor.paragraph)
        if key in seen or not _SUSPEND.search(sentence) or not _NO_NOTICE.search(sentence):
            continue
        if _MUTUAL.search(sentence) or re.search(r"\b(?:may|shall|will)\s+not\s+suspend\b", sentence, re.I):
            continue
        if _NOTICE.search(_NO_NOTICE.sub(" ", info.paragraph.text)):
            continue
        m = re.search(r"\b(?P<subject>We|[A-Z][\w&.-]*)\s+(?:may|can|reserves?\s+the\s+right\s+to|is\s+entitled\s+to)\b", sentence)
        if not m or re.match(r"(?:This|These|The|Either|Each|Neither|Both|Any|If|Where)\b", m.group("subject")):
            continue
        seen.add(key)
        ev = ctx.index.evidence(info.paragraph, info.section, s, e)
        yield Hit(ev, {"holder": m.group("subject")}, quote=sentence.strip())
