"""UPN check letters, Ofsted URNs and postcodes for the demo council (demo/identifiers.py, demo/places.py)."""

from __future__ import annotations

import random
import re

import pytest

from demo import places
from demo.identifiers import (
    COUNCIL_FOSTERING_SERVICE,
    FOSTERING_AGENCIES,
    NO_URN_PLACEMENTS,
    UpnIssuer,
    is_valid_upn,
    ofsted_urn,
    upn_check_letter,
)
from people.forms import POSTCODE_PATTERN

# The validator's own test of rule 209 uses this UPN; the others are worked by hand:
# sum of each character times its position (2 to 13), modulo 23, in A-Z without I, O, S.
KNOWN = {
    "801200001001": "H",  # 8*2 + 1*4 + 2*5 + 1*10 + 1*13 = 53; 53 mod 23 = 7
    "000000000001": "P",  # 13 mod 23 = 13
    "100000000000": "C",  # 2
    "999999999999": "F",  # 9 * 90 = 810; 810 mod 23 = 5
    "00000000000Z": "L",  # temporary UPN: Z counts as 22; 286 mod 23 = 10
    "00000000000B": "P",  # B counts as 1; 13
}
# What rule 168 accepts as a UPN (csc-validator-be-903 0.1.17).
VALIDATOR_UPN = re.compile(r"^((?![IOS])[A-Z]){1}(\d{12}|\d{11}[A-Z]{1})$")


@pytest.mark.parametrize(("body", "letter"), KNOWN.items())
def test_check_letter_of_known_upns(body: str, letter: str) -> None:
    assert upn_check_letter(body) == letter
    assert is_valid_upn(letter + body)


def test_a_mistyped_digit_changes_the_check_letter() -> None:
    """Weights 2 to 13 and digit changes of 1 to 9 are never a multiple of 23 (a prime)."""
    body = "999123425017"
    letter = upn_check_letter(body)
    for position in range(12):
        for digit in "0123456789":
            if digit != body[position]:
                changed = body[:position] + digit + body[position + 1:]
                assert upn_check_letter(changed) != letter, changed
                assert not is_valid_upn(letter + changed)


@pytest.mark.parametrize("body", ["", "80120000100", "8012000010011", "80120000100I", "80120000100O",
                                  "80120000100S", "8012000A1001", "80120000100a"])
def test_refuses_what_is_not_a_upn_body(body: str) -> None:
    with pytest.raises(ValueError, match="is not eleven digits"):
        upn_check_letter(body)


@pytest.mark.parametrize("upn", ["", "H80120000100", "h801200001001", "A801200001001", "UN1", "H8012000010011"])
def test_invalid_upns(upn: str) -> None:
    assert not is_valid_upn(upn)


def test_issued_upns_are_valid_unique_and_pass_the_validators_format_check() -> None:
    issuer, rng = UpnIssuer(), random.Random(5)
    issued = [issuer.issue(rng, 2012) for _ in range(3000)]
    assert len(set(issued)) == len(issued)
    for upn in issued:
        assert is_valid_upn(upn) and VALIDATOR_UPN.match(upn), upn
        assert upn[1:4] == "999" and upn[8:10] == "12"


def test_urns_only_where_the_dfe_wants_one() -> None:
    for placement in NO_URN_PLACEMENTS:
        assert ofsted_urn(placement, "PR1", "WR1 1LY") == ""
    assert ofsted_urn("U4", "PR1", "WR1 1LY") == COUNCIL_FOSTERING_SERVICE
    assert ofsted_urn("U6", "PR4", "WR1 1LY") in FOSTERING_AGENCIES["PR4"]
    assert ofsted_urn("U6", "PR5", "B97 4SA") in FOSTERING_AGENCIES["PR5"]
    home = ofsted_urn("K2", "PR4", "WR1 1LY")
    assert re.fullmatch(r"SC9[0-9]{5}", home)
    assert ofsted_urn("K2", "PR4", "WR1 1LY") == home  # the same home, the same URN
    assert ofsted_urn("K2", "PR4", "B97 4SA") != home


def test_postcodes_are_distinct_and_in_the_form_staff_type_them() -> None:
    everywhere = places.COUNCIL_POSTCODES + places.OTHER_AREA_POSTCODES
    assert len(set(everywhere)) == len(everywhere) == 72 + 32
    for postcode in everywhere:
        assert POSTCODE_PATTERN.match(postcode), postcode
