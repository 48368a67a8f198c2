"""``make bench``: speed and memory on a council's real archive (``../shared/corpus/
council-papers`` where present, else the synthetic batch) and on a reproducible synthetic
batch, each next to its floor or baseline measured in the same run: the PDFium text pass
over the same files, and pdfplumber's ``extract_tables()`` on every page.

The archive holds the development set's plan PDFs beside its papers, and the first pass's
recall is measured on every PDF of the test papers and the development set too: every
page where a run that analyses every page finds action rows must be picked.
``--only pack,archive,filter`` runs just those parts.

Prints the figures, then one line per target measured:

    first-pass recall: pages with plan rows not analysed: N of M   (target 0)
    real archive: N pages/s on 2 workers, F of the PDFium text-pass floor   (target >= 1/3, output identical)
    agenda-pack speedup vs naive: N.Nx      (target >= 40x, with the same rows)
    2-worker scaling: N.NNx                 (200 papers; target >= 1.8x, < 500 MiB per worker)
    unchanged re-run: N.N s                 (run(), caches warm; target < 2 s)
    memory: N MiB per 1,000 actions         (linear: the same per 1,000 at every size)
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from bench.synth import PLAN_PDF, BatchSpec, paper_kinds, synthetic_batch

ROOT = Path(__file__).resolve().parent.parent
ARCHIVE = ROOT.parent / "shared" / "corpus" / "council-papers"
EXAMPLES = ROOT.parent / "shared" / "realworld-examples"
# The test papers whose PDFs the first pass must not lose a plan page of.
TEST_PAPERS = (ROOT / "samples", *sorted((ROOT / "tests" / "fixtures").iterdir()))
PARTS = ("pack", "archive", "filter", "batch", "rerun", "memory")
MEMORY_SIZES = (250, 750, 1500, 3000)  # actions per version; two versions each


@dataclass
class Figures:
    pack_pages: int = 0
    pack_ours_s: float = 0.0
    pack_naive_s: float = 0.0
    pack_rows: int = 0
    plan_rows: int = 0
    same_rows: bool = False
    papers: int = 0
    pages: int = 0
    one_worker_s: float = 0.0
    two_workers_s: float = 0.0
    median_s: float = 0.0
    p95_s: float = 0.0
    peak_mb: float = 0.0
    errors: int = 0
    rerun_s: float = 0.0
    rerun_batch_s: float = 0.0
    rerun_normalise_s: float = 0.0
    rerun_command_s: float = 0.0
    pack_analysed: int = 0
    readers: int = 0
    archive: ArchiveFigures = field(default_factory=lambda: ArchiveFigures())
    filter: FilterFigures = field(default_factory=lambda: FilterFigures())
    memory: list[dict[str, float]] = field(default_factory=list)
    memory_redraft: list[dict[str, float]] = field(default_factory=list)
    batch_memory: dict[str, float] = field(default_factory=dict)


@dataclass
class ArchiveFigures:
    name: str = ""
    files: int = 0
    pages: int = 0  # PDF pages
    floor_s: float = 0.0  # PDFium text pass, one core
    ours_s: float = 0.0  # 2 workers, median of 3
    full_s: float = 0.0  # 2 workers, every page through the full analysis
    same_actions: bool = False
    same_status: bool = False
    actions: int = 0
    meta_differ: int = 0  # documents whose title, date, council or judgement differ
    analysed: int = 0  # pages the first pass sent to the full analysis
    analysed_with_rows: int = 0
    pages_with_rows: int = 0
    missed: int = 0  # pages holding plan rows in the full run that the pass did not pick
    plans_added: int = 0  # the development set's plan PDFs put in beside the archive's papers


@dataclass
class FilterFigures:
    """The first pass's recall on PDFs that hold plans: every page where the full
    analysis of every page finds action rows must be picked."""

    papers: int = 0
    pages: int = 0
    pages_with_rows: int = 0
    missed: int = 0


def _timed(fn: Callable[[], object]) -> tuple[float, object]:
    started = time.perf_counter()
    value = fn()
    return time.perf_counter() - started, value


def _rows(path: Path) -> list[tuple[str, ...]]:
    """The actions read from one paper, without the page (a pack moves the plan's pages)."""
    from actionplans.extract import document_to_extraction
    from actionplans.ingest import read_document

    ex = document_to_extraction(read_document(path, path.name))
    return [(a.recommendation_number, a.recommendation_text, a.action_number, a.action_text, a.lead_raw, a.rag_raw)
            for a in ex.actions]


def naive(path: Path) -> int:
    """The baseline: every page through pdfplumber's table finder."""
    import pdfplumber

    found = 0
    with pdfplumber.open(str(path)) as pdf:
        for page in pdf.pages:
            found += len(page.extract_tables())
            page.close()
    return found


def measure_pack(pack: Path, figures: Figures, repeats: int) -> None:
    import pypdfium2 as pdfium

    from actionplans.ingest.prefilter import PrefilterSettings, survey_pdf

    figures.pack_pages = len(pdfium.PdfDocument(str(pack)))
    survey = survey_pdf(pack, PrefilterSettings())
    figures.pack_analysed = len(survey.analyse) if survey is not None else figures.pack_pages
    plan = _rows(PLAN_PDF)  # also warms up the imports
    ours = [_timed(lambda: _rows(pack)) for _ in range(repeats)]
    figures.pack_ours_s = statistics.median(t for t, _ in ours)
    rows = ours[0][1]
    assert isinstance(rows, list)
    figures.pack_rows, figures.plan_rows, figures.same_rows = len(rows), len(plan), rows == plan
    figures.pack_naive_s, _ = _timed(lambda: naive(pack))
    print(f"pack: {figures.pack_pages} pages; ours {figures.pack_ours_s:.2f} s "
          f"({figures.pack_pages / figures.pack_ours_s:.0f} pages/s), naive {figures.pack_naive_s:.1f} s "
          f"({figures.pack_pages / figures.pack_naive_s:.1f} pages/s); rows {figures.pack_rows} "
          f"{'==' if figures.same_rows else '!='} plan alone {figures.plan_rows}; full analysis of "
          f"{figures.pack_analysed} pages", flush=True)


def pdfium_floor(paths: list[Path]) -> tuple[float, int]:
    """The floor: PDFium's text of every page of the PDFs, on one core (seconds, pages)."""
    import pypdfium2 as pdfium

    pages = 0
    started = time.perf_counter()
    for path in paths:
        try:
            doc = pdfium.PdfDocument(str(path))
        except pdfium.PdfiumError:
            continue
        for i in range(len(doc)):
            page = doc[i]
            text = page.get_textpage()
            text.get_text_range()
            text.close()
            page.close()
            pages += 1
        doc.close()
    return time.perf_counter() - started, pages


def plan_pdfs(examples: Path = EXAMPLES) -> list[Path]:
    """The development set's PDFs that hold a plan (their truth has action rows): what a
    real archive holds beside its budgets and minutes."""
    found = []
    for truth in sorted((examples / "truth").glob("*.pdf.json")):
        data = json.loads(truth.read_text(encoding="utf-8"))
        if data.get("actions") and (examples / "docs" / data["source_file"]).is_file():
            found.append(examples / "docs" / data["source_file"])
    return found


def measure_archive(folder: Path, figures: Figures, repeats: int, plans: list[Path] | None = None) -> None:
    """A council's papers, with the development set's plans put in beside them: ours on
    2 workers (no cache) against the PDFium floor, and against a run that gives every page
    the full analysis: the same output?"""
    from actionplans.api import run_report
    from actionplans.batch import BatchSettings
    from actionplans.ingest import IngestSettings, PdfSettings
    from actionplans.ingest.prefilter import PrefilterSettings
    from actionplans.settings import Settings

    a = figures.archive
    plans = plans or []
    batch = BatchSettings(workers=2, cache_dir=None)
    runs = [_timed(lambda: run_report([folder, *plans], batch=batch)) for _ in range(repeats)]
    a.ours_s = statistics.median(t for t, _ in runs)
    full = Settings(ingest=IngestSettings(pdf=PdfSettings(prefilter=PrefilterSettings(enabled=False))))
    a.full_s, full_report = _timed(lambda: run_report([folder, *plans], full, batch))
    results = runs[0][1].batch.results  # type: ignore[attr-defined]
    inputs = [(r.path, r.source_file) for r in results if r.path is not None]
    pdfs = [path for path, _ in inputs if path.suffix.lower() == ".pdf"]
    a.name, a.files, a.plans_added = str(folder), len(results), len(plans)
    a.floor_s, a.pages = pdfium_floor(pdfs)
    ours = runs[0][1].tables  # type: ignore[attr-defined]
    every = full_report.tables  # type: ignore[attr-defined]
    _compare(ours, every, a)
    _share(pdfs, {(r.source_file, r.page) for r in every.actions}, dict(inputs), a)
    print(f"archive: {a.files} files, {a.pages} PDF pages ({folder.name} and {a.plans_added} plan PDFs of the "
          f"development set); PDFium text pass (floor, 1 core) "
          f"{a.floor_s:.2f} s ({a.pages / a.floor_s:.0f} pages/s); ours on 2 workers {a.ours_s:.2f} s "
          f"({a.pages / a.ours_s:.0f} pages/s, median of {repeats}); every page in full {a.full_s:.1f} s", flush=True)
    print(f"archive output: actions {'identical' if a.same_actions else 'DIFFER'} ({a.actions} rows, every "
          f"column); document status, counts and plans {'identical' if a.same_status else 'DIFFER'}; "
          f"{a.meta_differ} no-plan papers' title/date/council/judgement read differently (PDFium's text, "
          f"not tables)", flush=True)
    print(f"archive first pass: full analysis of {a.analysed} of {a.pages} pages ({a.analysed / a.pages:.1%}); "
          f"{a.analysed_with_rows} of them hold plan rows; pages with plan rows not analysed: {a.missed} of "
          f"{a.pages_with_rows}", flush=True)


def _compare(ours: Any, every: Any, a: ArchiveFigures) -> None:
    a.same_actions = [asdict(r) for r in ours.actions] == [asdict(r) for r in every.actions]
    a.actions = len(every.actions)
    key = ("source_file", "status", "actions", "plan_id", "format", "pages")
    meta = ("title", "document_date", "plan_as_at", "council", "judgement")
    pairs = list(zip(ours.documents, every.documents, strict=True))
    a.same_status = all([getattr(x, k) for k in key] == [getattr(y, k) for k in key] for x, y in pairs)
    a.meta_differ = sum([getattr(x, k) for k in meta] != [getattr(y, k) for k in meta] for x, y in pairs)


def _share(pdfs: list[Path], with_rows: set[tuple[str, int | None]], names: dict[Path, str],
           a: ArchiveFigures) -> None:
    """How many pages the first pass sent to the full analysis, and how many of those held
    plan rows (in the run that analysed every page)."""
    from actionplans.ingest.prefilter import PrefilterSettings, survey_pdf

    picked: set[tuple[str, int | None]] = set()
    whole: set[str] = set()
    for path in pdfs:
        survey = survey_pdf(path, PrefilterSettings())
        if survey is None:  # no first pass (PDFium cannot read it): analysed whole
            whole.add(names[path])
            a.analysed += _pages(path)
        else:
            picked |= {(names[path], n) for n in survey.analyse}
            a.analysed += len(survey.analyse)
    a.pages_with_rows = len(with_rows)
    a.analysed_with_rows = len({r for r in with_rows if r in picked or r[0] in whole})
    a.missed = a.pages_with_rows - a.analysed_with_rows


def measure_filter(folders: tuple[Path, ...], figures: Figures) -> None:
    """The first pass's recall on every PDF of the test papers and the development set:
    the pages where a run that analyses every page finds action rows, against the pages
    the pass picks (its settings as a normal run has them)."""
    from actionplans.extract import document_to_extraction
    from actionplans.ingest import IngestSettings, PdfSettings, read_document
    from actionplans.ingest.prefilter import PrefilterSettings, survey_pdf

    f = figures.filter
    every = IngestSettings(pdf=PdfSettings(prefilter=PrefilterSettings(enabled=False)))
    for folder in folders:
        for path in sorted(folder.glob("*.pdf")):
            survey = survey_pdf(path, PrefilterSettings())
            if survey is None:
                continue  # no first pass (a scan, or PDFium cannot read it): analysed whole
            ex = document_to_extraction(read_document(path, path.name, every))
            with_rows = {a.page for a in ex.actions if a.page is not None}
            f.papers += 1
            f.pages += len(survey.pages)
            f.pages_with_rows += len(with_rows)
            f.missed += len(with_rows - survey.analyse)
    print(f"filter: {f.papers} PDFs of the test papers and the development set, {f.pages} pages; pages with plan "
          f"rows not analysed: {f.missed} of {f.pages_with_rows}", flush=True)


def _pages(path: Path) -> int:
    import pypdfium2 as pdfium

    try:
        return len(pdfium.PdfDocument(str(path)))
    except pdfium.PdfiumError:
        return 0


def measure_batch(folder: Path, cache: Path, figures: Figures) -> None:
    from actionplans.api import run_report
    from actionplans.batch import BatchSettings

    one, _ = _timed(lambda: run_report(folder, batch=BatchSettings(workers=1, cache_dir=None)))
    shutil.rmtree(cache, ignore_errors=True)  # the 2-worker run reads every file too, and fills the cache
    two, ran = _timed(lambda: run_report(folder, batch=BatchSettings(workers=2, cache_dir=cache)))
    report = ran.batch  # type: ignore[attr-defined]
    figures.papers = len(report.results)
    figures.one_worker_s, figures.two_workers_s = one, two
    results = report.results
    stats = report.stats
    seconds = sorted(s.seconds for s in stats.values())
    figures.pages = sum(r.pages or 0 for r in results)
    figures.errors = sum(bool(r.error) for r in results)
    figures.median_s = statistics.median(seconds)
    figures.p95_s = seconds[min(len(seconds) - 1, round(0.95 * (len(seconds) - 1)))]
    figures.peak_mb = max(s.peak_mb for s in stats.values())
    figures.readers = len({s.reader for s in stats.values()})
    print(f"batch: {figures.papers} papers, {figures.pages} PDF pages, {figures.errors} errors; "
          f"1 worker {one:.1f} s ({figures.pages / one:.0f} pages/s), 2 workers {two:.1f} s "
          f"({figures.pages / two:.0f} pages/s); per file median {figures.median_s:.2f} s, "
          f"p95 {figures.p95_s:.2f} s; peak memory per worker {figures.peak_mb:.0f} MiB; "
          f"{figures.readers} reader processes for {figures.papers} papers", flush=True)


def measure_rerun(folder: Path, cache: Path, out: Path, figures: Figures) -> None:
    """An unchanged batch again. ``actionplans.run()`` as a notebook calls it: files found,
    hashed and looked up in the cache, and the run's tables found by the hash of every
    result (the first call after the batch stores them). For comparison, the batch stage
    alone and the normalise stage run afresh (what a re-run costs when one paper changed:
    the stages timed apart, so wired here, not through ``run``); and the whole command
    from a fresh interpreter writing the CSV outputs."""
    from actionplans import run
    from actionplans.batch import BatchSettings, iter_inputs, run_batch
    from actionplans.normalise import results_to_tables

    batch = BatchSettings(workers=2, cache_dir=cache)
    figures.rerun_batch_s, results = _timed(lambda: run_batch(iter_inputs([folder]), batch=batch))
    figures.rerun_normalise_s, _ = _timed(lambda: results_to_tables(results))  # type: ignore[arg-type]
    run([folder], batch=batch)  # stores the run's tables, if an earlier run has not
    figures.rerun_s, _ = _timed(lambda: run([folder], batch=batch))
    command = [sys.executable, "-m", "actionplans", "extract", str(folder), "-o", str(out),
               "--cache-dir", str(cache), "--format", "csv", "-q"]
    figures.rerun_command_s, _ = _timed(lambda: subprocess.run(command, check=False, cwd=ROOT))
    print(f"re-run: {figures.papers} unchanged papers: run() {figures.rerun_s:.2f} s; batch stage (find, hash, "
          f"cache) {figures.rerun_batch_s:.2f} s; normalise afresh {figures.rerun_normalise_s:.2f} s; the whole "
          f"command with CSV outputs {figures.rerun_command_s:.2f} s", flush=True)


def measure_memory(work: Path, folder: Path, cache: Path, figures: Figures) -> None:
    """Peak memory against the number of actions, each size in a fresh interpreter; and the
    run's own process on the whole synthetic batch."""
    done = subprocess.run([sys.executable, "-m", "bench.memory", "folder", str(folder), str(work), str(cache)],
                          capture_output=True, text=True, check=True, cwd=ROOT)
    figures.batch_memory = json.loads(done.stdout.strip().splitlines()[-1])
    b = figures.batch_memory
    print(f"memory: the run's own process on {b['papers']:.0f} papers ({b['actions']:.0f} actions; results from "
          f"the cache, normalised, every output written) {b['main_mb']:.0f} MiB; {b['seconds']:.1f} s", flush=True)
    # Plain: the second version keeps every number, so its actions link by number. A
    # redraft drops, adds and rewords actions and moves numbers: the costly linking.
    for redraft, rows in ((False, figures.memory), (True, figures.memory_redraft)):
        for size in MEMORY_SIZES:
            done = subprocess.run([sys.executable, "-m", "bench.memory", str(size), str(work),
                                   *(["--redraft"] if redraft else [])],
                                  capture_output=True, text=True, check=True, cwd=ROOT)
            row = json.loads(done.stdout.strip().splitlines()[-1])
            rows.append(row)
            print(f"memory: {row['actions']:.0f} actions (2 versions of a Word plan{', redrafted' if redraft else ''}):"
                  f" reader {row['reader_mb']:.0f} MiB, run's own process (normalise, every output) "
                  f"{row['main_mb']:.0f} MiB; {row['seconds']:.1f} s", flush=True)


def memory_per_1000(rows: list[dict[str, float]]) -> list[float]:
    """MiB of the run's own process per 1,000 more actions, between each size and the next:
    alike where memory grows linearly."""
    return [(b["main_mb"] - a["main_mb"]) / max(b["actions"] - a["actions"], 1) * 1000
            for a, b in zip(rows, rows[1:], strict=False)]


def machine() -> str:
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    return (f"{cpu}, {os.cpu_count()} cores; Python {platform.python_version()} on {platform.system()}; "
            f"load average at start {load:.2f}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="bench", description=__doc__.splitlines()[0])
    parser.add_argument("--papers", type=int, default=200)
    parser.add_argument("--packs", type=int, default=3)
    parser.add_argument("--repeats", type=int, default=3, help="runs of our reader on the pack (median)")
    parser.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "actionplans-bench")
    parser.add_argument("--archive", type=Path, default=ARCHIVE, help="a folder of real papers (default: "
                        "../shared/corpus/council-papers; the synthetic batch where absent)")
    parser.add_argument("--no-memory", action="store_true", help="skip the memory-against-actions runs")
    parser.add_argument("--only", default=",".join(PARTS), help=f"comma-separated parts to run, of {','.join(PARTS)}"
                        " (default: all; the closing lines print only what was measured)")
    args = parser.parse_args(argv)
    parts = set(args.only.split(","))
    if parts - set(PARTS):
        parser.error(f"--only: unknown part(s) {', '.join(sorted(parts - set(PARTS)))}")
    spec = BatchSpec(papers=args.papers, packs=args.packs)
    folder = args.work / f"batch-{spec.papers}-{spec.packs}-{spec.seed}-{len(paper_kinds())}kinds"
    print(f"machine: {machine()}", flush=True)
    if not (folder / ".complete").exists():
        built, _ = _timed(lambda: synthetic_batch(folder, spec))
        (folder / ".complete").touch()
        print(f"built {spec.papers} papers in {folder} ({built:.0f} s)", flush=True)
    figures = Figures()
    cache = args.work / "cache"
    if "pack" in parts:
        measure_pack(folder / "pack_00.pdf", figures, args.repeats)
    if "archive" in parts:
        plans = plan_pdfs() if EXAMPLES.is_dir() else []
        measure_archive(args.archive if args.archive.is_dir() else folder, figures, args.repeats, plans)
    if "filter" in parts:
        measure_filter(TEST_PAPERS + ((EXAMPLES / "docs",) if EXAMPLES.is_dir() else ()), figures)
    if "batch" in parts or "rerun" in parts or "memory" in parts:
        measure_batch(folder, cache, figures)
    if "rerun" in parts:
        measure_rerun(folder, cache, args.work / "out", figures)
    if "memory" in parts and not args.no_memory:
        measure_memory(args.work / "memory", folder, cache, figures)
    return summary(figures)


def summary(figures: Figures) -> int:
    """The closing lines, one per target measured; exit status 1 where output differs or
    the first pass lost a page with plan rows."""
    a, f = figures.archive, figures.filter
    ok = True
    lost = a.missed + f.missed
    if a.pages or f.papers:
        print(f"first-pass recall: pages with plan rows not analysed: {lost} of {a.pages_with_rows + f.pages_with_rows}"
              f" (archive and its plans {a.missed} of {a.pages_with_rows}; test papers and development set "
              f"{f.missed} of {f.pages_with_rows}; target 0)")
        ok = not lost
    if a.pages:
        ours, floor = a.pages / a.ours_s, a.pages / a.floor_s
        same = a.same_actions and a.same_status and not a.missed
        ok = ok and same
        print(f"real archive: {ours:.0f} pages/s on 2 workers, {ours / floor:.2f} of the PDFium text-pass floor "
              f"({floor:.0f} pages/s; target >= 0.33); output {'identical' if same else 'DIFFERS'}; full analysis "
              f"of {a.analysed / a.pages:.1%} of pages, {a.analysed_with_rows} of them with plan rows")
    if figures.pack_ours_s:
        speedup = figures.pack_naive_s / figures.pack_ours_s
        ok = ok and figures.same_rows
        print(f"agenda-pack speedup vs naive: {speedup:.1f}x (target >= 40x)"
              f"{'' if figures.same_rows else ' (ROWS DIFFER)'}")
    if figures.two_workers_s:
        scaling = figures.one_worker_s / figures.two_workers_s
        print(f"2-worker scaling: {scaling:.2f}x (peak memory per worker {figures.peak_mb:.0f} MiB)")
    if figures.rerun_s:
        print(f"unchanged re-run: {figures.rerun_s:.1f} s (run(); with normalise afresh "
              f"{figures.rerun_batch_s + figures.rerun_normalise_s:.1f} s)")
    for rows, kind in ((figures.memory, ""), (figures.memory_redraft, ", redrafted")):
        if rows:
            slopes = ", ".join(f"{slope:.0f}" for slope in memory_per_1000(rows))
            sizes = "/".join(f"{row['actions']:.0f}" for row in rows)
            worst = max(row["reader_mb"] for row in rows)
            print(f"memory: {slopes} MiB per 1,000 more actions in the run's own process (plans of {sizes} actions"
                  f"{kind}, {rows[-1]['main_mb']:.0f} MiB at the largest); readers at most {worst:.0f} MiB")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
