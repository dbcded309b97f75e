from django.contrib import admin

from .models import Document, Dossier, Passage, Reference


class PassageInline(admin.TabularInline):
    model = Passage
    fields = ["index", "kind", "fractie", "text"]
    extra = 0
    show_change_link = True


@admin.register(Dossier)
class DossierAdmin(admin.ModelAdmin):
    list_display = ["key", "title"]
    search_fields = ["number", "title"]


@admin.register(Document)
class DocumentAdmin(admin.ModelAdmin):
    list_display = ["__str__", "type", "date", "kamerstuk", "ministry", "source_name"]
    list_filter = ["type", "ministry"]
    search_fields = ["kamerstuk", "subject", "source_name"]
    date_hierarchy = "date"
    readonly_fields = ["sha256", "created_at", "updated_at"]
    inlines = [PassageInline]


@admin.register(Passage)
class PassageAdmin(admin.ModelAdmin):
    list_display = ["document", "index", "kind", "fractie"]
    list_filter = ["kind", "fractie"]
    search_fields = ["text"]
    raw_id_fields = ["document", "question"]


@admin.register(Reference)
class ReferenceAdmin(admin.ModelAdmin):
    list_display = ["key", "kind", "document", "footnote"]
    list_filter = ["kind"]
    search_fields = ["key", "text"]
    raw_id_fields = ["document", "passage"]
