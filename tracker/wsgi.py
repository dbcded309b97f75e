import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tracker.settings")


def refuse_a_known_secret_key() -> None:
    """A served site (gunicorn, runserver: both load this module) never runs on a public key
    unless DEBUG is explicitly on; ``manage.py`` commands of a fresh checkout are not affected."""
    from django.conf import settings
    from django.core.exceptions import ImproperlyConfigured

    if settings.SECRET_KEY in settings.KNOWN_INSECURE_SECRET_KEYS and not (settings.DEBUG and settings.DEBUG_EXPLICIT):
        raise ImproperlyConfigured(
            "SECRET_KEY is a publicly known development key: set SECRET_KEY to a long random string "
            "(or DEBUG=1 explicitly for local development) before serving requests."
        )


application = get_wsgi_application()
refuse_a_known_secret_key()
