"""Where the packaged data lives: the rule packs (`rules/`) and the spaCy pipeline config
and pattern data (`models/`).

In an installed wheel they sit inside the package as `slalint/_data/{rules,models}` and are
found with importlib.resources; in a source checkout (editable install) they are the
top-level folders beside the package. Never relative to the working directory.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path


def _data_dir(name: str) -> Path:
    packaged = resources.files("slalint") / "_data" / name
    if packaged.is_dir():
        return Path(str(packaged))
    source = Path(__file__).resolve().parent.parent / name
    if source.is_dir():
        return source
    raise FileNotFoundError(f"slalint data folder '{name}' is missing from the installation")


def rules_dir() -> Path:
    """The built-in rule packs and clause library."""
    return _data_dir("rules")


def models_dir() -> Path:
    """The spaCy pipeline config and pattern data."""
    return _data_dir("models")
