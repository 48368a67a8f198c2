"""Links from the outputs back to the papers: a relative URL from the output folder to
each source file (``../samples/x.pdf#page=3``), so the report and workbook still work
when the two folders move together."""
from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import quote


def source_href(path: Path | None, source_file: str, out: Path, page: object = None) -> str:
    """A URL for the paper found at ``path`` (as the run found it: ``PaperResult.path``),
    relative to ``out``, with ``#page=N`` where the page is known (PDF viewers in browsers
    honour it). Without a path, its name in the run."""
    if path is None:
        url = quote(source_file)
    else:
        try:
            # As bytes: a name that is not UTF-8 (an old system's) is linked by its own bytes.
            url = quote(os.fsencode(Path(os.path.relpath(path.resolve(), out.resolve())).as_posix()))
        except ValueError:  # another drive on Windows: no relative path exists
            url = path.resolve().as_uri()
    page_number = _page(page)
    return f"{url}#page={page_number}" if page_number else url


def _page(page: object) -> int | None:
    try:
        number = int(page)  # type: ignore[call-overload]
    except (TypeError, ValueError):
        return None  # None, pandas NA, "" (Word papers have no pages)
    return number if number > 0 else None
