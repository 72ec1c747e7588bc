"""Age groups from a year of birth, as the centre's reports count them."""

from rohnamo.counselling.choices import AgeGroup

# Lower bound of each group, oldest first, so the first one at or under the age is the group.
_LOWER_BOUNDS = [
    (55, AgeGroup.FROM_55),
    (45, AgeGroup.FROM_45),
    (35, AgeGroup.FROM_35),
    (25, AgeGroup.FROM_25),
    (18, AgeGroup.FROM_18),
    (0, AgeGroup.UNDER_18),
]


def age_group_for(birth_year, *, on):
    """The group of someone born in ``birth_year`` on the date ``on`` (age counted by years)."""
    if birth_year is None:
        return ""
    age = on.year - birth_year
    return next(group for bound, group in _LOWER_BOUNDS if age >= bound)
