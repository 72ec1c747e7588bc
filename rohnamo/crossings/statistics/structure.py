"""What a statistical table is, whatever it counts: plain data that the page, the exports and
the suppression all read.

A table has columns (each with its headings from the top level down, and the SDMX dimension
values it stands for), rows (a label, the dimension values, one cell per column) and a total
row. Columns that add up to a total column share a ``group``; rows of one ``section`` add up to
the total row. Suppression needs exactly that to find the cells that would give a hidden one
away by subtraction.
"""

from dataclasses import dataclass, field, replace
from decimal import ROUND_HALF_UP, Decimal

from django.utils.formats import number_format

OBSERVED, CONFIDENTIAL = "A", "C"
HIDDEN_MARK = ".."
COUNT, CHANGE = "count", "change"


@dataclass
class Cell:
    """A count, or a change in per cent (None when there was nothing before to compare with).
    ``status`` is the SDMX OBS_STATUS: "A" shown, "C" hidden to protect the people counted."""

    value: int | Decimal | None
    kind: str = COUNT
    status: str = OBSERVED

    @property
    def hidden(self):
        return self.status == CONFIDENTIAL

    def __str__(self):
        if self.hidden:
            return HIDDEN_MARK
        if self.kind == CHANGE:
            if self.value is None:
                return "—"
            sign = "+" if self.value > 0 else "−" if self.value < 0 else ""
            return f"{sign}{number_format(abs(self.value), 1)}%"
        return number_format(self.value, force_grouping=True)


def percent_change(current, previous):
    """The change from ``previous`` to ``current`` in per cent, one decimal rounded half away
    from zero; None when ``previous`` is 0."""
    if not previous:
        return None
    exact = Decimal(current - previous) * 100 / Decimal(previous)
    return exact.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


@dataclass
class Column:
    """``path``: the headings from the top level down. ``dims``: the SDMX dimension values of
    its cells (empty for a derived column). Columns with the same ``group`` add up to the one of
    them marked ``total``. ``change_of`` holds the indexes of the (current, previous) columns a
    change column compares."""

    path: tuple
    dims: dict = field(default_factory=dict)
    group: tuple | None = None
    total: bool = False
    change_of: tuple | None = None

    @property
    def heading(self):
        return " · ".join(str(part) for part in self.path)


@dataclass
class Row:
    label: str
    dims: dict
    cells: list
    section: str = ""
    total: bool = False


@dataclass
class Table:
    """One official table: what the page shows and every export writes."""

    key: str
    title: str
    period_label: str
    row_heading: str
    columns: list
    rows: list
    dims: dict = field(default_factory=dict)
    note: str = ""
    public: bool = False

    def header_rows(self):
        """The column headings as rows of ``(label, span)``, one row per heading level, runs of
        equal headings under the same parent merged."""
        depth = max(len(column.path) for column in self.columns)
        levels = []
        for level in range(depth):
            merged = []
            for column in self.columns:
                prefix = column.path[: level + 1]
                if merged and merged[-1][0] == prefix:
                    merged[-1][1] += 1
                else:
                    merged.append([prefix, 1])
            levels.append(
                [(prefix[-1] if len(prefix) > level else "", span) for prefix, span in merged]
            )
        return levels

    def sections(self):
        """``[(section heading, rows)]`` in order, the total row last on its own."""
        found = []
        for row in self.rows:
            if row.total:
                continue
            if not found or found[-1][0] != row.section:
                found.append((row.section, []))
            found[-1][1].append(row)
        return found

    @property
    def total_row(self):
        return next((row for row in self.rows if row.total), None)

    def copy(self):
        rows = [replace(row, cells=[replace(cell) for cell in row.cells]) for row in self.rows]
        return replace(self, rows=rows)


def fill_changes(table):
    """Compute every change column from its two source columns; a change is hidden whenever
    either source is, since it would let the hidden count be worked out."""
    for row in table.rows:
        for index, column in enumerate(table.columns):
            if column.change_of is None:
                continue
            current, previous = (row.cells[i] for i in column.change_of)
            hidden = current.hidden or previous.hidden
            row.cells[index] = Cell(
                None if hidden else percent_change(current.value, previous.value),
                kind=CHANGE,
                status=CONFIDENTIAL if hidden else OBSERVED,
            )
    return table
