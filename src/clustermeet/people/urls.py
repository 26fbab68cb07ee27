from django.urls import path

from clustermeet.people import views

app_name = "people"
urlpatterns = [
    path("login/", views.LoginView.as_view(), name="login"),
    path("logout/", views.LogoutView.as_view(), name="logout"),
    path("login/link/", views.login_link_request, name="login_link_request"),
    path("login/link/<uidb64>/<token>/", views.login_link, name="login_link"),
    path("me/", views.me, name="me"),
    path("me/profile/", views.profile, name="profile"),
]
