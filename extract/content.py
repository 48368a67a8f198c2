"""What a column holds, profiled over its cells: for each role, the share of the column's
cells that read as that role's. Status words, letters or fills read as a status; dates
and periods as a due date; posts, bodies, names and officer codes as a lead; sentences
as things to do; short ids ("1", "1.1", "R1", "CRP12") as numbers; values merged or
repeated down runs of rows as a group; past-tense narrative as progress. The weighing
against the header's words is ``extract.roles``.
"""
from __future__ import annotations

import re
from collections.abc import Callable

from actionplans.dates import MONTHS
from actionplans.extract.colours import colour_name
from actionplans.extract.rag import read_rag
from actionplans.extract.text import clean
from actionplans.ingest.model import Cell, only_symbols
from actionplans.vocabulary import Vocabulary

GENERIC = frozenset({"", "comments", "comment", "notes", "note", "details", "detail", "other", "remarks"})
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_PERIOD = re.compile(
    rf"^(?:(?:by|end(?: of)?|from|before)\s+)?(?:\d{{1,2}}(?:st|nd|rd|th)?\s+)?(?:{_MONTH})\.?(?:\s+\d{{2,4}})?$"
    r"|^\d{1,2}[/.]\d{1,2}[/.]\d{2,4}$|^(?:end\s+)?q[1-4](?:\s+\d{4}(?:/\d{2,4})?)?$|^\d{4}/\d{2,4}(?:\s+q[1-4])?$"
    r"|^(?:spring|summer|autumn|winter)(?:\s+term)?(?:\s+\d{4})?$|^(?:ongoing|immediate(?:ly)?|tbc|\d{4})$", re.I)
# A date or period anywhere in a short cell: "2021 - 2022", "2021 onwards", "Short term",
# "Annually to 2028", "Completed 2015".
_WHEN = re.compile(rf"\b(?:(?:19|20)\d\d|{_MONTH}|q[1-4]|quarter|(?:short|medium|long)[\s-]*term|ongoing|annually"
                   r"|onwards|immediate(?:ly)?|weekly|monthly|yearly|spring|summer|autumn|winter)\b", re.I)
_ID = re.compile(r"^[A-Za-z]{0,6}\s?\d{1,3}(?:\.\d{1,3})*[A-Za-z]?[.)]?$")
_PAST = re.compile(r"\b(?:has|have|had)\s+(?:now\s+|also\s+|already\s+)?been\b|\b(?:was|were)\b"
                   r"|\bcompleted\s+(?:in|on|by)\b|\btook place\b|\b(?:has|have)\s+(?:now\s+)?\w+ed\b", re.I)
_WORD = re.compile(r"[^\W\d_]{2,}")
_MAX_LEAD_WORDS = 10
_MAX_WHEN_WORDS = 6  # a longer cell naming a month is a sentence about it


def column_profile(cells: list[Cell | None], vocabulary: Vocabulary) -> dict[str, float]:
    """{role: share of the column's cells that read as the role's} over one column's body
    cells, top to bottom (None where a row has no cell there). A column with fewer than
    ``evidence.min_cells`` filled cells says nothing."""
    own = [c for c in cells if c is not None and not c.continued]
    filled = [c for c in own if clean(c.text) or colour_name(c.fill, vocabulary)[1]]
    if len(filled) < vocabulary.evidence.min_cells:
        # One value merged down every row still says it is a group.
        return {"recommendation": runs_share(cells)} if filled else {}
    texts = [clean(c.text) for c in filled]
    # A lead column names someone on most rows: blank cells count against it, "TBC" not.
    named = [clean(c.text) for c in own if clean(c.text).lower().strip(".") not in vocabulary.officers.no_one]
    checks: dict[str, Callable[[str], float]] = {
        "target_date": _when, "lead": lambda t: _lead(t, vocabulary), "action": _todo, "number": _id,
        "progress": _past}
    out = {role: _share([check(t) for t in (named if role == "lead" else texts)]) for role, check in checks.items()}
    if len(set(texts)) < len(texts):
        out["number"] = 0.0  # an id names one row; a value repeated down the rows is no id
    out["rag"] = _share([float(_is_status(c, vocabulary)) for c in filled])
    out["recommendation"] = runs_share(cells)
    return out


