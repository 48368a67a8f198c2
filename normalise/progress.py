"""Each action's progress across its plan's versions, and status counts per version.

``progress``: one row per action_key; its wording, officers, number, source_file and
page from the latest version it is in; ``latest_rag`` from the latest version that rates
it; one ``rag_<version>`` column per version of any plan in the run, holding Red, Amber,
Green, Blue, "unrated" (in that version without a status) or "" (not in that version).
The flags answer "what needs attention now": ``slipped`` its latest status is below the
one before (Green or Blue back to Amber or Red, Amber to Red; versions without a status
are skipped), ``stuck_red`` its latest two statuses are both Red, ``new`` it was not in
the plan's first version, ``dropped`` it is not in the plan's latest version.
Deadlines come from the latest version the action is in: its ``due_date``; ``overdue``
where that is before the version's status date (``plan_as_at``, else its document date)
and the action is not done there (Green or Blue), ``days_overdue`` by how much;
``date_moved`` where its latest due date is later than the first a version gave.

``summary``: one row per plan and version: the copy it was read from, status counts,
what changed since the version before (new, dropped, slipped), how many actions are
overdue at its status date, and the other copies.
"""
from __future__ import annotations

from dataclasses import dataclass

from actionplans.normalise.deadlines import days_overdue
from actionplans.normalise.rows import ActionRow, ProgressRow, SummaryRow
from actionplans.normalise.versions import Version
from actionplans.vocabulary import Vocabulary

UNRATED = "unrated"


@dataclass(frozen=True)
class PlanVersions:
    """A plan's versions, linked: each paper's rows and each row's thread, by source_file."""

    plan_id: str
    versions: list[Version]
    rows: dict[str, list[ActionRow]]
    threads: dict[str, tuple[int, ...]]

    def main_threads(self, version: Version) -> tuple[int, ...]:
        """The threads of the version's main copy's rows."""
        return self.threads[version.main.source_file]

    def main_rows(self, version: Version) -> list[ActionRow]:
        """The rows of the version's main copy, the copy it is read from."""
        return self.rows[version.main.source_file]


def thread_order(plan: PlanVersions) -> list[int]:
    """Threads in plan order: the first version's, each later action slotted in after the
    one it follows in its own version, dropped actions kept where they were."""
    order: list[int] = []
    for version in plan.versions:
        at = 0
        for thread in plan.main_threads(version):
            if thread in order:
                at = order.index(thread) + 1
            else:
                order.insert(at, thread)
                at += 1
    return order


def thread_rows(plan: PlanVersions) -> dict[int, dict[int, ActionRow]]:
    """{thread: {version index: its row in the version's main copy}}."""
    rows: dict[int, dict[int, ActionRow]] = {}
    for k, version in enumerate(plan.versions):
        for thread, row in zip(plan.main_threads(version), plan.main_rows(version), strict=True):
            rows.setdefault(thread, {})[k] = row
    return rows


def slipped(statuses: list[str], ranks: dict[str, int]) -> bool:
    """Whether the latest status ranks below the one before (the run's vocabulary ranks them)."""
    rated = [s for s in statuses if s in ranks]
    return len(rated) >= 2 and ranks[rated[-1]] < ranks[rated[-2]]


def stuck_red(statuses: list[str], ranks: dict[str, int]) -> bool:
    rated = [s for s in statuses if s in ranks]
    return rated[-2:] == ["Red", "Red"]


def late(row: ActionRow, version: Version, done: frozenset[str]) -> int | None:
    """Days the row's action is overdue at its version's status date, or None."""
    return days_overdue(row.due_date, version.main.status_date, row.rag, done)


def date_moved(due_dates: list[str]) -> bool:
    """Whether the latest due date given is later than the first (ISO dates sort as text)."""
    dated = [d for d in due_dates if d]
    return len(dated) >= 2 and dated[-1] > dated[0]


def version_labels(plans: list[PlanVersions]) -> list[str]:
    """Every version label of the run, in version order: the progress table's rag_ columns."""
    labels = {v.label: v.order for p in plans for v in p.versions}
    return sorted(labels, key=lambda x: labels[x])


def plans_to_progress(plans: list[PlanVersions], vocabulary: Vocabulary) -> list[ProgressRow]:
    """One row per action across its plan's versions; statuses ranked by ``vocabulary``."""
    labels = version_labels(plans)
    progress = []
    for plan in plans:
        by_thread = thread_rows(plan)
        for thread in thread_order(plan):
            progress.append(_progress_row(plan, by_thread[thread], labels, vocabulary))
    return progress


def _progress_row(plan: PlanVersions, rows: dict[int, ActionRow], labels: list[str],
                  vocabulary: Vocabulary) -> ProgressRow:
    versions = plan.versions
    first, last = min(rows), max(rows)
    latest = rows[last]
    rags = dict.fromkeys(labels, "")
    rags.update({versions[k].label: row.rag or UNRATED for k, row in rows.items()})
    statuses = [rows[k].rag for k in sorted(rows)]
    days = late(latest, versions[last], vocabulary.done)
    return ProgressRow(
        plan_id=plan.plan_id, action_key=latest.action_key, recommendation_number=latest.recommendation_number,
        action_number=latest.action_number, action_text=latest.action_text, lead_officers=latest.lead_officers,
        rags=rags, first_seen=versions[first].label, last_seen=versions[last].label,
        latest_rag=next((r for r in reversed(statuses) if r), ""),
        slipped=slipped(statuses, vocabulary.ranks), stuck_red=stuck_red(statuses, vocabulary.ranks),
        new=first != 0, dropped=last != len(versions) - 1, due_date=latest.due_date, overdue=days is not None,
        days_overdue=days, date_moved=date_moved([rows[k].due_date for k in sorted(rows)]),
        source_file=latest.source_file, page=latest.page)


def plans_to_summary(plans: list[PlanVersions], vocabulary: Vocabulary) -> list[SummaryRow]:
    """RAG counts per plan version, and what changed since the one before."""
    summary = []
    for plan in plans:
        by_thread = thread_rows(plan)
        for k, version in enumerate(plan.versions):
            summary.append(_summary_row(plan, k, version, by_thread, vocabulary))
    return summary


def _summary_row(plan: PlanVersions, k: int, version: Version,
                 by_thread: dict[int, dict[int, ActionRow]], vocabulary: Vocabulary) -> SummaryRow:
    main = version.main
    info = main.extraction.info
    rows = plan.main_rows(version)
    rags = [r.rag for r in rows]
    here = set(plan.main_threads(version))
    before = set(plan.main_threads(plan.versions[k - 1])) if k else set()
    fell = [t for t in here if slipped([r.rag for i, r in sorted(by_thread[t].items()) if i <= k], vocabulary.ranks)
            and by_thread[t][k].rag]
    return SummaryRow(
        plan_id=plan.plan_id, version=version.label, plan_as_at=info.plan_as_at,
        document_date=info.document_date, source_file=main.source_file,
        red=rags.count("Red"), amber=rags.count("Amber"), green=rags.count("Green"),
        blue=rags.count("Blue"), unrated=sum(1 for r in rags if not r), total=len(rags),
        new=len(here - before) if k else 0, dropped=len(before - here), slipped=len(fell),
        overdue=sum(late(r, version, vocabulary.done) is not None for r in rows),
        copies=tuple(p.source_file for p in version.papers[1:]))
