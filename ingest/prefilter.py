"""A fast first pass over a PDF's text (PDFium, ``ingest/pdfium.py``) that picks the pages
worth the slow table analysis (pdfminer parsing and pdfplumber table finding, ~50 times
slower).

A plan is a table whose header row names an action column beside another of a plan's
roles (recommendation, lead, status, due date, progress: the vocabulary's ``plan``
roles). So a page is a plan's head when one of its printed lines (or two short lines,
where header cells sit at different heights) reads as such a row, the roles' words and
little else, and is split into cells: PDFium's characters show gaps of a font size or
more between them, which running text never has. A PDF without such a page gets no slow
analysis at all: every page gives its text as paragraphs, one pseudo-word per printed
line with its position (titles, dates, definitions); pdfminer only opens the file, for
its verdict on a damaged one. A PDF without any text is analysed whole (a scan).

With a plan's head, the pages that carry the plan on are picked too (RAG values ending
lines, numbered items in a ruled table), and the glossary pages ("Abbreviations", then
"CODE  Meaning" lines), the cover sheet (the first pages, where they hold labelled fields,
"Date:", "Report of:": its table gives the paper's date), and each picked page's
neighbours unless plain running text. A short PDF with a
plan's head is analysed whole: it costs little, plans are rare, and a missed page costs
rows.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from itertools import accumulate
from pathlib import Path
from typing import Any

import pypdfium2

from actionplans.ingest.layout import LayoutSettings, lines_to_paragraphs
from actionplans.ingest.model import Box, Line, Paragraph
from actionplans.ingest.pdfium import (
    MAX_INFLATE_MB,
    PATH,
    PDFIUM_ERRORS,
    PageText,
    Word,
    inflates_past,
    object_kinds,
    open_pdf,
    page_text,
)
from actionplans.ingest.shards import can_fork, in_two
from actionplans.vocabulary import Vocabulary, default_vocabulary


@dataclass(frozen=True)
class PrefilterSettings:
    enabled: bool = True
    min_pages: int = 12  # a PDF with fewer pages is analysed whole where it holds a plan's head
    cover_pages: int = 2  # where a plan's head is found, these first pages are analysed if a form
    neighbours: int = 1  # pages either side of a picked page, analysed too unless plain prose
    header_share: float = 0.6  # of a header line's words (bar stopwords) that must be header vocabulary
    header_max_words: int = 24
    header_cells: int = 2  # a header row's line falls into this many cells or more (prose: one)
    prose_spread: float = 0.6  # lines of running text are this spread out, or less
    prose_min_lines: int = 8  # a neighbour with fewer measured lines is analysed anyway
    band_height: float = 1.2  # font sizes: header cells printed as lines this close in height are one row
    row_cells: int = 3  # a table page with this many status endings, or date and post cells each, holds plan rows
    max_inflate_mb: int = MAX_INFLATE_MB  # a PDF with a stream inflating past this is not surveyed
    vocabulary: Vocabulary = field(default_factory=default_vocabulary)  # the words of a plan's header

    @cached_property
    def words(self) -> _Words:
        """What the pass looks for, made from the vocabulary once per settings: each page's
        checks read it (hashing the vocabulary per page would cost more than the checks)."""
        return _words_made(self.vocabulary)

    def __post_init__(self) -> None:
        if self.min_pages < 1 or self.cover_pages < 0 or self.neighbours < 0 or self.max_inflate_mb < 1:
            raise ValueError("PrefilterSettings: min_pages, max_inflate_mb >= 1; cover_pages, neighbours >= 0")
        if self.band_height <= 0 or self.row_cells < 1:
            raise ValueError("PrefilterSettings: band_height > 0, row_cells >= 1")
        if not 0 < self.header_share <= 1 or self.header_max_words < 2 or self.header_cells < 1:
            raise ValueError("PrefilterSettings: header_share in (0, 1], header_max_words >= 2, header_cells >= 1")


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
_SHORT = 8  # words: a line this short may be half of a header row set on two lines
_FIELD = re.compile(r"^[A-Za-z][A-Za-z ]{1,30}:(\s|$)")  # a cover sheet's labelled field, "Report of: ..."
_MARKER = re.compile(r"^(?:\(?\d{1,3}(?:\.\d{1,3})*[a-z]?[).]?|\(?[a-z][).]|[-•▪●◦·–])$")


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
    status_last: frozenset[str]  # the last words of the status words, and the status letters


def _words_made(vocabulary: Vocabulary) -> _Words:
    action = vocabulary.role("action").words
    statuses = [w for s in vocabulary.statuses for w in (*s.words, s.name.lower())]
    letters = "".join(sorted(vocabulary.letters)).upper()
    body = "|".join(re.escape(w) for w in sorted(set(statuses), key=len, reverse=True))
    return _Words(
        stems=tuple(sorted({w.split()[0][:6] for w in action})),
        action=vocabulary.words_pattern("action"),
        other_roles=vocabulary.words_pattern(*vocabulary.plan_roles),
        header=vocabulary.header_words,
        status_end=re.compile(rf"(?:^|\s)(?:{body})(?:\s*&\s*\w+)?\s*$|^[{letters}]$", re.I),
        status_last=frozenset({w.split()[-1].lower() for w in statuses} | {c.lower() for c in letters}))


def is_header_line(line: str, settings: PrefilterSettings) -> bool:
    """A plan's header row as one printed line, by its words: action and another plan
    role, little else, and no sentence."""
    return _is_header_line(line, settings.words, settings)


def _is_header_line(line: str, words_of: _Words, settings: PrefilterSettings) -> bool:
    text = line.lower()
    if not any(stem in text for stem in words_of.stems):
        return False  # the common case, decided without a regular expression
    if not (words_of.action.search(text) and words_of.other_roles.search(text)) or _SENTENCE.search(text):
        return False
    # The action beside two more of a plan's roles is a header, whatever else its cells
    # name ("Scope Emissions source Actions Lead Departments Timeline").
    if len({m.group(0) for m in words_of.other_roles.finditer(text)}) >= 2:
        return _header_words(text, words_of, settings, settings.header_max_words) is not None
    return bool(_header_words(text, words_of, settings, settings.header_max_words))


def _header_words(text: str, words_of: _Words, settings: PrefilterSettings, max_words: int) -> bool | None:
    """Whether a lower-case text's words (bar stopwords) are mostly header vocabulary;
    None where it has none or more than ``max_words``."""
    words = [w for w in re.findall(r"[a-z]+", text) if w not in _STOPWORDS]
    if not words or len(words) > max_words:
        return None
    return sum(w in words_of.header for w in words) / len(words) >= settings.header_share


def header_rows(lines: list[str], settings: PrefilterSettings) -> list[tuple[int, ...]]:
    """The lines (indexes) that read as a plan's header row by their words: one line, or
    two short ones (header cells centred at different heights print as two lines)."""
    words_of = settings.words
    text = "\n".join(lines).lower()
    if not any(stem in text for stem in words_of.stems) or not words_of.action.search(text):
        return []  # most pages: no line can be a header row
    rows: list[tuple[int, ...]] = [(i,) for i, line in enumerate(lines) if _is_header_line(line, words_of, settings)]
    short = [len(line.split()) <= _SHORT for line in lines]
    rows += [(i, i + 1) for i in range(len(lines) - 1)
             if short[i] and short[i + 1] and _is_header_line(f"{lines[i]} {lines[i + 1]}", words_of, settings)]
    return rows


def cells(page: PageText, row: tuple[int, ...]) -> int | None:
    """How many cells a header row falls into: the most runs of characters set apart on
    one of its lines, a paragraph or item number in the margin not counted (a numbered
    paragraph hangs its text beside it); None where a line was not measured."""
    if page.runs is None or any(i not in page.runs for i in row):
        return None
    return max(len(runs) - bool(runs and _MARKER.match(runs[0][2])) for runs in (page.runs[i] for i in row))


def is_plan_head(page: PageText, settings: PrefilterSettings) -> bool:
    """A line (or two) that reads as a plan's header row and falls into cells as a table's
    header does (prose that mentions actions, officers and progress reads much the same,
    set solid). A row whose cells could not be measured counts: better analysed than lost."""
    rows = page.header_rows if page.header_rows is not None else header_rows(page.lines, settings)
    for row in rows:
        found = cells(page, row)
        if found is None or found >= settings.header_cells:
            return True
    return False


def _is_cell(word: Word, words_of: _Words, settings: PrefilterSettings) -> bool:
    """A printed line that reads as a header cell of its own: short, header words and
    little else, no sentence and no form's label ("Lead officer: ...")."""
    text = word["text"].lower()
    if ":" in text or _SENTENCE.search(text):
        return False
    return bool(_header_words(text, words_of, settings, _CELL_WORDS))


