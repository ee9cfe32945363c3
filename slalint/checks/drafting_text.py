"""Text hygiene (pack `drafting`): placeholders, impossible dates, numbers whose words and
digits disagree, and parties named inconsistently.

These are the defects that survive a hurried final read: "[CUSTOMER ADDRESS]" left in the
preamble, "thirty (45) days", an agreement that expires before it starts, "Client" in one
clause when the party is defined as "Customer". Each check points at the exact words.
"""

from __future__ import annotations

import calendar
import difflib
import datetime as _dt
import re
from typing import Iterator

from slalint.engine.checks import check
from slalint.engine.context import Hit, ParaInfo, RuleContext

from slalint.checks.drafting_terms import paragraph_for, sentence_quote

# -- placeholders ----------------------------------------------------------------------

_BRACKET = re.compile(r"\[(?P<inner>[^\[\]\n]{0,120})\](?!\()")
_DOUBLE_BRACE = re.compile(r"\{\{\s*[^{}\n]{1,60}?\s*\}\}")
_BRACE = re.compile(r"(?<!\{)\{\s*[A-Za-z_][\w .:/-]{0,50}\}(?!\})")
_ANGLE = re.compile(r"<<\s*[^<>\n]{1,60}\s*>>|\u00ab[^\u00bb\n]{1,60}\u00bb|<(?:[A-Z][A-Z0-9]*(?:[ _-]+[A-Z0-9]+)*)>")
_GUILLEMET_QUOTE = re.compile(r"^(?:<<|\u00ab)\s+(?P<inner>[^<>\u00ab\u00bb]+?)\s+(?:>>|\u00bb)$")
"""French quotation marks typed as "<< import declarations >>" or "\u00ab Pty \u00bb" (a space inside
each mark, as French typography wants) quote words; a mail-merge field is written tight
("\u00abCustomer_Name\u00bb", "<<FEE>>")."""
_TBD = re.compile(r"\bTB[DCA]\b|\$\s?X{1,3}(?:,X{3})*(?:\.X{2})?\b|\bX{3,}\b")
_TOC_TAIL = r"\s*(?:Page\s+)?(?:[A-Z]{1,3}-)?(?:\d+|[ivxlc]+)\s*(?=$|\s{2,}|\s+\d+\.?\s+[A-Z]|\s+(?:SECTION|ARTICLE|Section|Article)\b)"
_BLANK = re.compile(r"_{4,}|(?<!\.)\.{6,}+(?!" + _TOC_TAIL + r")|\u2026{3,}+(?!" + _TOC_TAIL + r")")
"""Blank lines to fill in: underscores, and dots ("in favour of ..........") unless they lead
to a page number (a table of contents' "Definitions ........ 3" or "SECTION 2.0 ORDER OF
PRECEDENCE.... Page 5", even run together on one line). The dots are matched possessively:
backing off one dot must not turn "....3" into a blank."""
_TOC_ENTRY = re.compile(r"(?:^\s*\d+(?:\.\d+)*\.?|(?:^|\s)(?:SECTION|ARTICLE|Section|Article)\s+[\dIVXLC]+(?:\.\d+)*\.?)\s+[^.]{1,80}$")
_RULE_LINE = re.compile(r"^\s*_{20,}\s*(?:$|(?=[A-Z][a-z]+\s))")
"""A line of underscores alone on its line (or opening a paragraph that goes on with a
sentence): the horizontal rule of a cover page or a footnote separator in a filing, not a
blank, unless the line before is a label ending in ":"."""
_NOT_PLACEHOLDER = re.compile(
    r"^\s*(?:\*+|reserved|intentionally\s+(?:left\s+)?(?:blank|omitted|deleted)|deleted|omitted|redacted|sic|"
    r"signature\s+page\s+follows|remainder\s+of\s+(?:this\s+)?page.*|x|\u2713|\u2714|\s*|\d{1,3}|[a-z]|[ivx]{1,4}|"
    r"confidential(?:\s+treatment)?(?:\s+requested)?|emphasis\s+added|continued)\s*\.?\s*$",
    re.I,
)
_NOT_PLACEHOLDER_WORDS = re.compile(
    r"\b(?:intentionally\s+(?:left\s+)?blank|left\s+blank|signatures?\s+(?:page|pages|follows?|on\s+(?:the\s+)?(?:next|following))|illegible|logo|graphic|"
    r"letterhead|(?:address|name|text|information)\s+removed|omitted|redacted)\b|^\s*(?:note|see)\s*:|^\s*source\b|^\s*!\w+\s*$|"
    r"^\s*form(?:\s+of\b.*)?\s*$|^\s*(?:alpha|beta|gamma|delta|epsilon|theta|lambda|mu|pi|rho|sigma|tau|phi|chi|psi|omega|"
    r"bullet|check(?:\s*mark)?|box|checked\s+box|degree|trademark|registered|copyright)\s*$",
    re.I,
)
"""Bracketed text that fills nothing in: notes left by the filer ("[The remainder of this page
is left blank]", "[Source: PPA 7(c)]"), a label saying an attachment is a form ("[FORM]"),
and the names EDGAR filings write for symbols they cannot show ("[tau]", "[bullet]")."""
_NUMBER_WORDS = re.compile(
    r"\b(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|"
    r"eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand)\s*$",
    re.I,
)
_QUOTED = re.compile(r'^\s*["\u201c][^"\u201c\u201d]+["\u201d]\s*$')
_ASIDE = re.compile(r"(?:Clauses?|Sections?|Articles?|Exhibits?|Schedules?|Annex(?:es)?|Appendix)\s+\d[\w.]*\s*\(\s*[\"\u201c]", re.I)
"""A bracketed aside that cites a clause by number and quoted title ("[notably as per Clause
13 ("Security Deposit")]"): a filing that writes its parentheses as brackets, not an option
left open."""
_PLACEHOLDER_WORDS = re.compile(r"\b(?:insert|enter|specify|add|describe|name|date|amount|address|number|tbd|tbc|details?|title|fill)\b", re.I)
_SIGNATURE_LINE = re.compile(
    r"/s/|\bBy:\s*_{3,}|^\s*(?:\(?\s*(?:By|Per|Name|Print(?:ed)?\s+Name|Title|Position|Date|Dated|Signature|Signed|Its|Witness(?:ed)?|Initials?|Email|E-mail|"
    r"Phone|Tel|Address|Authori[sz]ed\s+(?:Signatory|Signature|Representative))\s*\)?\s*[:.]?)",
    re.I,
)
_EXECUTION = re.compile(r"\bIN\s+WITNESS\s+WHEREOF\b|\bEXECUTED\s+(?:as\s+an?\s+)?(?:AGREEMENT|DEED)\b|\bsignature\s+page\b|\bsigned\s+(?:for\s+and\s+)?on\s+behalf\s+of\b", re.I)
_UK_EXECUTION = re.compile(r"^\s*SIGNED\s+(?:by|for)\b")
"""A UK execution block ("SIGNED by [NAME] JOHN ROGERS ) duly authorised for and on behalf
of )"): the signatory's lines follow."""
_DATE_BLANK = re.compile(r"\b(?:By|Date|Dated|Signature)\s*:\s*_{3,}")
_SIGNATURE_LABEL = re.compile(r"^\s*(?:print(?:ed)?\s+)?(?:name|title|date|signature|signatory)\s*$", re.I)
"""A bracketed label of a signature block ("SIGNED by [NAME] ...")."""
_ATTACHMENT = re.compile(r"^\W{0,3}(?:[A-Za-z]+\s+[a-z]+\s+)?(?:EXHIBIT|Exhibit|SCHEDULE|Schedule|ANNEX|Annex|APPENDIX|Appendix|ATTACHMENT|Attachment)\s+"
                         r"(?:[A-Z]{1,2}|\d{1,2})(?:-\d{1,2})?\b(?!\.\d)")
