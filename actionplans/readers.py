"""Reader processes, from the run's side: where they come from, the file each reads now
with its deadline, and running a batch's files ``workers`` at a time on this machine. A
file over its time limit has its reader killed; a reader that dies costs its one file.

Readers come from a fork server that has imported the parsers (one starts in
milliseconds), or, where this process may not have children of multiprocessing's making
(a Dask worker runs its tasks in a daemonic process), as a fresh interpreter started by
``subprocess`` (``Spawned``), which any process may start."""
from __future__ import annotations

import multiprocessing
import multiprocessing.forkserver
import os
import signal
import socket
import subprocess
import sys
import threading
import time
import types
from collections.abc import Iterator
from contextlib import contextmanager
from multiprocessing.connection import Connection, wait
from typing import Any

from actionplans.ingest.errors import ErrorCode
from actionplans.paper import failure
from actionplans.reader import FileStats, Job, OcrPages, Outcome, deadline, serve


def fork_server() -> Any:
    """Children come from a fork server that imported the reader's module (and so every
    parser) once: forking this process instead would copy whatever threads it runs, and a
    child starts in milliseconds."""
    ctx = multiprocessing.get_context("forkserver")
    with _SERVER_LOCK:
        ctx.set_forkserver_preload(["actionplans.reader"])
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
    """Children run only the reader's code. With the caller's main module out of view,
    multiprocessing does not re-run its top level in each child, so a script (or one fed
    on stdin) that calls the library needs no ``if __name__ == "__main__"`` guard."""
    main = sys.modules.get("__main__")
    sys.modules["__main__"] = types.ModuleType("__main__")
    try:
        yield
    finally:
        if main is not None:
            sys.modules["__main__"] = main


class Spawned:
    """A reader process started as a fresh interpreter, with multiprocessing's process
    interface as the run uses it. Its pipe is a socket pair: the reader's end is the one
    descriptor it inherits, so only this process's end closing (or this process ending)
    tells it the run has gone."""

    def __init__(self, memory_mb: int, reuse: bool, idle_s: float | None) -> None:
        ours, theirs = socket.socketpair()
        code = f"from actionplans.readers import serve_spawned; serve_spawned({theirs.fileno()}, {memory_mb}, " \
               f"{reuse}, {idle_s})"
        self.popen = subprocess.Popen([sys.executable, "-c", code], pass_fds=(theirs.fileno(),),
                                      stdin=subprocess.DEVNULL, env={**os.environ, **_ONE_THREAD})
        theirs.close()
        self.conn = Connection(ours.detach())
        self.pid = self.popen.pid
        self.sentinel = self.conn  # the reader's death closes its end: the pipe says so

    def is_alive(self) -> bool:
        return self.popen.poll() is None

    def join(self, timeout: float | None = None) -> None:
        try:
            self.popen.wait(timeout)
        except subprocess.TimeoutExpired:
            pass

    def kill(self) -> None:
        if self.popen.poll() is None:
            self.popen.kill()

    @property
    def exitcode(self) -> int | None:
        return self.popen.poll()


def serve_spawned(fd: int, memory_mb: int, reuse: bool, idle_s: float | None) -> None:
    """A spawned reader's start: its end of the pipe, then the reader's loop."""
    serve(Connection(fd), memory_mb, reuse, idle_s)


