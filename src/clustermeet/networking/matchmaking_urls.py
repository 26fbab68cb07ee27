"""URLs of the networking matchmaking pages (filled in by issue 5)."""

urlpatterns: list = []
