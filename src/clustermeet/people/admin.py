"""The organisers' back office for people, organisations, registrations and invitations."""

from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.db.models import Count
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext, pgettext_lazy
from django_countries.filters import CountryFilter

from clustermeet.events.admin import URL_FIELDS_ASSUME_HTTPS
from clustermeet.onsite.badges.admin import RegistrationBadges
from clustermeet.people import services
from clustermeet.people.models import Invitation, Organisation, Person, Registration, Role
from clustermeet.people.spreadsheets import RegistrationSpreadsheets


@admin.register(Person)
class PersonAdmin(admin.ModelAdmin):
    list_display = ["full_name", "email", "organisation", "country", "is_staff", "date_joined"]
    list_select_related = ["organisation"]
    list_filter = [("country", CountryFilter), "is_staff", "is_active"]
    search_fields = ["first_name", "last_name", "email", "organisation__name"]
    autocomplete_fields = ["organisation"]
    filter_horizontal = ["ecosystems", "groups", "user_permissions"]
    prepopulated_fields = {"slug": ["first_name", "last_name"]}
    readonly_fields = ["last_login", "date_joined"]
    ordering = ["last_name", "first_name"]
    # The password (even its hash) is never shown or edited here: people set their own, or log
    # in with one-time links.
    fieldsets = [
        (None, {"fields": ["email", "first_name", "last_name", "slug"]}),
        (
            gettext_lazy("Profile"),
            {
                "fields": [
                    "organisation",
                    "job_title",
                    "country",
                    "bio",
                    "offering",
                    "looking_for",
                    "ecosystems",
                ]
            },
        ),
        (
            gettext_lazy("Access"),
            {
                "classes": ["collapse"],
                "fields": [
                    "is_active",
                    "is_staff",
                    "is_superuser",
                    "groups",
                    "user_permissions",
                    "last_login",
                    "date_joined",
                ],
            },
        ),
    ]

    @admin.display(description=gettext_lazy("name"), ordering="last_name")
    def full_name(self, person: Person) -> str:
        return person.full_name

    def save_model(self, request, obj, form, change):
        obj.email = obj.email.strip().lower()
        if not change:
            obj.set_unusable_password()  # a login link or "forgot password" sets one
        super().save_model(request, obj, form, change)


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["name", "type", "country", "city", "people_count"]
    list_filter = ["type", ("country", CountryFilter)]
    search_fields = ["name", "city"]
    filter_horizontal = ["ecosystems"]
    formfield_overrides = URL_FIELDS_ASSUME_HTTPS

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(people_count=Count("people"))

    @admin.display(description=gettext_lazy("people"), ordering="people_count")
    def people_count(self, organisation: Organisation) -> int:
        return organisation.people_count


@admin.register(Role)
class RoleAdmin(admin.ModelAdmin):
    """Reference data created by a migration: code looks roles up by their code."""

    list_display = ["name", "code", "position"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Registration)
