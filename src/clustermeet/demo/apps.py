from django.apps import AppConfig


class DemoConfig(AppConfig):
    """The demo conference: above every app (it may import them all; none imports it). An app
    only so that Django finds its `clustermeet demo` command; it has no models."""

    name = "clustermeet.demo"
    label = "demo"
    verbose_name = "Demo"
