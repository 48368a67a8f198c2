"""The batch's files as tasks on a Dask cluster (``--scheduler``).

Each task reads its file in a reader process of the worker's, with the same limits as a
local run: the worker's tasks run in a daemonic process, which multiprocessing forbids
children, so the reader is a fresh interpreter (``readers.Spawned``); a worker keeps its
idle readers for the next task, so only its first files pay for the start. The run gives
up on the cluster, rather than waiting for ever, where it has had no worker for
``no_workers_s``: the files read by then are kept, the rest are error rows.
"""
from __future__ import annotations

import logging
import socket
import threading
import time
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit

from actionplans.ingest.errors import ErrorCode
from actionplans.paper import failure
from actionplans.reader import FileStats, Job, Outcome
from actionplans.readers import Reader, outcomes

log = logging.getLogger("actionplans")

_IDLE_S = 5.0  # a worker's reader with no file for this long ends: runs keep it busy, none waits long for it
_POLL_S = 1.0  # how often the run looks at the cluster, and a task at whether it is still wanted


class SchedulerError(RuntimeError):
    """The Dask cluster cannot be used: the run cannot start, so no file is read."""


def run_dask(jobs: list[Job], address: str, connect_timeout_s: float, no_workers_s: float) -> Iterator[Outcome]:
    """The jobs as tasks on the cluster at ``address``; outcomes as they finish. Workers
    must see the files at the same paths. Raises SchedulerError where the scheduler cannot
    be reached within ``connect_timeout_s``, saying why."""
    try:
        from distributed import Client
    except ImportError as exc:
        raise SchedulerError("--scheduler needs dask.distributed: pip install 'actionplans[dask]'") from exc
    why = unreachable(address, connect_timeout_s)
    if why:
        raise SchedulerError(f"cannot reach the Dask scheduler at {address} ({why})")
    try:
        client = Client(address, timeout=connect_timeout_s)
    except (OSError, TimeoutError, ValueError) as exc:
        raise SchedulerError(f"cannot reach the Dask scheduler at {address} ({exc})") from exc
    with client:
        futures = {client.submit(read_on_worker, job, pure=False): job for job in jobs}
        yield from _gathered(client, futures, address, no_workers_s)


def unreachable(address: str, timeout_s: float) -> str:
    """Why nothing answers at a tcp:// address, in words ("connection refused"); "" where
    something does (or the address is of another kind, which the client tries itself)."""
    parts = urlsplit(address if "://" in address else f"tcp://{address}")
    if parts.scheme not in ("tcp", "tls"):
        return ""
    try:
        host, port = parts.hostname or "localhost", parts.port or 8786
    except ValueError:
        return "not a host:port address"
    try:
        socket.create_connection((host, port), timeout=timeout_s).close()
    except socket.gaierror:
        return f"unknown host {host}"
    except ConnectionRefusedError:
        return "connection refused"
    except TimeoutError:
        return f"no answer within {timeout_s:g} s"
    except OSError as exc:
        return exc.strerror or type(exc).__name__
    return ""


def _gathered(client: Any, futures: dict[Any, Job], address: str, no_workers_s: float) -> Iterator[Outcome]:
    """Each task's outcome as it finishes; a task the cluster failed is its file's error
    row. Where the cluster has had no worker for ``no_workers_s``, the files not read
    are error rows saying so, and one warning says it once."""
    from distributed import wait

    pending = set(futures)
    alone_since: float | None = None
    while pending:
        try:
            done, pending = wait(pending, timeout=_POLL_S, return_when="FIRST_COMPLETED")
        except TimeoutError:
            done = set()
        for future in done:
            outcome = _outcome_of(future, futures[future])
            if outcome is None:  # its result was held by a worker since lost: read again, or given up on below
                pending.add(future)
            else:
                yield outcome
        if done or _has_workers(client):
            alone_since = None
            continue
        alone_since = alone_since or time.monotonic()
        if time.monotonic() - alone_since >= no_workers_s:
            reason = f"not read: the Dask cluster had no worker for {no_workers_s:g} s"
            log.warning("actionplans: the Dask cluster at %s has had no worker for %g s: %d of %d files not read",
                        address, no_workers_s, len(pending), len(futures))
            for future in pending:
                future.cancel()
                yield _failed(futures[future], reason, ErrorCode.NOT_RUN)
            return


def _has_workers(client: Any) -> bool:
    try:
        return bool(client.nthreads())
    except Exception:  # the scheduler itself gone: no worker either
        return False


def _outcome_of(future: Any, job: Job) -> Outcome | None:
    """The task's outcome; None where it cannot be fetched within a poll (the worker that
    held it has gone since the task finished: the scheduler runs it again)."""
    try:
        outcome: Outcome = future.result(timeout=_POLL_S)
    except TimeoutError:
        return None
    except Exception as exc:  # the cluster gave up on the task (it killed workers, or was cancelled)
        return _failed(job, f"cluster task failed ({type(exc).__name__})", ErrorCode.CRASHED)
    return outcome


def _failed(job: Job, reason: str, code: ErrorCode) -> Outcome:
    result = failure(job.source, reason, code)
    return Outcome(job.index, result, FileStats(), cacheable=False)


# --- in the worker -------------------------------------------------------------------

_IDLE: list[tuple[float, Reader]] = []  # the worker's readers between tasks
_IDLE_LOCK = threading.Lock()


def read_on_worker(job: Job) -> Outcome:
    """The task: one file in a reader of the worker's, waited for here within the file's
    limits. A task the run no longer wants (its client gone) stops its reader."""
    reader = _idle_reader(job.memory_mb) or Reader(None, job.memory_mb, reuse=True, idle_s=2 * _IDLE_S)
    reader.start(job)
    try:
        while True:
            outcome = next(outcomes([reader], _POLL_S), None)
            if outcome is not None:
                break
            if not _still_wanted():
                reader.stop()
                return _failed(job, "not read: the run ended", ErrorCode.NOT_RUN)
    except BaseException:
        reader.stop()
        raise
    if not reader.ended:
        with _IDLE_LOCK:
            _IDLE.append((time.monotonic(), reader))
        expiry = threading.Timer(_IDLE_S, _end_idle)  # the worker ends (and reaps) readers left idle
        expiry.daemon = True
        expiry.start()
    return outcome


def _idle_reader(memory_mb: int) -> Reader | None:
    """An idle reader of the worker's with this cap, if one is left."""
    _end_idle()
    with _IDLE_LOCK:
        for n, (_, reader) in enumerate(_IDLE):
            if reader.memory_mb == memory_mb:
                del _IDLE[n]
                return reader
    return None


def _end_idle() -> None:
    """End the worker's readers idle for ``_IDLE_S`` or dead. (A reader also ends by
    itself after twice that without a file, should its worker be too busy to end it.)"""
    now = time.monotonic()
    with _IDLE_LOCK:
        ending = [r for since, r in _IDLE if now - since >= _IDLE_S or not r.process.is_alive()]
        _IDLE[:] = [(since, r) for since, r in _IDLE if all(r is not e for e in ending)]
    for reader in ending:
        reader.end()


def _still_wanted() -> bool:
    """Whether the scheduler still wants this task's result (False once its client is gone)."""
    try:
        from distributed.worker import get_worker, thread_state

        task = get_worker().state.tasks.get(thread_state.key)
    except (ImportError, ValueError, AttributeError):
        return True  # not in a worker's task thread: nobody can call it off
    return task is None or task.state != "cancelled"
