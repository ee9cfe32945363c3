"""JUnit XML for CI dashboards: one test suite per agreement, one failing test case per
finding (a clean agreement is one passing case); unreadable files are errors."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from slalint.engine.findings import RunResult
from slalint.reporters.base import ReportContext, display_path, where


def render(run: RunResult, ctx: ReportContext) -> str:
    root = ET.Element("testsuites", name="slalint")
    total = failures = errors = 0
    for doc in run.documents:
        name = display_path(doc.path, ctx.cwd)
        suite = ET.SubElement(root, "testsuite", name=name)
        n = max(1, len(doc.findings))
        suite.set("tests", str(n))
        suite.set("failures", str(len(doc.findings)))
        suite.set("errors", "0")
        total += n
        failures += len(doc.findings)
        if not doc.findings:
            ET.SubElement(suite, "testcase", classname=name, name="slalint")
        for f in doc.findings:
            case = ET.SubElement(suite, "testcase", classname=name, name=f"{f.code} {f.name} {where(f)}")
            fail = ET.SubElement(case, "failure", type=f.severity, message=f.message)
            body = [f"{f.code} ({f.name}) {f.severity}", f"Location: {where(f)} {f.location.title}".rstrip(), f.message]
            if f.quote:
                body.append(f"Quote: {f.quote}")
            fail.text = "\n".join(body)
    if run.errors:
        suite = ET.SubElement(root, "testsuite", name="unreadable files", tests=str(len(run.errors)), failures="0",
                              errors=str(len(run.errors)))
        for e in run.errors:
            case = ET.SubElement(suite, "testcase", classname="slalint", name=display_path(e["path"], ctx.cwd))
            ET.SubElement(case, "error", message=e["error"]).text = e["error"]
            total += 1
            errors += 1
    root.set("tests", str(total))
    root.set("failures", str(failures))
    root.set("errors", str(errors))
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
