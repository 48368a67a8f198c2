"""Stage 4: write the run's tables. Only writes; decides nothing about content."""
from actionplans.output.frames import tables_to_frames
from actionplans.output.report import still_red
from actionplans.output.settings import FORMATS, OutputSettings, parse_formats
from actionplans.output.write import REPORT, WORKBOOK, write_outputs

__all__ = ["FORMATS", "REPORT", "WORKBOOK", "OutputSettings", "parse_formats", "still_red", "tables_to_frames",
           "write_outputs"]
