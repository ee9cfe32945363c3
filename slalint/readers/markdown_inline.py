"""Markdown inline markup -> plain text plus formatting marks.

Agreements published as Markdown carry inline markup a reader never sees: ``**bold**``
defined terms and pseudo-headings, ``[links](url)``, ``<span class=...>`` wrappers (Common
Paper), backslash escapes, HTML entities and ``<!-- comments -->``. :func:`render_inline`
removes the markup, keeps the words, and reports bold runs and hyperlinks as
:class:`~slalint.document.model.Mark` offsets into the rendered text, so a rule can tell a
bold defined term from plain words and a finding can point at the right characters.

Template fields survive: a run of three or more underscores ("$__________") is a blank to
fill in, never emphasis, and only real HTML is stripped (known element names with
well-formed attributes), so "<MONTHLY FEE>" and "<Customer Name>" stay in the text.
"""

from __future__ import annotations

import html
import re

from slalint.document.model import Mark

_TOKEN_RE = re.compile(
    r"(?P<comment><!--.*?-->)"
    r"|(?P<escape>\\[\\`*_{}\[\]()#+\-.!|<>~\"'$&])"
    r"|(?P<image>!\[(?P<alt>[^\]]*)\]\([^)]*\))"
    r"|(?P<link>\[(?P<ltext>[^\]]+)\]\((?P<url><[^>]*>|[^)\s]*)(?:\s+\"[^\"]*\")?\))"
    r"|(?P<reflink>\[(?P<rtext>[^\]]+)\]\[[^\]]*\])"
    r"|(?P<code>(?P<ticks>`+)(?P<ctext>.+?)(?P=ticks))"
    r"|(?P<autolink><(?P<aurl>(?:https?|mailto):[^>\s]+)>)"
    r"|(?P<tag></?(?P<tname>[A-Za-z][A-Za-z0-9-]*)(?P<tattrs>\s[^<>]*)?/?>)"
    r"|(?P<blank>_{3,})"
    r"|(?P<delim>\*\*|__|\*|_|~~)"
    r"|(?P<entity>&(?:[a-zA-Z]{2,8}|#\d{1,6}|#x[0-9a-fA-F]{1,6});)",
    re.S,
)
_WS_RE = re.compile(r"\s+")
_HTML_TAGS = frozenset("""
a abbr address article aside b bdi bdo big blockquote body br caption center cite code col colgroup dd del details
dfn div dl dt em figcaption figure font footer h1 h2 h3 h4 h5 h6 head header hr html i img ins kbd label li main mark
nav ol p pre q s samp section small span strike strong sub summary sup table tbody td tfoot th thead time tr tt u ul
var wbr
""".split())
"""HTML elements that appear in agreements published as Markdown. Anything else in angle
brackets ("<MONTHLY FEE>", "<Customer Name>") is text: a template field, not markup."""
_LEGACY_CAPS_TAGS = frozenset("A B BR CENTER DIV FONT HR I LI OL P SPAN SUB SUP TABLE TD TH TR U UL".split())
_ATTRS_RE = re.compile(r"""^(?:\s+[A-Za-z_:][\w:.-]*(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*\s*/?$""")


def _is_html_tag(name: str, attrs: str | None) -> bool:
    """Whether ``<name attrs>`` is real HTML: a known element (or a custom element with a
    hyphen) with well-formed attributes. An all-capitals name is a placeholder
    ("<ADDRESS>", "<TIME>") unless it is an old-style capitals tag such as "<BR>"."""
    if attrs and not _ATTRS_RE.match(attrs):
        return False
    low = name.lower()
    if low not in _HTML_TAGS and not ("-" in name and name == low):
        return False
    if name.isupper() and len(name) > 1 and name not in _LEGACY_CAPS_TAGS and not (attrs and "=" in attrs):
        return False
    return True


def render_inline(source: str) -> tuple[str, tuple[Mark, ...], list[str]]:
    """Render one block's inline Markdown: ``(text, marks, comments)``.

    Whitespace runs (line breaks of a wrapped paragraph, tabs after a clause number) become
    one space; the text is stripped. Comments are returned in order of appearance.
    """
    if not any(ch in source for ch in "*_[`<\\&!~") :
        text = _WS_RE.sub(" ", source).strip()
        return text, (), []
    tokens: list[list] = []  # [kind, payload, can_open, can_close]
    comments: list[str] = []
    _tokenise(source, tokens, comments)
    _pair_delimiters(tokens)
    out: list[str] = []
    marks: list[tuple[int, int, str, str | None]] = []
    length = 0
    bold_start: int | None = None
    link_starts: list[tuple[int, str]] = []
    for tok in tokens:
        kind = tok[0]
        if kind == "t":
            out.append(tok[1])
            length += len(tok[1])
        elif kind == "bold_open":
            bold_start = length if bold_start is None else bold_start
        elif kind == "bold_close":
            if bold_start is not None and length > bold_start:
                marks.append((bold_start, length, "bold", None))
            bold_start = None
        elif kind == "lo":
            link_starts.append((length, tok[1]))
        elif kind == "lc":
            if link_starts:
                start, url = link_starts.pop()
                if length > start:
                    marks.append((start, length, "hyperlink", url))
    raw = "".join(out)
    text, mapped = _collapse(raw, marks)
    return text, mapped, comments


