"""Reader benchmark: time per document and ratio to a floor measured in the same run.

The floor for a DOCX is the least any reader must do: unzip ``word/document.xml`` and parse
it with lxml. The reader does that plus styles, numbering, headers/footers/notes, the body
walk and the section tree. For Markdown/text files the floor is reading and decoding the
file. Each timing is the best of ``--repeat`` runs.

Usage::

    python benchmarks/bench_readers.py                 # generated 300-page agreement + corpus
    python benchmarks/bench_readers.py --pages 50 --repeat 3 --corpus ../shared/corpus --clock cpu

``--stages`` adds, per DOCX, where the reader's time goes: unzip, XML parse (the floor),
styles and numbering, the body walk (text, runs, numbering, typed labels) and the section
tree; the rest is headers, footers, notes, comments, title and metadata.

Each DOCX line also shows a second, wider floor ("parts"): unzip and parse every XML part
the reader opens (styles and numbering can be as large as the document itself in
government templates), and the reader's ratio to it, i.e. how much the reader's own
Python work adds on top of parsing.

Not a test: numbers depend on the machine. Target (issue 2): DOCX within 1.5x of the
floor; the 96,000-word CCS service-requirements document under 1 s.
"""

from __future__ import annotations

import argparse
import gc
import sys
import tempfile
import time
import zipfile
from pathlib import Path

from lxml import etree

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from slalint.errors import DocumentReadError  # noqa: E402
from slalint.readers import read_document  # noqa: E402

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

CLAUSE_TEXT = (
    "The Provider shall perform the Services in accordance with Good Industry Practice, the Service Levels and "
    "the Documentation, and shall ensure that all Personnel engaged in the performance of the Services are "
    "suitably skilled, experienced and qualified. The Customer shall give the Provider reasonable access to its "
    "premises, systems and personnel as the Provider reasonably requires to perform the Services, subject to "
    "the Customer's security policies notified to the Provider in writing from time to time."
)
TOPICS = [
    "Definitions and Interpretation", "Services", "Service Levels", "Service Credits", "Customer Obligations",
    "Charges and Payment", "Change Control", "Data Protection", "Security", "Confidentiality",
    "Intellectual Property", "Warranties", "Limitation of Liability", "Indemnities", "Insurance",
    "Term and Termination", "Consequences of Termination", "Exit Management", "Force Majeure", "Dispute Resolution",
]


def _numbering_xml(doc) -> str:
    """Add a three-level legal list ("1." / "1.1" / "(a)") and return its numId."""
    numbering = doc.part.numbering_part.element
    abstract = etree.SubElement(numbering, f"{W}abstractNum")
    abstract.set(f"{W}abstractNumId", "90")
    for ilvl, (fmt, text) in enumerate((("decimal", "%1."), ("decimal", "%1.%2"), ("lowerLetter", "(%3)"))):
        lvl = etree.SubElement(abstract, f"{W}lvl")
        lvl.set(f"{W}ilvl", str(ilvl))
        for tag, val in (("start", "1"), ("numFmt", fmt), ("lvlText", text)):
            etree.SubElement(lvl, f"{W}{tag}").set(f"{W}val", val)
    # abstractNum elements must precede num elements
    first_num = numbering.find(f"{W}num")
    if first_num is not None:
        first_num.addprevious(abstract)
    num = etree.SubElement(numbering, f"{W}num")
    num.set(f"{W}numId", "90")
    etree.SubElement(num, f"{W}abstractNumId").set(f"{W}val", "90")
    return "90"


def _set_num(paragraph, num_id: str, ilvl: int) -> None:
    ppr = paragraph._p.get_or_add_pPr()
    numpr = etree.SubElement(ppr, f"{W}numPr")
    etree.SubElement(numpr, f"{W}ilvl").set(f"{W}val", str(ilvl))
    etree.SubElement(numpr, f"{W}numId").set(f"{W}val", num_id)


