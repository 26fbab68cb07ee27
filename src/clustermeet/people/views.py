"""Registration, log in (password or one-time link), and the person's own page."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model, login
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.encoding import force_str
from django.utils.http import url_has_allowed_host_and_scheme, urlsafe_base64_decode
from django.utils.translation import gettext as _
from django.views import i18n as i18n_views
from django.views.decorators.http import require_http_methods

from clustermeet.events.queries import get_visible_event, is_invited, registration_of
from clustermeet.people import services
from clustermeet.people.forms import (
    ExistingAccountRegistrationForm,
    LoginForm,
    LoginLinkRequestForm,
    ProfileForm,
    RegistrationForm,
)
from clustermeet.people.models import Registration
from clustermeet.people.tokens import login_link_tokens
from clustermeet.privacy.services import PrivacyError


class LoginView(auth_views.LoginView):
    template_name = "people/login.html"
    authentication_form = LoginForm
    redirect_authenticated_user = True


class LogoutView(auth_views.LogoutView):
    pass


def _safe_next(request, fallback: str) -> str:
    next_url = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return next_url
    return fallback


@require_http_methods(["GET", "POST"])
def register(request, event_slug: str):
    event = get_visible_event(request.user, event_slug)
    person = request.user if request.user.is_authenticated else None
    existing = registration_of(person, event)
    context = {"event": event, "nav": "register", "registration": existing}
    if existing is not None and existing.status != Registration.Status.CANCELLED:
        return render(request, "people/registered.html", context)
    if not event.accepts_registrations:
        return render(request, "people/registration_closed.html", context)
    if event.is_invitation_only and person is not None and not is_invited(person, event):
        return render(request, "people/registration_closed.html", context)

    form_class = ExistingAccountRegistrationForm if person else RegistrationForm
    form_kwargs = {"person": person} if person else {}
    form = form_class(request.POST or None, **form_kwargs)
    if request.method == "POST" and form.is_valid():
        try:
            if person is None:
                registration = services.register(
                    event,
                    form.registration(),
                    profile=form.profile(form.cleaned_data["email"]),
                    password=form.cleaned_data["password"] or None,
                    language=request.LANGUAGE_CODE,
                )
            else:
                registration = services.register(
                    event,
                    form.registration(),
                    person=person,
                    profile=form.profile(person.email),
                    language=request.LANGUAGE_CODE,
                )
        except services.RegistrationError as error:
            form.add_error(None, str(error))
        else:
            context["registration"] = registration
            context["just_registered"] = True
            return render(request, "people/registered.html", context)
    context["form"] = form
    return render(request, "people/register.html", context)


@require_http_methods(["GET", "POST"])
def login_link_request(request):
    form = LoginLinkRequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.request_login_link(form.cleaned_data["email"], _safe_next(request, ""))
        return render(request, "people/login_link_sent.html", {"email": form.cleaned_data["email"]})
    return render(
        request, "people/login_link_request.html", {"form": form, "next": _safe_next(request, "")}
    )


@require_http_methods(["GET", "POST"])
def login_link(request, uidb64: str, token: str):
    """GET shows a button, POST logs in: mail scanners that follow links do not use up the link."""
    try:
        person = get_user_model().objects.get(pk=force_str(urlsafe_base64_decode(uidb64)))
    except (ValueError, TypeError, OverflowError, get_user_model().DoesNotExist):
        person = None
    valid = person is not None and person.is_active and login_link_tokens.check_token(person, token)
    if not valid:
        return render(request, "people/login_link_invalid.html", status=400)
    if request.method == "POST":
        login(request, person, backend="django.contrib.auth.backends.ModelBackend")
        messages.success(request, _("Welcome, %(first_name)s.") % {"first_name": person.first_name})
        return redirect(_safe_next(request, reverse("people:me")))
    return render(
        request,
        "people/login_link_confirm.html",
        {"person": person, "next": _safe_next(request, "")},
    )


@require_http_methods(["POST"])
def set_language(request):
    """The language switcher: Django's view sets the cookie and redirects back; a logged-in
    person's choice is also saved on their profile (their e-mails use it)."""
    response = i18n_views.set_language(request)
    code = request.POST.get("language", "")
    if request.user.is_authenticated and code in dict(settings.LANGUAGES):
        services.set_language(request.user, code)
    return response


@login_required
def me(request):
    registrations = (
        Registration.objects.filter(person=request.user)
        .select_related("event")
        .prefetch_related("roles")
        .order_by("-event__start_date")
    )
    return render(request, "people/me.html", {"registrations": registrations})


@login_required
@require_http_methods(["GET", "POST"])
def profile(request):
    """The person's own profile, which they edit here: the fields recommendations read, the bio,
    and the directory listing of each event they are approved for. Saved in one transaction;
    invalid input saves nothing and is shown again with its errors."""
    person = request.user
    form = ProfileForm(
        request.POST or None,
        person=person,
        registrations=services.directory_registrations(person),
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.save_profile(person, form.profile(person.email), form.directory())
        except PrivacyError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Your profile is saved."))
            return redirect(reverse("people:profile"))
    return render(request, "people/profile.html", {"form": form})
