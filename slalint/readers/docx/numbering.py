"""Word automatic numbering, rendered the way Word prints it.

Clause numbers in a Word agreement are usually not in the text: a paragraph says "I am item
of list 7 at level 2" (``w:numPr``, directly or through its style) and Word computes "4.2"
or "(b)" from ``numbering.xml``. A *num* (``w:num``) points to an *abstract numbering*
(``w:abstractNum``) holding up to nine levels, each with a start value, a format
(decimal, lowerLetter, upperRoman, bullet...), a template such as ``"%1.%2"`` or ``"(%3)"``
and a restart rule; a num may override levels (``w:lvlOverride``/``w:startOverride``).

Counting follows Word: the counters belong to the abstract numbering, so nums that share
one continue one list; a num with a start (or level) override restarts the overridden levels
where it is first used, and paragraphs of the other nums then continue from there; a level
restarts whenever a higher level is used (or per ``w:lvlRestart``); ``w:isLgl`` shows every
number of the label in decimal ("Article IV" level text "%1.%2" with isLgl gives "4.1").
"""

from __future__ import annotations

from dataclasses import dataclass, field

from slalint.readers.docx.xml import W, child_map, on_off

_NUM_STYLE_LINK = f"{W}numStyleLink"
_LVL = f"{W}lvl"

BULLET = "•"
_BULLET_MAP = {
    "\uf0b7": BULLET, "\uf0a7": "▪", "\uf0d8": "➢", "\uf0fc": "✓", "\uf076": "❖", "\uf06e": "■",
    "\uf0a8": "•", "o": "◦", "\uf02d": "-", "\u2022": BULLET, "": BULLET,
}


@dataclass
class Level:
    """One level of an abstract numbering."""

    ilvl: int
    start: int = 1
    fmt: str = "decimal"
    text: str | None = None
    restart: int | None = None
    is_lgl: bool = False
    pstyle: str | None = None

    @property
    def is_bullet(self) -> bool:
        return self.fmt == "bullet"


@dataclass
class Num:
    num_id: str
    abstract_id: str | None
    start_overrides: dict[int, int] = field(default_factory=dict)
    level_overrides: dict[int, Level] = field(default_factory=dict)


def _int(el, attr: str = f"{W}val", default: int | None = None) -> int | None:
    if el is None:
        return default
    try:
        return int(el.get(attr, ""))
    except ValueError:
        return default


_START = f"{W}start"
_NUM_FMT = f"{W}numFmt"
_PIC_BULLET = f"{W}lvlPicBulletId"
_LVL_TEXT = f"{W}lvlText"
_LVL_RESTART = f"{W}lvlRestart"
_IS_LGL = f"{W}isLgl"
_PSTYLE = f"{W}pStyle"
_VAL = f"{W}val"


def _parse_level(lvl) -> Level:
    # One pass over the level's children (a template's numbering.xml can hold hundreds of
    # levels; this runs once per level used). The first child of each kind counts.
    level = Level(ilvl=_int(lvl, f"{W}ilvl", 0) or 0)
    seen: set = set()
    pic_bullet = False
    for child in lvl:
        tag = child.tag
        if tag in seen:
            continue
        seen.add(tag)
        if tag == _START:
            start = _int(child)
            if start is not None:
                level.start = start
        elif tag == _NUM_FMT:
            level.fmt = child.get(_VAL, "decimal")
        elif tag == _PIC_BULLET:
            pic_bullet = True
        elif tag == _LVL_TEXT:
            level.text = child.get(_VAL, "")
        elif tag == _LVL_RESTART:
            level.restart = _int(child)
        elif tag == _IS_LGL:
            level.is_lgl = bool(on_off(child))
        elif tag == _PSTYLE:
            level.pstyle = child.get(_VAL)
    if pic_bullet and _NUM_FMT not in seen:
        level.fmt = "bullet"
    return level


def to_roman(n: int) -> str:
    if n <= 0 or n >= 4000:
        return str(n)
    out = []
    for value, sym in ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")):
        while n >= value:
            out.append(sym)
            n -= value
    return "".join(out)


def to_letter(n: int) -> str:
    """Word's letter numbering: a..z, then aa..zz, aaa... (repeated letters, not base 26)."""
    if n <= 0:
        return str(n)
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)


_ORD_WORDS = ["zeroth", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
              "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth",
              "nineteenth", "twentieth"]
_CARD_WORDS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
               "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty"]


