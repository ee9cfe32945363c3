"""The bundled sample agreements: generated, numbered by Word, twinned in Markdown, flawed on purpose.

These tests read the samples with python-docx and lxml only (not with slalint's readers), so
they check the samples themselves: that the committed files are what the generator makes, that
their numbers come from numbering.xml the way Word computes them, that each Markdown twin says
the same thing, and that the legacy agreement still carries every defect the rule packs are
tested against.
"""

from __future__ import annotations

import functools
import importlib.util
import re
import sys
import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

SAMPLES_DIR = Path(__file__).resolve().parent.parent / "samples"
MSA = "msp-managed-services-agreement"
LEGACY = "legacy-msp-agreement"
SOW = "sow-network-refresh"
NAMES = (MSA, LEGACY, SOW)


def _load_generator():
    name = "slalint_samples_build"
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, SAMPLES_DIR / "build_samples.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up while the class is built
    spec.loader.exec_module(module)
    return module


# ---------------------------------------------------------------------------------------
# A small, independent model of how Word numbers paragraphs (numbering.xml + styles)
# ---------------------------------------------------------------------------------------


def _fmt(n: int, fmt: str) -> str:
    if fmt == "decimal":
        return str(n)
    if fmt in ("lowerLetter", "upperLetter"):
        s = ""
        while n:
            n, r = divmod(n - 1, 26)
            s = chr(ord("a") + r) + s
        return s if fmt == "lowerLetter" else s.upper()
    if fmt in ("lowerRoman", "upperRoman"):
        vals = [(10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")]
        s = ""
        for v, sym in vals:
            while n >= v:
                s += sym
                n -= v
        return s if fmt == "lowerRoman" else s.upper()
    raise AssertionError(f"unexpected numFmt {fmt}")


class WordNumbering:
    """Computes the label Word prints before each body paragraph."""

    def __init__(self, document):
        root = document.part.numbering_part.element
        self.levels: dict[str, dict[int, tuple[int, str, str]]] = {}
        for a in root.findall(qn("w:abstractNum")):
            lv = {}
            for lvl in a.findall(qn("w:lvl")):
                start = lvl.find(qn("w:start"))
                lv[int(lvl.get(qn("w:ilvl")))] = (
                    int(start.get(qn("w:val"))) if start is not None else 0,
                    lvl.find(qn("w:numFmt")).get(qn("w:val")),
                    lvl.find(qn("w:lvlText")).get(qn("w:val")),
                )
            self.levels[a.get(qn("w:abstractNumId"))] = lv
        self.nums: dict[str, tuple[str, dict[int, int]]] = {}
        for n in root.findall(qn("w:num")):
            overrides = {}
            for o in n.findall(qn("w:lvlOverride")):
                so = o.find(qn("w:startOverride"))
                if so is not None:
                    overrides[int(o.get(qn("w:ilvl")))] = int(so.get(qn("w:val")))
            self.nums[n.get(qn("w:numId"))] = (n.find(qn("w:abstractNumId")).get(qn("w:val")), overrides)
        self.counters: dict[str, dict[int, int]] = {}

    @staticmethod
    def num_pr(paragraph):
        """(numId, ilvl) from the paragraph, else from its style chain; None if unnumbered."""
        ppr = paragraph._p.pPr
        if ppr is not None and ppr.numPr is not None:
            numpr = ppr.numPr
        else:
            numpr = None
            style = paragraph.style
            while style is not None and numpr is None:
                sppr = style.element.pPr
                if sppr is not None and sppr.numPr is not None:
                    numpr = sppr.numPr
                style = style.base_style
        if numpr is None or numpr.numId is None or numpr.numId.val == 0:
            return None
        ilvl = numpr.ilvl.val if numpr.ilvl is not None else 0
        return str(numpr.numId.val), ilvl

    def label(self, paragraph) -> str | None:
        pr = self.num_pr(paragraph)
        if pr is None:
            return None
        num_id, ilvl = pr
        abs_id, overrides = self.nums[num_id]
        levels = self.levels[abs_id]
        counters = self.counters.setdefault(num_id, {})
        if ilvl in counters:
            counters[ilvl] += 1
        else:
            counters[ilvl] = overrides.get(ilvl, levels[ilvl][0])
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]
        text = levels[ilvl][2]
        for k in range(ilvl + 1):
            value = counters.get(k, levels[k][0])
            text = text.replace(f"%{k + 1}", _fmt(value, levels[k][1]))
        return text


def heading_level(style) -> int | None:
    """0 for Title, N for a Heading N style or a custom style based on one."""
    while style is not None:
        name = style.name or ""
        if name == "Title":
            return 0
        m = re.fullmatch(r"[Hh]eading (\d)", name)
        if m:
            return int(m.group(1))
        style = style.base_style
    return None


@functools.cache
def docx_lines(path: Path) -> list[str]:
    """Body paragraphs rendered the way the Markdown twins type them."""
    document = docx.Document(str(path))
    numbering = WordNumbering(document)
    lines = []
    for p in document.paragraphs:
        label = numbering.label(p)
        text = p.text
        if not text.strip():
            continue
        level = heading_level(p.style)
        prefix = f"{label} " if label else ""
        if level is not None:
            lines.append("#" * (level + 1) + " " + prefix + text)
        elif p.style.name == "Subtitle":
            lines.append(f"*{text}*")
        else:
            lines.append(prefix + text)
    return lines


def md_blocks(path: Path) -> tuple[list[str], list[list[list[str]]]]:
    """(non-table blocks, tables as rows of cells) of a Markdown twin."""
    lines, tables = [], []
    for block in path.read_text(encoding="utf-8").split("\n\n"):
        block = block.strip("\n")
        if block.startswith("|"):
            rows = [r for r in block.splitlines() if not re.fullmatch(r"\|( --- \|)+", r)]
            tables.append([[c.strip() for c in r.strip("|").split(" | ")] for r in rows])
        elif block:
            lines.append(block)
    return lines, tables


@functools.cache
def docx_tables(path: Path) -> list[list[list[str]]]:
    document = docx.Document(str(path))
    return [[[c.text for c in row.cells] for row in t.rows] for t in document.tables]


@functools.cache
def all_text(path: Path) -> str:
    document = docx.Document(str(path))
    parts = [p.text for p in document.paragraphs]
    for t in document.tables:
        parts += [c.text for row in t.rows for c in row.cells]
    return "\n".join(parts)


# ---------------------------------------------------------------------------------------
# Tests
# ---------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def regenerated(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("samples")
    written = _load_generator().build(out)
    assert sorted(p.name for p in written) == sorted(f"{n}.{e}" for n in NAMES for e in ("docx", "md"))
    return out


@pytest.mark.parametrize("name", NAMES)
def test_committed_samples_match_the_generator(name, regenerated):
    committed = SAMPLES_DIR / f"{name}.docx"
    fresh = regenerated / f"{name}.docx"
    assert docx_lines(fresh) == docx_lines(committed)
    assert docx_tables(fresh) == docx_tables(committed)
    assert (regenerated / f"{name}.md").read_text(encoding="utf-8") == (
        SAMPLES_DIR / f"{name}.md"
    ).read_text(encoding="utf-8")


def test_generator_is_deterministic(tmp_path, regenerated):
    a, b = regenerated, tmp_path
    _load_generator().build(b)
    for name in NAMES:
        assert (a / f"{name}.docx").read_bytes() == (b / f"{name}.docx").read_bytes()
        assert (a / f"{name}.md").read_bytes() == (b / f"{name}.md").read_bytes()


@pytest.mark.parametrize("name", NAMES)
def test_numbering_comes_from_numbering_xml(name):
    path = SAMPLES_DIR / f"{name}.docx"
    with zipfile.ZipFile(path) as z:
        assert "word/numbering.xml" in z.namelist()
    document = docx.Document(str(path))
    numbering = WordNumbering(document)
    outline = [
        a for a, lv in numbering.levels.items()
        if lv.get(0, (0, "", ""))[2] == "%1." and lv.get(1, (0, "", ""))[2] == "%1.%2"
        and lv.get(2, (0, "", ""))[2] == "(%3)"
    ]
    assert outline, "no multi-level '%1.' / '%1.%2' / '(%3)' list definition"
    # Heading 1 is numbered through its style, by a list built on that outline.
    h1 = document.styles["Heading 1"].element.pPr.numPr
    assert h1 is not None and numbering.nums[str(h1.numId.val)][0] in outline
    used = {numbering.num_pr(p)[0] for p in document.paragraphs if numbering.num_pr(p)}
    assert used and used <= set(numbering.nums)
    # No typed numbers: every numbered-looking body paragraph gets its number from Word.
    typed = re.compile(r"^(\d+(\.\d+)*\.?|\([a-z]\)|ARTICLE [IVX]+)\s")
    assert [p.text for p in document.paragraphs if typed.match(p.text)] == []
    assert len(document.tables) >= 2  # a content table and the signature block
    cp = document.core_properties
    assert cp.author == "slalint samples" and cp.title and cp.created is not None


def test_schedules_restart_numbering_through_paragraph_num_pr():
    document = docx.Document(str(SAMPLES_DIR / f"{MSA}.docx"))
    numbering = WordNumbering(document)
    restarted = {n for n, (_, overrides) in numbering.nums.items() if overrides.get(0) == 1}
    direct = {
        str(p._p.pPr.numPr.numId.val)
        for p in document.paragraphs
        if p._p.pPr is not None and p._p.pPr.numPr is not None
    }
    assert restarted & direct, "no paragraph uses a list restarted with w:startOverride"


@pytest.mark.parametrize("name", NAMES)
def test_markdown_twin_says_the_same(name):
    md_lines, md_tables = md_blocks(SAMPLES_DIR / f"{name}.md")
    lines = docx_lines(SAMPLES_DIR / f"{name}.docx")
    headings = [ln for ln in lines if ln.startswith("#")]
    assert headings == [ln for ln in md_lines if ln.startswith("#")]
    assert len(headings) >= 8
    assert lines == md_lines
    assert docx_tables(SAMPLES_DIR / f"{name}.docx") == md_tables


_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "eight": 8, "ten": 10,
    "twelve": 12, "fourteen": 14, "fifteen": 15, "thirty": 30, "thirty-six": 36, "fifty": 50,
    "sixty": 60, "ninety": 90, "twenty-four": 24, "twenty-five": 25, "ninety-five": 95,
}
_NUMBER_PAIR = re.compile(r"\b([a-z]+(?:-[a-z]+)?) \((\d+)\)", re.IGNORECASE)


