"""Generated versions of one action plan, for the tests that link actions across versions.

One data structure is both the input and the expectation: a base plan of 40 actions, then
each version as a tuple of ``PlanAction`` carrying the action's true identity (``ident``)
whatever its wording, number or status. ``version_to_result`` turns a version into the
records extraction would hand to normalise (``RawAction`` lists in a ``PaperResult``), so
the tests run at the record level without files.

Changes from one version to the next, drawn from a seeded ``random.Random``: actions
inserted (from a pool of further realistic actions) and dropped, which renumbers all that
follow; actions reworded (synonyms, clauses swapped round, a qualifier added or removed);
the numbering style changed; statuses moved on, including slips and reds that stay red.
"""
from __future__ import annotations

import random
import re
from dataclasses import dataclass, replace
from typing import Literal

from actionplans.extract.records import DocumentInfo, Extraction, PaperResult, RawAction

Numbering = Literal["running", "per_rec", "hierarchical", "lost"]
"""How a version prints action numbers: running on across the plan ("1".."40"),
restarting per recommendation ("1".."5"), hierarchical ("3.2"), or not at all (lost;
normalise infers them from order)."""

COUNCIL = "Northshire County Council"
RANK = {"Red": 0, "Amber": 1, "Green": 2, "Blue": 2}  # Blue (embedded) counts as done

RECOMMENDATIONS: tuple[str, ...] = (
    "Improve the quality and timeliness of assessments so that children's needs are "
    "understood and acted upon without delay",
    "Ensure that child protection plans are specific, outcome focused and reviewed "
    "regularly through core groups",
    "Strengthen management oversight and reflective supervision of social work practice",
    "Ensure that the wishes and feelings of children are heard and recorded in "
    "assessments, plans and reviews",
    "Improve the quality and consistency of multi-agency referrals to children's social care",
    "The LSCB to monitor the effectiveness and take-up of early help across partner agencies",
    "Reduce social worker caseloads and improve the stability of the workforce",
    "Strengthen the quality assurance framework so that audit findings lead to better practice",
)

# (recommendation index, action text, lead code as printed)
BASE: tuple[tuple[int, str, str], ...] = (
    (0, "Revise the assessment template to include a chronology and analysis of risk", "HoCSC"),
    (0, "Team managers to review every assessment that is out of timescale each week", "HoCSC"),
    (0, "Deliver training on analytical assessment writing to all social workers", "HoWD"),
    (0, "Introduce a weekly performance report on assessment timeliness for managers", "HoPI"),
    (0, "Audit a sample of assessments each month and report findings to DMT", "HoSQA"),
    (1, "Implement SMART planning training for all child protection chairs and social workers", "HoSQA"),
    (1, "Core group minutes to be recorded on the electronic system within five working days",
     "HoCSC"),
    (1, "Child protection chairs to challenge plans that do not set measurable outcomes", "HoSQA"),
    (1, "Develop a core group guidance note for partner agencies", "LSCB Chair"),
    (1, "Review all plans that have been open for more than 18 months", "HoCSC"),
    (2, "Revise the supervision policy to require reflective discussion of every case", "HoCSC"),
    (2, "Supervision to take place at least monthly and be recorded on the child's file", "HoCSC"),
    (2, "Establish a management development programme for team managers", "HoWD"),
    (2, "Heads of service to audit supervision records quarterly", "HoSQA"),
    (2, "Develop a case decision template so that management decisions are clear", "HoCSC"),
    (3, "Commission an advocacy service for children subject to child protection plans", "HoCOM"),
    (3, "Social workers to see children alone and record their views at each visit", "HoCSC"),
    (3, "Introduce age appropriate consultation forms for child protection conferences", "HoSQA"),
    (3, "Establish a Children in Care Council sub-group on child protection", "HoCSC"),
    (3, "LSCB action plan to be developed to address this recommendation", "LSCB Chair"),
    (4, "LSCB action plan to be developed to address this recommendation across all agencies",
     "LSCB Chair"),
    (4, "Publish the threshold document on the council website and circulate to schools",
     "HoEH"),
    (4, "Deliver multi-agency threshold briefings to health, police and education staff", "HoEH"),
    (4, "Set up a referral quality audit with the police domestic abuse unit", "HoSQA"),
    (4, "Establish a single point of contact for professional consultation", "HoEH"),
    (5, "Produce a quarterly early help dataset for the LSCB", "HoPI"),
    (5, "Increase the number of early help assessments led by schools", "HoEH"),
    (5, "Evaluate the impact of the troubled families programme on referrals", "HoEH"),
    (5, "Review the step-down process between social care and early help", "HoEH"),
    (5, "Train lead professionals in partner agencies to use the early help assessment", "HoWD"),
    (6, "Recruit permanent social workers to reduce reliance on agency staff", "HoHR"),
    (6, "Introduce a caseload management tool and report average caseloads monthly", "HoPI"),
    (6, "Launch a recruitment and retention package including a market supplement", "HoHR"),
    (6, "Develop an assessed and supported year in employment programme for new social workers",
     "HoWD"),
    (6, "Hold exit interviews with all social workers who leave the service", "HoHR"),
    (7, "Revise the quality assurance framework to include practice observation", "HoSQA"),
    (7, "Audit findings to be shared with teams through monthly learning sessions", "HoSQA"),
    (7, "Track completion of audit actions through the performance board", "HoPI"),
    (7, "Undertake a thematic audit of neglect cases with partner agencies", "LSCB Chair"),
    (7, "Report quality assurance findings to the Lead Member every quarter", "HoCSC"),
)

