from django.apps import AppConfig


class NetworkingConfig(AppConfig):
    name = "clustermeet.networking"
    label = "networking"
    verbose_name = "Networking"
