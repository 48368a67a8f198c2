"""The batch on a real Dask cluster, as users run one: a ``dask scheduler`` and two ``dask
worker`` processes (each with its nanny, so tasks run in a daemonic process) on this
machine. The outputs are byte-identical to a local run's; a worker killed mid-run costs
nothing; a cluster that loses every worker, or a scheduler that cannot be reached, is
reported within a bounded time, and the papers read by then are kept."""
from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

import actionplans
from actionplans.api import tables_from_results
from actionplans.batch import BatchSettings, SchedulerError, iter_inputs, run_batch
from actionplans.extract.records import PaperResult
from actionplans.output import OutputSettings, write_outputs
from conftest import SAMPLES, strokes_pdf

pytest.importorskip("distributed")

START_S = 90  # a scheduler or worker that is not up by then fails the fixture, not the run


@dataclass
class Cluster:
    address: str
    workers: list[subprocess.Popen[bytes]]

    def kill_worker(self, n: int) -> None:
        """Kill a worker, its nanny and its readers at once (as a machine lost would)."""
        os.killpg(self.workers[n].pid, signal.SIGKILL)
        self.workers[n].wait(10)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _dask(*args: str, log: Path) -> subprocess.Popen[bytes]:
    with open(log, "ab") as out:
        return subprocess.Popen([sys.executable, "-m", "dask", *args], stdout=out, stderr=subprocess.STDOUT,
                                stdin=subprocess.DEVNULL, start_new_session=True)