# Further actions a later version may add, each with the recommendation it serves.
POOL: tuple[tuple[int, str, str], ...] = (
    (0, "Pilot a single assessment replacing initial and core assessments", "HoCSC"),
    (0, "Introduce peer review of assessments between the duty and long term teams", "HoSQA"),
    (1, "Family group conferences to be offered before every initial conference", "HoCOM"),
    (1, "Parents to receive a written copy of the plan in plain English", "HoSQA"),
    (2, "Commission external clinical supervision for senior practitioners", "HoWD"),
    (2, "Service managers to sample supervision notes during monthly case file dips", "HoCSC"),
    (3, "Develop a mobile app for young people to give feedback after meetings", "HoCOM"),
    (3, "Train independent visitors to support children attending reviews", "HoWD"),
    (4, "Open a multi-agency safeguarding hub with police and health colocated", "HoEH"),
    (4, "Run a campaign with GP practices on making good quality referrals", "HoEH"),
    (5, "Appoint early help coordinators in each locality", "HoEH"),
    (5, "Agree an early help outcomes framework with the health and wellbeing board", "HoPI"),
    (6, "Create a career progression route for advanced practitioners", "HoHR"),
    (6, "Cap caseloads at twenty children for newly qualified workers", "HoCSC"),
    (7, "Publish an annual quality assurance report on the intranet", "HoSQA"),
    (7, "Introduce a practice week in which senior managers shadow frontline staff", "HoCSC"),
    (0, "Agree a protocol with health visitors for sharing information at the start of an assessment",
     "HoEH"),
    (1, "Legal gateway meetings to consider cases where plans have not reduced risk", "HoCSC"),
    (2, "Senior practitioners to hold group supervision on complex neglect cases", "HoSQA"),
    (3, "Children's views to be summarised in the first section of every conference report", "HoSQA"),
    (4, "Translate the referral form into the five most spoken community languages", "HoCOM"),
    (5, "Map voluntary sector early help provision and publish a directory", "HoCOM"),
    (6, "Offer flexible working and a laptop to every frontline social worker", "HoHR"),
    (7, "Invite an external peer challenge from a neighbouring authority", "HoSQA"),
)

GLOSSARY: tuple[tuple[str, str], ...] = (
    ("HoCSC", "Head of Children's Social Care"),
    ("HoSQA", "Head of Safeguarding and Quality Assurance"),
    ("HoWD", "Head of Workforce Development"),
    ("HoPI", "Head of Performance and Information"),
    ("HoCOM", "Head of Commissioning"),
    ("HoEH", "Head of Early Help"),
    ("HoHR", "Head of Human Resources"),
    ("DMT", "Directorate Management Team"),
    ("LSCB", "Local Safeguarding Children Board"),
)

# Word swaps a council officer makes when redrafting an action, either way round.
SYNONYMS: tuple[tuple[str, str], ...] = (
    ("revise", "update"), ("review", "look again at"), ("deliver", "provide"),
    ("develop", "draw up"), ("establish", "set up"), ("introduce", "bring in"),
    ("implement", "roll out"), ("each week", "weekly"), ("quarterly", "every quarter"),
    ("staff", "practitioners"), ("team managers", "first line managers"), ("record", "note"),
    ("undertake", "carry out"), ("produce", "prepare"), ("increase", "raise"),
    ("partner agencies", "partners"), ("children", "young people"), ("training", "learning"),
)
QUALIFIERS = (" by the end of March 2014", " across all teams", " and report progress to the LSCB",
              " (carried forward)")
