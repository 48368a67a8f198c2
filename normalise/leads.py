"""Lead-officer cells to officers: split the codes and titles a cell joins, resolve
look-alike and near-miss codes, and expand them from the paper's glossary."""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from actionplans.extract.text import clean
from actionplans.normalise.glossary import Glossary
from actionplans.normalise.lookalike import fold

NO_ONE = {"tbc", "tbd", "tba", "n/a", "na", "-", "–", "to be confirmed", "none", "?"}
_SEPARATORS = re.compile(r"(\s*(?:&|/|,|;|\+|\n)\s*)")
# Words that make a phrase a post in its own right, not a qualifier of the one before.
_ROLE = re.compile(r"\b(?:head|director|manager|officer|lead|leader|worker|chair|nurse|co-?ordinator|advis[eo]r|"
                   r"principal|executive|consultant|commissioner|partnership|board|panel)s?\b", re.I)
_AND = re.compile(r"\s+and\s+", re.I)
_EDGE_AND = re.compile(r"^(?:and\s+)+|(?:\s+and)+$", re.I)
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


def _parts(text: str, glossary: Glossary, titles: set[str]) -> list[str]:
    names = glossary.names
    if glossary.lookup(text) is not None or clean(text).lower() in names:
        return [text]

    def known(s: str) -> bool:
        """A code, a glossary name, a title the paper prints alone, or codes only."""
        lowered = clean(s).lower()
        return (glossary.lookup(s) is not None or lowered in names or lowered in titles
                or _all_codes(s, glossary))

    pieces = _pieces(text, known)
    if clean(text).lower() in titles and len(pieces) > 1 and not all(known(p) for p in pieces):
        return [text]  # a title the paper prints alone may itself hold "&" ("Quality & Performance")
    return [part for piece in pieces for part in _split_and(piece, known)]


def _pieces(text: str, known: Callable[[str], bool]) -> list[str]:
    """Split on "&", "/", ",", ";", "+" and line breaks; but a comma followed by words
    that do not stand as an officer qualifies the title before it ("Head of Service,
    Children in Need"), so it stays."""
    tokens = _SEPARATORS.split(text)
    pieces = [tokens[0]]
    for sep, piece in zip(tokens[1::2], tokens[2::2], strict=True):
        if sep.strip() == "," and pieces[-1] and piece and not known(piece) and not _ROLE.search(piece):
            pieces[-1] = f"{pieces[-1]}, {piece}"
        else:
            pieces.append(piece)
    return [p for p in pieces if p]


def _split_and(piece: str, known: Callable[[str], bool]) -> list[str]:
    """Split on "and" only where every side stands as an officer on its own; of the
    ways to do that, the one naming most officers ("Head of Quality and Performance and
    HoS" is two officers where the paper prints the first title alone elsewhere)."""
    sides = _AND.split(piece)
    if len(sides) == 1:
        return [piece]
    best: list[list[str] | None] = [[]] + [None] * len(sides)  # best[j]: grouping of sides[:j]
    for j in range(1, len(sides) + 1):
        for i in range(j):
            group = " and ".join(sides[i:j])
            before = best[i]
            if before is not None and known(group) and (best[j] is None or len(before) + 1 > len(best[j] or [])):
                best[j] = [*before, group]
    return best[-1] or [piece]


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
    # "and" left between a title and a code ("Head of X and HoS") joins, it is no one.
    return [w for w in (_strip_and(o) for o in out) if w]


def _strip_and(words: str) -> str:
    return _EDGE_AND.sub("", words).strip()


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
