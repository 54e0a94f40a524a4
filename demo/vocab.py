"""Word lists and weights the demo council is built from.

Everything here is invented or generic: names are common UK (and, for
unaccompanied asylum-seeking children, common Afghan, Eritrean, Sudanese,
Albanian and Vietnamese) given and family names combined at random, so no
generated person is a real one. Towns and streets are made up; postcodes are real
areas (demo.places). Proportions are documented in docs/demo-council.md with their
sources; codes come from compliance.codes so nothing is retyped here.
"""

from __future__ import annotations

from compliance import codes

BOYS = (
    "Jack Oliver Thomas Harry Joshua Charlie James Daniel Alfie Liam Ethan Jacob Kyle Connor Callum Lewis "
    "Ryan Tyler Jordan Kieran Nathan Reece Mason Riley Logan Jayden Dylan Leon Bradley Kai Luke Owen "
    "Samuel Aaron Ben Cameron Corey Declan Ellis Finley Harvey Jake Louie Max Noah Rhys Toby Zak"
).split()
GIRLS = (
    "Chloe Emily Olivia Jessica Sophie Ellie Lucy Amelia Megan Holly Lauren Bethany Courtney Shannon Jade "
    "Leah Paige Chelsea Demi Kayleigh Abbie Amber Caitlin Ella Evie Grace Isla Keira Lacey Lily Mia "
    "Millie Molly Niamh Poppy Rebecca Ruby Scarlett Skye Tia Zara Hannah Kelsey Jasmine Alisha Summer"
).split()
FAMILY = (
    "Smith Jones Taylor Brown Williams Wilson Johnson Davies Robinson Wright Thompson Evans Walker White "
    "Roberts Green Hall Wood Jackson Clarke Patel Khan Lewis James Phillips Mason Mitchell Rose Davis "
    "Rodriguez Cox Alexander Morgan Moore Price Bell Turner Hughes Cooper Ward Parker Bennett Murray "
    "Hussain Ali Begum Shaw Lloyd Marshall Griffiths Kelly Harrison Baker Ellis Fox Gray Hill Mills"
).split()
UASC_BOYS = (
    "Ahmad Mohammed Abdul Mustafa Ali Hassan Omar Yonas Dawit Filmon Samuel Ermal Arben Besnik Klevis "
    "Hamid Jawad Rahmat Bilal Yousef Ibrahim Idris Abdullah Tesfay Amanuel Mehari Kidane Duc Minh Hieu"
).split()
UASC_GIRLS = "Fatima Amina Maryam Selam Helen Saba Luwam Ana Elira Linh Mariam Zainab".split()
UASC_FAMILY = (
    "Ahmadi Hussaini Rahimi Sultani Karimi Tesfay Haile Mebrahtu Ghebremedhin Abdalla Osman Adam Ismail "
    "Hoxha Krasniqi Berisha Gashi Nguyen Tran Le Hakimi Noori Yusuf Mohammed Kahsay Tekle"
).split()

# Short forms some young people prefer (preferred_name).
PREFERRED = {
    "Thomas": "Tom", "Joshua": "Josh", "Daniel": "Dan", "Samuel": "Sam", "Nathan": "Nate",
    "Olivia": "Liv", "Rebecca": "Becca", "Bethany": "Beth", "Jessica": "Jess", "Amelia": "Millie",
    "Mohammed": "Mo", "Abdullah": "Abdi", "Courtney": "Court", "Cameron": "Cam", "Alisha": "Ali",
}  # fmt: skip

# Locality names: the compass points for a small council, then invented towns.
COMPASS = ("North", "South", "East", "West", "Central")
TOWNS = (
    "Brackenford", "Aldermouth", "Kestlebridge", "Wyndle Cross", "Farrowdale", "Esklin", "Hollinsby",
    "Marrowgate", "Quenby Vale", "Tarnside", "Ulverleigh", "Grisdale Hythe", "Pennock", "Sallowfield",
    "Thackwell", "Wrenbury Moor", "Copsey", "Dunmere", "Fennick", "Lowther Ings",
)  # fmt: skip
STREETS = (
    "Alder Road", "Beacon Street", "Chapel Lane", "Dale View", "Elm Close", "Ferry Road", "Granary Court",
    "Hazel Grove", "Ivy Terrace", "Juniper Way", "Kiln Lane", "Larch Avenue", "Mill Street", "Nursery Road",
    "Orchard Rise", "Priory Walk", "Quarry Hill", "Rowan Drive", "Station Road", "Tannery Row",
)  # fmt: skip
# Words for the one-off sign-in passphrase (chosen with `secrets`, never the seeded RNG).
PASSPHRASE_WORDS = (
    "amber harbour lantern meadow copper willow falcon granite hazel juniper kestrel linen marble "
    "nutmeg orchid pebble quartz raven saffron thistle umber velvet walnut yarrow zephyr beacon cedar "
    "drift ember fern glacier heron iris jasper larch maple nectar otter pine quill rowan sorrel tansy"
).split()


