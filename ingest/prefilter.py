"""A fast first pass over a PDF's text (PDFium, in C) that picks the pages worth the
slow table analysis (pdfminer parsing and pdfplumber table finding, ~50 times slower).

A page is picked when it can hold a plan or what a plan needs: a line that reads as a
plan's header row (an action word beside a lead, recommendation or status word, little
else, and spread out as table cells are), a glossary heading, or the first pages (the
cover sheet). After a plan page, the pages that carry it on (RAG values, numbered
actions in a ruled table) are picked too, and so are the pages of "CODE  Meaning" lines
after a glossary heading; then each picked page's neighbours, unless a neighbour is
plain running text with no drawing. Every other page still gives its text, one
pseudo-word per printed line with its position, so the reader can make paragraphs of
it cheaply (titles, dates, definitions).

Short PDFs are analysed whole: the saving is small and a missed page costs rows.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import pypdfium2
import pypdfium2.raw

from actionplans.ingest.layout import LayoutSettings, lines_to_paragraphs
from actionplans.ingest.model import Box, Line, Paragraph
from actionplans.vocabulary import Vocabulary, default_vocabulary

Word = dict[str, Any]


@dataclass(frozen=True)
class PrefilterSettings:
    enabled: bool = True
    min_pages: int = 12  # PDFs with fewer pages are analysed whole
    cover_pages: int = 2  # always analysed: the cover sheet is a table
    neighbours: int = 1  # pages either side of a picked page, analysed too unless plain prose
    header_share: float = 0.6  # of a header line's words (bar stopwords) that must be header vocabulary
    header_max_words: int = 24
    header_spread: float = 0.7  # a header row's line is this spread out, or more (prose ~0.5)
    prose_spread: float = 0.6  # lines of running text are this spread out, or less
    prose_min_lines: int = 8  # a neighbour with fewer measured lines is analysed anyway
    vocabulary: Vocabulary = field(default_factory=default_vocabulary)  # the words of a plan's header

    def __post_init__(self) -> None:
        if self.min_pages < 1 or self.cover_pages < 0 or self.neighbours < 0:
            raise ValueError("PrefilterSettings: min_pages >= 1, cover_pages and neighbours >= 0")
        if not 0 < self.header_share <= 1 or self.header_max_words < 2:
            raise ValueError("PrefilterSettings: header_share in (0, 1], header_max_words >= 2")


@dataclass
class PageText:
    """What the fast pass saw on one page."""

    number: int  # 1-based
    height: float
    lines: list[str]
    # Per line: its width over what its characters would fill set solid (about 0.5 for
    # prose; a header row's gaps between cells give 1 or more), None where unmeasured.
    spread: list[float | None]
    words: list[Word]  # one per measured line, pdfplumber-style keys, for paragraphs
    has_text: bool
    # Counted only where needed, to keep the pass fast: images where no page has text
    # (a scan), vector paths (a ruled table draws many) on pages after a plan page.
    has_images: bool = False
    paths: int | None = None


@dataclass
class Survey:
    pages: list[PageText]
    analyse: set[int] = field(default_factory=set)  # 1-based pages for the slow analysis


# --- what a page says ----------------------------------------------------------------

# Words that say nothing either way: prose is full of them, headers use a few.
_STOPWORDS = frozenset("a an the of and or to for by be on in at not is are we will".split())
_SENTENCE = re.compile(r"[,;]\s|[a-z]{3,}\.(\s|$)")  # prose punctuation; "No." and "Ref." pass
_GLOSSARY = re.compile(r"abbreviat|glossary|acronym|\bin full\b")
_ITEM = re.compile(r"^\s*\(?\d{1,3}(?:\.\d{1,3})*[a-z]?[).]\s")


@dataclass(frozen=True)
class _Words:
    """What the fast pass looks for, from the plan vocabulary: the action role's words
    (and cheap stems of them, to pass over most pages without a regular expression), the
    words of the roles that make a plan beside an action, every header word, and the
    status words that end a plan's rows."""

    stems: tuple[str, ...]
    action: re.Pattern[str]
    other_roles: re.Pattern[str]
    header: frozenset[str]
    status_end: re.Pattern[str]


@cache
def _words(vocabulary: Vocabulary) -> _Words:
    action = vocabulary.role("action").words
    statuses = [w for s in vocabulary.statuses for w in (*s.words, s.name.lower())]
    letters = "".join(sorted(vocabulary.letters)).upper()
    body = "|".join(re.escape(w) for w in sorted(set(statuses), key=len, reverse=True))
    return _Words(
        stems=tuple(sorted({w.split()[0][:6] for w in action})),
        action=vocabulary.words_pattern("action"),
        other_roles=vocabulary.words_pattern(*vocabulary.plan_roles),
        header=vocabulary.header_words,
        status_end=re.compile(rf"(?:^|\s)(?:{body})(?:\s*&\s*\w+)?\s*$|^[{letters}]$", re.I))