def _number_mismatches(text: str) -> list[str]:
    return [
        m.group(0) for m in _NUMBER_PAIR.finditer(text)
        if m.group(1).lower() in _WORDS and _WORDS[m.group(1).lower()] != int(m.group(2))
    ]


def _labels(name: str) -> set[str]:
    labels = set()
    for line in md_blocks(SAMPLES_DIR / f"{name}.md")[0]:
        m = re.match(r"^(?:#+ )?(\d+(?:\.\d+)?)\.? ", line)
        if m:
            labels.add(m.group(1))
    return labels


@pytest.mark.parametrize("name", (MSA, SOW))
def test_well_drafted_samples_are_internally_consistent(name):
    text = all_text(SAMPLES_DIR / f"{name}.docx")
    assert _number_mismatches(text) == []
    assert not re.search(r"\[[A-Z][A-Z ]+\]|\bTBD\b", text)
    # Every "Section N" / "Section N.M" reference lands on a clause of this document, except
    # those that cite the master agreement or the master terms.
    labels = _labels(name)
    for m in re.finditer(r"Sections? ((?:\d+(?:\.\d+)?(?:\([a-z]\))?(?:, | and )?)+)(.{0,30})", text):
        if "of the Master Agreement" in m.group(2) or "of the master terms" in m.group(2):
            continue
        for ref in re.findall(r"\d+(?:\.\d+)?", m.group(1)):
            assert ref in labels, f"{name}: dangling reference to Section {ref}"


