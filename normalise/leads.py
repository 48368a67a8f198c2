"""Lead-officer cells to officers: split the codes and titles a cell joins, resolve
look-alike and near-miss codes, and expand them from the paper's glossary."""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache

from rapidfuzz import fuzz, process

from actionplans.extract.records import WarningCode, WarningItem
from actionplans.extract.text import clean
from actionplans.normalise.glossary import Glossary
from actionplans.normalise.lookalike import fold
from actionplans.vocabulary import Vocabulary, default_vocabulary

_SEPARATORS = re.compile(r"(\s*(?:&|/|,|;|\+|\n)\s*)")
_AND = re.compile(r"\s+and\s+", re.I)
_EDGE_AND = re.compile(r"^(?:and\s+)+|(?:\s+and)+$", re.I)


@dataclass(frozen=True)
class LeadSettings:
    fuzzy_min: float = 80.0  # rapidfuzz ratio for a near-miss code ("HoHNS" -> "HoHNCS")
    fuzzy_margin: float = 5.0  # the best match must beat the next by this much
    # Code shapes, posts and the words for no one.
    vocabulary: Vocabulary = field(default_factory=default_vocabulary)

    def __post_init__(self) -> None:
        if not 0 < self.fuzzy_min <= 100:
            raise ValueError("LeadSettings.fuzzy_min must be in (0, 100]")


def expand_leads(raw: str, glossary: Glossary, titles: set[str],
                 settings: LeadSettings) -> tuple[list[str], list[WarningItem]]:
    """(officers' names in printed order, warnings) for one action's lead text."""
    text = clean(raw)
    if text.lower().strip(".") in settings.vocabulary.officers.no_one or not text:
        return [], []
    warnings: list[WarningItem] = []
    names: list[str] = []
    glossary = with_council_codes(glossary, settings.vocabulary)
    for part in (p for joined in _joined(_without_contributors(text, settings.vocabulary), settings.vocabulary)
                 for p in _parts(joined, glossary, titles, settings.vocabulary)):
        for officer in _officers(part, glossary, settings, warnings):
            if officer not in names:
                names.append(officer)
    if fold(text) != text and fold(text).isascii():
        warnings.append(WarningItem(WarningCode.LOOKALIKE, f"look-alike letters folded in lead '{text}'"))
    return names, warnings


def same_as_above(raw: str, vocabulary: Vocabulary) -> bool:
    """Whether a lead cell means "the same as the row above" ("As above", "Ditto")."""
    return clean(raw).lower().strip(" .") in vocabulary.officers.same_as_above


def _without_contributors(text: str, vocabulary: Vocabulary) -> str:
    """The cell before a phrase naming contributors ("..., with input from asset
    managers"): those it names help, they do not lead."""
    m = _phrases(vocabulary.officers.contributor_phrases).search(text)
    return text[:m.start()].rstrip(" ,;-–") if m else text


def _joined(text: str, vocabulary: Vocabulary) -> list[str]:
    """The leads a joining phrase puts side by side ("X, supported by Y": X and Y)."""
    parts = _phrases(vocabulary.officers.joining_phrases).split(text)
    return [p for part in parts if (p := part.strip(" ,;-–"))]


@cache  # once per phrase list, not per lead cell
def _phrases(phrases: tuple[str, ...]) -> re.Pattern[str]:
    words = "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True)) or r"(?!x)x"
    return re.compile(rf"\b(?:{words})\b", re.I)


def with_council_codes(glossary: Glossary, vocabulary: Vocabulary) -> Glossary:
    """The paper's glossary, then the council's own codes from the vocabulary for what
    the paper does not define."""
    extra = [(code, name) for code, name in vocabulary.officers.codes if glossary.lookup(code) is None]
    if not extra:
        return glossary
    merged = Glossary(codes=dict(glossary.codes))
    for code, name in extra:
        merged.add(code, name)
    return merged


def _parts(text: str, glossary: Glossary, titles: set[str], vocabulary: Vocabulary) -> list[str]:
    names = glossary.names
    if glossary.lookup(text) is not None or clean(text).lower() in names:
        return [text]

    def known(s: str) -> bool:
        """A code, a glossary name, a title the paper prints alone, or codes only."""
        lowered = clean(s).lower()
        return (glossary.lookup(s) is not None or lowered in names or lowered in titles
                or _all_codes(s, glossary))

    def stands(s: str) -> bool:
        """Known, or a post or a body by its words ("Head of Housing", "Property Services")."""
        return known(s) or _is_post_or_body(s, vocabulary)

    pieces = _pieces(text, stands, vocabulary)
    if clean(text).lower() in titles and len(pieces) > 1 and not all(known(p) for p in pieces):
        return [text]  # a title the paper prints alone may itself hold "&" ("Quality & Performance")

    def known_elsewhere(s: str) -> bool:
        """Known (or a post or body by its words), but not merely as this very cell printed
        alone: a cell cannot vouch for itself against the split its other cells support."""
        itself = clean(s).lower() == clean(text).lower() and clean(s).lower() not in names
        return (known(s) and not itself) or _is_post_or_body(s, vocabulary)

    def a_post(s: str) -> bool:
        """A post in its own right: known, or named by a post's words ("Director of Finance")."""
        return known(s) or bool(vocabulary.post_pattern.search(clean(s).lower()))

    return [part for piece in pieces for part in _split_and(piece, known_elsewhere, a_post)]


