from django.contrib import admin

from clustermeet.api.models import ApiToken


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    list_display = ["name", "prefix", "person", "event", "scope", "service", "created_at"]
    list_filter = ["scope", "service"]
    search_fields = ["name", "prefix", "person__email"]
    readonly_fields = ["prefix", "created_at", "last_used_at"]
    exclude = ["secret_hash"]  # of no use to anyone reading the back office
    raw_id_fields = ["person", "created_by", "event"]

    def has_add_permission(self, request) -> bool:
        return False  # tokens are made on the token pages, where the secret is shown once
