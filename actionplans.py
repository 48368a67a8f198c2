"""actionplans: Ofsted inspection action plans from council papers, as linked tables.

Command line: ``actionplans extract PATH... -o OUT``. Python: ``extract_folder(path)``.
This module is a thin layer over the four stages: ingest, extract, normalise, output.
"""
from __future__ import annotations

import argparse
import logging
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from batch import BatchSettings, SchedulerError, default_cache_dir, iter_inputs, run_batch
from cache import RunCache
from extract import ExtractSettings
from extract.records import PaperResult
from normalise import NormaliseSettings, Tables, results_to_tables
from output import FORMATS, OutputSettings, parse_formats, still_red, tables_to_frames, write_outputs
from output.progress import ProgressSettings, file_progress

__version__ = "0.1.0"
log = logging.getLogger("actionplans")


@dataclass(frozen=True)
class Settings:
    extract: ExtractSettings = field(default_factory=ExtractSettings)
    normalise: NormaliseSettings = field(default_factory=NormaliseSettings)


def run(paths: list[Path], settings: Settings | None = None, batch: BatchSettings | None = None) -> Tables:
    """The run's tables; ``batch`` says how files are read (workers, limits, cache)."""
    settings = settings or Settings()
    batch = batch or BatchSettings()
    results = run_batch(iter_inputs(paths), settings.extract, batch)
    return _tables(results, settings.normalise, batch.cache_dir)


def _tables(results: list[PaperResult], settings: NormaliseSettings, cache_dir: Path | None) -> Tables:
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
    dates as ISO strings, pages as nullable integers)."""
    return tables_to_frames(run([Path(path)], settings))


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="actionplans", description=__doc__.splitlines()[0])
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)
    ex = sub.add_parser("extract", help="read papers and write the tables (CSV, JSON, Excel) and report.html",
                        description="Read a folder (or files) of council papers, PDF and Word, and write "
                                    "the action-plan tables to OUT.")
    ex.add_argument("paths", nargs="+", type=Path, metavar="PATH", help="folders or files of papers")
    ex.add_argument("-o", "--out", type=Path, default=Path("extracted"), help="output folder (default: extracted)")
    ex.add_argument("-f", "--format", type=_formats, default=FORMATS, metavar="LIST",
                    help=f"outputs to write, comma-separated, from {','.join(FORMATS)} (default: all); "
                         "csv brings datapackage.json, and documents.csv is always written")
    ex.add_argument("-q", "--quiet", action="store_true", help="print only errors: no progress bar, no summary")
    ex.add_argument("-v", "--verbose", action="store_true", help="show tracebacks for files that fail")
    default = BatchSettings()
    ex.add_argument("-j", "--workers", type=int, default=default.workers, metavar="N",
                    help=f"files read at once, each in its own process (default: {default.workers}, one per core; "
                         "0 reads in this process, without limits)")
    ex.add_argument("--timeout", type=float, default=default.timeout_s, metavar="SECONDS",
                    help=f"time limit per file; a file over it is an error row (default: {default.timeout_s:g})")
    ex.add_argument("--memory-mb", type=int, default=default.memory_mb, metavar="MIB",
                    help=f"memory cap per file (default: {default.memory_mb})")
    ex.add_argument("--cache-dir", type=Path, default=default_cache_dir(), metavar="DIR",
                    help="where results are kept, by file content, so a re-run reads only changed files "
                         "(default: %(default)s)")
    ex.add_argument("--no-cache", action="store_true", help="read every file again, and keep no results")
    ex.add_argument("--scheduler", metavar="ADDRESS",
                    help="run the files on a Dask cluster (e.g. tcp://host:8786); workers must see the same paths")
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        return int(exc.code or 0)
    logging.basicConfig(level=logging.DEBUG if args.verbose else logging.WARNING, format="%(message)s")
    missing = [p for p in args.paths if not p.exists()]
    if missing:
        print(f"actionplans: error: no such file or folder: {missing[0]}", file=sys.stderr)
        return 2
    if args.out.exists() and not args.out.is_dir():
        print(f"actionplans: error: output folder is a file: {args.out}", file=sys.stderr)
        return 2
    try:
        batch = BatchSettings(workers=args.workers, timeout_s=args.timeout, memory_mb=args.memory_mb,
                              cache_dir=None if args.no_cache else args.cache_dir, scheduler=args.scheduler)
    except ValueError as exc:
        print(f"actionplans: error: {exc}", file=sys.stderr)
        return 2
    inputs = iter_inputs(args.paths)
    with file_progress(len(inputs), ProgressSettings(enabled=not args.quiet)) as bar:
        # The bar moves as each paper is read, whichever worker read it.
        try:
            results = run_batch(inputs, batch=batch, on_result=lambda _: bar.update(1))
        except SchedulerError as exc:
            print(f"actionplans: error: {exc}", file=sys.stderr)
            return 2
    tables = _tables(results, NormaliseSettings(), batch.cache_dir)
    try:
        write_outputs(tables, args.out, OutputSettings(formats=args.format, inputs=tuple(args.paths)))
    except OSError as exc:
        log.debug("cannot write", exc_info=True)
        print(f"actionplans: error: cannot write to {args.out}: {exc.strerror or exc}"
              + (" (is a file open in another program?)" if isinstance(exc, PermissionError) else ""),
              file=sys.stderr)
        return 2
    failed = [d for d in tables.documents if d.status == "error"]
    for d in failed:
        print(f"actionplans: {d.source_file}: {d.message}", file=sys.stderr)
    if not args.quiet:
        counts = {s: sum(d.status == s for d in tables.documents) for s in ("ok", "no_plan", "error")}
        # Red now: in each plan's latest version, where versions were linked; else every Red row.
        red = still_red(tables.progress) if tables.progress else sum(a.rag == "Red" for a in tables.actions)
        print(f"{len(tables.documents)} files: {counts['ok']} ok, {counts['no_plan']} no plan, "
              f"{counts['error']} failed; {len(tables.actions)} actions, {red} red -> {args.out}/ "
              f"({', '.join(args.format)})")
    return 1 if failed else 0


def _formats(text: str) -> tuple[str, ...]:
    try:
        return parse_formats(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


if __name__ == "__main__":
    sys.exit(main())
