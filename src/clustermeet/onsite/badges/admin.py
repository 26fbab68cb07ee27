"""The back office of badges: each kind's design per event, the event's badge logo, the
prints, the badges themselves (the door's note), and `RegistrationBadges`, mixed into the
registration list: the *Print badges* actions for the selected registrations and, on a
registration's page, print its badge or reissue it."""

import re

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from clustermeet.events.models import Event
from clustermeet.onsite.badges import queries, services, tasks
from clustermeet.onsite.errors import OnsiteError
from clustermeet.onsite.models import Badge, BadgeDesign, BadgePrint, BadgeSettings
from clustermeet.people.models import Registration

MAX_LOGO_BYTES = 2 * 1024 * 1024
BUTTON_STYLE = "padding:.45rem .8rem;font-size:.85rem"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
# What an SVG logo must not hold: scripts, entity declarations (XML bombs), links out.
SVG_REFUSED = re.compile(rb"<!ENTITY|<script|\son\w+\s*=|xlink:href\s*=\s*[\"'](?!#|data:)", re.I)


def validate_logo(upload) -> None:
    """A logo is a PNG or an SVG (by its content, not only its name), at most 2 MB, and an SVG
    holds no script, entity or outside link (the renderer would refuse to fetch it anyway)."""
    name = upload.name.lower()
    if upload.size > MAX_LOGO_BYTES:
        raise forms.ValidationError(_("The logo may be at most 2 MB."))
    upload.seek(0)
    data = upload.read()
    upload.seek(0)
    if name.endswith(".png"):
        if not data.startswith(PNG_SIGNATURE):
            raise forms.ValidationError(_("This file is not a PNG image."))
    elif name.endswith(".svg"):
        if b"<svg" not in data[:4096].lower() or SVG_REFUSED.search(data):
            raise forms.ValidationError(
                _("This file is not an SVG image without scripts or outside links.")
            )
    else:
        raise forms.ValidationError(_("Upload the logo as SVG or PNG."))


class BadgeSettingsForm(forms.ModelForm):
    class Meta:
        model = BadgeSettings
        fields = ["event", "logo"]
        widgets = {"logo": forms.ClearableFileInput(attrs={"accept": ".svg,.png"})}

    def clean_logo(self):
        logo = self.cleaned_data.get("logo")
        if logo and hasattr(logo, "content_type"):  # a new upload
            validate_logo(logo)
        return logo


@admin.register(BadgeSettings)
class BadgeSettingsAdmin(admin.ModelAdmin):
    form = BadgeSettingsForm
    list_display = ["event", "logo"]
    list_select_related = ["event"]
    list_filter = ["event"]


class BadgeDesignForm(forms.ModelForm):
    class Meta:
        model = BadgeDesign
        fields = ["event", "kind", "colour", "label", "style"]
        widgets = {"colour": forms.TextInput(attrs={"type": "color"})}

    def clean_colour(self):
        colour = self.cleaned_data["colour"].strip()
        if not re.fullmatch(r"#[0-9a-fA-F]{6}", colour):
            raise forms.ValidationError(_("Write the colour as #rrggbb."))
        return colour.upper()


@admin.register(BadgeDesign)
class BadgeDesignAdmin(admin.ModelAdmin):
    form = BadgeDesignForm
    list_display = ["event", "kind", "swatch", "label", "style"]
    list_select_related = ["event"]
    list_filter = ["event", "kind"]

    @admin.display(description=gettext_lazy("colour"))
    def swatch(self, design: BadgeDesign) -> str:
        return format_html(
            '<span style="display:inline-block;width:1.2em;height:1.2em;vertical-align:middle;'
            'border:1px solid #666;background:{}"></span> <code>{}</code>',
            design.colour,
            design.colour,
        )


@admin.register(BadgePrint)
class BadgePrintAdmin(admin.ModelAdmin):
    """Prints are made by the job; the back office lists them and links to their page."""

    list_display = ["created_at", "event", "layout", "status", "done", "total", "requested_by"]
    list_select_related = ["event", "requested_by"]
    list_filter = ["event", "status", "layout"]
    readonly_fields = [f.name for f in BadgePrint._meta.fields]
    exclude = ["registrations"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Badge)
class BadgeAdmin(admin.ModelAdmin):
    """A badge's note for the door is edited here; issuing and revoking go through the
    registration's page (reissue) so the rule of one valid badge holds."""

    list_display = ["registration", "issued_at", "revoked_at", "note"]
    list_select_related = ["registration__person", "registration__event"]
    list_filter = ["registration__event", ("revoked_at", admin.EmptyFieldListFilter)]
    search_fields = ["registration__person__last_name", "registration__person__email", "note"]
    fields = ["registration", "issued_at", "revoked_at", "note"]
    readonly_fields = ["registration", "issued_at", "revoked_at"]

    def has_add_permission(self, request):
        return False


