"""English dates as councils print them, to ISO: "7 NOVEMBER 2013", "9th August 2013",
"24/05/2011", "Tuesday, 3 March 2015", "March 3rd, 2015"."""
from __future__ import annotations

import datetime as dt
import re

MONTHS = {m: i for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december"], 1)}
MONTHS.update({m[:3]: i for m, i in list(MONTHS.items())})
MONTHS["sept"] = 9

_MONTH = (r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
          r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)")
_ORD = r"(?:\s?(?:st|nd|rd|th)\b)?"
DAY_MONTH_YEAR = re.compile(rf"\b(\d{{1,2}}){_ORD}\s+(?:of\s+)?{_MONTH}\.?,?\s+(\d{{4}})\b", re.I)
MONTH_DAY_YEAR = re.compile(rf"\b{_MONTH}\.?\s+(\d{{1,2}}){_ORD},?\s+(\d{{4}})\b", re.I)
NUMERIC = re.compile(r"\b(\d{1,2})[/.](\d{1,2})[/.](\d{4}|\d{2})\b")
ANY_DATE = re.compile(f"{DAY_MONTH_YEAR.pattern}|{MONTH_DAY_YEAR.pattern}|{NUMERIC.pattern}", re.I)


def _iso(year: int, month: int, day: int) -> str:
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return ""


def parse_date(text: str) -> str:
    """The first date in ``text`` as ISO, or "". Numeric dates are day first (UK)."""
    text = re.sub(r"<sup>|</sup>", "", text)
    best: tuple[int, str] | None = None
    for pattern, order in ((DAY_MONTH_YEAR, "dmy"), (MONTH_DAY_YEAR, "mdy"), (NUMERIC, "num")):
        m = pattern.search(text)
        if not m:
            continue
        if order == "dmy":
            iso = _iso(int(m.group(3)), MONTHS[m.group(2).lower()[:3]], int(m.group(1)))
        elif order == "mdy":
            iso = _iso(int(m.group(3)), MONTHS[m.group(1).lower()[:3]], int(m.group(2)))
        else:
            year = int(m.group(3))
            year = year + 2000 if year < 100 else year
            iso = _iso(year, int(m.group(2)), int(m.group(1)))
        if iso and (best is None or m.start() < best[0]):
            best = (m.start(), iso)
    return best[1] if best else ""
