"""Markdown source -> :class:`RawBlock` items (block structure only).

Covers what agreements published as Markdown use: YAML front matter, ATX (``## 4. Term``)
and setext headings, paragraphs wrapped over several lines, bullet and ordered lists with
nesting, GitHub pipe tables, fenced code, block quotes, thematic breaks, and
``<!-- ... -->`` comments (including ``<!-- slalint: ignore CODE reason -->``).

One departure from CommonMark, for agreements: inside a wrapped paragraph, a line that
starts with a clause number ("4.2 The Provider ...", "(b) ...") after a line that ends a
sentence starts a new paragraph, because drafters type numbered clauses on consecutive
lines without blank lines between them and mean separate clauses.
"""

from __future__ import annotations

import re

from slalint.readers.markdown_inline import render_inline
from slalint.readers.numbering_patterns import match_label
from slalint.readers.raw_blocks import RawBlock, RawCell

_ATX_RE = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$")
_SETEXT_RE = re.compile(r"^ {0,3}(=+|-+)[ \t]*$")
_HR_RE = re.compile(r"^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")
_FENCE_RE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_LIST_RE = re.compile(r"^(?P<indent>[ \t]*)(?P<marker>[-*+•]|\d{1,3}[.)])(?P<space>[ \t]+|$)(?P<rest>.*)$")
_TABLE_DELIM_RE = re.compile(r"^[ \t]*\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)+\|?[ \t]*$|^[ \t]*\|[ \t]*:?-+:?[ \t]*\|[ \t]*$")
_DEFINITION_START_RE = re.compile(r"^[\"“][^\"”]{1,80}[\"”]\s+(?:means|shall mean|has the meaning|is defined|refers)")
_TAG_RE = re.compile(r"<[^<>]*>")
_SENTENCE_END = (".", ":", ";", "!", "?", ".”", ".\"", ":”", ";”", ".)", ".**", ":**", "*")


def _indent_width(s: str) -> int:
    n = 0
    for ch in s:
        if ch == " ":
            n += 1
        elif ch == "\t":
            n += 4 - n % 4
        else:
            break
    return n


def split_front_matter(lines: list[str]) -> tuple[int, str | None]:
    """Skip a YAML front-matter block (``---`` ... ``---``): returns the first body line
    index and the front matter's ``title:`` if it has one."""
    if not lines or lines[0].strip() != "---":
        return 0, None
    for i in range(1, min(len(lines), 200)):
        if lines[i].strip() in ("---", "..."):
            title = None
            for line in lines[1:i]:
                m = re.match(r"^title:\s*(.+?)\s*$", line)
                if m:
                    title = m.group(1).strip("'\"")
                    break
            return i + 1, title
    return 0, None


def _starts_new_clause(prev: str, line: str) -> bool:
    """Whether ``line`` (inside a wrapped paragraph) begins a new numbered clause."""
    stripped = line.strip()
    if _DEFINITION_START_RE.match(stripped) and prev.rstrip().endswith(_SENTENCE_END):
        return True
    plain = stripped.lstrip("*_")
    lm = match_label(plain, strict=True)
    if lm is None or lm.family == "annex":
        return False
    p = _TAG_RE.sub("", prev).rstrip().rstrip("*_ ")
    if p.endswith(_SENTENCE_END) or p.endswith(("*", "_")):
        return True
    return False


def _owner_depth(list_stack: list[int], indent: int) -> int:
    """Depth of the open list item that an indented line belongs to."""
    return max(0, sum(1 for ind in list_stack if ind < indent) - 1)


def _split_row(line: str) -> list[str]:
    s = line.strip()
    if s.startswith("|"):
        s = s[1:]
    if s.endswith("|") and not s.endswith("\\|"):
        s = s[:-1]
    cells, buf, i = [], [], 0
    while i < len(s):
        ch = s[i]
        if ch == "\\" and i + 1 < len(s) and s[i + 1] == "|":
            buf.append("|")
            i += 2
            continue
        if ch == "|":
            cells.append("".join(buf))
            buf = []
        else:
            buf.append(ch)
        i += 1
    cells.append("".join(buf))
    return [c.strip() for c in cells]


