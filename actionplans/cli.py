"""The command line: ``actionplans extract PATH... -o OUT``, a thin layer over the library.

Domain errors print one line (``actionplans: error: ...``) and exit 2; ``-v`` shows
tracebacks. Exit status: 0 every file was read (files skipped as plainly not papers
included), 1 some could not be, 2 usage error.
"""
from __future__ import annotations

import argparse
import logging
import os
import sys
import textwrap
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from actionplans import __version__
from actionplans.api import MissingInput, run
from actionplans.batch import MIN_MEMORY_MB, BatchSettings, SchedulerError, default_cache_dir
from actionplans.explain import explain_paper, explanation_to_text
from actionplans.extract.records import PaperResult
from actionplans.ingest import IngestError
from actionplans.normalise import Tables
from actionplans.output import FORMATS, OutputSettings, parse_formats, still_red, write_outputs
from actionplans.output.progressbar import ProgressBarSettings, file_progress
from actionplans.settings import Settings, SettingsError
from actionplans.vocabulary import FOLDER_VOCABULARY, Vocabulary, VocabularyError, load_vocabulary

log = logging.getLogger("actionplans")
FORMATS_READ = ("PDF, Word (.docx, .doc with LibreOffice), OpenDocument (.odt, .ods), Excel (.xlsx, .xlsm, .xls) "
                "and saved web pages (.html, .mhtml); scans with the OCR extra")
DESCRIPTION = textwrap.fill("Action plans (inspection, audit, scrutiny, equality, delivery) from council committee "
                            "papers, as linked tables. Reads " + FORMATS_READ + ".", 88)
