"""Running the per-file stages (ingest, extract) over a batch of files.

Each file's outcome is data (``PaperResult``): a file that cannot be read becomes a
result with a one-line reason, and the batch goes on. Each file is read in a child
process of its own with a time limit and an address-space cap, so a parser that hangs,
crashes or eats memory costs that one file: the child is killed and the next file gets
a fresh one. Children are forked from a server process that has already imported the
parsers, so a child costs milliseconds, not the second an import takes.

Files run ``workers`` at a time here, or as tasks on a Dask cluster (``scheduler``),
where each task runs its file in the same kind of child. With a cache folder, a file
whose bytes, code and settings are unchanged is not read again.
"""
from __future__ import annotations

import errno
import hashlib
import logging
import multiprocessing
import multiprocessing.forkserver
import os
import signal
import stat
import sys
import threading
import time
import traceback
import types
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from multiprocessing.connection import Connection, wait
from pathlib import Path
from typing import Any

from actionplans.cache import ResultCache, fingerprint
from actionplans.extract import ExtractSettings, document_to_extraction
from actionplans.extract.records import PaperResult
from actionplans.ingest import IngestError, IngestSettings, read_document, sniff_format

log = logging.getLogger("actionplans")

OnResult = Callable[[PaperResult], None]


def default_cache_dir() -> Path:
    """The user's cache folder: results are found by content, so every output folder
    (and every copy of a paper) shares them, and the output folder holds only outputs."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "actionplans"


@dataclass(frozen=True)
class BatchSettings:
    """How files are run. ``workers=0`` reads them in this process, without isolation or
    time limit (for debugging a reader)."""

    workers: int = field(default_factory=lambda: os.cpu_count() or 1)
    timeout_s: float = 120.0  # per file, wall clock
    memory_mb: int = 2048  # per file: the child's address-space cap
    cache_dir: Path | None = None  # None: no cache
    scheduler: str | None = None  # a dask.distributed scheduler address, e.g. tcp://host:8786

    def __post_init__(self) -> None:
        if self.workers < 0:
            raise ValueError(f"BatchSettings.workers must be >= 0, not {self.workers}")
        if self.timeout_s <= 0:
            raise ValueError(f"BatchSettings.timeout_s must be > 0, not {self.timeout_s}")
        if self.memory_mb < 512:
            raise ValueError(f"BatchSettings.memory_mb must be >= 512 (the parsers need that), not {self.memory_mb}")

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


class SchedulerError(RuntimeError):
    """The Dask cluster cannot be used: the run cannot start, so no file is read."""


@dataclass(frozen=True)
class FileStats:
    """How reading one file went, for benchmarks and debugging."""

    seconds: float = 0.0
    peak_mb: float = 0.0  # the child's peak resident memory
    cached: bool = False


@dataclass
class BatchReport:
    results: list[PaperResult]
    stats: dict[str, FileStats]  # by source_file


# --- finding the files -----------------------------------------------------------

def iter_inputs(paths: list[Path]) -> list[tuple[Path, str]]:
    """Every file under ``paths`` (hidden files and folders skipped), with its name
    relative to the folder it was found in, in a stable order. Broken links and link
    loops are listed too: each must get its row."""
    found: list[tuple[Path, str]] = []
    for root in paths:
        if root.is_dir():
            found.extend(sorted(_walk(root, root, set()), key=lambda item: item[1]))
        else:
            found.append((root, display_name(root.name)))
    return found


def _walk(folder: Path, root: Path, seen: set[tuple[int, int]]) -> Iterator[tuple[Path, str]]:
    try:
        info = folder.stat()
        if (info.st_dev, info.st_ino) in seen:
            return  # a link back up the tree
        seen.add((info.st_dev, info.st_ino))
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError as exc:
        log.warning("cannot list %s (%s)", folder, exc.strerror)
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        path = Path(entry.path)
        try:
            is_dir = entry.is_dir()  # follows links: a linked folder is read like any other
        except OSError:
            is_dir = False
        if is_dir:
            yield from _walk(path, root, seen)
        else:
            yield path, display_name(path.relative_to(root).as_posix())


def display_name(name: str) -> str:
    """The name as text that can be written anywhere: bytes that are not UTF-8 (a file
    named on an old system) show as U+FFFD rather than failing the outputs."""
    return os.fsencode(name).decode("utf-8", errors="replace")


# --- one file --------------------------------------------------------------------

def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def unreadable_reason(path: Path, exc: OSError) -> str:
    """Why the file itself (not its content) cannot be read, in words."""
    if exc.errno == errno.ELOOP:
        return "symbolic link loop"
    if exc.errno == errno.ENOENT:
        return "broken symbolic link (its target is missing)" if path.is_symlink() else \
            "file vanished before it could be read"
    if exc.errno in (errno.EACCES, errno.EPERM):
        return "permission denied"
    return f"cannot read file ({exc.strerror or type(exc).__name__})"


def hash_input(path: Path, source: str) -> PaperResult:
    """A result with the file's hash filled in, or with the reason it cannot be read."""
    try:
        mode = path.stat().st_mode
        if not stat.S_ISREG(mode):
            return PaperResult(source_file=source, sha256="", format="", error="not a regular file")
        return PaperResult(source_file=source, sha256=sha256(path), format="")
    except OSError as exc:
        return PaperResult(source_file=source, sha256="", format="", error=unreadable_reason(path, exc))


