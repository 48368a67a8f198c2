"""A user's vocabulary file: read, checked key by key (naming the file, line and key of
the first problem), and merged over the shipped vocabulary's data. Plain TOML data in and
out: ``actionplans.vocabulary`` builds the Vocabulary value from it."""
from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any


class VocabularyError(ValueError):
    """A vocabulary file that cannot be used; the message names the file, line and key."""


def read_user_file(path: Path) -> dict[str, Any]:
    """A user's vocabulary file as TOML data, checked; VocabularyError where it cannot be used."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except OSError as exc:
        raise VocabularyError(f"{path.name}: cannot read vocabulary file ({exc.strerror or exc})") from None
    except UnicodeDecodeError:
        raise VocabularyError(f"{path.name}: vocabulary file is not UTF-8 text") from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        where = str(exc).replace("at end of document", f"at line {text.count(chr(10)) + 1}, the end of the file")
        raise VocabularyError(f"{path.name}: not valid TOML ({where})") from None
    check_user_data(data, path.name, text)
    return data


# What a user's file may say: keys per section, and the type of each value.
_USER_KEYS: dict[str, dict[str, type]] = {
    "roles.*": {"words": list, "plan": bool, "column": str, "hints": list},
    # A status's colours: its fill on a paper ("fill", hex), and how the workbook ("sheet")
    # and report ("chart") show it, each a table of "fill" and "ink" (hex).
    "statuses.*": {"words": list, "letter": str, "fill": str, "sheet": dict, "chart": dict},
    "officers": {"codes": dict, "no_one": list, "post_words": list, "body_words": list,
                 "joining_phrases": list, "contributor_phrases": list, "same_as_above": list},
    "decoys.*": {"words": list, "min_cells": int},
    "rows": {"min_actions": int, "action_share": float, "action_min_words": int, "action_median_words": int},
    "glossary": {"code_headers": list, "name_headers": list},
    "evidence": {"header": float, "content": float, "min_score": float, "action_min_score": float,
                 "min_cells": int, "sample_rows": int},
    "text_plans": {"headings": list, "min_labelled_share": float, "min_groups": int},
}


_STATUSES = ("Red", "Amber", "Green", "Blue")
_STATUSES_SAID = "Red, Amber, Green or Blue"
_KIND_WORDS = {list: "a list of words", dict: "a table of text values", bool: "true or false",
               int: "a whole number", float: "a number", str: "text"}


def check_user_data(data: dict[str, Any], name: str, text: str) -> None:
    """Raise VocabularyError naming the file, line and key of the first thing a user's
    vocabulary file may not say."""
    for section, body in data.items():
        if not isinstance(body, dict):
            _fail(name, text, section, "is not a section; see README for the sections a vocabulary file may have")
        if section in ("roles", "statuses", "decoys"):
            for entry, values in body.items():
                if not isinstance(values, dict):
                    _fail(name, text, f"{section}.{entry}", "must be a section")
                if section == "statuses" and entry not in _STATUSES:
                    _fail(name, text, f"{section}.{entry}", "is no status: words are added to " + _STATUSES_SAID)
                _check_keys(values, _USER_KEYS[f"{section}.*"], f"{section}.{entry}", name, text)
        elif section in _USER_KEYS:
            _check_keys(body, _USER_KEYS[section], section, name, text)
        else:
            _fail(name, text, section, "is not a section (choose from roles, statuses, officers, decoys, rows, "
                                       "glossary, evidence, text_plans)")


def _check_keys(values: dict[str, Any], allowed: dict[str, type], where: str, name: str, text: str) -> None:
    for key, value in values.items():
        if key not in allowed:
            _fail(name, text, f"{where}.{key}", f"is not a setting (choose from {', '.join(allowed)})")
        kind = allowed[key]
        ok = isinstance(value, kind) or (kind is float and isinstance(value, int) and not isinstance(value, bool))
        if ok and kind is list:
            ok = all(isinstance(v, str) for v in value)
        if ok and kind is dict:
            ok = all(isinstance(v, str) for v in value.values())
        if not ok:
            _fail(name, text, f"{where}.{key}", f"must be {_KIND_WORDS[kind]}")


def _fail(name: str, text: str, key: str, why: str) -> None:
    raise VocabularyError(f"{name}: line {_line_of(text, key)}: {key} {why}")


def _line_of(text: str, key: str) -> int:
    """The line where a dotted key is set: its last part as a key, after its section."""
    parts = key.split(".")
    lines = text.splitlines()
    start = 0
    for i, line in enumerate(lines):
        if line.strip().startswith("[") and ".".join(parts[:-1]) in line:
            start = i
            break
    for i in range(start, len(lines)):
        if re.match(rf"\s*\[?\s*{re.escape(parts[-1])}\s*[\]=.]", lines[i]) or \
                re.match(rf"\s*\[{re.escape(key)}\]", lines[i]):
            return i + 1
    return start + 1


def merge(base: dict[str, Any], extra: dict[str, Any]) -> dict[str, Any]:
    """``extra`` over ``base``: tables merge, lists extend (without repeats), values replace."""
    out = dict(base)
    for key, value in extra.items():
        now = out.get(key)
        if isinstance(now, dict) and isinstance(value, dict):
            out[key] = merge(now, value)
        elif isinstance(now, list) and isinstance(value, list):
            out[key] = now + [v for v in value if v not in now]
        else:
            out[key] = value
    return out