def _tokenise(source: str, tokens: list[list], comments: list[str]) -> None:
    pos = 0
    for m in _TOKEN_RE.finditer(source):
        if m.start() > pos:
            tokens.append(["t", source[pos:m.start()]])
        pos = m.end()
        g = m.lastgroup
        if g == "comment":
            comments.append(m.group("comment")[4:-3].strip())
        elif g == "escape":
            tokens.append(["t", m.group("escape")[1]])
        elif g == "image":
            tokens.append(["t", m.group("alt")])
        elif g == "link":
            url = m.group("url").strip("<>")
            tokens.append(["lo", url])
            _tokenise(m.group("ltext"), tokens, comments)
            tokens.append(["lc", None])
        elif g == "reflink":
            _tokenise(m.group("rtext"), tokens, comments)
        elif g == "code":
            tokens.append(["t", m.group("ctext").strip() or m.group("ctext")])
        elif g == "autolink":
            url = m.group("aurl")
            tokens.append(["lo", url])
            tokens.append(["t", url])
            tokens.append(["lc", None])
        elif g == "tag":
            if not _is_html_tag(m.group("tname"), m.group("tattrs")):
                tokens.append(["t", m.group("tag")])  # "<MONTHLY FEE>": a template field, kept as text
                continue
            tag = m.group("tag").lower()
            if tag.startswith(("<br", "<p", "</p", "<div", "</div", "<li", "<tr", "<td", "<th")):
                tokens.append(["t", " "])
        elif g == "blank":
            tokens.append(["t", m.group("blank")])  # "$__________": a blank to fill in, not emphasis
        elif g == "entity":
            tokens.append(["t", html.unescape(m.group("entity"))])
        elif g == "delim":
            d = m.group("delim")
            before = source[m.start() - 1] if m.start() > 0 else " "
            after = source[m.end()] if m.end() < len(source) else " "
            can_open = not after.isspace()
            can_close = not before.isspace()
            if d[0] == "_":
                can_open = can_open and not before.isalnum()
                can_close = can_close and not after.isalnum()
            tokens.append(["d", d, can_open, can_close])
    if pos < len(source):
        tokens.append(["t", source[pos:]])


def _pair_delimiters(tokens: list[list]) -> None:
    """Pair emphasis delimiters; "**"/"__" pairs become bold marks, single "*"/"_" and "~~"
    pairs vanish, and any unpaired delimiter stays as literal text."""
    open_stack: dict[str, list[int]] = {}
    for i, tok in enumerate(tokens):
        if tok[0] != "d":
            continue
        d, can_open, can_close = tok[1], tok[2], tok[3]
        stack = open_stack.setdefault(d, [])
        if can_close and stack:
            j = stack.pop()
            if d in ("**", "__"):
                tokens[j] = ["bold_open", None]
                tokens[i] = ["bold_close", None]
            else:
                tokens[j] = ["t", ""]
                tokens[i] = ["t", ""]
        elif can_open:
            stack.append(i)
        else:
            tokens[i] = ["t", d]
    for stack in open_stack.values():
        for j in stack:
            tokens[j] = ["t", tokens[j][1]]


def _collapse(raw: str, marks: list[tuple[int, int, str, str | None]]) -> tuple[str, tuple[Mark, ...]]:
    """Collapse whitespace runs and strip, remapping mark offsets onto the new text."""
    if not marks:
        return _WS_RE.sub(" ", raw).strip(), ()
    new_index = [0] * (len(raw) + 1)
    out: list[str] = []
    n = 0
    prev_space = True  # strips leading whitespace
    for i, ch in enumerate(raw):
        new_index[i] = n
        if ch.isspace():
            if not prev_space:
                out.append(" ")
                n += 1
            prev_space = True
        else:
            out.append(ch)
            n += 1
            prev_space = False
    new_index[len(raw)] = n
    text = "".join(out)
    text = text.rstrip()
    result = []
    for start, end, kind, value in marks:
        s, e = new_index[start], min(new_index[end], len(text))
        # a bold run's own edge spaces are not part of the bold words
        while s < e and text[s] == " ":
            s += 1
        while e > s and text[e - 1] == " ":
            e -= 1
        if e > s:
            result.append(Mark(s, e, kind, value))
    return text, tuple(sorted(result, key=lambda m: (m.start, m.end)))
