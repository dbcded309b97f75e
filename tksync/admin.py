from django.contrib import admin

from .models import PendingDocument, SyncCursor


@admin.register(SyncCursor)
class SyncCursorAdmin(admin.ModelAdmin):
    list_display = ("entity", "modified_since", "updated_at")
    readonly_fields = ("updated_at",)


@admin.register(PendingDocument)
class PendingDocumentAdmin(admin.ModelAdmin):
    """Documents of the Kamer whose file failed: retried by every sync_tk run until stored."""

    list_display = ("tk_id", "attempts", "last_error", "first_failed_at", "last_failed_at")
    readonly_fields = ("tk_id", "record", "attempts", "last_error", "first_failed_at", "last_failed_at")