def test_well_drafted_msa_covers_the_checklist():
    text = all_text(SAMPLES_DIR / f"{MSA}.docx")
    for phrase in (
        'Northwind Managed IT Ltd., a New York corporation', '("Provider")', '("Customer")',
        "99.9%", "Service Credits", "Credit Cap", "within thirty (30) days after receiving the Monthly",
        "notice of non-renewal at least sixty (60) days", "Either party may terminate this Agreement for "
        "convenience", "Either party may terminate this Agreement, or any Statement of Work",
        "Out-of-Scope Work", "Scheduled Maintenance", "a Force Majeure Event", "Quarterly Service Reviews",
        "Escalation", "Exit and Transition", "exclusive jurisdiction", "governed by the laws of the State",
        "professional and workmanlike", "MERCHANTABILITY", "will defend", "Insurance", "audit",
        "Neither party may assign", "IN WITNESS WHEREOF",
    ):
        assert phrase in text, phrase
    tables = docx_tables(SAMPLES_DIR / f"{MSA}.docx")
    priority = next(t for t in tables if t[0][0] == "Priority")
    assert [row[0].split()[0] for row in priority[1:]] == ["P1", "P2", "P3", "P4"]
    assert any(t[0][-1] == "Service Credit" for t in tables)


# Each planted defect of the legacy agreement (documented in samples/README.md), as the exact
# words the rule packs will quote.
LEGACY_DEFECTS = {
    "number-mismatch": "thirty (45) days",
    "broken-cross-reference (section)": "Except as set out in Section 9.4",
    "broken-cross-reference (schedule)": "listed in Schedule A",
    "placeholder-left": "[CUSTOMER ADDRESS]",
    "undefined-term (Critical Incident)": "report all Critical Incidents",
    "undefined-term (Downtime)": "not affected by Downtime",
    "service-levels-without-remedy": "commercially reasonable efforts to maintain Uptime of 99.9%",
    "response-times-without-priorities": "respond to Incidents within four (4) hours",
    "one-sided-termination (convenience)": "Provider may terminate this Agreement at any time for any reason",
    "one-sided-termination (non-payment)": "Provider may terminate this Agreement immediately if Customer fails to pay",
    "auto-renewal-without-notice": "shall automatically renew for successive one (1) year terms.",
    "unilateral-amendment": "Provider may modify this Agreement at any time by posting",
    "sole-discretion": "in its sole discretion, determine whether any request",
    "suspension-without-notice": "suspend the Services immediately and without notice",
    "one-sided-indemnity": "Customer shall indemnify, defend and hold harmless Provider",
    "one-sided-liability-cap": "PROVIDER'S TOTAL LIABILITY UNDER THIS AGREEMENT SHALL NOT EXCEED",
    "disclaimer-without-warranty": 'THE SERVICES ARE PROVIDED "AS IS"',
}


