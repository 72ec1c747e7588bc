"""Record linkage of border migration cards into persons (pure Python + DuckDB/Splink, no ORM).

from rohnamo.crossings.linkage import LINKAGE_COLUMNS, LinkageResult, link_cards, link_new_cards
"""

from rohnamo.crossings.linkage.engine import LinkageResult, link_cards
from rohnamo.crossings.linkage.incremental import link_new_cards
from rohnamo.crossings.linkage.prepare import LINKAGE_COLUMNS

__all__ = ["LINKAGE_COLUMNS", "LinkageResult", "link_cards", "link_new_cards"]
