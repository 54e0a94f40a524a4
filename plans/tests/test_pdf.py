"""The plan as a PDF for the young person: "Your pathway plan", in their preferred name."""

from __future__ import annotations

import io

import pytest
from django.urls import reverse
from pypdf import PdfReader

from conftest import client_for

pytestmark = pytest.mark.django_db


def _text(response) -> str:
    reader = PdfReader(io.BytesIO(b"".join(response.streaming_content) if response.streaming else response.content))
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


def test_the_pdf_speaks_to_the_young_person_by_their_preferred_name(pa, jordan, agreed):
    jordan.preferred_name = "Jojo"
    jordan.save()
    response = client_for(pa).get(reverse("plans:version-pdf", args=[jordan.pk, agreed.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert 'filename="pathway-plan-JR001-v1.pdf"' in response["Content-Disposition"]
    text = _text(response)
    assert "Your pathway plan" in text
    assert "Hello Jojo" in text
    assert "Your health, including how you feel" in text and "Actions for health" in text
    assert "agreed with you on 1 June 2026" in text
    assert "at least every 4 weeks" in text
    assert "If things go wrong" in text and "call the duty team" in text


def test_a_draft_says_it_is_not_agreed_yet(pa, jordan, draft):
    text = _text(client_for(pa).get(reverse("plans:version-pdf", args=[jordan.pk, draft.pk])))
    assert "This is a draft: it has not been agreed with you yet" in text
    assert "Hello Jordan" in text
