"""One version of a plan repairs another: what a paper lost or could not read, taken from
the nearest other paper of the plan that has it, with a note in the row's warnings.

Nearest first: copies of the same version, then the other versions by distance in order,
the later first where two are as near. A number a paper did not print comes from a paper
that prints it and numbers every action both print alike; a lead cell extract could not
share out takes each action's officers from a paper that names them apart, where they are
among the cell's; an officer code the paper's glossary lacks comes from another paper's.
"""
from __future__ import annotations

from dataclasses import replace

from rapidfuzz import fuzz
from rapidfuzz.utils import default_process

from actionplans.extract.records import WarningCode, WarningItem
from actionplans.normalise.glossary import Glossary
from actionplans.normalise.linking import Draft, Linked
from actionplans.normalise.versions import PlanPaper, Version, VersionSettings, version_of


def donors(paper: PlanPaper, versions: list[Version]) -> list[PlanPaper]:
    """The plan's other papers, nearest first: copies of the same version, then the other
    versions by distance in order, the later first where two are as near."""
    k = version_of(versions, paper.source_file)
    same = [p for p in versions[k].papers if p.source_file != paper.source_file]
    others = sorted((i for i in range(len(versions)) if i != k), key=lambda i: (abs(i - k), -i))
    return same + [p for i in others for p in versions[i].papers]


def _numbering_agrees(linked: Linked, a: PlanPaper, b: PlanPaper) -> bool:
    """Whether b's printed numbers can stand for numbers a lost: b is a copy of the same
    version, or every action both print a number for has the same number in both."""
    if linked.version_of(a) == linked.version_of(b):
        return True
    printed_b = {t: d.action_number for t, d in _threaded(linked, b) if not d.action_number_inferred}
    pairs = [(d.action_number, printed_b[t]) for t, d in _threaded(linked, a)
             if not d.action_number_inferred and t in printed_b]
    return bool(pairs) and all(x == y for x, y in pairs)


def _threaded(linked: Linked, paper: PlanPaper) -> list[tuple[int, Draft]]:
    return list(zip(linked.threads[paper.source_file], linked.drafts[paper.source_file], strict=True))


def repair_numbers(linked: Linked) -> dict[str, tuple[Draft, ...]]:
    """Each paper's drafts, by source_file, with the numbers it lost taken from the
    nearest paper that prints them and numbers the plan the same way."""
    repaired = {}
    for paper in linked.papers():
        drafts = linked.drafts[paper.source_file]
        if any(d.action_number_inferred for d in drafts):
            agreeing = [d for d in donors(paper, linked.versions) if _numbering_agrees(linked, paper, d)]
            drafts = tuple(_number_from(linked, d, t, agreeing) if d.action_number_inferred else d
                           for t, d in _threaded(linked, paper))
        repaired[paper.source_file] = drafts
    return repaired


def _number_from(linked: Linked, draft: Draft, thread: int, agreeing: list[PlanPaper]) -> Draft:
    """The draft with the printed number of the first of ``agreeing`` that has its action."""
    for donor in agreeing:
        other = linked.draft_of(donor, thread)
        if other is not None and not other.action_number_inferred:
            taken = WarningItem(WarningCode.NUMBER_REPAIRED, f"action number taken from {donor.source_file}")
            return replace(draft, action_number=other.action_number,
                           warnings=_replace_warning(draft.warnings, WarningCode.ACTION_INFERRED, taken))
    return draft


def repair_leads(linked: Linked, settings: VersionSettings) -> dict[str, tuple[Draft, ...]]:
    """Each paper's drafts, by source_file, where a lead cell shared by several actions
    that extract could not split (the whole cell kept for each) gives way to each action's
    own officers from the nearest paper that printed them apart, where those officers are
    among the cell's."""
    repaired = {}
    for paper in linked.papers():
        drafts = linked.drafts[paper.source_file]
        if any(d.raw.lead_shared for d in drafts):
            nearest = donors(paper, linked.versions)
            drafts = tuple(_leads_from(linked, d, t, nearest, settings) if d.raw.lead_shared else d
                           for t, d in _threaded(linked, paper))
        repaired[paper.source_file] = drafts
    return repaired


def _leads_from(linked: Linked, draft: Draft, thread: int, nearest: list[PlanPaper],
                settings: VersionSettings) -> Draft:
    """The draft with the officers of the nearest paper that names its action's apart."""
    for donor in nearest:
        other = linked.draft_of(donor, thread)
        if other is None or other.raw.lead_shared or not other.lead_officers:
            continue
        if _officers_within(other.lead_officers, draft.lead_officers, settings):
            taken = WarningItem(WarningCode.LEADS_REPAIRED, f"lead officers taken from {donor.source_file}")
            return replace(draft, lead_officers=other.lead_officers, warnings=_add_warning(draft.warnings, taken))
    return draft


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
