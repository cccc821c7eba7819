from django.contrib import admin

from reminders.models import Delivery, Notification, NotificationPreference, OptOut, ReminderRule


@admin.register(ReminderRule)
class ReminderRuleAdmin(admin.ModelAdmin):
    list_display = ["kind", "course", "programme", "is_enabled", "delay_days", "max_count", "days_before"]
    list_filter = ["kind", "is_enabled"]
    raw_id_fields = ["course", "programme", "updated_by"]


@admin.register(Delivery)
class DeliveryAdmin(admin.ModelAdmin):
    """The sent-log, read-only: it is the record of what went out."""

    list_display = ["pk", "kind", "recipient", "status", "attempts", "created_at", "sent_at", "last_error"]
    list_filter = ["status", "kind"]
    search_fields = ["recipient__email"]
    list_select_related = ["recipient"]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Notification)
class NotificationAdmin(admin.ModelAdmin):
    list_display = ["title", "recipient", "kind", "created_at", "read_at"]
    list_filter = ["kind"]
    raw_id_fields = ["recipient", "delivery"]
    list_select_related = ["recipient"]


admin.site.register(NotificationPreference)
admin.site.register(OptOut)
