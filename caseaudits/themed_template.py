"""The templates the service ships, and loading them (``manage.py load_audit_templates``).

The themed leaving-care audit grades seven areas on Ofsted's four-point scale, each with
yes / partly / no indicators and its lines of enquiry as guidance, then strengths, areas for
development and an overall judgement. Its content follows the typical leaving-care audit
sections in shared/domain/ofsted-and-audit.md §2.2 and the duties in statutory-rules.md §3;
councils change it through the template builder (a new version), never here.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction

from caseaudits.models import QuestionKind, Template

GRADE_GUIDANCE = (
    "Outstanding: practice is exceptional and has made a real difference to the young person. "
    "Good: the young person's needs are understood and met, and the record shows it. "
    "Requires improvement to be good: no widespread or serious failures, but the young person's experience "
    "is not yet good. Inadequate: serious failures leave the young person at risk of harm or without the "
    "help they are entitled to."
)
AREA_GRADE_GUIDANCE = "Grade this area from the evidence in the record, on the same scale as the overall judgement."

# (title, lines of enquiry, indicators)
AREAS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    (
        "Referral, assessment, planning and review",
        "Is the young person's leaving-care category (eligible, relevant, former relevant, qualifying) right "
        "and recorded? Was the needs assessment completed within 3 months (CPPCR 2010 reg 42; CLR 2010 reg 5), "
        "and does it cover health, education, training and employment, family and relationships, money, "
        "practical skills, accommodation and the young person's wishes and feelings? Is there a current "
        "pathway plan covering every matter in CLR 2010 Schedule 1, saying who will do what by when, with a "
        "contingency plan? Has the plan been reviewed at least every 6 months, and sooner when things changed "
        "or the young person asked?",
        (
            "The leaving-care category is correct and recorded",
            "A personal adviser is allocated and the young person knows who they are",
            "The needs assessment was completed on time and covers every required area",
            "There is a current pathway plan covering all the Schedule 1 matters",
            "The plan's actions say who will do what by when",
            "The plan has a contingency plan",
            "The plan was reviewed within the last 6 months",
        ),
    ),
    (
        "Joint working",
        "Are other agencies (health, education and training providers, housing, adult social care, youth "
        "justice, and for unaccompanied young people the Home Office and legal representatives) involved where "
        "the plan needs them? Is information shared promptly and with consent where needed, and are their "
        "views in the assessment and plan? Were handovers between workers and teams done jointly? Where needs "
        "continue into adulthood, was the move to adult services planned in time?",
        (
            "Agencies the plan relies on contributed to the assessment and plan",
            "Information is shared with partners promptly, with consent where needed",
            "Handovers between workers or teams are recorded, with a joint meeting",
            "The move to adult services is planned where it is needed",
        ),
    ),
    (
        "Engagement with the young person and family",
        "Is the young person's voice clear throughout the record, in their own words where possible? Are "
        "contacts and visits at the frequency the plan agrees (and CLR 2010 reg 8(2) visits where the council "
        "provides the accommodation)? Was the young person helped to take part in their plan and reviews, and "
        "given a copy they can understand? Where right for them, are family and people important to them "
        "involved? Do they know the local offer, their entitlements and how to get an advocate or complain?",
        (
            "The young person's views and wishes are recorded in their own words",
            "Contact is at the agreed frequency, or the reasons are recorded",
            "The young person took part in their latest review",
            "The young person has a copy of their plan",
            "The young person has been told about the local offer and their entitlements",
            "The young person knows how to get an advocate or make a complaint",
        ),
    ),
    (
        "Equalities",
        "Are the young person's identity needs (religion, racial origin, cultural and linguistic background, "
        "sexuality and gender identity, disability) understood and in the plan (CLR 2010 Schedule 1)? For "
        "unaccompanied asylum-seeking young people, are immigration status and legal advice understood and "
        "supported? Are interpreters and accessible formats used when needed? Is there any sign that support "
        "was offered differently because of a protected characteristic?",
        (
            "Identity needs are assessed and in the plan",
            "Communication needs are met (interpreter, accessible formats)",
            "Immigration status and legal support are recorded, for an unaccompanied young person",
            "Disability or special educational needs are recognised and supported",
        ),
    ),
    (
        "Outcomes",
        "Is the young person in suitable accommodation, and was its suitability assessed (CLR 2010 reg 9 and "
        "Schedule 2)? Were staying put or staying close considered? Are they in education, employment or "
        "training, and if not, what is being done? Are physical, emotional and mental health needs known and "
        "met, and have they been given their health history? Do they have identity documents, a bank account "
        "and the money they are entitled to? What has changed for the young person because of the work?",
        (
            "Accommodation is suitable and its suitability was assessed",
            "Staying put or staying close was considered where the young person could have it",
            "The young person is in education, employment or training, or there is an active plan",
            "Health needs are known and met, and the young person has their health history",
            "The young person has identity documents and a bank account",
            "The record shows the young person's circumstances improving",
        ),
    ),
    (
        "Management oversight",
        "Is supervision of the case recorded, at the frequency the council expects, reflecting on the work and "
        "setting actions? Did a manager authorise the assessment and the pathway plan? Were drift and delay "
        "noticed and challenged, and actions from earlier audits completed? Were risks (exploitation, "
        "homelessness, custody, mental health crisis) escalated and acted on?",
        (
            "Supervision of the case is recorded and reflective, with clear actions",
            "A manager authorised the assessment and the plan",
            "Drift or delay was noticed and acted on",
            "Actions from earlier audits were completed",
        ),
    ),
    (
        "Recording",
        "Is the record up to date, with contacts recorded promptly? Does the chronology show the significant "
        "events in the young person's life? Is the recording respectful, free of jargon and written so the "
        "young person could read it? Are the assessment, plan and reviews on file, signed and dated?",
        (
            "Contacts are recorded promptly",
            "The chronology is up to date",
            "The case summary is current",
            "Recording is respectful and written to the young person",
            "The assessment, plan and reviews are on file, signed and dated",
        ),
    ),
)

SUMMARY_SECTIONS: tuple[tuple[str, str, tuple[dict[str, Any], ...]], ...] = (
    ("Strengths", "What is working well, with examples from the record.", (
        {"text": "What is working well in this file?", "kind": QuestionKind.FREE_TEXT},
    )),
    ("Areas for development", "What needs to change, in order of importance. Raise actions for the worker "
                              "once the audit is submitted.", (
        {"text": "What needs to improve?", "kind": QuestionKind.FREE_TEXT},
    )),
    ("Overall judgement", GRADE_GUIDANCE, (
        {"text": "Overall judgement of the file", "kind": QuestionKind.GRADE, "is_overall_judgement": True,
         "guidance": GRADE_GUIDANCE},
        {"text": "Reasons for the overall judgement", "kind": QuestionKind.FREE_TEXT},
    )),
)

THEMED_LEAVING_CARE = {
    "key": "leaving-care-themed",
    "name": "Leaving care themed audit",
    "description": (
        "A themed audit of a care leaver's file: seven areas graded on Ofsted's four-point scale, each with "
        "indicators and lines of enquiry, then strengths, areas for development and an overall judgement."
    ),
}


def _question(text: str, kind: str, *, required: bool = True, guidance: str = "",
              is_overall_judgement: bool = False) -> dict[str, Any]:
    return {"text": text, "kind": kind, "required": required, "guidance": guidance,
            "is_overall_judgement": is_overall_judgement}


def themed_sections() -> list[tuple[str, str, list[dict[str, Any]]]]:
    sections = []
    for title, enquiry, indicators in AREAS:
        questions = [_question(text, QuestionKind.YES_PARTLY_NO, required=False) for text in indicators]
        questions.append(_question(f"Grade for {title[0].lower()}{title[1:]}", QuestionKind.GRADE,
                                   guidance=AREA_GRADE_GUIDANCE))
        questions.append(_question("Evidence for this grade", QuestionKind.FREE_TEXT, required=False))
        sections.append((title, f"Lines of enquiry: {enquiry}", questions))
    for title, guidance, questions in SUMMARY_SECTIONS:
        sections.append((title, guidance, [_question(**q) for q in questions]))
    return sections


@transaction.atomic
def load_audit_templates() -> list[Template]:
    """Create and publish each shipped template that is not there yet. Returns those created."""
    from caseaudits import actions

    if Template.objects.filter(key=THEMED_LEAVING_CARE["key"]).exists():
        return []
    template = actions.create_template(acting_user=None, **THEMED_LEAVING_CARE)
    version = template.versions.get()
    for title, guidance, questions in themed_sections():
        section = actions.add_section(version, acting_user=None, title=title, guidance=guidance)
        for question in questions:
            actions.add_question(section, acting_user=None, **question)
    actions.publish_version(version, acting_user=None, expected_version=None)
    return [template]
