"""The counselling reports: consultations, events and questionnaires per office and period.

``figures`` counts with group-by queries in the database, ``tables`` turns the counts into
labelled tables (one period, or a period against the same period a year earlier), ``xlsx`` writes
them as a workbook and ``forms`` reads the period and office a person asked for.
"""
