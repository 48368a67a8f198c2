"""Word automatic numbering, computed as Word displays it.

Word keeps list numbers out of the paragraph text: a paragraph names a list (``numId``)
and a level (``ilvl``), and ``numbering.xml`` says how each level counts and prints.
Counters belong to the abstract list, so separate ``w:num`` instances of one abstract
list run on (Word's "continue numbering"); an instance with ``w:startOverride`` restarts.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

# Private-use glyphs of the Symbol and Wingdings fonts Word uses for bullets.
_BULLET_GLYPHS = {"\uf0b7": "•", "\uf0a7": "▪", "\uf0d8": "►", "\uf0fc": "✓", "\uf076": "❖", "o": "o"}


@dataclass
class Level:
    fmt: str = "decimal"
    text: str = "%1."
    start: int = 1
    restart: int | None = None  # w:lvlRestart: reset when this (1-based) level advances
    legal: bool = False  # w:isLgl: show every level's number as decimal


@dataclass
class Numbering:
    abstract_levels: dict[str, dict[int, Level]] = field(default_factory=dict)
    num_to_abstract: dict[str, str] = field(default_factory=dict)
    num_overrides: dict[str, dict[int, int]] = field(default_factory=dict)  # startOverride
    counters: dict[str, list[int | None]] = field(default_factory=dict)
    started_nums: set[str] = field(default_factory=set)

    def label(self, num_id: str, ilvl: int) -> str:
        """Advance the list ``num_id`` at level ``ilvl`` and return what Word shows."""
        abstract = self.num_to_abstract.get(num_id)
        if abstract is None or num_id == "0":
            return ""
        levels = self.abstract_levels.get(abstract, {})
        counts = self.counters.setdefault(abstract, [None] * 9)
        if num_id not in self.started_nums:
            self.started_nums.add(num_id)
            for lvl, start in self.num_overrides.get(num_id, {}).items():
                counts[lvl] = start - 1
                for deeper in range(lvl + 1, 9):
                    counts[deeper] = None
        ilvl = max(0, min(ilvl, 8))
        level = levels.get(ilvl, Level())
        current = counts[ilvl]
        counts[ilvl] = level.start if current is None else current + 1
        for deeper in range(ilvl + 1, 9):
            # w:lvlRestart="k": restart only after a use of level k (1-based) or above;
            # "0": never restart. Without it, any higher level restarts this one.
            restart = levels.get(deeper, Level()).restart
            if restart is None or (restart > 0 and ilvl <= restart - 1):
                counts[deeper] = None
        return _render(level, levels, counts)


def _render(level: Level, levels: dict[int, Level], counts: list[int | None]) -> str:
    if level.fmt == "bullet":
        return "".join(_BULLET_GLYPHS.get(ch, ch) for ch in level.text).strip()
    if level.fmt == "none":
        return ""

    def sub(match: re.Match[str]) -> str:
        k = int(match.group(1)) - 1
        lvl = levels.get(k, Level())
        value = counts[k] if counts[k] is not None else lvl.start
        fmt = "decimal" if level.legal else lvl.fmt
        return format_number(value or 0, fmt)

    return re.sub(r"%([1-9])", sub, level.text).strip()


def format_number(n: int, fmt: str) -> str:
    if fmt in ("lowerLetter", "upperLetter"):
        s = _letters(n)
        return s.upper() if fmt == "upperLetter" else s
    if fmt in ("lowerRoman", "upperRoman"):
        s = _roman(n)
        return s.upper() if fmt == "upperRoman" else s
    if fmt == "decimalZero":
        return f"{n:02d}"
    return str(n)


def _letters(n: int) -> str:
    # Word repeats the letter after z: a..z, aa..zz, aaa...
    if n <= 0:
        return ""
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def _roman(n: int) -> str:
    out = []
    for value, sym in ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
                       (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")):
        while n >= value:
            out.append(sym)
            n -= value
    return "".join(out)


def _val(el: Any, tag: str) -> str | None:
    child = el.find(W + tag) if el is not None else None
    return child.get(W + "val") if child is not None else None


def parse_numbering(root: Any | None) -> Numbering:
    """Read the ``w:numbering`` element (or None where the package has no numbering)."""
    numbering = Numbering()
    if root is None:
        return numbering
    for abstract in root.iter(W + "abstractNum"):
        levels: dict[int, Level] = {}
        for lvl in abstract.findall(W + "lvl"):
            ilvl = int(lvl.get(W + "ilvl", "0"))
            restart = _val(lvl, "lvlRestart")
            levels[ilvl] = Level(
                fmt=_val(lvl, "numFmt") or "decimal",
                text=_val(lvl, "lvlText") or "",
                start=int(_val(lvl, "start") or 1),
                restart=int(restart) if restart and restart.isdigit() else None,
                legal=lvl.find(W + "isLgl") is not None,
            )
        numbering.abstract_levels[abstract.get(W + "abstractNumId", "")] = levels
    for num in root.iter(W + "num"):
        num_id = num.get(W + "numId", "")
        numbering.num_to_abstract[num_id] = _val(num, "abstractNumId") or ""
        overrides = {}
        for override in num.findall(W + "lvlOverride"):
            start = _val(override, "startOverride")
            if start is not None and start.lstrip("-").isdigit():
                overrides[int(override.get(W + "ilvl", "0"))] = int(start)
        if overrides:
            numbering.num_overrides[num_id] = overrides
    return numbering
