"""What the council's data officer set on the care leaver return pages: MOTHER.

The SSDA903 Header asks, for every girl and young woman looked after in the year, whether
she is a mother (DfE rules 393 and 607). No record in the service holds that, so staff set it
by hand on her row of the return (ssda903.override_models.ReturnOverride), as the return page
asks. The demo does what the administrator would have done for each return made in this
service: every collection year that ended after the council moved to it (demo.case,
RECORDS_FROM_YEARS) and before ``today``. It sets MOTHER for the young women in that year's
return with an episode other than a short break in the year, and for no one else (rules 399
and 628 refuse it for them). The value is 0: nothing else in the demo gives anyone a child.
"""

from __future__ import annotations

import datetime as dt
import random

from django.db.models import Q, QuerySet
from django.utils import timezone

from accounts.models import User
from compliance.ssda903 import CollectionYear
from demo.case import RECORDS_FROM_YEARS
from demo.dates import between, days
from demo.histories import SHORT_BREAKS
from demo.writer import backdated
from people.models import CareEpisode, YoungPerson
from ssda903.derive import derive_return
from ssda903.override_models import ReturnOverride

REASON = "Recorded from the care record (demo)"


def returns_made(today: dt.date) -> list[CollectionYear]:
    """The collection years whose return was made in this service."""
    moved = today - dt.timedelta(days=round(365.25 * RECORDS_FROM_YEARS))
    last = CollectionYear.latest_ended(today)
    return [CollectionYear(y) for y in range(CollectionYear.containing(moved).year, last.year + 1)]


def young_women_looked_after(year: CollectionYear) -> QuerySet[YoungPerson]:
    """Girls and young women with an episode other than a short break in the year."""
    episodes = CareEpisode.objects.filter(Q(end__isnull=True) | Q(end__gte=year.start), start__lte=year.end,
                                          young_person__sex="F").exclude(legal_status__in=SHORT_BREAKS)
    return YoungPerson.objects.filter(pk__in=episodes.values("young_person_id"))


def set_mother_values(today: dt.date, seed: int, by: User) -> int:
    """Create the MOTHER values for each return made in this service. Returns how many."""
    rows = []
    tz = timezone.get_current_timezone()
    for year in returns_made(today):
        rng = random.Random(f"{seed}:return:{year.year}")
        care_leavers = derive_return(year, young_women_looked_after(year), as_of=today)
        for entry in care_leavers.included:
            # Filled in while the return was prepared, in the weeks after the year ended.
            day = between(rng, year.end + days(14), min(year.end + days(70), today))
            minute = rng.randrange(9 * 60, 17 * 60)
            rows.append(ReturnOverride(
                young_person=entry.young_person, collection_year=year.year, field="MOTHER", value="0",
                reason=REASON, recorded_by=by,
                created_at=dt.datetime.combine(min(day, today), dt.time(minute // 60, minute % 60), tzinfo=tz),
            ))
    with backdated((ReturnOverride,)):
        ReturnOverride.objects.bulk_create(rows)
    return len(rows)
