"""WordprocessingML names and small helpers shared by the DOCX reader modules."""

from __future__ import annotations

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W = f"{{{W_NS}}}"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"
M_NS = "http://schemas.openxmlformats.org/officeDocument/2006/math"


def qn(tag: str) -> str:
    """Clark name for a prefixed tag: ``qn("w:p")`` -> ``{...main}p``."""
    prefix, local = tag.split(":")
    ns = {"w": W_NS, "r": R_NS, "mc": MC_NS, "m": M_NS}[prefix]
    return f"{{{ns}}}{local}"


_OFF = {"0", "false", "off", "none"}


def on_off(el) -> bool | None:
    """Value of an ST_OnOff toggle element (``<w:b/>``, ``<w:b w:val="0"/>``); None when absent."""
    if el is None:
        return None
    if isinstance(el, str):
        return el.lower() not in _OFF
    val = el.get(f"{W}val")
    return val is None or val.lower() not in _OFF


def child_map(el) -> dict:
    """First child element of each tag: one pass over the children, much cheaper than
    several ``find()`` calls (lxml's ``find`` goes through its path engine)."""
    out: dict = {}
    if el is None:
        return out
    for c in el:
        tag = c.tag
        if tag not in out:
            out[tag] = c
    return out
