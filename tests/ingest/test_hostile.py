"""Hostile and careless input (issue 11): nothing lost, nothing wrong. Each test here
failed before its fix: a file changed during a run, damaged cache entries, one name in
two folders, the run's own outputs read as papers, a read-only cache, hashing without
limits, readers outliving a killed run, bad option values, vague or leaky messages, a
DOCTYPE the checks missed, and the parsers' warnings on the console."""
from __future__ import annotations

import csv
import logging
import os
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

import actionplans
import actionplans.paper
from actionplans.batch import OUTPUT_NAMES, BatchSettings, iter_inputs, run_batch, run_batch_report
from actionplans.cache import ResultCache, RunCache
from actionplans.extract.records import PaperResult
from actionplans.ingest import IngestError, IngestSettings, read_document
from actionplans.normalise import Tables
from actionplans.output.links import source_href
from conftest import ROOT, SAMPLES, pdf_from_objects, pdf_stream, strokes_pdf

PLAN = SAMPLES / "004_reading_cp_action_plan_2013-08.docx"
MINUTES = SAMPLES / "002_slac_inspection_minutes.docx"
NO_PLAN = "no tables, and no plan set out as text"  # the minutes' message: why they hold no plan
PLAN_TEXT = "Reading Safeguarding Children Board"


# --- files made here ---------------------------------------------------------------------



TEXT = b"BT /F1 12 Tf 72 700 Td (Hello) Tj ET"
FONT = b"/Resources << /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /CouncilSans >> >> >>"


def text_pdf() -> bytes:
    """One page of text in a font without a descriptor: pdfminer warns "Could not get FontBBox"."""
    return pdf_from_objects([b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                 b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R " + FONT + b" >>",
                 pdf_stream(TEXT)])


def looping_parent_pdf() -> bytes:
    """A page whose /Parent is itself, so it inherits no page size from the page tree."""
    return pdf_from_objects([b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                 b"<< /Type /Page /Parent 3 0 R /Contents 4 0 R " + FONT + b" >>", pdf_stream(TEXT)])


def docx_with(path: Path, replace: dict[str, bytes], source: Path = PLAN, drop: tuple[str, ...] = ()) -> Path:
    """A copy of a Word file with some parts replaced, added or dropped."""
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            if info.filename not in replace and info.filename not in drop:
                dst.writestr(info, src.read(info))
        for name, data in replace.items():
            dst.writestr(name, data)
    return path


def _part(name: str, source: Path = PLAN) -> bytes:
    with zipfile.ZipFile(source) as z:
        return z.read(name)