def _pieces(text: str, stands: Callable[[str], bool], vocabulary: Vocabulary) -> list[str]:
    """Split on "&", "/", ",", ";", "+" and line breaks; but a comma followed by words
    that do not stand as an officer qualifies the post before it ("Head of Service,
    Children in Need", "Head of Parks, Estates and Property"), so it stays; so does a
    comma before words in lower case; and "&" joins two words of one name ("Property
    Design & Maintenance") unless a side stands as an officer ("HoS & PSW")."""
    tokens = _join_bracketed(_SEPARATORS.split(text))
    pieces = [tokens[0]]
    for sep, piece in zip(tokens[1::2], tokens[2::2], strict=True):
        mark, before = sep.strip(), pieces[-1]
        if mark == "," and before and piece and not stands(piece) and (
                vocabulary.post_pattern.search(before.lower()) or not _titled(piece)):
            pieces[-1] = f"{before}, {piece}"
        elif mark == "&" and before and piece and not (stands(before) or stands(piece)):
            pieces[-1] = f"{before}{sep}{piece}"
        else:
            pieces.append(piece)
    return [p for p in pieces if p]


def _is_post_or_body(text: str, vocabulary: Vocabulary) -> bool:
    """A post by its words ("Head of Housing", "Transport Manager"), or a body named by
    its last word ("Property Services", "Cumbria County Council"); two words or more
    ("Partnerships" alone is a part of a post's name)."""
    lowered = clean(text).lower()
    words = lowered.split()
    return len(words) >= 2 and (bool(vocabulary.post_pattern.search(lowered))
                                or bool(vocabulary.body_pattern.fullmatch(words[-1])))


def _join_bracketed(tokens: list[str]) -> list[str]:
    """Put back separators inside brackets: "Director (Planning & Regeneration)" is one
    post. ``tokens`` alternate piece, separator, piece..."""
    out = [tokens[0]]
    for sep, piece in zip(tokens[1::2], tokens[2::2], strict=True):
        if out[-1].count("(") > out[-1].count(")"):
            out[-1] += sep + piece
        else:
            out.extend([sep, piece])
    return out


_OF_POST = re.compile(r"\b[a-z]+\s+of\s+\S", re.I)  # "Head of ...", "Assistant Director of ..."


def _of_phrases(sides: list[str], a_post: Callable[[str], bool]) -> list[str]:
    """A post named by what it is "of" keeps that phrase whole: "Head of Wellbeing and
    Cultural Services" is one post, as "Cultural Services" is no post in its own right;
    "Head of Housing and Director of Finance" is two."""
    out: list[str] = []
    for side in sides:
        if out and a_post(out[-1]) and _OF_POST.search(out[-1]) and not a_post(side):
            out[-1] = f"{out[-1]} and {side}"
        else:
            out.append(side)
    return out


def _split_and(piece: str, known: Callable[[str], bool], a_post: Callable[[str], bool]) -> list[str]:
    """Split on "and" where the sides stand as officers: each side a known officer (a
    code, a glossary name, a title the paper prints alone) or a name in title case beside
    at least one known one. Of the ways to do that, the one naming most known officers,
    then the fewest: "Head of Quality and Performance and HoS" is two officers where the
    paper prints the first title alone elsewhere; "Human Resources Business Partners and
    Learning and Development" two where it prints "Learning and Development" alone."""
    sides = _of_phrases(_AND.split(piece), a_post)
    if len(sides) == 1:
        return [piece]
    # best[j]: (known officers, -groups, grouping) of sides[:j]
    best: list[tuple[int, int, list[str]] | None] = [(0, 0, [])] + [None] * len(sides)
    for j in range(1, len(sides) + 1):
        for i in range(j):
            group = " and ".join(sides[i:j])
            before = best[i]
            is_known = known(group)
            if before is None or not (is_known or _titled(group)):
                continue
            option = (before[0] + is_known, before[1] - 1, [*before[2], group])
            if best[j] is None or option[:2] > best[j][:2]:  # type: ignore[index]
                best[j] = option
    found = best[-1]
    return found[2] if found is not None and found[0] > 0 else [piece]


def _titled(text: str) -> bool:
    """A name in title case: "Human Resources Business Partners", "Democratic Services"."""
    words = text.split()
    return bool(words) and all(w[:1].isupper() or w.lower() in _SMALL_WORDS for w in words) and words[0][:1].isupper()


_SMALL_WORDS = frozenset({"of", "and", "the", "for", "&", "in", "to"})


def _all_codes(text: str, glossary: Glossary) -> bool:
    return all(glossary.lookup(t) for t in text.split())


def _officers(part: str, glossary: Glossary, settings: LeadSettings, warnings: list[WarningItem]) -> list[str]:
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
             warnings: list[WarningItem]) -> tuple[str | None, int]:
    for span in (1, 2, 3):
        if i + span > len(tokens):
            break
        joined = "".join(tokens[i:i + span])
        code = glossary.lookup(joined)
        if code:
            if span > 1:
                printed = " ".join(tokens[i:i + span])
                warnings.append(WarningItem(WarningCode.CODE_JOINED, f"read '{printed}' as {code}"))
            return code, span
    token = tokens[i]
    if settings.vocabulary.is_code(fold(token)) and glossary.codes:
        near = _near_miss(fold(token), glossary, settings)
        if near:
            warnings.append(WarningItem(WarningCode.NEAR_MISS_CODE, f"near-miss code '{token}' read as {near}"))
            return near, 1
    return None, 1


def _near_miss(token: str, glossary: Glossary, settings: LeadSettings) -> str | None:
    matches = process.extract(token, list(glossary.codes), scorer=fuzz.ratio, limit=2)
    if not matches or matches[0][1] < settings.fuzzy_min:
        return None
    if len(matches) > 1 and matches[0][1] - matches[1][1] < settings.fuzzy_margin:
        return None
    return matches[0][0]
