"""National (England) figures shown beside the council's own, from national-benchmarks.md.

Only figures the reference could actually read are here, each with its year and source.
The DfE measures care leavers around each birthday (17th to 21st) and the 22–25s at their
latest contact, so a council's quarter-end figure is close to, not the same as, the
national one; the page says so. Where the reference has no national figure (EET by age,
and anything for the service measures) nothing is shown rather than a figure derived by
guesswork (the reference warns that EET is not 100 minus NEET).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class NationalFigure:
    percent: int
    year: str
    source: str
    url: str
    note: str = ""


_DFE_SUITABILITY = "https://explore-education-statistics.service.gov.uk/data-tables/fast-track/1da0616c-365c-4fea-9b91-f97ab87eee6a"
_CYP_NOW = "https://www.cypnow.co.uk/content/features/leaving-care-special-report"
_DFE_22_25 = "https://explore-education-statistics.service.gov.uk/data-catalogue/data-set/97d00bda-9c0c-49f5-a1e6-f0b35669705e"
_BECOME = "https://becomecharity.org.uk/dfe-stats-nov-2024/"

NATIONAL: dict[tuple[str, str], NationalFigure] = {
    ("suitable_accommodation", "17-18"): NationalFigure(
        89, "2018-19", "DfE, care leavers by whether their accommodation is suitable", _DFE_SUITABILITY,
        "Ages 17 and 18 added together: 9,860 of 11,140."),
    ("suitable_accommodation", "19-21"): NationalFigure(
        85, "2018-19", "DfE, care leavers by whether their accommodation is suitable", _DFE_SUITABILITY),
    ("in_touch", "19-21"): NationalFigure(91, "2020-21", "DfE figures quoted by Children and Young People Now", _CYP_NOW),
    ("in_touch", "22-25"): NationalFigure(
        58, "2024-25", "DfE, care leavers aged 22 to 25 in contact with the council", _DFE_22_25,
        "Age 22 only: the reference has no figure for 23 to 25."),
    ("neet", "19-21"): NationalFigure(39, "2023-24", "DfE figures quoted by Become", _BECOME),
}


def national(measure: str, band: str) -> NationalFigure | None:
    return NATIONAL.get((measure, band))