_FORM_OF = re.compile(r"^\W{0,3}(?:FORM|Form)\s+(?:OF|of)\s+\S")
"""An attachment that is a form to be used later ("EXHIBIT 13 - FORM OF STANDBY LETTER OF
CREDIT", "Exhibit B" then "Form of Annual Certification"): its blanks are filled in each
time the form is used, not when the agreement is signed."""
_LATE_FORM_CAPTION = re.compile(r"\b(?:EXHIBIT|SCHEDULE|ANNEX|APPENDIX|ATTACHMENT)\s+(?:[A-Z]{1,2}|\d{1,2})(?:-\d{1,2})?\s*[-\u2013\u2014:]\s*FORM\s+OF\s+[A-Z][^a-z]*$")
"""A form's caption closing a paragraph that a plain-text filing ran together with the page
header before it."""


_CAPTION_WORD = re.compile(r"^(?:[A-Z][\w'\u2019&-]*|of|and|or|the|for|to|in|on|a|an|by|with|\d+)[;,]?$")
_REFERENCE_LEAD = re.compile(
    r"\b(?:Sections?|Articles?|Clauses?)\s+[\dIVXLC]+(?:\.\d+)*(?:\([a-z0-9]{1,4}\))*(?:\s+\[[^\[\]]{1,60}\])?"
    r"(?:\s*(?:,|and|or|,\s*and)\s+[\dIVXLC]+(?:\.\d+)*(?:\([a-z0-9]{1,4}\))*(?:\s+\[[^\[\]]{1,60}\])?)*\s*$", re.I)