def lex_markdown(text: str) -> tuple[list[RawBlock], str | None]:
    """Cut Markdown into raw blocks; also returns the front matter's title, if any."""
    lines = text.split("\n")
    start, fm_title = split_front_matter(lines)
    blocks: list[RawBlock] = []
    para: list[str] = []
    para_line = 0
    para_kind = "paragraph"
    para_meta: dict = {}
    list_stack: list[int] = []  # marker indents of open lists
    counters: dict[int, int] = {}
    blank_before = True

    def flush() -> None:
        nonlocal para, para_kind, para_meta
        if not para:
            return
        source = "\n".join(para)
        rendered, marks, comments = render_inline(source)
        if rendered or comments:
            if not rendered and comments:
                for c in comments:
                    blocks.append(RawBlock("comment", text=c, line=para_line))
            else:
                blocks.append(RawBlock(para_kind, text=rendered, line=para_line, marks=marks, inline_comments=comments,
                                       standalone=len(para) == 1 and len(rendered) <= 100, **para_meta))
        para = []
        para_kind = "paragraph"
        para_meta = {}

    i = start
    n = len(lines)
    while i < n:
        raw = lines[i].rstrip("\r")
        stripped = raw.strip()
        # --- HTML comment block
        if stripped.startswith("<!--") and not para:
            body_lines = [stripped]
            j = i
            while "-->" not in body_lines[-1] or (j == i and body_lines[-1].find("-->") < 4):
                j += 1
                if j >= n:
                    break
                body_lines.append(lines[j].strip())
            joined = "\n".join(body_lines)
            end = joined.find("-->", 4)
            if end >= 0:
                body = joined[4:end].strip()
                rest = joined[end + 3:].strip()
                blocks.append(RawBlock("comment", text=" ".join(body.split()), line=i))
                if rest:
                    lines[j] = rest
                    i = j
                    continue
                i = j + 1
                blank_before = False
                continue
        # --- fenced code
        fm = _FENCE_RE.match(raw)
        if fm:
            flush()
            fence = fm.group(1)
            j = i + 1
            code: list[str] = []
            while j < n and not lines[j].strip().startswith(fence):
                code.append(lines[j])
                j += 1
            content = " ".join(" ".join(code).split())
            if content:
                blocks.append(RawBlock("paragraph", text=content, line=i + 1))
            i = j + 1
            continue
        if not stripped:
            flush()
            blank_before = True
            i += 1
            continue
        # --- setext underline turns the open paragraph into a heading
        sm = _SETEXT_RE.match(raw)
        if sm and para and para_kind == "paragraph" and not para_meta.get("in_list"):
            level = 1 if sm.group(1)[0] == "=" else 2
            rendered, marks, comments = render_inline("\n".join(para))
            blocks.append(RawBlock("heading", text=rendered, line=para_line, marks=marks, depth=level,
                                   inline_comments=comments))
            para = []
            para_meta = {}
            list_stack.clear()
            i += 1
            continue
        if _HR_RE.match(raw):
            flush()
            i += 1
            continue
        am = _ATX_RE.match(raw)
        if am:
            flush()
            list_stack.clear()
            counters.clear()
            rendered, marks, comments = render_inline(am.group(2) or "")
            if rendered or comments:
                blocks.append(RawBlock("heading", text=rendered, line=i, marks=marks, depth=len(am.group(1)),
                                       inline_comments=comments))
            i += 1
            blank_before = False
            continue
        # --- pipe table: a row line followed by a delimiter row
        if "|" in raw and i + 1 < n and _TABLE_DELIM_RE.match(lines[i + 1]) and not (para and para_kind == "list_item"):
            flush()
            header = _split_row(raw)
            rows: list[list[RawCell]] = []
            row_lines: list[int] = []
            for cells, ln in [(header, i)]:
                rows.append([RawCell(*render_inline(c)[:2]) for c in cells])
                row_lines.append(ln)
            j = i + 2
            while j < n and lines[j].strip() and "|" in lines[j]:
                rows.append([RawCell(*render_inline(c)[:2]) for c in _split_row(lines[j])])
                row_lines.append(j)
                j += 1
            if all(not c.text for c in rows[0]) and len(rows) > 1:
                rows = rows[1:]
                row_lines = row_lines[1:]
            blocks.append(RawBlock("table", line=i, rows=rows, row_lines=row_lines))
            i = j
            continue
        # --- block quote markers are dropped: the quoted words are ordinary text here
        if stripped.startswith(">"):
            raw = re.sub(r"^\s*(>\s?)+", "", raw)
            stripped = raw.strip()
            if not stripped:
                flush()
                i += 1
                continue
        lm = _LIST_RE.match(raw)
        # CommonMark: inside a paragraph, only an ordered list starting at 1 may interrupt it
        # ("... as required by\n2. the Customer" stays one paragraph)
        if lm and not (para and para_kind == "paragraph" and not blank_before and lm.group("marker")[0].isdigit()
                       and lm.group("marker")[:-1] != "1" and not para_meta.get("in_list")):
            marker = lm.group("marker")
            rest = lm.group("rest")
            if marker in ("-", "*", "+") and not rest.strip() and not lm.group("space"):
                pass  # a lone "-" is text
            else:
                flush()
                indent = _indent_width(lm.group("indent"))
                while list_stack and indent < list_stack[-1]:
                    list_stack.pop()
                if not list_stack or indent >= list_stack[-1] + 2:
                    list_stack.append(indent)
                else:
                    list_stack[-1] = indent
                depth = len(list_stack) - 1
                for d in [k for k in counters if k > depth]:
                    del counters[d]
                ordered = marker[0].isdigit()
                number = None
                if ordered:
                    typed = int(marker[:-1])
                    prev = counters.get(depth)
                    number = prev + 1 if (prev is not None and typed <= prev) else typed
                    counters[depth] = number
                else:
                    counters.pop(depth, None)
                para = [rest]
                para_line = i
                para_kind = "list_item"
                para_meta = {"depth": depth, "marker": "•" if not ordered else marker, "ordered": ordered,
                             "number": number, "in_list": True}
                blank_before = False
                i += 1
                continue
        indent = _indent_width(raw)
        if para:
            if _starts_new_clause(para[-1], raw):
                keep_meta = {"depth": _owner_depth(list_stack, indent), "in_list": True} if list_stack and indent >= 2 else {}
                flush()
                para = [raw]
                para_line = i
                para_meta = keep_meta
            else:
                para.append(raw)
        else:
            para = [raw]
            para_line = i
            if list_stack and indent >= 2 and blank_before:
                # a paragraph (or typed "a." item) indented inside an open list item
                para_meta = {"depth": _owner_depth(list_stack, indent), "in_list": True}
            elif indent < 2:
                list_stack.clear()
                counters.clear()
        blank_before = False
        i += 1
    flush()
    return blocks, fm_title