def format_number(n: int, fmt: str) -> str:
    """One counter in one of Word's number formats (unknown formats fall back to decimal)."""
    if fmt in ("decimal", "decimalHalfWidth", "decimalFullWidth", "decimalEnclosedFullstop"):
        return str(n)
    if fmt == "decimalZero":
        return f"{n:02d}" if n < 10 else str(n)
    if fmt == "lowerLetter":
        return to_letter(n)
    if fmt == "upperLetter":
        return to_letter(n).upper()
    if fmt == "lowerRoman":
        return to_roman(n)
    if fmt == "upperRoman":
        return to_roman(n).upper()
    if fmt == "ordinal":
        suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
        return f"{n}{suffix}"
    if fmt == "ordinalText":
        return _ORD_WORDS[n].capitalize() if 0 <= n < len(_ORD_WORDS) else f"{n}th"
    if fmt == "cardinalText":
        return _CARD_WORDS[n].capitalize() if 0 <= n < len(_CARD_WORDS) else str(n)
    if fmt == "decimalEnclosedParen":
        return f"({n})"
    if fmt == "none":
        return ""
    if fmt == "chicago":
        syms = "*†‡§"
        return syms[(n - 1) % 4] * ((n - 1) // 4 + 1) if n > 0 else str(n)
    return str(n)


class Numbering:
    """The numbering definitions of one document (``numbering.xml``)."""

    def __init__(self, root=None, styles=None) -> None:
        self.abstracts: dict[str, dict[int, Level]] = {}
        self.abstract_style_link: dict[str, str] = {}
        self.nums: dict[str, Num] = {}
        self.styles = styles
        self._style_levels: dict[tuple[str, str], int | None] = {}
        self._abstract_els: dict = {}
        if root is not None:
            self._load(root)

    def _load(self, root) -> None:
        # (the levels of an abstract numbering are parsed when first used: a template's
        # numbering.xml often defines dozens of lists the agreement never uses)
        for an in root.iter(f"{W}abstractNum"):
            aid = an.get(f"{W}abstractNumId")
            if aid is None:
                continue
            self._abstract_els[aid] = an
            for child in an:  # (w:numStyleLink comes before the w:lvl elements)
                tag = child.tag
                if tag == _NUM_STYLE_LINK:
                    if child.get(f"{W}val"):
                        self.abstract_style_link[aid] = child.get(f"{W}val")
                    break
                if tag == _LVL:
                    break
        for num in root.iter(f"{W}num"):
            nid = num.get(f"{W}numId")
            if nid is None:
                continue
            an = next(num.iterchildren(f"{W}abstractNumId"), None)
            entry = Num(nid, an.get(f"{W}val") if an is not None else None)
            for ov in num.iterchildren(f"{W}lvlOverride"):
                ilvl = _int(ov, f"{W}ilvl", 0) or 0
                kids = child_map(ov)
                so = kids.get(f"{W}startOverride")
                if so is not None:
                    entry.start_overrides[ilvl] = _int(so, default=1) or 0
                lvl = kids.get(f"{W}lvl")
                if lvl is not None:
                    level = _parse_level(lvl)
                    level.ilvl = ilvl
                    entry.level_overrides[ilvl] = level
            self.nums[nid] = entry

    def levels_of(self, aid: str) -> dict[int, Level]:
        """The levels of one abstract numbering (parsed on first use)."""
        levels = self.abstracts.get(aid)
        if levels is None:
            levels = {}
            an = self._abstract_els.get(aid)
            if an is not None:
                for lvl in an.iterchildren(f"{W}lvl"):
                    level = _parse_level(lvl)
                    levels[level.ilvl] = level
            self.abstracts[aid] = levels
        return levels

    def abstract_of(self, num_id: str, _depth: int = 0) -> str | None:
        """The abstract numbering a num uses, following ``w:numStyleLink`` to the numbering
        style that really defines the levels."""
        num = self.nums.get(num_id)
        if num is None or num.abstract_id is None:
            return None
        aid = num.abstract_id
        link = self.abstract_style_link.get(aid)
        if link and self.styles is not None and _depth < 5:
            st = self.styles.numbering.get(link)
            if st is not None and st.num_id and st.num_id != num_id:
                return self.abstract_of(st.num_id, _depth + 1) or aid
        return aid

    def level(self, num_id: str, ilvl: int) -> Level | None:
        num = self.nums.get(num_id)
        if num is None:
            return None
        if ilvl in num.level_overrides:
            return num.level_overrides[ilvl]
        aid = self.abstract_of(num_id)
        if aid is None:
            return None
        return self.levels_of(aid).get(ilvl)

    def ilvl_for_style(self, num_id: str, style_id: str) -> int | None:
        """The level whose ``w:pStyle`` names this paragraph style (styles that attach
        numbering without an explicit ``w:ilvl``)."""
        key = (num_id, style_id)
        try:
            return self._style_levels[key]
        except KeyError:
            pass
        found = None
        aid = self.abstract_of(num_id)
        for level in self.levels_of(aid or "").values():
            if level.pstyle == style_id:
                found = level.ilvl
                break
        self._style_levels[key] = found
        return found


@dataclass(slots=True)
class Label:
    """A rendered list label."""

    text: str
    num_id: str
    ilvl: int
    list_key: str
    fmt: str
    is_bullet: bool


@dataclass(slots=True)
class _Plan:
    """Everything needed to number one (num, level) pair, worked out once."""

    key: str
    level: Level
    starts: tuple[int, ...]
    resets: tuple[int, ...]  # deeper levels restarted when this level is used
    parts: tuple  # literal strings and (level index, format) pairs
    bullet: str | None = None


class NumberingCounter:
    """Walks paragraphs in document order and renders each numbered paragraph's label."""

    def __init__(self, numbering: Numbering) -> None:
        self.numbering = numbering
        self.counts: dict[str, list[int | None]] = {}
        self.started_nums: set[str] = set()
        self._plans: dict[tuple[str, int], _Plan | None] = {}

    def _plan(self, num_id: str, ilvl: int) -> _Plan | None:
        nb = self.numbering
        num = nb.nums.get(num_id)
        aid = nb.abstract_of(num_id) if num is not None else None
        level = nb.level(num_id, ilvl) if aid is not None else None
        if num is None or aid is None or level is None:
            return None
        # Word counts per abstract numbering: every num on it shares the counters, and a
        # num with overrides restarts the overridden levels where it is first used
        # (:meth:`next_label`); plain nums continue the shared sequence, so a clause
        # styled with the base list after a "Restart numbering" heading reads "1.1", not
        # a continuation of the numbers before the restart.
        key = f"abs:{aid}"
        levels = [nb.level(num_id, lv) for lv in range(9)]
        starts = tuple(
            num.start_overrides[lv] if lv in num.start_overrides else (levels[lv].start if levels[lv] is not None else 1)
            for lv in range(9)
        )
        resets = []
        for deeper in range(ilvl + 1, 9):
            dl = levels[deeper]
            restart = dl.restart if dl is not None else None
            if restart is None or (restart != 0 and ilvl < restart):
                resets.append(deeper)
        if level.is_bullet:
            text = level.text or ""
            text = _BULLET_MAP.get(text, text if text.isprintable() and not ("\ue000" <= text[:1] <= "\uf8ff") else BULLET)
            return _Plan(key, level, starts, tuple(resets), (), text)
        template = level.text if level.text is not None else f"%{ilvl + 1}."
        parts: list = []
        i = 0
        while i < len(template):
            ch = template[i]
            if ch == "%" and i + 1 < len(template) and template[i + 1].isdigit():
                ref = int(template[i + 1]) - 1
                i += 2
                if not 0 <= ref < 9:
                    continue
                ref_level = levels[ref]
                fmt = ref_level.fmt if ref_level is not None else "decimal"
                if (level.is_lgl and fmt != "decimalZero") or fmt == "bullet":
                    fmt = "decimal"
                parts.append((ref, fmt))
                continue
            parts.append(ch)
            i += 1
        return _Plan(key, level, starts, tuple(resets), tuple(parts))

    def next_label(self, num_id: str, ilvl: int) -> Label | None:
        ilvl = max(0, min(ilvl, 8))
        pk = (num_id, ilvl)
        plan = self._plans.get(pk, False)
        if plan is False:
            plan = self._plans[pk] = self._plan(num_id, ilvl)
        if plan is None:
            return None
        key = plan.key
        counts = self.counts.get(key)
        if counts is None:
            counts = self.counts[key] = [None] * 9
        if num_id not in self.started_nums:
            self.started_nums.add(num_id)
            num = self.numbering.nums[num_id]
            for lv in (*num.start_overrides, *num.level_overrides):
                if 0 <= lv < 9:
                    counts[lv] = None
        if plan.bullet is not None:
            return Label(plan.bullet, num_id, ilvl, key, "bullet", True)
        current = counts[ilvl]
        counts[ilvl] = plan.starts[ilvl] if current is None else current + 1
        for deeper in plan.resets:
            counts[deeper] = None
        out = []
        starts = plan.starts
        for part in plan.parts:
            if part.__class__ is str:
                out.append(part)
            else:
                ref, fmt = part
                value = counts[ref]
                if value is None:
                    value = starts[ref]
                out.append(str(value) if fmt == "decimal" else format_number(value, fmt))
        return Label("".join(out).strip(), num_id, ilvl, key, plan.level.fmt, False)
