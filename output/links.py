"""Links from the outputs back to the papers: a relative URL from the output folder to
each source file (``../samples/x.pdf#page=3``), so the report and workbook still work
when the two folders move together."""
from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import quote


def source_path(source_file: str, inputs: tuple[Path, ...]) -> Path | None:
    """The file a ``source_file`` name came from: names are relative to the folder they
    were found in, or a file's own name where a file was given (batch.iter_inputs)."""
    for root in inputs:
        if root.is_file():
            if root.name == source_file:
                return root
        elif (root / source_file).is_file():
            return root / source_file
    return None


def source_href(source_file: str, out: Path, inputs: tuple[Path, ...], page: object = None) -> str:
    """A URL for the paper, relative to ``out``, with ``#page=N`` where the page is known
    (PDF viewers in browsers honour it)."""
    path = source_path(source_file, inputs)
    if path is None:
        url = quote(source_file)
    else:
        try:
            url = quote(Path(os.path.relpath(path.resolve(), out.resolve())).as_posix())
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
