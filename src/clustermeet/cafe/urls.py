from django.urls import path

from clustermeet.cafe import views

app_name = "cafe"
urlpatterns = [
    path("sessions/<slug:session_slug>/cafe/", views.my_table, name="my_table"),
    path("sessions/<slug:session_slug>/cafe/signup/", views.sign_up, name="sign_up"),
    path("sessions/<slug:session_slug>/cafe/leave/", views.leave, name="leave"),
    path("sessions/<slug:session_slug>/cafe/organise/", views.organise, name="organise"),
]