def is_header_line(line: str, settings: PrefilterSettings) -> bool:
    """A plan's header row as one printed line: action and another role, little else,
    and no sentence."""
    text = line.lower()
    words_of = _words(settings.vocabulary)
    if not any(stem in text for stem in words_of.stems):
        return False  # the common case, decided without a regular expression
    if not (words_of.action.search(text) and words_of.other_roles.search(text)) or _SENTENCE.search(text):
        return False
    words = [w for w in re.findall(r"[a-z]+", text) if w not in _STOPWORDS]
    if not words or len(words) > settings.header_max_words:
        return False
    return sum(w in words_of.header for w in words) / len(words) >= settings.header_share


def _is_plan_head(page: PageText, settings: PrefilterSettings) -> bool:
    """A line that reads as a plan's header row and is spread out as cells are (prose
    that mentions actions, officers and progress reads much the same, set solid)."""
    def spread(i: int) -> bool:
        value = page.spread[i]
        return value is None or value >= settings.header_spread

    lines = page.lines
    text = "\n".join(lines).lower()
    words_of = _words(settings.vocabulary)
    if not any(stem in text for stem in words_of.stems) or not words_of.action.search(text):
        return False  # most pages: no line can be a header row
    if any(is_header_line(line, settings) and spread(i) for i, line in enumerate(lines)):
        return True
    # Header cells centred at different heights print as two short lines.
    short = [len(line.split()) <= 8 for line in lines]
    return any(is_header_line(f"{lines[i]} {lines[i + 1]}", settings) and (spread(i) or spread(i + 1))
               for i in range(len(lines) - 1) if short[i] and short[i + 1])


def _is_glossary(lines: list[str]) -> bool:
    if not _GLOSSARY.search("\n".join(lines).lower()):
        return False
    return any(_GLOSSARY.search(line.lower()) and len(line.split()) <= 6 for line in lines)


def _continues_glossary(page: PageText, vocabulary: Vocabulary) -> bool:
    """A page of "CODE  Meaning" lines, carrying on a glossary from the page before."""
    coded = sum(vocabulary.is_code(line.split()[0]) for line in page.lines if line.split())
    return len(page.lines) >= 2 and coded >= 0.4 * len(page.lines)


def _continues_plan(page: PageText, vocabulary: Vocabulary) -> bool:
    """A page that carries on a plan from the page before: status values ending lines,
    or numbered items in a ruled table."""
    rag = sum(bool(_words(vocabulary).status_end.search(line)) for line in page.lines)
    items = sum(bool(_ITEM.match(line)) for line in page.lines)
    return rag >= 2 or (items >= 2 and (page.paths or 0) >= 8)


def pages_to_analyse(pages: list[PageText], settings: PrefilterSettings,
                     count_paths: Callable[[PageText], int] | None = None) -> set[int]:
    """1-based numbers of the pages that get the slow table analysis. ``count_paths``
    fills in a page's ``paths`` when the rules first ask for it."""
    def paths(page: PageText) -> int | None:
        if page.paths is None and count_paths is not None:
            page.paths = count_paths(page)
        return page.paths

    picked: set[int] = set()
    in_plan = in_glossary = False
    for page in pages:
        if in_plan:
            paths(page)
        in_plan = _is_plan_head(page, settings) or (in_plan and _continues_plan(page, settings.vocabulary))
        in_glossary = _is_glossary(page.lines) or (in_glossary and _continues_glossary(page, settings.vocabulary))
        if in_plan or in_glossary:
            picked.add(page.number)
    by_number = {p.number: p for p in pages}
    around = {n for p in picked for n in range(p - settings.neighbours, p + settings.neighbours + 1)
              if n in by_number and (n in picked or not _plain_prose(by_number[n], paths(by_number[n]), settings))}
    # The cover sheet is one table on the first pages: it has no continuation to guard.
    return around | {p.number for p in pages[:settings.cover_pages]}


def _plain_prose(page: PageText, paths: int | None, settings: PrefilterSettings) -> bool:
    """A page of set-solid running text, no drawing, lines starting at a margin or an
    indent or two: no table, ruled (it draws lines) or unruled (its columns leave gaps
    in lines, and start lines at many places). A neighbour like this is skipped."""
    measured = [s for s in page.spread if s is not None]
    if paths is None or paths > 0 or len(measured) < settings.prose_min_lines:
        return False
    if sum(s <= settings.prose_spread for s in measured) < 0.7 * len(measured):
        return False
    starts = Counter(round(w["x0"] / 12) for w in page.words)
    return sum(n >= 2 for n in starts.values()) <= 3


