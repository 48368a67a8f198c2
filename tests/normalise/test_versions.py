"""One action followed across the versions of its plan (issue 4): action keys, copies,
version order, one version repairing another, and the progress and summary tables.

The sample plan comes as two versions (001, an undated draft; 004, as at 2013-08-09), each
published as .docx and .pdf. Generated plans (``samplegen.versions``) are built from one
data structure that is also the expectation: every action carries its true identity.
"""
from __future__ import annotations

import copy
import random
import tracemalloc
from dataclasses import replace
from functools import cache
from pathlib import Path

import numpy as np
import pytest
from rapidfuzz import fuzz, process
from rapidfuzz.utils import default_process
from scipy.optimize import linear_sum_assignment

import actionplans
from actionplans.batch import iter_inputs, run_batch
from actionplans.extract.records import PaperResult, RawAction, WarningCode, WarningItem
from actionplans.normalise import NormaliseSettings, Tables, linking, results_to_tables, similarity
from actionplans.normalise.linking import Candidate, Draft, drafts_to_candidates, link_candidates
from actionplans.normalise.rows import ActionRow
from actionplans.normalise.similarity import WordWeights, content_words
from actionplans.normalise.versions import VersionSettings
from conftest import SAMPLES
from samplegen import seed004
from samplegen.versions import (
    BASE,
    DATES,
    POOL,
    RECOMMENDATIONS,
    PlanVersion,
    Variant,
    generate,
    reword,
    slipped,
    stuck_red,
    version_to_result,
)

DRAFT_DOCX = "001_reading_cp_action_plan_draft.docx"
DRAFT_PDF = "001_reading_cp_action_plan_draft.pdf"
PLAN_DOCX = "004_reading_cp_action_plan_2013-08.docx"
PLAN_PDF = "004_reading_cp_action_plan_2013-08.pdf"
RUN_TOGETHER = "HoCSC & HoHNCS HoCSC HoCSC HoHNCS & HoECS"  # 001's cell for actions 31-33


@cache
def _sample_results() -> tuple[PaperResult, ...]:
    return tuple(run_batch(iter_inputs([SAMPLES])))


def _fresh_results() -> list[PaperResult]:
    """The samples as extract reads them, a private copy a test may change."""
    return copy.deepcopy(list(_sample_results()))


@cache
def _sample_run() -> Tables:
    return actionplans.run([Path(SAMPLES)])


def _rows(tables: Tables, source: str) -> list[ActionRow]:
    return [r for r in tables.actions if r.source_file == source]


# --- the samples: 001 against 004 ------------------------------------------------------

def test_every_sample_action_keeps_its_key_across_versions_and_copies() -> None:
    tables = _sample_run()
    keys = {s: [r.action_key for r in _rows(tables, s)] for s in (DRAFT_DOCX, DRAFT_PDF, PLAN_DOCX, PLAN_PDF)}
    assert all(len(k) == 43 for k in keys.values())
    assert keys[DRAFT_DOCX] == keys[DRAFT_PDF] == keys[PLAN_DOCX] == keys[PLAN_PDF]
    assert len(set(keys[PLAN_PDF])) == 43
    want = [f"reading-2013/r{rec.number}/a{a.number}" for rec in seed004.PLAN.recommendations for a in rec.actions]
    assert keys[PLAN_PDF] == want
    assert keys[PLAN_PDF][6] == "reading-2013/r2/a7"


def test_sample_copies_are_one_version_each_in_date_order() -> None:
    summary = [s.as_dict() for s in _sample_run().summary]
    assert [(s["version"], s["source_file"], s["copies"]) for s in summary] == [
        ("draft", DRAFT_PDF, (DRAFT_DOCX,)), ("2013-08-09", PLAN_PDF, (PLAN_DOCX,))]
    rags = [a.rag for a in seed004.PLAN.actions]
    assert summary[1] == {
        "plan_id": "reading-2013", "version": "2013-08-09", "plan_as_at": "2013-08-09",
        "document_date": "2013-11-07", "source_file": PLAN_PDF, "red": rags.count("Red"),
        "amber": rags.count("Amber"), "green": rags.count("Green"), "blue": 0, "unrated": 0, "total": 43,
        "new": 0, "dropped": 0, "slipped": 0, "overdue": 0, "copies": (PLAN_DOCX,)}
    assert (summary[0]["unrated"], summary[0]["total"]) == (43, 43)


