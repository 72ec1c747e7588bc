"""Official statistics of border migration: periods, the tables, suppression and exports.

The tables count in the database; each builder returns a plain ``Table`` (see ``structure``) that
the staff page, the public page and the XLSX, CSV and SDMX-CSV exports all read.
"""
