"""A paper's own glossary of officer codes: from an abbreviations table with any header
wording (even split over two lines, "Abbreviat" / "ions"), or from definitions in the
text ("the Head of Safeguarding (HoS)"). The first definition of a code wins."""
from __future__ import annotations

from dataclasses import dataclass, field

from rapidfuzz import fuzz

from actionplans.extract.text import clean, key
from actionplans.normalise.definitions import inline_definitions
from actionplans.normalise.lookalike import fold
from actionplans.vocabulary import Vocabulary, default_vocabulary


@dataclass
class Glossary:
    codes: dict[str, str] = field(default_factory=dict)  # folded code -> full name

    def add(self, code: str, name: str) -> None:
        code, name = fold(clean(code)), clean(name)
        if code and name and code not in self.codes:  # the first definition wins
            self.codes[code] = name

    def lookup(self, token: str) -> str | None:
        """The code ``token`` names, matched exactly after folding, then ignoring case."""
        token = fold(token)
        if token in self.codes:
            return token
        lowered = {c.lower(): c for c in self.codes}
        return lowered.get(token.lower())

    @property
    def names(self) -> set[str]:
        return {n.lower() for n in self.codes.values()}


def _is_header(left: str, right: str, vocabulary: Vocabulary) -> bool:
    return _matches(left, vocabulary.glossary_code_headers) and \
        (not right or _matches(right, vocabulary.glossary_name_headers))


def _matches(text: str, choices: tuple[str, ...]) -> bool:
    k = key(text)
    return bool(k) and max(fuzz.ratio(k, c) for c in choices) >= 85


def table_rows(rows: list[tuple[str, str]], vocabulary: Vocabulary) -> list[tuple[str, str]] | None:
    """The definition rows of a candidate table, or None where it is no glossary."""
    if len(rows) >= 2 and rows[1][1] == "" and _is_header(rows[0][0] + rows[1][0], rows[0][1], vocabulary):
        return rows[2:]  # a header word broken over two printed rows
    if rows and _is_header(*rows[0], vocabulary):
        return rows[1:]
    coded = [r for r in rows if vocabulary.is_code(fold(r[0])) and len(r[1].split()) >= 2]
    return rows if rows and len(coded) >= 0.7 * len(rows) else None


def build_glossary(tables: list[list[tuple[str, str]]], text: list[str],
                   vocabulary: Vocabulary | None = None) -> Glossary:
    """A paper's glossary from its candidate two-column tables and its paragraphs; the
    header words and code shapes are ``vocabulary``'s (default: the shipped one)."""
    vocabulary = vocabulary or default_vocabulary()
    glossary = Glossary()
    for rows in tables:
        for code, name in table_rows(rows, vocabulary) or []:
            glossary.add(code, name)
    for paragraph in text:
        for code, name in inline_definitions(paragraph, vocabulary):
            if code not in glossary.codes:
                glossary.add(code, name)
    return glossary
