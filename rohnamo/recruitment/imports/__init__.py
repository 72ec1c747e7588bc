"""Bulk import of vacancies from CSV and XLSX files (see ``importer``)."""
