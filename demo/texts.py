"""Short synthetic phrases the demo's casework records are written in.

Everything is invented and generic: no phrase describes a real person, and each is
chosen at random, so records read plausibly without telling anyone's story. Kept small
on purpose: the point is a record that looks filled in, not prose.
"""

from __future__ import annotations

# Needs assessment, one phrase list per matter (plans.models.ASSESSMENT_MATTERS).
ASSESSMENT = {
    "health": (
        "Generally well; registered with a GP and a dentist.",
        "Low mood at times; talking to the leaving care nurse has helped.",
        "Asthma, well controlled. Needs reminding about repeat prescriptions.",
        "Waiting for an adult mental health appointment after CAMHS.",
    ),
    "education": (
        "At college on a level 2 course and attending well.",
        "Not in education or work at the moment; interested in construction.",
        "Studying English for speakers of other languages at college.",
        "Working part time in retail and would like an apprenticeship.",
    ),
    "relationships": (
        "Regular contact with a sister; relationship with mum is strained.",
        "Close to former foster carers, who remain a support.",
        "Few friends locally since the move; joined a youth group.",
        "Keeps in touch with family abroad by phone.",
    ),
    "finance": (
        "Manages a weekly budget with some help; no debts known.",
        "Claiming Universal Credit; needs help with the housing element.",
        "Has a bank account and a savings account from care.",
        "Has fallen behind with a phone contract.",
    ),
    "practical_skills": (
        "Can cook simple meals and shop to a budget.",
        "Needs support with paperwork and appointments.",
        "Confident using public transport across the county.",
        "Learning to manage bills and a tenancy.",
    ),
    "care_and_accommodation": (
        "Settled where they live now and wants to stay until ready to move on.",
        "Wants to move nearer to college.",
        "Needs support to apply for social housing.",
        "Would like to stay with their carers after 18.",
    ),
    "wishes_and_feelings": (
        "Wants to live independently and keep the same personal adviser.",
        "Wants more say in where they live next.",
        "Would like help to learn to drive.",
        "Wants to go to university.",
    ),
    "views_of_others": (
        "College reports good attendance and progress.",
        "Carers feel they are ready to move on with support.",
        "Youth worker describes them as motivated.",
        "School could not be reached; tutor's view recorded by phone.",
    ),
}
VIEWS_SOUGHT = (
    "The young person, their carers and their college tutor.",
    "The young person, their social worker and their key worker.",
    "The young person and their mum; the GP by letter.",
    "The young person, their foster carers and the virtual school.",
)

# Pathway plan sections (Schedule 1 matters): the need, the actions and who does them.
SECTIONS = {
    "contact_support": (
        ("Keep in regular touch with their personal adviser.", "Meet every month and text in between.", "Personal adviser"),
        ("Support network is small.", "Introduce to the care leavers' group.", "Personal adviser"),
    ),
    "education_training": (
        ("Finish the current college course.", "Attend regularly; bursary claimed.", "Young person and college"),
        ("Find a course to start in September.", "Visit the open day together.", "Personal adviser"),
    ),
    "employment": (
        ("Looking for part-time work.", "Help with a CV and two applications a week.", "Personal adviser"),
        ("Keep the current job.", "Talk about shifts that fit with college.", "Young person"),
    ),
    "accommodation": (
        ("Stay settled where they live now.", "Check the tenancy and support plan.", "Personal adviser"),
        ("Move on to their own tenancy.", "Join the housing register and bid weekly.", "Young person and housing officer"),
    ),
    "relationships": (
        ("Keep in touch with brothers and sisters.", "Arrange monthly family time.", "Personal adviser"),
        ("Rebuild the relationship with dad.", "Family group conference offered.", "Social worker"),
    ),
    "practical_skills": (
        ("Learn to budget for bills.", "Work through the independence pack.", "Young person and key worker"),
        ("Cook more meals at home.", "Cooking sessions at the hub.", "Key worker"),
    ),
    "finance": (
        ("Claim the right benefits.", "Book a welfare rights appointment.", "Personal adviser"),
        ("Use the setting-up-home allowance.", "Plan what to buy before the move.", "Young person"),
    ),
    "health": (
        ("Register with a local GP and dentist.", "Book both appointments this month.", "Young person"),
        ("Support with emotional wellbeing.", "Referral to the leaving care nurse.", "Personal adviser"),
    ),
    "identity": (
        ("Get a passport and a birth certificate.", "Apply online with the council's help.", "Personal adviser"),
        ("Keep links with their culture and faith.", "Find a local community group.", "Young person"),
    ),
    "immigration": (
        ("Asylum claim still to be decided.", "Keep in touch with the solicitor.", "Personal adviser and solicitor"),
        ("Leave to remain expires in two years.", "Start the extension application early.", "Solicitor"),
    ),
}
CONTINGENCY = (
    "If the placement breaks down, emergency supported accommodation is arranged the same day.",
    "If college does not work out, the personal adviser will arrange a meeting with the careers service.",
    "If they lose their tenancy, the council's housing team is contacted at once.",
)
PLAN_VIEWS = (
    "I want to get my own flat and keep my job.",
    "I'm happy with my plan but want more help with money.",
    "I want to stay where I am for now.",
    "I want to go to college next year.",
)
HOW_TOOK_PART = ("Talked it through at a meeting.", "Went through it on the phone.", "Wrote their views in the portal.")

