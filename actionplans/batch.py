"""Running the per-file stages (ingest, extract) over a batch of files: the batch loop.

Each file's outcome is data (``PaperResult``): a file that cannot be read becomes a
result with a one-line reason, and the batch goes on. Files are read in reader processes
with a time limit per file and an address-space cap, so a parser that hangs, crashes or
eats memory costs that one file. With a cache folder, a file whose bytes, code and
settings are unchanged is not read again. Everything that reads a file's bytes, hashing
included, happens in its reader, within its limits; the run itself only looks at each
file's size. A reader ends when the run that started it ends, however it ends.

Where each concern lives: walking the inputs, ``actionplans.inputs``; reading one paper,
``actionplans.paper``; inside a reader process, ``actionplans.reader``; starting readers
and running them on this machine, ``actionplans.readers``; on a Dask cluster,
``actionplans.cluster``. This module holds the batch's settings and its loop.
"""
from __future__ import annotations

import logging
import math
import os
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from actionplans.cache import ResultCache, fingerprint
from actionplans.cluster import SchedulerError, run_dask
from actionplans.extract import ExtractSettings
from actionplans.extract.records import PaperResult
from actionplans.ingest import IngestSettings
from actionplans.ingest.errors import ErrorCode
from actionplans.inputs import OUTPUT_NAMES, display_name, iter_inputs, names_root
from actionplans.paper import Read, failure, look_at, read_input
from actionplans.reader import FileStats, Job, Outcome
from actionplans.readers import run_local

log = logging.getLogger("actionplans")

# What callers import from here: the batch's settings and results, and its inputs.
__all__ = ["MIN_MEMORY_MB", "OUTPUT_NAMES", "BatchReport", "BatchSettings", "FileStats", "SchedulerError",
           "default_cache_dir", "display_name", "iter_inputs", "names_root", "run_batch", "run_batch_report"]

OnResult = Callable[[PaperResult], None]


