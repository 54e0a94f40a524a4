"""The identifiers the SSDA903 return carries for the demo: unique pupil numbers and Ofsted URNs.

**UPN** (DfE, "Unique pupil numbers (UPNs): a guide for schools and local authorities",
annex A; UK Government Data Standards Catalogue, Unique Pupil Number 2.0): a check letter,
then twelve characters: the local authority number (3 digits), the establishment number
(4), the last two digits of the academic year it was allocated in (2), and 3 serial digits
(a temporary UPN has 2 digits and a letter). The check letter is the sum of each of the
twelve characters times its position in the UPN (2 to 13), modulo 23, as a letter of an
alphabet without I, O and S; a temporary UPN's last letter counts as its place in that
alphabet. The demo's UPNs use local authority number 999, which no council has, so none
can be a real pupil's.

**Ofsted URN**: ``SC`` and six digits, as Ofsted gives children's homes, fostering and
adoption agencies. The demo's start ``SC9`` and are invented: the validator only checks
them against Ofsted's lists when a council loads those (rules 1008, 219–229), which the
driver in ssda903/validator.py does not.
"""

from __future__ import annotations

import random
import re
import zlib

UPN_LETTERS = "ABCDEFGHJKLMNPQRTUVWXYZ"  # the check alphabet: A is 0, Z is 22
UPN_LA_CODE = "999"
_UPN_BODY = re.compile(r"[0-9]{11}[0-9A-HJ-NP-RT-Z]")

# Placements that never have a URN (DfE rules 218 and 222): with parents or in their own
# home, NHS and young offender settings, temporary placements and those outside England.
NO_URN_PLACEMENTS = frozenset({"P1", "P3", "R1", "R2", "R5", "T0", "T1", "T2", "T3", "T4", "Z11", "Z12", "Z13", "Z14"})
FOSTER_PLACEMENTS = frozenset({"U1", "U2", "U3", "U4", "U5", "U6"})
COUNCIL_FOSTERING_SERVICE = "SC900100"  # the council's own fostering service (provider PR1)
# Independent (PR4) and voluntary (PR5) fostering agencies the council places with.
FOSTERING_AGENCIES = {
    "PR4": ("SC900211", "SC900237", "SC900254", "SC900268", "SC900283", "SC900296"),
    "PR5": ("SC900312", "SC900347"),
}


def upn_check_letter(body: str) -> str:
    """The check letter for the twelve characters that follow it."""
    if not _UPN_BODY.fullmatch(body):
        raise ValueError(f"{body!r} is not eleven digits and a digit or check-alphabet letter")
    total = sum((int(ch) if ch.isdigit() else UPN_LETTERS.index(ch)) * weight
                for ch, weight in zip(body, range(2, 14), strict=True))
    return UPN_LETTERS[total % 23]


def is_valid_upn(upn: str) -> bool:
    return len(upn) == 13 and _UPN_BODY.fullmatch(upn[1:]) is not None and upn_check_letter(upn[1:]) == upn[0]


class UpnIssuer:
    """Permanent UPNs, each different (DfE rule 444: unique within the return)."""

    def __init__(self) -> None:
        self.issued: set[str] = set()

    def issue(self, rng: random.Random, allocated_in: int) -> str:
        """A UPN allocated in the academic year ending in ``allocated_in``."""
        while True:
            body = f"{UPN_LA_CODE}{rng.randint(1000, 9999)}{allocated_in % 100:02d}{rng.randint(0, 999):03d}"
            upn = upn_check_letter(body) + body
            if upn not in self.issued:
                self.issued.add(upn)
                return upn


def ofsted_urn(placement: str, provider: str, postcode: str) -> str:
    """The URN of the service a placement is with: the council's fostering service, the
    fostering agency, or the home or provider at that postcode. Blank where there is none."""
    if placement in NO_URN_PLACEMENTS or not placement:
        return ""
    place = zlib.crc32(f"{placement} {postcode}".encode())
    if placement in FOSTER_PLACEMENTS:
        agencies = FOSTERING_AGENCIES.get(provider)
        return agencies[place % len(agencies)] if agencies else COUNCIL_FOSTERING_SERVICE
    return f"SC9{place % 100000:05d}"
