"""The data structure of the border-crossing statistics in SDMX terms, and SDMX-CSV 1.0.

Every table's every count is one observation of the dataflow ``RTJ:MIGR_CROSSINGS(1.0)``,
identified by the dimensions below; docs/sdmx-crossings.md documents the codes. Change columns
are derived and are not observations: the earlier period's counts are, with their own
TIME_PERIOD.
"""

import csv
import io

AGENCY, DATAFLOW_ID, VERSION = "RTJ", "MIGR_CROSSINGS", "1.0"
DATAFLOW = f"{AGENCY}:{DATAFLOW_ID}({VERSION})"

# In the order of the SDMX-CSV columns; TIME_PERIOD last, as SDMX puts the time dimension.
DIMENSIONS = [
    "FREQ",
    "REF_AREA",
    "FLOW",
    "PURPOSE",
    "SEX",
    "AGE",
    "COUNTERPART_AREA",
    "RESIDENCE",
    "STAY",
    "MEASURE",
    "TIME_PERIOD",
]
HEADER = ["DATAFLOW", *DIMENSIONS, "OBS_VALUE", "OBS_STATUS"]

TOTAL, UNKNOWN, NOT_APPLICABLE = "_T", "_U", "_Z"

# FLOW: departures, returns, and the stock of persons abroad on a day.
DEPARTURES, RETURNS, ABROAD = "DEP", "RET", "ABR"
# MEASURE: border cards, distinct persons, trips (a departure with its return).
CROSSINGS, PERSONS, TRIPS = "CROSSINGS", "PERSONS", "TRIPS"
# AGE, in completed years on the day of the crossing (or the day counted).
UNDER_18, FROM_18_TO_29, FROM_30_TO_59, SIXTY_AND_OVER = "Y_LT18", "Y18T29", "Y30T59", "Y_GE60"
AGE_GROUPS = [UNDER_18, FROM_18_TO_29, FROM_30_TO_59, SIXTY_AND_OVER, UNKNOWN]
# PURPOSE of travel written on the card.
WORK = "WORK"

# The value of each dimension an observation does not otherwise set.
DEFAULTS = {
    "REF_AREA": "TJ",
    "FLOW": NOT_APPLICABLE,
    "PURPOSE": TOTAL,
    "SEX": TOTAL,
    "AGE": TOTAL,
    "COUNTERPART_AREA": TOTAL,
    "RESIDENCE": TOTAL,
    "STAY": NOT_APPLICABLE,
    "MEASURE": CROSSINGS,
}


def observations(table):
    """Every count of ``table`` as a dict of dimension values, OBS_VALUE and OBS_STATUS; a
    hidden count has an empty OBS_VALUE and OBS_STATUS "C"."""
    for row in table.rows:
        for column, cell in zip(table.columns, row.cells, strict=True):
            if column.change_of is not None or not column.dims:
                continue
            keys = {**DEFAULTS, **table.dims, **row.dims, **column.dims}
            yield {
                "DATAFLOW": DATAFLOW,
                **{name: keys[name] for name in DIMENSIONS},
                "OBS_VALUE": "" if cell.hidden else cell.value,
                "OBS_STATUS": cell.status,
            }


def sdmx_csv(tables):
    """The observations of ``tables`` as SDMX-CSV 1.0 text (one header, one line each)."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=HEADER, lineterminator="\r\n")
    writer.writeheader()
    for table in tables:
        writer.writerows(observations(table))
    return buffer.getvalue()