def generate_agreement(path: Path, pages: int = 300) -> Path:
    """A long managed-services agreement with Word automatic numbering, heading styles and
    SLA tables (about 500 words per page)."""
    import docx

    doc = docx.Document()
    num_id = _numbering_xml(doc)
    doc.add_paragraph("Master Managed Services Agreement", style="Title")
    words = 0
    target = pages * 500
    clause = 0
    while words < target:
        topic = TOPICS[clause % len(TOPICS)]
        clause += 1
        heading = doc.add_paragraph(f"{topic}", style="Heading 1")
        _set_num(heading, num_id, 0)
        for sub in range(1, 7):
            p = doc.add_paragraph()
            _set_num(p, num_id, 1)
            lead = p.add_run(f"{topic} obligation {sub}.")
            lead.bold = True
            p.add_run(" " + CLAUSE_TEXT)
            words += 70
            for item in range(3):
                li = doc.add_paragraph(f"the Provider shall comply with requirement {item + 1} of this clause;")
                _set_num(li, num_id, 2)
                words += 10
        if clause % 5 == 0:
            table = doc.add_table(rows=5, cols=3)
            for r, row in enumerate((("Priority", "Response", "Resolution"), ("P1", "15 minutes", "4 hours"),
                                     ("P2", "1 hour", "8 hours"), ("P3", "4 hours", "3 Business Days"),
                                     ("P4", "1 Business Day", "10 Business Days"))):
                for c, text in enumerate(row):
                    table.cell(r, c).text = text
            words += 30
    doc.save(path)
    return path


def floor_docx(path: Path) -> None:
    with zipfile.ZipFile(path) as zf:
        etree.fromstring(zf.read("word/document.xml"))


def parts_read(path: Path) -> list[str]:
    """The XML parts the reader itself opens for this file (document, relationships,
    styles, numbering, headers, footers, notes, comments, core properties)."""
    from slalint.readers.docx import package

    names: list[str] = []
    original = package.Package.read

    def recording(self, name):
        names.append(name)
        return original(self, name)

    package.Package.read = recording
    try:
        read_document(path)
    finally:
        package.Package.read = original
    return names


def floor_all_parts(path: Path, names: list[str]) -> None:
    """A second, wider floor: unzip and parse every part the reader opens, not only
    ``word/document.xml``. What the reader spends above it is its own Python work."""
    with zipfile.ZipFile(path) as zf:
        for name in names:
            etree.fromstring(zf.read(name))


def stages(path: Path, repeat: int) -> dict[str, float]:
    """Milliseconds (best of ``repeat``) of each stage of reading one DOCX."""
    from slalint.readers.docx.body import PartWalker
    from slalint.readers.docx.numbering import Numbering, NumberingCounter
    from slalint.readers.docx.outline import build_tree
    from slalint.readers.docx.package import open_package, parse_xml
    from slalint.readers.docx.styles import StyleSheet

    pkg = open_package(path)
    main = pkg.main_part
    data = pkg.read(main)
    root = parse_xml(data, main, str(path))
    body = root.find(f"{W}body")

    def load_defs():
        styles = StyleSheet(pkg.xml("word/styles.xml")) if pkg.has("word/styles.xml") else StyleSheet()
        numbering = Numbering(pkg.xml("word/numbering.xml") if pkg.has("word/numbering.xml") else None, styles)
        return styles, numbering

    styles, numbering = load_defs()

    def walk():
        return list(PartWalker(root, styles, NumberingCounter(numbering), {}, numbering).walk(body))

    items = walk()
    out = {
        "unzip": best_of(lambda: pkg.zip.read(main), repeat),
        "parse": best_of(lambda: parse_xml(data, main, str(path)), repeat),
        "styles+numbering": best_of(load_defs, repeat),
        "walk": best_of(walk, repeat),
        "tree": best_of(lambda: build_tree(items, "body", None, pseudo=True), repeat),
    }
    return {name: ms * 1000 for name, ms in out.items()}