_CAPTION_LEAD = re.compile(r"(?:^|[.:;]\s+)(?:Section|Article|Clause|SECTION|ARTICLE|CLAUSE)\s+[\dIVXLC]+(?:\.\d+)*\.?\s*$")


def _is_bracketed_caption(inner: str, before: str, after: str) -> bool:
    """A heading typed in brackets on a line of its own ("[Start-Up Costs]" under
    "EXHIBIT D", "[Term]" in a filing that brackets its captions): a Title Case phrase of a
    few words that names no field to fill in. "[Customer Name]" and "[Insert Address]" stay
    placeholders, as do capitals ("[CUSTOMER ADDRESS]")."""
    after_reference = bool(_REFERENCE_LEAD.search(before))  # "Section 4.03 [Advertising and Promotion]"
    repeated = bool(inner.strip()) and after.strip().lower().startswith(inner.strip().lower())  # "[Term] Term. The ..."
    if not after_reference and ((before.strip() and not _CAPTION_LEAD.search(before))
                                or (after.strip(" .:") and not re.match(r"\s*[.:]\s", after) and not repeated)):
        return False  # alone on its line, or a run-in caption ("9.12 [Captions]. Captions. The ...")
    words = inner.split()
    if not 1 <= len(words) <= 8 or inner.isupper() or not words[0][:1].isupper():
        return False
    return all(_CAPTION_WORD.match(w) for w in words) and not _PLACEHOLDER_WORDS.search(inner)


def _bracket_is_placeholder(inner: str, after: str, before: str = "") -> bool:
    if _NOT_PLACEHOLDER_WORDS.search(inner) or _QUOTED.match(inner):
        return False  # "[The remainder of this page is intentionally left blank.]", "[INITIALS ILLEGIBLE]", Exhibit 5 ["Stock"]
    if _NOT_PLACEHOLDER.match(inner):
        if inner.strip().isdigit() and re.match(r"^\s+[a-z%]", after) and not _NUMBER_WORDS.search(before):
            return True  # "[30] days": a number still to be agreed ("one hundred eighty [180] days" restates one)
        return False
    if len(inner.split()) >= 4 and _ASIDE.search(inner):
        return False  # "[notably as per Clause 13 ("Security Deposit")]"
    s = inner.strip()
    if s in ("\u2022", "\u25cf", "...", "\u2026") or set(s) <= set("_.\u2026 \u2022\u25cf"):
        return True
    letters = [c for c in s if c.isalpha()]
    if letters and sum(c.isupper() for c in letters) / len(letters) > 0.7 and len(letters) >= 2:
        return True  # [CUSTOMER ADDRESS], [NAME]
    if _PLACEHOLDER_WORDS.search(s) or "_" in s:
        return True
    return len(s.split()) >= 1 and bool(letters)  # [the Customer / the Client]: a drafting option left open


def _looks_like_field(inner: str) -> bool:
    """Capitals, an underscore or a field word: "FEE", "Customer_Name", "insert date"."""
    letters = [c for c in inner if c.isalpha()]
    caps = len(letters) >= 2 and sum(c.isupper() for c in letters) / len(letters) > 0.7
    return caps or "_" in inner or bool(_PLACEHOLDER_WORDS.search(inner))


def _signature_zone(ctx: RuleContext) -> set[int]:
    """ids of paragraphs from the execution clause ("IN WITNESS WHEREOF") onwards, up to the
    next section heading: signature blanks there are filled in when signing."""
    zone: set[int] = set()
    inside = False
    current_section = None
    for info in ctx.iter_paragraphs("all"):
        if inside and info.section is not current_section and info.is_heading:
            inside = False
        if _EXECUTION.search(info.paragraph.text) or _UK_EXECUTION.match(info.paragraph.text):
            inside = True
            current_section = info.section
        if inside:
            zone.add(id(info.paragraph))
    return zone


def _form_zone(ctx: RuleContext) -> set[int]:
    """ids of paragraphs inside a "Form of ..." attachment, from its caption up to the next
    attachment caption. The caption is a short line; the EDGAR exhibit number of the filing
    itself ("Exhibit 10.4") is no attachment, and a document whose own title is "Form of
    ..." (a whole form agreement) is not a zone."""
    zone: set[int] = set()
    inside = False
    last_attachment = -10
    for n, info in enumerate(ctx.iter_paragraphs("all")):
        para = info.paragraph
        text = f"{para.label or ''} {para.text}".strip()  # a heading's label: "Exhibit B" + "FORM OF ..."
        m = _ATTACHMENT.match(text[:160])
        late = len(text) <= 400 and _LATE_FORM_CAPTION.search(text)
        if late:
            inside = True  # "... Page 93/110 Execution version EXHIBIT 13 - FORM OF STANDBY LETTER OF CREDIT"
            last_attachment = n
        elif m:
            rest = re.sub(r"^[\s\-\u2013\u2014:.]+", "", text[m.end():])
            inside = bool(_FORM_OF.match(rest))  # "EXHIBIT 13 - FORM OF STANDBY LETTER OF CREDIT"
            last_attachment = n
        elif len(text) <= 160 and _FORM_OF.match(text) and n - last_attachment <= 2:
            inside = True  # "Exhibit B" on one line, "Form of Annual Certification" on the next
        if inside:
            zone.add(id(info.paragraph))
    return zone