_CELL_WORDS = 6  # a header cell printed as a line of its own is this short


def _matching(pattern: re.Pattern[str], texts: list[str]) -> list[int]:
    """The indexes of the texts the pattern finds something in: one search over them all
    joined (a search per line costs more than a page's other checks together)."""
    if not texts:
        return []
    joined = "\n".join(texts)
    starts = list(accumulate((len(t) + 1 for t in texts[:-1]), initial=0))
    return sorted({bisect_right(starts, m.start()) - 1 for m in pattern.finditer(joined)})


def is_band_head(page: PageText, settings: PrefilterSettings) -> bool:
    """A plan's header row whose cells print as lines of their own (a ruled header whose
    cells wrap, or sit at different heights): a short line naming the action role and
    another naming another plan role, side by side at about one height. Running text
    never sets two such lines beside each other."""
    words_of = settings.words
    # A header row may print on one line of up to eight words ("Scope Emissions source
    # Actions Lead Departments Timeline") whose cells PDFium still gives apart.
    text = "\n".join(line for line in page.lines if line.count(" ") < 8).lower()
    if not any(stem in text for stem in words_of.stems) or not words_of.action.search(text):
        return False  # most pages, decided by their short lines' text
    short = [w for w in page.words if w["text"].count(" ") < 6 and ":" not in w["text"]]
    texts = [w["text"].lower() for w in short]
    actions = [short[i] for i in _matching(words_of.action, texts) if _is_cell(short[i], words_of, settings)]
    if not actions:
        return False
    others = [short[i] for i in _matching(words_of.other_roles, texts) if _is_cell(short[i], words_of, settings)]
    return any(a is not o and abs(o["top"] - a["top"]) <= settings.band_height * a["size"]
               and (o["x0"] >= a["x1"] or a["x0"] >= o["x1"]) for a in actions for o in others)


