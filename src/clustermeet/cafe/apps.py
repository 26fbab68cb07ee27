from django.apps import AppConfig


class CafeConfig(AppConfig):
    name = "clustermeet.cafe"
    label = "cafe"
    verbose_name = "World café"
