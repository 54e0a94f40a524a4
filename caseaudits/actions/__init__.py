"""Named writes for case-file audits: one transaction each, with an audit event; writes about
one young person's file end with people.writes.finish_write, like every record's."""

from caseaudits.actions.audits import (
    DEFAULT_ACTION_DAYS,
    AnswerData,
    mark_action_done,
    raise_action,
    record_response,
    save_answers,
)
from caseaudits.actions.rounds import (
    allocate_audit,
    close_round,
    confirm_sample,
    create_round,
    current_workers,
    draw,
    share_evenly,
    withdraw_audit,
)
from caseaudits.actions.templates import (
    add_question,
    add_section,
    create_template,
    move_question,
    move_section,
    publish_version,
    remove_question,
    remove_section,
    start_new_draft,
    update_question,
    update_section,
)
from people.writes import StaleEdit

__all__ = [
    "DEFAULT_ACTION_DAYS", "AnswerData", "StaleEdit", "add_question", "add_section", "allocate_audit", "close_round",
    "confirm_sample", "create_round", "create_template", "current_workers", "draw", "mark_action_done",
    "move_question", "move_section", "publish_version", "raise_action", "record_response", "remove_question",
    "remove_section", "save_answers", "share_evenly", "start_new_draft", "update_question", "update_section",
    "withdraw_audit",
]
