"""The case report: cases by office, category, status, destination country and month, how long
the first response and the resolution took, and how partner organisations answer referrals.

``figures`` counts with GROUP BY queries (durations come back as rows for the medians),
``tables`` labels the counts as the counselling report's tables, ``pages`` builds the page and
``xlsx`` the workbook. The period form and the workbook writer are the counselling report's.
"""
