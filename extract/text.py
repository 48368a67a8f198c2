"""Small text helpers shared by the extract modules."""
from __future__ import annotations

import re
import unicodedata
from functools import cache


def clean(text: str) -> str:
    """Collapse whitespace (tabs, line breaks, no-break spaces) to single spaces."""
    # str.split() splits where a regular expression's \s matches, faster than re.sub.
    return " ".join(unicodedata.normalize("NFC", text).split())


def join(parts: list[str]) -> str:
    return clean(" ".join(p for p in parts if p))


def key(text: str) -> str:
    """Lower-case letters only: for comparing headers and labels however they were split."""
    return re.sub(r"[^a-z]", "", text.lower())


def snake(text: str) -> str:
    """A header as a column name: "Progress update" -> "progress_update"."""
    return re.sub(r"[^a-z0-9]+", "_", clean(text).lower()).strip("_") or "column"


@cache
def status_names_pattern(names: tuple[str, ...]) -> re.Pattern[str]:
    """Finds a status name ("Red", "amber") as a word, any case; group 1 is the name."""
    return re.compile(rf"\b({'|'.join(re.escape(n) for n in names)})\b", re.I)


def is_prose(text: str, min_words: int) -> bool:
    """Words rather than figures or codes: ``min_words`` words or more, and letters most of
    the text."""
    words = re.findall(r"[^\W\d_]{2,}", text)
    return len(words) >= min_words and sum(len(w) for w in words) >= 0.5 * len(text.replace(" ", ""))
