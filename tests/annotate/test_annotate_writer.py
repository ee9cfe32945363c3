"""annotate_docx: comments on exactly the quoted words, in a copy, with nothing else lost."""

from __future__ import annotations

import copy

import docx
import pytest
from docx_builders import (
    W,
    anchored_text,
    body_paragraphs,
    finding,
    has_reference,
    heading_evidence,
    model_of,
    new_agreement,
    present,
    sha256,
    span_finding,
    xml_equal,
)
from lxml import etree

from slalint.analysis.facts import Analysis, TopicHit

from slalint.annotate import AnnotateError, annotate_docx


@pytest.fixture
def agreement(tmp_path):
    path = tmp_path / "msa.docx"
    new_agreement().save(path)
    return path


def _open(path):
    return docx.Document(str(path))


@pytest.mark.parametrize(
    "paragraph,quote",
    [
        (2, "commercially reasonable efforts"),  # exactly one bold run
        (2, "reasonable efforts to make"),  # starts inside a run, ends inside the next
        (2, "Services available 99.5%"),  # inside one run
        (4, "renews automatically"),
        (6, "may suspend the Services at any time without"),  # three runs, two formats
    ],
)
def test_comment_covers_exactly_the_quoted_words(agreement, tmp_path, paragraph, quote):
    word = _open(agreement)
    f = span_finding(word, paragraph, quote)
    out = tmp_path / "out.docx"
    result = annotate_docx(agreement, out, [f])
    assert len(result.placed) == 1 and not result.unplaced
    copy_ = _open(out)
    (comment,) = list(copy_.comments)
    assert comment.author == "slalint"
    assert comment.initials == "SL"
    assert anchored_text(copy_, comment.comment_id) == quote
    assert has_reference(copy_, comment.comment_id)
    # the paragraph reads the same as before
    before = "".join(t.text for t in body_paragraphs(word)[paragraph].iter(f"{W}t"))
    after = "".join(t.text for t in body_paragraphs(copy_)[paragraph].iter(f"{W}t"))
    assert after == before


def test_split_runs_keep_their_formatting(agreement, tmp_path):
    word = _open(agreement)
    f = span_finding(word, 6, "the Services")
    out = tmp_path / "out.docx"
    annotate_docx(agreement, out, [f])
    p = body_paragraphs(_open(out))[6]
    runs = [r for r in p.iter(f"{W}r") if r.find(f"{W}t") is not None]
    italic = [r.find(f"{W}t").text for r in runs if r.find(f"{W}rPr/{W}i") is not None]
    assert "".join(italic) == "suspend the Services at any time"
    assert len(italic) == 3  # "suspend " | "the Services" | " at any time"
    fonts = {r.find(f"{W}rPr/{W}rFonts").get(f"{W}ascii") for r in runs if r.find(f"{W}rPr/{W}i") is not None}
    assert fonts == {"Courier New"}


def test_input_file_is_never_modified(agreement, tmp_path):
    before = sha256(agreement)
    mtime = agreement.stat().st_mtime_ns
    word = _open(agreement)
    annotate_docx(agreement, tmp_path / "out.docx", [span_finding(word, 2, "99.5%"), finding(paragraph=4, quote="")])
    assert sha256(agreement) == before
    assert agreement.stat().st_mtime_ns == mtime


def test_refuses_to_overwrite_without_force(agreement, tmp_path):
    out = tmp_path / "out.docx"
    out.write_bytes(b"keep me")
    word = _open(agreement)
    with pytest.raises(AnnotateError, match="already exists"):
        annotate_docx(agreement, out, [span_finding(word, 2, "99.5%")])
    assert out.read_bytes() == b"keep me"
    annotate_docx(agreement, out, [span_finding(word, 2, "99.5%")], force=True)
    assert len(_open(out).comments) == 1


def test_refuses_to_write_over_the_input_even_with_force(agreement):
    before = sha256(agreement)
    with pytest.raises(AnnotateError, match="is the input file"):
        annotate_docx(agreement, agreement, [], force=True)
    assert sha256(agreement) == before


def test_no_temporary_files_are_left_behind(agreement, tmp_path):
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    annotate_docx(agreement, out_dir / "a.docx", [finding(paragraph=4)])
    assert [p.name for p in out_dir.iterdir()] == ["a.docx"]