@pytest.fixture
def cluster(tmp_path: Path) -> Iterator[Cluster]:
    """A scheduler and two single-thread workers on 127.0.0.1, on free ports; all torn
    down (process groups killed) however the test ends."""
    from distributed import Client

    address = f"tcp://127.0.0.1:{_free_port()}"
    log = tmp_path / "dask.log"
    port = address.rpartition(":")[2]
    scheduler = _dask("scheduler", "--host", "127.0.0.1", "--port", port, "--no-dashboard", log=log)
    processes = [scheduler]
    try:
        workers = [_dask("worker", address, "--nthreads", "1", "--no-dashboard", "--host", "127.0.0.1",
                         "--memory-limit", "0", "--death-timeout", str(START_S), log=log) for _ in range(2)]
        processes += workers
        with Client(address, timeout=START_S) as client:
            client.wait_for_workers(2, timeout=START_S)
        yield Cluster(address, workers)
    except Exception:
        print(log.read_text(errors="replace")[-4000:])
        raise
    finally:
        for process in processes:
            try:
                os.killpg(process.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            process.wait(10)


def _outputs(results: list[PaperResult], out: Path) -> dict[str, bytes]:
    """Every file a run writes from these results, by name."""
    tables = tables_from_results(results, actionplans.NormaliseSettings(), None)
    write_outputs(tables, out, OutputSettings(inputs=(SAMPLES,)))
    return {p.name: p.read_bytes() for p in sorted(out.iterdir())}


@pytest.fixture(scope="module")
def local_results() -> list[PaperResult]:
    results = run_batch(iter_inputs([SAMPLES]), batch=BatchSettings(workers=2))
    assert all(not r.error for r in results)
    return results


@pytest.fixture
def local(local_results: list[PaperResult], tmp_path: Path) -> dict[str, bytes]:
    """A local run's outputs, written beside where the test writes its own (links are
    relative to the output folder)."""
    return _outputs(local_results, tmp_path / "local")


def test_outputs_are_byte_identical_to_a_local_run(cluster: Cluster, local: dict[str, bytes],
                                                    tmp_path: Path) -> None:
    out = tmp_path / "out"
    code = actionplans.main(["extract", str(SAMPLES), "-o", str(out), "--no-cache", "-q",
                             "--scheduler", cluster.address])
    assert code == 0
    assert {p.name: p.read_bytes() for p in sorted(out.iterdir())} == local


def test_a_worker_killed_mid_run_has_its_tasks_run_again(cluster: Cluster, local: dict[str, bytes],
                                                         tmp_path: Path) -> None:
    heard: list[str] = []

    def on_result(result: PaperResult) -> None:
        heard.append(result.source_file)
        if len(heard) == 1:
            cluster.kill_worker(0)

    results = run_batch(iter_inputs([SAMPLES]), batch=BatchSettings(scheduler=cluster.address), on_result=on_result)
    assert len(heard) == len(results) == len(local["documents.csv"].splitlines()) - 1
    assert _outputs(results, tmp_path / "out") == local


def test_every_worker_lost_is_reported_in_bounded_time_and_read_papers_are_kept(cluster: Cluster) -> None:
    heard: list[PaperResult] = []

    def on_result(result: PaperResult) -> None:
        heard.append(result)
        if len(heard) == 1:
            cluster.kill_worker(0)
            cluster.kill_worker(1)

    started = time.monotonic()
    results = run_batch(iter_inputs([SAMPLES]), batch=BatchSettings(scheduler=cluster.address, no_workers_s=3),
                        on_result=on_result)
    assert time.monotonic() - started < 60
    read = [r for r in results if not r.error]
    lost = [r for r in results if r.error]
    assert read and read[0].source_file == heard[0].source_file and read[0].extraction is not None
    assert lost and {r.error for r in lost} == {"not read: the Dask cluster had no worker for 3 s"}


def test_the_command_says_once_that_the_cluster_was_lost_and_writes_the_rows(cluster: Cluster, tmp_path: Path,
                                                                            capsys: pytest.CaptureFixture[str]
                                                                            ) -> None:
    import psutil

    for n in (1, 2):
        (tmp_path / f"slow{n}.pdf").write_bytes(strokes_pdf(300_000))  # half a minute of pdfminer each

    def kill_when_both_read() -> None:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            busy = [p for w in cluster.workers for p in psutil.Process(w.pid).children(recursive=True)
                    if _is_reader(p)]
            if len(busy) == 2:
                break
            time.sleep(0.2)
        cluster.kill_worker(0)
        cluster.kill_worker(1)

    killer = threading.Thread(target=kill_when_both_read)
    killer.start()
    out = tmp_path / "out"
    code = actionplans.main(["extract", str(tmp_path / "slow1.pdf"), str(tmp_path / "slow2.pdf"), "-o", str(out),
                             "-q", "--no-cache", "--scheduler", cluster.address, "--set", "batch.no_workers_s=3"])
    killer.join()
    err = capsys.readouterr().err.splitlines()
    assert code == 1
    assert [line for line in err if "Dask cluster at" in line] == \
        [f"actionplans: the Dask cluster at {cluster.address} has had no worker for 3 s: 2 of 2 files not read"]
    assert (out / "documents.csv").read_text(encoding="utf-8-sig").count("not read: the Dask cluster") == 2


def _is_reader(process: object) -> bool:
    import psutil
    try:
        return "serve_spawned" in " ".join(process.cmdline())  # type: ignore[attr-defined]
    except psutil.Error:
        return False


def test_an_unreachable_scheduler_is_named_with_the_reason_at_once() -> None:
    started = time.monotonic()
    with pytest.raises(SchedulerError, match=r"cannot reach the Dask scheduler at tcp://127.0.0.1:1 "
                                             r"\(connection refused\)"):
        run_batch(iter_inputs([SAMPLES]), batch=BatchSettings(scheduler="tcp://127.0.0.1:1"))
    assert time.monotonic() - started < 10


def test_the_command_says_why_the_scheduler_cannot_be_used(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = actionplans.main(["extract", str(SAMPLES), "-o", str(tmp_path / "out"), "-q",
                             "--scheduler", "tcp://127.0.0.1:1"])
    err = capsys.readouterr().err
    assert code == 2
    assert err == "actionplans: error: cannot reach the Dask scheduler at tcp://127.0.0.1:1 (connection refused)\n"


def test_killing_the_run_stops_its_readers_on_the_workers(cluster: Cluster, tmp_path: Path) -> None:
    """kill -9 of a run using the cluster: the workers' readers busy with its files stop
    within a few seconds (the scheduler calls its tasks off), and the workers live on."""
    import psutil

    for n in (1, 2):
        (tmp_path / f"slow{n}.pdf").write_bytes(strokes_pdf(300_000))  # half a minute of pdfminer each
    run = subprocess.Popen([sys.executable, "-m", "actionplans", "extract", str(tmp_path / "slow1.pdf"),
                            str(tmp_path / "slow2.pdf"), "-o", str(tmp_path / "out"), "-q", "--no-cache",
                            "--timeout", "600", "--scheduler", cluster.address],
                           cwd=tmp_path, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    def readers() -> list[psutil.Process]:
        return [p for w in cluster.workers for p in psutil.Process(w.pid).children(recursive=True) if _is_reader(p)]

    try:
        deadline = time.monotonic() + 60
        while len(readers()) < 2 and time.monotonic() < deadline:
            time.sleep(0.2)
        busy = readers()
        assert len(busy) == 2
        run.send_signal(signal.SIGKILL)
        run.wait()
        _, alive = psutil.wait_procs(busy, timeout=5)
        assert not alive
        assert all(w.poll() is None for w in cluster.workers)
    finally:
        run.kill()
