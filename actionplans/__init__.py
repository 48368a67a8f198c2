"""actionplans: action plans from council committee papers (PDF, Word, OpenDocument, Excel,
web pages), as linked tables.

Command line: ``actionplans extract PATH... -o OUT``. Python: ``extract_folder(path)`` or
``run(paths)``. The four stages are subpackages, data flowing one way:
``actionplans.ingest`` (files to the document model), ``actionplans.extract`` (the model to
records), ``actionplans.normalise`` (records to the run's tables) and ``actionplans.output``
(tables to files). What makes a plan (column roles, status words and colours, code shapes)
lives in one place, ``actionplans.vocabulary``.

The names below load on first use, so ``import actionplans.vocabulary`` (or one stage)
does not import every stage and pandas with it.
"""
from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

_EXPORTS = {
    "run": "actionplans.api", "extract_folder": "actionplans.api", "tables_from_results": "actionplans.api",
    "main": "actionplans.cli", "Settings": "actionplans.settings", "BatchSettings": "actionplans.batch",
    "IngestSettings": "actionplans.ingest", "ExtractSettings": "actionplans.extract",
    "NormaliseSettings": "actionplans.normalise", "Tables": "actionplans.normalise",
    "OutputSettings": "actionplans.output", "Vocabulary": "actionplans.vocabulary",
    "load_vocabulary": "actionplans.vocabulary",
}

if TYPE_CHECKING:
    from actionplans.api import extract_folder, run, tables_from_results
    from actionplans.batch import BatchSettings
    from actionplans.cli import main
    from actionplans.extract import ExtractSettings
    from actionplans.ingest import IngestSettings
    from actionplans.normalise import NormaliseSettings, Tables
    from actionplans.output import OutputSettings
    from actionplans.settings import Settings
    from actionplans.vocabulary import Vocabulary, load_vocabulary


def __getattr__(name: str) -> Any:
    if name in _EXPORTS:
        return getattr(importlib.import_module(_EXPORTS[name]), name)
    raise AttributeError(f"module 'actionplans' has no attribute {name!r}")


__all__ = ["BatchSettings", "ExtractSettings", "IngestSettings", "NormaliseSettings", "OutputSettings", "Settings",
           "Tables", "Vocabulary", "__version__", "extract_folder", "load_vocabulary", "main", "run",
           "tables_from_results"]
