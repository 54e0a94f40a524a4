"""A demo council shared by the tests of one module: generating it and its duty ledger takes
a few seconds, and those tests only read it."""

from __future__ import annotations

import datetime as dt
import io

import pytest
import time_machine
from django.test import override_settings

from audit.models import AuditEvent
from demo.generator import Options, generate
from demo.reset import reset_database

# The day every test is frozen on (conftest.py at the top), so the actions' own checks,
# which read today's date, judge the same day the generator drew the council for.
TODAY = dt.date(2026, 11, 23)


@pytest.fixture(scope="module")
def council(django_db_setup, django_db_blocker, tmp_path_factory):  # type: ignore[no-untyped-def]
    """About 200 young people, as docs/demo-council.md promises every duty is shown for."""
    # Module fixtures run before the per-test frozen clock, and the audit round's named
    # actions read the clock: freeze it here too, on the day the council is drawn for.
    with (django_db_blocker.unblock(), override_settings(VAR_DIR=tmp_path_factory.mktemp("demo")),
          time_machine.travel(dt.datetime(2026, 11, 23, 12, 0), tick=False)):
        generate(Options(today=TODAY, young_people=200, approaching_16=20), io.StringIO())
        yield
        reset_database()
        AuditEvent.objects.filter(action="demo.generate_demo").delete()