EPILOG = """exit status:
  0  every file was read (files skipped as plainly not papers included)
  1  the run finished, but some files could not be read (listed on stderr and in documents.csv)
  2  usage error: a bad option, path, setting or vocabulary file; nothing is read

examples:
  actionplans extract "Committee papers 2024" -o results
  actionplans extract papers/ --format csv,xlsx --set normalise.versions.link_min=70
  actionplans explain "Committee papers 2024/Cabinet 12 March.pdf"
"""


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="actionplans", description=DESCRIPTION, epilog=EPILOG,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)
    ex = sub.add_parser("extract", help="read papers and write the tables (CSV, JSON, Excel) and report.html",
                        description="Read a folder (or files) of council papers and write the action-plan "
                                    "tables to OUT. Reads " + FORMATS_READ + ".",
                        epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    ex.add_argument("paths", nargs="+", type=Path, metavar="PATH", help="folders or files of papers")
    ex.add_argument("-o", "--out", type=Path, default=Path("extracted"), help="output folder (default: extracted)")
    ex.add_argument("-f", "--format", type=_formats, default=FORMATS, metavar="LIST",
                    help=f"outputs to write, comma-separated, from {','.join(FORMATS)} (default: all); "
                         "csv brings datapackage.json, and documents.csv is always written")
    ex.add_argument("-q", "--quiet", action="store_true", help="print only errors: no progress bar, no summary")
    ex.add_argument("--evidence", action="store_true",
                    help="beside every row, its evidence in evidence/: a PDF row's picture cut from its page, a "
                         "Word or web row's cells as printed (actions.csv's evidence column; shown in report.html)")
    ex.add_argument("-v", "--verbose", action="store_true", help="show tracebacks for files that fail")
    default = BatchSettings()
    ex.add_argument("-j", "--workers", type=int, default=default.workers, metavar="N",
                    help=f"files read at once, each in its own process (default: {default.workers}, one per core; "
                         "0 reads in this process, without limits)")
    ex.add_argument("--timeout", type=_seconds, default=default.timeout_s, metavar="SECONDS",
                    help=f"time limit per file; a file over it is an error row (default: {default.timeout_s:g})")
    ex.add_argument("--memory-mb", type=_memory_mb, default=default.memory_mb, metavar="MIB",
                    help=f"memory cap per file (default: {default.memory_mb})")
    ex.add_argument("--cache-dir", type=Path, default=default_cache_dir(), metavar="DIR",
                    help="where results are kept, by file content, so a re-run reads only changed files "
                         "(default: %(default)s)")
    ex.add_argument("--no-cache", action="store_true", help="read every file again, and keep no results")
    ex.add_argument("--scheduler", metavar="ADDRESS",
                    help="run the files on a Dask cluster (e.g. tcp://host:8786); workers must see the same paths")
    ex.add_argument("--vocabulary", type=Path, action="append", default=[], metavar="FILE",
                    help="a TOML file of your own header words, status words and officer codes, added to the "
                         "shipped vocabulary (repeatable); an actionplans.toml in an input folder is read too")
    ex.add_argument("--set", action="append", default=[], metavar="KEY=VALUE", dest="settings",
                    help="any setting of any stage, by its dotted name (repeatable), e.g. "
                         "ingest.pdf.prefilter.min_pages=20 or normalise.versions.link_min=70")
    exp = sub.add_parser("explain", help="show, table by table, what a paper's headers were read as and why "
                                         "each table is or is not a plan",
                         description="Explain one paper: each table's pages, each header cell with the role it got "
                                     "(and how sure), and the verdict with its reason. Reads " + FORMATS_READ + ".",
                         epilog="exit status: 0 explained, 1 the paper could not be read, 2 usage error\n\n"
                                'example:\n  actionplans explain "papers/Cabinet 12 March.pdf"',
                         formatter_class=argparse.RawDescriptionHelpFormatter)
    exp.add_argument("paper", type=Path, metavar="PAPER", help="one paper, in any format extract reads")
    exp.add_argument("--vocabulary", type=Path, action="append", default=[], metavar="FILE",
                     help="a vocabulary file to add, as for extract")
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        return int(exc.code or 0)
    if args.command == "explain":
        return _explain(args)
    with _console(args.verbose):
        return _extract(args)


def _extract(args: argparse.Namespace) -> int:
    if args.out.exists() and not args.out.is_dir():
        print(f"actionplans: error: output folder is a file: {args.out}", file=sys.stderr)
        return 2
    try:
        settings = _settings(args)
    except (SettingsError, ValueError) as exc:
        print(f"actionplans: error: {exc}", file=sys.stderr)
        return 2
    with file_progress(0, ProgressBarSettings(enabled=not args.quiet)) as bar:  # its size: as the first is read
        def heard(_: PaperResult, total: int) -> None:  # the bar moves as each paper is read, by any reader
            bar.total = total
            bar.update(1)

        try:  # a run never reads what runs write: its own output folder (nor the cache)
            tables = run(args.paths, settings, on_result=heard, exclude=[args.out])
        except MissingInput as exc:
            print(f"actionplans: error: no such file or folder: {exc.filename}", file=sys.stderr)
            return 2
        except SchedulerError as exc:
            print(f"actionplans: error: {exc}", file=sys.stderr)
            return 2
    try:
        write_outputs(tables, args.out, settings.output)
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
        counts = {s: sum(d.status == s for d in tables.documents) for s in ("ok", "no_plan", "error", "skipped")}
        skipped = f", {counts['skipped']} skipped (not papers)" if counts["skipped"] else ""
        print(f"{len(tables.documents)} files: {counts['ok']} ok, {counts['no_plan']} no plan, "
              f"{counts['error']} failed{skipped}; {_actions_line(tables)} -> {args.out}/ "
              f"({', '.join(args.format)})")
    return 1 if failed else 0


def _actions_line(tables: Tables) -> str:
    """"172 action rows (43 in the plans' latest versions), 5 red": every row of every
    paper, and the count the report shows, the actions of each plan's latest version, so
    the two figures a user sees agree. Red counts those latest actions."""
    if not tables.progress:  # no versions linked: every row is an action as it stands
        return f"{len(tables.actions)} actions, {sum(a.rag == 'Red' for a in tables.actions)} red"
    latest = sum(not p.dropped for p in tables.progress)
    red = still_red(tables.progress)
    if latest == len(tables.actions):
        return f"{latest} actions, {red} red"
    return f"{len(tables.actions)} action rows ({latest} in the plans' latest versions), {red} red"


@contextmanager
def _console(verbose: bool) -> Iterator[None]:
    """This run's messages on stderr: ours; with -v also our tracebacks and the parsers' own
    warnings (pdfminer's "Could not get FontBBox", which nobody can act on). Logging is
    left as it was after the run, for a caller in the same process."""
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(message)s"))
    if not verbose:
        handler.addFilter(lambda record: record.name.partition(".")[0] == "actionplans")
    root, ours = logging.getLogger(), logging.getLogger("actionplans")
    levels = root.level, ours.level
    root.addHandler(handler)
    root.setLevel(logging.WARNING)  # the parsers' debug logging is never even made: it slows them
    ours.setLevel(logging.DEBUG if verbose else logging.WARNING)
    logging.captureWarnings(True)  # warnings.warn from a parser, filtered as its logging is
    try:
        yield
    finally:
        logging.captureWarnings(False)
        root.removeHandler(handler)
        root.setLevel(levels[0])
        ours.setLevel(levels[1])


def _settings(args: argparse.Namespace) -> Settings:
    """The settings tree: options first, then ``--set`` values over them."""
    batch = BatchSettings(workers=args.workers, timeout_s=args.timeout, memory_mb=args.memory_mb,
                          cache_dir=None if args.no_cache else args.cache_dir, scheduler=args.scheduler)
    output = OutputSettings(formats=args.format, inputs=tuple(args.paths), evidence=args.evidence)
    vocabulary = _vocabulary(args.vocabulary, args.paths)
    return Settings(batch=batch, output=output, vocabulary=vocabulary).with_values(args.settings)


def _vocabulary(files: list[Path], inputs: list[Path]) -> Vocabulary | None:
    """The shipped vocabulary with the user's additions: each input folder's own
    actionplans.toml, then the files named. None where there are none. Raises
    VocabularyError (a ValueError) naming the file, line and key."""
    found = [folder / FOLDER_VOCABULARY for folder in inputs if (folder / FOLDER_VOCABULARY).is_file()]
    return load_vocabulary(*found, *files) if found or files else None


def _explain(args: argparse.Namespace) -> int:
    if not args.paper.is_file():
        print(f"actionplans: error: no such file: {args.paper}", file=sys.stderr)
        return 2
    try:
        vocabulary = _vocabulary(args.vocabulary, [args.paper.parent])
        explanation = explain_paper(args.paper, Settings(vocabulary=vocabulary))
    except VocabularyError as exc:
        print(f"actionplans: error: {exc}", file=sys.stderr)
        return 2
    except IngestError as exc:
        print(f"actionplans: {args.paper.name}: {exc.message}", file=sys.stderr)
        return 1
    print(explanation_to_text(args.paper.name, explanation), end="")
    return 0


def _seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of seconds: {text!r}") from None
    if not _allowed(timeout_s=value):
        raise argparse.ArgumentTypeError(f"must be a number of seconds above 0, not {text!r}")
    return value


def _allowed(**values: float) -> bool:
    """Whether BatchSettings, which holds the rules, takes these values: an option's
    check is the setting's own, said in the option's words."""
    try:
        BatchSettings(**values)  # type: ignore[arg-type]
    except ValueError:
        return False
    return True


def machine_memory_mb() -> int | None:
    try:
        return os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") >> 20
    except (ValueError, OSError, AttributeError):
        return None


def _memory_mb(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number of MiB: {text!r}") from None
    total = machine_memory_mb()
    if not _allowed(memory_mb=value):
        raise argparse.ArgumentTypeError(f"must be at least {MIN_MEMORY_MB} MiB (the parsers need that), not {value}")
    if total is not None and value > total:
        raise argparse.ArgumentTypeError(f"{value} MiB is more than this machine has ({total} MiB)")
    return value


def _formats(text: str) -> tuple[str, ...]:
    try:
        return parse_formats(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None

