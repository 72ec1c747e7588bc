"""Received entry-ban and controlled-persons lists: their columns, rows, report and import."""
