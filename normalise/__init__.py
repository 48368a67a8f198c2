"""Stage 3: from extracted records to the run's tables.

Works only on ``extract.records``: expands officer codes from each paper's glossary,
folds look-alike letters, infers lost numbers, groups papers into plans and their
versions, follows each action across the versions (its action_key), lets one version
repair another, and builds the progress and summary tables.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path

from actionplans.extract.records import Extraction, PaperResult, RawAction, TableVerdict, WarningCode, WarningItem
from actionplans.ingest.errors import ErrorCode
from actionplans.normalise.deadlines import Deadline, targets_to_deadlines
from actionplans.normalise.glossary import Glossary, build_glossary
from actionplans.normalise.leads import LeadSettings, expand_leads, same_as_above
from actionplans.normalise.linking import Draft, Linked, threads_to_keys, versions_to_threads
from actionplans.normalise.numbers import (
    ACTION_INFERRED,
    RECOMMENDATION_INFERRED,
    infer_actions,
    infer_recommendations,
)
from actionplans.normalise.plans import PlanSettings, group_plans
from actionplans.normalise.progress import PlanVersions, plans_to_progress, plans_to_summary
from actionplans.normalise.repairs import borrowed_glossary, repair_leads, repair_numbers
from actionplans.normalise.rows import ActionRow, DocumentRow, ProgressRow, SummaryRow
from actionplans.normalise.versions import PlanPaper, Version, VersionSettings, papers_to_versions
from actionplans.vocabulary import Vocabulary


@dataclass(frozen=True)
class NormaliseSettings:
    leads: LeadSettings = field(default_factory=LeadSettings)
    plans: PlanSettings = field(default_factory=PlanSettings)
    versions: VersionSettings = field(default_factory=VersionSettings)

    @property
    def vocabulary(self) -> Vocabulary:
        """The run's vocabulary, as the stage's settings carry it (``Settings(vocabulary=...)``)."""
        return self.leads.vocabulary


@dataclass
class Tables:
    actions: list[ActionRow]
    documents: list[DocumentRow]
    extra_columns: list[str]
    glossaries: dict[str, Glossary]
    # Each further column's header as a paper printed it ("Timescale"), for datapackage.json.
    column_headers: dict[str, str] = field(default_factory=dict)
    # One row per action_key across a plan's versions, and RAG counts per plan and
    # version (issue 4).
    progress: list[ProgressRow] = field(default_factory=list)
    summary: list[SummaryRow] = field(default_factory=list)
    # Where each paper was found, by source_file (``PaperResult.path``): for links, not a table.
    paths: dict[str, Path] = field(default_factory=dict)


def results_to_tables(results: list[PaperResult], settings: NormaliseSettings | None = None) -> Tables:
    """The run's tables from every paper's extract result.

    Takes one ``PaperResult`` per paper, in any order (the tables come out the same), and
    the normalise settings (default: every default). Returns ``Tables``: one ``ActionRow``
    per action per paper, one ``DocumentRow`` per paper (status ok, no_plan, error or skipped,
    the failed or skipped file's reason as its message), each paper's glossary, and the ``ProgressRow``
    and ``SummaryRow`` version tables. Raises nothing of its own: a paper extract could not
    read is data, not an error (settings that are out of range raise ValueError when built)."""
    settings = settings or NormaliseSettings()
    results = sorted(results, key=lambda r: r.source_file)
    extractions = {r.source_file: r.extraction for r in results if r.extraction is not None}
    plan_ids = group_plans(extractions, settings.plans)
    papers = {s: PlanPaper(s, ex, build_glossary(ex.glossaries, ex.text, settings.vocabulary))
              for s, ex in extractions.items() if ex.actions}
    plans = [versions_to_plan(plan_id, versions, settings)
             for plan_id, versions in sorted(_plans_to_versions(papers, plan_ids, settings).items())]
    rows = {source: paper_rows for plan in plans for source, paper_rows in plan.rows.items()}
    actions = [row for r in results for row in rows.get(r.source_file, [])]
    extra_columns, column_headers = _further_columns([p.extraction for p in papers.values()], actions)
    return Tables(actions=actions, extra_columns=extra_columns, column_headers=column_headers,
                  documents=[result_to_document(r, plan_ids.get(r.source_file, ""), len(rows.get(r.source_file, [])))
                             for r in results],
                  glossaries={s: p.glossary for s, p in papers.items()},
                  progress=plans_to_progress(plans, settings.vocabulary),
                  summary=plans_to_summary(plans, settings.vocabulary),
                  paths={r.source_file: r.path for r in results if r.path is not None})


def result_to_document(r: PaperResult, plan_id: str, actions: int) -> DocumentRow:
    """The paper's documents.csv row: what extract read of it, and ``actions`` rows of plan
    ``plan_id``; a failed or skipped file's reason; a paper without a plan's why."""
    facts = DocumentRow(source_file=r.source_file, sha256=r.sha256, format=r.format, pages=r.pages)
    if r.extraction is None:
        if r.skipped:
            return replace(facts, status="skipped", message=r.skipped)
        return replace(facts, status="error", message=r.error, error_code=str(r.error_code or ErrorCode.CRASHED))
    ex, info = r.extraction, r.extraction.info
    read = replace(facts, title=info.title, document_date=info.document_date, plan_as_at=info.plan_as_at,
                   council=info.council, judgement=info.judgement, ocr_pages=ex.ocr_pages, warnings=tuple(ex.warnings))
    if not ex.actions:
        return replace(read, status="no_plan", message=no_plan_reason(ex.tables, ex.skimmed_pages))
    return replace(read, actions=actions, plan_id=plan_id)


def _further_columns(extractions: list[Extraction], actions: list[ActionRow]) -> tuple[list[str], dict[str, str]]:
    """The plans' further columns in order of first use, and each one's header as first
    printed; a spreadsheet's sheet first of them."""
    columns: list[str] = []
    headers: dict[str, str] = {}
    for ex in extractions:
        columns.extend(c for c in ex.extra_columns if c not in columns)
        for name, printed in ex.column_headers.items():
            headers.setdefault(name, printed)
    if any(a.extras.get(SHEET) for a in actions):  # spreadsheet rows: their sheet's name, first after the contract's
        columns = [SHEET, *(c for c in columns if c != SHEET)]
    return columns, headers


def versions_to_plan(plan_id: str, versions: list[Version], settings: NormaliseSettings) -> PlanVersions:
    """One plan's versions, linked, with each paper's rows, each built once with its key."""
    drafts = {p.source_file: paper_to_drafts(p, versions, settings) for v in versions for p in v.papers}
    linked, keys = link_plan(plan_id, versions, drafts, settings.versions)
    rows = {p.source_file: drafts_to_rows(p, plan_id, linked.drafts[p.source_file],
                                          [keys[t] for t in linked.threads[p.source_file]]) for p in linked.papers()}
    return PlanVersions(plan_id, versions, rows, linked.threads)


def link_plan(plan_id: str, versions: list[Version], drafts: dict[str, tuple[Draft, ...]],
              settings: VersionSettings) -> tuple[Linked, dict[int, str]]:
    """The plan's papers threaded across its versions and repaired from one another, and
    each thread's key. Repairs come before keys, so a key uses a number another version
    printed."""
    linked = Linked(versions, drafts, versions_to_threads(versions, drafts, settings))
    linked = replace(linked, drafts=repair_numbers(linked))
    linked = replace(linked, drafts=repair_leads(linked, settings))
    return linked, threads_to_keys(plan_id, linked)


def _plans_to_versions(papers: dict[str, PlanPaper], plan_ids: dict[str, str],
                       settings: NormaliseSettings) -> dict[str, list[Version]]:
    members: dict[str, list[PlanPaper]] = {}
    for source, paper in papers.items():
        members.setdefault(plan_ids[source], []).append(paper)
    return {pid: papers_to_versions(ps, settings.versions) for pid, ps in members.items()}


def paper_to_drafts(paper: PlanPaper, versions: list[Version], settings: NormaliseSettings) -> tuple[Draft, ...]:
    """Each action of the paper as read, before the plan is linked: its numbers (inferred
    where the paper lost them), its officers from the paper's glossary, then from codes
    only other papers of the plan (``versions``) define, its due date, and why any of it
    is uncertain."""
    ex = paper.extraction
    glossary, borrowed = borrowed_glossary(paper, versions)
    recs = infer_recommendations(ex.actions)
    numbers = infer_actions(ex.actions, recs)
    leads = _actions_to_officers(ex.actions, glossary, settings)
    extras = [_extras(a, settings.vocabulary) for a in ex.actions]
    deadlines = paper_deadlines(ex, extras, settings.vocabulary)
    drafts = []
    for a, (rec_number, rec_inferred), (number, inferred), (officers, lead_warnings), due, further in zip(
            ex.actions, recs, numbers, leads, deadlines, extras, strict=False):
        warnings = [*a.warnings, *lead_warnings]
        warnings += [WarningItem(WarningCode.BORROWED_CODE,
                                 f"code {borrowed[o][0]} expanded from the glossary of {borrowed[o][1]}")
                     for o in officers if o in borrowed]
        warnings += [w for w, said in ((RECOMMENDATION_INFERRED, rec_inferred), (ACTION_INFERRED, inferred)) if said]
        warnings += [*due.warnings, *ex.warnings]
        drafts.append(Draft(a, rec_number, number, inferred, tuple(officers), tuple(dict.fromkeys(warnings)), due,
                            further))
    return tuple(drafts)


def _actions_to_officers(actions: list[RawAction], glossary: Glossary,
                         settings: NormaliseSettings) -> list[tuple[list[str], list[WarningItem]]]:
    """Each action's officers and the warnings reading them gave; a cell saying "as above"
    names the row above's."""
    titles = _titles(actions)
    out: list[tuple[list[str], list[WarningItem]]] = []
    above: list[str] = []
    for a in actions:
        if same_as_above(a.lead_raw, settings.vocabulary):
            out.append((list(above), []))
        else:
            out.append(expand_leads(a.lead_raw, glossary, titles, settings.leads))
        above = out[-1][0]
    return out


def drafts_to_rows(paper: PlanPaper, plan_id: str, drafts: tuple[Draft, ...], keys: list[str]) -> list[ActionRow]:
    """The paper's rows, each built once from its draft with its key."""
    info = paper.extraction.info
    return [ActionRow(
        plan_id=plan_id, action_key=key, source_file=paper.source_file, document_date=info.document_date,
        plan_as_at=info.plan_as_at, recommendation_number=d.recommendation_number,
        recommendation_text=d.raw.recommendation_text, action_number=d.action_number,
        action_number_inferred=d.action_number_inferred, action_text=d.raw.action_text, lead_officer_raw=d.raw.lead_raw,
        lead_officers=d.lead_officers, rag_raw=d.raw.rag_raw, rag=d.raw.rag, page=d.raw.page, warnings=d.warnings,
        due_date=d.due.due_date, due_date_note=d.due.note, extras=d.extras, region=d.raw.region,
        cells=list(d.raw.cells)) for d, key in zip(drafts, keys, strict=True)]


def paper_deadlines(ex: Extraction, extras: list[dict[str, str]], vocabulary: Vocabulary) -> list[Deadline]:
    """Each action's target date read (issue 13) from its further columns (``extras``, in
    action order), whatever the plan calls the column; a year left out is taken from the
    paper's date."""
    column = vocabulary.role("target_date").column or "target_date"
    targets = [further.get(column, "") for further in extras]
    return targets_to_deadlines(targets, ex.info.plan_as_at or ex.info.document_date)


def _titles(actions: list[RawAction]) -> set[str]:
    """Officer titles the paper prints alone in a lead cell somewhere."""
    return {a.lead_raw.strip().lower() for a in actions if a.lead_raw and not any(s in a.lead_raw for s in "&/,;")}


SHEET = "sheet"  # the contract's column for a spreadsheet row's sheet, written after the contract's own


def _extras(a: RawAction, vocabulary: Vocabulary) -> dict[str, str]:
    extras = a.extras_by_column(vocabulary)
    return {**extras, SHEET: a.sheet} if a.sheet else extras


def no_plan_reason(verdicts: list[TableVerdict], skimmed: int = 0) -> str:
    """One line on why a paper holds no plan, never empty: the pages the first pass read as
    text alone, then the tables and the runs of text under a plan's heading, counted per
    reason: "12 pages skimmed, no plan's header or rows; 3 tables: 2 with no action
    column, 1 whose rows are risks, not actions"."""
    parts = [f"{skimmed} page{'s' if skimmed != 1 else ''} skimmed, no plan's header or rows"] if skimmed else []
    tables = [v for v in verdicts if v.kind != "text"]
    texts = [v for v in verdicts if v.kind == "text"]
    if tables:
        parts.append(_counted(_count(len(tables), "table"), tables))
    if texts:
        parts.append(_counted(f"{_count(len(texts), 'heading')} naming a plan over text", texts))
    if not tables and not texts:
        parts.append("no tables" + (" analysed" if skimmed else "") + ", and no plan set out as text")
    return "; ".join(parts)


def _counted(counted: str, verdicts: list[TableVerdict]) -> str:
    """"3 tables, none with an action column"; "1 table, none a plan: <its reason>"; with
    several reasons, each counted: "4 tables, none a plan: 2 with no action column, ..."."""
    reasons = list(dict.fromkeys(v.reason for v in verdicts))
    if reasons == ["no action column"]:
        return f"{counted}, none with an action column"
    if len(reasons) == 1:
        return f"{counted}, none a plan: {reasons[0]}"
    return f"{counted}, none a plan: {_per_reason(verdicts)}"


def _count(n: int, what: str) -> str:
    return f"{n} {what}{'s' if n != 1 else ''}"


def _per_reason(verdicts: list[TableVerdict]) -> str:
    """"2 with no action column, 1 whose rows are risks, not actions": each reason once,
    with how many gave it, the most common first."""
    counts: dict[str, int] = {}
    for v in verdicts:
        reason = _short(v.reason or "a plan")
        counts[reason] = counts.get(reason, 0) + 1
    ranked = sorted(counts.items(), key=lambda kv: -kv[1])
    shown = ", ".join(f"{n} {reason}" for reason, n in ranked[:4])
    return shown + (", ..." if len(ranked) > 4 else "")


def _short(reason: str) -> str:
    """A verdict's reason as it reads after a count: "no action column" -> "with no
    action column"; "rows are risks, not actions (columns ...)" -> "whose rows are risks,
    not actions"; "its action cells are ..." -> "whose action cells are ..."."""
    reason = reason.split(" (", 1)[0].strip()
    if reason.startswith(("no ", "only ", "an action column")):
        return f"with {reason}"
    if reason.startswith("rows "):
        return f"whose {reason}"
    if reason.startswith("its "):
        return f"whose {reason[4:]}"
    return reason
