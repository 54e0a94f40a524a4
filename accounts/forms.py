"""Sign-in form with GOV.UK error messages."""

from __future__ import annotations

from django import forms
from django.contrib.auth.forms import AuthenticationForm

from web.forms import GovukForm


class SignInForm(AuthenticationForm):
    error_messages = {
        "invalid_login": "Enter a correct username and password",
        "inactive": "This account has been switched off. Ask your administrator to switch it back on",
    }

    def __init__(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        self.label_suffix = ""
        self.fields["username"].label = "Username"
        self.fields["username"].error_messages["required"] = "Enter your username"
        self.fields["username"].widget.attrs.update(autocomplete="username", spellcheck=False)
        self.fields["password"].error_messages["required"] = "Enter your password"
        self.fields["password"].widget.attrs.update(autocomplete="current-password")

    apply_errors = GovukForm.apply_errors
