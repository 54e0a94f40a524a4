"""Render Django form fields through GOV.UK Frontend's official Jinja macros.

Python builds each macro's parameters from the bound field (label, hint, value,
errors); the macro itself renders it, so markup stays exactly the Design System's.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone
from jinja2 import Environment, pass_environment
from markupsafe import Markup

from web.forms import GovukDateWidget

_MACROS = {
    "govukInput": "input",
    "govukSelect": "select",
    "govukRadios": "radios",
    "govukCheckboxes": "checkboxes",
    "govukTextarea": "textarea",
    "govukDateInput": "date-input",
    "govukErrorSummary": "error-summary",
}


def _macro(env: Environment, name: str) -> Any:
    template = env.get_template(f"govuk_frontend_jinja/components/{_MACROS[name]}/macro.html")
    return getattr(template.module, name)


def _error(bf: forms.BoundField) -> dict[str, str] | None:
    return {"text": " ".join(str(e) for e in bf.errors)} if bf.errors else None


def _choices_items(bf: forms.BoundField, selected: set[str]) -> list[dict[str, Any]]:
    items = []
    for value, label in bf.field.choices:  # type: ignore[attr-defined]
        value = "" if value is None else str(value)
        items.append({"value": value, "text": str(label), "selected": value in selected, "checked": value in selected})
    return items


def field_anchor(bf: forms.BoundField) -> str:
    """Where the error summary links to: the first input of the field."""
    if isinstance(bf.field.widget, GovukDateWidget):
        codes = [e.code for e in bf.form.errors.as_data().get(bf.name, [])]
        part = next((c for c in codes if c in ("day", "month", "year")), "day")
        return f"{bf.auto_id}_{part}"
    if isinstance(bf.field.widget, (forms.RadioSelect, forms.CheckboxSelectMultiple)):
        return bf.auto_id
    return bf.auto_id


@pass_environment
def field(env: Environment, bf: forms.BoundField, **options: Any) -> Markup:
    """Render one bound field. Options pass through to the macro (for example classes)."""
    widget = bf.field.widget
    label_text = str(bf.label)
    hint = options.pop("hint", bf.help_text or None)
    is_heading = options.pop("page_heading", False)
    label = {"text": label_text, "isPageHeading": is_heading, "classes": "govuk-label--l" if is_heading else ""}
    params: dict[str, Any] = {
        "id": bf.auto_id,
        "name": bf.html_name,
        "errorMessage": _error(bf),
    }
    if hint:
        params["hint"] = {"text": str(hint)}

    if isinstance(widget, GovukDateWidget):
        day, month, year = (bf.value() if isinstance(bf.value(), (list, tuple)) else widget.decompress(bf.value()))
        has_error = bool(bf.errors)
        params.update(
            fieldset={"legend": {"text": label_text, "isPageHeading": is_heading,
                                 "classes": "govuk-fieldset__legend--l" if is_heading else "govuk-fieldset__legend--s"}},
            items=[
                {"id": f"{bf.auto_id}_{part}", "name": f"{bf.html_name}_{part}", "label": part.capitalize(),
                 "value": value or "", "classes": f"govuk-input--width-{width}" + (" govuk-input--error" if has_error else "")}
                for part, value, width in (("day", day, 2), ("month", month, 2), ("year", year, 4))
            ],
        )
        params.pop("name")
        if not hint:
            # A birth date's example is a care leaver's; any other date's is a recent one.
            year = timezone.localdate().year - (19 if "birth" in label_text.lower() else 0)
            params["hint"] = {"text": f"For example, 27 3 {year}"}
        macro = "govukDateInput"
    elif isinstance(widget, forms.RadioSelect):
        value = bf.value()
        params.update(
            fieldset={"legend": {"text": label_text, "isPageHeading": is_heading,
                                 "classes": "govuk-fieldset__legend--l" if is_heading else "govuk-fieldset__legend--s"}},
            items=[i for i in _choices_items(bf, {str(value)} if value not in (None, "") else set()) if i["value"] != ""],
            idPrefix=bf.auto_id,
        )
        macro = "govukRadios"
    elif isinstance(widget, forms.CheckboxInput):
        item = {"value": "on", "text": label_text, "checked": bool(bf.value()), "id": bf.auto_id}
        if params.pop("hint", None):  # a single box's hint belongs under its own label
            item["hint"] = {"text": str(hint)}
        params.update(items=[item], idPrefix=bf.auto_id)
        macro = "govukCheckboxes"
    elif isinstance(widget, forms.Select):
        value = bf.value()
        params.update(label=label, items=_choices_items(bf, {"" if value is None else str(value)}))
        macro = "govukSelect"
    elif isinstance(widget, forms.Textarea):
        params.update(label=label, value=bf.value() or "")
        macro = "govukTextarea"
    else:
        input_type = getattr(widget, "input_type", "text")
        params.update(label=label, value=bf.value() if bf.value() is not None else "", type=input_type)
        if isinstance(widget, forms.PasswordInput):
            params["value"] = ""
        macro = "govukInput"

    for key in ("autocomplete", "spellcheck", "inputmode"):
        if key in widget.attrs and key not in options:
            params[key] = widget.attrs[key]
    params.update(options)
    return Markup(_macro(env, macro)(params))


@pass_environment
def error_summary(env: Environment, *forms_: forms.BaseForm) -> Markup:
    """GOV.UK error summary for one or more forms; empty when there are no errors."""
    errors: list[dict[str, str]] = []
    for form in forms_:
        if form is None or not form.is_bound:
            continue
        for message in form.non_field_errors():
            errors.append({"text": str(message), "href": "#main-content"})
        for bf in form:
            for message in bf.errors:
                errors.append({"text": str(message), "href": f"#{field_anchor(bf)}"})
    if not errors:
        return Markup("")
    return Markup(_macro(env, "govukErrorSummary")({"titleText": "There is a problem", "errorList": errors}))