# A due date's cell, as a plan prints it: a month and year, a quarter, a financial year, "ongoing".
_DATE_CELL = re.compile(r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{2,4}\b"
                        r"|\bq[1-4]\b|\b20\d\d\s*[/-]\s*(?:20)?\d\d\b|\bongoing\b", re.I)


def has_plan_rows(page: PageText, settings: PrefilterSettings) -> bool:
    """A page of a plan's rows whatever its header says (or with no header on it): short
    lines (a table's cells) ending in status values, or short cells of due dates beside
    short cells naming posts. String tests first, the patterns only on the few lines
    they leave: a pattern over every line of a long PDF costs more than reading it."""
    words_of = settings.words
    short = [line for line in page.lines if line.count(" ") < 8]
    ends = [line for line in short if line.rsplit(None, 1)[-1].lower().strip(".") in words_of.status_last]
    if len(ends) >= settings.row_cells and \
            sum(bool(words_of.status_end.search(line)) for line in ends) >= settings.row_cells:
        return True
    dated = [line for line in short if _DIGIT.search(line) or "ongoing" in line.lower()]
    if sum(bool(_DATE_CELL.search(line)) for line in dated) < settings.row_cells:
        return False
    # Beside the dates, who leads: posts ("Head of Housing"). Bodies ("Fleet Services") are
    # not enough: a budget's pages name services beside years on every line.
    lowered = [line.lower() for line in short]
    vocabulary = settings.vocabulary
    return len(_matching(vocabulary.post_pattern, lowered)) >= settings.row_cells


