from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TksyncConfig(AppConfig):
    name = "tksync"
    verbose_name = _("Tweede Kamer open data")
    default_auto_field = "django.db.models.BigAutoField"
