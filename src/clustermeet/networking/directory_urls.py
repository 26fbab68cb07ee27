"""URLs of the networking directory pages (filled in by issue 5)."""

app_name = "directory"
urlpatterns: list = []
