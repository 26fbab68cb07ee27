from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CafeConfig(AppConfig):
    name = "clustermeet.cafe"
    label = "cafe"
    verbose_name = _("World café")