def _zip(path: Path, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in members.items():
            z.writestr(name, data)
    return path


def _refusal(path: Path, settings: IngestSettings | None = None) -> str:
    """The reason read_document gives for refusing ``path`` (fails if it reads it)."""
    with pytest.raises(IngestError) as caught:
        read_document(path, path.name, settings)
    return caught.value.message


def _by_name(results: list[PaperResult]) -> dict[str, PaperResult]:
    return {r.source_file: r for r in results}


def _actions(result: PaperResult) -> int:
    return len(result.extraction.actions) if result.extraction else -1


def _documents(out: Path) -> dict[str, tuple[str, str]]:
    with open(out / "documents.csv", encoding="utf-8-sig", newline="") as fh:
        return {r["source_file"]: (r["status"], r["message"]) for r in csv.DictReader(fh)}


def _readers(parent: object) -> list:  # type: ignore[type-arg]
    """The reader processes under ``parent`` (a psutil.Process): the fork server's children."""
    servers = [p for p in parent.children() if "forkserver" in " ".join(p.cmdline())]  # type: ignore[attr-defined]
    return [c for s in servers for c in s.children()]


def _wait_for(condition: Callable[[], object], seconds: float = 30) -> object:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        found = condition()
        if found:
            return found
        time.sleep(0.05)
    raise AssertionError("timed out waiting")


def _in_background(work: Callable[[], object]) -> tuple[threading.Thread, dict[str, object]]:
    box: dict[str, object] = {}
    runner = threading.Thread(target=lambda: box.update(value=work()))
    runner.start()
    return runner, box


# --- 2. a file changed during a run ----------------------------------------------------------

def test_a_file_changed_while_read_here_is_an_error_row_never_cached(tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    paper = tmp_path / "plan.docx"
    shutil.copy(PLAN, paper)
    settings = BatchSettings(workers=0, cache_dir=tmp_path / "cache")
    real = actionplans.paper.sniff_format

    def swapped(path: Path) -> str:  # another paper lands on the plan between hashing and reading
        shutil.copy(MINUTES, paper)
        return real(path)

    monkeypatch.setattr(actionplans.paper, "sniff_format", swapped)
    (first,) = run_batch([(paper, "plan.docx")], batch=settings)
    assert first.error == "changed while being read" and first.extraction is None
    monkeypatch.undo()
    shutil.copy(PLAN, paper)  # the plan as it was: its own result, not the other paper's
    report = run_batch_report([(paper, "plan.docx")], batch=settings)
    assert not report.stats["plan.docx"].cached and _actions(report.results[0]) == 43


def test_a_file_changed_while_a_reader_reads_it_is_an_error_row_never_cached(tmp_path: Path) -> None:
    import psutil
    paper = tmp_path / "slow.pdf"
    original = strokes_pdf(30_000)
    paper.write_bytes(original)
    settings = BatchSettings(workers=1, cache_dir=tmp_path / "cache")
    runner, box = _in_background(lambda: run_batch([(paper, "slow.pdf")], batch=settings))
    _wait_for(lambda: _readers(psutil.Process()))
    time.sleep(0.5)  # hashed by now, and a few seconds from done
    paper.write_bytes(PLAN.read_bytes())  # overwritten in place, as a copy over it does
    runner.join(60)
    (result,) = box["value"]  # type: ignore[misc]
    assert result.error == "changed while being read"
    paper.write_bytes(original)
    report = run_batch_report([(paper, "slow.pdf")], batch=settings)
    assert not report.stats["slow.pdf"].cached and report.results[0].error == ""


def test_a_file_overwritten_while_the_batch_is_busy_does_not_poison_the_cache(tmp_path: Path) -> None:
    import psutil
    src = tmp_path / "in"
    src.mkdir()
    (src / "busy.pdf").write_bytes(strokes_pdf(20_000, padding=200_000))  # the largest: read first
    shutil.copy(PLAN, src / "plan.docx")
    settings = BatchSettings(workers=1, cache_dir=tmp_path / "cache")
    runner, box = _in_background(lambda: run_batch(iter_inputs([src]), batch=settings))
    _wait_for(lambda: _readers(psutil.Process()))
    shutil.copy(MINUTES, src / "plan.docx")  # the plan's hash was taken, its reader not started
    runner.join(60)
    assert _actions(_by_name(box["value"])["plan.docx"]) == 0  # type: ignore[arg-type]
    shutil.copy(PLAN, src / "plan.docx")
    again = _by_name(run_batch(iter_inputs([src]), batch=settings))
    assert _actions(again["plan.docx"]) == 43


# --- 3. cache entries checked ------------------------------------------------------------------

def _entries(cache: Path) -> list[Path]:
    return sorted(p for p in cache.rglob("*.pickle") if "runs" not in p.parts)


def test_a_cached_result_with_one_changed_letter_is_dropped_and_read_again(tmp_path: Path) -> None:
    settings = BatchSettings(workers=1, cache_dir=tmp_path / "cache")
    first = run_batch([(PLAN, "plan.docx")], batch=settings)
    (entry,) = _entries(tmp_path / "cache")
    data = entry.read_bytes()
    assert PLAN_TEXT.encode() in data
    entry.write_bytes(data.replace(PLAN_TEXT.encode(), PLAN_TEXT.replace("Board", "Bored").encode(), 1))
    report = run_batch_report([(PLAN, "plan.docx")], batch=settings)
    assert not report.stats["plan.docx"].cached
    assert report.results[0].extraction == first[0].extraction
    assert run_batch_report([(PLAN, "plan.docx")], batch=settings).stats["plan.docx"].cached  # written anew


def test_cache_entries_of_the_wrong_shape_are_misses_never_tracebacks(tmp_path: Path) -> None:
    cache = ResultCache(tmp_path / "cache", "f" * 24)
    result = PaperResult(source_file="a.docx", sha256="ab" * 32, format="docx")
    cache.put(result)
    assert cache.get("ab" * 32, "b.docx") == PaperResult(source_file="b.docx", sha256="ab" * 32, format="docx")
    (entry,) = _entries(tmp_path / "cache")
    for damaged in (b"", entry.read_bytes()[:-3], b"not a pickle at all", entry.read_bytes()[:40] + b"\0"):
        entry.write_bytes(damaged)
        assert cache.get("ab" * 32, "a.docx") is None
    cache.put(PaperResult(source_file="a.docx", sha256="cd" * 32, format="docx"))
    shutil.copy(next(p for p in _entries(tmp_path / "cache") if "cdcd" in p.name), entry)
    assert cache.get("ab" * 32, "a.docx") is None  # another file's entry under this hash


def test_a_run_cache_entry_of_another_type_is_dropped_and_the_run_normalised_again(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(PLAN, src / "plan.docx")
    settings = BatchSettings(workers=1, cache_dir=tmp_path / "cache")
    first = actionplans.run([src], batch=settings)
    (entry,) = (tmp_path / "cache" / "runs").glob("*.pickle")
    key = entry.stem
    RunCache[list[int]](tmp_path / "cache").put(key, [1, 2, 3])  # a well-formed entry of another type
    again = actionplans.run([src], batch=settings)
    assert isinstance(again, Tables) and again.actions == first.actions
    data = entry.read_bytes()
    assert PLAN_TEXT.encode() in data
    entry.write_bytes(data.replace(PLAN_TEXT.encode(), PLAN_TEXT.replace("Board", "Bored").encode(), 1))
    assert RunCache[Tables](tmp_path / "cache").get(key) is None
    assert actionplans.run([src], batch=settings).actions == first.actions


# --- 4. one file name in two folders ----------------------------------------------------------

def test_the_same_name_in_two_folders_gives_two_rows_and_two_links(tmp_path: Path) -> None:
    for folder, paper in (("dirA", PLAN), ("dirB", MINUTES)):
        (tmp_path / folder).mkdir()
        shutil.copy(paper, tmp_path / folder / "plan.docx")
    out = tmp_path / "out"
    code = actionplans.main(["extract", str(tmp_path / "dirA"), str(tmp_path / "dirB"), "-o", str(out), "-q",
                             "--no-cache"])
    assert code == 0
    assert _documents(out) == {"dirA/plan.docx": ("ok", ""), "dirB/plan.docx": ("no_plan", NO_PLAN)}
    report = (out / "report.html").read_text(encoding="utf-8")
    assert 'href="../dirA/plan.docx"' in report and 'href="../dirB/plan.docx"' in report
    assert source_href(tmp_path / "dirA" / "plan.docx", "dirA/plan.docx", out, 3) == "../dirA/plan.docx#page=3"


def test_two_names_shown_alike_link_each_to_its_own_file(tmp_path: Path) -> None:
    """Two names that differ only in bytes that are not UTF-8 show as one name and its
    " (2)": each row's link is still its own file, as the path rides on the result."""
    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(PLAN, os.fsdecode(bytes(src) + b"/plan\xe9.docx"))
    shutil.copy(MINUTES, os.fsdecode(bytes(src) + b"/plan\xe8.docx"))
    out = tmp_path / "out"
    assert actionplans.main(["extract", str(src), "-o", str(out), "-q", "--no-cache", "--format", "html"]) == 0
    report = (out / "report.html").read_text(encoding="utf-8")
    assert 'href="../in/plan%E8.docx"' in report and 'href="../in/plan%E9.docx"' in report
    assert set(_documents(out)) == {"plan\ufffd.docx", "plan\ufffd (2).docx"}


@pytest.mark.parametrize("given", [
    ["samples"], ["samples/004_reading_cp_action_plan_2013-08.pdf"],
    ["samples/004_reading_cp_action_plan_2013-08.pdf", "samples/002_slac_inspection_minutes.docx"],
    ["tests/fixtures", "samples"], ["tests/fixtures/layouts", "tests/fixtures"],
])
def test_every_name_is_unique_and_its_link_finds_its_file(given: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    paths = [Path(p) for p in given]
    found = iter_inputs(paths)
    names = [name for _, name in found]
    assert len(names) == len(set(names))
    some = found[:2]  # reading them all is not the point: the batch sets each result's path
    results = run_batch(some, batch=BatchSettings(workers=0))
    assert [(r.path, r.source_file) for r in results] == some  # the path rides on the result: links use it
    if len(paths) == 1:  # one folder or file: the names as they always were
        base = paths[0] if paths[0].is_dir() else paths[0].parent
        assert names == [path.relative_to(base).as_posix() for path, _ in found]


# --- 5. the run's own outputs inside its input ---------------------------------------------

def test_a_second_run_into_a_folder_inside_its_input_reads_no_outputs(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(PLAN, src / "plan.docx")
    for _ in range(2):
        assert actionplans.main(["extract", str(src), "-o", str(src / "out"), "-q", "--no-cache"]) == 0
    assert _documents(src / "out") == {"plan.docx": ("ok", "")}
    # An earlier run's outputs, moved: recognised as ours wherever they sit.
    shutil.copytree(src / "out", src / "old")
    assert [name for _, name in iter_inputs([src])] == ["plan.docx"]
    assert actionplans.main(["extract", str(src), "-o", str(tmp_path / "elsewhere"), "-q", "--no-cache"]) == 0


def test_a_run_whose_output_is_its_input_reads_only_the_papers(tmp_path: Path) -> None:
    shutil.copy(PLAN, tmp_path / "plan.docx")
    for _ in range(2):
        assert actionplans.main(["extract", str(tmp_path), "-o", str(tmp_path), "-q", "--no-cache"]) == 0
    assert _documents(tmp_path) == {"plan.docx": ("ok", "")}


def test_a_runs_workbook_and_report_are_recognised_on_their_own(tmp_path: Path) -> None:
    src, out = tmp_path / "in", tmp_path / "out"
    src.mkdir()
    shutil.copy(PLAN, src / "plan.docx")
    assert actionplans.main(["extract", str(src), "-o", str(out), "-q", "--no-cache"]) == 0
    assert {p.name for p in out.iterdir() if not p.name.startswith(".")} <= OUTPUT_NAMES  # the list is complete
    for name in ("actionplans.xlsx", "report.html"):
        shutil.copy(out / name, src / name)
    assert [name for _, name in iter_inputs([src])] == ["plan.docx"]


def test_a_users_own_files_named_like_outputs_are_still_read(tmp_path: Path) -> None:
    (tmp_path / "report.html").write_text("<!DOCTYPE html><html><body>Our own report</body></html>")
    (tmp_path / "documents.csv").write_text("name,date\nminutes,2013\n")
    assert sorted(name for _, name in iter_inputs([tmp_path])) == ["documents.csv", "report.html"]


# --- 6. a cache that cannot be written -----------------------------------------------------------

@pytest.fixture
def read_only(monkeypatch: pytest.MonkeyPatch) -> Callable[[Path], None]:
    """Makes a folder read-only: by its mode, and where that does not bind (root), by
    refusing every write under it as a read-only file system would."""
    def make(folder: Path) -> None:
        for path in [folder, *folder.rglob("*")]:
            path.chmod(path.stat().st_mode & ~0o222)
        if os.geteuid() == 0:
            monkeypatch.setattr(os, "open", _refusing(os.open, str(folder), flags=True))
            for name in ("utime", "mkdir", "unlink", "rmdir", "replace", "rename"):
                monkeypatch.setattr(os, name, _refusing(getattr(os, name), str(folder)))

    return make


def _refusing(real: Callable[..., object], folder: str, flags: bool = False) -> Callable[..., object]:
    def call(path: object, *args: object, **kwargs: object) -> object:
        mode = args[0] if args else kwargs.get("flags", 0)
        writes = not flags or int(mode) & (os.O_WRONLY | os.O_RDWR | os.O_CREAT)  # type: ignore[call-overload]
        if writes and isinstance(path, (str, bytes, os.PathLike)) and os.fsdecode(path).startswith(folder):
            raise PermissionError(13, "Read-only file system", os.fsdecode(path))
        return real(path, *args, **kwargs)
    return call


def test_a_read_only_cache_is_used_read_only_with_one_warning(tmp_path: Path, read_only: Callable[[Path], None],
                                                             caplog: pytest.LogCaptureFixture) -> None:
    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(PLAN, src / "plan.docx")
    settings = BatchSettings(workers=1, cache_dir=tmp_path / "cache")
    first = actionplans.run([src], batch=settings)
    shutil.copy(MINUTES, src / "minutes.docx")  # a new file: its result cannot be kept
    read_only(tmp_path / "cache")
    with caplog.at_level(logging.WARNING, logger="actionplans"):
        report = run_batch_report(iter_inputs([src]), batch=settings)
        tables = actionplans.run([src], batch=settings)
    assert report.stats["plan.docx"].cached and not report.stats["minutes.docx"].cached
    assert {a.action_text for a in tables.actions} == {a.action_text for a in first.actions}
    warnings = [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]
    assert len(warnings) == 1 and "cache" in warnings[0] and str(tmp_path) not in warnings[0]


def test_a_cache_folder_that_cannot_be_made_is_no_cache_with_one_warning(tmp_path: Path,
                                                                        caplog: pytest.LogCaptureFixture) -> None:
    (tmp_path / "taken").write_text("a file where the cache folder should be")
    settings = BatchSettings(workers=1, cache_dir=tmp_path / "taken" / "cache")
    with caplog.at_level(logging.WARNING, logger="actionplans"):
        tables = actionplans.run([PLAN], batch=settings)
    assert len(tables.actions) == 43
    assert len([r for r in caplog.records if r.levelno >= logging.WARNING]) == 1


# --- 7. hashing inside each file's limits ------------------------------------------------------------

def test_size_is_checked_before_any_hashing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    huge = tmp_path / "huge.pdf"
    with open(huge, "wb") as fh:
        fh.truncate(200 << 30)  # 200 GiB, sparse: no disk used, and reading it would take minutes

    def no_hashing(path: Path) -> str:
        raise AssertionError(f"{path.name} hashed before its size was checked")

    monkeypatch.setattr(actionplans.paper, "sha256", no_hashing)
    (here,) = run_batch([(huge, "huge.pdf")], batch=BatchSettings(workers=0))
    monkeypatch.undo()
    started = time.monotonic()
    (apart,) = run_batch([(huge, "huge.pdf")], batch=BatchSettings(workers=1))
    assert time.monotonic() - started < 10
    assert here.error == apart.error == "file too large (204800 MiB; limit 1024 MiB)"


def test_hashing_is_inside_the_time_limit(tmp_path: Path) -> None:
    big = tmp_path / "big.pdf"
    with open(big, "wb") as fh:
        fh.truncate(16 << 30)  # sparse: 16 GiB of zeros take seconds to hash
    started = time.monotonic()
    (result,) = run_batch([(big, "big.pdf")], batch=BatchSettings(workers=1, timeout_s=1),
                          ingest=IngestSettings(max_file_mb=32 << 10))
    assert time.monotonic() - started < 8
    assert result.error == "timed out after 1 s (stopped)"


# --- 8. readers end with their run ----------------------------------------------------------------

def _ended(process: object) -> bool:
    import psutil

    try:
        return process.status() == psutil.STATUS_ZOMBIE  # type: ignore[attr-defined,no-any-return]
    except psutil.NoSuchProcess:
        return True


def test_killing_the_run_ends_its_readers_within_a_second(tmp_path: Path) -> None:
    """kill -9 of a real ``actionplans extract`` with two readers busy: a second later no
    process it started (fork server, readers) is alive."""
    import psutil
    for n in (1, 2):
        (tmp_path / f"slow{n}.pdf").write_bytes(strokes_pdf(300_000))  # half a minute of pdfminer each
    run = subprocess.Popen([sys.executable, "-m", "actionplans", "extract", str(tmp_path / "slow1.pdf"),
                            str(tmp_path / "slow2.pdf"), "-o", str(tmp_path / "out"), "-q", "--no-cache",
                            "--timeout", "600", "-j", "2"],
                           cwd=tmp_path, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    family: list = []  # type: ignore[type-arg]
    try:
        readers = _wait_for(lambda: len(_readers(psutil.Process(run.pid))) == 2 and _readers(psutil.Process(run.pid)),
                            60)
        family = psutil.Process(run.pid).children(recursive=True)
        assert len(family) >= 3 and set(readers) <= set(family)  # type: ignore[arg-type]
        run.send_signal(signal.SIGKILL)
        run.wait()
        _, alive = psutil.wait_procs(family, timeout=1.0)
        assert not [p for p in alive if not _ended(p)]
    finally:
        run.kill()
        for process in family:  # what a failure left running
            try:
                process.kill()
            except psutil.NoSuchProcess:
                pass


# --- 10. bad option values ----------------------------------------------------------------------

@pytest.mark.parametrize("option,value,words", [
    ("--timeout", "inf", "--timeout: must be a number of seconds above 0, not 'inf'"),
    ("--timeout", "nan", "--timeout: must be a number of seconds above 0, not 'nan'"),
    ("--timeout", "-1", "--timeout: must be a number of seconds above 0, not '-1'"),
    ("--timeout", "soon", "--timeout: not a number of seconds: 'soon'"),
    ("--memory-mb", str(1 << 40), "MiB is more than this machine has"),
    ("--memory-mb", "100", "must be at least 512 MiB"),
])
def test_bad_option_values_are_usage_errors(option: str, value: str, words: str, tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    assert actionplans.main(["extract", str(MINUTES), "-o", str(tmp_path), option, value]) == 2
    err = capsys.readouterr().err
    errors = [line for line in err.splitlines() if "error:" in line]
    assert len(errors) == 1 and words in errors[0] and "Traceback" not in err
    assert not (tmp_path / "documents.csv").exists()


# --- 11. every failure in its own words, no absolute path ------------------------------------------

def _xlsx(path: Path) -> Path:
    from openpyxl import Workbook

    Workbook().save(path)
    return path


PPTX_TYPES = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
              b'<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
              b'<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
              b'<Default Extension="xml" ContentType="application/xml"/>'
              b'<Override PartName="/ppt/presentation.xml" ContentType="application/vnd.openxmlformats-officedocument.'
              b'presentationml.presentation.main+xml"/></Types>')
PPTX_RELS = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
             b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
             b'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
             b'officeDocument" Target="ppt/presentation.xml"/></Relationships>')


def _pptx(path: Path) -> Path:
    return _zip(path, {"[Content_Types].xml": PPTX_TYPES, "_rels/.rels": PPTX_RELS,
                       "ppt/presentation.xml": b'<p:presentation xmlns:p="http://schemas.openxmlformats.org/'
                                               b'presentationml/2006/main"/>'})


def _grid_span(path: Path, value: bytes) -> Path:
    body = _part("word/document.xml")
    return docx_with(path, {"word/document.xml": body.replace(b"<w:tcPr>", b'<w:tcPr><w:gridSpan w:val="'
                                                                           + value + b'"/>', 1)})


def test_a_pdf_page_whose_parent_chain_loops_is_named(tmp_path: Path) -> None:
    (tmp_path / "loop.pdf").write_bytes(looping_parent_pdf())
    assert _refusal(tmp_path / "loop.pdf") == "damaged PDF: page 1 has no size (no MediaBox, and its parent chain loops)"


def _page(attrs: bytes, font: bytes = FONT) -> bytes:
    return pdf_from_objects([b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                 b"<< /Type /Page /Parent 2 0 R " + attrs + b" /Contents 4 0 R " + font + b" >>", pdf_stream(TEXT)])


@pytest.mark.parametrize("pdf,words", [
    (_page(b""), "damaged PDF: page 1 has no size (no MediaBox, nor one inherited)"),
    (_page(b"/MediaBox 9 0 R"), "damaged PDF: page 1 has no size (no MediaBox, nor one inherited)"),
    (_page(b"/MediaBox [0 0 a b]"), "damaged PDF: page 1 has a MediaBox that is not four numbers"),
    (_page(b"/MediaBox [0 0 612]"), "damaged PDF: page 1 has a MediaBox that is not four numbers"),
    (_page(b"/MediaBox [0 0 612 792] /CropBox [a]"), "damaged PDF: page 1 has a CropBox that is not four numbers"),
    (_page(b"/MediaBox [0 0 612 792] /Rotate /abc"), "damaged PDF: page 1 has a rotation (Rotate) that is not a number"),
    (_page(b"/MediaBox [0 0 612 792]", b"/Resources << /Font << /F1 << /Type /Font /Subtype /Type0 /BaseFont /X "
                                       b"/DescendantFonts 7 >> >> >>"),
     "damaged PDF: page 1 cannot be read (a font in it is damaged)"),
])
def test_a_pdf_page_that_cannot_be_laid_out_is_named(pdf: bytes, words: str, tmp_path: Path) -> None:
    (tmp_path / "bad.pdf").write_bytes(pdf)
    assert _refusal(tmp_path / "bad.pdf") == words


@pytest.mark.parametrize("part,old,new,words", [
    ("word/numbering.xml", b'<w:start w:val="1"/>', b'<w:start w:val="abc"/>',
     "damaged Word file: its list numbering (numbering.xml) holds text where Word writes a number"),
    ("word/numbering.xml", b'w:ilvl="0"', b'w:ilvl="zz"',
     "damaged Word file: its list numbering (numbering.xml) holds text where Word writes a number"),
    ("word/document.xml", None, b"<?xml version='1.0'?><foo/>",
     "damaged Word file: its main part holds no Word document body"),
    ("word/document.xml", None, b"not XML at all",
     "damaged Word file: a part is not well-formed XML (Start tag expected, '<' not found, line 1, column 1)"),
])
def test_a_word_part_with_values_word_never_writes_is_named(part: str, old: bytes | None, new: bytes, words: str,
                                                           tmp_path: Path) -> None:
    data = _part(part).replace(old, new) if old is not None else new
    assert _refusal(docx_with(tmp_path / "bad.docx", {part: data})) == words


@pytest.mark.parametrize("value", [b"abc", b"", b"-3", b"99999999999999999999", b"\xc2\xb2"])
def test_a_word_cell_with_a_span_that_is_no_number_spans_one_column(value: bytes, tmp_path: Path) -> None:
    doc = read_document(_grid_span(tmp_path / "span.docx", value), "span.docx")
    spans = {c.col_span for t in doc.tables for r in t.rows for c in r.cells}
    # The paper has no span of its own: a value that is no number spans one column, and a
    # number too large for any grid is capped.
    assert spans == ({1, 64} if value.isdigit() else {1}) and sum(len(t.rows) for t in doc.tables) > 40


def test_other_office_files_renamed_docx_are_named(tmp_path: Path) -> None:
    assert _refusal(_xlsx(tmp_path / "budget.docx")) == "an Excel workbook, not a Word .docx"
    assert _refusal(_pptx(tmp_path / "slides.docx")) == "a PowerPoint presentation, not a Word .docx"
    sheet = _zip(tmp_path / "sheet.docx", {"mimetype": b"application/vnd.oasis.opendocument.spreadsheet",
                                            "content.xml": b"<office:document-content/>"})
    assert _refusal(sheet) == "an OpenDocument spreadsheet, not a Word or PDF paper"


WORD_MAIN = b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"


@pytest.mark.parametrize("main", [b"application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
                                  b"application/vnd.ms-word.document.macroEnabled.main+xml",
                                  b"application/vnd.ms-word.template.macroEnabledTemplate.main+xml"])
def test_word_templates_and_macro_enabled_files_are_read(main: bytes, tmp_path: Path) -> None:
    types = _part("[Content_Types].xml").replace(WORD_MAIN, main)
    paper = docx_with(tmp_path / "plan.docm", {"[Content_Types].xml": types})
    assert sum(len(t.rows) for t in read_document(paper, "plan.docm").tables) > 40


def test_no_message_carries_an_absolute_path_or_stops_mid_word(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    _xlsx(src / "budget.docx")
    _pptx(src / "slides.docx")
    (src / "loop.pdf").write_bytes(looping_parent_pdf())
    docx_with(src / "nobody.docx", {}, drop=("word/document.xml",))
    types = _part("[Content_Types].xml").replace(WORD_MAIN, b"application/vnd.example.foo+xml")
    docx_with(src / "odd.docx", {"[Content_Types].xml": types})
    results = run_batch(iter_inputs([src]), batch=BatchSettings(workers=1))
    for r in results:
        assert r.error, r.source_file
        assert not r.error.startswith("could not read"), r.error
        assert str(tmp_path) not in r.error and not re.search(r"(^|[\s'(])/\w", r.error), r.error
        assert re.search(r"[\w).]$", r.error), r.error  # ends on a whole word


def test_the_last_resort_message_has_no_path_and_whole_words(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    paper = tmp_path / "plan.docx"
    shutil.copy(PLAN, paper)

    def buggy(path: Path, source: str, kind: str, settings: IngestSettings) -> None:
        raise TypeError(f"cannot use {path.resolve()} because " + "of a very long story " * 20)

    monkeypatch.setattr(actionplans.paper, "read_sniffed", buggy)
    (result,) = run_batch([(paper, "plan.docx")], batch=BatchSettings(workers=0))
    assert str(tmp_path) not in result.error and "plan.docx" in result.error
    assert result.error.endswith("…)") and " stor…" not in result.error


# --- 12. a DOCTYPE in any encoding, in any main part ---------------------------------------------

DOCTYPE = '<!DOCTYPE d [<!ENTITY x "y">]>'


def _with_doctype(xml: bytes, codec: str = "utf-8", declared: str = "UTF-8") -> bytes:
    """The part with a DOCTYPE, in ``codec`` without a byte order mark, its declaration naming ``declared``."""
    head, _, rest = xml.partition(b"?>")
    text = (head.replace(b"encoding='UTF-8'", f"encoding='{declared}'".encode()) + b"?>").decode()
    return (text + DOCTYPE + rest.decode("utf-8")).encode(codec)


@pytest.mark.parametrize("codec,declared", [("utf-16-le", "UTF-16"), ("utf-16-be", "UTF-16"), ("utf-32-le", "UTF-32")])
def test_a_doctype_is_refused_whatever_the_encoding(codec: str, declared: str, tmp_path: Path) -> None:
    evil = _with_doctype(_part("word/document.xml"), codec, declared)
    bad = docx_with(tmp_path / "evil.docx", {"word/document.xml": evil})
    assert _refusal(bad) == ("Word file refused: part word/document.xml declares XML entities (a DOCTYPE), "
                             "which are never resolved")


def test_a_doctype_is_refused_whatever_the_main_part_is_called(tmp_path: Path) -> None:
    evil = _with_doctype(_part("word/document.xml"))
    types = _part("[Content_Types].xml").replace(b'PartName="/word/document.xml"', b'PartName="/word/main.bin"')
    rels = _part("_rels/.rels").replace(b'Target="word/document.xml"', b'Target="word/main.bin"')
    moved = {"word/main.bin": _part("word/document.xml"), "[Content_Types].xml": types, "_rels/.rels": rels,
             "word/_rels/main.bin.rels": _part("word/_rels/document.xml.rels")}
    drop = ("word/document.xml", "word/_rels/document.xml.rels")
    fine = docx_with(tmp_path / "moved.docx", moved, drop=drop)
    assert sum(len(t.rows) for t in read_document(fine, "moved.docx").tables) > 40  # python-docx reads it
    bad = docx_with(tmp_path / "evil.docx", {**moved, "word/main.bin": evil}, drop=drop)
    assert _refusal(bad) == ("Word file refused: part word/main.bin declares XML entities (a DOCTYPE), "
                             "which are never resolved")


def test_a_picture_with_a_doctype_does_not_refuse_the_paper(tmp_path: Path) -> None:
    svg = b'<?xml version="1.0"?><!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "x.dtd"><svg/>'
    types = _part("[Content_Types].xml").replace(b"</Types>", b'<Default Extension="svg" '
                                                                b'ContentType="image/svg+xml"/></Types>')
    paper = docx_with(tmp_path / "svg.docx", {"word/media/logo.svg": svg, "[Content_Types].xml": types})
    assert sum(len(t.rows) for t in read_document(paper, "svg.docx").tables) > 40


# --- 13. the parsers' own warnings ----------------------------------------------------------------

@pytest.mark.parametrize("workers", ["0", "1"])
def test_pdfminer_warnings_reach_the_console_only_with_verbose(workers: str, tmp_path: Path) -> None:
    (tmp_path / "text.pdf").write_bytes(text_pdf())

    def stderr(*flags: str) -> str:
        # The fast first pass would spare pdfminer this page (no plan on it): make pdfminer read it.
        done = subprocess.run([sys.executable, "-m", "actionplans", "extract", str(tmp_path / "text.pdf"), "-o",
                               str(tmp_path / "out"), "--no-cache", "-j", workers,
                               "--set", "ingest.pdf.prefilter.enabled=false", *flags],
                              capture_output=True, text=True, timeout=120, cwd=tmp_path)
        assert done.returncode == 0, done.stderr
        return done.stderr

    assert "FontBBox" not in stderr("-q") and "FontBBox" not in stderr()
    assert "FontBBox" in stderr("-v")


def test_the_console_is_left_as_it_was(tmp_path: Path) -> None:
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    assert actionplans.main(["extract", str(MINUTES), "-o", str(tmp_path), "-q", "--no-cache"]) == 0
    assert (root.handlers, root.level) == (handlers, level)

