from django.contrib.auth import views as auth_views
from django.http import HttpResponse


class LoginView(auth_views.LoginView):
    pass


class LogoutView(auth_views.LogoutView):
    pass


def register(request, event_slug):
    return HttpResponse("")


def login_link_request(request):
    return HttpResponse("")


def login_link(request, uidb64, token):
    return HttpResponse("")


def me(request):
    return HttpResponse("")