def page_paragraphs(page: PageText, layout: LayoutSettings) -> list[Paragraph]:
    """A page the slow analysis skipped, as paragraphs: PDFium's lines are printed lines
    already, so they go straight to the layout's paragraph rules."""
    if not page.words:
        return []
    words = sorted(page.words, key=lambda w: (w["top"], w["x0"]))
    lines = [(Line(w["text"], Box(w["x0"], w["top"], w["x1"], w["bottom"]), page.number), [w]) for w in words]
    right = max(w["x1"] for w in words)
    return lines_to_paragraphs(lines, right, page.number, layout)


# --- reading with PDFium -----------------------------------------------------------

def survey_pdf(path: Path, settings: PrefilterSettings) -> Survey | None:
    """The fast pass, or None when it does not apply (short PDF, switched off) or PDFium
    cannot read the file: then every page is analysed, and pdfminer gives the verdict."""
    if not settings.enabled:
        return None
    try:
        doc = pypdfium2.PdfDocument(str(path))
    except (pypdfium2.PdfiumError, OSError, ValueError):
        return None
    try:
        if len(doc) < settings.min_pages:
            return None
        pages = [_page_text(doc, i) for i in range(len(doc))]
        if not any(p.has_text for p in pages):
            for p in pages:
                p.has_images = _object_kinds(doc, p.number - 1).count(_IMAGE) > 0
        analyse = pages_to_analyse(pages, settings, lambda p: _object_kinds(doc, p.number - 1).count(_PATH))
    except (pypdfium2.PdfiumError, OSError, ValueError):
        return None
    finally:
        doc.close()
    return Survey(pages=pages, analyse=analyse)


_IMAGE, _PATH = 3, 2  # FPDF_PAGEOBJ_IMAGE, FPDF_PAGEOBJ_PATH


def _object_kinds(doc: Any, index: int) -> list[int]:
    c = pypdfium2.raw
    page = doc[index]
    try:
        count = c.FPDFPage_CountObjects(page.raw)
        return [c.FPDFPageObj_GetType(c.FPDFPage_GetObject(page.raw, i)) for i in range(count)]
    finally:
        page.close()


def _page_text(doc: Any, index: int) -> PageText:
    c = pypdfium2.raw
    page = doc[index]
    try:
        height = float(page.get_height())
        textpage = page.get_textpage()
        try:
            n_chars = c.FPDFText_CountChars(textpage.raw)
            text = textpage.get_text_range() if n_chars > 0 else ""
            lines, spread, words = _lines(textpage.raw, text, n_chars, height)
        finally:
            textpage.close()
    finally:
        page.close()
    return PageText(number=index + 1, height=height, lines=lines, spread=spread, words=words, has_text=n_chars > 0)


def _lines(textpage: Any, text: str, n_chars: int, height: float) -> tuple[list[str], list[float | None], list[Word]]:
    """Printed lines, and each line's box from its first and last characters (a few
    calls to PDFium per line, not several per character)."""
    lines: list[str] = []
    spread: list[float | None] = []
    words: list[Word] = []
    aligned = len(text) == n_chars  # one text character per PDFium character: boxes can be looked up
    start = 0
    for raw in text.split("\n"):
        line = raw.rstrip("\r")
        stripped = line.strip()
        if stripped:
            lines.append(stripped)
            first = start + len(line) - len(line.lstrip())
            last = start + len(line.rstrip()) - 1
            word = _line_word(textpage, stripped, first, last, height) if aligned else None
            spread.append(None if word is None else (word["x1"] - word["x0"]) / (len(stripped) * word["size"] or 1))
            if word is not None:
                words.append(word)
        start += len(raw) + 1
    return lines, spread, words


def _line_word(textpage: Any, text: str, first: int, last: int, height: float) -> Word | None:
    """The line as one pdfplumber-style word, sized by its first character's font."""
    raw = pypdfium2.raw
    rect = raw.FS_RECTF()
    if not raw.FPDFText_GetLooseCharBox(textpage, first, rect):
        return None
    x0, y_a, y_b = rect.left, rect.top, rect.bottom
    if not raw.FPDFText_GetLooseCharBox(textpage, last, rect):
        return None
    x1 = max(rect.right, x0)
    y0 = min(y_a, y_b, rect.top, rect.bottom)
    size = raw.FPDFText_GetFontSize(textpage, first) or max(y_a, y_b) - y0
    if x1 <= x0 or size <= 0:
        return None
    # pdfplumber's box runs a font size up from the descent line: match it, so that line
    # gaps (which start paragraphs) measure the same on both kinds of page.
    return {"text": text, "x0": x0, "x1": x1, "top": height - y0 - size, "bottom": height - y0,
            "size": round(size, 1), "fontname": ""}
