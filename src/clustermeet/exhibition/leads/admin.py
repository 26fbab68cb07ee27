"""The back office of leads: read-only figures. A lead is the visitor's consent given to the
exhibitor, so the back office lists which booth has how many, by source and state, and neither
adds, edits nor shows whose contact it is (the booth's staff see that on their dashboard)."""

from django.contrib import admin

from clustermeet.exhibition.models import Lead


@admin.register(Lead)
class LeadAdmin(admin.ModelAdmin):
    list_display = ["booth", "source", "rating", "created_at", "withdrawn_at"]
    list_filter = ["source", "rating", "booth__event"]
    list_select_related = ["booth"]
    fields = ["booth", "source", "rating", "created_at", "withdrawn_at"]
    readonly_fields = fields

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
