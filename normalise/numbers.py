"""Numbers a paper lost (Word list numbering dropped by text extraction, an unnumbered
last recommendation), inferred from order and from the numbering style the paper uses:
running on across the plan ("1)".."43)"), restarting per recommendation, hierarchical
("2.3") or lettered ("4b")."""
from __future__ import annotations

import re

from actionplans.extract.records import RawAction, WarningCode, WarningItem

_PARTS = re.compile(r"^(\d+)(?:\.(\d+))?([a-z])?$")
# What a row says of a number inferred here.
RECOMMENDATION_INFERRED = WarningItem(WarningCode.RECOMMENDATION_INFERRED, "recommendation number inferred from order")
ACTION_INFERRED = WarningItem(WarningCode.ACTION_INFERRED, "action number inferred from order")


def infer_recommendations(actions: list[RawAction]) -> list[tuple[str, bool]]:
    """(number, inferred) of each action's recommendation."""
    out: list[tuple[str, bool]] = []
    previous_text, number, count = None, "", 0
    for a in actions:
        if not a.recommendation_text and not a.recommendation_number:
            out.append(("", False))  # a plan with no recommendation column
            continue
        if a.recommendation_text != previous_text or (a.recommendation_number and a.recommendation_number != number):
            count += 1
            previous_text = a.recommendation_text
            if a.recommendation_number:
                number = a.recommendation_number
                inferred = False
            else:
                # "3.2" says its recommendation is 3; otherwise the one after the last.
                prefix = re.match(r"^(\d+)\.\d", a.action_number)
                number = prefix.group(1) if prefix else (_next(number) if number else str(count))
                inferred = True
        out.append((number, inferred and not a.recommendation_number))
    return out


def infer_actions(actions: list[RawAction], recs: list[tuple[str, bool]]) -> list[tuple[str, bool]]:
    """(number, inferred) of each action, filling gaps in the paper's own style."""
    per_rec = _restarts(actions, recs)
    hierarchical = any("." in a.action_number for a in actions)
    out: list[tuple[str, bool]] = []
    previous = ""
    for i, a in enumerate(actions):
        new_rec = i == 0 or recs[i][0] != recs[i - 1][0]
        if a.action_number:
            number, inferred = a.action_number, False
        elif hierarchical:
            number = f"{recs[i][0]}.1" if new_rec or not previous else _next(previous)
            inferred = True
        elif per_rec and new_rec:
            number, inferred = "1", True
        else:
            number, inferred = (_next(previous) if previous else "1"), True
        out.append((number, inferred))
        previous = number
    return out


def _restarts(actions: list[RawAction], recs: list[tuple[str, bool]]) -> bool:
    """Whether printed numbers start again with each recommendation."""
    last: int | None = None
    for i, a in enumerate(actions):
        m = _PARTS.match(a.action_number)
        if not m or m.group(2):
            continue
        n = int(m.group(1))
        if last is not None and n <= last and i > 0 and recs[i][0] != recs[i - 1][0]:
            return True
        last = n
    return False


def _next(number: str) -> str:
    m = _PARTS.match(number)
    if not m:
        return number + "+1"
    whole, sub, letter = m.groups()
    if letter:
        return f"{whole}{'.' + sub if sub else ''}{chr(ord(letter) + 1)}"
    if sub:
        return f"{whole}.{int(sub) + 1}"
    return str(int(whole) + 1)
