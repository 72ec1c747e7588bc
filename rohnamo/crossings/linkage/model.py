"""The Splink model: what is compared, how pairs are blocked, and the trained m/u probabilities.

The same settings run on DuckDB and on Spark. The m and u probabilities were estimated once from
generated cards with known true persons (``bench/crossings_linkage.py --train`` prints them), so a
run spends no time on training; only the prior (how likely two random profiles are one person)
is set from the size of the data, because it shrinks as the data grows.
"""

import splink.comparison_level_library as cll
import splink.comparison_library as cl
from splink import SettingsCreator, block_on

# Blocking rules chosen by measurement (comparisons and recall per rule are in
# docs/performance.md): names agree, or the birth date and one name agree, or the passport does.
BLOCKING_RULES = (
    ("sn", "gn", "pn"),
    ("birth", "gn"),
    ("birth", "sn"),
    ("pp",),
    ("birth", "district"),
    ("birth", "pn"),
)

# A typo is one or two edits away; a different spelling habit the normaliser missed is close
# by Jaro-Winkler.
NAME_JARO_WINKLER = 0.88

# Trained m and u probabilities per comparison, level by level (the null level has none), from
# 300,000 generated cards (seed 11). Sex and district never disagree within a generated person;
# their "else" m is floored (0.3 % and 1 %) because on real cards they sometimes do; so is a
# name's Jaro-Winkler and "else" m (0.5 %): real officers make more than typos.
TRAINED = {
    "sn": {"m": [0.871712, 0.074989, 0.050664, 0.005, 0.005],
           "u": [0.017165, 0.0015454, 0.0129868, 0.0676612, 0.9006416]},
    "gn": {"m": [0.889313, 0.071771, 0.038004, 0.005, 0.005],
           "u": [0.0393949, 0.0045911, 0.003364, 0.0560245, 0.8966254]},
    "pn": {"m": [0.876597, 0.057223, 0.03107, 0.033838, 0.005],
           "u": [0.0540587, 0.0155575, 0.012662, 0.0737878, 0.843934]},
    "sex": {"m": [0.997, 0.003], "u": [0.7520044, 0.2479956]},
    "birth": {"m": [0.913094, 0.016684, 0.068923, 0.001299],
              "u": [9.49e-05, 3.08e-05, 0.0024354, 0.9974389]},
    "pp": {"m": [0.819026, 0.037203, 0.143771], "u": [3.5e-06, 9e-07, 0.9999956]},
    "district": {"m": [0.99, 0.01], "u": [0.0976111, 0.9023889]},
}  # fmt: skip
# Pairs of one person per profile (measured): the prior is this over the number of profiles.
MATCHES_PER_PROFILE = 0.4534


def _levels(column, levels, trained):
    """``levels`` configured with the trained probabilities for ``column`` when there are any."""
    values = trained.get(column) if trained else None
    if not values:
        return levels
    for level, m, u in zip(levels[1:], values["m"], values["u"], strict=True):
        level.configure(m_probability=m, u_probability=u)
    return levels


def comparisons(trained=TRAINED):
    """The comparisons, each a ``cl.CustomComparison`` so the levels are explicit."""

    def name(column):
        return cl.CustomComparison(
            _levels(
                column,
                [
                    cll.NullLevel(column),
                    cll.ExactMatchLevel(column),
                    cll.LevenshteinLevel(column, 1),
                    cll.LevenshteinLevel(column, 2),
                    cll.JaroWinklerLevel(column, NAME_JARO_WINKLER),
                    cll.ElseLevel(),
                ],
                trained,
            ),
            output_column_name=column,
        )

    def exact(column):
        return cl.CustomComparison(
            _levels(
                column,
                [cll.NullLevel(column), cll.ExactMatchLevel(column), cll.ElseLevel()],
                trained,
            ),
            output_column_name=column,
        )

    birth = cl.CustomComparison(
        _levels(
            "birth",
            [
                cll.NullLevel("birth"),
                cll.ExactMatchLevel("birth"),
                cll.CustomLevel(
                    "substr(birth_l, 1, 4) = substr(birth_r, 1, 4) "
                    "AND substr(birth_l, 6, 2) = substr(birth_r, 9, 2) "
                    "AND substr(birth_l, 9, 2) = substr(birth_r, 6, 2)",
                    label_for_charts="day and month swapped",
                ),
                cll.LevenshteinLevel("birth", 1),
                cll.ElseLevel(),
            ],
            trained,
        ),
        output_column_name="birth",
    )
    passport = cl.CustomComparison(
        _levels(
            "pp",
            [
                cll.NullLevel("pp"),
                cll.ExactMatchLevel("pp"),
                cll.LevenshteinLevel("pp", 1),
                cll.ElseLevel(),
            ],
            trained,
        ),
        output_column_name="pp",
    )
    return [
        name("sn"),
        name("gn"),
        name("pn"),
        exact("sex"),
        birth,
        passport,
        exact("district"),
    ]


def settings(*, profiles, link_type="dedupe_only", trained=TRAINED, blocking=BLOCKING_RULES):
    """Splink settings for ``profiles`` records (the prior depends on how many there are)."""
    prior = min(0.5, MATCHES_PER_PROFILE / max(profiles, 2))
    return SettingsCreator(
        link_type=link_type,
        unique_id_column_name="profile_id",
        probability_two_random_records_match=prior,
        comparisons=comparisons(trained),
        blocking_rules_to_generate_predictions=[block_on(*rule) for rule in blocking],
        retain_matching_columns=False,
        retain_intermediate_calculation_columns=False,
        additional_columns_to_retain=[],
    )
