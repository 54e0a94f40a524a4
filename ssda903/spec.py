"""The shape of an SSDA903 return: tables, columns, XML elements and field types.

Shared by the import (parse.py, importing.py) and the export: both read the
column order and element names from here so a file we write is a file we read.
Sources: ssda903-care-leavers.md §2 (column names and order, as the DfE
validator `csc-validator-be-903` config.py lists them), §3–4 (code lists, kept
in compliance/codes.py and imported, never copied) and §7 (file formats).

Only add to this module: other code relies on the names. `STORED_AS` (at the end)
says where each imported value is kept, so an export of the same records can give
the same files back.

XML (`EXPSSDA903`, §7): one `<CHILD>` per child, holding one `<HEADER>` and
any number of `<EPISODE>`s. Header, UASC and OC3 values are leaf elements of
`<HEADER>` (CHILD is `<CHILDID>`); the UASC table has a row when `<UASC>` is
"1" and the OC3 table one when `<IN_TOUCH>` is present. Episode values are
leaves of `<EPISODE>` (PLACE is `<PL>`). Empty elements mean blank. Tables we
only recognise (Reviews, OC2, ...) sit in their own wrappers (`<AREVIEW>`,
`<OC2>`, ...) and are skipped by the import.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from compliance import codes
from compliance.ssda903 import CollectionYear  # noqa: F401  (the import names it spec.CollectionYear)

DATE_FORMAT = "%d/%m/%Y"  # DD/MM/YYYY everywhere (§1)
XML_ROOT = "EXPSSDA903"
XML_CHILD = "CHILD"
XML_HEADER = "HEADER"
XML_EPISODE = "EPISODE"

# Field kinds: how a value is read and checked.
ID = "id"  # CHILD: letters and digits, 1–10 characters
DATE = "date"  # DD/MM/YYYY
CODE = "code"  # one of `codes`
FLAG = "flag"  # "1" or "0"
POSTCODE = "postcode"  # a postcode district or full postcode
TEXT = "text"  # free text of at most max_length characters
NUMBER = "number"  # digits only


def accommodation_codes() -> frozenset[str]:
    """Every valid OC3 ACCOM code (rule 133): type letter plus 1 (suitable) or
    2 (unsuitable), except types that are always unsuitable, and "0"."""
    found = {"0"}
    for kind in codes.ACCOMMODATION_TYPES:
        found.add(f"{kind.code}2")
        if kind.code not in codes.ALWAYS_UNSUITABLE_ACCOMMODATION:
            found.add(f"{kind.code}1")
    return frozenset(found)


ACCOM_CODES = accommodation_codes()
MOTHER_CODES = frozenset({"0", "1"})


@dataclass(frozen=True, slots=True)
class Field:
    """One column of a table (and its XML element)."""

    name: str  # the DfE column name, e.g. "DECOM"
    label: str  # plain English, for error messages: "start date"
    kind: str
    required: bool = False
    codes: codes.CodeList | frozenset[str] | None = None
    max_length: int | None = None
    xml: str = ""  # element name when it differs from `name`

    @property
    def element(self) -> str:
        return self.xml or self.name

    def allowed(self) -> frozenset[str]:
        """The codes this field accepts (current codes only for a CodeList)."""
        if isinstance(self.codes, codes.CodeList):
            return frozenset(c.code for c in self.codes.current())
        return self.codes or frozenset()


@dataclass(frozen=True, slots=True)
class Table:
    name: str  # the DfE table name, e.g. "Episodes"
    fields: tuple[Field, ...]
    imported: bool  # False: recognised in an upload but not imported
    xml_parent: str = ""  # the element holding a row's leaves in EXPSSDA903
    by_name: dict[str, Field] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "by_name", {f.name: f for f in self.fields})

    @property
    def columns(self) -> tuple[str, ...]:
        """CSV header, in DfE order."""
        return tuple(f.name for f in self.fields)


def format_date(value: dt.date | None) -> str:
    """DD/MM/YYYY, or "" for no date. (Formatted by hand: strftime is slow over a whole return.)"""
    return f"{value.day:02}/{value.month:02}/{value.year:04}" if value else ""


_CHILD = Field("CHILD", "child ID", ID, required=True, max_length=10, xml="CHILDID")
_DOB = Field("DOB", "date of birth", DATE, required=True)
_SEX = Field("SEX", "sex", CODE, required=True, codes=codes.SEX)

HEADER = Table(
    "Header",
    (
        _CHILD,
        _SEX,
        _DOB,
        Field("ETHNIC", "ethnicity", CODE, required=True, codes=codes.ETHNIC),
        Field("UPN", "unique pupil number", TEXT, max_length=13),
        Field("MOTHER", "whether the child is a mother", FLAG, codes=MOTHER_CODES),
        Field("MC_DOB", "date of birth of the mother's child", DATE),
    ),
    imported=True,
    xml_parent=XML_HEADER,
)

EPISODES = Table(
    "Episodes",
    (
        _CHILD,
        Field("DECOM", "start date", DATE, required=True),
        Field("RNE", "reason for new episode", CODE, required=True, codes=codes.RNE),
        Field("LS", "legal status", CODE, required=True, codes=codes.LEGAL_STATUS),
        Field("CIN", "category of need", CODE, required=True, codes=codes.CATEGORY_OF_NEED),
        Field("PLACE", "placement type", CODE, required=True, codes=codes.PLACEMENT, xml="PL"),
        Field("PLACE_PROVIDER", "placement provider", CODE, codes=codes.PLACEMENT_PROVIDER),
        Field("DEC", "end date", DATE),
        Field("REC", "reason episode ceased", CODE, codes=codes.REASON_EPISODE_CEASED),
        Field("REASON_PLACE_CHANGE", "reason for placement change", CODE, codes=codes.REASON_PLACE_CHANGE),
        Field("HOME_POST", "home postcode", POSTCODE, max_length=8),
        Field("PL_POST", "placement postcode", POSTCODE, max_length=8),
        Field("URN", "Ofsted URN", TEXT, max_length=8),
    ),
    imported=True,
    xml_parent=XML_EPISODE,
)

UASC = Table(
    "UASC",
    (_CHILD, _SEX, _DOB, Field("DUC", "date UASC status ceased", DATE)),
    imported=True,
    xml_parent=XML_HEADER,
)

OC3 = Table(
    "OC3",
    (
        _CHILD,
        _DOB,
        Field("IN_TOUCH", "in touch", CODE, codes=codes.IN_TOUCH),
        Field("ACTIV", "main activity", CODE, codes=codes.ACTIVITY),
        Field("ACCOM", "accommodation", CODE, codes=ACCOM_CODES),
    ),
    imported=True,
    xml_parent=XML_HEADER,
)


def _recognised(name: str, xml_parent: str, *columns: str) -> Table:
    """A table the import recognises (so its file is not "unknown") but skips."""
    return Table(
        name,
        (_CHILD, *(Field(c, c, TEXT) for c in columns)),
        imported=False,
        xml_parent=xml_parent,
    )


REVIEWS = _recognised("Reviews", "AREVIEW", "DOB", "REVIEW", "REVIEW_CODE")
OC2 = _recognised(
    "OC2",
    "OC2",
    "DOB",
    "SDQ_SCORE",
    "SDQ_REASON",
    "CONVICTED",
    "HEALTH_CHECK",
    "IMMUNISATIONS",
    "TEETH_CHECK",
    "HEALTH_ASSESSMENT",
    "SUBSTANCE_MISUSE",
    "INTERVENTION_RECEIVED",
    "INTERVENTION_OFFERED",
)
AD1 = _recognised(
    "AD1", "AD1", "DOB", "DATE_INT", "DATE_MATCH", "FOSTER_CARE", "NB_ADOPTR", "SEX_ADOPTR", "LS_ADOPTR"
)
PLACED_ADOPTION = _recognised(
    "PlacedAdoption", "AD_PLACED", "DOB", "DATE_PLACED", "DATE_PLACED_CEASED", "REASON_PLACED_CEASED"
)
PREV_PERM = _recognised("PrevPerm", "PERMANENCE", "DOB", "PREV_PERM", "LA_PERM", "DATE_PERM")
MISSING = _recognised("Missing", "AMISSING", "DOB", "MISSING", "MIS_START", "MIS_END")
SW_EPISODES = _recognised("SW_Episodes", "SW_EPISODE", "DOB", "SW_ID", "SW_DECOM", "SW_DEC", "SW_REASON")

TABLES: tuple[Table, ...] = (
    HEADER,
    EPISODES,
    UASC,
    OC3,
    REVIEWS,
    OC2,
    AD1,
    PLACED_ADOPTION,
    PREV_PERM,
    MISSING,
    SW_EPISODES,
)
IMPORTED_TABLES: tuple[Table, ...] = tuple(t for t in TABLES if t.imported)
BY_NAME: dict[str, Table] = {t.name: t for t in TABLES}

# The XML elements of <HEADER> in the order the export writes them. OC3 items
# follow UASC/DUC as in the validator's sample file (§7).
XML_HEADER_ELEMENTS: tuple[str, ...] = (
    "CHILDID",
    "UPN",
    "SEX",
    "DOB",
    "ETHNIC",
    "UASC",
    "DUC",
    "IN_TOUCH",
    "ACTIV",
    "ACCOM",
    "MOTHER",
    "MC_DOB",
)
XML_EPISODE_ELEMENTS: tuple[str, ...] = tuple(f.element for f in EPISODES.fields if f.name != "CHILD")




# Where each imported value is kept ("app.Model.field"), for the import and the export.
# A UASC row sets YoungPerson.uasc; MOTHER, MC_DOB and the OC3 items are kept as
# returned, per child and collection year, in ssda903.ChildReturn (see its docstring).
STORED_AS: dict[str, dict[str, str]] = {
    "Header": {
        "CHILD": "people.YoungPerson.child_id",
        "SEX": "people.YoungPerson.sex",
        "DOB": "people.YoungPerson.date_of_birth",
        "ETHNIC": "people.YoungPerson.ethnicity",
        "UPN": "people.YoungPerson.upn",
        "MOTHER": "ssda903.ChildReturn.mother",
        "MC_DOB": "ssda903.ChildReturn.mother_child_dob",
    },
    "Episodes": {
        "CHILD": "people.CareEpisode.young_person.child_id",
        "DECOM": "people.CareEpisode.start",
        "RNE": "people.CareEpisode.reason_new",
        "LS": "people.CareEpisode.legal_status",
        "CIN": "people.CareEpisode.category_of_need",
        "PLACE": "people.CareEpisode.placement",
        "PLACE_PROVIDER": "people.CareEpisode.placement_provider",
        "DEC": "people.CareEpisode.end",
        "REC": "people.CareEpisode.reason_ended",
        "REASON_PLACE_CHANGE": "people.CareEpisode.reason_place_change",
        "HOME_POST": "people.CareEpisode.home_postcode",
        "PL_POST": "people.CareEpisode.placement_postcode",
        "URN": "people.CareEpisode.urn",
    },
    "UASC": {
        "CHILD": "people.YoungPerson.child_id",
        "SEX": "people.YoungPerson.sex",
        "DOB": "people.YoungPerson.date_of_birth",
        "DUC": "people.YoungPerson.uasc_ceased_on",
    },
    "OC3": {
        "CHILD": "people.YoungPerson.child_id",
        "DOB": "people.YoungPerson.date_of_birth",
        "IN_TOUCH": "ssda903.ChildReturn.in_touch",
        "ACTIV": "ssda903.ChildReturn.activity",
        "ACCOM": "ssda903.ChildReturn.accommodation",
    },
}
