"""The annotated copy opens in LibreOffice with every comment on its words (a second,
independent consumer of the OOXML we write). Needs `soffice`; skipped only outside CI."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import zipfile

import docx
import pytest
from docx_builders import new_agreement, span_finding

from slalint.annotate import annotate_docx

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")

pytestmark = [
    pytest.mark.external,
    pytest.mark.skipif(SOFFICE is None and not os.environ.get("CI"), reason="LibreOffice (soffice) is not installed"),
]


def _convert(src, outdir, target, profile):
    if SOFFICE is None:
        pytest.fail("CI is set but LibreOffice (soffice) is not installed")
    cmd = [SOFFICE, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore", "--convert-to", target, "--outdir", str(outdir), str(src)]
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=180)
    assert proc.returncode == 0, proc.stderr
    ext = target.split(":")[0]
    out = outdir / (src.stem + "." + ext)
    assert out.exists(), proc.stdout + proc.stderr
    return out


@pytest.fixture
def annotated(tmp_path):
    src = tmp_path / "agreement.docx"
    new_agreement().save(src)
    word = docx.Document(str(src))
    findings = [
        span_finding(word, 6, "suspend the Services at any time", code="FAIR-006", name="suspension-without-notice",
                     message="The Provider may suspend the Services without notice.",
                     suggestion="The Provider may suspend the Services only after five (5) Business Days' notice."),
        span_finding(word, 4, "renews automatically", code="SLA-012", name="auto-renewal-without-notice",
                     message="The agreement renews automatically but states no notice period."),
    ]
    out = tmp_path / "annotated" / "agreement.docx"
    out.parent.mkdir()
    annotate_docx(src, out, findings, why={"FAIR-006": "A customer cut off without warning has no chance to cure."})
    return out, findings


def test_comments_survive_conversion_to_odt_on_the_same_words(annotated, tmp_path):
    out, findings = annotated
    odt = _convert(out, tmp_path / "lo", "odt", tmp_path / "profile")
    content = zipfile.ZipFile(odt).read("content.xml").decode("utf-8")
    names = re.findall(r'<office:annotation office:name="([^"]+)"', content)
    assert len(names) == len(findings)
    anchored = []
    for name in names:
        m = re.search(rf'<office:annotation office:name="{re.escape(name)}".*?</office:annotation>(.*?)<office:annotation-end office:name="{re.escape(name)}"/>', content, re.S)
        assert m, name
        anchored.append(re.sub(r"<[^>]+>", "", m.group(1)))
    assert sorted(anchored) == sorted(f.quote for f in findings)
    assert content.count("<dc:creator>slalint</dc:creator>") == len(findings)
    assert "suspension-without-notice" in content and "Why it matters" in content


def test_comments_survive_export_to_pdf(annotated, tmp_path):
    out, findings = annotated
    pdf = _convert(out, tmp_path / "pdf", 'pdf:writer_pdf_Export:{"ExportNotes":{"type":"boolean","value":"true"}}', tmp_path / "profile")
    data = pdf.read_bytes()
    texts = []
    for m in re.finditer(rb"/Contents\s*<FEFF([0-9A-Fa-f]+)>", data):
        texts.append(bytes.fromhex(m.group(1).decode()).decode("utf-16-be"))
    for m in re.finditer(rb"/Contents\s*\(((?:\\.|[^\\)])*)\)", data):
        texts.append(m.group(1).decode("latin-1"))
    joined = "\n".join(texts)
    assert "suspension-without-notice" in joined
    assert "auto-renewal-without-notice" in joined
    assert "Why it matters: A customer cut off without warning has no chance to cure." in joined
