"""Stage 4: write the run's tables. Only writes; decides nothing about content."""
from actionplans.output.frames import tables_to_frames
from actionplans.output.owned import OUTPUT_NAMES, REPORT, WORKBOOK, holds_a_run, is_ours
from actionplans.output.report import still_red
from actionplans.output.settings import FORMATS, OutputSettings, parse_formats
from actionplans.output.write import write_outputs

__all__ = ["FORMATS", "OUTPUT_NAMES", "REPORT", "WORKBOOK", "OutputSettings", "holds_a_run", "is_ours",
           "parse_formats", "still_red", "tables_to_frames", "write_outputs"]