def _share(values: list[float]) -> float:
    return sum(values) / len(values) if values else 0.0


# Small words a status cell may hold beside its status words ("Amber and on track", "not yet").
_STATUS_FILLERS = frozenset({"and", "but", "not", "yet", "now", "still", "very", "slightly", "partly", "mostly"})


def _is_status(cell: Cell, vocabulary: Vocabulary) -> bool:
    """A status word, letter or fill: "Green", "R", "On track", "Amber - in progress", a red
    dot. A word beside a year ("Completed 2015") says when, not how it stands; a status word
    inside another phrase ("Ongoing programme", a duration) says what, not how it stands."""
    text = clean(cell.text)
    if not text or only_symbols(text):  # a fill, or a dot in a status's colour
        return bool(colour_name(cell.fill, vocabulary)[1])
    rag, why = read_rag(text, {}, vocabulary)
    words = re.findall(r"[a-z]+", text.lower())
    return bool(rag) and why is None and len(words) <= 4 and not any(ch.isdigit() for ch in text) \
        and all(w in vocabulary.status_words or w in _STATUS_FILLERS for w in words)



def _when(text: str) -> float:
    if not text:
        return 0.0
    return float(bool(_PERIOD.match(text)) or (len(text.split()) <= _MAX_WHEN_WORDS and bool(_WHEN.search(text))))


def _lead(text: str, vocabulary: Vocabulary) -> float:
    """1 for a post, a body or officer codes; 0.6 for a name in title case ("Calum
    Mackenzie", "Central Government"); 0 for a sentence, a date or a number."""
    words = text.split()
    if not words or len(words) > _MAX_LEAD_WORDS or any(ch.isdigit() for ch in text) or text.endswith("."):
        return 0.0
    lowered = text.lower()
    # A post's word anywhere ("Head of Housing"); a body's as the last word ("Property
    # Services", not "Heating of council buildings").
    if vocabulary.post_pattern.search(lowered) or vocabulary.body_pattern.fullmatch(lowered.split()[-1].strip(".,")):
        return 1.0
    tokens = [t for t in re.split(r"[\s,&/;]+", text) if t]
    if all(vocabulary.is_code(t) for t in tokens):
        return 1.0
    titled = [w for w in words if w[:1].isupper()]
    return 0.6 if len(titled) >= 0.6 * len(words) and not _PAST.search(text) else 0.0


def _todo(text: str) -> float:
    """A sentence of something to do, by its length in words (mostly letters): a phrase
    of three words half counts, six words or more count whole."""
    words = _WORD.findall(text)
    if len(words) < 3 or sum(len(w) for w in words) < 0.5 * len(text.replace(" ", "")):
        return 0.0
    # What has been done ("has been completed") is progress, not a thing to do.
    return min(1.0, len(words) / 6) * (0.5 if _PAST.search(text) else 1.0)


def _id(text: str) -> float:
    return float(bool(_ID.match(text)) and any(ch.isdigit() for ch in text))


def _past(text: str) -> float:
    return float(len(text.split()) >= 6 and bool(_PAST.search(text)))


def runs_share(cells: list[Cell | None]) -> float:
    """The share of a column's rows whose cell is merged down from the row above or
    repeats its value: a group each run of rows serves ("Scope", "Theme"). Cells of
    numbers, dates or a few letters are no group."""
    seen = [c for c in cells if c is not None and (c.continued or clean(c.text))]
    if len(seen) < 3:
        return 0.0
    repeated, previous = 0, None
    for cell in seen:
        text = clean(cell.text)
        if cell.continued or text == previous:
            repeated += 1
        elif not _WORD.search(text) or _when(text):
            return 0.0  # figures, ids and dates are no group's name
        previous = previous if cell.continued else text
    return repeated / len(seen)


def group_runs(cells: list[Cell | None]) -> list[int]:
    """The row index where each run of a group column starts (a printed value unlike the
    one above), to tell a group from the finer one inside it."""
    starts, previous = [], None
    for i, cell in enumerate(cells):
        if cell is None or cell.continued:
            continue
        text = clean(cell.text)
        if text and text != previous:
            starts.append(i)
            previous = text
    return starts
