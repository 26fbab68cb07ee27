"""The output paper's tables as CSV and XLSX, under /events/<event>/paper/ (`paper:exports:`)."""

from django.urls import path

from clustermeet.paper.exports import views

app_name = "exports"

urlpatterns = [
    path("tables/", views.index, name="index"),
    path("tables/all.xlsx", views.workbook, name="workbook"),
    path("tables/<int:number>.csv", views.csv, name="csv"),
    path("tables/<int:number>.xlsx", views.xlsx, name="xlsx"),
]