def _signature_table_rows(ctx: RuleContext) -> set[tuple[int, int]]:
    """Table rows of a signature table (one whose cells hold "By:" / "Name:" lines)."""
    rows: set[tuple[int, int]] = set()
    tables: dict[int, list[ParaInfo]] = {}
    for info in ctx.iter_paragraphs("tables"):
        if info.row is not None:
            tables.setdefault(info.row[0], []).append(info)
    for t, infos in tables.items():
        if sum(1 for i in infos if _SIGNATURE_LINE.match(i.paragraph.text)) >= 2:
            rows.update(i.row for i in infos if i.row is not None)
    return rows


def _placeholder_key(shown: str, what: str) -> str:
    """What makes two placeholders "the same field": the text without case and spacing for
    named fields ("{customer_name}", "[CUSTOMER ADDRESS]"); every blank line is one field
    kind ("____" and "________" are both just a blank), as is every highlighted blank."""
    if what in ("blank to fill in", "highlighted blank"):
        return what
    return what + ":" + re.sub(r"\s+", " ", shown.strip().lower())


_MAX_EXTRA = 25
"""At most this many further occurrences are attached to a placeholder's finding as evidence."""


@check(placeholders=("placeholder", "what", "count"))
def placeholder_left(ctx: RuleContext) -> Iterator[Hit]:
    """Unfilled template fields: [BRACKETED] text, {{field}}, {field}, <ANGLE> fields, TBD,
    [•], blank lines ____ and highlighted blanks. A signature line's blanks ("By: ____",
    "Date: ____", the lines after "IN WITNESS WHEREOF") are filled in when signing and are
    not placeholders.

    One finding per distinct placeholder and document, at its first occurrence: a template
    with "{customer_name}" in forty places reads as one field to fill in, not forty
    findings. The message gives the number of occurrences; the further ones are attached as
    extra evidence (the first ``_MAX_EXTRA``). A document with more distinct placeholders
    than the ``template_threshold`` option is an unfilled template: it gets one finding that
    lists the fields, with the first place of each as evidence."""
    groups: dict[str, list[Hit]] = {}
    for hit in _placeholder_hits(ctx):
        groups.setdefault(_placeholder_key(hit.values["placeholder"], hit.values["what"]), []).append(hit)
    threshold = int(ctx.options.get("template_threshold", 10))
    if threshold and len(groups) > threshold:
        # an unfilled template (a Common Paper form, a CCS order form): one finding listing
        # the fields, each field's first place attached as evidence, instead of dozens
        firsts = [hits[0] for hits in groups.values()]
        names = [h.values["placeholder"] for h in firsts]
        first = firsts[0]
        first.values["what"] = f"template: {len(groups)} distinct placeholders left"
        first.values["placeholder"] = ", ".join(names[:5]) + (", ..." if len(names) > 5 else "")
        first.values["count"] = f" ({sum(len(h) for h in groups.values())} occurrences)"
        first.extra_evidence = [h.evidence for h in firsts[1:1 + _MAX_EXTRA] if h.evidence is not None]
        yield first
        return
    for hits in groups.values():
        first = hits[0]
        n = len(hits)
        first.values["count"] = f" ({n} occurrences)" if n > 1 else ""
        first.extra_evidence = [h.evidence for h in hits[1:1 + _MAX_EXTRA] if h.evidence is not None]
        yield first


