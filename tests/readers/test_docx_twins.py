"""A Word agreement and its Markdown twin read into the same section tree.

The samples are generated from one source as a DOCX (Word automatic numbering, heading
styles with ``w:caps``, bold lead-ins) and a Markdown file (numbers typed, text as stored):
both readers follow one label convention ("1" for Word's "1.", "Schedule 2", "3.1(a)") and
keep titles as stored, so a rule or a cross-reference sees the same sections either way.
"""

from __future__ import annotations

import pytest

from slalint.readers import read_document

SAMPLES = ["msp-managed-services-agreement", "legacy-msp-agreement", "sow-network-refresh"]


def _tree(section) -> list[tuple]:
    out = []
    for child in section.children:
        out.append((child.label, child.ref, child.title, child.level))
        out.extend(_tree(child))
    return out


@pytest.mark.parametrize("name", SAMPLES)
def test_docx_and_markdown_twin_give_the_same_section_tree(samples_dir, name):
    docx_tree = _tree(read_document(samples_dir / f"{name}.docx").root)
    md_tree = _tree(read_document(samples_dir / f"{name}.md").root)
    assert len(docx_tree) >= 20
    assert docx_tree == md_tree


def test_sample_labels_follow_the_shared_convention(samples_dir):
    doc = read_document(samples_dir / "msp-managed-services-agreement.docx")
    labels = {s.label for s in doc.sections()}
    # Word prints "1." (lvlText "%1."): the label drops the closing full stop
    assert "1" in labels and "1." not in labels
    assert {"Schedule 1", "Schedule 2", "(a)"} <= labels
    definitions = doc.find_section("1")
    # Heading 1 sets w:caps (Word shows DEFINITIONS); the title is the text as stored
    assert definitions.title == "Definitions"