class RegistrationAdmin(RegistrationBadges, RegistrationSpreadsheets, admin.ModelAdmin):
    # Six columns that fit a 1280 px window: what an organiser decides on first (the status),
    # then who, from where, for which event, in which roles, since when. Country, stakeholder
    # type, source and directory consent are in the filters, the change form and the export.
    list_display = [
        "status_badge",
        "participant",
        "organisation",
        "event",
        "role_names",
        "registered",
    ]
    list_display_links = ["participant"]
    # One query for the page (person, organisation, event joined), one for the roles of its
    # rows, whatever the number of rows; no second COUNT(*) for "N total".
    list_select_related = ["person", "person__organisation", "event"]
    list_per_page = 50
    show_full_result_count = False
    list_filter = ["status", "event", "roles", "stakeholder_type", "source", "created_at"]
    search_fields = [
        "person__first_name",
        "person__last_name",
        "person__email",
        "person__organisation__name",
    ]
    autocomplete_fields = ["person"]
    filter_horizontal = ["roles"]
    actions = [
        "approve_selected",
        "decline_selected",
        "cancel_selected",
        "export_csv",
        *RegistrationBadges.badge_actions,
    ]
    fields = [
        "event",
        "person",
        "status",
        "roles",
        "stakeholder_type",
        "source",
        "terms_accepted_at",
        "directory_consent_at",
        "created_at",
        "decided_at",
        "decided_by",
        "badge",
    ]

    def get_readonly_fields(self, request, obj=None):
        # Consents are the person's to give; decisions go through the actions, which e-mail
        # the person.
        readonly = [
            "source",
            "terms_accepted_at",
            "directory_consent_at",
            "created_at",
            "decided_at",
            "decided_by",
            "badge",
        ]
        if obj is not None:
            readonly = ["event", "person", "status", *readonly]
        return readonly

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("roles")

    def save_model(self, request, obj, form, change):
        if not change:
            # The organiser adding someone vouches for their acceptance of the terms.
            now = timezone.now()
            obj.source = Registration.Source.ADMIN
            obj.terms_accepted_at = now
            obj.created_at = now
            if obj.status != Registration.Status.PENDING:
                obj.decided_at, obj.decided_by = now, request.user
        super().save_model(request, obj, form, change)

    # --- columns -------------------------------------------------------------------------

    def action_checkbox(self, registration: Registration) -> str:
        """Django's selection checkbox, written directly: rendering a CheckboxInput widget
        through the form renderer's template for every row was a quarter of the page's time."""
        return format_html(
            '<input type="checkbox" name="{}" value="{}" class="action-select" aria-label="{}">',
            helpers.ACTION_CHECKBOX_NAME,
            registration.pk,
            # Django's own sentence (its translations), as the widget would have said it.
            format_html(_("Select this object for an action - {}"), str(registration)),
        )

    @admin.display(description=gettext_lazy("status"), ordering="status")
    def status_badge(self, registration: Registration) -> str:
        return format_html(
            '<span class="cm-status cm-status-{}">{}</span>',
            registration.status,
            registration.get_status_display(),
        )

    @admin.display(description=gettext_lazy("participant"), ordering="person__last_name")
    def participant(self, registration: Registration) -> str:
        person = registration.person
        local, at, domain = person.email.rpartition("@")
        # The address may break after the "@" and before a dot of the domain (<wbr>), not
        # anywhere in a word.
        email = format_html(
            "{}{}{}",
            local,
            mark_safe(f"{at}<wbr>") if at else "",
            mark_safe("<wbr>.".join(conditional_escape(part) for part in domain.split("."))),
        )
        return format_html(
            '<span class="cm-name">{}</span> <span class="cm-email" translate="no">{}</span>',
            person.full_name,
            email,
        )

    @admin.display(description=gettext_lazy("organisation"), ordering="person__organisation__name")
    def organisation(self, registration: Registration) -> str:
        organisation = registration.person.organisation
        return organisation.name if organisation else ""

    @admin.display(description=gettext_lazy("roles"))
    def role_names(self, registration: Registration) -> str:
        # .all() reads the prefetched roles (get_queryset): no query per row.
        return ", ".join(str(role.label) for role in registration.roles.all())

    @admin.display(
        # Translators: column heading: when the person registered.
        description=pgettext_lazy("column", "registered"),
        ordering="created_at",
    )
    def registered(self, registration: Registration) -> str:
        when = timezone.localtime(registration.created_at)
        return format_html(
            '<time datetime="{}">{}</time>',
            when.isoformat(timespec="minutes"),
            date_format(when, "SHORT_DATETIME_FORMAT"),
        )

    # --- actions ---------------------------------------------------------------------------

    def _decide(self, request, queryset, decide, done, left) -> None:
        """Run `decide` on the selection; `done(n)` and `left(n)` are the whole sentences that
        report the registrations changed and those left unchanged."""
        selected = queryset.count()
        changed = len(decide(queryset.values_list("pk", flat=True), by=request.user))
        message = done(changed)
        if changed < selected:
            message = f"{message} {left(selected - changed)}"
        self.message_user(request, message, messages.SUCCESS if changed else messages.WARNING)

    @admin.action(
        description=gettext_lazy("Approve selected registrations"), permissions=["change"]
    )
    def approve_selected(self, request, queryset):
        self._decide(
            request,
            queryset,
            services.approve,
            lambda n: (
                ngettext("Approved %(count)d registration.", "Approved %(count)d registrations.", n)
                % {"count": n}
            ),
            lambda n: (
                ngettext(
                    "%(count)d registration left unchanged (only pending or declined ones can be "
                    "approved).",
                    "%(count)d registrations left unchanged (only pending or declined ones can be "
                    "approved).",
                    n,
                )
                % {"count": n}
            ),
        )

    @admin.action(
        description=gettext_lazy("Decline selected registrations"), permissions=["change"]
    )
    def decline_selected(self, request, queryset):
        self._decide(
            request,
            queryset,
            services.decline,
            lambda n: (
                ngettext("Declined %(count)d registration.", "Declined %(count)d registrations.", n)
                % {"count": n}
            ),
            lambda n: (
                ngettext(
                    "%(count)d registration left unchanged (only pending ones can be declined).",
                    "%(count)d registrations left unchanged (only pending ones can be declined).",
                    n,
                )
                % {"count": n}
            ),
        )

    @admin.action(description=gettext_lazy("Cancel selected registrations"), permissions=["change"])
    def cancel_selected(self, request, queryset):
        self._decide(
            request,
            queryset,
            services.cancel,
            lambda n: (
                ngettext(
                    "Cancelled %(count)d registration.", "Cancelled %(count)d registrations.", n
                )
                % {"count": n}
            ),
            lambda n: (
                ngettext(
                    "%(count)d registration left unchanged (only pending or approved ones can be "
                    "cancelled).",
                    "%(count)d registrations left unchanged (only pending or approved ones can be "
                    "cancelled).",
                    n,
                )
                % {"count": n}
            ),
        )


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):
    list_display = ["email", "event", "created_at", "invited_by"]
    list_select_related = ["event", "invited_by"]
    list_filter = ["event"]
    search_fields = ["email", "event__name"]
    readonly_fields = ["created_at", "invited_by"]

    def save_model(self, request, obj, form, change):
        obj.email = obj.email.strip().lower()
        if not change:
            obj.invited_by = request.user
        super().save_model(request, obj, form, change)
