"""SSDA903 code lists with their labels: the one place they live.

Codes and wording follow the DfE SSDA903 guide as reproduced in
`shared/domain/ssda903-care-leavers.md` §3–4 and the 2025-26 lists of the DfE
validator (`csc-validator-be-903`, rules 101, 103, 143, 144, 146, 149, 178,
1009, 131–133). Labels are paraphrased where the guide's own wording was not
available; a label ending "(meaning not confirmed)" marks a code whose meaning
the reference could not verify, so nobody mistakes our guess for the DfE's.

Retired codes stay in the lists (flagged) because imported histories from
earlier collection years still hold them.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Code:
    code: str
    label: str
    retired: bool = False


class CodeList:
    """An ordered, immutable list of codes, looked up by code."""

    def __init__(self, name: str, field: str, codes: tuple[Code, ...]) -> None:
        self.name = name
        self.field = field
        self._codes = codes
        self._by_code = {c.code: c for c in codes}

    def __contains__(self, code: object) -> bool:
        return code in self._by_code

    def __iter__(self):  # type: ignore[no-untyped-def]
        return iter(self._codes)

    def __len__(self) -> int:
        return len(self._codes)

    def label(self, code: str) -> str:
        """The label for `code`, or the code itself when it is not in the list."""
        found = self._by_code.get(code)
        return found.label if found else code

    def current(self) -> tuple[Code, ...]:
        return tuple(c for c in self._codes if not c.retired)

    def choices(self, *, include_retired: bool = False) -> list[tuple[str, str]]:
        """(code, "CODE: label") pairs for a select list."""
        return [
            (c.code, f"{c.code}: {c.label}")
            for c in self._codes
            if include_retired or not c.retired
        ]


def _codes(*pairs: tuple[str, str], retired: tuple[str, ...] = ()) -> tuple[Code, ...]:
    return tuple(Code(code, label, code in retired) for code, label in pairs)


SEX = CodeList("Sex", "SEX", _codes(("M", "Male"), ("F", "Female"), ("U", "Unknown or not recorded")))

ETHNIC = CodeList(
    "Ethnicity",
    "ETHNIC",
    _codes(
        ("WBRI", "White: British"),
        ("WIRI", "White: Irish"),
        ("WIRT", "White: Traveller of Irish heritage"),
        ("WOTH", "White: any other White background"),
        ("WROM", "White: Gypsy or Roma"),
        ("MWBC", "Mixed: White and Black Caribbean"),
        ("MWBA", "Mixed: White and Black African"),
        ("MWAS", "Mixed: White and Asian"),
        ("MOTH", "Mixed: any other mixed background"),
        ("AIND", "Asian or Asian British: Indian"),
        ("APKN", "Asian or Asian British: Pakistani"),
        ("ABAN", "Asian or Asian British: Bangladeshi"),
        ("AOTH", "Asian or Asian British: any other Asian background"),
        ("BCRB", "Black or Black British: Caribbean"),
        ("BAFR", "Black or Black British: African"),
        ("BOTH", "Black or Black British: any other Black background"),
        ("CHNE", "Chinese"),
        ("OOTH", "Any other ethnic group"),
        ("REFU", "Refused"),
        ("NOBT", "Information not yet obtained"),
    ),
)

RNE = CodeList(
    "Reason for new episode",
    "RNE",
    _codes(
        ("S", "Started to be looked after"),
        ("L", "Change of legal status only"),
        ("P", "Change of placement and carer(s) only"),
        ("T", "Change of placement only, same carer(s)"),
        ("B", "Change of legal status and placement and carer(s) at the same time"),
        ("U", "Change of legal status and change of placement, same carer(s)"),
    ),
)

LEGAL_STATUS = CodeList(
    "Legal status",
    "LS",
    _codes(
        ("C1", "Interim care order"),
        ("C2", "Full care order"),
        ("D1", "Freeing order granted"),
        ("E1", "Placement order granted"),
        ("V2", "Single period of accommodation under section 20"),
        ("V3", "Accommodated under an agreed series of short-term breaks, individual episodes recorded"),
        ("V4", "Accommodated under an agreed series of short-term breaks, agreements recorded"),
        ("L1", "Under police protection and in local authority accommodation"),
        ("L2", "Emergency protection order"),
        ("L3", "Child assessment order and in local authority accommodation"),
        ("J1", "Remanded to local authority accommodation or youth detention accommodation"),
        ("J2", "Placed in local authority accommodation under PACE 1984"),
        ("J3", "Youth rehabilitation order with residence or intensive fostering requirement"),
    ),
)

CATEGORY_OF_NEED = CodeList(
    "Category of need",
    "CIN",
    _codes(
        ("N1", "Abuse or neglect"),
        ("N2", "Child's disability"),
        ("N3", "Parental illness or disability"),
        ("N4", "Family in acute stress"),
        ("N5", "Family dysfunction"),
        ("N6", "Socially unacceptable behaviour"),
        ("N7", "Low income"),
        ("N8", "Absent parenting"),
    ),
)

PLACEMENT = CodeList(
    "Placement type",
    "PLACE",
    _codes(
        ("A3", "Placed for adoption with parental or guardian consent, with current foster carer(s)"),
        ("A4", "Placed for adoption with parental or guardian consent, not with current foster carer(s)"),
        ("A5", "Placed for adoption with a placement order, with current foster carer(s)"),
        ("A6", "Placed for adoption with a placement order, not with current foster carer(s)"),
        ("K1", "Secure children's home"),
        ("K2", "Children's home subject to the Children's Homes Regulations"),
        ("K3", "Registered supported accommodation (16 and over)"),
        ("P1", "Placed with own parent(s) or other person(s) with parental responsibility"),
        ("P3", "Residential employment"),
        ("R1", "Residential care home"),
        ("R2", "NHS or health establishment providing medical or nursing care"),
        ("R3", "Family centre or mother and baby unit"),
        ("R5", "Young offender institution"),
        ("S1", "Residential school, except where dual-registered as a children's home"),
        ("T0", "Temporary move of any type"),
        ("T1", "Temporary period in hospital"),
        ("T2", "Temporary absence on holiday"),
        ("T3", "Temporary accommodation while normal foster carer(s) on holiday"),
        ("T4", "Temporary accommodation of 7 days or less not covered by T1 to T3"),
        ("U1", "Foster placement with relative or friend: long-term fostering"),
        ("U2", "Foster placement with relative or friend who is also an approved adopter"),
        ("U3", "Foster placement with relative or friend: not long-term or fostering for adoption"),
        ("U4", "Foster placement with other foster carer: long-term fostering"),
        ("U5", "Foster placement with other foster carer who is also an approved adopter"),
        ("U6", "Foster placement with other foster carer: not long-term or fostering for adoption"),
        ("Z11", "Other placement, code Z11 (meaning not confirmed)"),
        ("Z12", "Other placement, code Z12 (meaning not confirmed)"),
        ("Z13", "Other placement, code Z13 (meaning not confirmed)"),
        ("Z14", "Other placement, code Z14 (meaning not confirmed)"),
        ("H5", "Semi-independent living not subject to Children's Homes Regulations (retired)"),
        ("P2", "Independent living (retired)"),
        ("Z1", "Other placement (retired)"),
        retired=("H5", "P2", "Z1"),
    ),
)

# Foster placements: staying put (s23CZA) needs the young person to have been with
# a local authority foster parent when care ended.
FOSTER_PLACEMENTS = frozenset({"U1", "U2", "U3", "U4", "U5", "U6"})

PLACEMENT_PROVIDER = CodeList(
    "Placement provider",
    "PLACE_PROVIDER",
    _codes(
        ("PR0", "Parent(s) or other person(s) with parental responsibility"),
        ("PR1", "Own provision by the local authority"),
        ("PR2", "Other local authority provision"),
        ("PR3", "Other public provision, for example a primary care trust"),
        ("PR4", "Private provision"),
        ("PR5", "Voluntary or third sector provision"),
    ),
)

REASON_EPISODE_CEASED = CodeList(
    "Reason episode ceased",
    "REC",
    _codes(
        ("X1", "Episode ceases, and new episode begins on same day"),
        ("E11", "Adopted: application for an adoption order unopposed"),
        ("E12", "Adopted: consent dispensed with by the court"),
        ("E2", "Died"),
        ("E3", "Care taken over by another local authority in the UK"),
        ("E4A", "Returned home to live with parents, relatives or PR holder as part of the care plan"),
        ("E4B", "Returned home to live with parents, relatives or PR holder, not part of the care plan"),
        ("E13", "Left care to live with parent(s), relative(s) or other person(s) with no parental responsibility"),
        ("E41", "Child arrangements order (residence) granted"),
        ("E45", "Special guardianship order made to former foster carer(s) who are relatives or friends"),
        ("E46", "Special guardianship order made to former foster carer(s), other than relatives or friends"),
        ("E47", "Special guardianship order made to carer(s), not former foster carer(s), who are relatives or friends"),
        ("E48", "Special guardianship order made to carer(s), not former foster carer(s), other than relatives or friends"),
        ("E5", "Moved to independent living in supported accommodation with formal support"),
        ("E6", "Moved to independent living with no formal support"),
        ("E7", "Transferred to residential care funded by adult social care"),
        ("E8", "Period of being looked after ceased for any other reason"),
        ("E9", "Sentenced to custody"),
        ("E14", "Accommodation on remand ended"),
        ("E15", "Age assessment determined child is aged 18 or over"),
        ("E16", "Child moved abroad"),
        ("E17", "Aged 18 or over and remained with current carers (including staying put)"),
    ),
)

SPECIAL_GUARDIANSHIP_EXITS = frozenset({"E45", "E46", "E47", "E48"})
ADOPTION_EXITS = frozenset({"E11", "E12"})

REASON_PLACE_CHANGE = CodeList(
    "Reason for placement change",
    "REASON_PLACE_CHANGE",
    _codes(
        ("CARPL", "Change to or implementation of care plan"),
        ("CLOSE", "Resignation or closure of provision"),
        ("ALLEG", "Allegation (s47)"),
        ("STAND", "Standards of care concern"),
        ("APPRR", "Approval removed"),
        ("CREQB", "Carer requests placement end due to child's behaviour"),
        ("CREQO", "Carer requests placement end, other than due to child's behaviour"),
        ("CHILD", "Child requests placement end"),
        ("LAREQ", "Responsible or area authority requests placement end"),
        ("PLACE", "Change in the status of the placement only"),
        ("CUSTOD", "Custody arrangement"),
        ("OTHER", "Other"),
    ),
)

IN_TOUCH = CodeList(
    "In touch",
    "IN_TOUCH",
    _codes(
        ("YES", "In touch"),
        ("NO", "Not in touch"),
        ("DIED", "Died after leaving care"),
        ("REFU", "Refuses contact"),
        ("NREQ", "No longer requires services"),
        ("RHOM", "Returned home to parents for 6 months or more"),
    ),
)

ACTIVITY = CodeList(
    "Main activity",
    "ACTIV",
    _codes(
        ("F1", "Full-time higher education"),
        ("P1", "Part-time higher education"),
        ("F2", "Full-time education other than higher education"),
        ("P2", "Part-time education other than higher education"),
        ("F4", "Full-time apprenticeship"),
        ("P4", "Part-time apprenticeship"),
        ("F5", "Full-time training or employment (not apprenticeship)"),
        ("P5", "Part-time training or employment (not apprenticeship)"),
        ("G4", "Not in education, employment or training because of illness or disability"),
        ("G5", "Not in education, employment or training for other reasons"),
        ("G6", "Not in education, employment or training because of pregnancy or parenting"),
        ("0", "Not in touch and activity unknown, or died, or returned home"),
    ),
)

ACCOMMODATION_TYPES = CodeList(
    "Accommodation type",
    "ACCOM",
    _codes(
        ("B", "With parents or relatives"),
        ("C", "Community home or other residential care, for example NHS"),
        ("D", "Semi-independent, transitional accommodation"),
        ("E", "Supported lodgings"),
        ("G", "Gone abroad"),
        ("H", "Deported"),
        ("K", "Ordinary lodgings, without formal support"),
        ("R", "Residence not known"),
        ("S", "No fixed abode or homeless"),
        ("T", "Foyer or similar"),
        ("U", "Independent living"),
        ("V", "Emergency accommodation"),
        ("W", "Bed and breakfast"),
        ("X", "In custody"),
        ("Y", "Other accommodation"),
        ("Z", "With former foster carer(s) under a plan to remain after 18"),
    ),
)

# Homelessness and custody are always unsuitable (2025-26 validator rule 133).
ALWAYS_UNSUITABLE_ACCOMMODATION = frozenset({"S", "X"})

LISTS: tuple[CodeList, ...] = (
    SEX,
    ETHNIC,
    RNE,
    LEGAL_STATUS,
    CATEGORY_OF_NEED,
    PLACEMENT,
    PLACEMENT_PROVIDER,
    REASON_EPISODE_CEASED,
    REASON_PLACE_CHANGE,
    IN_TOUCH,
    ACTIVITY,
    ACCOMMODATION_TYPES,
)
