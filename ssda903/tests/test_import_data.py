"""A small synthetic SSDA903 return for the import tests, as CSV files and as one XML file.

Three children for the 2025 to 2026 collection year (1 April 2025 to 31 March 2026):
- A1001: looked after since 2019, placement change in the year, left care at 18 (E5);
- A1002: a UASC care leaver (no episodes this year, OC3 row);
- A1003: still looked after, one open episode.
"""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET

from ssda903 import spec
from ssda903.importing import Upload

HEADER = """CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB
A1001,F,14/06/2007,WBRI,A123456789012,0,
A1002,M,02/02/2006,BAFR,,,
A1003,M,20/10/2010,MWBC,,,
"""

EPISODES = """CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN
A1001,10/09/2019,S,C2,N1,U4,PR1,01/05/2025,X1,CARPL,NE1 4,NE3 2,
A1001,01/05/2025,P,C2,N1,K2,PR4,14/06/2025,E5,,NE1 4,NE6 1,SC123456
A1003,03/03/2024,S,V2,N4,U6,PR1,,,,NE1 4,NE2 7,
"""

UASC = """CHILD,SEX,DOB,DUC
A1002,M,02/02/2006,02/02/2024
"""

OC3 = """CHILD,DOB,IN_TOUCH,ACTIV,ACCOM
A1002,02/02/2006,YES,F2,U1
"""

YEAR = spec.CollectionYear(2026)


def csv_uploads(**tables: str) -> list[Upload]:
    """The four CSV files, with any replaced by name (header=..., episodes=..., uasc=..., oc3=...)."""
    found = {"header": HEADER, "episodes": EPISODES, "uasc": UASC, "oc3": OC3}
    found.update(tables)
    return [
        Upload(f"{name}.csv", lambda text=text: io.BytesIO(text.encode()))
        for name, text in found.items()
        if text is not None
    ]


def as_xml(header: str = HEADER, episodes: str = EPISODES, uasc: str = UASC, oc3: str = OC3) -> bytes:
    """The same return as one EXPSSDA903 file (§7 of the reference)."""
    def rows(text: str) -> list[dict[str, str]]:
        lines = [line.split(",") for line in text.strip().splitlines()]
        return [dict(zip(lines[0], line)) for line in lines[1:]]

    episodes_of: dict[str, list[dict[str, str]]] = {}
    for row in rows(episodes):
        episodes_of.setdefault(row["CHILD"], []).append(row)
    uasc_of = {row["CHILD"]: row for row in rows(uasc)}
    oc3_of = {row["CHILD"]: row for row in rows(oc3)}
    root = ET.Element(spec.XML_ROOT)
    for head in rows(header):
        child = ET.SubElement(root, spec.XML_CHILD)
        header_element = ET.SubElement(child, spec.XML_HEADER)
        values = {**head, "CHILDID": head["CHILD"], "UASC": "1" if head["CHILD"] in uasc_of else "",
                  "DUC": uasc_of.get(head["CHILD"], {}).get("DUC", "")}
        values.update({k: v for k, v in oc3_of.get(head["CHILD"], {}).items() if k in ("IN_TOUCH", "ACTIV", "ACCOM")})
        for name in spec.XML_HEADER_ELEMENTS:
            if name in ("IN_TOUCH", "ACTIV", "ACCOM") and head["CHILD"] not in oc3_of:
                continue
            ET.SubElement(header_element, name).text = values.get(name) or None
        for episode in episodes_of.get(head["CHILD"], []):
            element = ET.SubElement(child, spec.XML_EPISODE)
            for f in spec.EPISODES.fields[1:]:
                ET.SubElement(element, f.element).text = episode[f.name] or None
    return b"<?xml version='1.0' encoding='utf-8'?>\n" + ET.tostring(root)


def xml_upload(content: bytes | None = None, name: str = "return.xml") -> list[Upload]:
    data = as_xml() if content is None else content
    return [Upload(name, lambda: io.BytesIO(data))]
