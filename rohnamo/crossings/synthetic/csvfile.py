"""Writing synthetic cards as the CSV file a border system would send."""

import csv

from rohnamo.crossings.synthetic.generator import CARD_COLUMNS


def write_csv(rows, path, *, encoding="utf-8"):
    """Write ``rows`` to ``path`` with the documented header, without the truth columns.

    Returns the number of cards written. ``encoding`` may be "utf-8", "utf-8-sig" or "cp1251"
    (letters Windows-1251 cannot hold, such as the Tajik ӣ, are replaced by "?" as a border PC
    would do).
    """
    count = 0
    errors = "strict" if encoding.lower().startswith("utf") else "replace"
    with open(path, "w", encoding=encoding, errors=errors, newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(CARD_COLUMNS)
        for row in rows:
            writer.writerow([row[column] for column in CARD_COLUMNS])
            count += 1
    return count
