from django.urls import path

from clustermeet.paper import views

app_name = "paper"

urlpatterns = [
    path("paper/", views.preview, name="preview"),
    path("paper/paper.pdf", views.pdf, name="pdf"),
]
