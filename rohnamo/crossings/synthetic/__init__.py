"""Synthetic border migration cards with known true persons (demo data, tests, benchmarks)."""

from rohnamo.crossings.synthetic.csvfile import write_csv
from rohnamo.crossings.synthetic.generator import (
    CARD_COLUMNS,
    TRUTH_COLUMNS,
    crossing_day,
    generate_cards,
    linkage_table,
    truth_table,
)

__all__ = [
    "CARD_COLUMNS",
    "TRUTH_COLUMNS",
    "crossing_day",
    "generate_cards",
    "linkage_table",
    "truth_table",
    "write_csv",
]
