"""RAG statuses: words, letters and the legend a plan prints in its header.

The words, letters and the order a cell naming several is read in are the plan
vocabulary's (``actionplans/vocabulary.toml``; README lists them). A value naming two
colours ("Amber-Green") takes neither: ``rag`` stays empty and ``warnings`` says so. A
legend in the header ("Green- completed") adds its own words.
"""
from __future__ import annotations

import re

from actionplans.extract.records import WarningCode, WarningItem
from actionplans.extract.text import clean, status_names_pattern
from actionplans.vocabulary import Vocabulary, default_vocabulary

_PERCENT = re.compile(r"\d\s*%")


def parse_legend(text: str, vocabulary: Vocabulary | None = None) -> dict[str, str]:
    """{phrase: colour} from a legend such as "Red- not on track Amber- on track ..."."""
    vocabulary = vocabulary or default_vocabulary()
    names = {n.lower(): n for n in vocabulary.status_names}
    legend: dict[str, str] = {}
    marks = list(status_names_pattern(vocabulary.status_names).finditer(text))
    for i, m in enumerate(marks):
        end = marks[i + 1].start() if i + 1 < len(marks) else len(text)
        phrase = clean(re.sub(r"^[\s\-–:=]+", "", text[m.end():end])).lower().rstrip(".;,")
        if phrase:
            legend[phrase] = names[m.group(1).lower()]
    return legend


def read_rag(raw: str, legend: dict[str, str],
             vocabulary: Vocabulary | None = None) -> tuple[str, WarningItem | None]:
    """(colour or "", warning or None) for a status as printed."""
    vocabulary = vocabulary or default_vocabulary()
    text = clean(raw).lower()
    if not text:
        return "", None
    if text.rstrip(".") in vocabulary.letters:
        return vocabulary.letters[text.rstrip(".")], None
    names = {n.lower(): n for n in vocabulary.status_names}
    found = status_names_pattern(vocabulary.status_names).finditer(text)
    colours = list(dict.fromkeys(names[m.group(1).lower()] for m in found))
    if len(colours) == 1:
        return colours[0], None
    if not colours and _PERCENT.search(text):
        # "50% complete" is progress, not a rating: "complete" must not make it Green.
        return "", _unread(f"status '{clean(raw)}' is a percentage; not rated")
    if len(colours) > 1:
        return "", _unread(f"status '{clean(raw)}' names {' and '.join(colours)}; not rated")
    for phrase, colour in sorted(legend.items(), key=lambda kv: -len(kv[0])):
        if phrase and phrase in text:
            return colour, None
    for phrase, colour in vocabulary.status_phrases:
        if re.search(rf"\b{re.escape(phrase)}\b", text):
            return colour, None
    return "", _unread(f"status '{clean(raw)}' is not a known RAG value")


def _unread(message: str) -> WarningItem:
    return WarningItem(WarningCode.STATUS_UNREAD, message)
