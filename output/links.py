"""Links from the outputs back to the papers: a relative URL from the output folder to
each source file (``../samples/x.pdf#page=3``), so the report and workbook still work
when the two folders move together."""
from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from urllib.parse import quote


def source_path(source_file: str, inputs: tuple[Path, ...]) -> Path | None:
    """The file a ``source_file`` name came from. Names are relative to the one folder
    given, a file's own folder, or the common parent of several inputs (the rule of
    ``actionplans.batch.names_root``, kept here too so that writing never imports the
    readers; tests/test_hostile.py checks that the two agree)."""
    root = _names_root(inputs)
    if root is not None:
        path = Path(root, source_file)
        if path.is_file():
            return path
    for given in inputs:  # names from a run that named them by the folder each was found in
        if given.is_file():
            if given.name == source_file:
                return given
        elif (given / source_file).is_file():
            return given / source_file
    return None


def _names_root(paths: Sequence[Path]) -> str | None:
    bases = [os.path.abspath(p if p.is_dir() else p.parent) for p in paths]
    try:
        return os.path.commonpath(bases) if bases else None
    except ValueError:  # two drives: no common folder
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
