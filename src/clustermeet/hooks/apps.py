from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HooksConfig(AppConfig):
    name = "clustermeet.hooks"
    label = "hooks"
    verbose_name = _("Webhooks")
