"""Named writes for plans: one transaction each, an audit event, and the duty ledger
recomputed after commit (through people.writes.finish_write)."""

from plans.actions.assessments import authorise_assessment, record_assessment, update_assessment
from plans.actions.reviews import (
    START_NEW_VERSION,
    record_review,
    record_review_involvement,
    record_review_request,
    update_review,
)
from plans.actions.versions import (
    agree_version,
    authorise_version,
    latest_version,
    record_copy_given,
    sign_version,
    start_version,
    update_version,
)
from people.writes import StaleEdit

__all__ = [
    "START_NEW_VERSION",
    "StaleEdit",
    "agree_version",
    "authorise_assessment",
    "authorise_version",
    "latest_version",
    "record_assessment",
    "record_copy_given",
    "record_review",
    "record_review_involvement",
    "record_review_request",
    "sign_version",
    "start_version",
    "update_assessment",
    "update_review",
    "update_version",
]
