"""The audit form, built from the audit's template version: one field per question, with
"Not applicable" and its reason under every answer.

Field names: ``q<pk>`` is the answer (radios for grades and yes / partly / no, a text box for
free text); ``q<pk>_na`` is a "Not applicable to this file" checkbox, and ``q<pk>_reason``
why, revealed when it is ticked. Not applicable is a checkbox rather than a last radio option
because a conditionally revealed radio carries aria-expanded, which ARIA does not allow on a
radio (axe rule aria-allowed-attr; govuk-frontend issue 979); a checkbox may carry it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django import forms

from caseaudits.actions import AnswerData
from caseaudits.models import Answer, Audit, Grade, Met, Question, QuestionKind, Section
from web.forms import VersionedForm

KIND_CHOICES = {
    QuestionKind.GRADE: [(str(g.value), g.label) for g in Grade],
    QuestionKind.YES_PARTLY_NO: list(Met.choices),
}


class AnswersForm(VersionedForm):
    def __init__(self, *args: Any, questions: list[Question], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.questions = questions
        for question in questions:
            name = f"q{question.pk}"
            if question.kind == QuestionKind.FREE_TEXT:
                self.fields[name] = forms.CharField(label=question.text, required=False, widget=forms.Textarea)
            else:
                self.fields[name] = forms.ChoiceField(label=question.text, choices=KIND_CHOICES[QuestionKind(question.kind)],
                                                      required=False, widget=forms.RadioSelect)
                self.fields[name].error_messages["invalid_choice"] = f"Select one of the answers to “{question.text}”"
            self.fields[f"{name}_na"] = forms.BooleanField(label="Not applicable to this file", required=False)
            self.fields[f"{name}_reason"] = forms.CharField(
                label="Why is this not applicable?", required=False, widget=forms.Textarea(attrs={"rows": 3})
            )

    @staticmethod
    def initial_for(audit: Audit, answers: list[Answer]) -> dict[str, Any]:
        initial: dict[str, Any] = {"version": audit.version}
        for answer in answers:
            name = f"q{answer.question_id}"
            if answer.not_applicable:
                initial[f"{name}_na"] = True
                initial[f"{name}_reason"] = answer.not_applicable_reason
            elif answer.grade is not None:
                initial[name] = str(answer.grade)
            else:
                initial[name] = answer.met or answer.text
        return initial

    def answers(self) -> dict[int, AnswerData]:
        data = self.cleaned_data
        found = {}
        for question in self.questions:
            name = f"q{question.pk}"
            value = data.get(name) or ""
            if data.get(f"{name}_na"):  # ticked: whatever else was chosen gives way
                reason = (data.get(f"{name}_reason") or "").strip()
                found[question.pk] = AnswerData(not_applicable=True, not_applicable_reason=reason)
            elif question.kind == QuestionKind.FREE_TEXT:
                found[question.pk] = AnswerData(text=value.strip())
            elif question.kind == QuestionKind.GRADE:
                found[question.pk] = AnswerData(grade=int(value) if value else None)
            else:
                found[question.pk] = AnswerData(met=value)
        return found


@dataclass(frozen=True)
class QuestionView:
    """What the template needs to draw one question through the GOV.UK macros."""

    question: Question
    answer: forms.BoundField
    reason: forms.BoundField
    not_applicable: forms.BoundField

    @property
    def is_text(self) -> bool:
        return self.question.kind == QuestionKind.FREE_TEXT

    def items(self) -> list[dict[str, Any]]:
        value = self.answer.value()
        return [{"value": v, "text": label, "checked": str(value) == v} for v, label in self.answer.field.choices]


def layout(form: AnswersForm, sections: list[Section]) -> list[tuple[Section, list[QuestionView]]]:
    by_section: dict[int, list[QuestionView]] = {s.pk: [] for s in sections}
    for question in form.questions:
        name = f"q{question.pk}"
        by_section[question.section_id].append(
            QuestionView(question, form[name], form[f"{name}_reason"], form[f"{name}_na"])
        )
    return [(section, by_section[section.pk]) for section in sections]