# Reviews.
ATTENDED = (
    "Young person, personal adviser and team manager.",
    "Young person, personal adviser and key worker.",
    "Young person, personal adviser and foster carers.",
    "Personal adviser and independent reviewing officer; young person by phone.",
)
REVIEW_VIEWS = (
    "Said things are going well and they want the same plan.",
    "Wants help finding work.",
    "Worried about money; wants a budgeting session.",
    "Did not want to take part this time; views given through their adviser.",
)
OTHERS_INVOLVEMENT = (
    "Key worker sent a written report.",
    "Carers attended and gave their views.",
    "College tutor gave views by email.",
)
REQUEST_DETAILS = (
    "Asked for a review after losing their job.",
    "Wants to talk about moving.",
    "Change of college course.",
    "Concerns about their accommodation.",
)

# Contacts, notes, chronology and the case summary.
CONTACT_SUMMARIES = (
    "Caught up about college and money. No concerns.",
    "Talked about the flat and bills. Agreed to meet next month.",
    "Helped with a Universal Credit claim.",
    "Went food shopping together and talked about budgeting.",
    "Checked in after a difficult week; feeling better.",
    "Talked about work experience and a CV.",
)
ATTEMPT_SUMMARIES = (
    "Called twice, no answer. Left a voicemail.",
    "Visited, nobody in. Left a card.",
    "Texted to arrange a visit; no reply yet.",
)
THROUGH = ("Their key worker", "Their foster carer", "Their college tutor", "Their support worker")
PLACES = ("Their flat", "A café in town", "The leaving care hub", "College", "Their supported accommodation")
NOTE_SUBJECTS = (
    ("Phone call from housing", "Housing officer called about rent arrears; agreed a payment plan."),
    ("Bursary", "Sixteen to nineteen bursary approved by college."),
    ("Birthday", "Sent a card and a voucher for their birthday."),
    ("Health", "Booked a dentist appointment for next week."),
    ("Money", "Emergency payment made for food and electricity."),
    ("Education", "College says attendance has dropped; will talk it over at the next visit."),
)
CHRONOLOGY = (
    ("Passed their driving theory test", "Took it in town and passed first time."),
    ("Started a new job", "Part-time work in a supermarket."),
    ("Got their own tenancy", "Signed for a one-bedroom flat."),
    ("Finished their college course", "Passed with a merit."),
    ("Had a baby", "Midwife and health visitor involved."),
)
SUMMARY_OPENINGS = (
    "Settled and doing well.",
    "Some ups and downs this year but keeping in touch.",
    "Needs more support with money and housing.",
    "Engages well with their personal adviser.",
)
SUMMARY_UPDATES = (
    "Reviewed after the last meeting: nothing has changed.",
    "New course started.",
    "Moved to new accommodation.",
    "Now working part time.",
)

# Circumstances.
PROVIDERS = ("Westmere College", "Brackenford Sixth Form", "Kestlebridge Training", "Aldermouth University")
COURSES = ("Level 2 construction", "Level 3 health and social care", "ESOL entry 3", "BSc nursing", "Motor vehicle")
CARERS = ("Mr and Mrs {family}", "Ms {family}", "{given} and Sam {family}")
UNSUITABLE = ("Overcrowded and far from college.", "Shared with adults who pose a risk.", "No support on site.")
CUSTODY = ("HMYOI Feltham", "HMP and YOI Brinsford", "HMYOI Werrington")

# Transfers and closures.
TRANSFER_REASONS = ("Personal adviser leaving the service.", "Caseload rebalanced.", "Moved to another locality.")
ATTENDEES = ("Young person, outgoing and incoming personal advisers.", "Both advisers and the team manager.")
HANDOVER_NOTES = ("Went through the plan together; young person happy with the change.",)
