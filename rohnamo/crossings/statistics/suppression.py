"""Hiding the small counts of public tables, so nobody can be recognised in them.

Primary suppression: a count from 1 to ``threshold - 1`` (default 5, so 1–4) is hidden, shown as
".." and sent in SDMX with OBS_STATUS "C" (confidential). A zero is shown: it says that nobody
crossed, which reveals nothing about anyone (the practice of Eurostat and most statistical
offices).

Secondary suppression, kept simple: a hidden count must not come back by subtraction.

- Across a row: the men, women and total of one flow, measure and period form a group. When
  exactly one cell of the group is hidden, a second one is hidden too: the total when the hidden
  cell is a part, else the smallest shown part.
- Down a column: the rows of one section and the total row form a group, with the same rule.

Both are repeated until nothing changes (a cell hidden by one rule may call the other). Change
columns are hidden whenever one of the two counts they compare is. Totals of distinct persons
are not exact sums of their parts (one person can travel to two countries), so the rule is more
careful than it needs to be for them: it never hides less.
"""

from collections import defaultdict

from rohnamo.crossings.statistics.structure import CONFIDENTIAL, fill_changes

THRESHOLD = 5


def _hide(cell):
    cell.status = CONFIDENTIAL


def _protect(cells, total):
    """Within one additive group (``cells``, of which ``total`` is the sum), hide a second cell
    when exactly one is hidden. Returns True when it hid something."""
    hidden = [cell for cell in cells if cell.hidden]
    if len(hidden) != 1:
        return False
    if hidden[0] is not total:
        if total is None:
            return False
        _hide(total)
        return True
    shown = [cell for cell in cells if cell is not total and not cell.hidden]
    if not shown:
        return False
    # The smallest non-zero part loses least; a zero part adds nothing to the total.
    candidates = [cell for cell in shown if cell.value] or shown
    _hide(min(candidates, key=lambda cell: cell.value))
    return True


def _column_groups(table):
    """``{group: (indexes of its columns, index of its total column)}``."""
    groups = defaultdict(lambda: [[], None])
    for index, column in enumerate(table.columns):
        if column.group is None or column.change_of is not None:
            continue
        groups[column.group][0].append(index)
        if column.total:
            groups[column.group][1] = index
    return groups.values()


def _across_rows(table):
    changed = False
    for row in table.rows:
        for indexes, total in _column_groups(table):
            cells = [row.cells[i] for i in indexes]
            changed |= _protect(cells, row.cells[total] if total is not None else None)
    return changed


def _down_columns(table):
    total_row = table.total_row
    changed = False
    for index, column in enumerate(table.columns):
        if column.change_of is not None or not column.dims:
            continue
        for _section, rows in table.sections():
            cells = [row.cells[index] for row in rows]
            total = total_row.cells[index] if total_row else None
            changed |= _protect([*cells, total] if total else cells, total)
    return changed


def suppress(table, *, threshold=THRESHOLD):
    """A copy of ``table`` fit for the public: small counts hidden, and the cells that would
    reveal them by subtraction."""
    table = table.copy()
    table.public = True
    for row in table.rows:
        for column, cell in zip(table.columns, row.cells, strict=True):
            if column.change_of is None and cell.value and 0 < cell.value < threshold:
                _hide(cell)
    while _across_rows(table) | _down_columns(table):
        pass
    return fill_changes(table)
