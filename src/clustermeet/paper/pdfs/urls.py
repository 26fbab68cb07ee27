"""The PDFs of the output paper, under /events/<event>/paper/ (`paper:pdfs:`)."""

from django.urls import path

from clustermeet.paper.pdfs import views

app_name = "pdfs"

urlpatterns = [
    path("pdf/", views.organisers, name="organisers"),
    path("pdf/builds/<int:pk>/", views.organisers_progress, name="organisers_progress"),
    path("public.pdf", views.public, name="public"),
    path("public/builds/<int:pk>/", views.public_progress, name="public_progress"),
]