def test_sample_progress_has_one_record_per_action_with_its_status_at_each_version() -> None:
    progress = [p.as_dict() for p in _sample_run().progress]
    assert len(progress) == 43
    assert list(progress[0]) == [
        "plan_id", "action_key", "recommendation_number", "action_number", "action_text", "lead_officers",
        "rag_draft", "rag_2013-08-09", "first_seen", "last_seen", "latest_rag", "slipped", "stuck_red", "new",
        "dropped", "due_date", "overdue", "days_overdue", "date_moved", "source_file", "page"]
    fourth = progress[3]
    assert (fourth["action_key"], fourth["action_text"], fourth["rag_draft"], fourth["rag_2013-08-09"],
            fourth["latest_rag"], fourth["source_file"]) == (
        "reading-2013/r1/a4", "TVP action -awaiting confirmation", "unrated", "Red", "Red", PLAN_PDF)
    assert isinstance(fourth["page"], int) and fourth["page"] >= 2
    assert [p["rag_2013-08-09"] for p in progress] == [a.rag for a in seed004.PLAN.actions]
    assert not any(p["new"] or p["dropped"] or p["slipped"] or p["stuck_red"] for p in progress)


def test_numbers_the_draft_lost_are_taken_from_the_later_version() -> None:
    tables = _sample_run()
    printed = [r.action_number for r in _rows(tables, PLAN_PDF)]
    for source in (DRAFT_DOCX, DRAFT_PDF):
        rows = _rows(tables, source)
        assert [r.action_number for r in rows] == printed
        lost = [r.action_number for r in rows if r.action_number_inferred]
        assert lost == ["1", "2", "3", "7", "8", "9", "10", "12", "13", "27"]
        for r in rows:
            if r.action_number_inferred:
                assert WarningItem(WarningCode.NUMBER_REPAIRED, f"action number taken from {PLAN_PDF}") in r.warnings
                assert WarningCode.ACTION_INFERRED not in {w.code for w in r.warnings}


def _share_lead_cell(results: list[PaperResult], source: str, cell: str) -> None:
    """Make extract have failed to split 001's lead cell for actions 31-33."""
    ex = next(r.extraction for r in results if r.source_file == source)
    assert ex is not None
    for a in ex.actions[30:33]:
        a.lead_raw, a.lead_shared = cell, True
        a.warnings = [WarningItem(WarningCode.LEAD_NOT_SPLIT,
                                  "lead cell shared by 3 actions could not be split; whole cell kept")]


def test_run_together_lead_cell_gets_each_actions_officers_from_the_later_version() -> None:
    results = _fresh_results()
    for source in (DRAFT_DOCX, DRAFT_PDF):
        _share_lead_cell(results, source, RUN_TOGETHER)
    tables = results_to_tables(results)
    want = [a.leads for a in seed004.PLAN.actions[30:33]]
    assert want == [(seed004.HOCSC, seed004.HOHNCS), (seed004.HOCSC,),
                    (seed004.HOCSC, seed004.HOHNCS, seed004.HOECS)]
    for source in (DRAFT_DOCX, DRAFT_PDF):
        rows = _rows(tables, source)[30:33]
        assert [r.lead_officers for r in rows] == want
        for r in rows:
            assert r.lead_officer_raw == RUN_TOGETHER  # as printed: the whole cell
            assert [w.code for w in r.warnings] == [WarningCode.LEAD_NOT_SPLIT, WarningCode.LEADS_REPAIRED]
            assert r.warnings[1].message == f"lead officers taken from {PLAN_PDF}"


