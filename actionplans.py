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

from batch import iter_inputs, run_batch
from extract import ExtractSettings
from normalise import NormaliseSettings, Tables, results_to_tables
from output import tables_to_frames, write_outputs

__version__ = "0.1.0"
log = logging.getLogger("actionplans")


@dataclass(frozen=True)
class Settings:
    extract: ExtractSettings = field(default_factory=ExtractSettings)
    normalise: NormaliseSettings = field(default_factory=NormaliseSettings)


def run(paths: list[Path], settings: Settings | None = None) -> Tables:
    settings = settings or Settings()
    results = run_batch(iter_inputs(paths), settings.extract)
    return results_to_tables(results, settings.normalise)


def extract_folder(path: str | Path, settings: Settings | None = None) -> dict[str, pd.DataFrame]:
    """The run's tables for one folder of papers, as pandas DataFrames by name."""
    return tables_to_frames(run([Path(path)], settings))


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="actionplans", description=__doc__.splitlines()[0])
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)
    ex = sub.add_parser("extract", help="read papers and write actions.csv, actions.json, documents.csv",
                        description="Read a folder (or files) of council papers, PDF and Word, and write "
                                    "the action-plan tables to OUT.")
    ex.add_argument("paths", nargs="+", type=Path, metavar="PATH", help="folders or files of papers")
    ex.add_argument("-o", "--out", type=Path, default=Path("extracted"), help="output folder (default: extracted)")
    ex.add_argument("-q", "--quiet", action="store_true", help="print only errors")
    ex.add_argument("-v", "--verbose", action="store_true", help="show tracebacks for files that fail")
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
    tables = run(args.paths)
    write_outputs(tables, args.out)
    failed = [d for d in tables.documents if d.status == "error"]
    for d in failed:
        print(f"actionplans: {d.source_file}: {d.message}", file=sys.stderr)
    if not args.quiet:
        counts = {s: sum(d.status == s for d in tables.documents) for s in ("ok", "no_plan", "error")}
        red = sum(a.rag == "Red" for a in tables.actions)
        print(f"{len(tables.documents)} files: {counts['ok']} ok, {counts['no_plan']} no plan, "
              f"{counts['error']} failed; {len(tables.actions)} actions, {red} red -> {args.out}/")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
