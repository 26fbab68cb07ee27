"""Awards URLs, under /events/<event_slug>/awards/: the overview and the ballots (`awards:`),
the nominations (`nominations:`), the jury (`jury:`) and the results, the stage and the log
(`results:`)."""

from django.urls import include, path

urlpatterns = [
    path("awards/", include("clustermeet.awards.voting.urls")),
    path("awards/", include("clustermeet.awards.nominations.urls")),
    path("awards/", include("clustermeet.awards.jury.urls")),
    path("awards/", include("clustermeet.awards.results.urls")),
]