def test_run_together_lead_cell_is_kept_where_the_other_version_names_other_officers() -> None:
    results = _fresh_results()
    _share_lead_cell(results, DRAFT_DOCX, "HoAC")
    rows = _rows(results_to_tables(results), DRAFT_DOCX)[30:33]
    assert [r.lead_officers for r in rows] == [(seed004.HOAC,)] * 3
    assert [[w.code for w in r.warnings] for r in rows] == [[WarningCode.LEAD_NOT_SPLIT]] * 3


def test_a_code_only_the_other_versions_glossary_defines_is_expanded_from_it() -> None:
    results = _fresh_results()
    for r in results:
        if r.source_file in (DRAFT_DOCX, DRAFT_PDF):
            assert r.extraction is not None
            r.extraction.glossaries = [[row for row in t if row[0] != "HoECS"] for t in r.extraction.glossaries]
    tables = results_to_tables(results)
    assert "HoECS" not in tables.glossaries[DRAFT_DOCX].codes
    row = _rows(tables, DRAFT_DOCX)[23]  # action 24, led by HoECS
    assert (row.lead_officer_raw, row.lead_officers) == ("HoECS", (seed004.HOECS,))
    assert WarningItem(WarningCode.BORROWED_CODE, f"code HoECS expanded from the glossary of {PLAN_PDF}") in row.warnings


def test_keys_are_the_same_whatever_order_the_papers_come_in() -> None:
    forward = results_to_tables(_fresh_results())
    backward = results_to_tables(_fresh_results()[::-1])
    assert [(r.source_file, r.action_key) for r in forward.actions] == [
        (r.source_file, r.action_key) for r in backward.actions]
    assert forward.progress == backward.progress


# --- generated versions: the data structure is the expectation ------------------------

VARIANTS = (
    [Variant(seed) for seed in (1, 2, 3, 4)]
    + [Variant(seed, versions=4, draft_first=False, inserts=(2, 4), drops=(2, 4), rewords=(8, 14))
       for seed in (5, 6, 7, 8)]
    + [Variant(seed, versions=5, inserts=(3, 5), drops=(3, 5), rewords=(15, 25)) for seed in (9, 10)]
)


@cache
def _generated(variant: Variant) -> tuple[list[PlanVersion], Tables]:
    versions = generate(variant)
    return versions, results_to_tables([version_to_result(v) for v in versions])


def _keys(versions: list[PlanVersion], tables: Tables) -> dict[tuple[int, str], str]:
    """{(version index, true identity): action_key given}."""
    out = {}
    for k, v in enumerate(versions):
        rows = _rows(tables, v.source_file)
        assert len(rows) == len(v.actions)
        out.update({(k, a.ident): r.action_key for a, r in zip(v.actions, rows, strict=True)})
    return out


def _label(variant: Variant, k: int) -> str:
    return "draft" if variant.draft_first and k == 0 else DATES[k]


def _linked_share(versions: list[PlanVersion], keys: dict[tuple[int, str], str]) -> tuple[int, int]:
    """(correctly linked, all) over the actions of every version after the first: an action
    seen before must have its first key, a new one a key no other action has."""
    first: dict[str, str] = {}
    correct = total = 0
    for k, v in enumerate(versions):
        for a in v.actions:
            key = keys[(k, a.ident)]
            if k:
                total += 1
                correct += key == first[a.ident] if a.ident in first else key not in first.values()
            first.setdefault(a.ident, key)
    return correct, total


@pytest.mark.parametrize("variant", VARIANTS, ids=[f"seed{v.seed}-{v.versions}v" for v in VARIANTS])
def test_generated_versions_link_and_never_merge(variant: Variant) -> None:
    versions, tables = _generated(variant)
    keys = _keys(versions, tables)
    correct, total = _linked_share(versions, keys)
    assert correct / total >= 0.98, f"{correct}/{total} linked"
    idents: dict[str, set[str]] = {}
    for (_, ident), key in keys.items():
        idents.setdefault(key, set()).add(ident)
    merged = {k: v for k, v in idents.items() if len(v) > 1}
    assert not merged