_DIGIT = re.compile(r"\d")


def _is_form(lines: list[str]) -> bool:
    return sum(bool(_FIELD.match(line)) for line in lines) >= 2


_GLOSSARY_WORDS = ("abbreviat", "glossary", "acronym", "in full")  # _GLOSSARY's, found faster by `in`


def _is_glossary(lines: list[str]) -> bool:
    text = "\n".join(lines).lower()
    if not any(w in text for w in _GLOSSARY_WORDS) or not _GLOSSARY.search(text):
        return False
    return any(_GLOSSARY.search(line.lower()) and len(line.split()) <= 6 for line in lines)


def _continues_glossary(page: PageText, vocabulary: Vocabulary) -> bool:
    """A page of "CODE  Meaning" lines, carrying on a glossary from the page before."""
    coded = sum(vocabulary.is_code(line.split()[0]) for line in page.lines if line.split())
    return len(page.lines) >= 2 and coded >= 0.4 * len(page.lines)


def _continues_plan(page: PageText, settings: PrefilterSettings) -> bool:
    """A page that carries on a plan from the page before: status values ending lines,
    or numbered items in a ruled table."""
    rag = sum(bool(settings.words.status_end.search(line)) for line in page.lines)
    items = sum(bool(_ITEM.match(line)) for line in page.lines)
    return rag >= 2 or (items >= 2 and (page.paths or 0) >= 8)


_ROWS = "a table whose rows read as a plan's"


def plan_evidence(page: PageText, settings: PrefilterSettings,
                  paths: Callable[[PageText], int | None] = lambda page: page.paths) -> str | None:
    """Why a page may hold a plan's table, or None where none can be on it: a header row on
    one line (or two), a header row printed cell by cell, or a table's rows that read as a
    plan's (the page drawn with rulings or set in columns, not running text)."""
    if is_plan_head(page, settings):
        return "a plan's header row"
    if is_band_head(page, settings):
        return "a plan's header cells side by side"
    if has_plan_rows(page, settings) and not _plain_prose(page, paths(page), settings):
        return _ROWS
    return None


def page_reasons(survey: Survey, settings: PrefilterSettings) -> list[tuple[int, bool, str]]:
    """(page, analysed, why) for every page the first pass surveyed, for ``explain``: what
    it found on a page it analyses, and why it leaves the others to their text alone."""
    out = []
    whole = len(survey.pages) < settings.min_pages and len(survey.analyse) == len(survey.pages)
    for page in survey.pages:
        if page.number in survey.analyse:
            why = plan_evidence(page, settings) or (
                "a short PDF with a plan's header: analysed whole" if whole else
                "beside the plan's pages: its continuation, a neighbour, a glossary or the cover sheet")
            out.append((page.number, True, why))
        else:
            out.append((page.number, False, _skip_reason(page, settings)))
    return out


def _skip_reason(page: PageText, settings: PrefilterSettings) -> str:
    if not page.has_text:
        return "no text (a picture or a blank page)"
    if has_plan_rows(page, settings):
        return "rows that read as a plan's, but set as running text (no rulings, no columns)"
    return "no line reads as a plan's header, and no rows as a plan's"


