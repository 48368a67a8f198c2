"""Each action's progress across its plan's versions, and status counts per version.

``progress``: one record per action_key; its wording, officers, number, source_file and
page from the latest version it is in; ``latest_rag`` from the latest version that rates
it; one ``rag_<version>`` column per version of any plan in the run, holding Red, Amber,
Green, Blue, "unrated" (in that version without a status) or "" (not in that version).
The flags answer "what needs attention now": ``slipped`` its latest status is below the
one before (Green or Blue back to Amber or Red, Amber to Red; versions without a status
are skipped), ``stuck_red`` its latest two statuses are both Red, ``new`` it was not in
the plan's first version, ``dropped`` it is not in the plan's latest version.

``summary``: one record per plan and version: the copy it was read from, status counts,
and what changed since the version before (new, dropped, slipped), with the other copies.
"""
from __future__ import annotations

from dataclasses import dataclass

from actionplans.normalise.records import ActionRow
from actionplans.normalise.versions import Version

RANK = {"Red": 0, "Amber": 1, "Green": 2, "Blue": 2}  # Blue (completed and embedded) is done too
UNRATED = "unrated"


@dataclass
class PlanVersions:
    plan_id: str
    versions: list[Version]


def thread_order(versions: list[Version]) -> list[int]:
    """Threads in plan order: the first version's, each later action slotted in after the
    one it follows in its own version, dropped actions kept where they were."""
    order: list[int] = []
    for version in versions:
        at = 0
        for thread in version.main.threads:
            if thread in order:
                at = order.index(thread) + 1
            else:
                order.insert(at, thread)
                at += 1
    return order


def thread_rows(versions: list[Version]) -> dict[int, dict[int, ActionRow]]:
    """{thread: {version index: its row in the version's main copy}}."""
    rows: dict[int, dict[int, ActionRow]] = {}
    for k, version in enumerate(versions):
        for thread, row in zip(version.main.threads, version.main.rows, strict=True):
            rows.setdefault(thread, {})[k] = row
    return rows


def slipped(statuses: list[str]) -> bool:
    rated = [s for s in statuses if s in RANK]
    return len(rated) >= 2 and RANK[rated[-1]] < RANK[rated[-2]]


def stuck_red(statuses: list[str]) -> bool:
    rated = [s for s in statuses if s in RANK]
    return rated[-2:] == ["Red", "Red"]


def rag_columns(plans: list[PlanVersions]) -> list[str]:
    labels = {v.label: v.order for p in plans for v in p.versions}
    return [f"rag_{label}" for label in sorted(labels, key=lambda x: labels[x])]


def plans_to_progress(plans: list[PlanVersions]) -> list[dict[str, object]]:
    columns = rag_columns(plans)
    records = []
    for plan in plans:
        by_thread = thread_rows(plan.versions)
        for thread in thread_order(plan.versions):
            records.append(_progress_record(plan, by_thread[thread], columns))
    return records


def _progress_record(plan: PlanVersions, rows: dict[int, ActionRow], columns: list[str]) -> dict[str, object]:
    versions = plan.versions
    first, last = min(rows), max(rows)
    latest = rows[last]
    record: dict[str, object] = {
        "plan_id": plan.plan_id, "action_key": latest.action_key,
        "recommendation_number": latest.recommendation_number, "action_number": latest.action_number,
        "action_text": latest.action_text, "lead_officers": latest.lead_officers,
    }
    record.update(dict.fromkeys(columns, ""))
    for k, row in rows.items():
        record[f"rag_{versions[k].label}"] = row.rag or UNRATED
    statuses = [rows[k].rag for k in sorted(rows)]
    record.update({
        "first_seen": versions[first].label, "last_seen": versions[last].label,
        "latest_rag": next((r for r in reversed(statuses) if r), ""),
        "slipped": slipped(statuses), "stuck_red": stuck_red(statuses),
        "new": first != 0, "dropped": last != len(versions) - 1,
        # "" rather than None, so a column with a gap stays whole numbers in the CSV.
        "source_file": latest.source_file, "page": latest.page if latest.page is not None else "",
    })
    return record


def plans_to_summary(plans: list[PlanVersions]) -> list[dict[str, object]]:
    records = []
    for plan in plans:
        by_thread = thread_rows(plan.versions)
        for k, version in enumerate(plan.versions):
            records.append(_summary_record(plan, k, version, by_thread))
    return records


def _summary_record(plan: PlanVersions, k: int, version: Version,
                    by_thread: dict[int, dict[int, ActionRow]]) -> dict[str, object]:
    main = version.main
    info = main.extraction.info
    rags = [r.rag for r in main.rows]
    here = set(main.threads)
    before = set(plan.versions[k - 1].main.threads) if k else set()
    fell = [t for t in here if slipped([r.rag for i, r in sorted(by_thread[t].items()) if i <= k])
            and by_thread[t][k].rag]
    return {
        "plan_id": plan.plan_id, "version": version.label, "plan_as_at": info.plan_as_at,
        "document_date": info.document_date, "source_file": main.source_file,
        "red": rags.count("Red"), "amber": rags.count("Amber"), "green": rags.count("Green"),
        "blue": rags.count("Blue"), "unrated": sum(1 for r in rags if not r), "total": len(rags),
        "new": len(here - before) if k else 0, "dropped": len(before - here), "slipped": len(fell),
        "copies": "; ".join(p.source_file for p in version.papers[1:]),
    }
