"""Circumstances rows as the compliance core's facts, for many young people at once.

One query per kind of record for the whole batch of ids (the full recompute reads
100,000 people in batches), registered with ``people.extension.register_case_facts``.
"""

from __future__ import annotations

from collections import defaultdict

from circumstances import models
from compliance import records
from compliance.facts import Declaration, DeclarationKind, Period


def circumstances_facts(ids: list[int]) -> dict[int, dict[str, list[object]]]:
    out: dict[int, dict[str, list[object]]] = defaultdict(lambda: defaultdict(list))

    accommodation = models.AccommodationSpell.objects.filter(young_person_id__in=ids).only(
        "young_person_id", "start", "end", "accommodation_type", "suitable", "council_provided"
    )
    for spell in accommodation:
        out[spell.young_person_id]["accommodation"].append(
            records.AccommodationSpell(
                start=spell.start,
                end=spell.end,
                # The type letter alone while suitability is not judged, so rules can still read the type.
                code=spell.ssda903_code or spell.accommodation_type,
                suitable=spell.suitable,
                council_provided=spell.council_provided,
                ref=f"accommodation:{spell.pk}",
            )
        )

    reviews: dict[int, list] = defaultdict(list)
    review_rows = models.StayingPutReview.objects.filter(arrangement__young_person_id__in=ids)
    for arrangement_id, reviewed_on in review_rows.values_list("arrangement_id", "reviewed_on"):
        reviews[arrangement_id].append(reviewed_on)
    staying_put = models.StayingPutArrangement.objects.filter(young_person_id__in=ids).only(
        "young_person_id", "start", "end"
    )
    for arrangement in staying_put:
        facts = out[arrangement.young_person_id]
        facts["staying_put"].append(
            records.StayingPutArrangement(
                start=arrangement.start,
                end=arrangement.end,
                reviewed_on=tuple(sorted(reviews[arrangement.pk])),
                ref=f"staying_put:{arrangement.pk}",
            )
        )
        facts["person.staying_put"].append(Period(arrangement.start, arrangement.end))

    declarations = models.Declaration.objects.filter(young_person_id__in=ids)
    for young_person_id, kind, told_on in declarations.values_list("young_person_id", "kind", "told_on"):
        out[young_person_id]["person.declarations"].append(Declaration(DeclarationKind(kind), told_on))

    detention = models.DetentionPeriod.objects.filter(young_person_id__in=ids)
    for young_person_id, start, end in detention.values_list("young_person_id", "start", "end"):
        out[young_person_id]["person.detained_or_in_hospital"].append(Period(start, end))

    programmes = models.EducationProgramme.objects.filter(young_person_id__in=ids)
    for young_person_id, ends_on in programmes.values_list("young_person_id", "ends_on"):
        out[young_person_id]["person.education_programme_beyond_21_until"].append(ends_on)

    return out
