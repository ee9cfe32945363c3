"""Built-in word lists that tell a proper noun or a conventional capital from a term.

``models/vocabulary/*.txt`` (one name a line, ``#`` comments): months, days and holidays,
places, organisations, statutes and standards, product names, given names and honorifics,
words drafters capitalise by convention ("Agreement", "Schedule", "Name", job titles), and
function words that start sentences. Loaded once per process.
"""

from __future__ import annotations

from functools import lru_cache

from slalint.resources import models_dir

LISTS = ("calendar", "places", "organisations", "statutes", "products", "people", "conventional", "stopwords", "variables")
"""``variables`` (nouns a cover page or order form fills in) is consulted only for
documents whose variables live in such a companion; `known_names` leaves it out."""


@lru_cache(maxsize=None)
def word_list(name: str) -> frozenset[str]:
    """The entries of ``models/vocabulary/<name>.txt``, lowercased."""
    path = models_dir() / "vocabulary" / f"{name}.txt"
    out = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            out.add(line.lower())
    return frozenset(out)


@lru_cache(maxsize=None)
def known_names() -> frozenset[str]:
    """Every proper-noun and conventional entry (not the stopwords), lowercased."""
    out: set[str] = set()
    for name in LISTS:
        if name not in ("stopwords", "variables"):
            out |= word_list(name)
    return frozenset(out)