def test_existing_comments_are_kept_and_ids_stay_unique(tmp_path):
    d = new_agreement()
    para = d.paragraphs[4]
    d.add_comment(para.runs, text="Client: we need 60 days here.", author="Alice Lawyer", initials="AL")
    src = tmp_path / "reviewed.docx"
    d.save(src)
    word = _open(src)
    fs = [span_finding(word, 4, "successive one-year terms"), span_finding(word, 2, "99.5%")]
    annotate_docx(src, tmp_path / "out.docx", fs)
    out = _open(tmp_path / "out.docx")
    comments = list(out.comments)
    assert len(comments) == 3
    ids = [c.comment_id for c in comments]
    assert len(set(ids)) == 3
    alice = [c for c in comments if c.author == "Alice Lawyer"]
    assert len(alice) == 1 and alice[0].text == "Client: we need 60 days here."
    assert anchored_text(out, alice[0].comment_id) == "This Agreement renews automatically for successive one-year terms."
    ours = {anchored_text(out, c.comment_id) for c in comments if c.author == "slalint"}
    assert ours == {"successive one-year terms", "99.5%"}


def _add_tracked_changes(path):
    """Wrap part of paragraph 4 in a tracked insertion and add a tracked deletion."""
    d = docx.Document(str(path))
    p = body_paragraphs(d)[4]
    r = p.find(f"{W}r")
    ins = etree.SubElement(p, f"{W}ins", {f"{W}id": "901", f"{W}author": "Bob", f"{W}date": "2024-01-01T00:00:00Z"})
    r2 = copy.deepcopy(r)
    r2.find(f"{W}t").text = " Either party may give notice of non-renewal."
    ins.append(r2)
    dele = etree.SubElement(p, f"{W}del", {f"{W}id": "902", f"{W}author": "Bob", f"{W}date": "2024-01-01T00:00:00Z"})
    r3 = etree.SubElement(dele, f"{W}r")
    etree.SubElement(r3, f"{W}delText").text = " Renewal is at the Provider's discretion."
    d.save(str(path))


def test_quote_inside_a_tracked_insertion(agreement, tmp_path):
    _add_tracked_changes(agreement)
    word = _open(agreement)
    f = span_finding(word, 4, "notice of non-renewal")
    out = tmp_path / "out.docx"
    annotate_docx(agreement, out, [f])
    copy_ = _open(out)
    (c,) = list(copy_.comments)
    assert anchored_text(copy_, c.comment_id) == "notice of non-renewal"
    p = body_paragraphs(copy_)[4]
    ins = p.find(f"{W}ins")
    assert "".join(t.text for t in ins.iter(f"{W}t")) == " Either party may give notice of non-renewal."
    assert ins.get(f"{W}author") == "Bob"
    # the reference run is not itself a tracked insertion
    ref = next(p.iter(f"{W}commentReference"))
    assert not any(a.tag == f"{W}ins" for a in ref.iterancestors())
    # the tracked deletion is untouched
    assert "".join(t.text for t in p.iter(f"{W}delText")) == " Renewal is at the Provider's discretion."


def test_numbering_styles_and_other_parts_are_preserved(agreement, tmp_path):
    word = _open(agreement)
    out = tmp_path / "out.docx"
    annotate_docx(agreement, out, [span_finding(word, 7, "material breach")])
    import zipfile

    with zipfile.ZipFile(agreement) as a, zipfile.ZipFile(out) as b:
        names_a, names_b = set(a.namelist()), set(b.namelist())
        assert names_a <= names_b
        for name in names_a:
            if name in ("word/document.xml", "[Content_Types].xml", "word/_rels/document.xml.rels"):
                continue
            data_a, data_b = a.read(name), b.read(name)
            if name.endswith(".xml") or name.endswith(".rels"):
                assert xml_equal(data_a, data_b), name
            else:
                assert data_a == data_b, name
    p = body_paragraphs(_open(out))[7]
    assert p.find(f"{W}pPr/{W}pStyle").get(f"{W}val") == body_paragraphs(word)[7].find(f"{W}pPr/{W}pStyle").get(f"{W}val")