def default_cache_dir() -> Path:
    """The user's cache folder: results are found by content, so every output folder
    (and every copy of a paper) shares them, and the output folder holds only outputs."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "actionplans"


MIN_MEMORY_MB = 512  # the parsers need that much address space


@dataclass(frozen=True)
class BatchSettings:
    """How files are run. ``workers=0`` reads them in this process, without isolation or
    time limit (for debugging a reader)."""

    workers: int = field(default_factory=lambda: os.cpu_count() or 1)
    timeout_s: float = 120.0  # per file, wall clock
    memory_mb: int = 2048  # per file: the child's address-space cap
    cache_dir: Path | None = None  # None: no cache
    scheduler: str | None = None  # a dask.distributed scheduler address, e.g. tcp://host:8786
    # A scanned paper's limit grows by this for each page its reader reads by OCR: a
    # page takes seconds on a busy machine, and a scan is slow by nature, not stuck.
    ocr_page_s: float = 30.0
    connect_timeout_s: float = 5.0  # a scheduler that does not answer by then is reported
    # A cluster with no worker for this long is given up on: the files read are kept,
    # the rest are error rows (a lost cluster would otherwise be waited for for ever).
    no_workers_s: float = 60.0

    def __post_init__(self) -> None:
        if self.workers < 0:
            raise ValueError(f"BatchSettings.workers must be >= 0, not {self.workers}")
        if not 0 < self.timeout_s < math.inf:
            raise ValueError(f"BatchSettings.timeout_s must be > 0, not {self.timeout_s}")
        if self.memory_mb < MIN_MEMORY_MB:
            raise ValueError(f"BatchSettings.memory_mb must be >= {MIN_MEMORY_MB} (the parsers need that), "
                             f"not {self.memory_mb}")
        for name in ("connect_timeout_s", "no_workers_s"):
            if not getattr(self, name) > 0:
                raise ValueError(f"BatchSettings.{name} must be > 0, not {getattr(self, name)}")
        if not self.ocr_page_s >= 0:
            raise ValueError(f"BatchSettings.ocr_page_s must be >= 0, not {self.ocr_page_s}")

    @classmethod
    def resolve(cls, value: BatchSettings | dict[str, Any] | None) -> BatchSettings:
        if value is None:
            return cls()
        if isinstance(value, dict):
            return cls(**value)
        return value

    def for_children(self, ingest: IngestSettings) -> IngestSettings:
        """The ingest settings a child reads with. A LibreOffice conversion must give up
        before the child's own time runs out: the helper processes it starts would
        outlive a killed child."""
        return replace(ingest, convert_timeout_s=min(ingest.convert_timeout_s, self.timeout_s * 0.6))


@dataclass
class BatchReport:
    results: list[PaperResult]
    stats: dict[str, FileStats]  # by source_file


def _run_here(jobs: list[Job]) -> Iterator[Outcome]:
    for job in jobs:
        started = time.perf_counter()
        try:
            done = read_input(job.path, job.source, job.extract, job.ingest, job.cache)
        except MemoryError:
            done = Read(failure(job.source, "out of memory", ErrorCode.MEMORY),
                        cacheable=False)
        stats = FileStats(time.perf_counter() - started, cached=done.cached)
        yield Outcome(job.index, done.result, stats, done.cacheable)


# --- the batch -------------------------------------------------------------------

def run_batch(inputs: list[tuple[Path, str]], settings: ExtractSettings | None = None,
              batch: BatchSettings | None = None, on_result: OnResult | None = None,
              ingest: IngestSettings | None = None) -> list[PaperResult]:
    """One result per input, in input order (see ``run_batch_report``)."""
    return run_batch_report(inputs, settings, batch, on_result, ingest).results


def run_batch_report(inputs: list[tuple[Path, str]], settings: ExtractSettings | None = None,
                     batch: BatchSettings | None = None, on_result: OnResult | None = None,
                     ingest: IngestSettings | None = None) -> BatchReport:
    """The per-file stages (ingest, extract) over a batch.

    Takes (path, source_file name) pairs, as ``iter_inputs`` gives them, and each stage's
    settings. Returns one ``PaperResult`` per input, in input order, with how each file
    went; a file that cannot be read is a result with ``error`` set, never an exception.
    ``on_result`` is called as each file finishes (for a progress display). Raises
    ``SchedulerError`` where a Dask scheduler was named and cannot be used."""
    extract = settings or ExtractSettings()
    batch = batch or BatchSettings()
    children = batch.for_children(ingest or IngestSettings())
    cache = ResultCache(batch.cache_dir, fingerprint(extract, children)) if batch.cache_dir else None
    done: dict[int, Outcome] = {}
    jobs: list[Job] = []
    for index, (path, source) in enumerate(inputs):
        size, refused = look_at(path, children)  # a look only: the bytes are read in the file's child
        if refused is not None:
            result = replace(refused, source_file=source, path=path)
            done[index] = Outcome(index, result, FileStats(), cacheable=False)
            _report(done[index], on_result)
        else:
            jobs.append(Job(index, size, path, source, extract, children, batch.memory_mb, cache,
                            batch.timeout_s, batch.ocr_page_s))
    for outcome in _execute(jobs, batch):
        outcome.result.path = inputs[outcome.index][0]  # where the run found it, whoever read it
        done[outcome.index] = outcome
        _report(outcome, on_result)
        if cache is not None and outcome.cacheable:
            cache.put(outcome.result)
    if cache is not None:
        cache.prune()
    ordered = [done[i] for i in range(len(inputs))]
    return BatchReport([o.result for o in ordered], {o.result.source_file: o.stats for o in ordered})


def _execute(jobs: list[Job], batch: BatchSettings) -> Iterable[Outcome]:
    if not jobs:
        return []
    if batch.scheduler:
        return run_dask(jobs, batch.scheduler, batch.connect_timeout_s, batch.no_workers_s)
    if batch.workers == 0:
        return _run_here(jobs)
    return run_local(jobs, min(batch.workers, len(jobs)))


def _report(outcome: Outcome, on_result: OnResult | None) -> None:
    if outcome.stats.cached:  # -v says which files a re-run did not read again
        log.debug("%s: from the cache", outcome.result.source_file)
    if outcome.notes:
        log.debug("%s:\n%s", outcome.result.source_file, outcome.notes)
    if on_result is not None:
        on_result(outcome.result)

