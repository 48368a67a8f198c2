"""Fold look-alike letters (Cyrillic "НоАС", Greek "Α", full-width "Ｈ") to the Latin ones
they imitate, using the Unicode confusables table shipped by ``confusable_homoglyphs``."""
from __future__ import annotations

import json
import unicodedata
from functools import lru_cache
from importlib import resources


@lru_cache(maxsize=1)
def _table() -> dict[str, str]:
    raw = json.loads(resources.files("confusable_homoglyphs").joinpath("confusables.json").read_text("utf-8"))
    table: dict[str, str] = {}
    for char, entries in raw.items():
        if len(char) != 1 or char.isascii():
            continue
        for entry in entries:
            glyph = entry.get("c", "")
            if len(glyph) == 1 and glyph.isascii() and glyph.isalnum():
                table[char] = glyph
                break
    return table


def fold(text: str) -> str:
    """``text`` with look-alike letters replaced by their ASCII twins; NFKC first so
    full-width and compatibility forms fold too."""
    text = unicodedata.normalize("NFKC", text)
    if text.isascii():
        return text
    table = _table()
    return "".join(table.get(ch, ch) if ch.isalpha() else ch for ch in text)
