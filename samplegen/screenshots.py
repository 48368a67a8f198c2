"""The report's screenshots in docs/: report.html of the samples and of the development
set (../shared/realworld-examples/docs, the set-aside papers left out), at 1400 and 800
pixels wide, in headless Chromium (samplegen/browser.py). Run: make screenshots."""
from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path

import actionplans
from samplegen.browser import chromium, missing, screenshot

ROOT = Path(__file__).resolve().parent.parent
DEVELOPMENT = ROOT.parent / "shared" / "realworld-examples" / "docs"
# The development set's honest estimate of unseen papers: never shown (see the brief of the set).
SET_ASIDE = frozenset({"fermanagh_omagh_climate_action_plan_themes.docx",
                       "flintshire_climate_change_programme_action_plan_buildings.pdf",
                       "herefordshire_carbon_management_key_areas.pdf", "isle_of_anglesey_emissions_scope_owners.docx"})
WIDTHS = (1400, 800)


def report(folder: Path, work: Path) -> Path:
    """report.html of the papers in ``folder`` (a folder of ``work``), named as a user names
    a folder beside their outputs: the page shows "from samples", not a temporary path."""
    here = Path.cwd()
    os.chdir(work)
    try:
        code = actionplans.main(["extract", folder.name, "-o", "out", "-q", "--evidence", "--no-cache"])
    finally:
        os.chdir(here)
    if code not in (0, 1):
        raise SystemExit(f"extract {folder} failed ({code})")
    return work / "out" / "report.html"


def development_copy(work: Path) -> Path:
    folder = work / "development-set"
    folder.mkdir()
    for paper in sorted(DEVELOPMENT.iterdir()):
        if paper.is_file() and paper.name not in SET_ASIDE:
            shutil.copy(paper, folder / paper.name)
    return folder


def main(out: Path) -> None:
    why = missing()
    if why:
        raise SystemExit(f"no browser: {why}")
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp, chromium() as driver:
        work = Path(tmp)
        (work / "s").mkdir()
        shutil.copytree(ROOT / "samples", work / "s" / "samples")
        pages = {"samples": report(work / "s" / "samples", work / "s")}
        if DEVELOPMENT.is_dir():
            (work / "d").mkdir()
            pages["development-set"] = report(development_copy(work / "d"), work / "d")
        for name, page in pages.items():
            driver.get(page.as_uri())
            for width in WIDTHS:
                screenshot(driver, out / f"report-{name}-{width}.png", width)
                print(out / f"report-{name}-{width}.png")
        driver.get(pages["samples"].as_uri())  # the all-actions view, a PDF row opened on its crop
        driver.execute_script("const rows = document.querySelectorAll('#all tr.item');"
                              "rows[1].querySelector('button.open').click();")
        screenshot(driver, out / "report-samples-actions-1400.png", 1400, 1100, "#all")
        print(out / "report-samples-actions-1400.png")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs")
