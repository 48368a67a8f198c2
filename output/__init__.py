"""Stage 4: write the run's tables. Only writes; decides nothing about content."""
from output.tables import tables_to_frames, write_outputs

__all__ = ["tables_to_frames", "write_outputs"]
