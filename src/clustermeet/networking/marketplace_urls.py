"""URLs of the networking marketplace pages (filled in by issue 5)."""

urlpatterns: list = []
