"""URLs of the networking directory pages (filled in by issue 5)."""

urlpatterns: list = []