def read_paper(path: Path, result: PaperResult, extract: ExtractSettings, ingest: IngestSettings) -> PaperResult:
    """Ingest and extract one hashed file into ``result``. Never raises for a bad file."""
    try:
        result.format = sniff_format(path)
        doc = read_document(path, result.source_file, ingest)
        result.pages = doc.pages
        result.extraction = document_to_extraction(doc, extract)
    except IngestError as exc:
        if exc.slug == "memory":
            raise MemoryError from exc  # the cap's doing, not the file's: the caller says so
        result.error = exc.message
    except OSError as exc:
        result.error = unreadable_reason(path, exc)
    except MemoryError:
        raise  # the caller knows the cap
    except Exception as exc:  # a reader bug must cost one file, not the batch
        log.debug("failed on %s", result.source_file, exc_info=True)
        detail = str(exc).splitlines()[0][:160] if str(exc) else ""
        result.error = f"could not read ({type(exc).__name__}: {detail})"
    return result


# --- one file in a child process ---------------------------------------------------

@dataclass(frozen=True)
class _Job:
    index: int  # the input's place in the batch
    size: int  # bytes: the largest files start first, so none is left running alone at the end
    path: Path
    result: PaperResult  # hashed, not yet read
    extract: ExtractSettings
    ingest: IngestSettings
    memory_mb: int


@dataclass(frozen=True)
class _Outcome:
    index: int
    result: PaperResult
    stats: FileStats
    cacheable: bool  # False where the outcome depends on the limits, not the file
    trace: str = ""


def _child(conn: Connection, job: _Job) -> None:
    """Runs in the child: cap memory, read the file, send the outcome back."""
    import resource

    cap = job.memory_mb << 20
    resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
    traces = _Traces()
    log.addHandler(traces)  # a reader's traceback travels back with the result, for -v
    log.setLevel(logging.DEBUG)
    started = time.perf_counter()
    result, cacheable = job.result, True
    try:
        read_paper(job.path, result, job.extract, job.ingest)
    except MemoryError:
        result.extraction, cacheable = None, False
        result.error = f"out of memory: reading it needs more than the {job.memory_mb} MiB cap"
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    stats = FileStats(time.perf_counter() - started, peak)
    conn.send(_Outcome(job.index, result, stats, cacheable, "\n".join(traces.lines)))
    conn.close()


