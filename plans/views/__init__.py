from plans.views.assessments import assessment_authorise, assessment_detail, assessment_edit, assessment_new
from plans.views.index import plans_index
from plans.views.reviews import (
    latest_review_involvement,
    request_detail,
    request_new,
    review_detail,
    review_edit,
    review_involvement,
    review_new,
)
from plans.views.versions import (
    current_version_step,
    version_agree,
    version_authorise,
    version_copy_given,
    version_detail,
    version_edit,
    version_new,
    version_pdf,
    version_sign,
)

__all__ = [
    "assessment_authorise",
    "assessment_detail",
    "assessment_edit",
    "assessment_new",
    "current_version_step",
    "latest_review_involvement",
    "plans_index",
    "request_detail",
    "request_new",
    "review_detail",
    "review_edit",
    "review_involvement",
    "review_new",
    "version_agree",
    "version_authorise",
    "version_copy_given",
    "version_detail",
    "version_edit",
    "version_new",
    "version_pdf",
    "version_sign",
]
