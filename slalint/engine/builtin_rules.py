"""Rules the engine itself reports (not YAML): a rule that crashed, and suppressions that
did nothing or name no rule. They appear in `slalint rules` and SARIF like any other."""

from __future__ import annotations

from slalint.engine.spec import RuleSpec

INTERNAL_ERROR = "LINT001"
UNUSED_SUPPRESSION = "LINT002"
UNKNOWN_SUPPRESSION = "LINT003"
ENGINE_CODES = (INTERNAL_ERROR, UNUSED_SUPPRESSION, UNKNOWN_SUPPRESSION)


def engine_rules() -> list[RuleSpec]:
    return [
        RuleSpec(
            code=INTERNAL_ERROR, name="internal-error", severity="error", kind="engine", pack="lint", path="",
            summary="A rule failed while checking this document; its result is missing.",
            message="Rule {rule} ({rule_name}) failed on this document: {error}",
            docs={
                "why": "slalint contains a rule's failure so the other rules still run, and reports it so a "
                       "missing result is never mistaken for a clean one. Please report it with the traceback "
                       "shown by `SLALINT_DEBUG=1 slalint check ...`.",
                "example_fail": "", "example_pass": "", "references": [],
            },
        ),
        RuleSpec(
            code=UNUSED_SUPPRESSION, name="unused-suppression", severity="info", kind="engine", pack="lint", path="",
            summary="An in-document `slalint: ignore` comment suppressed nothing.",
            message="Suppression of {target} suppressed nothing; remove it",
            docs={
                "why": "A suppression that no longer matches a finding hides nothing today but would silently hide "
                       "a future problem; remove it once the clause is fixed.",
                "example_fail": "<!-- slalint: ignore SLA001 reason -->\n# 1. Services\n1.1 The Provider shall provide the Services described in Schedule 1.\n",
                "example_pass": "# 1. Services\n1.1 The Provider shall provide the Services.\n",
                "references": ["sqlfluff: unused noqa warnings"],
            },
        ),
        RuleSpec(
            code=UNKNOWN_SUPPRESSION, name="unknown-suppression", severity="warning", kind="engine", pack="lint", path="",
            summary="An in-document `slalint: ignore` comment names a rule that does not exist.",
            message="Suppression names unknown rule '{target}'",
            docs={
                "why": "A misspelt code suppresses nothing; the finding it was meant to silence is still reported.",
                "example_fail": "<!-- slalint: ignore SLA99999 -->\n# 1. Services\n1.1 Text.\n",
                "example_pass": "# 1. Services\n1.1 Text.\n",
                "references": [],
            },
        ),
    ]
