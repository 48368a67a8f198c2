"""``make bench``: speed and memory on a reproducible synthetic batch, next to the naive
baseline measured in the same run (pdfplumber's ``extract_tables()`` on every page).

Prints the figures, then one line per target:

    agenda-pack speedup vs naive: N.Nx      (target >= 20x, with the same rows)
    2-worker scaling: N.NNx                 (200 papers; target >= 1.7x, < 500 MiB per worker)
    unchanged re-run: N.N s                 (run(), caches warm; target < 2 s)
"""
from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from bench.synth import PLAN_PDF, BatchSpec, synthetic_batch

ROOT = Path(__file__).resolve().parent.parent


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

    figures.pack_pages = len(pdfium.PdfDocument(str(pack)))
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
          f"{'==' if figures.same_rows else '!='} plan alone {figures.plan_rows}", flush=True)


def measure_batch(folder: Path, cache: Path, figures: Figures) -> None:
    from actionplans.batch import BatchSettings, iter_inputs, run_batch_report

    inputs = iter_inputs([folder])
    figures.papers = len(inputs)
    one, _ = _timed(lambda: run_batch_report(inputs, batch=BatchSettings(workers=1, cache_dir=None)))
    shutil.rmtree(cache, ignore_errors=True)  # the 2-worker run reads every file too, and fills the cache
    two, report = _timed(lambda: run_batch_report(inputs, batch=BatchSettings(workers=2, cache_dir=cache)))
    figures.one_worker_s, figures.two_workers_s = one, two
    results = report.results  # type: ignore[attr-defined]
    stats = report.stats  # type: ignore[attr-defined]
    seconds = sorted(s.seconds for s in stats.values())
    figures.pages = sum(r.pages or 0 for r in results)
    figures.errors = sum(bool(r.error) for r in results)
    figures.median_s = statistics.median(seconds)
    figures.p95_s = seconds[min(len(seconds) - 1, round(0.95 * (len(seconds) - 1)))]
    figures.peak_mb = max(s.peak_mb for s in stats.values())
    print(f"batch: {figures.papers} papers, {figures.pages} PDF pages, {figures.errors} errors; "
          f"1 worker {one:.1f} s ({figures.pages / one:.0f} pages/s), 2 workers {two:.1f} s "
          f"({figures.pages / two:.0f} pages/s); per file median {figures.median_s:.2f} s, "
          f"p95 {figures.p95_s:.2f} s; peak memory per worker {figures.peak_mb:.0f} MiB", flush=True)


def measure_rerun(folder: Path, cache: Path, out: Path, figures: Figures) -> None:
    """An unchanged batch again. ``actionplans.run()`` as a notebook calls it: files found,
    hashed and looked up in the cache, and the run's tables found by the hash of every
    result (the first call after the batch stores them). For comparison, the batch stage
    alone and the normalise stage run afresh (what a re-run costs when one paper changed);
    and the whole command from a fresh interpreter writing the CSV outputs."""
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
    args = parser.parse_args(argv)
    spec = BatchSpec(papers=args.papers, packs=args.packs)
    folder = args.work / f"batch-{spec.papers}-{spec.packs}-{spec.seed}"
    print(f"machine: {machine()}", flush=True)
    if not (folder / ".complete").exists():
        built, _ = _timed(lambda: synthetic_batch(folder, spec))
        (folder / ".complete").touch()
        print(f"built {spec.papers} papers in {folder} ({built:.0f} s)", flush=True)
    figures = Figures()
    cache = args.work / "cache"
    measure_pack(folder / "pack_00.pdf", figures, args.repeats)
    measure_batch(folder, cache, figures)
    measure_rerun(folder, cache, args.work / "out", figures)
    speedup = figures.pack_naive_s / figures.pack_ours_s
    scaling = figures.one_worker_s / figures.two_workers_s
    print(f"agenda-pack speedup vs naive: {speedup:.1f}x{'' if figures.same_rows else ' (ROWS DIFFER)'}")
    print(f"2-worker scaling: {scaling:.2f}x")
    print(f"unchanged re-run: {figures.rerun_s:.1f} s (run(); with normalise afresh "
          f"{figures.rerun_batch_s + figures.rerun_normalise_s:.1f} s)")
    return 0 if figures.same_rows else 1


if __name__ == "__main__":
    sys.exit(main())
