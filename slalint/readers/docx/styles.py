"""Paragraph and character styles, resolved once per document.

Drafters rarely format clause headings by hand: they pick a style ("Heading 2", or a house
style such as "GPS L2 Numbered" based on a heading) and the style carries the outline level,
the automatic numbering and often the bold face. Word resolves a style by following its
``w:basedOn`` chain; we do that once for every style in ``styles.xml`` so that each
paragraph costs one dictionary look-up.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from slalint.readers.docx.xml import W, child_map, on_off

_HEADING_NAME = re.compile(r"^heading\s*([1-9])$", re.IGNORECASE)


@dataclass
class StyleInfo:
    """A style with its ``basedOn`` chain already applied."""

    id: str
    name: str
    type: str = "paragraph"
    heading_level: int | None = None
    """1-based outline level when the style is a heading (by name, by outline level, or
    inherited from a heading it is based on)."""
    num_id: str | None = None
    ilvl: int | None = None
    bold: bool | None = None
    vanish: bool | None = None
    caps: bool | None = None
    is_title: bool = False
    is_toc: bool = False
    is_default: bool = False
    """The document's default paragraph style ("Normal"): not worth reporting."""


class StyleSheet:
    """All styles of one document, resolved. Unknown style ids fall back to the default
    paragraph style, as Word does."""

    def __init__(self, root=None) -> None:
        self.paragraph: dict[str, StyleInfo] = {}
        self.character: dict[str, StyleInfo] = {}
        self.numbering: dict[str, StyleInfo] = {}
        self.default_paragraph: StyleInfo = StyleInfo("", "Normal")
        self.default_bold = False
        if root is not None:
            self._load(root)

    def para(self, style_id: str | None) -> StyleInfo:
        if style_id is None:
            return self.default_paragraph
        return self.paragraph.get(style_id, self.default_paragraph)

    def _load(self, root) -> None:
        raw: dict[str, dict] = {}
        default_para_id = None
        rpr_default = root.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr")
        if rpr_default is not None:
            self.default_bold = bool(on_off(rpr_default.find(f"{W}b")))
        for st in root.iter(f"{W}style"):
            sid = st.get(f"{W}styleId")
            if not sid:
                continue
            stype = st.get(f"{W}type", "paragraph")
            kids = child_map(st)
            name_el = kids.get(f"{W}name")
            based = kids.get(f"{W}basedOn")
            ppr = kids.get(f"{W}pPr")
            rpr = kids.get(f"{W}rPr")
            entry = {
                "id": sid,
                "type": stype,
                "name": name_el.get(f"{W}val", sid) if name_el is not None else sid,
                "based": based.get(f"{W}val") if based is not None else None,
                "outline": None,
                "num_id": None,
                "ilvl": None,
                "bold": None,
                "vanish": None,
                "caps": None,
            }
            if ppr is not None:
                pk = child_map(ppr)
                ol = pk.get(f"{W}outlineLvl")
                if ol is not None:
                    try:
                        entry["outline"] = int(ol.get(f"{W}val", "9"))
                    except ValueError:
                        pass
                numpr = pk.get(f"{W}numPr")
                if numpr is not None:
                    nk = child_map(numpr)
                    nid = nk.get(f"{W}numId")
                    lvl = nk.get(f"{W}ilvl")
                    if nid is not None:
                        entry["num_id"] = nid.get(f"{W}val")
                    if lvl is not None:
                        try:
                            entry["ilvl"] = int(lvl.get(f"{W}val", "0"))
                        except ValueError:
                            pass
            if rpr is not None:
                rk = child_map(rpr)
                entry["bold"] = on_off(rk.get(f"{W}b"))
                entry["vanish"] = on_off(rk.get(f"{W}vanish"))
                entry["caps"] = on_off(rk.get(f"{W}caps"))
            raw[sid] = entry
            if stype == "paragraph" and st.get(f"{W}default") in ("1", "true", "on"):
                default_para_id = sid

        resolved: dict[str, StyleInfo] = {}

        def resolve(sid: str, seen: frozenset = frozenset()) -> StyleInfo | None:
            if sid in resolved:
                return resolved[sid]
            e = raw.get(sid)
            if e is None or sid in seen:
                return None
            parent = resolve(e["based"], seen | {sid}) if e["based"] else None
            info = StyleInfo(sid, e["name"], e["type"])
            name_l = e["name"].strip().lower()
            m = _HEADING_NAME.match(name_l)
            if m:
                info.heading_level = int(m.group(1))
            elif e["outline"] is not None:
                info.heading_level = e["outline"] + 1 if e["outline"] < 9 else None
            elif parent is not None:
                info.heading_level = parent.heading_level
            info.is_title = name_l == "title" or (parent is not None and parent.is_title and "subtitle" not in name_l)
            info.is_toc = name_l.startswith("toc ") or name_l.startswith("table of contents") or (parent is not None and parent.is_toc)
            if info.is_toc:
                info.heading_level = None
            if e["num_id"] is not None or e["ilvl"] is not None:
                info.num_id = e["num_id"] if e["num_id"] is not None else (parent.num_id if parent else None)
                info.ilvl = e["ilvl"] if e["ilvl"] is not None else (parent.ilvl if parent else None)
            elif parent is not None:
                info.num_id, info.ilvl = parent.num_id, parent.ilvl
            for attr in ("bold", "vanish", "caps"):
                v = e[attr]
                setattr(info, attr, v if v is not None else (getattr(parent, attr) if parent else None))
            resolved[sid] = info
            return info

        for sid, e in raw.items():
            info = resolve(sid)
            if info is None:
                continue
            target = {"paragraph": self.paragraph, "character": self.character, "numbering": self.numbering}.get(e["type"])
            if target is not None:
                target[sid] = info
        if default_para_id and default_para_id in self.paragraph:
            self.default_paragraph = self.paragraph[default_para_id]
            self.default_paragraph.is_default = True
