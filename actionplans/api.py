"""The library's entry points: ``run`` (the run's tables) and ``extract_folder`` (as DataFrames).

``run`` is the one composition of the run: inputs walked, each paper read (ingest,
extract) by the batch, the results normalised into the run's tables. The command line
(``actionplans.cli``), ``extract_folder`` and the benchmarks all call it. Each takes the one
settings tree (``actionplans.settings.Settings``, or the nested dict of values to change)
that reaches every stage.
"""
from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, TypedDict, Union

import pandas as pd

from actionplans.batch import BatchReport, BatchSettings, iter_inputs, run_batch_report
from actionplans.cache import RunCache
from actionplans.extract.records import PaperResult
from actionplans.normalise import NormaliseSettings, Tables, results_to_tables
from actionplans.output import tables_to_frames
from actionplans.settings import Settings
from actionplans.vocabulary import Vocabulary

PathLike = Union[str, "os.PathLike[str]"]
# Called as each paper is read, whichever reader read it: its result, and how many papers
# the run holds (for a progress bar).
OnProgress = Callable[[PaperResult, int], None]


class SettingsValues(TypedDict, total=False):
    """The settings as a nested dict of the values to change, each stage's by its name
    (``{"normalise": {"versions": {"link_min": 70}}}``); keys as in ``Settings``."""

    ingest: dict[str, Any]
    extract: dict[str, Any]
    normalise: dict[str, Any]
    batch: dict[str, Any]
    output: dict[str, Any]
    vocabulary: Vocabulary


class MissingInput(FileNotFoundError):
    """An input path that does not exist; ``filename`` is the path as given."""


@dataclass(frozen=True)
class RunReport:
    """A run's tables, and how each paper's reading went (``BatchReport``: results, stats)."""

    tables: Tables
    batch: BatchReport


def run(paths: PathLike | Iterable[PathLike], settings: Settings | SettingsValues | None = None,
        batch: BatchSettings | None = None, on_result: OnProgress | None = None,
        exclude: Iterable[PathLike] = ()) -> Tables:
    """The run's tables for the papers under ``paths``.

    Takes a folder or file, or several (``str`` or ``Path``), the settings tree (default:
    every default; or a nested dict of values to change) and, optionally, batch settings
    that replace ``settings.batch``, a callback heard as each paper is read, and folders
    whose files are not read (an output folder; the cache folder never is). Returns the
    normalised ``Tables``. A paper that cannot be read is a ``documents`` row with status
    ``error``, never an exception; raises ``FileNotFoundError`` naming a path that does
    not exist, and ``SchedulerError`` where a Dask cluster was named and cannot be used."""
    return run_report(paths, settings, batch, on_result, exclude).tables


def run_report(paths: PathLike | Iterable[PathLike], settings: Settings | SettingsValues | None = None,
               batch: BatchSettings | None = None, on_result: OnProgress | None = None,
               exclude: Iterable[PathLike] = ()) -> RunReport:
    """``run``, with how each paper's reading went (for benchmarks)."""
    inputs = input_paths(paths)
    tree = Settings.resolve(settings)
    batch = batch or tree.batch
    skip = [Path(p) for p in exclude] + ([batch.cache_dir] if batch.cache_dir else [])
    found = iter_inputs(inputs, exclude=skip)
    heard = (lambda result: on_result(result, len(found))) if on_result is not None else None
    report = run_batch_report(found, tree.extract, batch, heard, tree.ingest)
    return RunReport(tables_from_results(report.results, tree.normalise, batch.cache_dir), report)


def input_paths(paths: PathLike | Iterable[PathLike]) -> list[Path]:
    """The inputs as paths: one or many, ``str`` or ``Path``. Raises FileNotFoundError
    naming the first that does not exist (a broken link given is one; inside a folder it
    is a row)."""
    listed: Sequence[PathLike] = [paths] if isinstance(paths, str | os.PathLike) else list(paths)
    out = [Path(p) for p in listed]
    for path in out:
        if not path.exists():
            raise MissingInput(2, "no such file or folder", str(path))
    return out


def tables_from_results(results: list[PaperResult], settings: NormaliseSettings, cache_dir: Path | None) -> Tables:
    """The normalised tables; from the run cache where every paper's result is as it was
    (wherever the papers are now: their paths are set afresh)."""
    cache = RunCache[Tables](cache_dir) if cache_dir is not None else None
    key = RunCache.key([replace(r, path=None) for r in results], settings) if cache is not None else None
    tables = cache.get(key) if cache is not None and key else None
    if tables is None:
        tables = results_to_tables(results, settings)
        if cache is not None and key:
            cache.put(key, tables)
    return replace(tables, paths={r.source_file: r.path for r in results if r.path is not None})


def extract_folder(path: PathLike | Iterable[PathLike], settings: Settings | SettingsValues | None = None
                   ) -> dict[str, pd.DataFrame]:
    """The run's tables for a folder of papers (or files, or several), as pandas DataFrames
    by name: actions, progress, summary, documents, abbreviations (the columns of the CSVs
    of those names; dates as ISO strings, pages as nullable integers). Raises as ``run`` does."""
    return tables_to_frames(run(path, settings))
