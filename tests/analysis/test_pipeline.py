"""The spaCy pipeline: config, registered names, component selection, extensions."""

from __future__ import annotations

import subprocess
import sys

import pytest

from slalint.analysis.components import COMPONENT_MODULES
from slalint.analysis.pipeline import available_components, get_nlp, resolve_components

OWN_FACTORIES = {"slalint_sentences", "slalint_defined_terms", "slalint_parties", "slalint_xrefs", "slalint_quantities"}
OWN_MISC = {
    "slalint.sentence_patterns.v1", "slalint.term_patterns.v1", "slalint.party_patterns.v1",
    "slalint.xref_patterns.v1", "slalint.quantity_patterns.v1",
}


def test_pipeline_registered_factory_names_pinned() -> None:
    from spacy.language import Language

    get_nlp(list(COMPONENT_MODULES))
    registered = {name for name in Language.factories if name.startswith("slalint")}
    assert OWN_FACTORIES <= registered
    # exactly the factories of the module map whose module is installed, nothing else
    assert registered == set(available_components())


def test_pipeline_registered_pattern_loaders_pinned() -> None:
    from spacy.util import registry

    get_nlp(["slalint_parties", "slalint_xrefs", "slalint_quantities"])
    names = {n for n in registry.misc.get_all() if n.startswith("slalint.")}
    assert OWN_MISC <= names


def test_pipeline_config_lists_every_component() -> None:
    from spacy.util import load_config

    from slalint.resources import models_dir

    config = load_config(models_dir() / "config.cfg", interpolate=False)
    assert config["nlp"]["pipeline"] == list(COMPONENT_MODULES)
    assert set(config["components"]) == set(COMPONENT_MODULES)


@pytest.mark.parametrize(
    ("asked", "expected"),
    [
        (["slalint_xrefs"], ["slalint_xrefs"]),
        (["slalint_parties"], ["slalint_defined_terms", "slalint_parties"]),
        (["slalint_quantities", "slalint_sentences"], ["slalint_sentences", "slalint_quantities"]),
    ],
)
def test_pipeline_only_needed_components(asked: list[str], expected: list[str]) -> None:
    nlp = get_nlp(asked)
    assert nlp.pipe_names == expected
    assert resolve_components(asked) == tuple(expected)


def test_pipeline_built_once_per_component_set() -> None:
    assert get_nlp(["slalint_xrefs"]) is get_nlp(("slalint_xrefs",))
    assert get_nlp(["slalint_xrefs"]) is not get_nlp(["slalint_quantities"])


def test_pipeline_unknown_component() -> None:
    with pytest.raises(ValueError, match="unknown slalint pipeline component"):
        get_nlp(["slalint_nonsense"])


def test_pipeline_components_whose_module_is_missing_are_skipped(monkeypatch: pytest.MonkeyPatch) -> None:
    import slalint.analysis.pipeline as pipeline

    monkeypatch.setitem(pipeline.COMPONENT_MODULES, "slalint_topics", "slalint.analysis.components.not_there")
    assert "slalint_topics" not in pipeline.available_components()
    assert "slalint_topics" not in pipeline.resolve_components(["slalint_topics", "slalint_xrefs"])


def test_pipeline_own_components_available() -> None:
    assert OWN_FACTORIES <= set(available_components())


def test_pipeline_extensions_registered_once() -> None:
    from spacy.tokens import Doc, Span

    import slalint.analysis.extensions as ext

    ext.register()  # idempotent
    for name in ext.DOC_ATTRIBUTES:
        assert Doc.has_extension(name)
    assert Span.has_extension("slalint_is_sentence_initial")
    doc = get_nlp(["slalint_sentences", "slalint_xrefs"])("See Section 4.2. Then stop.")
    assert [s.text for s in doc._.slalint_xref_spans] == ["Section 4.2"]
    assert doc[0:1]._.slalint_is_sentence_initial


def test_pipeline_spacy_not_imported_without_nlp_aspects() -> None:
    code = (
        "import sys\n"
        "from slalint.analysis.analyze import analyze\n"
        "from slalint.readers.text import read_markdown\n"
        "a = analyze(read_markdown('# A\\n\\nText.\\n', 'x.md'), aspects=set())\n"
        "print('spacy' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_pipeline_tokenizer_text_blanks_absurd_punctuation_runs_keeping_offsets() -> None:
    from slalint.analysis.pipeline import tokenizer_text

    text = "Provider shall pay" + '"' * 5000 + " within 30 days."
    cleaned = tokenizer_text(text)
    assert len(cleaned) == len(text)  # every token offset stays an offset into the text
    assert cleaned.count('"') == 4 and cleaned.endswith(" within 30 days.")
    assert tokenizer_text("Fees (see Section 4.2...).") == "Fees (see Section 4.2...)."  # ordinary text untouched


def test_pipeline_quote_run_is_analysed_quickly() -> None:
    import time

    from tests.analysis._docs import analyze_md

    text = "# Terms\n\nThe Provider shall pay" + '"' * 20000 + " within thirty (30) days under Section 4.2.\n"
    analyze_md("# Warm\n\nwarm up.\n", aspects={"quantities", "xrefs", "terms", "sentences"})
    t = time.process_time()
    a = analyze_md(text, aspects={"quantities", "xrefs", "terms", "sentences"})
    assert time.process_time() - t < 5  # was minutes: spaCy strips affixes one at a time
    assert [q.text for q in a.quantities] == ["thirty (30) days"]
    assert [x.text for x in a.cross_refs] == ["Section 4.2"]