def test_comment_text_has_rule_message_why_and_suggestion(agreement, tmp_path):
    word = _open(agreement)
    f = span_finding(
        word, 6, "suspend the Services at any time", code="FAIR-004", name="suspension-without-notice", severity="error",
        message="The Provider may suspend the Services without notice.",
        suggestion="The Provider may suspend the Services only after giving the Customer\nat least five (5) Business Days' written notice.",
    )
    out = tmp_path / "out.docx"
    annotate_docx(agreement, out, [f], why={"FAIR-004": "A customer cut off without warning has no chance to cure."})
    (c,) = list(_open(out).comments)
    lines = c.text.splitlines()
    assert lines[0] == "suspension-without-notice (FAIR-004, error)"
    assert "The Provider may suspend the Services without notice." in lines
    assert "Why it matters: A customer cut off without warning has no chance to cure." in lines
    assert "Suggested clause:" in lines
    assert lines[-1] == "The Provider may suspend the Services only after giving the Customer at least five (5) Business Days' written notice."
    bold = [r.text for p in c.paragraphs for r in p.runs if r.bold]
    assert bold[:2] == ["suspension-without-notice", "Why it matters: "]


def test_missing_provision_goes_on_the_heading_of_the_related_topic(agreement, tmp_path):
    word = _open(agreement)
    doc = model_of(word)
    analysis = Analysis(document=doc, topic_hits=[
        TopicHit("service_levels", heading_evidence(word, 1), source="heading"),
        TopicHit("term", heading_evidence(word, 3), source="heading"),
    ])
    coverage = {"service_levels": present(word, 2, "99.5%"), "customer_obligations": present(word, 6, "The Provider may")}
    fs = [
        finding(code="SLA-EXCL", name="missing-exclusions", topics=("exclusions",), anchor=False),
        finding(code="SLA-REN", name="auto-renewal-without-notice", topics=("renewal_notice",), anchor=False),
        finding(code="SLA-CUST", name="customer-duties-vague", topics=("customer_obligations",), anchor=False),
        finding(code="SLA-SIG", name="missing-signature-block", topics=("signature",), anchor=False),
    ]
    out = tmp_path / "out.docx"
    result = annotate_docx(agreement, out, fs, document=doc, coverage=coverage, analysis=analysis)
    copy_ = _open(out)
    got = {p.finding.code: anchored_text(copy_, p.comment_id) for p in result.placed}
    assert got == {"SLA-EXCL": "Service Levels", "SLA-REN": "Term and Renewal", "SLA-CUST": "Suspension",
                   "SLA-SIG": "Managed Services Agreement"}
    assert {p.finding.code: p.target.how for p in result.placed} == {
        "SLA-EXCL": "topic", "SLA-REN": "topic", "SLA-CUST": "topic", "SLA-SIG": "title"}


def test_missing_provision_without_analysis_goes_on_the_title(agreement, tmp_path):
    word = _open(agreement)
    f = finding(code="SLA-EXCL", name="missing-exclusions", topics=("exclusions",), anchor=False)
    result = annotate_docx(agreement, tmp_path / "out.docx", [f], document=model_of(word))
    assert anchored_text(_open(tmp_path / "out.docx"), result.placed[0].comment_id) == "Managed Services Agreement"


def test_section_level_finding_goes_on_its_section_heading(agreement, tmp_path):
    word = _open(agreement)
    doc = model_of(word)
    doc.root.children[2].ref = "3"
    f = finding(section="3", anchor=False)
    result = annotate_docx(agreement, tmp_path / "out.docx", [f], document=doc)
    assert anchored_text(_open(tmp_path / "out.docx"), result.placed[0].comment_id) == "Suspension"


def test_quote_found_when_offsets_are_shifted(agreement, tmp_path):
    """A reader that strips a typed clause number shifts offsets; the quote still decides."""
    word = _open(agreement)
    f = span_finding(word, 4, "successive one-year terms")
    f.location = type(f.location)(file="x.docx", anchor=f.location.anchor.span(f.location.anchor.start - 5, f.location.anchor.end - 5))
    result = annotate_docx(agreement, tmp_path / "out.docx", [f])
    assert anchored_text(_open(tmp_path / "out.docx"), result.placed[0].comment_id) == "successive one-year terms"


