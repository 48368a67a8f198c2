"""The batch survives any file: each bad file is one error row with a one-line reason,
a hang is stopped at the time limit, a crash or memory blow-up costs that file only,
and the good files' rows are kept. Also: settings, the cache, and a Dask cluster."""
from __future__ import annotations

import csv
import io
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
import zipfile
import zlib
from pathlib import Path

import pytest

import actionplans
import actionplans.api
from actionplans.batch import BatchSettings, iter_inputs, run_batch, run_batch_report
from actionplans.extract import ExtractSettings
from actionplans.extract.headers import HeaderSettings
from actionplans.ingest import IngestError, IngestSettings, read_document
from actionplans.ingest.ocr import OcrSettings
from actionplans.ingest.safety import DocxLimits
from actionplans.normalise.plans import PlanSettings
from conftest import SAMPLES, pdf_from_objects

PLAN_DOCX = SAMPLES / "004_reading_cp_action_plan_2013-08.docx"
PLAN_PDF = SAMPLES / "004_reading_cp_action_plan_2013-08.pdf"
MINUTES = SAMPLES / "002_slac_inspection_minutes.docx"


# --- files made here ---------------------------------------------------------------

def one_page_pdf(content: bytes, extra: bytes = b"") -> bytes:
    """A valid one-page PDF whose page draws ``content`` (Flate-compressed)."""
    stream = zlib.compress(content, 1)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >> " + extra + b">> >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream",
    ]
    return pdf_from_objects(objects)




def slow_pdf() -> bytes:
    """A page of 300,000 tiny strokes: pdfminer needs many seconds for it."""
    return one_page_pdf(b"0 0 m 1 1 l S\n" * 300_000)


