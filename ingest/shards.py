"""One long PDF's pages read on two cores: a forked child takes a share of the pages.

A 300-page agenda pack is one file, so the batch gives it one reader; its pages are
independent work, and splitting them halves the time the pack holds up the run. The
child is a plain ``os.fork`` of the reader, so it starts with what the reader has parsed
(a file open in both gets its own reading place in the child); it sends its pages back
pickled through a pipe and ends with ``os._exit``. It dies with its parent (Linux's
parent-death signal), so the batch's time limit still ends both, and it inherits the
reader's memory limit. Anything that goes wrong in the child (an error, a crash, a
signal) makes the parent read the child's share itself: the result, and any error, is
then exactly what one process gives.
"""
from __future__ import annotations

import ctypes
import gc
import os
import pickle
import signal
import sys
import threading
from collections.abc import Callable, Sequence
from typing import TypeVar, cast

Part = TypeVar("Part")
Result = TypeVar("Result")

_PR_SET_PDEATHSIG = 1  # linux/prctl.h


def can_fork() -> bool:
    """Forking is cheap and safe here: Linux (the parent-death signal ends a child whose
    reader is stopped), more than one core to use, and the main thread (a task in a
    worker's thread pool, as Dask runs one, may fork while another thread holds a lock
    the child would then wait on for ever; and the child would die with its thread)."""
    return (sys.platform.startswith("linux") and len(os.sched_getaffinity(0)) > 1
            and threading.current_thread() is threading.main_thread())


def in_two(work: Callable[[Part, bool], Result], mine: Part, theirs: Part,
           files: Sequence[int] = ()) -> tuple[Result, Result]:
    """``work(mine, False)`` here and ``work(theirs, True)`` in a forked child, at the same
    time; the flag says which process it runs in. ``files``: descriptors of files open
    here that the child reads too (a parser's open PDF): the child gets its own reading
    place in each, so that neither process moves the other's."""
    # While the two run, the collector leaves older objects alone: its pass over the heap
    # would write to every object and so copy the whole of the shared memory, in both.
    copies: list[tuple[int, int]] = []
    try:
        for fd in files:
            copies.append((fd, _reopened(fd)))
    except OSError:  # the file cannot be opened again (gone, or its share went away): one process
        for _, copy in copies:
            os.close(copy)
        return work(mine, False), work(theirs, False)
    gc.freeze()
    try:
        return _in_two(work, mine, theirs, copies)
    finally:
        gc.unfreeze()


def _reopened(fd: int) -> int:
    """The file open again, at the same place: after a fork the two processes would share
    one reading place through ``fd`` (and a file object's buffer would then read what the
    other process sought)."""
    copy = os.open(f"/proc/self/fd/{fd}", os.O_RDONLY | os.O_CLOEXEC)
    os.lseek(copy, os.lseek(fd, 0, os.SEEK_CUR), os.SEEK_SET)
    return copy


def _in_two(work: Callable[[Part, bool], Result], mine: Part, theirs: Part,
            copies: list[tuple[int, int]]) -> tuple[Result, Result]:
    read_fd, write_fd = os.pipe()
    try:
        pid = os.fork()
    except OSError:
        for fd in (read_fd, write_fd, *(copy for _, copy in copies)):
            os.close(fd)
        return work(mine, False), work(theirs, False)
    if pid == 0:  # the child: never returns
        os.close(read_fd)
        for fd, copy in copies:  # the child's own reading place, under the same descriptor
            os.dup2(copy, fd, inheritable=False)
        _child(work, theirs, write_fd)
    os.close(write_fd)
    for _, copy in copies:
        os.close(copy)
    try:
        here = work(mine, False)
    except BaseException:
        _reap(pid, read_fd, kill=True)
        raise
    sent = _receive(read_fd)
    _reap(pid, read_fd, kill=sent is None)
    if sent is None:
        return here, work(theirs, False)
    return here, cast(Result, sent)


def _child(work: Callable[[Part, bool], Result], part: Part, fd: int) -> None:
    status = 1  # nothing sent: the parent reads this share itself, and meets any error there
    gc.disable()  # a short life: collecting would only copy the parent's memory
    try:
        try:
            ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        except (OSError, AttributeError):
            pass
        data = pickle.dumps(work(part, True), protocol=pickle.HIGHEST_PROTOCOL)
        with os.fdopen(fd, "wb") as out:
            out.write(data)
        status = 0
    except BaseException:
        pass
    finally:
        os._exit(status)


def _receive(fd: int) -> object | None:
    """What the child sent, or None where it ended without a whole result."""
    chunks = []
    with os.fdopen(fd, "rb", closefd=False) as pipe:
        while chunk := pipe.read(1 << 20):
            chunks.append(chunk)
    try:
        return pickle.loads(b"".join(chunks)) if chunks else None
    except Exception:
        return None


def _reap(pid: int, fd: int, kill: bool) -> None:
    if kill:
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
    os.close(fd)
    try:
        os.waitpid(pid, 0)
    except ChildProcessError:
        pass