def test_quote_found_in_a_neighbouring_paragraph(agreement, tmp_path):
    word = _open(agreement)
    f = span_finding(word, 4, "renews automatically")
    f.location = type(f.location)(file="x.docx", anchor=f.location.anchor.__class__("body", 5, 0, 20))
    result = annotate_docx(agreement, tmp_path / "out.docx", [f])
    assert anchored_text(_open(tmp_path / "out.docx"), result.placed[0].comment_id) == "renews automatically"


def test_unplaceable_finding_is_reported_not_invented(agreement, tmp_path):
    f = finding(paragraph=2, start=0, end=10, quote="words that are nowhere in the file")
    result = annotate_docx(agreement, tmp_path / "out.docx", [f])
    assert result.unplaced == [f] and not result.placed
    assert len(_open(tmp_path / "out.docx").comments) == 0


def test_several_comments_on_one_paragraph_and_overlapping_spans(agreement, tmp_path):
    word = _open(agreement)
    fs = [
        span_finding(word, 6, "suspend the Services", code="A"),
        span_finding(word, 6, "the Services at any time without notice", code="B"),
        span_finding(word, 6, "The Provider", code="C"),
    ]
    result = annotate_docx(agreement, tmp_path / "out.docx", fs)
    copy_ = _open(tmp_path / "out.docx")
    assert {p.finding.code: anchored_text(copy_, p.comment_id) for p in result.placed} == {
        "A": "suspend the Services", "B": "the Services at any time without notice", "C": "The Provider",
    }
    text = "".join(t.text for t in body_paragraphs(copy_)[6].iter(f"{W}t"))
    assert text == "The Provider may suspend the Services at any time without notice."


def test_new_ids_avoid_orphan_comment_markers_in_the_body(agreement, tmp_path):
    """A body can hold range markers whose comment was deleted from comments.xml; a new
    comment must not take over their id."""
    d = docx.Document(str(agreement))
    p = body_paragraphs(d)[2]
    for tag in ("commentRangeStart", "commentRangeEnd"):
        el = etree.SubElement(p, f"{W}{tag}")
        el.set(f"{W}id", "0")
    d.save(str(agreement))
    word = _open(agreement)
    result = annotate_docx(agreement, tmp_path / "out.docx", [span_finding(word, 4, "renews automatically")])
    copy_ = _open(tmp_path / "out.docx")
    (c,) = list(copy_.comments)
    assert c.comment_id != 0 and result.placed[0].comment_id == c.comment_id
    assert anchored_text(copy_, c.comment_id) == "renews automatically"


@pytest.mark.parametrize("content", [b"not a zip at all", b"PK\x03\x04truncated"])
def test_api_refuses_files_python_docx_cannot_open(tmp_path, content):
    src = tmp_path / "bad.docx"
    src.write_bytes(content)
    with pytest.raises(AnnotateError, match="cannot open as a Word document"):
        annotate_docx(src, tmp_path / "out.docx", [])
    assert not (tmp_path / "out.docx").exists()


def test_finding_in_a_header_is_noted_on_the_title(agreement, tmp_path):
    """Word has no comments in headers and footers: the comment goes on the title and
    quotes the words it is about."""
    word = _open(agreement)
    f = finding(code="DRF-PH", name="placeholder-left", quote="[CLIENT NAME]")
    f.location = type(f.location)(file="x.docx", anchor=f.location.anchor.__class__("header1", 0, 0, 13))
    result = annotate_docx(agreement, tmp_path / "out.docx", [f], document=model_of(word))
    copy_ = _open(tmp_path / "out.docx")
    (c,) = list(copy_.comments)
    assert anchored_text(copy_, c.comment_id) == "Managed Services Agreement"
    assert "Concerns the words \u201c[CLIENT NAME]\u201d in header1." in c.text.splitlines()
    assert result.placed[0].target.how == "title"


def test_triage_decision_is_shown_in_the_comment(agreement, tmp_path):
    word = _open(agreement)
    f = span_finding(word, 4, "renews automatically")
    f.status, f.note = "needs-counsel", "Ask about the 2019 side letter."
    annotate_docx(agreement, tmp_path / "out.docx", [f])
    (c,) = list(_open(tmp_path / "out.docx").comments)
    assert "Triage: needs-counsel \u2014 Ask about the 2019 side letter." in c.text.splitlines()
