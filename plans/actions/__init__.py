"""Named writes for plans: one transaction each, an audit event, and the duty ledger
recomputed after commit (through people.writes.finish_write)."""

from plans.actions.assessments import authorise_assessment, record_assessment, update_assessment
from plans.actions.reviews import (
    NO_PLAN_TO_REVIEW,
    START_NEW_VERSION,
    record_review,
    record_review_involvement,
    record_review_request,
    update_review,
)
from plans.actions.versions import (
    AUTHORISING,
    HANDING_OVER,
    SIGNING,
    agree_version,
    authorise_version,
    covers_nothing,
    earliest_agreement,
    empty_plan_message,
    first_agreed_on,
    latest_version,
    not_agreed_message,
    record_copy_given,
    sign_version,
    start_version,
    update_version,
)
from people.writes import StaleEdit

__all__ = [
    "AUTHORISING",
    "HANDING_OVER",
    "NO_PLAN_TO_REVIEW",
    "SIGNING",
    "START_NEW_VERSION",
    "StaleEdit",
    "agree_version",
    "authorise_assessment",
    "authorise_version",
    "covers_nothing",
    "earliest_agreement",
    "empty_plan_message",
    "first_agreed_on",
    "latest_version",
    "not_agreed_message",
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