def floor_text(path: Path) -> None:
    path.read_bytes().decode("utf-8", errors="replace")


CLOCK = time.perf_counter


def best_of(fn, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        gc.collect()
        t = CLOCK()
        fn()
        best = min(best, CLOCK() - t)
    return best


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--pages", type=int, default=300, help="length of the generated agreement (0: skip)")
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--corpus", type=Path, default=REPO.parent / "shared" / "corpus")
    ap.add_argument("--no-text", action="store_true", help="skip Markdown/text corpus files")
    ap.add_argument("--stages", action="store_true", help="break each DOCX reading down into stages")
    ap.add_argument(
        "--clock", choices=("wall", "cpu"), default="wall",
        help="wall: perf_counter; cpu: process_time (steadier on a busy shared machine)",
    )
    args = ap.parse_args(argv)
    global CLOCK
    CLOCK = time.perf_counter if args.clock == "wall" else time.process_time

    files: list[Path] = []
    with tempfile.TemporaryDirectory() as tmp:
        if args.pages:
            t = time.perf_counter()
            generated = generate_agreement(Path(tmp) / f"generated-{args.pages}-page-agreement.docx", args.pages)
            print(f"generated {generated.name} in {time.perf_counter() - t:.1f} s", file=sys.stderr)
            files.append(generated)
        if args.corpus.is_dir():
            files += sorted((args.corpus / "docx").glob("*.docx"))
            if not args.no_text:
                files += sorted((args.corpus / "text").glob("*.md")) + sorted((args.corpus / "text").glob("*.txt"))
                files += sorted((args.corpus / "cuad").glob("*.txt"))
        print(f"{'document':60} {'words':>7} {'floor ms':>9} {'reader ms':>10} {'ratio':>6} {'parts ms':>9} {'ratio':>6}")
        totals = {"docx": [0.0, 0.0], "text": [0.0, 0.0]}
        parts_floor_total = 0.0
        worst = (0.0, "")
        for path in files:
            kind = "docx" if path.suffix == ".docx" else "text"
            floor_fn = floor_docx if kind == "docx" else floor_text
            try:
                doc = read_document(path)
            except DocumentReadError as exc:
                print(f"{path.name[:60]:60} error: {exc.reason}")
                continue
            except ImportError as exc:
                print(f"{path.name[:60]:60} skipped: {exc}")
                continue
            floor = best_of(lambda: floor_fn(path), args.repeat)
            reader = best_of(lambda: read_document(path), args.repeat)
            ratio = reader / floor if floor else float("inf")
            totals[kind][0] += floor
            totals[kind][1] += reader
            wide = ""
            if kind == "docx":
                names = parts_read(path)
                parts_floor = best_of(lambda: floor_all_parts(path, names), args.repeat)
                parts_floor_total += parts_floor
                wide = f" {parts_floor * 1000:9.1f} {reader / parts_floor:6.2f}"
                if ratio > worst[0]:
                    worst = (ratio, path.name)
            print(f"{path.name[:60]:60} {doc.metadata.word_count:7d} {floor * 1000:9.1f} {reader * 1000:10.1f} {ratio:6.2f}{wide}")
            if args.stages and kind == "docx":
                parts = stages(path, args.repeat)
                print("    " + "  ".join(f"{name} {ms:.1f}" for name, ms in parts.items()))
        for kind, (floor, reader) in totals.items():
            if floor:
                print(f"total {kind}: floor {floor * 1000:.0f} ms, reader {reader * 1000:.0f} ms, ratio {reader / floor:.2f}")
        if parts_floor_total:
            print(f"total docx against the all-parts floor: {parts_floor_total * 1000:.0f} ms, ratio {totals['docx'][1] / parts_floor_total:.2f}")
        if worst[1]:
            print(f"worst DOCX ratio: {worst[0]:.2f} ({worst[1]})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
