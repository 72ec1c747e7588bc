"""Calendar months as steps: the first day of the month some months away."""

import datetime


def add_months(day, months):
    """The first day of the month ``months`` after (or before, if negative) ``day``'s month."""
    index = day.year * 12 + day.month - 1 + months
    return datetime.date(index // 12, index % 12 + 1, 1)