@pytest.mark.parametrize("rule", sorted(LEGACY_DEFECTS))
def test_legacy_sample_keeps_each_planted_defect(rule):
    phrase = LEGACY_DEFECTS[rule]
    for text in (all_text(SAMPLES_DIR / f"{LEGACY}.docx"), (SAMPLES_DIR / f"{LEGACY}.md").read_text("utf-8")):
        assert phrase in text, rule


def test_legacy_defects_are_real_defects():
    text = all_text(SAMPLES_DIR / f"{LEGACY}.docx")
    lowered = text.lower()
    # The cross-reference is broken: section 9 stops at 9.3 and no schedule is attached.
    labels = _labels(LEGACY)
    assert {"9.1", "9.2", "9.3"} <= labels and "9.4" not in labels
    headings = [ln for ln in docx_lines(SAMPLES_DIR / f"{LEGACY}.docx") if ln.startswith("#")]
    assert not any("schedule" in h.lower() for h in headings)
    # Only "Incident" is defined; "Critical Incident" and "Downtime" never are.
    assert '"Incident" means' in text
    assert '"Critical Incident' not in text and '"Downtime"' not in text
    assert lowered.count("downtime") == 1
    # No exclusions, no remedy, nobody but Provider may end the agreement, no renewal notice.
    for absent in ("exclu", "out of scope", "out-of-scope", "scheduled maintenance", "force majeure",
                   "service credit", "credit", "either party may terminate", "customer may terminate",
                   "non-renewal", "notice of non"):
        assert absent not in lowered, absent
    renewal = next(p for p in text.split("\n") if "automatically renew" in p)
    assert "notice" not in renewal.lower()
    # The only number mismatch is the planted one.
    assert _number_mismatches(text) == ["thirty (45)"]
