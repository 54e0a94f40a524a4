"""The register's age bands are date-of-birth ranges: they must agree with the core's ages."""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, given, settings as hyp_settings, strategies as st

from compliance.calendar import LeapDayRule, age_on
from people.queries import latest_birth_date_for_age


@given(
    date_of_birth=st.dates(min_value=dt.date(1996, 1, 1), max_value=dt.date(2016, 12, 31)),
    on=st.dates(min_value=dt.date(2020, 1, 1), max_value=dt.date(2032, 12, 31)),
    age=st.integers(min_value=14, max_value=26),
    rule=st.sampled_from(list(LeapDayRule)),
)
# The autouse frozen clock is the same for every example, so sharing it is safe.
@hyp_settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_age_band_date_cutoff_agrees_with_the_core(date_of_birth, on, age, rule):
    """The SQL filter 'date of birth <= cutoff' must mean exactly 'age_on >= age', 29 February included."""
    cutoff = latest_birth_date_for_age(age, on, rule)
    assert (date_of_birth <= cutoff) == (age_on(date_of_birth, on, rule) >= age)


def test_29_february_births_reach_18_on_28_february_under_the_default_rule():
    on = dt.date(2026, 2, 28)
    assert latest_birth_date_for_age(18, on, LeapDayRule.FEB_28) == dt.date(2008, 2, 29)
    assert latest_birth_date_for_age(18, on, LeapDayRule.MAR_01) == dt.date(2008, 2, 28)
