from django.apps import AppConfig


class TksyncConfig(AppConfig):
    name = "tksync"
    verbose_name = "Tweede Kamer open data"
    default_auto_field = "django.db.models.BigAutoField"