def memory_bomb_pdf(mib: int = 400) -> bytes:
    """A page whose content stream inflates to ``mib`` MiB of spaces."""
    packer = zlib.compressobj(1)
    chunk = b" " * (1 << 20)
    stream = b"".join(packer.compress(chunk) for _ in range(mib)) + packer.flush()
    return pdf_from_objects([b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                 b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
                 b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream"])


def scanned_pdf(path: Path) -> Path:
    """One page holding only a picture, as a scanner makes."""
    import pypdfium2 as pdfium
    from PIL import Image

    pdf = pdfium.PdfDocument.new()
    page = pdf.new_page(595, 842)
    image = pdfium.PdfImage.new(pdf)
    image.set_bitmap(pdfium.PdfBitmap.from_pil(Image.new("RGB", (200, 280), "white")))
    image.set_matrix(pdfium.PdfMatrix().scale(500, 700).translate(40, 60))
    page.insert_obj(image)
    page.gen_content()
    pdf.save(str(path))
    return path


def docx_with(path: Path, replace: dict[str, bytes], source: Path = PLAN_DOCX,
              compress: int = zipfile.ZIP_DEFLATED) -> Path:
    """A copy of a Word file with some parts replaced or added."""
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(path, "w", compress) as dst:
        for info in src.infolist():
            if info.filename not in replace:
                dst.writestr(info, src.read(info))
        for name, data in replace.items():
            dst.writestr(name, data)
    return path


def _read(path: Path, settings: IngestSettings | None = None) -> str:
    """The reason read_document gives for refusing ``path`` (fails if it reads it)."""
    with pytest.raises(IngestError) as caught:
        read_document(path, path.name, settings)
    return caught.value.message


def _batch(files: list[Path], **settings: object) -> dict[str, object]:
    results = run_batch([(f, f.name) for f in files], batch=BatchSettings(**settings))  # type: ignore[arg-type]
    return {r.source_file: r for r in results}


# --- settings ------------------------------------------------------------------------

@pytest.mark.parametrize("field,value,words", [
    ("workers", -1, "workers must be >= 0"),
    ("timeout_s", 0, "timeout_s must be > 0"),
    ("memory_mb", 64, "memory_mb must be >= 512"),
])
def test_settings_name_the_bad_value(field: str, value: object, words: str) -> None:
    with pytest.raises(ValueError, match=words):
        BatchSettings(**{field: value})  # type: ignore[arg-type]
    assert BatchSettings.resolve({"workers": 3}).workers == 3
    assert BatchSettings.resolve(None) == BatchSettings()


def test_default_is_one_worker_per_core_with_sane_limits() -> None:
    settings = BatchSettings()
    assert settings.workers == (os.cpu_count() or 1)
    assert (settings.timeout_s, settings.memory_mb) == (120.0, 2048)


def test_bad_worker_count_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert actionplans.main(["extract", str(MINUTES), "-o", str(tmp_path), "--workers", "-2"]) == 2
    assert "workers must be >= 0" in capsys.readouterr().err


# --- limits: time, crash, memory ---------------------------------------------------------

def test_a_hang_is_stopped_at_the_time_limit_and_the_batch_goes_on(tmp_path: Path) -> None:
    (tmp_path / "slow.pdf").write_bytes(slow_pdf())
    started = time.monotonic()
    got = _batch([tmp_path / "slow.pdf", PLAN_DOCX], workers=2, timeout_s=2)
    assert time.monotonic() - started < 20
    assert got["slow.pdf"].error == "timed out after 2 s (stopped)"  # type: ignore[attr-defined]
    assert len(got[PLAN_DOCX.name].extraction.actions) == 43  # type: ignore[attr-defined]


def test_a_crash_costs_one_file(tmp_path: Path) -> None:
    import psutil
    (tmp_path / "slow.pdf").write_bytes(slow_pdf())
    got: dict[str, object] = {}
    runner = threading.Thread(target=lambda: got.update(_batch([tmp_path / "slow.pdf", MINUTES], workers=2)))
    runner.start()
    deadline = time.monotonic() + 30
    victim = None
    while victim is None and time.monotonic() < deadline:
        time.sleep(0.3)
        # The children are the fork server's: by now only the slow file's is left.
        servers = [p for p in psutil.Process().children() if "forkserver" in " ".join(p.cmdline())]
        readers = [c for s in servers for c in s.children()]
        victim = readers[0] if len(readers) == 1 and time.monotonic() > deadline - 28 else None
    assert victim is not None
    victim.send_signal(signal.SIGSEGV)
    runner.join(30)
    assert got["slow.pdf"].error == "reader crashed (SIGSEGV)"  # type: ignore[attr-defined]
    assert got[MINUTES.name].error == "" and got[MINUTES.name].extraction is not None  # type: ignore[attr-defined]


def test_a_memory_blow_up_costs_one_file(tmp_path: Path) -> None:
    (tmp_path / "bomb.pdf").write_bytes(memory_bomb_pdf(800))
    got = _batch([tmp_path / "bomb.pdf", MINUTES], workers=2, memory_mb=512)
    assert "memory" in got["bomb.pdf"].error  # type: ignore[attr-defined]
    assert got[MINUTES.name].extraction is not None  # type: ignore[attr-defined]


# --- bad input: a clear reason, never a traceback ------------------------------------

def test_bad_files_each_get_one_line(tmp_path: Path) -> None:
    files = {
        "empty.pdf": b"",
        "truncated.pdf": PLAN_PDF.read_bytes()[:3000],
        "page.pdf": b"<!DOCTYPE html><html><body>Moved</body></html>",
        "archive.pdf": _zip({"a.txt": b"hello"}),
        "torn.docx": PLAN_DOCX.read_bytes()[:4000],
        "notes.txt": b"just some notes",
    }
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    got = _batch([tmp_path / n for n in files], workers=2)
    reasons = {name: got[name].error for name in files}  # type: ignore[attr-defined]
    assert reasons == {
        "empty.pdf": "empty file (0 bytes)",
        "truncated.pdf": "damaged PDF: the file ends too soon (truncated?)",
        "page.pdf": "an HTML page, not a PDF or Word file",
        "archive.pdf": "a zip archive, not a Word .docx",
        "torn.docx": "damaged zip file (a truncated Word .docx?)",
        "notes.txt": "",  # plainly not a paper: skipped (issue 15), no error
    }
    assert got["notes.txt"].skipped == "a text file, not a paper"  # type: ignore[attr-defined]


def _zip(members: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in members.items():
            z.writestr(name, data)
    return out.getvalue()


def test_scan_without_text_layer(tmp_path: Path) -> None:
    # With OCR off (or the extra absent: tests/test_formats.py) a scan is refused, saying so.
    no_ocr = IngestSettings(ocr=OcrSettings(enabled=False))
    assert _read(scanned_pdf(tmp_path / "scan.pdf"), no_ocr) == "no text layer (scanned?)"


def test_docx_zip_bomb_is_refused_unopened(tmp_path: Path) -> None:
    bomb = docx_with(tmp_path / "bomb.docx", {"word/media/blank.bin": b"\0" * (64 << 20)})
    assert _read(bomb).startswith("Word file refused: part word/media/blank.bin expands")
    assert "zip bomb" in _read(bomb)


def test_docx_huge_xml_part_is_refused(tmp_path: Path) -> None:
    body = b"<w:p/>" * 400_000  # 2.4 MB of XML
    huge = docx_with(tmp_path / "huge.docx", {"word/extra.xml": b"<?xml version='1.0'?><x>" + body + b"</x>"})
    settings = IngestSettings(docx=DocxLimits(max_xml_mb=1))
    assert _read(huge, settings) == "Word file refused: part word/extra.xml is 2 MiB of XML (limit 1 MiB)"


def test_docx_external_entities_are_never_resolved(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-VALUE")
    with zipfile.ZipFile(PLAN_DOCX) as z:
        document = z.read("word/document.xml")
    head, _, rest = document.partition(b"?>")
    evil = (head + b'?>\n<!DOCTYPE d [<!ENTITY x SYSTEM "' + secret.as_uri().encode() + b'">]>'
            + rest.replace(b"<w:body>", b"<w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p>", 1))
    bad = docx_with(tmp_path / "xxe.docx", {"word/document.xml": evil})
    assert _read(bad) == ("Word file refused: part word/document.xml declares XML entities (a DOCTYPE), "
                          "which are never resolved")
    out = tmp_path / "out"
    assert actionplans.main(["extract", str(bad), "-o", str(out), "-q", "--no-cache", "--format", "csv,json"]) == 1
    assert not any("TOP-SECRET" in p.read_text(errors="replace") for p in out.iterdir() if p.is_file())


def test_docx_with_a_missing_picture_is_still_read(tmp_path: Path) -> None:
    rels = "word/_rels/document.xml.rels"
    with zipfile.ZipFile(PLAN_DOCX) as z:
        links = z.read(rels)
    dangling = links.replace(b"</Relationships>", b'<Relationship Id="rIdLost" Type="http://schemas.openxmlformats.org/'
                             b'officeDocument/2006/relationships/image" Target="media/lost.png"/></Relationships>')
    path = docx_with(tmp_path / "lost.docx", {rels: dangling})
    doc = read_document(path, path.name)
    assert sum(len(t.rows) for t in doc.tables) > 40


def test_password_protected_word_file_is_named(tmp_path: Path) -> None:
    import olefile
    assert olefile  # the container format is checked with olefile
    # An OLE2 container holding an EncryptedPackage stream, as Word writes one.
    path = tmp_path / "locked.docx"
    path.write_bytes(_ole2({"EncryptionInfo": b"\x04\x00\x04\x00" + b"\0" * 60, "EncryptedPackage": b"\0" * 600}))
    assert _read(path) == "password-protected Word file: save a copy without the password"


def _ole2(streams: dict[str, bytes]) -> bytes:
    """A minimal compound file (version 3, 512-byte sectors) holding small streams in
    regular sectors (each padded past the 4096-byte mini-stream cutoff)."""
    import struct

    sector = 512
    names = list(streams)
    data = {n: streams[n].ljust(4096, b"\0") for n in names}
    chains: list[tuple[int, int]] = []  # (first sector, count) per stream, after the directory sector
    next_sector = 2  # 0: FAT, 1: directory
    for n in names:
        count = len(data[n]) // sector
        chains.append((next_sector, count))
        next_sector += count
    fat = [0xFFFFFFFD, 0xFFFFFFFE]  # FAT sector, end of directory chain
    for start, count in chains:
        fat += [start + i + 1 for i in range(count - 1)] + [0xFFFFFFFE]
    fat += [0xFFFFFFFF] * (sector // 4 - len(fat))

    def entry(name: str, kind: int, child: int, start: int, size: int, right: int = 0xFFFFFFFF) -> bytes:
        raw = name.encode("utf-16-le") + b"\0\0"
        return (raw.ljust(64, b"\0") + struct.pack("<HBB", len(raw), kind, 1)
                + struct.pack("<III", 0xFFFFFFFF, right, child) + b"\0" * 16 + b"\0" * 4 + b"\0" * 16
                + struct.pack("<IQ", start, size))

    entries = [entry("Root Entry", 5, 1, 0xFFFFFFFE, 0)]
    for i, (n, (start, _)) in enumerate(zip(names, chains, strict=True)):
        right = i + 2 if i + 1 < len(names) else 0xFFFFFFFF
        entries.append(entry(n, 2, 0xFFFFFFFF, start, len(data[n]), right))
    directory = b"".join(entries).ljust(sector, b"\0")
    header = (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 16 + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6)
              + b"\0" * 6 + struct.pack("<IIIIIIIII", 0, 1, 1, 0, 4096, 0xFFFFFFFE, 0, 0xFFFFFFFE, 0))
    header += struct.pack("<I", 0) + struct.pack("<I", 0xFFFFFFFF) * 108
    return header + struct.pack(f"<{sector // 4}I", *fat) + directory + b"".join(data[n] for n in names)


def test_legacy_doc_without_libreoffice_says_so(tmp_path: Path) -> None:
    doc = _legacy_doc(tmp_path)
    message = _read(doc, IngestSettings(soffice=None))
    assert message == ("legacy Word .doc file: LibreOffice (soffice) is needed to read it and is not installed; "
                       "or save the file as .docx")


def test_legacy_doc_is_converted_with_libreoffice(tmp_path: Path) -> None:
    doc = _legacy_doc(tmp_path)
    got = _batch([doc], workers=1)
    assert got["plan.doc"].format == "doc"  # type: ignore[attr-defined]
    assert len(got["plan.doc"].extraction.actions) == 43  # type: ignore[attr-defined]


def _legacy_doc(tmp_path: Path) -> Path:
    """The sample plan saved as Word 97 by LibreOffice (skips where it is not installed)."""

    soffice = shutil.which("soffice")
    if soffice is None:
        pytest.skip("LibreOffice is not installed: no .doc can be made here")
    profile = (tmp_path / "profile").as_uri()
    subprocess.run([soffice, "--headless", f"-env:UserInstallation={profile}", "--convert-to", "doc:MS Word 97",
                    "--outdir", str(tmp_path), str(PLAN_DOCX)], check=True, capture_output=True, timeout=120)
    made = tmp_path / PLAN_DOCX.with_suffix(".doc").name
    return made.rename(tmp_path / "plan.doc")


# --- the files themselves: names, links, vanishing -----------------------------------

def test_odd_names_links_and_special_files_each_get_a_row(tmp_path: Path) -> None:
    src = tmp_path / "in"
    (src / "sub").mkdir(parents=True)
    shutil.copy(MINUTES, src / "minutes.docx")
    shutil.copy(MINUTES, os.fsdecode(bytes(src) + b"/caf\xe9.docx"))  # a name that is not UTF-8
    os.symlink("loop_b.pdf", src / "loop_a.pdf")
    os.symlink("loop_a.pdf", src / "loop_b.pdf")
    os.symlink("gone.pdf", src / "dangling.pdf")
    os.symlink("..", src / "sub" / "up")  # a folder link back up the tree
    os.mkfifo(src / "pipe.pdf")
    out = tmp_path / "out"
    code = actionplans.main(["extract", str(src), "-o", str(out), "-q", "--no-cache", "--format", "csv"])
    assert code == 1
    with open(out / "documents.csv", encoding="utf-8-sig", newline="") as fh:
        rows = {r["source_file"]: (r["status"], r["message"]) for r in csv.DictReader(fh)}
    assert rows == {
        "caf\ufffd.docx": ("no_plan", ""),
        "dangling.pdf": ("error", "broken symbolic link (its target is missing)"),
        "loop_a.pdf": ("error", "symbolic link loop"),
        "loop_b.pdf": ("error", "symbolic link loop"),
        "minutes.docx": ("no_plan", ""),
        "pipe.pdf": ("error", "not a regular file"),
    }


def test_a_file_that_vanishes_is_reported(tmp_path: Path) -> None:
    shutil.copy(MINUTES, tmp_path / "here.docx")
    shutil.copy(MINUTES, tmp_path / "gone.docx")
    inputs = iter_inputs([tmp_path])
    (tmp_path / "gone.docx").unlink()
    results = {r.source_file: r for r in run_batch(inputs)}
    assert results["gone.docx"].error == "file vanished before it could be read"
    assert results["here.docx"].extraction is not None


# --- parallel, cached, distributed ---------------------------------------------------

def _summary(results: list) -> list[tuple[str, str, int]]:  # type: ignore[type-arg]
    return [(r.source_file, r.error, len(r.extraction.actions) if r.extraction else -1) for r in results]


def test_workers_give_the_same_results_in_input_order() -> None:
    inputs = iter_inputs([SAMPLES])
    here = run_batch(inputs, batch=BatchSettings(workers=0))
    apart = run_batch(inputs, batch=BatchSettings(workers=2))
    assert _summary(apart) == _summary(here)
    assert [r.source_file for r in apart] == sorted(p.name for p in SAMPLES.iterdir())


def test_cache_skips_unchanged_files_and_is_invalidated(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    for sample in (PLAN_DOCX, MINUTES):
        shutil.copy(sample, src / sample.name)
    settings = BatchSettings(workers=2, cache_dir=tmp_path / "cache")
    first = run_batch_report(iter_inputs([src]), batch=settings)
    assert not any(s.cached for s in first.stats.values())
    again = run_batch_report(iter_inputs([src]), batch=settings)
    assert all(s.cached for s in again.stats.values())
    assert _summary(again.results) == _summary(first.results)
    # A changed file, a renamed one, and changed settings.
    shutil.copy(PLAN_DOCX, src / MINUTES.name)
    (src / PLAN_DOCX.name).rename(src / "renamed.docx")
    changed = run_batch_report(iter_inputs([src]), batch=settings)
    assert {k: s.cached for k, s in changed.stats.items()} == {MINUTES.name: True, "renamed.docx": True}
    assert [r.source_file for r in changed.results] == [MINUTES.name, "renamed.docx"]
    stricter = ExtractSettings(headers=HeaderSettings(min_score=90))
    other = run_batch_report(iter_inputs([src]), stricter, settings)
    assert not any(s.cached for s in other.stats.values())


def test_cache_misses_after_the_file_changes(tmp_path: Path) -> None:
    paper = tmp_path / "paper.docx"
    shutil.copy(MINUTES, paper)
    settings = BatchSettings(workers=1, cache_dir=tmp_path / "cache")
    run_batch([(paper, "paper.docx")], batch=settings)
    shutil.copy(PLAN_DOCX, paper)
    report = run_batch_report([(paper, "paper.docx")], batch=settings)
    assert not report.stats["paper.docx"].cached
    assert len(report.results[0].extraction.actions) == 43  # type: ignore[union-attr]


def test_unchanged_rerun_skips_normalise_and_a_change_does_not(tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(PLAN_DOCX, src / PLAN_DOCX.name)
    settings = BatchSettings(workers=1, cache_dir=tmp_path / "cache")
    first = actionplans.run([src], batch=settings)
    calls: list[int] = []
    real = actionplans.api.results_to_tables
    monkeypatch.setattr(actionplans.api, "results_to_tables", lambda *a: calls.append(1) or real(*a))
    again = actionplans.run([src], batch=settings)
    assert calls == [] and again.actions == first.actions and again.documents == first.documents
    # The same bytes under another name are another run: source_file differs in every row.
    (src / PLAN_DOCX.name).rename(src / "renamed.docx")
    renamed = actionplans.run([src], batch=settings)
    assert calls == [1] and {a.source_file for a in renamed.actions} == {"renamed.docx"}
    other = actionplans.Settings(normalise=actionplans.NormaliseSettings(plans=PlanSettings(same_plan=90)))
    actionplans.run([src], other, settings)
    assert calls == [1, 1]


@pytest.mark.parametrize("how", ["file", "stdin"])
def test_a_script_without_a_main_guard_can_call_the_library(how: str, tmp_path: Path) -> None:
    """Children never re-run the caller's script, so a plain script (or one fed on stdin)
    reads its papers in worker processes like the command line does."""
    script = ("import actionplans\n"
              f"frames = actionplans.extract_folder({str(SAMPLES)!r})\n"
              "print(int(frames['documents']['actions'].sum()))\n")
    path = tmp_path / "script.py"
    path.write_text(script)
    argv, stdin = ([sys.executable, str(path)], None) if how == "file" else ([sys.executable, "-"], script)
    done = subprocess.run(argv, input=stdin, capture_output=True, text=True, cwd=tmp_path, timeout=300)
    assert (done.returncode, done.stdout.strip()) == (0, "172"), done.stderr[-2000:]


def test_same_batch_on_a_dask_cluster() -> None:
    import distributed
    inputs = iter_inputs([SAMPLES])
    with distributed.LocalCluster(n_workers=1, threads_per_worker=2, processes=False,
                                  dashboard_address=None) as cluster:
        remote = run_batch(inputs, batch=BatchSettings(scheduler=cluster.scheduler_address))
    assert _summary(remote) == _summary(run_batch(inputs))


# --- OCR is given the time it needs ----------------------------------------------------

def test_a_scans_time_limit_grows_with_its_pages_read_by_ocr() -> None:
    from actionplans.reader import Job, deadline
    job = Job(0, 1, PLAN_PDF, "scan.pdf", ExtractSettings(), IngestSettings(), 2048, None,
              timeout_s=120, ocr_page_s=30)
    assert deadline(1000.0, job, 0) == 1120.0
    assert deadline(1000.0, job, 5) == 1270.0  # a five-page scan: 120 s and 30 s a page
    settings = BatchSettings()
    assert (settings.timeout_s, settings.ocr_page_s) == (120.0, 30.0)
    with pytest.raises(ValueError, match="ocr_page_s must be >= 0"):
        BatchSettings(ocr_page_s=-1)


def test_the_reader_hears_how_many_pages_ocr_will_read_before_it_starts(tmp_path: Path) -> None:
    from actionplans.ingest.ocr import available, ocr_pages_heard_by
    if not available():
        pytest.skip("the OCR extra is not installed")
    scan = tmp_path / "scan.pdf"
    import pypdfium2 as pdfium
    one = pdfium.PdfDocument(str(scanned_pdf(tmp_path / "one.pdf")))
    three = pdfium.PdfDocument.new()
    three.import_pages(one, [0, 0, 0])
    three.save(str(scan))
    heard: list[int] = []
    with ocr_pages_heard_by(heard.append):
        read_document(scan, "scan.pdf", IngestSettings(ocr=OcrSettings(max_pages=2)))
    assert heard == [2]  # the pages it reads, not the scan's length past ocr.max_pages


def test_a_paper_is_sniffed_once_and_its_size_checked_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import actionplans.ingest
    import actionplans.paper
    calls = {"sniff": 0, "size": 0}

    def counted(name: str, real: object) -> object:
        def call(*args: object) -> object:
            calls[name] += 1
            return real(*args)  # type: ignore[operator]
        return call

    monkeypatch.setattr(actionplans.paper, "sniff_format", counted("sniff", actionplans.paper.sniff_format))
    monkeypatch.setattr(actionplans.ingest, "sniff_format", counted("sniff", actionplans.ingest.sniff_format))
    monkeypatch.setattr(actionplans.paper, "check_size", counted("size", actionplans.paper.check_size))
    monkeypatch.setattr(actionplans.ingest, "check_size", counted("size", actionplans.ingest.check_size))
    (result,) = run_batch([(PLAN_DOCX, "plan.docx")], batch=BatchSettings(workers=0))
    assert len(result.extraction.actions) == 43  # type: ignore[union-attr]
    assert calls == {"sniff": 1, "size": 1}
