"""URLs of the networking meetings pages (filled in by issue 5)."""

app_name = "meetings"
urlpatterns: list = []