class Reader:
    """One reader process, and the file it reads now (None between files) with its deadline.
    ``ctx`` is the fork server's context; None spawns the reader (``Spawned``), which then
    ends after ``idle_s`` without a file."""

    def __init__(self, ctx: Any, memory_mb: int, reuse: bool, idle_s: float | None = None) -> None:
        self.memory_mb = memory_mb
        self.process: Any
        if ctx is None:
            self.process = Spawned(memory_mb, reuse, idle_s)
            self.conn = self.process.conn
        else:
            self.conn, child_conn = ctx.Pipe(duplex=True)
            self.process = ctx.Process(target=serve, args=(child_conn, memory_mb, reuse), daemon=True)
            with _SERVER_LOCK, _main_hidden():
                self.process.start()
            child_conn.close()
        self.job: Job | None = None
        self.ended = False
        self.started = self.deadline = 0.0
        self.sha256 = ""  # sent by the reader once it has hashed the file

    def start(self, job: Job) -> None:
        """Hand the reader a file; its time limit starts now."""
        self.job, self.sha256 = job, ""
        self.started = time.monotonic()
        self.deadline = deadline(self.started, job, 0)
        try:
            self.conn.send(job)
        except OSError:
            pass  # the reader is gone: receive() says how

    @property
    def handles(self) -> list[Any]:
        return list({id(h): h for h in (self.conn, self.process.sentinel)}.values())

    def receive(self) -> Outcome | None:
        """What the reader sent, once one of the handles is ready: None while it has sent
        only the file's hash or its OCR pages; the file's outcome once it has sent that,
        or died."""
        try:
            while self.conn.poll():
                message = self.conn.recv()
                if isinstance(message, Outcome):
                    self.job = None
                    if message.last:
                        self.end()
                    return message
                if isinstance(message, OcrPages) and self.job is not None:
                    self.deadline = deadline(self.started, self.job, message.count)
                else:
                    self.sha256 = str(message)
        except (EOFError, OSError):
            return self._lost()
        return None if self.process.is_alive() else self._lost()

    def _lost(self) -> Outcome:
        outcome = self._failed(self._death(), ErrorCode.CRASHED)
        self.end()
        return outcome

    def end(self) -> None:
        """Let the reader go: it ends once its pipe closes, or is killed if it lingers."""
        self.job, self.ended = None, True
        self.conn.close()
        self.process.join(5)
        if self.process.is_alive():
            self.process.kill()
            self.process.join()

    def stop(self) -> None:
        """End the reader now, whatever it is doing, and let it go."""
        self.process.kill()
        self.process.join()
        self.end()

    def kill(self) -> Outcome:
        self.process.kill()
        self.process.join()
        outcome = self._failed(f"timed out after {self.deadline - self.started:g} s (stopped)", ErrorCode.TIMEOUT)
        self.end()
        return outcome

    def _death(self) -> str:
        self.process.join(5)
        code = self.process.exitcode
        if code is not None and code < 0:
            name = signal.Signals(-code).name
            if -code == signal.SIGKILL:
                return "reader killed by the system (out of memory?)"
            return f"reader crashed ({name})"
        return f"reader stopped without a result (exit status {code})"

    def _failed(self, reason: str, code: ErrorCode) -> Outcome:
        assert self.job is not None
        result = failure(self.job.source, reason, code, self.sha256)
        return Outcome(self.job.index, result, FileStats(time.monotonic() - self.started), cacheable=False)


def run_local(jobs: list[Job], workers: int) -> Iterator[Outcome]:
    """The jobs, ``workers`` readers at a time, each taking file after file (a fresh one
    where a file left its reader grown, failed or dead); outcomes as they finish."""
    ctx = fork_server()
    queue = sorted(jobs, key=lambda job: job.size)  # popped from the end: largest first
    readers: list[Reader] = []
    try:
        while queue or readers:
            readers = _hand_out(ctx, queue, readers, workers)
            busy = [r for r in readers if r.job is not None]
            if busy:
                yield from outcomes(busy)
            if not queue:  # no file left for an idle reader: it goes at once
                for r in readers:
                    if r.job is None and not r.ended:
                        r.end()
            readers = [r for r in readers if not r.ended]
    finally:
        for r in readers:  # an interrupted run leaves no readers behind
            r.stop()


def outcomes(busy: list[Reader], most_s: float | None = None) -> Iterator[Outcome]:
    """The outcomes of the busy readers that finish (or pass their deadline) first,
    waiting at most until the soonest deadline (or ``most_s``)."""
    soonest = min(r.deadline for r in busy) - time.monotonic()
    limit = max(0.0, soonest if most_s is None else min(soonest, most_s))
    ready = {id(h) for h in wait([h for r in busy for h in r.handles], timeout=limit)}
    now = time.monotonic()
    for r in busy:
        outcome = r.receive() if any(id(h) in ready for h in r.handles) else None
        if outcome is None and now >= r.deadline:
            outcome = r.kill()
        if outcome is not None:
            yield outcome


def _hand_out(ctx: Any, queue: list[Job], readers: list[Reader], workers: int) -> list[Reader]:
    """The next files to the idle readers, and to new readers up to ``workers``."""
    for r in readers:
        if r.job is None and not r.ended and queue:
            if r.process.is_alive() and r.memory_mb == queue[-1].memory_mb:
                r.start(queue.pop())
            else:
                r.end()
    readers = [r for r in readers if not r.ended]
    while queue and len(readers) < workers:
        job = queue.pop()
        reader = Reader(ctx, job.memory_mb, reuse=True)
        reader.start(job)
        readers.append(reader)
    return readers
