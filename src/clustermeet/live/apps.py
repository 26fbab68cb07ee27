from django.apps import AppConfig


class LiveConfig(AppConfig):
    name = "clustermeet.live"
    label = "live"
    verbose_name = "Live interaction"
