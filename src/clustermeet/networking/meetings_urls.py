"""URLs of the networking meetings pages (filled in by issue 5)."""

urlpatterns: list = []
