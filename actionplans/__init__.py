"""actionplans: action plans from council committee papers (PDF and Word), as linked tables.

Command line: ``actionplans extract PATH... -o OUT``. Python: ``extract_folder(path)`` or
``run(paths)``. The four stages are subpackages, data flowing one way:
``actionplans.ingest`` (files to the document model), ``actionplans.extract`` (the model to
records), ``actionplans.normalise`` (records to the run's tables) and ``actionplans.output``
(tables to files). What makes a plan (column roles, status words and colours, code shapes)
lives in one place, ``actionplans.vocabulary``.
"""
from __future__ import annotations

__version__ = "0.1.0"

from actionplans.api import extract_folder, run, tables_from_results  # noqa: E402
from actionplans.batch import BatchSettings  # noqa: E402
from actionplans.cli import main  # noqa: E402
from actionplans.extract import ExtractSettings  # noqa: E402
from actionplans.ingest import IngestSettings  # noqa: E402
from actionplans.normalise import NormaliseSettings, Tables  # noqa: E402
from actionplans.settings import Settings  # noqa: E402

__all__ = ["BatchSettings", "ExtractSettings", "IngestSettings", "NormaliseSettings", "Settings", "Tables",
           "__version__", "extract_folder", "main", "run", "tables_from_results"]
