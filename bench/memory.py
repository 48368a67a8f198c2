"""Memory against the number of actions: two versions of one Word plan of N actions, each
read in its reader (its peak resident memory), then normalised and written to every
output format by the run's own process (its peak), in a fresh interpreter per N so that
one size's peak does not hide another's.

``python -m bench.memory N WORK`` prints one JSON line: actions, reader_mb, main_mb,
seconds. ``make bench`` runs it for several N and prints MiB per 1,000 actions, and
``python -m bench.memory folder FOLDER WORK CACHE`` for the synthetic batch (the run's own
process on many ordinary papers).

``python -m bench.memory N WORK --redraft``: the second version a redraft (actions dropped,
added and reworded, so most numbers move), which links most actions by text alone (the
assignment over every pair, linking's costly part) instead of by their numbers.
"""
from __future__ import annotations

import json
import random
import resource
import sys
import time
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

from bench.synth import TAILS, sentence

_TYPES = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
          '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
          '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
          '<Default Extension="xml" ContentType="application/xml"/>'
          '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.'
          'wordprocessingml.document.main+xml"/></Types>')
_RELS = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
         '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
         '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
         'officeDocument" Target="word/document.xml"/></Relationships>')
_HEADER = ("Ref", "Action", "Lead officer", "Target date", "RAG")
_LEADS = ("Director of Children's Services", "Head of Safeguarding", "Assistant Director, Education",
          "Head of Housing Needs", "Service Manager, Fostering")
_MONTHS = ("March 2025", "June 2025", "September 2025", "December 2025")
_RAGS = ("Red", "Amber", "Green")


def _p(text: str) -> str:
    return f"<w:p><w:r><w:t xml:space=\"preserve\">{escape(text)}</w:t></w:r></w:p>"


def _row(cells: tuple[str, ...]) -> str:
    return "<w:tr>" + "".join(f"<w:tc>{_p(c)}</w:tc>" for c in cells) + "</w:tr>"


def plan_docx(path: Path, actions: int, version: int, seed: int = 0, redraft: bool = False) -> Path:
    """A Word plan of ``actions`` rows (unique action texts, the same in each version; the
    status moves on from version to version), as at a date of its version's. With
    ``redraft`` a later version is a redraft of the first (``_redrafted``)."""
    rng = random.Random(seed)
    rows = []
    for n in range(actions):
        rag = _RAGS[min(2, (n + version + rng.randint(0, 1)) % 3)]
        rows.append((f"{sentence(rng)} (action {n + 1})", rng.choice(_LEADS), rng.choice(_MONTHS), rag))
    if redraft and version:
        rows = _redrafted(rows, random.Random(seed + version))
    body = (_p("Northbridge Borough Council") + _p(f"Improvement plan: progress as at 1 {_MONTHS[version]}")
            + "<w:tbl>" + _row(_HEADER)
            + "".join(_row((f"{n // 10 + 1}.{n % 10 + 1}", *row)) for n, row in enumerate(rows)) + "</w:tbl>")
    document = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
                f"<w:body>{body}<w:sectPr/></w:body></w:document>")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", _TYPES)
        z.writestr("_rels/.rels", _RELS)
        z.writestr("word/document.xml", document)
    return path


def _redrafted(rows: list[tuple[str, str, str, str]], rng: random.Random) -> list[tuple[str, str, str, str]]:
    """One action in 20 dropped, one in 20 added after an action, one in 5 reworded (its
    closing clause changed): the numbers after the first change all move."""
    out = []
    for n, (text, lead, month, rag) in enumerate(rows):
        roll = rng.random()
        if roll < 0.05:
            continue
        if roll < 0.25:
            tail = next(t for t in TAILS if t in text)
            text = text.replace(tail, rng.choice([t for t in TAILS if t != tail]))
        out.append((text, lead, month, rag))
        if rng.random() < 0.05:
            out.append((f"{sentence(rng)} (new action {n + 1})", rng.choice(_LEADS), rng.choice(_MONTHS), "Amber"))
    return out


def measure(actions: int, work: Path, versions: int = 2, redraft: bool = False) -> dict[str, float]:
    """Read, normalise and write ``versions`` versions of an ``actions``-action plan
    (``redraft``: the later versions redrafts of the first)."""
    from actionplans.api import run_report
    from actionplans.batch import BatchSettings
    from actionplans.output import write_outputs

    name = f"{actions}-redraft" if redraft else f"{actions}"
    folder = work / f"plan-{name}"
    folder.mkdir(parents=True, exist_ok=True)
    for version in range(versions):
        target = folder / f"plan_v{version + 1}.docx"
        if not target.exists():
            plan_docx(target, actions, version, redraft=redraft)
    started = time.perf_counter()
    ran = run_report(folder, batch=BatchSettings(workers=1, cache_dir=None))
    report, tables = ran.batch, ran.tables
    errors = [r.error for r in report.results if r.error]
    write_outputs(tables, work / f"out-{name}")
    return {"actions": actions * versions, "rows": len(tables.actions), "threads": len(tables.progress),
            "errors": len(errors),
            "reader_mb": max(s.peak_mb for s in report.stats.values()),
            "main_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
            "seconds": time.perf_counter() - started}


def measure_folder(folder: Path, work: Path, cache: Path) -> dict[str, float]:
    """The run's own process on a batch of papers (their results from ``cache`` where
    found), normalised and written to every format."""
    from actionplans import run
    from actionplans.batch import BatchSettings
    from actionplans.output import write_outputs

    started = time.perf_counter()
    tables = run(folder, batch=BatchSettings(workers=2, cache_dir=cache))
    write_outputs(tables, work / "out-batch")
    return {"papers": len(tables.documents), "actions": len(tables.actions),
            "main_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
            "seconds": time.perf_counter() - started}


if __name__ == "__main__":
    if sys.argv[1] == "folder":
        print(json.dumps(measure_folder(Path(sys.argv[2]), Path(sys.argv[3]), Path(sys.argv[4]))))
    else:
        print(json.dumps(measure(int(sys.argv[1]), Path(sys.argv[2]), redraft="--redraft" in sys.argv[3:])))
