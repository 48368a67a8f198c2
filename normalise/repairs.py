"""One version of a plan repairs another: what a paper lost or could not read, taken from
the nearest other paper of the plan that has it, with a note in the row's warnings.

Nearest first: copies of the same version, then the other versions by distance in order,
the later first where two are as near. A number a paper did not print comes from a paper
that prints it and numbers every action both print alike; a lead cell extract could not
share out takes each action's officers from a paper that names them apart, where they are
among the cell's; an officer code the paper's glossary lacks comes from another paper's.
"""
from __future__ import annotations

from rapidfuzz import fuzz
from rapidfuzz.utils import default_process

from actionplans.extract.records import WarningCode, WarningItem
from actionplans.normalise.glossary import Glossary
from actionplans.normalise.versions import PlanPaper, Version, VersionSettings


def donors(paper: PlanPaper, versions: list[Version]) -> list[PlanPaper]:
    """The plan's other papers, nearest first: copies of the same version, then the other
    versions by distance in order, the later first where two are as near."""
    same = [p for p in versions[paper.version].papers if p is not paper]
    others = sorted((i for i in range(len(versions)) if i != paper.version),
                    key=lambda i: (abs(i - paper.version), -i))
    return same + [p for i in others for p in versions[i].papers]


def _index_of(paper: PlanPaper, thread: int) -> int | None:
    """Where the thread's action sits in the paper, if it is there (once at most)."""
    return paper.threads.index(thread) if thread in paper.threads else None


def _numbering_agrees(a: PlanPaper, b: PlanPaper) -> bool:
    """Whether b's printed numbers can stand for numbers a lost: b is a copy of the same
    version, or every action both print a number for has the same number in both."""
    if a.version == b.version:
        return True
    printed_b = {t: r.action_number for t, r in zip(b.threads, b.rows, strict=True) if not r.action_number_inferred}
    pairs = [(r.action_number, printed_b[t]) for t, r in zip(a.threads, a.rows, strict=True)
             if not r.action_number_inferred and t in printed_b]
    return bool(pairs) and all(x == y for x, y in pairs)


def repair_numbers(versions: list[Version]) -> None:
    """Numbers a paper lost, taken from the nearest paper that prints them and numbers the
    plan the same way."""
    for paper in (p for v in versions for p in v.papers):
        lost = [j for j, r in enumerate(paper.rows) if r.action_number_inferred]
        if not lost:
            continue
        agreeing = [d for d in donors(paper, versions) if _numbering_agrees(paper, d)]
        for j in lost:
            row = paper.rows[j]
            for donor in agreeing:
                k = _index_of(donor, paper.threads[j])
                other = donor.rows[k] if k is not None else None
                if other is not None and not other.action_number_inferred:
                    row.action_number = other.action_number
                    row.warnings = _replace_warning(row.warnings, WarningCode.ACTION_INFERRED, WarningItem(
                        WarningCode.NUMBER_REPAIRED, f"action number taken from {donor.source_file}"))
                    break


def repair_leads(versions: list[Version], settings: VersionSettings) -> None:
    """A lead cell shared by several actions that extract could not split (the whole cell
    kept for each): each action takes its own officers from the nearest paper that printed
    them apart, where those officers are among the cell's."""
    for paper in (p for v in versions for p in v.papers):
        shared = [j for j, raw in enumerate(paper.extraction.actions) if raw.lead_shared]
        nearest = donors(paper, versions) if shared else []
        for j in shared:
            row = paper.rows[j]
            for donor in nearest:
                k = _index_of(donor, paper.threads[j])
                if k is None or donor.extraction.actions[k].lead_shared or not donor.rows[k].lead_officers:
                    continue
                other = donor.rows[k]
                if _officers_within(other.lead_officers, row.lead_officers, settings):
                    row.lead_officers = other.lead_officers
                    row.warnings = _add_warning(row.warnings, WarningItem(
                        WarningCode.LEADS_REPAIRED, f"lead officers taken from {donor.source_file}"))
                    break


def _officers_within(part: tuple[str, ...], whole: tuple[str, ...], settings: VersionSettings) -> bool:
    return bool(whole) and all(
        max(fuzz.ratio(o, c, processor=default_process) for c in whole) >= settings.officer_alike for o in part)


def _replace_warning(warnings: tuple[WarningItem, ...], old: WarningCode,
                     new: WarningItem) -> tuple[WarningItem, ...]:
    """The warnings with those of kind ``old`` replaced by ``new`` (added where none was)."""
    items = [new if w.code == old else w for w in warnings]
    return tuple(dict.fromkeys(items if new in items else [*items, new]))


def _add_warning(warnings: tuple[WarningItem, ...], new: WarningItem) -> tuple[WarningItem, ...]:
    return tuple(dict.fromkeys([*warnings, new]))


def borrowed_glossary(paper: PlanPaper, versions: list[Version]) -> tuple[Glossary, dict[str, tuple[str, str]]]:
    """The paper's glossary, then codes only other papers of the plan define (nearest
    first), and {full name: (code, source_file)} for those borrowed codes."""
    merged = Glossary(codes=dict(paper.glossary.codes))
    borrowed: dict[str, tuple[str, str]] = {}
    for donor in donors(paper, versions):
        for code, name in donor.glossary.codes.items():
            if merged.lookup(code) is None:
                merged.codes[code] = name
                if name.lower() not in paper.glossary.names:
                    borrowed[name] = (code, donor.source_file)
    return merged, borrowed
