from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PrivacyConfig(AppConfig):
    name = "clustermeet.privacy"
    label = "privacy"
    verbose_name = _("Privacy")

    def ready(self) -> None:
        # Every app's `privacy` module registers its exporter and eraser (as admin.autodiscover).
        from clustermeet.privacy import registry

        registry.autodiscover()
