from django.contrib import admin

from clustermeet.hooks.models import Delivery, Endpoint


@admin.register(Endpoint)
class EndpointAdmin(admin.ModelAdmin):
    list_display = ("url", "event", "active", "created_at", "created_by")
    list_filter = ("active", "event")
    list_select_related = ("event", "created_by")
    search_fields = ("url", "description")
    readonly_fields = ("created_at", "created_by", "secret_rotated_at")
    raw_id_fields = ("created_by",)


@admin.register(Delivery)
class DeliveryAdmin(admin.ModelAdmin):
    list_display = (
        "event_type",
        "endpoint",
        "created_at",
        "attempts",
        "last_status_code",
        "delivered_at",
        "given_up_at",
    )
    list_filter = ("event_type", "endpoint__event")
    list_select_related = ("endpoint",)
    search_fields = ("event_id",)
    readonly_fields = [field.name for field in Delivery._meta.fields]

    def has_add_permission(self, request) -> bool:
        return False