def _placeholder_hits(ctx: RuleContext) -> Iterator[Hit]:
    """Every placeholder occurrence, in document order."""
    zone = _signature_zone(ctx)
    forms = _form_zone(ctx)
    sig_rows = _signature_table_rows(ctx)
    previous = ""
    for info in ctx.iter_paragraphs("all"):
        para = info.paragraph
        text = para.text
        label_before, previous = previous, text
        if id(para) in forms:
            continue  # a "Form of ..." attachment: filled in each time the form is used
        found: list[tuple[int, int, str]] = []
        signature_line = (id(para) in zone or (info.row is not None and info.row in sig_rows)
                          or bool(_SIGNATURE_LINE.search(text)) or bool(_DATE_BLANK.search(text)))
        for m in _BRACKET.finditer(text):
            if text[m.end():m.end() + 2] == ": " and re.match(r"\s*https?://", text[m.end() + 1:]):
                continue  # a Markdown link reference definition "[support]: https://..."
            if _is_bracketed_caption(m.group("inner"), text[:m.start()], text[m.end():]):
                continue
            if signature_line and _SIGNATURE_LABEL.match(m.group("inner")):
                continue  # "SIGNED by [NAME] JOHN ROGERS": the label of a signature line
            if _bracket_is_placeholder(m.group("inner"), text[m.end():], text[:m.start()]):
                found.append((m.start(), m.end(), "bracketed placeholder"))
        variable = re.search(r"\bX{3,}\s*=", text)  # "a table with XXX lines (XXX = number of parts)"
        for rx, what in ((_DOUBLE_BRACE, "template field"), (_BRACE, "template field"), (_ANGLE, "template field"),
                         (_TBD, "to-be-determined marker")):
            for m in rx.finditer(text):
                if any(a <= m.start() < b for a, b, _ in found):
                    continue
                if rx is _TBD and variable and m.group(0).startswith("X"):
                    continue
                quoted = _GUILLEMET_QUOTE.match(m.group(0)) if rx is _ANGLE else None
                if quoted and not _looks_like_field(quoted.group("inner")):
                    continue  # "<< import declarations >>": French quotation marks
                found.append((m.start(), m.end(), what))
        if not signature_line:
            for m in _BLANK.finditer(text):
                if any(a <= m.start() < b for a, b, _ in found):
                    continue
                if m.start() == 0 and _RULE_LINE.match(text) and not label_before.rstrip().endswith(":"):
                    continue  # a rule line across the page, not a blank
                if not text[m.end():].strip() and _TOC_ENTRY.search(text[:m.start()]):
                    continue  # "SECTION 2.0 TERM ........" whose page number went to the next line
                found.append((m.start(), m.end(), "blank to fill in"))
        for mark in para.marks:
            if mark.kind != "highlight" or signature_line:
                continue
            end = mark.end if mark.end is not None else len(text)
            shown = text[mark.start:end]
            if shown.strip(" _.\u2026\t\u00a0") == "" or _BLANK.search(shown):
                if not any(a <= mark.start < b for a, b, _ in found):
                    found.append((mark.start, end, "highlighted blank"))
        for start, end, what in sorted(found):
            ev = ctx.index.evidence(para, info.section, start, end)
            shown = text[start:end] if text[start:end].strip() else "(highlighted blank)"
            yield Hit(ev, {"placeholder": shown, "what": what}, quote=sentence_quote(ctx, ev))


# -- dates ------------------------------------------------------------------------------

_MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
_MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
_MONTHS["sept"] = 9
_MONTH = r"(?P<month>January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
_MDY = re.compile(_MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?(?:\s*,\s*|\s+)(?P<year>(?:19|20)\d{2})\b")
_DMY = re.compile(r"\b(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:day\s+of\s+)?" + _MONTH + r",?\s+(?P<year>(?:19|20)\d{2})\b")
_MD = re.compile(_MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?\b(?!\s*,?\s*\d)(?!\s*[-\u2013/:])")
_NUMERIC = re.compile(r"(?<![\d./-])(?P<a>\d{1,2})(?P<sep>[/.-])(?P<b>\d{1,2})(?P=sep)(?P<year>(?:19|20)\d{2})(?![\d./-])")
_ISO = re.compile(r"(?<![\d-])(?P<year>(?:19|20)\d{2})-(?P<b>\d{2})-(?P<a>\d{2})(?![\d-])")

_START_LABEL = re.compile(
    r"(?:\bEffective\s+Date|\bCommencement\s+Date|\bStart\s+Date|\b(?:is\s+)?(?:made|entered\s+into|effective)\s+(?:as\s+of|on)|"
    r"\b(?:begins|commences|starts|start|commence|begin)\s+on)\W{0,6}(?:the\s+)?$",
    re.I,
)
_START_AFTER = re.compile(r"^\s*\(?\s*(?:the\s+)?[\"\u201c]?(?:Effective|Commencement|Start)\s+Date", re.I)
_END_LABEL = re.compile(
    r"(?:\b(?:Expiry|Expiration|End|Termination)\s+Date|\b(?:expires?|ends?|terminates?)\s+on|"
    r"\b(?:continues?|remains?\s+in\s+(?:full\s+)?(?:force|effect)(?:\s+and\s+effect)?|in\s+effect)\s+until)\W{0,6}(?:the\s+)?$",
    re.I,
)


def _valid(year: int, month: int, day: int) -> bool:
    try:
        _dt.date(year, month, day)
        return True
    except ValueError:
        return False


def _dates(text: str) -> Iterator[tuple[int, int, _dt.date | None, str]]:
    """(start, end, date or None when impossible, why) for every date written in ``text``."""
    taken: list[tuple[int, int]] = []

    def free(m: re.Match[str]) -> bool:
        return not any(a < m.end() and m.start() < b for a, b in taken)

    for rx in (_MDY, _DMY):
        for m in rx.finditer(text):
            if not free(m):
                continue
            taken.append(m.span())
            month = _MONTHS[m.group("month").lower().rstrip(".")]
            day, year = int(m.group("day")), int(m.group("year"))
            if rx is _DMY and (day > 31 or re.search(r"\b(?:page|p\.|no\.?|section|clause)\s*$", text[max(0, m.start() - 8):m.start()], re.I)):
                continue  # "Page 32 May 2004": a page number before a date
            if _valid(year, month, day):
                yield m.start(), m.end(), _dt.date(year, month, day), ""
            else:
                yield m.start(), m.end(), None, f"{calendar.month_name[month]} {year} has no day {day}"
    for m in _MD.finditer(text):
        if not free(m):
            continue
        month = _MONTHS[m.group("month").lower().rstrip(".")]
        day = int(m.group("day"))
        if not _valid(2024, month, day):  # a leap year: 29 February is possible
            taken.append(m.span())
            yield m.start(), m.end(), None, f"{calendar.month_name[month]} has no day {day}"
    for rx in (_NUMERIC, _ISO):
        for m in rx.finditer(text):
            if not free(m):
                continue
            taken.append(m.span())
            a, b, year = int(m.group("a")), int(m.group("b")), int(m.group("year"))
            options = []
            if rx is _ISO:
                options = [(b, a)]
            else:
                options = [(a, b), (b, a)]
            valid = [(mo, d) for mo, d in options if _valid(year, mo, d)]
            if not valid:
                yield m.start(), m.end(), None, "no such day or month"
            elif len(valid) == 1 or valid[0] == valid[1] or rx is _ISO:
                mo, d = valid[0]
                yield m.start(), m.end(), _dt.date(year, mo, d), ""


@check(placeholders=("date", "why"))
def impossible_date(ctx: RuleContext) -> Iterator[Hit]:
    """Dates that cannot exist (30 February, 31 April, month 13) and an agreement whose
    stated expiry or end date falls before its effective or start date."""
    starts: list[tuple[_dt.date, object]] = []
    ends: list[tuple[_dt.date, object, int, int, str]] = []
    for info in ctx.iter_paragraphs("all"):
        text = info.paragraph.text
        for a, b, date, why in _dates(text):
            ev = ctx.index.evidence(info.paragraph, info.section, a, b)
            if date is None:
                yield Hit(ev, {"date": text[a:b], "why": why}, quote=sentence_quote(ctx, ev))
                continue
            before = text[max(0, a - 80):a]
            if _START_LABEL.search(before) or _START_AFTER.match(text[b:b + 40]):
                starts.append((date, ev))
            elif _END_LABEL.search(before):
                ends.append((date, ev, a, b, text[a:b]))
            elif info.row is not None:
                label = _row_label(ctx, info)
                if re.search(r"\b(?:effective|commencement|start)\b", label, re.I):
                    starts.append((date, ev))
                elif re.search(r"\b(?:expiry|expiration|end|termination)\s+date\b", label, re.I):
                    ends.append((date, ev, a, b, text[a:b]))
    if not starts:
        return
    start_date, start_ev = min(starts, key=lambda s: s[0])
    for date, ev, _a, _b, shown in ends:
        if date < start_date:
            yield Hit(ev, {"date": shown, "why": f"it ends before it starts (the start date is {start_date:%B} {start_date.day}, {start_date.year})"},  # type: ignore[arg-type]
                      quote=sentence_quote(ctx, ev), extra_evidence=[start_ev])  # type: ignore[list-item]


def _row_label(ctx: RuleContext, info: ParaInfo) -> str:
    """The first cell of the table row holding ``info`` (a "Start Date | 1 March 2025" row)."""
    for other in ctx.index.paragraphs:
        if other.row == info.row and other.col == 0 and other is not info:
            return other.paragraph.text
    return ""


# -- numbers ----------------------------------------------------------------------------

@check(requires=("quantities",), placeholders=("text", "words", "digits"))
def number_mismatch(ctx: RuleContext) -> Iterator[Hit]:
    """A number written in words and in digits that disagree ("thirty (45) days"): which
    one binds is a dispute waiting to happen."""
    for q in ctx.analysis.quantities:
        if not q.mismatch:
            continue
        words = q.words_value
        digits = q.digits_value
        if words and digits and any(abs(digits - words * k) < 1e-6 or abs(words - digits * k) < 1e-6 for k in (100, 1000, 1_000_000, 1_000_000_000)):
            continue  # "Six Million (6,000,000)" read without its scale word
        yield Hit(q.evidence, {"text": q.text, "words": _num(words), "digits": _num(digits)},
                  quote=sentence_quote(ctx, q.evidence))


def _num(v: float | None) -> str:
    if v is None:
        return "?"
    return str(int(v)) if float(v).is_integer() else str(v)


# -- parties -----------------------------------------------------------------------------

_PROVIDER_WORDS = ("Provider", "Supplier", "Vendor", "Contractor", "Consultant", "MSP", "Licensor", "Seller", "Agency", "Reseller")
_CUSTOMER_WORDS = ("Customer", "Client", "Buyer", "Purchaser", "Licensee", "Subscriber", "Recipient")
_SUFFIX = r"(?:Inc|Incorporated|LLC|L\.L\.C|Ltd|Limited|LLP|PLC|Corp|Corporation|Co|GmbH|AG|S\.A|B\.V|N\.V|P\.C|Pty(?:\s+Ltd)?)\.?"
_LEGAL_NAME = re.compile(r"(?P<name>(?:[A-Z][\w&'\u2019-]*\.?\s+){1,6}?(?:[A-Z][\w&'\u2019-]*)?,?\s+" + _SUFFIX + r"(?:,?\s+" + _SUFFIX + r")*)(?![\w])")
"""A company's legal name ending in its suffixes ("Acme Ltd.", "Rise Consulting Co., Ltd.")."""


def _norm_name(s: str) -> list[str]:
    s = re.sub(r"['\u2019]s\b", "", s)
    return [w for w in re.sub(r"[^\w&]+", " ", s.lower()).split() if w not in ("the",)]


def _party_legal_names(ctx: RuleContext) -> list[tuple[str, object]]:
    """(legal name, evidence) of each party: names with a company suffix written just
    before a party definition ("Acme Managed IT Ltd., a New York corporation ... ("Provider")"),
    plus the analysis's party names that carry a suffix."""
    out: list[tuple[str, object]] = []
    seen: set[str] = set()
    for entry in ctx.analysis.glossary.values():
        if entry.how != "party":
            continue
        info = paragraph_for(ctx, entry.evidence)
        if info is None:
            continue
        text = info.paragraph.text
        head = text[:entry.evidence.anchor.start]
        # the last legal name before the definition, after the previous party definition
        cut = max(head.rfind(")"), 0)
        names = list(_LEGAL_NAME.finditer(head, cut))
        if not names:
            continue
        m = names[0]
        name = m.group("name").strip().rstrip(",")
        key = " ".join(_norm_name(name))
        if key not in seen:
            seen.add(key)
            out.append((name, ctx.index.evidence(info.paragraph, info.section, m.start("name"), m.end("name"))))
    for p in ctx.analysis.parties:
        if p.evidence is not None and re.search(_SUFFIX + r"\s*$", p.name):
            key = " ".join(_norm_name(p.name))
            if key not in seen:
                seen.add(key)
                out.append((p.name, p.evidence))
    return out


_SUFFIX_WORDS = frozenset("inc incorporated llc l l c ltd limited llp plc corp corporation co gmbh ag s a b v n v p c pty".split())


def _core(words: list[str]) -> tuple[str, ...]:
    out = list(words)
    while out and out[-1] in _SUFFIX_WORDS:
        out.pop()
    return tuple(out)


_SUFFIX_SAME = {"corporation": "corp", "incorporated": "inc", "limited": "ltd"}


def _suffix(words: list[str]) -> tuple[str, ...]:
    """The company suffix, its long and short forms and dotted letters made one ("Corp." =
    "Corporation", "L.L.C." = "LLC")."""
    joined = re.sub(r"\b(\w) (?=\w\b)", r"\1", " ".join(words[len(_core(words)):]))
    return tuple(_SUFFIX_SAME.get(w, w) for w in joined.split())


_ROLE_NOT_A_PARTY_NAME = frozenset({"Agency", "Recipient"})
"""Capitalised words of the role families that usually name something else: the agency
relationship ("Scope of Agency"), the receiving party of confidential information."""


def _names_a_class(ctx: RuleContext, word: str) -> bool:
    """Whether the document uses ``word`` for a class of others: in the plural ("Customers")
    or generically ("a Customer", "any Subscriber", "Reseller's Customer")."""
    rx = re.compile(r"(?:\b(?:a|an|any|each|every|its|their|other|such)\s+|['\u2019]s\s+)" + word + r"\b|\b" + word + r"s\b")
    return any(rx.search(info.paragraph.text) for info in ctx.iter_paragraphs("body"))


@check(requires=("terms", "parties"), placeholders=("used", "defined", "detail"))
def party_name_inconsistent(ctx: RuleContext) -> Iterator[Hit]:
    """A party called two ways: its legal name written differently ("Northwind Computer
    Services, Inc." for "Northwind Computer Services LLC"), or a role word that was never
    defined used for a party that was ("Client" when the party is defined as "Customer")."""
    glossary_lower = {t.lower() for e in ctx.analysis.glossary.values() for t in (e.term, *e.alternates)}
    for p in ctx.analysis.parties:
        glossary_lower.update(a.lower() for a in p.aliases)
    # (a) legal names spelled differently: the same name with another company suffix
    # ("..., Inc." for "... LLC") or a near-identical spelling ("HEALTHCATE" for "HEALTHCARE").
    # Affiliates and products that share the first word ("Corio Services") are not parties.
    legal = _party_legal_names(ctx)
    cores = [(_core(_norm_name(n)), _suffix(_norm_name(n))) for n, _ in legal]
    reported: set[str] = set()  # one finding per spelling, whichever party it resembles
    for name, ev in legal:
        want = _norm_name(name)
        if len(want) < 2:
            continue
        my_core = _core(want)
        first = re.escape(name.split()[0])
        rx = re.compile(r"\b(?i:" + first + r")(?:\s+[A-Z][\w&'\u2019-]*\.?|,?\s+(?i:" + _SUFFIX + r")(?![\w]))*")
        for info in ctx.iter_paragraphs("all"):
            for m in rx.finditer(info.paragraph.text):
                got = _norm_name(m.group(0))
                core, suffix = _core(got), _suffix(got)
                if not suffix or (core, suffix) in cores:
                    continue  # not a legal name, or exactly a party's name
                # (compared with this party's name, so the message names the party meant)
                same_core = core == my_core
                typo = my_core != core and len(my_core) == len(core) and \
                    difflib.SequenceMatcher(None, " ".join(my_core), " ".join(core)).ratio() >= 0.9
                if not (same_core or typo):
                    continue
                key = " ".join((*core, *suffix))
                if key in reported:
                    continue
                reported.add(key)
                hit_ev = ctx.index.evidence(info.paragraph, info.section, m.start(), m.end())
                yield Hit(hit_ev, {"used": m.group(0), "defined": name,
                                   "detail": f'"{m.group(0).strip()}" does not match the party\'s name "{name}"'},
                          quote=sentence_quote(ctx, hit_ev), extra_evidence=[ev])  # type: ignore[list-item]
    # (b) an undefined role word for a party that has a defined role name
    defined_roles = {w for w in (*_PROVIDER_WORDS, *_CUSTOMER_WORDS) if w.lower() in glossary_lower}
    for family in (_PROVIDER_WORDS, _CUSTOMER_WORDS):
        mine = [w for w in family if w in defined_roles]
        if len(mine) != 1:
            continue
        for word in family:
            if word in defined_roles or word in _ROLE_NOT_A_PARTY_NAME:
                continue
            if _names_a_class(ctx, word):
                continue  # "a Customer", "Customers": the other party's customers, not the party
            rx = re.compile(r"(?<![\w\"\u201c'-])" + word + r"(?:['\u2019]s)?\b(?!\s+[A-Z])(?![\"\u201d-])")
            uses = []
            for info in ctx.iter_paragraphs("body"):
                text = info.paragraph.text
                title = (info.section.title or "").strip()
                for m in rx.finditer(text):
                    if title and text.lstrip().startswith(title) and m.start() < text.index(title) + len(title):
                        continue  # the run-in caption of the clause ("11.6 Independent Contractor.")
                    if not text[:m.start()].strip(" (\"\u201c") and re.match(r"^\w+(?:\s+[a-z][\w-]*){0,3}\s*[:.\u2013\u2014-]\s", text[m.start():]):
                        continue  # a caption opening a list item ("Vendor management: ...")
                    before = text[max(0, m.start() - 30):m.start()]
                    if re.search(r"[A-Z][\w-]*\s+$", before) and not re.search(r"(?:^|[.;:]\s*)[A-Z][\w-]*\s+$", before):
                        continue  # part of a longer name ("Managed Service Provider")
                    if re.search(r"\b(?:a|an|any|each|other|third[- ]party)\s+$", before, re.I):
                        continue  # generic: "any Vendor" is not the party
                    after = text[m.end():m.end() + 20]
                    if not (re.search(r"\b(?:the|to|by|from|with|of|and|or|for)\s+$", before, re.I) or m.group(0).endswith(("'s", "\u2019s"))
                            or re.match(r"\s+(?:shall|will|may|must|agrees?|is|has|acknowledges|warrants|represents)\b", after)):
                        continue  # not used as the name of a party ("Customer satisfaction surveys")
                    uses.append((info, m))
            if not uses:
                continue
            info, m = uses[0]
            hit_ev = ctx.index.evidence(info.paragraph, info.section, m.start(), m.end())
            yield Hit(hit_ev, {"used": word, "defined": mine[0],
                               "detail": f'"{word}" is used {len(uses)} time(s) but the party is defined as "{mine[0]}"'},
                      quote=sentence_quote(ctx, hit_ev))


__all__ = ["placeholder_left", "impossible_date", "number_mismatch", "party_name_inconsistent"]
