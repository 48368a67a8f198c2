"""One settings tree for the whole run: every stage's settings, reached alike from the
library (``Settings``, or a nested dict) and the command line (``--set ingest.pdf.stream.min_lines=3``).

Each stage keeps its own frozen dataclass that checks itself; this module only puts
them together and builds them from plain values, naming the bad key when one is wrong.
"""
from __future__ import annotations

import dataclasses
import math
import types
import typing
from collections.abc import Mapping
from dataclasses import dataclass, fields, is_dataclass, replace
from pathlib import Path
from typing import Any, TypeVar

from actionplans.batch import BatchSettings
from actionplans.extract import ExtractSettings
from actionplans.ingest import IngestSettings
from actionplans.normalise import NormaliseSettings
from actionplans.output import OutputSettings
from actionplans.vocabulary import Vocabulary

T = TypeVar("T")


class SettingsError(ValueError):
    """A setting that does not exist or has a value it cannot take; the message names it."""


@dataclass(frozen=True)
class StageSettings:
    """Every stage's settings as a ``Settings`` holds them: build a ``Settings``, which
    gives each stage its defaults and puts its vocabulary into them as it is made."""

    ingest: IngestSettings
    extract: ExtractSettings
    normalise: NormaliseSettings
    batch: BatchSettings
    output: OutputSettings
    # Where set, every stage reads this vocabulary (the shipped one with a user's
    # additions, ``load_vocabulary``) in place of the one its own settings hold.
    vocabulary: Vocabulary | None = None


class Settings(StageSettings):
    """Every stage's settings. ``batch`` says how files are run (workers, limits, cache);
    ``output`` what is written. A ``vocabulary`` given is in every stage's settings from
    the start: the stages are built with it, never changed after (``replace`` and
    ``--set`` build anew, so it stays in them)."""

    def __init__(self, ingest: IngestSettings | None = None, extract: ExtractSettings | None = None,
                 normalise: NormaliseSettings | None = None, batch: BatchSettings | None = None,
                 output: OutputSettings | None = None, vocabulary: Vocabulary | None = None) -> None:
        stages = StageSettings(ingest or IngestSettings(), extract or ExtractSettings(),
                               normalise or NormaliseSettings(), batch or BatchSettings(), output or OutputSettings())
        if vocabulary is not None:
            stages = with_vocabulary(stages, vocabulary)
        super().__init__(stages.ingest, stages.extract, stages.normalise, stages.batch, stages.output, vocabulary)

    @classmethod
    def resolve(cls, value: Settings | Mapping[str, object] | None) -> Settings:
        """None gives the defaults; a (nested) dict gives those values over the defaults;
        an instance is returned as it is. Raises SettingsError naming a bad key."""
        if value is None:
            return cls()
        if isinstance(value, Mapping):
            return build(cls, dict(value), "")
        if isinstance(value, cls):
            return value
        raise SettingsError(f"settings must be a Settings, a dict or None, not {type(value).__name__}")

    def with_values(self, assignments: list[str]) -> Settings:
        """A copy with ``dotted.key=value`` assignments applied, as the command line's
        ``--set`` gives them. Raises SettingsError naming the bad key or value."""
        tree: dict[str, Any] = {}
        for assignment in assignments:
            key, sep, text = assignment.partition("=")
            if not sep or not key.strip():
                raise SettingsError(f"--set {assignment!r}: expected KEY=VALUE, e.g. ingest.pdf.stream.min_lines=3")
            node = tree
            parts = key.strip().split(".")
            for part in parts[:-1]:
                node = node.setdefault(part, {})
                if not isinstance(node, dict):
                    raise SettingsError(f"--set {key}: {part} is a value, not a group")
            node[parts[-1]] = _Text(text.strip())
        return build(Settings, tree, "", base=self)


def with_vocabulary(stages: StageSettings, vocabulary: Vocabulary) -> StageSettings:
    """The stages' settings with ``vocabulary`` in each one that reads it."""
    pdf = stages.ingest.pdf
    prefilter = replace(pdf.prefilter, vocabulary=vocabulary)
    extract = stages.extract
    normalise = stages.normalise
    return replace(stages,
                   ingest=replace(stages.ingest, pdf=replace(pdf, prefilter=prefilter)),
                   extract=replace(extract, headers=replace(extract.headers, vocabulary=vocabulary)),
                   normalise=replace(normalise, leads=replace(normalise.leads, vocabulary=vocabulary)),
                   output=replace(stages.output, vocabulary=vocabulary))


@dataclass(frozen=True)
class _Text:
    """A value as typed on the command line, converted by the field's type."""

    text: str


def build(cls: type[T], values: dict[str, Any], prefix: str, base: T | None = None) -> T:
    """An instance of the settings dataclass ``cls`` from a nested dict, over ``base``
    (or the defaults)."""
    current = base if base is not None else cls()
    assert is_dataclass(current)
    known = {f.name: f for f in fields(current) if f.init}
    hints = typing.get_type_hints(cls)
    changes: dict[str, Any] = {}
    for name, value in values.items():
        where = f"{prefix}{name}"
        if name not in known:
            choices = ", ".join(sorted(known))
            raise SettingsError(f"unknown setting {where!r} (choose from {choices})")
        now = getattr(current, name)
        if is_dataclass(now) and not isinstance(now, Vocabulary) and isinstance(value, dict):
            changes[name] = build(type(now), value, f"{where}.", base=now)  # type: ignore[arg-type]
        else:
            changes[name] = _value(hints[name], value, where)
    try:
        return replace(current, **changes)  # type: ignore[type-var]
    except (TypeError, ValueError) as exc:
        raise SettingsError(f"{prefix.rstrip('.') or 'settings'}: {exc}") from None


def _value(hint: Any, value: Any, where: str) -> Any:
    """A plain value for a field of type ``hint``; text from the command line converted."""
    if not isinstance(value, _Text):
        return value
    text = value.text
    union = typing.get_origin(hint) in (typing.Union, types.UnionType)
    options = [a for a in typing.get_args(hint) if a is not type(None)] if union else [hint]
    if union and type(None) in typing.get_args(hint) and text.lower() in ("none", ""):
        return None
    for option in options:
        try:
            return _convert(option, text)
        except (TypeError, ValueError):
            continue
    raise SettingsError(f"setting {where!r}: cannot read {text!r} as {_name(hint)}")


def _convert(kind: Any, text: str) -> Any:
    if kind is bool:
        lowered = text.lower()
        if lowered in ("true", "yes", "on", "1"):
            return True
        if lowered in ("false", "no", "off", "0"):
            return False
        raise ValueError(text)
    if kind is int:
        return int(text)
    if kind is float:
        number = float(text)
        if not math.isfinite(number):
            raise ValueError(text)
        return number
    if kind is str:
        return text
    if kind is Path:
        return Path(text)
    if typing.get_origin(kind) is tuple:
        return tuple(part.strip() for part in text.split(",") if part.strip())
    raise TypeError(kind)


def _name(hint: Any) -> str:
    return getattr(hint, "__name__", str(hint))


def settings_keys(cls: type = Settings, prefix: str = "") -> list[str]:
    """Every dotted key ``--set`` accepts, for help and errors."""
    out: list[str] = []
    default = cls()
    for f in dataclasses.fields(default):
        value = getattr(default, f.name)
        if is_dataclass(value) and not isinstance(value, Vocabulary):  # a vocabulary is a file, not keys
            out.extend(settings_keys(type(value), f"{prefix}{f.name}."))
        else:
            out.append(f"{prefix}{f.name}")
    return out
