from django.urls import include, path

from clustermeet.paper import views

app_name = "paper"

urlpatterns = [
    path("paper/", views.preview, name="preview"),
    path("paper/", include("clustermeet.paper.pdfs.urls")),
    path("paper/", include("clustermeet.paper.exports.urls")),
    path("paper/", include("clustermeet.paper.compare.urls")),
    path("paper/edit/", views.edit, name="edit"),
    path("paper/edit/sections/", views.sections, name="sections"),
    path("paper/edit/colours/", views.colours, name="colours"),
    path("paper/edit/cover/", views.cover, name="cover"),
    path("paper/edit/introduction/", views.introduction, name="introduction"),
    path("paper/edit/takeaways/", views.takeaways, name="takeaways"),
    path("paper/edit/render/", views.render_text, name="render"),
    path("paper/publish/", views.publish, name="publish"),
    path("paper/unpublish/", views.unpublish, name="unpublish"),
    path("output-paper/", views.public, name="public"),
]
