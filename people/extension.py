"""Where other apps plug into a young person's record, without editing people's files.

Each app registers, in its AppConfig.ready():
- ``register_section``: a page of the young person's record, shown in the record's
  sub-navigation (Overview, Plans and reviews, Contacts …);
- ``register_action``: a named action a duty can ask for ("record_visit"), as a link;
- ``register_record_link``: how to link to a record from its ``ref`` kind ("contact");
- ``register_chronology``: a source of chronology entries (key records feed it);
- ``register_case_facts``: a bulk reader that turns its rows into the compliance
  core's casework facts (see compliance/records.py :class:`CaseFacts`).

Every page of a young person's record calls :func:`young_person_context` and extends
``people/young_person_base.html``, which draws the identity bar and the sub-navigation.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone

from compliance.categories import Category

# -- sections -------------------------------------------------------------------------


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    order: int
    url_name: str  # reversed with the young person's pk


SECTIONS: dict[str, Section] = {}


def register_section(key: str, title: str, order: int, url_name: str) -> None:
    SECTIONS[key] = Section(key, title, order, url_name)


# -- actions and record links -----------------------------------------------------------


@dataclass(frozen=True)
class ActionLink:
    key: str
    label: str  # "Record a visit"
    url_for: Callable[[int], str]  # young person's pk -> URL


ACTIONS: dict[str, ActionLink] = {}
RECORD_LINKS: dict[str, Callable[[int, int], str]] = {}


def register_action(key: str, label: str, url_for: Callable[[int], str]) -> None:
    ACTIONS[key] = ActionLink(key, label, url_for)


def register_record_link(kind: str, url_for: Callable[[int, int], str]) -> None:
    """``url_for(young_person_pk, record_pk)`` for refs of the form "kind:record_pk"."""
    RECORD_LINKS[kind] = url_for


def action_link(key: str, young_person_pk: int) -> tuple[str, str] | None:
    """(label, url) for a duty's action key, or None if no app offers it."""
    action = ACTIONS.get(key)
    return (action.label, action.url_for(young_person_pk)) if action else None


def record_url(ref: str, young_person_pk: int) -> str | None:
    kind, _, pk = ref.partition(":")
    url_for = RECORD_LINKS.get(kind)
    return url_for(young_person_pk, int(pk)) if url_for and pk.isdigit() else None


# -- chronology -------------------------------------------------------------------------


@dataclass(frozen=True)
class ChronologyItem:
    on: dt.date
    title: str  # "Pathway plan version 3 agreed"
    detail: str = ""
    kind: str = ""  # "plan", "review", "contact", "episode", "manual" …
    url: str | None = None
    significant: bool = True


CHRONOLOGY_SOURCES: list[Callable[[object], Iterable[ChronologyItem]]] = []


def register_chronology(source: Callable[[object], Iterable[ChronologyItem]]) -> None:
    """``source(young_person)`` yields that person's entries from one kind of record."""
    if source not in CHRONOLOGY_SOURCES:
        CHRONOLOGY_SOURCES.append(source)


def chronology_for(young_person: object) -> list[ChronologyItem]:
    items = [item for source in CHRONOLOGY_SOURCES for item in source(young_person)]
    return sorted(items, key=lambda item: item.on, reverse=True)


# -- casework facts ---------------------------------------------------------------------

# reader(young_person_ids) -> {young_person_id: {CaseFacts field name: tuple of facts}}
CaseFactsReader = Callable[[list[int]], dict[int, dict[str, object]]]
CASE_FACT_READERS: list[CaseFactsReader] = []


def register_case_facts(reader: CaseFactsReader) -> None:
    if reader not in CASE_FACT_READERS:
        CASE_FACT_READERS.append(reader)


# -- the shared context of a young person's pages ---------------------------------------


def young_person_context(request: HttpRequest, young_person, active: str) -> dict[str, object]:  # noqa: ANN001
    """What ``people/young_person_base.html`` needs: identity bar and sub-navigation.

    Reads the stored status timeline (one query) rather than re-running the rules.
    """
    from casework.models import Allocation
    from people import access
    from people.status import spans_on

    today = timezone.localdate()
    span = spans_on(today).filter(young_person=young_person).first()
    category = Category(span.category) if span else Category.NOT_LOOKED_AFTER
    adviser = (
        Allocation.objects.active_on(today)
        .filter(young_person=young_person, role="personal_adviser")
        .select_related("worker")
        .first()
    )
    sections = sorted(SECTIONS.values(), key=lambda s: s.order)
    return {
        "yp": young_person,
        "today": today,
        "current_category": category,
        "personal_adviser": adviser.worker if adviser else None,
        "yp_sections": [
            {"href": reverse(s.url_name, args=[young_person.pk]), "text": s.title, "active": s.key == active}
            for s in sections
        ],
        "can_edit": access.can_edit(request.user, young_person),
        "can_manage": access.can_manage(request.user, young_person),
    }
