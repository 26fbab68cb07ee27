from django.urls import include, path

from clustermeet.paper import views

app_name = "paper"

urlpatterns = [
    path("paper/", views.preview, name="preview"),
    path("paper/paper.pdf", views.pdf, name="pdf"),
    path("paper/", include("clustermeet.paper.pdfs.urls")),
    path("paper/", include("clustermeet.paper.exports.urls")),
    path("paper/", include("clustermeet.paper.compare.urls")),
]