@pytest.mark.parametrize("variant", VARIANTS, ids=[f"seed{v.seed}-{v.versions}v" for v in VARIANTS])
def test_generated_progress_flags_every_slip_new_and_dropped_action(variant: Variant) -> None:
    versions, tables = _generated(variant)
    keys = _keys(versions, tables)
    records = {p.action_key: p.as_dict() for p in tables.progress}
    idents = list(dict.fromkeys(a.ident for v in versions for a in v.actions))
    assert len(records) == len(idents)
    for ident in idents:
        present = {k: a for k, v in enumerate(versions) for a in v.actions if a.ident == ident}
        first, last = min(present), max(present)
        record = records[keys[(first, ident)]]
        history = [present[k].rag for k in sorted(present)]
        want = {
            "action_text": present[last].text, "first_seen": _label(variant, first),
            "last_seen": _label(variant, last), "latest_rag": next((r for r in reversed(history) if r), ""),
            "slipped": slipped(history), "stuck_red": stuck_red(history),
            "new": first != 0, "dropped": last != len(versions) - 1,
            "source_file": versions[last].source_file,
        }
        want.update({f"rag_{_label(variant, k)}": (present[k].rag or "unrated") if k in present else ""
                     for k in range(len(versions))})
        assert {c: record[c] for c in want} == want, ident


def test_generated_plans_hold_every_kind_of_change() -> None:
    """The variants above test something: slips, reds that stay red, new and dropped actions."""
    seen = {"slipped": 0, "stuck_red": 0, "new": 0, "dropped": 0}
    for variant in VARIANTS:
        for row in _generated(variant)[1].progress:
            record = row.as_dict()
            for flag in seen:
                seen[flag] += bool(record[flag])
    assert all(n >= 10 for n in seen.values()), seen


def test_generated_summary_counts_each_version() -> None:
    variant = VARIANTS[4]
    versions, tables = _generated(variant)
    summary = [s.as_dict() for s in tables.summary]
    assert [s["version"] for s in summary] == [_label(variant, k) for k in range(len(versions))]
    for k, (v, s) in enumerate(zip(versions, summary, strict=True)):
        rags = [a.rag for a in v.actions]
        before = {a.ident for a in versions[k - 1].actions} if k else set()
        here = {a.ident for a in v.actions}
        assert (s["red"], s["amber"], s["green"], s["blue"], s["total"]) == (
            rags.count("Red"), rags.count("Amber"), rags.count("Green"), rags.count("Blue"), len(rags))
        assert (s["new"], s["dropped"]) == ((len(here - before) if k else 0), len(before - here))


def test_a_copy_that_lost_its_numbers_takes_them_from_the_copy_that_prints_them() -> None:
    version = replace(generate(Variant(3))[1], numbering="hierarchical")
    printed = version_to_result(replace(version, source_file="update.pdf"))
    lost = version_to_result(replace(version, source_file="update.docx", numbering="lost"))
    assert lost.extraction is not None
    for a in lost.extraction.actions:
        a.page = None  # a Word file: no pages
    tables = results_to_tables([lost, printed])
    assert [s.source_file for s in tables.summary] == ["update.pdf"]  # the copy with pages
    docx, pdf = _rows(tables, "update.docx"), _rows(tables, "update.pdf")
    assert [r.action_number for r in docx] == [r.action_number for r in pdf] == [n for n, _ in version.numbered()]
    repaired = WarningItem(WarningCode.NUMBER_REPAIRED, "action number taken from update.pdf")
    assert all(r.action_number_inferred and repaired in r.warnings for r in docx)
    assert [r.action_key for r in docx] == [r.action_key for r in pdf]


