"""The back office of the awards' log and ballots, both read-only: nobody adds, changes or
deletes a log entry or a ballot here (the services write them). A ballot's choice is shown
only once its category is revealed — before that, looking is the logged early look of the
results page, not a back-office list."""

from django.contrib import admin
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from clustermeet.awards.models import AuditEntry, Ballot


class ReadOnly(admin.ModelAdmin):
    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(AuditEntry)
class AuditEntryAdmin(ReadOnly):
    list_display = ["at", "event", "category", "actor", "action"]
    list_filter = ["action", "event"]
    list_select_related = ["event", "category", "actor"]
    fields = ["at", "event", "category", "actor", "action", "detail"]
    date_hierarchy = "at"


@admin.register(Ballot)
class BallotAdmin(ReadOnly):
    list_display = ["receipt", "category", "channel", "cast_at", "choice"]
    list_filter = ["channel", "category__event"]
    list_select_related = ["category", "nomination"]
    search_fields = ["receipt"]
    fields = ["receipt", "category", "channel", "cast_at", "first_cast_at", "changes", "choice"]
    readonly_fields = ["choice"]

    @admin.display(description=gettext_lazy("finalist"))
    def choice(self, ballot: Ballot) -> str:
        if ballot.category.revealed_at is None:
            return _("(shown after the reveal)")
        return ballot.nomination.name
