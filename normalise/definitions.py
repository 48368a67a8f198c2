"""Officer codes a paper defines in its text: "the Head of Children in Care (HoCiC)",
"Director of Adult Social Care (DoASC)", "the Designated Nurse (DN)".

A Schwartz-Hearst style matcher, stricter where theirs fails on council codes: the
code's letters are matched from the right to the initials of the words before the
bracket, a capital to a word's initial, a lower-case letter to a small word's ("o" to
"of", "i" to "in"). Words between matched ones may be skipped only where they are small
words ("and", "of"), so the long form is the whole phrase whose words the code's letters
follow, and never runs on into the sentence before it (Schwartz-Hearst's greedy
character match takes "Care" alone, or a long run of text, for such codes). A leading
article is never part of it, as no letter matches it.
"""
from __future__ import annotations

import re

from actionplans.vocabulary import Vocabulary

_BRACKET = re.compile(r"\(([A-Za-z][A-Za-z&]{1,11})\)")
_WORD = re.compile(r"[A-Za-z][A-Za-z'’]*")
SMALL_WORDS = frozenset({"of", "and", "for", "the", "in", "to", "on", "at", "with", "&"})
_MAX_WORDS = 12  # words looked at before the bracket


def inline_definitions(text: str, vocabulary: Vocabulary) -> list[tuple[str, str]]:
    """(code, long form) for each code defined in brackets after its long form."""
    out = []
    for m in _BRACKET.finditer(text):
        code = m.group(1)
        if not vocabulary.is_code(code):
            continue
        long_form = long_form_of(code, text[:m.start()])
        if long_form:
            out.append((code, long_form))
    return out


def long_form_of(code: str, before: str) -> str:
    """The phrase ending ``before`` whose words the code's letters follow, or ""."""
    words = list(_WORD.finditer(before))[-_MAX_WORDS:]
    # The sentence or clause before the phrase ends at punctuation other than a hyphen.
    letters = [ch for ch in code if ch.isalpha()]
    i = len(words) - 1
    start: int | None = None
    for ch in reversed(letters):
        while i >= 0 and not _matches(ch, words[i].group(0)):
            if words[i].group(0).lower() not in SMALL_WORDS or _breaks(before, words, i):
                return ""
            i -= 1
        if i < 0:
            return ""
        start, i = i, i - 1
    if start is None:
        return ""
    return " ".join(before[words[start].start():].split()).strip(" ,;:")


def _matches(letter: str, word: str) -> bool:
    if letter.isupper():
        return word[0] == letter
    return word[0].lower() == letter and (word.lower() in SMALL_WORDS or word[0].islower())


def _breaks(before: str, words: list[re.Match[str]], i: int) -> bool:
    """Whether punctuation closes a clause between word ``i`` and the next."""
    end = words[i + 1].start() if i + 1 < len(words) else len(before)
    return bool(re.search(r"[.;:!?()]", before[words[i].end():end]))
