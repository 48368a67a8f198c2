"""The library's entry points: ``run`` (the run's tables) and ``extract_folder`` (as DataFrames).

Each takes the one settings tree (``actionplans.settings.Settings``) that reaches every
stage; the command line (``actionplans.cli``) is a thin layer over them.
"""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from actionplans.batch import BatchSettings, iter_inputs, run_batch
from actionplans.cache import RunCache
from actionplans.extract.records import PaperResult
from actionplans.normalise import NormaliseSettings, Tables, results_to_tables
from actionplans.output import tables_to_frames
from actionplans.settings import Settings


def run(paths: list[Path], settings: Settings | None = None, batch: BatchSettings | None = None) -> Tables:
    """The run's tables for the papers under ``paths``.

    Takes the folders or files to read, the settings tree (default: every default) and,
    optionally, batch settings that replace ``settings.batch``. Returns the normalised
    ``Tables``. A paper that cannot be read is a ``documents`` row with status ``error``,
    never an exception; raises ``SchedulerError`` only where a Dask cluster was named and
    cannot be used."""
    settings = Settings.resolve(settings)
    batch = batch or settings.batch
    results = run_batch(iter_inputs(paths), settings.extract, batch, ingest=settings.ingest)
    return tables_from_results(results, settings.normalise, batch.cache_dir)


def tables_from_results(results: list[PaperResult], settings: NormaliseSettings, cache_dir: Path | None) -> Tables:
    """The normalised tables; from the run cache where every paper's result is as it was."""
    cache = RunCache[Tables](cache_dir) if cache_dir is not None else None
    key = RunCache.key(results, settings) if cache is not None else None
    tables = cache.get(key) if cache is not None and key else None
    if tables is None:
        tables = results_to_tables(results, settings)
        if cache is not None and key:
            cache.put(key, tables)
    return tables


def extract_folder(path: str | Path, settings: Settings | None = None) -> dict[str, pd.DataFrame]:
    """The run's tables for one folder of papers, as pandas DataFrames by name: actions,
    progress, summary, documents, abbreviations (the columns of the CSVs of those names;
    dates as ISO strings, pages as nullable integers). Raises as ``run`` does."""
    return tables_to_frames(run([Path(path)], settings))