def pages_to_analyse(pages: list[PageText], settings: PrefilterSettings,
                     count_paths: Callable[[PageText], int] | None = None) -> set[int]:
    """1-based numbers of the pages that get the slow table analysis: none without a
    plan's head. ``count_paths`` fills in a page's ``paths`` when the rules first ask."""
    if not any(p.has_text for p in pages):
        # Nothing to go on: pdfminer reads every page (a scan's verdict, drawings).
        return {p.number for p in pages}

    def paths(page: PageText) -> int | None:
        if page.paths is None and count_paths is not None:
            page.paths = count_paths(page)
        return page.paths

    evidence = {p.number: plan_evidence(p, settings, paths) for p in pages}
    heads = {n for n, why in evidence.items() if why}
    if not heads:
        return set()
    if len(pages) < settings.min_pages and any(why != _ROWS for why in evidence.values() if why):
        return {p.number for p in pages}  # a header found: a short PDF is analysed whole

    picked: set[int] = set()
    in_plan = in_glossary = False
    for page in pages:
        if in_plan:
            paths(page)
        in_plan = page.number in heads or (in_plan and _continues_plan(page, settings))
        in_glossary = _is_glossary(page.lines) or (in_glossary and _continues_glossary(page, settings.vocabulary))
        if in_plan or in_glossary:
            picked.add(page.number)
    by_number = {p.number: p for p in pages}
    around = {n for p in picked for n in range(p - settings.neighbours, p + settings.neighbours + 1)
              if n in by_number and (n in picked or not _plain_prose(by_number[n], paths(by_number[n]), settings))}
    # A cover sheet of labelled fields ("Date:", "Report of:") on the first pages gives
    # the paper's date and title: one table, with no continuation to guard.
    return around | {p.number for p in pages[:settings.cover_pages] if _is_form(p.lines)}


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

def survey_pdf(path: Path, settings: PrefilterSettings, two_cores_from: int = 0,
               meanwhile: Callable[[], None] | None = None) -> Survey | None:
    """The fast pass, or None when it is switched off, PDFium cannot read the file or it
    holds a stream that would take PDFium past its memory (a decompression bomb): then
    every page is analysed, and pdfminer gives the verdict. A PDF of ``two_cores_from``
    pages or more (0: none) has its pages' text read by two processes, and the caller's
    ``meanwhile`` (its own opening of the file) is done here beside the child's share."""
    if not settings.enabled or inflates_past(path, settings.max_inflate_mb):
        return None
    doc = open_pdf(path)
    if doc is None:
        return None
    try:
        count = len(doc)
        if 0 < two_cores_from <= count and can_fork():
            # pdfminer's walk of the page tree costs about a seventh of a page's text here.
            split = round(count * (3 / 7 if meanwhile is not None else 1 / 2))
            first, second = in_two(lambda pages, forked: _page_texts(path, pages, settings, None if forked else doc,
                                                                     meanwhile), range(split), range(split, count))
            pages = first + second
        else:
            pages = _texts(doc, range(count), settings)
        analyse = pages_to_analyse(pages, settings, lambda p: object_kinds(doc, p.number - 1).count(PATH))
    except PDFIUM_ERRORS:
        return None
    finally:
        doc.close()
    return Survey(pages=pages, analyse=analyse)


def _page_texts(path: Path, pages: range, settings: PrefilterSettings, doc: Any | None,
                meanwhile: Callable[[], None] | None) -> list[PageText]:
    """The pages' text: here (``doc`` open) after the caller's own work; in the forked
    child (``doc`` None) from the file opened afresh, so that no reading place is shared."""
    if doc is not None:
        if meanwhile is not None:
            meanwhile()
        return _texts(doc, pages, settings)
    doc = open_pdf(path)
    if doc is None:
        raise pypdfium2.PdfiumError("PDFium cannot open the file a second time")
    try:
        return _texts(doc, pages, settings)
    finally:
        doc.close()


def _texts(doc: Any, pages: range, settings: PrefilterSettings) -> list[PageText]:
    return [_text(doc, i, settings) for i in pages]


def _text(doc: Any, index: int, settings: PrefilterSettings) -> PageText:
    """One page's text, its header rows found once: the lines to measure are theirs."""
    found: list[list[tuple[int, ...]]] = []

    def measure(lines: list[str]) -> set[int]:
        found.append(header_rows(lines, settings))
        return {i for row in found[0] for i in row}

    page = page_text(doc, index, measure)
    page.header_rows = found[0] if found else None
    return page


__all__ = ["PageText", "PrefilterSettings", "Survey", "has_plan_rows", "header_rows", "is_band_head",
           "is_header_line", "is_plan_head", "page_paragraphs", "page_reasons", "pages_to_analyse", "plan_evidence",
           "survey_pdf"]
