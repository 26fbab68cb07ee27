from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PaperConfig(AppConfig):
    name = "clustermeet.paper"
    label = "paper"
    verbose_name = _("Output paper")
