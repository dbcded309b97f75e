from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WebConfig(AppConfig):
    name = "web"
    verbose_name = _("Website")

    def ready(self) -> None:
        from .cache import connect_signals

        connect_signals()
