"""report.html in a real browser (Debian's headless Chromium, samplegen/browser.py): every
plan of the samples and of the development set has its section with its latest version's
action count; search and a filter change the visible rows; nothing overflows at 1400
and 800 pixels; a PDF row opens its crop. Skips, saying why, where Chromium is absent.
`make test-browser` runs this module alone."""
from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import actionplans
from conftest import SAMPLES, SHARED
from samplegen.browser import OVERFLOWS, chromium, missing, set_width

REALWORLD = SHARED / "realworld-examples" / "docs"
WIDTHS = (1400, 800)


@pytest.fixture(scope="module")
def driver() -> Iterator[Any]:
    why = missing()
    if why:
        pytest.skip(f"no browser for the report tests: {why}")
    with chromium() as browser:
        yield browser


def _run(folder: Path, out: Path) -> Path:
    code = actionplans.main(["extract", str(folder), "-o", str(out), "-q", "--evidence"])
    assert code in (0, 1), code  # 1: some file of the folder could not be read, the rest still written
    return out


@pytest.fixture(scope="module")
def samples_run(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _run(SAMPLES, tmp_path_factory.mktemp("samples") / "out")


@pytest.fixture(scope="module")
def realworld_run(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if not REALWORLD.is_dir():
        pytest.skip("../shared/realworld-examples is absent (a user's own clone)")
    return _run(REALWORLD, tmp_path_factory.mktemp("realworld") / "out")


def _rows(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


def latest_counts(out: Path) -> dict[str, int]:
    """Each plan's action count in its latest version, from summary.csv (versions in order)."""
    counts: dict[str, int] = {}
    for row in _rows(out / "summary.csv"):
        counts[row["plan_id"]] = int(row["total"])
    return counts


def _open(driver: Any, out: Path, width: int = 1400) -> None:
    set_width(driver, width)
    driver.get((out / "report.html").as_uri())


def _sections(driver: Any) -> dict[str, int]:
    return driver.execute_script(
        "const o = {}; document.querySelectorAll('section.plan').forEach(s => "
        "{ o[s.dataset.plan] = s.querySelectorAll('tr.item').length; }); return o;")


def _visible(driver: Any) -> list[dict[str, str]]:
    return driver.execute_script(
        "return Array.from(document.querySelectorAll('#all tbody tr.item')).filter(tr => !tr.hidden)"
        ".map(tr => ({plan: tr.dataset.plan, text: tr.textContent.toLowerCase()}));")


@pytest.mark.parametrize("which", ["samples_run", "realworld_run"])
def test_every_plan_has_its_section_with_its_action_count(driver: Any, which: str,
                                                          request: pytest.FixtureRequest) -> None:
    out = request.getfixturevalue(which)
    expected = latest_counts(out)
    plans = {r["plan_id"] for r in _rows(out / "actions.csv")}
    assert plans and set(expected) == plans, "a plan of actions.csv has no row in summary.csv"
    _open(driver, out)
    sections = _sections(driver)
    # Counted, not listed: the development set's set-aside papers are not shown, even failing.
    wrong = sum(sections.get(plan) != n for plan, n in expected.items()) + len(set(sections) - set(expected))
    assert wrong == 0, f"{wrong} of {len(expected)} plans without their section or with another action count"
    shown = driver.execute_script("return document.querySelector('.card[data-stat=actions] .n').textContent")
    assert int(shown) == sum(expected.values())


def test_search_and_a_filter_change_the_visible_rows(driver: Any, realworld_run: Path) -> None:
    _open(driver, realworld_run)
    everything = _visible(driver)
    counts = latest_counts(realworld_run)
    assert len(everything) == sum(counts.values())
    word = max(everything[0]["text"].split(), key=len)
    search = driver.find_element("id", "search")
    search.send_keys(word)
    found = _visible(driver)
    assert 0 < len(found) < len(everything) and all(word in r["text"] for r in found)
    search.clear()
    search.send_keys(" ")  # clear() fires no input event: a space (trimmed) does
    assert len(_visible(driver)) == len(everything)
    plan = min(counts, key=lambda p: counts[p])
    driver.execute_script("const s = document.querySelector('select[data-filter=plan]'); s.value = arguments[0];"
                          "s.dispatchEvent(new Event('change'));", plan)
    chosen = _visible(driver)
    assert len(chosen) == counts[plan] and {r["plan"] for r in chosen} == {plan}
    assert driver.find_element("id", "shown").text == str(counts[plan])


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("which", ["samples_run", "realworld_run"])
def test_nothing_overflows(driver: Any, which: str, width: int, request: pytest.FixtureRequest) -> None:
    _open(driver, request.getfixturevalue(which), width)
    assert driver.execute_script(OVERFLOWS) == []


def test_a_pdf_row_opens_its_crop(driver: Any, samples_run: Path) -> None:
    _open(driver, samples_run)
    row = driver.execute_script(
        "return Array.from(document.querySelectorAll('#all tr.item')).find(tr => "
        "tr.nextElementSibling.querySelector('.crop[data-src]') && tr.dataset.key) || null;")
    assert row is not None, "no row with a crop"
    assert driver.execute_script("return arguments[0].nextElementSibling.querySelector('img')", row) is None
    row.find_element("css selector", "button.open").click()
    loaded = driver.execute_script(
        "const img = arguments[0].nextElementSibling.querySelector('.crop img');"
        "return new Promise(done => { const check = () => img.complete ? done([img.naturalWidth, "
        "img.naturalHeight, !arguments[0].nextElementSibling.hidden]) : setTimeout(check, 50); check(); });", row)
    width, height, shown = loaded
    assert shown and width > 100 and height > 10
    assert driver.execute_script(OVERFLOWS) == []


def test_sorting_by_status_puts_red_first(driver: Any, samples_run: Path) -> None:
    _open(driver, samples_run)
    driver.execute_script("Array.from(document.querySelectorAll('#all th')).find(th => "
                          "th.textContent === 'Status').click();")
    statuses = driver.execute_script("return Array.from(document.querySelectorAll('#all tbody tr.item'))"
                                     ".map(tr => tr.dataset.status);")
    ranks = ["Red", "Amber", "Green", "Blue", "none"]
    assert statuses[0] == "Red" and statuses == sorted(statuses, key=ranks.index)
    # each row's opening row moved with it
    assert driver.execute_script("return Array.from(document.querySelectorAll('#all tbody tr.item'))"
                                 ".every(tr => tr.nextElementSibling.classList.contains('more'));")


def test_print_gives_each_plan_a_page(driver: Any, realworld_run: Path) -> None:
    _open(driver, realworld_run)
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        breaks = driver.execute_script("return Array.from(document.querySelectorAll('section.plan'))"
                                       ".map(s => getComputedStyle(s).breakBefore);")
        hidden = driver.execute_script("return ['nav.toc', '#all', '#leads', '#late'].map(q => "
                                       "getComputedStyle(document.querySelector(q)).display);")
    finally:
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
    assert len(breaks) >= 2 and set(breaks[1:]) == {"page"}
    assert hidden == ["none"] * 4
