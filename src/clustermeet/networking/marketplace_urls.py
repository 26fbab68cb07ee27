"""URLs of the networking marketplace pages (filled in by issue 5)."""

app_name = "marketplace"
urlpatterns: list = []
