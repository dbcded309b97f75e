"""Create the demo clerk account for the embedded run (idempotent).

Username and password come from GRIFFIE_USER / GRIFFIE_PASSWORD (default
griffie / griffie-demo). Refuses to use the default password when DEBUG is off.
"""

import os

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = "Create (or keep) a superuser in the griffie group for local use."

    def handle(self, *args, **options):
        username = os.environ.get("GRIFFIE_USER", "griffie")
        password = os.environ.get("GRIFFIE_PASSWORD")
        if not password:
            if not settings.DEBUG:
                raise CommandError("set GRIFFIE_PASSWORD: no default password outside DEBUG")
            password = "griffie-demo"
        user_model = get_user_model()
        user, created = user_model.objects.get_or_create(
            username=username, defaults={"is_staff": True, "is_superuser": True}
        )
        if created:
            user.set_password(password)
            user.save()
        group, _ = Group.objects.get_or_create(name="griffie")
        user.groups.add(group)
        state = "created" if created else "exists"
        self.stdout.write(f"griffie account {state}: {username}" + (f" / {password}" if created else ""))
