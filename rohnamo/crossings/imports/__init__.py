"""Importing border migration cards from CSV and XLSX files (see ``importer``)."""
