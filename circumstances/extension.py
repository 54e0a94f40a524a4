"""What circumstances adds to a young person's record: its section, its facts for the
rules, links from duties to its records, and its chronology entries."""

from __future__ import annotations

from collections.abc import Iterator

from django.urls import reverse

from circumstances.facts import circumstances_facts
from people.extension import (
    ChronologyItem,
    register_action,
    register_case_facts,
    register_chronology,
    register_record_link,
    register_section,
)

# Record kinds used in facts' refs ("accommodation:12"); the section page gives each
# record the anchor "<kind>-<pk>".
RECORD_KINDS = ("accommodation", "activity", "staying_put", "declaration")


def section_url(young_person_pk: int, anchor: str = "") -> str:
    url = reverse("circumstances:section", args=[young_person_pk])
    return f"{url}#{anchor}" if anchor else url


def _record_link(kind: str):  # noqa: ANN202
    return lambda young_person_pk, record_pk: section_url(young_person_pk, f"{kind}-{record_pk}")


def moves(young_person) -> Iterator[ChronologyItem]:  # noqa: ANN001
    for spell in young_person.accommodation_spells.all():
        detail = spell.suitability_label + (f": {spell.unsuitable_reason}" if spell.unsuitable_reason else "")
        if spell.council_provided:
            detail += ". Provided by the council"
        yield ChronologyItem(
            on=spell.start, title=f"Moved to new accommodation: {spell.type_label}", detail=detail,
            kind="accommodation", url=section_url(young_person.pk, f"accommodation-{spell.pk}"),
        )


def staying_put(young_person) -> Iterator[ChronologyItem]:  # noqa: ANN001
    for arrangement in young_person.staying_put_arrangements.all():
        url = section_url(young_person.pk, f"staying_put-{arrangement.pk}")
        yield ChronologyItem(on=arrangement.start, title=f"Staying put with {arrangement.carer} started",
                             kind="staying_put", url=url)
        if arrangement.end is not None:
            yield ChronologyItem(on=arrangement.end, title=f"Staying put with {arrangement.carer} ended",
                                 kind="staying_put", url=url)


def declarations(young_person) -> Iterator[ChronologyItem]:  # noqa: ANN001
    for declaration in young_person.declarations.all():
        yield ChronologyItem(
            on=declaration.told_on, title=declaration.kind_label, detail=declaration.note, kind="declaration",
            url=section_url(young_person.pk, f"declaration-{declaration.pk}"),
        )


def register() -> None:
    register_section("circumstances", "Accommodation and activity", 50, "circumstances:section")
    register_case_facts(circumstances_facts)
    for kind in RECORD_KINDS:
        register_record_link(kind, _record_link(kind))
    register_action(
        "review_staying_put", "Record a review of the staying put arrangement",
        lambda pk: reverse("circumstances:staying-put-review-latest", args=[pk]),
    )
    for source in (moves, staying_put, declarations):
        register_chronology(source)
