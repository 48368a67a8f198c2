"""Lead-officer cells to officers: split the codes and titles a cell joins, resolve
look-alike and near-miss codes, and expand them from the paper's glossary."""
from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from extract.text import clean
from normalise.glossary import Glossary
from normalise.lookalike import fold

NO_ONE = {"tbc", "tbd", "tba", "n/a", "na", "-", "–", "to be confirmed", "none", "?"}
_SEPARATORS = re.compile(r"\s*(?:&|/|,|;|\+|\n)\s*")
_AND = re.compile(r"\s+and\s+", re.I)
_CODE_LIKE = re.compile(r"^[A-Za-z&]{2,12}$")


@dataclass(frozen=True)
class LeadSettings:
    fuzzy_min: float = 80.0  # rapidfuzz ratio for a near-miss code ("HoHNS" -> "HoHNCS")
    fuzzy_margin: float = 5.0  # the best match must beat the next by this much

    def __post_init__(self) -> None:
        if not 0 < self.fuzzy_min <= 100:
            raise ValueError("LeadSettings.fuzzy_min must be in (0, 100]")


def expand_leads(raw: str, glossary: Glossary, titles: set[str],
                 settings: LeadSettings) -> tuple[list[str], list[str]]:
    """(officers' names in printed order, warnings) for one action's lead text."""
    text = clean(raw)
    if text.lower().strip(".") in NO_ONE or not text:
        return [], []
    warnings: list[str] = []
    names: list[str] = []
    for part in _parts(text, glossary, titles):
        for officer in _officers(part, glossary, settings, warnings):
            if officer not in names:
                names.append(officer)
    if fold(text) != text and fold(text).isascii():
        warnings.append(f"look-alike letters folded in lead '{text}'")
    return names, warnings


def _is_officer(text: str, glossary: Glossary, titles: set[str]) -> bool:
    return glossary.lookup(text) is not None or clean(text).lower() in titles | glossary.names


def _parts(text: str, glossary: Glossary, titles: set[str]) -> list[str]:
    if _is_officer(text, glossary, titles):
        return [text]  # a known title may itself hold "&" or "and"
    parts: list[str] = []
    for piece in (p for p in _SEPARATORS.split(text) if p):
        sides = _AND.split(piece)
        # "and" joins two officers only where each side stands as one on its own.
        if len(sides) > 1 and all(_is_officer(s, glossary, titles) or _all_codes(s, glossary) for s in sides):
            parts.extend(sides)
        else:
            parts.append(piece)
    return parts


def _all_codes(text: str, glossary: Glossary) -> bool:
    return all(glossary.lookup(t) for t in text.split())


def _officers(part: str, glossary: Glossary, settings: LeadSettings, warnings: list[str]) -> list[str]:
    """Codes and names in one separator-free part: "HoCSC HoHNCS", "Independent Chair
    HoCSC", "Ho HNCS" (a code with a stray space), "HoHNS" (a near miss)."""
    code = glossary.lookup(part)
    if code:
        return [glossary.codes[code]]
    if part.lower() in glossary.names:
        return [part]
    tokens = part.split()
    out: list[str] = []
    words: list[str] = []
    i = 0
    while i < len(tokens):
        found, used = _code_at(tokens, i, glossary, settings, warnings)
        if found:
            if words:
                out.append(" ".join(words))
                words = []
            out.append(glossary.codes[found])
            i += used
        else:
            words.append(tokens[i])
            i += 1
    if words:
        out.append(" ".join(words))
    return out


def _code_at(tokens: list[str], i: int, glossary: Glossary, settings: LeadSettings,
             warnings: list[str]) -> tuple[str | None, int]:
    for span in (1, 2, 3):
        if i + span > len(tokens):
            break
        joined = "".join(tokens[i:i + span])
        code = glossary.lookup(joined)
        if code:
            if span > 1:
                warnings.append(f"read '{' '.join(tokens[i:i + span])}' as {code}")
            return code, span
    token = tokens[i]
    if _CODE_LIKE.match(fold(token)) and sum(c.isupper() for c in fold(token)) >= 2 and glossary.codes:
        near = _near_miss(fold(token), glossary, settings)
        if near:
            warnings.append(f"near-miss code '{token}' read as {near}")
            return near, 1
    return None, 1


def _near_miss(token: str, glossary: Glossary, settings: LeadSettings) -> str | None:
    matches = process.extract(token, list(glossary.codes), scorer=fuzz.ratio, limit=2)
    if not matches or matches[0][1] < settings.fuzzy_min:
        return None
    if len(matches) > 1 and matches[0][1] - matches[1][1] < settings.fuzzy_margin:
        return None
    return matches[0][0]