STATUSES = ("Red", "Amber", "Green", "Blue")


@dataclass(frozen=True)
class PlanAction:
    ident: str  # true identity: "b07" the 8th base action, "n03" the 4th pool action
    rec: int  # recommendation index
    text: str
    lead: str
    rag: str = ""


@dataclass(frozen=True)
class PlanVersion:
    source_file: str
    plan_as_at: str
    document_date: str
    numbering: Numbering
    actions: tuple[PlanAction, ...]

    def numbered(self) -> list[tuple[str, PlanAction]]:
        """(printed action number or "", action), as this version prints them."""
        out: list[tuple[str, PlanAction]] = []
        for i, a in enumerate(self.actions):
            within = sum(1 for b in self.actions[:i] if b.rec == a.rec) + 1
            number = {"running": str(i + 1), "per_rec": str(within),
                      "hierarchical": f"{a.rec + 1}.{within}", "lost": ""}[self.numbering]
            out.append((number, a))
        return out


def base_actions() -> tuple[PlanAction, ...]:
    return tuple(PlanAction(f"b{i:02d}", rec, text, lead) for i, (rec, text, lead) in enumerate(BASE))


def reword(text: str, rng: random.Random) -> str:
    """``text`` as a redraft would put it: synonyms, clauses swapped, a qualifier changed."""
    out = _swap_synonyms(text, rng, rng.randint(1, 3))
    if rng.random() < 0.4:
        out = _swap_clauses(out)
    if rng.random() < 0.4:
        out = _change_qualifier(out, rng)
    return out if out != text else text + QUALIFIERS[0]


def _swap_synonyms(text: str, rng: random.Random, count: int) -> str:
    present = [(a, b) for a, b in SYNONYMS if re.search(rf"\b{re.escape(a)}\b", text, re.I)]
    present += [(b, a) for a, b in SYNONYMS if re.search(rf"\b{re.escape(b)}\b", text, re.I)]
    for old, new in rng.sample(present, min(count, len(present))):
        m = re.search(rf"\b{re.escape(old)}\b", text, re.I)
        if m:  # an earlier swap may have taken the words
            text = text[:m.start()] + _case_like(m.group(0), new) + text[m.end():]
    return text


def _case_like(old: str, new: str) -> str:
    return new[0].upper() + new[1:] if old[:1].isupper() else new


def _swap_clauses(text: str) -> str:
    """"A so that B" -> "So that B, a"; "A and report B" -> "Report B and a" where "and"
    joins two things to do, not two nouns."""
    if " so that " in text:
        head, tail = text.split(" so that ", 1)
        return f"So that {tail}, {_lower_first(head)}"
    m = re.search(r" and (report|record|circulate|share|take|be) ", text)
    if m:
        head, tail = text[:m.start()], text[m.start() + len(" and "):]
        return f"{tail[0].upper()}{tail[1:]} and {_lower_first(head)}"
    return text


def _lower_first(text: str) -> str:
    # Keep capitals of acronyms and names ("LSCB", "Heads of service" -> "heads of service").
    return text if text[:2].isupper() else text[0].lower() + text[1:]


def _change_qualifier(text: str, rng: random.Random) -> str:
    for q in QUALIFIERS:
        if text.endswith(q):
            return text.removesuffix(q)
    return text + rng.choice(QUALIFIERS)


def next_status(rag: str, rng: random.Random) -> str:
    """The status at the next update: mostly forward, sometimes back (a slip), reds often stay."""
    roll = rng.random()
    if not rag:
        return rng.choice(("Red", "Amber", "Amber", "Green"))
    if rag == "Red":
        return "Red" if roll < 0.5 else ("Amber" if roll < 0.85 else "Green")
    if rag == "Amber":
        return "Amber" if roll < 0.5 else ("Green" if roll < 0.8 else "Red")
    if rag == "Green":
        return "Green" if roll < 0.6 else ("Blue" if roll < 0.8 else "Amber")
    return "Blue" if roll < 0.9 else "Amber"


