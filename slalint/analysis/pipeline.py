"""The one place that builds slalint's spaCy pipeline.

``get_nlp(components)`` reads ``models/config.cfg`` (spaCy's config system), keeps only the
requested components (in the config's order, plus the ones they require), imports the
modules that register their factories, and builds ``spacy.blank("en")``'s tokenizer plus
those components. Pattern data is loaded by registered functions that the config names,
from ``models/patterns``. A pipeline is built once per process for each component set.
Components whose module is not installed (another team's, still to come) are left out.
"""

from __future__ import annotations

import importlib
import importlib.util
import re
from functools import lru_cache
from typing import TYPE_CHECKING, Iterable

from slalint.analysis.components import COMPONENT_MODULES

if TYPE_CHECKING:
    from spacy.language import Language

REQUIRES: dict[str, tuple[str, ...]] = {
    "slalint_parties": ("slalint_defined_terms",),
}
"""Component -> components that must run before it."""


_PUNCT_RUN = re.compile(r"[^\w\s]{%d,}" % 9)
_KEEP = 4


def tokenizer_text(text: str) -> str:
    """The text the tokenizer sees: ``text`` with every run of nine or more punctuation
    marks cut to its first four, the rest blanked with spaces. spaCy strips prefixes and
    suffixes one character at a time, re-slicing the remaining string each time, so a
    run of thousands of quote marks glued to a word takes minutes (20,000 took 195 s).
    The length is unchanged, so every token offset is an offset into ``text`` too; the
    components read the original text (``extensions.doc_text``), never the blanked one."""
    if len(text) < 9 or not _PUNCT_RUN.search(text):
        return text
    return _PUNCT_RUN.sub(lambda m: m.group(0)[:_KEEP] + " " * (len(m.group(0)) - _KEEP), text)


def available_components() -> tuple[str, ...]:
    """Component names whose registering module exists, in pipeline order."""
    out = []
    for name, module in COMPONENT_MODULES.items():
        try:
            found = importlib.util.find_spec(module) is not None
        except ModuleNotFoundError:
            found = False
        if found:
            out.append(name)
    return tuple(out)


def with_dependencies(names: Iterable[str], known: Iterable[str], requires: dict, what: str) -> set[str]:
    """``names`` plus everything they require, directly or not (``requires``: name -> the
    names it needs). A name not in ``known`` raises ValueError naming ``what`` it is."""
    known = tuple(known)
    out: set[str] = set()
    stack = list(names)
    while stack:
        name = stack.pop()
        if name not in known:
            raise ValueError(f"unknown {what} '{name}' (known: {', '.join(known)})")
        if name not in out:
            out.add(name)
            stack.extend(requires.get(name, ()))
    return out


def resolve_components(components: Iterable[str]) -> tuple[str, ...]:
    """The requested components plus what they require, in pipeline order, without the
    ones not available in this installation. Unknown names raise ValueError."""
    wanted = with_dependencies(components, COMPONENT_MODULES, REQUIRES, "slalint pipeline component")
    available = available_components()
    return tuple(n for n in COMPONENT_MODULES if n in wanted and n in available)


def get_nlp(components: Iterable[str]) -> "Language":
    """The pipeline with exactly these components (and their requirements), cached."""
    return _build(resolve_components(components))


@lru_cache(maxsize=None)
def _build(names: tuple[str, ...]) -> "Language":
    from spacy.util import load_config, load_model_from_config

    from slalint.resources import models_dir

    for name in names:
        importlib.import_module(COMPONENT_MODULES[name])
    models = models_dir()
    config = load_config(models / "config.cfg", overrides={"paths.patterns": str(models / "patterns")}, interpolate=False)
    config["nlp"]["pipeline"] = [n for n in config["nlp"]["pipeline"] if n in names]
    for comp in list(config["components"]):
        if comp not in names:
            del config["components"][comp]
    return load_model_from_config(config, auto_fill=True, validate=True)
