"""The Jinja2 environment: GOV.UK Frontend's official macros plus our helpers."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.messages import get_messages
from django.templatetags.static import static
from django.urls import reverse
from jinja2 import ChoiceLoader, Environment, PackageLoader, PrefixLoader

from web import formatting
from web.fields import error_summary, field


def url(name: str, *args: Any, **kwargs: Any) -> str:
    return reverse(name, args=args or None, kwargs=kwargs or None)


def environment(**options: Any) -> Environment:
    # The macros import each other as "govuk_frontend_jinja/components/...", so they
    # load through a prefix over the package, beside our own template folders.
    options["loader"] = ChoiceLoader(
        [
            options["loader"],
            PrefixLoader({"govuk_frontend_jinja": PackageLoader("govuk_frontend_jinja")}),
        ]
    )
    options["extensions"] = [*options.get("extensions", []), "jinja2.ext.do"]
    options.setdefault("trim_blocks", True)
    options.setdefault("lstrip_blocks", True)
    env = Environment(**options)
    env.globals.update(
        static=static,
        url=url,
        get_messages=get_messages,
        field=field,
        error_summary=error_summary,
        service_name=settings.SERVICE_NAME,
        council_name=settings.COUNCIL_NAME,
    )
    env.filters.update(
        govuk_date=formatting.govuk_date,
        govuk_date_short=formatting.govuk_date_short,
        govuk_datetime=formatting.govuk_datetime,
        age=formatting.age_on,
    )
    return env