class _Traces(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        if record.exc_info:
            self.lines.append("".join(traceback.format_exception(*record.exc_info)))


def _context() -> Any:
    """Children come from a fork server that imported this module (and so every parser)
    once: forking this process instead would copy whatever threads it runs, and a child
    starts in milliseconds."""
    ctx = multiprocessing.get_context("forkserver")
    with _SERVER_LOCK:
        ctx.set_forkserver_preload(["actionplans.batch"])
        saved = {name: os.environ.get(name) for name in _ONE_THREAD}
        os.environ.update(_ONE_THREAD)  # numeric libraries imported there start no thread pools
        try:
            with _main_hidden():
                multiprocessing.forkserver.ensure_running()
        finally:
            for name, value in saved.items():
                if value is None:
                    os.environ.pop(name, None)
                else:
                    os.environ[name] = value
    return ctx


_SERVER_LOCK = threading.Lock()
_ONE_THREAD = {"OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}


@contextmanager
def _main_hidden() -> Iterator[None]:
    """Children run only this module's code. With the caller's main module out of view,
    multiprocessing does not re-run its top level in each child, so a script (or one fed
    on stdin) that calls the library needs no ``if __name__ == "__main__"`` guard."""
    main = sys.modules.get("__main__")
    sys.modules["__main__"] = types.ModuleType("__main__")
    try:
        yield
    finally:
        if main is not None:
            sys.modules["__main__"] = main


class _Running:
    """One child reading one file, with its deadline."""

    def __init__(self, ctx: Any, job: _Job, timeout_s: float) -> None:
        self.job = job
        self.timeout_s = timeout_s
        self.conn, child_conn = ctx.Pipe(duplex=False)
        self.process = ctx.Process(target=_child, args=(child_conn, job), daemon=True)
        self.started = time.monotonic()
        with _SERVER_LOCK, _main_hidden():
            self.process.start()
        child_conn.close()
        self.deadline = self.started + timeout_s

    @property
    def handles(self) -> list[Any]:
        return [self.conn, self.process.sentinel]

    def finish(self) -> _Outcome:
        """The child's outcome, once it has sent it or died."""
        try:
            outcome: _Outcome = self.conn.recv()
        except (EOFError, OSError):
            outcome = self._failed(self._death())
        finally:
            self.conn.close()
        self.process.join(5)
        if self.process.is_alive():
            self.process.kill()
            self.process.join()
        return outcome

    def kill(self) -> _Outcome:
        self.process.kill()
        self.process.join()
        self.conn.close()
        return self._failed(f"timed out after {self.timeout_s:g} s (stopped)")

    def _death(self) -> str:
        self.process.join(5)
        code = self.process.exitcode
        if code is not None and code < 0:
            name = signal.Signals(-code).name
            if -code == signal.SIGKILL:
                return "reader killed by the system (out of memory?)"
            return f"reader crashed ({name})"
        return f"reader stopped without a result (exit status {code})"

    def _failed(self, reason: str) -> _Outcome:
        result = replace(self.job.result, error=reason, extraction=None)
        return _Outcome(self.job.index, result, FileStats(time.monotonic() - self.started), cacheable=False)


def run_isolated(job: _Job, timeout_s: float) -> _Outcome:
    """One file in one child, waited for here: the unit a Dask task runs."""
    running = _Running(_context(), job, timeout_s)
    ready = wait(running.handles, timeout=timeout_s)
    return running.finish() if ready else running.kill()


def _run_local(jobs: list[_Job], workers: int, timeout_s: float) -> Iterator[_Outcome]:
    """The jobs, ``workers`` children at a time; outcomes as they finish."""
    ctx = _context()
    queue = sorted(jobs, key=lambda job: job.size)  # popped from the end: largest first
    running: list[_Running] = []
    try:
        while queue or running:
            while queue and len(running) < workers:
                running.append(_Running(ctx, queue.pop(), timeout_s))
            soonest = min(r.deadline for r in running)
            ready = set(wait([h for r in running for h in r.handles], timeout=max(0.0, soonest - time.monotonic())))
            now = time.monotonic()
            for r in list(running):
                if any(h in ready for h in r.handles):
                    running.remove(r)
                    yield r.finish()
                elif now >= r.deadline:
                    running.remove(r)
                    yield r.kill()
    finally:
        for r in running:  # an interrupted run leaves no children behind
            r.process.kill()
            r.process.join()


def _run_dask(jobs: list[_Job], address: str, timeout_s: float) -> Iterator[_Outcome]:
    """The jobs as tasks on a Dask cluster; each task reads its file in a child of the
    Dask worker, with the same limits. Workers must see the files at the same paths."""
    try:
        from distributed import Client, as_completed
    except ImportError as exc:
        raise SchedulerError("--scheduler needs dask.distributed: pip install 'actionplans[dask]'") from exc
    try:
        client = Client(address, timeout=30)
    except (OSError, TimeoutError, ValueError) as exc:
        raise SchedulerError(f"cannot reach the Dask scheduler at {address} ({type(exc).__name__})") from exc
    with client:
        futures = {client.submit(run_isolated, job, timeout_s, pure=False): job for job in jobs}
        for future in as_completed(futures):
            try:
                yield future.result()
            except Exception as exc:  # the cluster lost the task (a worker died)
                job = futures[future]
                reason = f"cluster task failed ({type(exc).__name__})"
                yield _Outcome(job.index, replace(job.result, error=reason), FileStats(), cacheable=False)


def _run_here(jobs: list[_Job]) -> Iterator[_Outcome]:
    for job in jobs:
        started = time.perf_counter()
        try:
            result = read_paper(job.path, job.result, job.extract, job.ingest)
        except MemoryError:
            result = replace(job.result, extraction=None, error="out of memory")
        yield _Outcome(job.index, result, FileStats(time.perf_counter() - started), cacheable=True)


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
    done: dict[int, _Outcome] = {}
    jobs: list[_Job] = []
    for index, (path, source) in enumerate(inputs):
        result = hash_input(path, source)
        hit = cache.get(result.sha256, source) if cache is not None and not result.error else None
        if result.error or hit is not None:
            done[index] = _Outcome(index, hit or result, FileStats(cached=hit is not None), cacheable=False)
            _report(done[index], on_result)
        else:
            jobs.append(_Job(index, _size(path), path, result, extract, children, batch.memory_mb))
    for outcome in _execute(jobs, batch):
        done[outcome.index] = outcome
        _report(outcome, on_result)
        if cache is not None and outcome.cacheable:
            cache.put(outcome.result)
    if cache is not None:
        cache.prune()
    ordered = [done[i] for i in range(len(inputs))]
    return BatchReport([o.result for o in ordered], {o.result.source_file: o.stats for o in ordered})


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def _execute(jobs: list[_Job], batch: BatchSettings) -> Iterable[_Outcome]:
    if not jobs:
        return []
    if batch.scheduler:
        return _run_dask(jobs, batch.scheduler, batch.timeout_s)
    if batch.workers == 0:
        return _run_here(jobs)
    return _run_local(jobs, min(batch.workers, len(jobs)), batch.timeout_s)


def _report(outcome: _Outcome, on_result: OnResult | None) -> None:
    if outcome.trace:
        log.debug("failed on %s:\n%s", outcome.result.source_file, outcome.trace)
    if on_result is not None:
        on_result(outcome.result)
