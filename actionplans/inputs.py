"""Walking the inputs: every file under the folders and files given, with its name in the
run, in a stable order; the run's own outputs never read as papers."""
from __future__ import annotations

import logging
import os
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

from actionplans.output.owned import EVIDENCE_FOLDER, OUTPUT_NAMES, holds_a_run, is_ours
from actionplans.vocabulary import FOLDER_VOCABULARY  # a folder's own vocabulary: not a paper

log = logging.getLogger("actionplans")

# What a run writes (actionplans.output.owned) is never read as a paper where a run wrote
# it: in its output folder, or in a folder holding its record (documents.csv or
# datapackage.json as written there), or marked as ours (the report, the workbook).


def iter_inputs(paths: Sequence[Path], exclude: Iterable[Path] = ()) -> list[tuple[Path, str]]:
    """Every file under ``paths`` (hidden files and folders skipped), with its name as the
    outputs show it, in a stable order. Names are unique in the run: relative to the one
    folder given (or a file's own folder), or to the common parent of several inputs
    (``dirA/plan.docx``, ``dirB/plan.docx``). Broken links and link loops are listed too:
    each must get its row. Folders in ``exclude`` (the run's own output folder) and files
    a run wrote are not listed."""
    root = names_root(paths)
    skip = _identities(exclude)
    found: list[tuple[Path, str]] = []
    listed: set[str] = set()
    names: set[str] = set()
    for top in paths:
        if top.is_dir():
            files = list(_walk(top, skip, set(), top=True))
        else:
            files = [] if is_ours(top) else [top]
        named = sorted(((path, display_name(_name(path, top, root))) for path in files), key=lambda item: item[1])
        for path, name in named:
            where = os.path.abspath(path)
            if where in listed:  # an input inside another input
                continue
            listed.add(where)
            found.append((path, _unique(name, names)))
    return found


def names_root(paths: Sequence[Path]) -> str | None:
    """The folder ``source_file`` names are relative to: the one folder given, a file's own
    folder, or the common parent of several inputs; None where they share none (two
    drives). output/links.py finds the files again by the same rule."""
    bases = [os.path.abspath(p if p.is_dir() else p.parent) for p in paths]
    try:
        return os.path.commonpath(bases) if bases else None
    except ValueError:
        return None


def _name(path: Path, top: Path, root: str | None) -> str:
    if root is None:  # inputs on two drives: names as found, unique by _unique
        return path.relative_to(top).as_posix() if top.is_dir() else path.name
    return Path(os.path.relpath(os.path.abspath(path), root)).as_posix()


def _unique(name: str, names: set[str]) -> str:
    """The name, or where it is taken (two names that differ only in bytes that are not
    UTF-8), the name with a counter: every row of a run names one file."""
    unique, n = name, 1
    while unique in names:
        n += 1
        stem, dot, suffix = name.rpartition(".")
        unique = f"{stem} ({n}).{suffix}" if dot and stem else f"{name} ({n})"
    names.add(unique)
    return unique


def _identities(folders: Iterable[Path]) -> set[tuple[int, int]]:
    out = set()
    for folder in folders:
        try:
            info = folder.stat()
        except OSError:
            continue  # not made yet: nothing in it to skip
        out.add((info.st_dev, info.st_ino))
    return out


def _walk(folder: Path, skip: set[tuple[int, int]], seen: set[tuple[int, int]], top: bool = False) -> Iterator[Path]:
    try:
        info = folder.stat()
        identity = (info.st_dev, info.st_ino)
        if identity in seen or (identity in skip and not top):
            return  # a link back up the tree, or the run's own output folder
        seen.add(identity)
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError as exc:
        log.warning("cannot list %s (%s)", folder, exc.strerror)
        return
    # Output written into the input folder itself (-o IN): its outputs only are skipped.
    ours = identity in skip or holds_a_run(folder, {e.name for e in entries})
    for entry in entries:
        if entry.name.startswith(".") or entry.name == FOLDER_VOCABULARY:
            continue
        path = Path(entry.path)
        try:
            is_dir = entry.is_dir()  # follows links: a linked folder is read like any other
        except OSError:
            is_dir = False
        if is_dir:
            if not (ours and entry.name == EVIDENCE_FOLDER):  # a run's evidence: its pictures are no papers
                yield from _walk(path, skip, seen)
        elif not (entry.name in OUTPUT_NAMES and (ours or is_ours(path))):
            yield path


def display_name(name: str) -> str:
    """The name as text that can be written anywhere: bytes that are not UTF-8 (a file
    named on an old system) show as U+FFFD rather than failing the outputs."""
    return os.fsencode(name).decode("utf-8", errors="replace")