def _weights(pairs: dict[str, float], code_list: codes.CodeList) -> tuple[tuple[str, ...], tuple[float, ...]]:
    for code in pairs:
        assert code in code_list, f"{code} is not an SSDA903 {code_list.field} code"
    return tuple(pairs), tuple(pairs.values())


# Ethnicity (SSDA903 ETHNIC). Looked-after children who are not UASC: roughly
# the national children-looked-after mix (about three quarters White, one in ten
# Mixed). UASC: mostly Afghan (AOTH), Eritrean/Sudanese (BAFR, OOTH), Albanian
# (WOTH), Vietnamese and Kurdish (OOTH). Invented but plausible; see the docs.
ETHNIC_LOCAL = _weights(
    {
        "WBRI": 68.0, "WIRI": 0.5, "WIRT": 0.5, "WROM": 0.7, "WOTH": 3.5, "MWBC": 4.0, "MWBA": 2.0,
        "MWAS": 2.0, "MOTH": 3.5, "AIND": 1.0, "APKN": 1.5, "ABAN": 0.5, "AOTH": 1.0, "BCRB": 2.0,
        "BAFR": 3.5, "BOTH": 1.0, "CHNE": 0.2, "OOTH": 2.0, "REFU": 0.3, "NOBT": 0.8,
    },
    codes.ETHNIC,
)  # fmt: skip
ETHNIC_UASC = _weights(
    {"AOTH": 32.0, "BAFR": 24.0, "OOTH": 24.0, "BOTH": 5.0, "WOTH": 10.0, "MOTH": 2.0, "NOBT": 3.0},
    codes.ETHNIC,
)

# Category of need (SSDA903 CIN) at the start of care.
CIN_LOCAL = _weights(
    {"N1": 64.0, "N2": 3.0, "N3": 3.5, "N4": 9.0, "N5": 13.0, "N6": 2.5, "N7": 0.5, "N8": 4.5},
    codes.CATEGORY_OF_NEED,
)
CIN_UASC = _weights({"N8": 95.0, "N4": 5.0}, codes.CATEGORY_OF_NEED)
CIN_REMAND = _weights({"N6": 70.0, "N5": 30.0}, codes.CATEGORY_OF_NEED)

# Why a placement changed (SSDA903 REASON_PLACE_CHANGE), for RNE P, B, T and U.
PLACE_CHANGE = _weights(
    {
        "CARPL": 36.0, "CREQB": 12.0, "CREQO": 10.0, "CHILD": 10.0, "LAREQ": 7.0, "STAND": 3.0,
        "ALLEG": 2.0, "CLOSE": 3.0, "APPRR": 1.0, "PLACE": 6.0, "OTHER": 5.0,
    },
    codes.REASON_PLACE_CHANGE,
)  # fmt: skip

# Who provides each kind of placement (PLACE_PROVIDER); blank for T0-T3 and Z11-Z14.
PROVIDERS: dict[str, tuple[tuple[str, ...], tuple[float, ...]]] = {
    "foster": _weights({"PR1": 60.0, "PR4": 35.0, "PR5": 5.0}, codes.PLACEMENT_PROVIDER),
    "kin": _weights({"PR1": 100.0}, codes.PLACEMENT_PROVIDER),
    "K1": _weights({"PR1": 40.0, "PR2": 60.0}, codes.PLACEMENT_PROVIDER),
    "K2": _weights({"PR4": 75.0, "PR1": 20.0, "PR5": 5.0}, codes.PLACEMENT_PROVIDER),
    "K3": _weights({"PR4": 70.0, "PR5": 25.0, "PR1": 5.0}, codes.PLACEMENT_PROVIDER),
    "P1": _weights({"PR0": 100.0}, codes.PLACEMENT_PROVIDER),
    "R2": _weights({"PR3": 100.0}, codes.PLACEMENT_PROVIDER),
    "R5": _weights({"PR3": 100.0}, codes.PLACEMENT_PROVIDER),
    "S1": _weights({"PR4": 70.0, "PR5": 30.0}, codes.PLACEMENT_PROVIDER),
    "A": _weights({"PR1": 70.0, "PR2": 20.0, "PR5": 10.0}, codes.PLACEMENT_PROVIDER),
}
NO_PROVIDER_PLACEMENTS = frozenset({"T0", "T1", "T2", "T3", "Z11", "Z12", "Z13", "Z14"})


def provider_kind(placement: str) -> str:
    if placement in ("U1", "U2", "U3"):
        return "kin"
    if placement.startswith("U"):
        return "foster"
    if placement.startswith("A"):
        return "A"
    return placement


for _placement in ("U1", "U3", "U4", "U5", "U6", "K1", "K2", "K3", "P1", "R2", "R5", "S1", "A6", "T1"):
    assert _placement in codes.PLACEMENT
