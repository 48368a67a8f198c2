"""What a paper says about itself: title, council, report or meeting date, the date a
plan is "as at", and an inspection judgement where one is stated."""
from __future__ import annotations

import re

from actionplans.dates import ANY_DATE, MONTH_YEAR, date_in_text
from actionplans.extract.records import DocumentInfo
from actionplans.extract.text import clean, key
from actionplans.ingest.model import Block, Document, Paragraph, Table

_DATE_KEYS = ("date", "dateofmeeting", "meetingdate", "reportdate", "dateofreport", "meeting", "committeedate")
_TITLE_KEYS = ("title", "reporttitle", "subject", "reportsubject", "item", "titleofreport")
# "Reading Borough Council", "READING BOROUGH COUNCIL", "Oxfordshire County Council":
# proper nouns then a council kind; a bare "... Council" is too often prose.
_COUNCIL = re.compile(
    r"\b((?:[A-Z][A-Za-z'&.-]+\s){1,3}(?:Metropolitan Borough|Borough|County|City|District|Town|Parish)\s+Council"
    r"|(?:[A-Z][A-Z'&.-]+\s){1,3}(?:METROPOLITAN BOROUGH|BOROUGH|COUNTY|CITY|DISTRICT|TOWN)\s+COUNCIL"
    r"|(?:London Borough|Royal Borough|City|Council) of (?:[A-Z][A-Za-z'&.-]+\s?){1,3})")
# A running line naming a meeting ("Cabinet", "Board", "Committee") beside its date.
_MEETING = re.compile(r"\b(?:cabinet|board|committee|council|panel|forum|meeting|partnership)\b", re.I)
_AS_AT = re.compile(rf"(?:@|\bas\s+(?:at|of)\b|\bposition\s+at\b|\bupdated?\s*:?)\s*"
                    rf"({ANY_DATE.pattern}|{MONTH_YEAR.pattern})", re.I)
_JUDGEMENT = re.compile(
    r"(?:overall|judged|found|rated|rating|graded|received an?)[^.]{0,80}?['‘’\"]?"
    r"\b(outstanding|good|requires improvement(?: to be good)?|adequate|inadequate)\b", re.I)


def cover_fields(doc: Document) -> dict[str, str]:
    """Key/value pairs from cover-sheet tables: a cell ending ":" labels the next one."""
    fields: dict[str, str] = {}
    for table in doc.tables[:3]:
        for row in table.rows:
            cells = [c for c in row.cells if not c.continued]
            for label, value in zip(cells, cells[1:], strict=False):
                text = clean(label.text)
                if text.endswith(":") and clean(value.text) and not clean(value.text).endswith(":"):
                    fields.setdefault(key(text), clean(value.text))
    for p in doc.paragraphs[:40]:
        m = re.match(r"^\s*([A-Za-z][A-Za-z ]{1,30}):\s+(.+)$", p.text)
        if m:
            fields.setdefault(key(m.group(1)), clean(m.group(2)))
    return fields


def document_info(doc: Document, blocks: list[Block], first_plan: Table | None) -> DocumentInfo:
    """The paper's facts; ``blocks`` are the paper's as extract reads them (a header
    printed apart from its body joined to it), among them ``first_plan``, the first table
    judged to have a plan's header (None: none has)."""
    fields = cover_fields(doc)
    info = DocumentInfo()
    info.plan_title, info.plan_as_at = _plan_title(blocks, doc.furniture, first_plan)
    info.title = (next((fields[k] for k in _TITLE_KEYS if fields.get(k)), "") or _styled_title(doc)
                  or info.plan_title or _heading_title(doc))
    info.document_date = next((d for k in _DATE_KEYS if (d := date_in_text(fields.get(k, ""), True))), "") \
        or _running_date(doc)
    info.council = _council(doc)
    info.judgement = _judgement(doc)
    return info


def _running_date(doc: Document) -> str:
    """The meeting's date where a paper prints it only in its running header or footer
    ("Health and Wellbeing Board – 18 September 2025"), and no cover sheet gives one."""
    paragraphs = doc.paragraphs
    # Running lines first; then a short line of a one-page paper's head or foot.
    lines = list(doc.furniture) + [p for p in paragraphs[:6] + paragraphs[-6:] if len(p.text.split()) <= 24]
    for p in lines:
        if _MEETING.search(p.text) and not _AS_AT.search(p.text) and (date := date_in_text(p.text)):
            return date
    return ""


def _styled_title(doc: Document) -> str:
    for style in ("title", "heading 1"):
        for p in doc.paragraphs:
            if p.style.lower() == style and clean(p.text):
                return clean(p.text)
    return ""


def _heading_title(doc: Document) -> str:
    paragraphs = [p for p in doc.paragraphs if clean(p.text)]
    first_page = [p for p in paragraphs if p.page == paragraphs[0].page] if paragraphs else []
    sized = [p for p in first_page if p.size and len(clean(p.text)) > 3]
    if sized:
        biggest = max(p.size for p in sized)
        body = sorted(p.size for p in sized)[len(sized) // 2]
        if biggest > body + 0.5:
            return clean(next(p.text for p in sized if p.size == biggest))
    headings = [p for p in paragraphs if p.style.lower().startswith("heading") or p.bold]
    short = [p for p in paragraphs if len(clean(p.text)) <= 150]
    pick = headings[0] if headings else (short[0] if short else None)
    return clean(pick.text)[:200] if pick is not None else ""


def _council(doc: Document) -> str:
    texts = [p.text for p in doc.furniture] + [p.text for p in doc.paragraphs[:30]]
    texts += [c.text for t in doc.tables[:2] for r in t.rows for c in r.cells]
    for text in texts:
        m = _COUNCIL.search(text)
        if m and not m.group(1).lower().startswith("the "):
            return " ".join(w.capitalize() if w.isupper() else w for w in m.group(1).split())
    return ""


def _plan_title(blocks: list[Block], furniture: list[Paragraph], first: Table | None) -> tuple[str, str]:
    """The heading nearest above the plan (or a running header), and its "as at" date."""
    if first is None:
        return "", ""
    before: list[Paragraph] = []
    for block in blocks:
        if block is first:
            break
        if isinstance(block, Paragraph) and clean(block.text):
            before.append(block)
    candidates = list(reversed(before[-4:])) + list(furniture)
    title = ""
    for p in candidates:
        m = _AS_AT.search(clean(p.text))
        if m:
            return clean(p.text), date_in_text(m.group(1), True)
        if not title and len(clean(p.text)) <= 120 and re.search(r"action\s+plan", p.text, re.I):
            title = clean(p.text)
    return title, ""


def _judgement(doc: Document) -> str:
    for p in doc.paragraphs[:80]:
        m = _JUDGEMENT.search(p.text)
        if m:
            return m.group(1).lower()
    return ""
