from django.apps import apps
from django.conf import settings

from clustermeet.privacy import registry


def _points_to_person(model) -> bool:
    return any(
        field.is_relation
        and (field.many_to_one or field.one_to_one or field.many_to_many)
        and field.related_model is not None
        and field.related_model._meta.label == settings.AUTH_USER_MODEL
        and not field.auto_created
        for field in model._meta.get_fields()
    )


def test_every_model_pointing_to_a_person_is_covered_by_an_exporter_and_eraser():
    covered = registry.covered_models()
    ours = [c for c in apps.get_app_configs() if c.name.startswith("clustermeet.")]
    missing = sorted(
        model._meta.label
        for config in ours
        for model in config.get_models()
        if (_points_to_person(model) or model._meta.label == settings.AUTH_USER_MODEL)
        and model._meta.label not in covered
    )
    assert missing == []


def test_every_app_declares_its_processing():
    labels = [d.app_label for d in registry.declarations()]
    assert labels == [
        "people",
        "hooks",
        "programme",
        "live",
        "cafe",
        "networking",
        "onsite",
        "exhibition",
        "awards",
        "api",
        "privacy",
    ]
    for declaration in registry.declarations():
        assert str(declaration.category) != ""
        assert str(declaration.purpose) != ""
        assert str(declaration.legal_basis) != ""
        assert str(declaration.recipients) != ""


def test_the_people_eraser_runs_last():
    assert [d.app_label for d in registry.erasure_order()][-1] == "people"
