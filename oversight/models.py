from oversight.staffing_models import Vacancy, WorkerAbsence  # noqa: F401
from oversight.weekly_models import WeeklyReportSent  # noqa: F401
