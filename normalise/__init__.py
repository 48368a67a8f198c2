"""Stage 3: from extracted records to the run's tables.

Works only on ``extract.records``: expands officer codes from each paper's glossary,
folds look-alike letters, infers lost numbers, groups papers into plans and their
versions, follows each action across the versions (its action_key), lets one version
repair another, and builds the progress and summary tables.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from actionplans.extract.records import (
    Extraction,
    PaperResult,
    RawAction,
    TableVerdict,
    WarningCode,
    WarningItem,
)
from actionplans.ingest.errors import ErrorCode
from actionplans.normalise.deadlines import Deadline, targets_to_deadlines
from actionplans.normalise.glossary import Glossary, build_glossary
from actionplans.normalise.leads import LeadSettings, expand_leads, same_as_above
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
from actionplans.normalise.versions import (
    PlanPaper,
    Version,
    VersionSettings,
    apply_keys,
    papers_to_versions,
    threads_to_keys,
    versions_to_threads,
)
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
    plans = _plans_to_versions(papers, plan_ids, settings)
    actions: list[ActionRow] = []
    documents: list[DocumentRow] = []
    extra_columns: list[str] = []
    column_headers: dict[str, str] = {}
    for r in results:
        doc = DocumentRow(source_file=r.source_file, sha256=r.sha256, format=r.format, pages=r.pages)
        documents.append(doc)
        if r.extraction is None:
            doc.status, doc.message = ("skipped", r.skipped) if r.skipped else ("error", r.error)
            doc.error_code = str(r.error_code or ErrorCode.CRASHED) if not r.skipped else ""
            continue
        ex = r.extraction
        info = ex.info
        doc.ocr_pages, doc.warnings = ex.ocr_pages, tuple(ex.warnings)
        doc.title, doc.document_date, doc.plan_as_at = info.title, info.document_date, info.plan_as_at
        doc.council, doc.judgement = info.council, info.judgement
        if not ex.actions:
            doc.status = "no_plan"
            doc.message = no_plan_reason(ex.tables, ex.skimmed_pages)
            continue
        paper, plan_id = papers[r.source_file], plan_ids[r.source_file]
        glossary, borrowed = borrowed_glossary(paper, plans[plan_id].versions)
        paper.rows = paper_to_rows(r.source_file, ex, glossary, plan_id, settings, borrowed)
        actions.extend(paper.rows)
        doc.actions, doc.plan_id = len(paper.rows), plan_id
        extra_columns.extend(c for c in ex.extra_columns if c not in extra_columns)
        for name, printed in ex.column_headers.items():
            column_headers.setdefault(name, printed)
    if any(a.extras.get(SHEET) for a in actions):  # spreadsheet rows: their sheet's name, first after the contract's
        extra_columns = [SHEET, *(c for c in extra_columns if c != SHEET)]
    for plan in plans.values():
        link_plan(plan.plan_id, plan.versions, settings.versions)  # keys and repairs, rows in place
    ordered = [plans[p] for p in sorted(plans)]
    return Tables(actions=actions, documents=documents, extra_columns=extra_columns, column_headers=column_headers,
                  glossaries={s: p.glossary for s, p in papers.items()},
                  progress=plans_to_progress(ordered, settings.vocabulary),
                  summary=plans_to_summary(ordered, settings.vocabulary),
                  paths={r.source_file: r.path for r in results if r.path is not None})


def link_plan(plan_id: str, versions: list[Version], settings: VersionSettings) -> None:
    """Thread, repair and key every row of one plan's papers, in place. Repairs come
    before keys, so a key uses a number another version printed."""
    versions_to_threads(versions, settings)
    repair_numbers(versions)
    repair_leads(versions, settings)
    apply_keys(versions, threads_to_keys(plan_id, versions))


def _plans_to_versions(papers: dict[str, PlanPaper], plan_ids: dict[str, str],
                       settings: NormaliseSettings) -> dict[str, PlanVersions]:
    members: dict[str, list[PlanPaper]] = {}
    for source, paper in papers.items():
        members.setdefault(plan_ids[source], []).append(paper)
    return {pid: PlanVersions(pid, papers_to_versions(ps, settings.versions)) for pid, ps in members.items()}


def paper_to_rows(source: str, ex: Extraction, glossary: Glossary, plan_id: str, settings: NormaliseSettings,
                  borrowed: dict[str, tuple[str, str]] | None = None) -> list[ActionRow]:
    """The paper's rows; ``borrowed`` names the glossary's codes taken from other papers of
    the plan ({full name: (code, source_file)}), so a row using one says so. Keys are
    placeholders until the plan's versions are linked."""
    borrowed = borrowed or {}
    recs = infer_recommendations(ex.actions)
    numbers = infer_actions(ex.actions, recs)
    titles = _titles(ex.actions)
    deadlines = paper_deadlines(ex, settings.vocabulary)
    rows = []
    above: list[str] = []  # the officers of the row above, for a cell saying "as above"
    for a, (rec_number, rec_inferred), (number, inferred), due in zip(ex.actions, recs, numbers, deadlines,
                                                                      strict=False):
        lead_warnings: list[WarningItem] = []
        if same_as_above(a.lead_raw, settings.vocabulary):
            officers = list(above)
        else:
            officers, lead_warnings = expand_leads(a.lead_raw, glossary, titles, settings.leads)
        above = officers
        warnings = list(a.warnings) + lead_warnings
        warnings += [WarningItem(WarningCode.BORROWED_CODE,
                                 f"code {borrowed[o][0]} expanded from the glossary of {borrowed[o][1]}")
                     for o in officers if o in borrowed]
        if rec_inferred:
            warnings.append(RECOMMENDATION_INFERRED)
        if inferred:
            warnings.append(ACTION_INFERRED)
        warnings += [*due.warnings, *ex.warnings]
        rows.append(ActionRow(
            plan_id=plan_id, action_key=f"{plan_id}/{number}", source_file=source,
            document_date=ex.info.document_date, plan_as_at=ex.info.plan_as_at,
            recommendation_number=rec_number, recommendation_text=a.recommendation_text,
            action_number=number, action_number_inferred=inferred, action_text=a.action_text,
            lead_officer_raw=a.lead_raw, lead_officers=tuple(officers), rag_raw=a.rag_raw, rag=a.rag,
            page=a.page, warnings=tuple(dict.fromkeys(warnings)), due_date=due.due_date,
            due_date_note=due.note, extras=_extras(a), region=a.region, cells=list(a.cells)))
    return rows


def paper_deadlines(ex: Extraction, vocabulary: Vocabulary) -> list[Deadline]:
    """Each action's target date read (issue 13), whatever the plan calls the column; a
    year left out is taken from the paper's date."""
    column = vocabulary.role("target_date").column or "target_date"
    targets = [_extras(a).get(column, "") for a in ex.actions]
    return targets_to_deadlines(targets, ex.info.plan_as_at or ex.info.document_date)


def _titles(actions: list[RawAction]) -> set[str]:
    """Officer titles the paper prints alone in a lead cell somewhere."""
    return {a.lead_raw.strip().lower() for a in actions if a.lead_raw and not any(s in a.lead_raw for s in "&/,;")}


SHEET = "sheet"  # the contract's column for a spreadsheet row's sheet, written after the contract's own


def _extras(a: RawAction) -> dict[str, str]:
    extras = {k.removeprefix("extra:"): v for k, v in a.extras.items()}
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