def test_versions_are_ordered_draft_then_dates_then_undated() -> None:
    base = generate(Variant(11, versions=4, draft_first=False))
    papers = [  # names in an order unlike the versions'
        replace(base[0], source_file="d.pdf", plan_as_at="2013-05-10"),
        replace(base[1], source_file="b.pdf", plan_as_at="2014-01-31"),
        replace(base[2], source_file="a.pdf", plan_as_at=""),
        replace(base[3], source_file="e.pdf", plan_as_at="2014-01-31"),
    ]
    draft = replace(base[0], source_file="c.pdf", plan_as_at="",
                    actions=tuple(replace(a, rag="") for a in base[0].actions))
    tables = results_to_tables([version_to_result(p) for p in [*papers, draft]])
    assert [(s.version, s.source_file) for s in tables.summary] == [
        ("draft", "c.pdf"), ("2013-05-10", "d.pdf"), ("2014-01-31", "b.pdf"), ("2014-01-31-2", "e.pdf"),
        ("undated", "a.pdf")]
    assert [c for c in tables.progress[0].as_dict() if c.startswith("rag_")] == [
        "rag_draft", "rag_2013-05-10", "rag_2014-01-31", "rag_2014-01-31-2", "rag_undated"]


def test_two_councils_with_alike_plans_stay_two_plans() -> None:
    versions = generate(Variant(12, versions=2))
    other = version_to_result(replace(versions[1], source_file="other.pdf"))
    assert other.extraction is not None
    other.extraction.info.council = "Southshire County Council"
    tables = results_to_tables([version_to_result(versions[0]), other])
    assert {d.source_file: d.plan_id for d in tables.documents} == {
        "s12_v1.pdf": "northshire-2013", "other.pdf": "southshire-2013"}
    assert [s.plan_id for s in tables.summary] == ["northshire-2013", "southshire-2013"]


def test_a_new_action_on_a_dropped_actions_number_gets_a_key_of_its_own() -> None:
    base = generate(Variant(13, versions=1, draft_first=False))[0]
    actions = list(base.actions)
    replacement = replace(actions[6], ident="x", text="Open a family drug and alcohol court with the "
                                                      "neighbouring authorities")
    later = replace(base, source_file="later.pdf", plan_as_at="2014-02-14",
                    actions=tuple(actions[:6] + [replacement] + actions[7:]))
    tables = results_to_tables([version_to_result(base), version_to_result(later)])
    old, new = _rows(tables, base.source_file)[6], _rows(tables, "later.pdf")[6]
    assert old.action_key == "northshire-2013/r2/a7"
    assert new.action_key == "northshire-2013/r2/a7-2014-02-14"
    records = {p.action_key: p for p in tables.progress}
    assert records[old.action_key].dropped and records[new.action_key].new


def test_version_settings_name_a_bad_value() -> None:
    with pytest.raises(ValueError, match="link_min"):
        VersionSettings(link_min=0)
    with pytest.raises(ValueError, match="copy_share"):
        VersionSettings(copy_share=1.5)
    with pytest.raises(ValueError, match="position_penalty"):
        NormaliseSettings(versions=VersionSettings(position_penalty=-1))


# --- linking at scale (issue 11): blocks, sparse pairs, components ---------------------

def _row(rec: int, number: str, text: str, rec_text: bool) -> Draft:
    raw = RawAction(recommendation_number=str(rec + 1), recommendation_text=RECOMMENDATIONS[rec % 8] if rec_text else "",
                    action_number=number, action_text=text, lead_raw="")
    return Draft(raw, recommendation_number=str(rec + 1), action_number=number, action_number_inferred=False,
                 lead_officers=(), warnings=())


