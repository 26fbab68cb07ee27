from django.apps import AppConfig


class PeopleConfig(AppConfig):
    name = "clustermeet.people"
    label = "people"
    verbose_name = "People"
