"""URLs of the networking matchmaking pages (filled in by issue 5)."""

app_name = "matchmaking"
urlpatterns: list = []
