from django.contrib import admin

from .models import (
    CalendarEntry,
    Commitment,
    DeadlineChange,
    FulfilmentLink,
    Measure,
    Motion,
    StatusChange,
)


class StatusChangeInline(admin.TabularInline):
    model = StatusChange
    extra = 0
    raw_id_fields = ["evidence"]


class DeadlineChangeInline(admin.TabularInline):
    model = DeadlineChange
    extra = 0
    raw_id_fields = ["evidence"]


class FulfilmentLinkInline(admin.TabularInline):
    model = FulfilmentLink
    extra = 0
    raw_id_fields = ["document"]


@admin.register(Commitment)
class CommitmentAdmin(admin.ModelAdmin):
    list_display = ["quote_short", "status", "deadline_phrase", "due_date", "estimated", "overdue_since", "ministry"]
    list_filter = ["status", "deadline_kind", "kind", "ministry", "estimated"]
    search_fields = ["quote", "deliverable", "actor"]
    date_hierarchy = "due_date"
    raw_id_fields = ["document", "passage", "measure"]
    filter_horizontal = ["motions"]
    readonly_fields = ["overdue_since", "created_at", "updated_at", "version"]
    inlines = [StatusChangeInline, DeadlineChangeInline, FulfilmentLinkInline]

    @admin.display(description="citaat")
    def quote_short(self, obj: Commitment) -> str:
        return obj.quote[:100]


@admin.register(Motion)
class MotionAdmin(admin.ModelAdmin):
    list_display = ["key", "name", "outcome", "date"]
    search_fields = ["key", "name"]
    list_filter = ["outcome"]


@admin.register(Measure)
class MeasureAdmin(admin.ModelAdmin):
    search_fields = ["name"]


@admin.register(StatusChange)
class StatusChangeAdmin(admin.ModelAdmin):
    list_display = ["commitment", "old_status", "new_status", "user", "created_at"]
    raw_id_fields = ["commitment", "evidence"]


@admin.register(DeadlineChange)
class DeadlineChangeAdmin(admin.ModelAdmin):
    list_display = ["commitment", "old_due_date", "new_due_date", "is_postponement", "user", "created_at"]
    raw_id_fields = ["commitment", "evidence"]


@admin.register(FulfilmentLink)
class FulfilmentLinkAdmin(admin.ModelAdmin):
    list_display = ["commitment", "document", "kind", "confirmed_by", "confirmed_at"]
    list_filter = ["kind"]
    raw_id_fields = ["commitment", "document"]


@admin.register(CalendarEntry)
class CalendarEntryAdmin(admin.ModelAdmin):
    list_display = ["kind", "year", "start", "end", "verified", "source"]
    list_filter = ["kind", "verified"]
    list_editable = ["start", "end", "verified"]

    def save_model(self, request, obj, form, change):
        """A corrected recess date moves every due date that rested on it."""
        from .calendar import apply_recess_correction

        old_start = form.initial.get("start") if change else None
        super().save_model(request, obj, form, change)
        moved = apply_recess_correction(obj, old_start, user=request.user)
        if moved:
            self.message_user(request, f"{obj}: {moved} toezeggingen kregen een nieuwe uiterste datum.")