@dataclass(frozen=True)
class Variant:
    seed: int
    versions: int = 3
    draft_first: bool = True  # the first version is an undated draft without statuses
    inserts: tuple[int, int] = (1, 3)  # how many actions a version adds (least, most)
    drops: tuple[int, int] = (1, 3)
    rewords: tuple[int, int] = (4, 8)
    numberings: tuple[Numbering, ...] = ("running", "running", "per_rec", "hierarchical")


DATES = ("2013-05-10", "2013-08-09", "2013-11-07", "2014-02-14", "2014-05-09")


def generate(variant: Variant) -> list[PlanVersion]:
    rng = random.Random(variant.seed)
    pool = [PlanAction(f"n{i:02d}", rec, text, lead) for i, (rec, text, lead) in enumerate(POOL)]
    rng.shuffle(pool)
    actions = base_actions()
    if not variant.draft_first:
        actions = tuple(replace(a, rag=next_status("", rng)) for a in actions)
    versions = [_version(variant, 0, "running", actions)]
    for k in range(1, variant.versions):
        actions = _drop(actions, rng.randint(*variant.drops), rng)
        actions = _insert(actions, [pool.pop() for _ in range(rng.randint(*variant.inserts))], rng)
        actions = _reword_some(actions, rng.randint(*variant.rewords), rng)
        actions = tuple(replace(a, rag=next_status(a.rag, rng)) for a in actions)
        versions.append(_version(variant, k, rng.choice(variant.numberings), actions))
    return versions


def _version(variant: Variant, k: int, numbering: Numbering, actions: tuple[PlanAction, ...]) -> PlanVersion:
    draft = variant.draft_first and k == 0
    as_at = "" if draft else DATES[k]
    return PlanVersion(f"s{variant.seed}_v{k + 1}.pdf", as_at, "", numbering, actions)


def _drop(actions: tuple[PlanAction, ...], count: int, rng: random.Random) -> tuple[PlanAction, ...]:
    gone = set(rng.sample(range(len(actions)), count))
    return tuple(a for i, a in enumerate(actions) if i not in gone)


def _insert(actions: tuple[PlanAction, ...], new: list[PlanAction], rng: random.Random) -> tuple[PlanAction, ...]:
    out = list(actions)
    for a in new:
        slots = [i for i, b in enumerate(out) if b.rec == a.rec]
        at = rng.choice(slots + [slots[-1] + 1]) if slots else len(out)
        out.insert(at, a)  # unrated until the statuses move on below
    return tuple(out)


def _reword_some(actions: tuple[PlanAction, ...], count: int, rng: random.Random) -> tuple[PlanAction, ...]:
    chosen = set(rng.sample(range(len(actions)), min(count, len(actions))))
    return tuple(replace(a, text=reword(a.text, rng)) if i in chosen else a for i, a in enumerate(actions))


def version_to_result(version: PlanVersion) -> PaperResult:
    """The records extract would give for this version, as one PDF paper."""
    actions = [
        RawAction(recommendation_number=str(a.rec + 1), recommendation_text=RECOMMENDATIONS[a.rec],
                  action_number=number, action_text=a.text, lead_raw=a.lead, rag_raw=a.rag, rag=a.rag,
                  page=2 + i // 6)
        for i, (number, a) in enumerate(version.numbered())
    ]
    info = DocumentInfo(title="Child Protection Improvement Plan", document_date=version.document_date,
                        plan_as_at=version.plan_as_at, council=COUNCIL,
                        plan_title="Child Protection Improvement Plan")
    text = ["Update on the improvement plan following the Ofsted inspection held in March 2013."]
    extraction = Extraction(info=info, actions=actions, glossaries=[[("Abbreviation", "In full"), *GLOSSARY]],
                            text=text)
    pages = 2 + len(actions) // 6
    return PaperResult(source_file=version.source_file, sha256="", format="pdf", pages=pages, extraction=extraction)


def slipped(history: list[str]) -> bool:
    """Whether the latest status is below the one before (Green to Amber or Red, Amber to Red)."""
    rated = [r for r in history if r]
    return len(rated) >= 2 and RANK[rated[-1]] < RANK[rated[-2]]


def stuck_red(history: list[str]) -> bool:
    """Whether the latest two statuses are both Red."""
    rated = [r for r in history if r]
    return rated[-2:] == ["Red", "Red"]
