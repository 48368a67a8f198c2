"""RAG statuses: words, letters and the legend a plan prints in its header.

Mapping (documented in README): Red = not on track / off track / behind; Amber = on track
/ in progress / ongoing; Green = complete(d) / achieved / done; Blue = completed and
embedded. A value naming two colours ("Amber-Green") takes neither: ``rag`` stays empty
and ``warnings`` says so. A legend in the header ("Green- completed") adds its own words.
"""
from __future__ import annotations

import re

from actionplans.extract.text import clean

COLOURS = ("Red", "Amber", "Green", "Blue")
_LETTERS = {"r": "Red", "a": "Amber", "g": "Green", "b": "Blue"}
_WORDS: tuple[tuple[str, str], ...] = (
    ("completed and embedded", "Blue"), ("complete and embedded", "Blue"), ("embedded", "Blue"),
    ("not on track", "Red"), ("off track", "Red"), ("behind schedule", "Red"), ("at risk", "Red"),
    ("overdue", "Red"),
    ("on track", "Amber"), ("in progress", "Amber"), ("ongoing", "Amber"), ("underway", "Amber"),
    ("completed", "Green"), ("complete", "Green"), ("achieved", "Green"), ("done", "Green"),
    ("yellow", "Amber"), ("orange", "Amber"),
)
_COLOUR_WORD = re.compile(r"\b(red|amber|green|blue)\b", re.I)


def parse_legend(text: str) -> dict[str, str]:
    """{phrase: colour} from a legend such as "Red- not on track Amber- on track ..."."""
    legend: dict[str, str] = {}
    marks = list(_COLOUR_WORD.finditer(text))
    for i, m in enumerate(marks):
        end = marks[i + 1].start() if i + 1 < len(marks) else len(text)
        phrase = clean(re.sub(r"^[\s\-–:=]+", "", text[m.end():end])).lower().rstrip(".;,")
        if phrase:
            legend[phrase] = m.group(1).capitalize()
    return legend


def read_rag(raw: str, legend: dict[str, str]) -> tuple[str, str | None]:
    """(colour or "", warning or None) for a status as printed."""
    text = clean(raw).lower()
    if not text:
        return "", None
    if text.rstrip(".") in _LETTERS:
        return _LETTERS[text.rstrip(".")], None
    colours = list(dict.fromkeys(m.group(1).capitalize() for m in _COLOUR_WORD.finditer(text)))
    if len(colours) == 1:
        return colours[0], None
    if len(colours) > 1:
        return "", f"status '{clean(raw)}' names {' and '.join(colours)}; not rated"
    for phrase, colour in sorted(legend.items(), key=lambda kv: -len(kv[0])):
        if phrase and phrase in text:
            return colour, None
    for phrase, colour in _WORDS:
        if re.search(rf"\b{re.escape(phrase)}\b", text):
            return colour, None
    return "", f"status '{clean(raw)}' is not a known RAG value"
