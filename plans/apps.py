from django.apps import AppConfig
from django.urls import reverse


def _to(name: str, *extra: object):  # noqa: ANN202
    return lambda pk: reverse(name, args=[pk, *extra])


def _record(name: str):  # noqa: ANN202
    return lambda pk, record_pk: reverse(name, args=[pk, record_pk])


class PlansConfig(AppConfig):
    name = "plans"

    def ready(self) -> None:
        from people import extension
        from plans.chronology import plans_chronology
        from plans.facts import plan_facts

        extension.register_section("plans", "Plans and reviews", 20, "plans:index")
        # The duty engine's action keys. "Current" links resolve when followed, so a
        # duty list costs no query per row.
        for key, label, url_for in (
            ("record_assessment", "Record a needs assessment", _to("plans:assessment-new")),
            # One label for every state the page can open in: the first plan, a draft, a new version.
            ("create_plan", "Start or update the pathway plan", _to("plans:version-new")),
            ("edit_plan", "Update the pathway plan", _to("plans:current", "edit")),
            ("review_plan", "Record a pathway plan review", _to("plans:review-new")),
            ("sign_plan", "Record sign-off of the pathway plan", _to("plans:current", "sign")),
            ("authorise_plan", "Authorise the pathway plan", _to("plans:current", "authorise")),
            ("record_copy_given", "Record that they were given a copy of the plan", _to("plans:current", "copy-given")),
            ("record_review_involvement", "Record how people took part in the review",
             _to("plans:review-involvement-latest")),
        ):
            extension.register_action(key, label, url_for)
        extension.register_record_link("assessment", _record("plans:assessment"))
        extension.register_record_link("plan", _record("plans:version"))
        extension.register_record_link("review", _record("plans:review"))
        extension.register_record_link("review_request", _record("plans:request"))
        extension.register_chronology(plans_chronology)
        extension.register_case_facts(plan_facts)