def _redrafted(seed: int, cycles: int, rec_text: bool) -> tuple[list[Candidate], list[Candidate]]:
    """The first and last of three generated versions (actions reworded, dropped, added,
    renumbered), the plan repeated ``cycles`` times over as further recommendations, the
    last version with some actions moved and the first with some actions not recent."""
    rng = random.Random(seed)
    first, _, last = generate(Variant(seed, versions=3, inserts=(2, 6), drops=(2, 6), rewords=(8, 20)))

    def rows(v: PlanVersion) -> list[Draft]:
        return [_row(a.rec + 8 * k, number, f"{a.text} in locality {k}" if k else a.text, rec_text)
                for k in range(cycles) for number, a in v.numbered()]

    old, new = rows(first), rows(last)
    for _ in range(len(new) // 8):
        new.insert(rng.randrange(len(new)), new.pop(rng.randrange(len(new))))
    return [replace(c, recent=rng.random() > 0.2) for c in drafts_to_candidates(old)], drafts_to_candidates(new)


def _dense_links(old: list[Candidate], new: list[Candidate], settings: VersionSettings,
                 weights: WordWeights) -> dict[int, int]:
    """Linking as first written: every pair scored in full matrices, then one assignment."""
    a, b = [s.row.action_text for s in new], [s.row.action_text for s in old]
    chars = (process.cdist(a, b, scorer=fuzz.token_sort_ratio, processor=default_process)
             + process.cdist(a, b, scorer=fuzz.token_set_ratio, processor=default_process)) / 2
    words_a, words_b = [content_words(t) for t in a], [content_words(t) for t in b]
    vocabulary = sorted({w for ws in words_a + words_b for w in ws})
    alike = (process.cdist(vocabulary, vocabulary, scorer=fuzz.ratio) >= settings.word_alike).astype(float)
    weight = np.array([weights(w) for w in vocabulary])
    count_a, count_b = (np.array([[ws.count(w) for w in vocabulary] for ws in t], dtype=float)
                        for t in (words_a, words_b))
    mass_a, mass_b = count_a * weight, count_b * weight
    shared = mass_a @ ((count_b @ alike) > 0).T + ((count_a @ alike) > 0) @ mass_b.T
    total = mass_a.sum(axis=1)[:, None] + mass_b.sum(axis=1)[None, :]
    both = np.outer([bool(w) for w in words_a], [bool(w) for w in words_b])
    words = np.where(both, 100 * shared / np.where(total > 0, total, 1), chars)
    text = settings.word_share * words + (1 - settings.word_share) * chars
    recs = sorted({s.row.recommendation_text for s in old + new})
    rec_alike = process.cdist(recs, recs, scorer=fuzz.token_set_ratio, processor=default_process)
    same_rec = np.array([[rec_alike[recs.index(n.row.recommendation_text), recs.index(o.row.recommendation_text)]
                          >= settings.recommendation_alike if n.row.recommendation_text and o.row.recommendation_text
                          else n.row.recommendation_number == o.row.recommendation_number for o in old] for n in new])

    def number(s: Candidate) -> tuple[str, str]:
        return s.row.recommendation_number, s.row.action_number

    same_number = np.array([[o.recent and number(o) == number(n) for o in old] for n in new])
    moved = np.abs(np.subtract.outer([n.position for n in new], [o.position for o in old]))
    score = (text + settings.recommendation_bonus * same_rec + settings.number_bonus * same_number
             - settings.position_penalty * moved)
    by_number = {number(o): i for i, o in enumerate(old) if o.recent}
    links: dict[int, int] = {}
    for j, n in enumerate(new):
        i = by_number.get(number(n))
        if i is not None and i not in links.values() and text[j, i] >= settings.same_number_text and same_rec[j, i]:
            links[j] = i
    rest_new = [j for j in range(len(new)) if j not in links]
    rest_old = [i for i in range(len(old)) if i not in links.values()]
    gain = np.maximum(score[np.ix_(rest_new, rest_old)] - settings.link_min, 0.0)
    rows, cols = linear_sum_assignment(gain, maximize=True)
    links.update({rest_new[r]: rest_old[c] for r, c in zip(rows, cols, strict=True) if gain[r, c] > 0})
    return links


@pytest.mark.parametrize(("seed", "cycles", "rec_text", "cells", "dense_side"), [
    (1, 1, True, 500, 1000), (2, 1, False, 500, 1000), (3, 2, True, 700, 1000), (4, 2, False, 97, 1000),
    (5, 3, True, 1 << 16, 1000), (6, 2, True, 700, 4), (7, 3, False, 500, 6), (8, 1, True, 1, 0)])
def test_blocked_sparse_linking_gives_the_links_of_full_matrices(
        seed: int, cycles: int, rec_text: bool, cells: int, dense_side: int, monkeypatch: pytest.MonkeyPatch) -> None:
    """Blocks smaller than the plan, and (small ``dense_side``) components solved sparse."""
    old, new = _redrafted(seed, cycles, rec_text)
    monkeypatch.setattr(similarity, "BLOCK_CELLS", cells)
    monkeypatch.setattr(linking, "DENSE_SIDE", dense_side)
    blocks: list[int] = []
    words = similarity.TextIndex.words

    def counted(self: similarity.TextIndex, rows: np.ndarray, cols: np.ndarray, outer: bool) -> object:
        blocks.extend([len(rows)] if outer else [])
        return words(self, rows, cols, outer)

    monkeypatch.setattr(similarity.TextIndex, "words", counted)
    settings = VersionSettings()
    weights = WordWeights.from_texts([s.row.action_text for s in old + new])
    links = link_candidates(old, new, settings, weights)
    assert links == _dense_links(old, new, settings, weights)
    moved = sum(new[j].row.action_number != old[i].row.action_number for j, i in links.items())
    assert len(links) > 0.6 * len(new) and moved > 5  # both stages linked something
    assert len(blocks) >= (3 if cells < 1 << 16 else 1)  # small blocks really split stage 2


@pytest.mark.parametrize("seed", range(5))
def test_large_components_are_solved_sparse_to_the_same_total_gain(seed: int, monkeypatch: pytest.MonkeyPatch) -> None:
    rng = np.random.default_rng(seed)
    n_rows, n_cols = int(rng.integers(30, 80)), int(rng.integers(30, 80))
    edges = rng.random((n_rows, n_cols)) < rng.uniform(0.03, 0.3)
    gain = np.where(edges, rng.uniform(0.01, 40, (n_rows, n_cols)), 0.0)
    rows, cols = np.nonzero(gain)
    dense_rows, dense_cols = linear_sum_assignment(gain, maximize=True)
    best = gain[dense_rows, dense_cols].sum()
    for dense_side in (0, 1000):  # every component sparse; every component dense
        monkeypatch.setattr(linking, "DENSE_SIDE", dense_side)
        links = linking._assigned_links(rows, cols, gain[rows, cols], n_rows, n_cols)
        assert len({r for r, _ in links}) == len({c for _, c in links}) == len(links)
        assert all(gain[r, c] > 0 for r, c in links)
        assert sum(gain[r, c] for r, c in links) == pytest.approx(best, rel=1e-12)


_WORDS = sorted({w for _, text, _ in BASE + POOL for w in text.split()})


def _long_plan(actions: int) -> tuple[list[Candidate], list[Candidate]]:
    """Two versions of a plan of ``actions`` actions: the later one rewords a fifth, drops
    and adds some, moves some, and lost its numbers, so that all of it goes to stage 2."""
    rng = random.Random(11)
    texts = [" ".join(rng.choices(_WORDS, k=rng.randint(8, 16))) for _ in range(actions)]
    later = [reword(t, rng) if rng.random() < 0.2 else t for t in texts if rng.random() > 0.05]
    later += [" ".join(rng.choices(_WORDS, k=12)) for _ in range(actions // 20)]
    for _ in range(actions // 10):
        later.insert(rng.randrange(len(later)), later.pop(rng.randrange(len(later))))
    old = [_row(i // 10, str(i % 10 + 1), t, False) for i, t in enumerate(texts)]
    new = [_row(i // 10, "", t, False) for i, t in enumerate(later)]
    return drafts_to_candidates(old), drafts_to_candidates(new)


def test_linking_a_long_plan_holds_no_matrix_of_every_pair() -> None:
    """Two versions of 2,000 actions: at the peak, linking holds less than one float64
    matrix of new against old actions (30 MiB; linking as first written held 179 MiB)."""
    old, new = _long_plan(2000)
    weights = WordWeights.from_texts([s.row.action_text for s in old + new])
    tracemalloc.start()
    try:
        links = link_candidates(old, new, VersionSettings(), weights)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert len(links) > 0.9 * len(new)
    assert peak < 8 * len(new) * len(old), f"{peak / 2**20:.0f} MiB"
