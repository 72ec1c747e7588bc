"""Exchanging the directory as Open Referral HSDS 3.0: JSON records and the CSV data package.

- ``schemas``: the specification's table schemas and checking records against them;
- ``tables``: any HSDS document (nested JSON, tabular JSON, CSV tables) as flat rows per table;
- ``reading``: files, zips and folders into those rows, with a problem for each invalid record;
- ``plan`` and ``saving``: the rows as Rohnamo records, checked, then all saved or none;
- ``export`` and ``package``: the directory as HSDS JSON and as the CSV data package.
"""

# Ids Rohnamo derives for HSDS records it has no row of its own for (an address, a language of a
# service...): uuid5 in this namespace of a stable name, so every export gives the same ids.
import uuid

NAMESPACE = uuid.UUID("5b0c7d2e-8a43-4f6e-9a51-2f7c3e9d1a60")


def derived_id(*parts):
    """A stable HSDS id for a record Rohnamo does not store as a row of its own."""
    return str(uuid.uuid5(NAMESPACE, ":".join(str(part) for part in parts)))