class RegistrationBadges:
    """Badges from the registration list (mixed into `people.admin.RegistrationAdmin`)."""

    badge_actions = ["print_badges_a6", "print_badges_a4"]

    def _print_selected(self, request, queryset, layout: str):
        by_event: dict[int, list[int]] = {}
        for pk, event_id in queryset.order_by(
            "event_id", "person__last_name", "person__first_name", "pk"
        ).values_list("pk", "event_id"):
            by_event.setdefault(event_id, []).append(pk)
        prints = []
        events = Event.objects.in_bulk(list(by_event))
        for event_id, ids in by_event.items():
            event = events[event_id]
            try:
                badge_print = services.request_print(event, request.user, layout, ids)
            except OnsiteError as error:
                self.message_user(request, f"{event}: {error}", messages.WARNING)
                continue
            tasks.schedule(badge_print)
            prints.append(badge_print)
        if len(prints) == 1:
            return HttpResponseRedirect(_progress_url(prints[0]))
        for badge_print in prints:
            self.message_user(
                request,
                format_html(
                    '{}: <a href="{}">{}</a>',
                    badge_print.event,
                    _progress_url(badge_print),
                    _("the badge print"),
                ),
                messages.SUCCESS,
            )
        return None

    @admin.action(description=gettext_lazy("Print badges (A6)"), permissions=["view"])
    def print_badges_a6(self, request, queryset):
        return self._print_selected(request, queryset, BadgePrint.Layout.A6)

    @admin.action(description=gettext_lazy("Print badges (A4 sheets)"), permissions=["view"])
    def print_badges_a4(self, request, queryset):
        return self._print_selected(request, queryset, BadgePrint.Layout.A4)

    @admin.display(description=gettext_lazy("badge"))
    def badge(self, registration: Registration) -> str:
        """On the registration's page: its badge and buttons that print or reissue it (they
        send the change form to the badge URLs with `formaction`, so no form nests in it)."""
        if registration.pk is None or registration.status != Registration.Status.APPROVED:
            return _("Only an approved registration has a badge.")
        badge = queries.valid_badge(registration)
        info = (
            _("Issued %(when)s.")
            % {"when": date_format(timezone.localtime(badge.issued_at), "SHORT_DATETIME_FORMAT")}
            if badge
            else _("No badge issued yet.")
        )
        buttons = [
            format_html(
                '<button type="submit" class="button" formmethod="post" formaction="{}"'
                ' formnovalidate style="{}">{}</button>',
                reverse("admin:people_registration_badge", args=[registration.pk, layout]),
                BUTTON_STYLE,
                label,
            )
            for layout, label in (("a6", _("Print badge (A6)")), ("a4", _("Print badge (A4)")))
        ]
        if badge:
            buttons.append(
                format_html(
                    '<a class="button" href="{}" style="{}">{}</a>',
                    reverse("admin:people_registration_reissue", args=[registration.pk]),
                    BUTTON_STYLE,
                    _("Reissue the badge…"),
                )
            )
        return format_html(
            '<p>{}</p><p style="display:flex;flex-wrap:wrap;gap:.5rem">{}</p>',
            info,
            format_html_join("", "{}", ((b,) for b in buttons)),
        )

    def get_urls(self):
        return [
            path(
                "<int:pk>/badge/<str:layout>/",
                self.admin_site.admin_view(require_POST(self.print_one_view)),
                name="people_registration_badge",
            ),
            path(
                "<int:pk>/badge-reissue/",
                self.admin_site.admin_view(
                    require_http_methods(["GET", "POST"])(self.reissue_view)
                ),
                name="people_registration_reissue",
            ),
            *super().get_urls(),
        ]

    def _registration(self, request, pk: int) -> Registration:
        registration = get_object_or_404(Registration.objects.select_related("event"), pk=pk)
        if not self.has_view_permission(request, registration):
            raise PermissionDenied
        return registration

    def print_one_view(self, request, pk: int, layout: str):
        registration = self._registration(request, pk)
        change = reverse("admin:people_registration_change", args=[pk])
        try:
            badge_print = services.request_print(
                registration.event, request.user, layout, [registration.pk]
            )
        except OnsiteError as error:
            self.message_user(request, str(error), messages.ERROR)
            return HttpResponseRedirect(change)
        tasks.schedule(badge_print)
        return HttpResponseRedirect(_progress_url(badge_print))

    def reissue_view(self, request, pk: int):
        """GET asks to confirm (the old badge stops working at the door); POST reissues."""
        registration = self._registration(request, pk)
        change = reverse("admin:people_registration_change", args=[pk])
        if request.method == "GET":
            context = {
                **self.admin_site.each_context(request),
                "opts": self.model._meta,
                "title": _("Reissue the badge"),
                "registration": registration,
                "badge": queries.valid_badge(registration),
            }
            return TemplateResponse(request, "onsite/badges/admin_reissue.html", context)
        try:
            services.reissue_badge(registration, request.user)
        except OnsiteError as error:
            self.message_user(request, str(error), messages.ERROR)
        else:
            self.message_user(
                request,
                _("A new badge is issued: the old badge's QR code is refused at the door."),
                messages.SUCCESS,
            )
        return HttpResponseRedirect(change)


def _progress_url(badge_print: BadgePrint) -> str:
    return reverse("badges:progress", args=[badge_print.event.slug, badge_print.pk])
