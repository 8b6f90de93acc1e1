"""Word's styles and list numbering: the numbers Word shows in front of a paragraph ("II.", "1.2.",
"a)", bullets) live in numbering.xml and the styles, not in the paragraph's text; ``Numbering``
counts them per list and level the way Word does (restarts, overrides, legal numbering)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W = "{" + W_NS + "}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
STRICT_NS = "http://purl.oclc.org/ooxml/wordprocessingml/main"
MAX_UNCOMPRESSED = 500 * 1024 * 1024  # a zip bomb guard; a real directive's XML is a few MB

_ROMAN = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"),
          (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))  # fmt: skip


def _val(element: Any, tag: str, attr: str = "val") -> str | None:
    if element is None:
        return None
    child = element.find(W + tag)
    return None if child is None else child.get(W + attr)


def _int(value: str | None, default: int = 0) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


# --- styles ---------------------------------------------------------------------------------------


class Styles:
    """What the reader needs from styles.xml: numbering, indents and fonts inherited through basedOn."""

    def __init__(self, root: Any) -> None:
        self.by_id: dict[str, Any] = {}
        self.default_font: str | None = None
        self.default_table_style: str | None = None
        if root is None:
            return
        for style in root.iter(W + "style"):
            style_id = style.get(W + "styleId")
            if style_id:
                self.by_id[style_id] = style
            if style.get(W + "type") == "table" and style.get(W + "default") in ("1", "true"):
                self.default_table_style = style_id
        defaults = root.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}rFonts")
        if defaults is not None:
            self.default_font = defaults.get(W + "hAnsi") or defaults.get(W + "ascii")

    def chain(self, style_id: str | None) -> list[Any]:
        """The style and the styles it is based on, nearest first."""
        out, seen = [], set()
        while style_id and style_id not in seen and style_id in self.by_id:
            seen.add(style_id)
            style = self.by_id[style_id]
            out.append(style)
            style_id = _val(style, "basedOn")
        return out

    def paragraph_numbering(self, style_id: str | None) -> tuple[str | None, str | None]:
        """(numId, ilvl) a paragraph style gives its paragraphs."""
        for style in self.chain(style_id):
            num_pr = style.find(f"{W}pPr/{W}numPr")
            if num_pr is not None and _val(num_pr, "numId") is not None:
                return _val(num_pr, "numId"), _val(num_pr, "ilvl")
        return None, None

    def indent(self, style_id: str | None) -> int | None:
        for style in self.chain(style_id):
            ind = style.find(f"{W}pPr/{W}ind")
            if ind is not None and (ind.get(W + "left") or ind.get(W + "start")):
                return _int(ind.get(W + "left") or ind.get(W + "start"))
        return None

    def font(self, style_id: str | None) -> str | None:
        for style in self.chain(style_id):
            fonts = style.find(f"{W}rPr/{W}rFonts")
            if fonts is not None and (fonts.get(W + "hAnsi") or fonts.get(W + "ascii")):
                return fonts.get(W + "hAnsi") or fonts.get(W + "ascii")
        return None

    def table_has_borders(self, style_id: str | None) -> bool | None:
        for style in self.chain(style_id):
            borders = style.find(f"{W}tblPr/{W}tblBorders")
            if borders is not None:
                return _borders_visible(borders)
        return None


def _borders_visible(borders: Any) -> bool:
    return any(b.get(W + "val") not in (None, "nil", "none") for b in borders)


# --- numbering ------------------------------------------------------------------------------------


@dataclass
class Level:
    start: int = 1
    fmt: str = "decimal"
    text: str | None = None
    restart: int | None = None  # w:lvlRestart: restart after this (1-based) level; 0 = never
    legal: bool = False  # w:isLgl: show every level as a decimal number
    indent: int | None = None
    style: str | None = None


@dataclass
class _List:
    counters: list[int | None] = field(default_factory=lambda: [None] * 9)


def _read_level(lvl: Any) -> Level:
    ind = lvl.find(f"{W}pPr/{W}ind")
    text = lvl.find(W + "lvlText")
    return Level(
        start=_int(_val(lvl, "start"), 1),
        fmt=_val(lvl, "numFmt") or "decimal",
        text=None if text is None else text.get(W + "val", ""),
        restart=None if _val(lvl, "lvlRestart") is None else _int(_val(lvl, "lvlRestart")),
        legal=lvl.find(W + "isLgl") is not None and _val(lvl, "isLgl") not in ("0", "false"),
        indent=None if ind is None else _int(ind.get(W + "left") or ind.get(W + "start")),
        style=_val(lvl, "pStyle"),
    )


def _format_number(value: int, fmt: str) -> str:
    if fmt in ("upperRoman", "lowerRoman") and 0 < value < 4000:
        out, rest = "", value
        for amount, letters in _ROMAN:
            while rest >= amount:
                out, rest = out + letters, rest - amount
        return out if fmt == "upperRoman" else out.lower()
    if fmt in ("upperLetter", "lowerLetter") and value > 0:
        letter = chr(ord("a") + (value - 1) % 26) * ((value - 1) // 26 + 1)  # Word: …, z, aa, bb
        return letter.upper() if fmt == "upperLetter" else letter
    if fmt == "decimalZero":
        return f"{value:02d}"
    if fmt == "none":
        return ""
    return str(value)


class Numbering:
    """Word's list numbering: counters per list (abstractNum), restarts, overrides and formats."""

    def __init__(self, root: Any, styles: Styles) -> None:
        self.abstract: dict[str, dict[int, Level]] = {}
        self.style_links: dict[str, str] = {}  # abstractNumId → numbering style it takes its levels from
        self.nums: dict[str, tuple[str, dict[int, tuple[int | None, Level | None]]]] = {}
        self.lists: dict[str, _List] = {}
        self.used: set[str] = set()
        self.styles = styles
        if root is None:
            return
        for abstract in root.iter(W + "abstractNum"):
            abs_id = abstract.get(W + "abstractNumId")
            if abs_id is None:
                continue
            self.abstract[abs_id] = {_int(lvl.get(W + "ilvl")): _read_level(lvl) for lvl in abstract.iter(W + "lvl")}
            link = _val(abstract, "numStyleLink")
            if link:
                self.style_links[abs_id] = link
        for num in root.iter(W + "num"):
            num_id, abs_id = num.get(W + "numId"), _val(num, "abstractNumId")
            if num_id is None or abs_id is None:
                continue
            overrides: dict[int, tuple[int | None, Level | None]] = {}
            for override in num.iter(W + "lvlOverride"):
                start = _val(override, "startOverride")
                lvl = override.find(W + "lvl")
                overrides[_int(override.get(W + "ilvl"))] = (
                    None if start is None else _int(start),
                    None if lvl is None else _read_level(lvl),
                )
            self.nums[num_id] = (abs_id, overrides)

    def _abstract_id(self, num_id: str) -> str | None:
        entry = self.nums.get(num_id)
        if entry is None:
            return None
        abs_id = entry[0]
        link = self.style_links.get(abs_id)
        if link:  # a list whose levels live in a numbering style: follow the style to its list
            linked_num, _ = self.styles.paragraph_numbering(link)
            if linked_num and linked_num in self.nums and self.nums[linked_num][0] != abs_id:
                return self.nums[linked_num][0]
        return abs_id

    def level(self, num_id: str, ilvl: int) -> Level | None:
        abs_id = self._abstract_id(num_id)
        if abs_id is None:
            return None
        override = self.nums[num_id][1].get(ilvl, (None, None))[1]
        return override or self.abstract.get(abs_id, {}).get(ilvl)

    def level_for_style(self, num_id: str, style_id: str | None) -> int:
        abs_id = self._abstract_id(num_id)
        for ilvl, lvl in self.abstract.get(abs_id or "", {}).items():
            if style_id and lvl.style == style_id:
                return ilvl
        return 0

    def next_label(self, num_id: str, ilvl: int) -> tuple[str, Level] | None:
        """Count this paragraph and return its label ("II.", "1.2.", "a)", or the bullet character)."""
        abs_id = self._abstract_id(num_id)
        lvl = self.level(num_id, ilvl)
        if abs_id is None or lvl is None:
            return None
        state = self.lists.setdefault(abs_id, _List())
        if num_id not in self.used:  # a list instance with start overrides restarts those levels
            self.used.add(num_id)
            for over_lvl, (start, _) in self.nums[num_id][1].items():
                if start is not None and 0 <= over_lvl < 9:
                    state.counters[over_lvl] = start - 1
        if not 0 <= ilvl < 9:
            return None
        current = state.counters[ilvl]
        state.counters[ilvl] = lvl.start if current is None else current + 1
        for deeper in range(ilvl + 1, 9):
            deeper_lvl = self.level(num_id, deeper)
            restart = deeper_lvl.restart if deeper_lvl and deeper_lvl.restart is not None else deeper
            if restart and ilvl < restart:
                state.counters[deeper] = None
        if lvl.fmt == "bullet":
            return (lvl.text or "").strip(), lvl
        if lvl.text is None:
            return None

        def number(match: re.Match[str]) -> str:
            index = int(match.group(1)) - 1
            if not 0 <= index < 9:
                return ""
            ref = self.level(num_id, index)
            value = state.counters[index]
            if value is None:
                value = ref.start if ref else 1
            fmt = "decimal" if lvl.legal and ref and ref.fmt != "none" else (ref.fmt if ref else "decimal")
            return _format_number(value, fmt)

        return re.sub(r"%(\d)", number, lvl.text).strip(), lvl


# --- the walk -------------------------------------------------------------------------------------
