"""Which app holds which personal data, and how to export and erase it.

Each app's `privacy` module calls `register(...)` for the models it owns that point to a person:
an exporter (person → a JSON-able dict of every record about them in that app), an eraser
(person → anonymises or deletes them, returns counts) and what the processing is: data category,
purpose, legal basis and recipients, for the record of processing activities. `autodiscover()`
(run by the privacy app's ready()) imports `<app>.privacy` for every installed app, as
admin.autodiscover does, so this module imports no app."""

from collections.abc import Callable
from dataclasses import dataclass

from django.apps import apps
from django.utils.functional import Promise
from django.utils.module_loading import autodiscover_modules

Exporter = Callable[[object], dict]
Eraser = Callable[[object], dict[str, int]]


@dataclass(frozen=True)
class Declaration:
    app_label: str
    models: tuple[str, ...]  # "app_label.ModelName"
    category: Promise | str
    purpose: Promise | str
    legal_basis: Promise | str
    recipients: Promise | str
    export: Exporter
    erase: Eraser
    # Erasers run from the highest order to the lowest (the account itself last).
    order: int = 50


_declarations: dict[str, Declaration] = {}


def register(
    app_label: str,
    *,
    models: list[str] | tuple[str, ...],
    category,
    purpose,
    legal_basis,
    recipients,
    export: Exporter,
    erase: Eraser,
    order: int = 50,
) -> Declaration:
    """Register (or replace) an app's declaration."""
    declaration = Declaration(
        app_label=app_label,
        models=tuple(models),
        category=category,
        purpose=purpose,
        legal_basis=legal_basis,
        recipients=recipients,
        export=export,
        erase=erase,
        order=order,
    )
    _declarations[app_label] = declaration
    return declaration


def autodiscover() -> None:
    autodiscover_modules("privacy")


def declarations() -> list[Declaration]:
    """In the order of INSTALLED_APPS."""
    order = {config.label: i for i, config in enumerate(apps.get_app_configs())}
    return sorted(_declarations.values(), key=lambda d: order.get(d.app_label, len(order)))


def erasure_order() -> list[Declaration]:
    return sorted(_declarations.values(), key=lambda d: -d.order)


def covered_models() -> set[str]:
    return {model for declaration in _declarations.values() for model in declaration.models}


def iso(value) -> str | None:
    """A date or datetime as ISO 8601 text (None stays None), for exporters."""
    return value.isoformat() if value is not None else None
