from django.apps import AppConfig


class ProgrammeConfig(AppConfig):
    name = "clustermeet.programme"
    label = "programme"
    verbose_name = "Programme"
