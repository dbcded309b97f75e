"""Factories and helpers of the griffie tests, on top of the shared ``web/tests/factories.py``."""

from __future__ import annotations

import factory
from django.contrib.auth.models import Group

from web.models import GRIFFIE_GROUP

from .factories import (  # noqa: F401  (re-exported for the griffie tests)
    CommitmentFactory,
    DocumentFactory,
    MotionFactory,
    PassageFactory,
    UserFactory,
)

PASSWORD = "geheim-wachtwoord-123"


class ClerkFactory(UserFactory):
    """A member of the griffie group."""

    class Meta:
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"griffie-medewerker{n}")

    @factory.post_generation
    def griffie(self, create, extracted, **kwargs):
        if create:
            self.save()  # keeps the password set by UserFactory
            # get_or_create: transactional tests flush the row the data migration created.
            self.groups.add(Group.objects.get_or_create(name=GRIFFIE_GROUP)[0])


def log_in(page, base: str, username: str) -> None:
    """Log in on the login page in the browser (Playwright ``page``), as a clerk, and land on the griffie."""
    page.goto(base + "/accounts/login/?next=/griffie/")
    page.get_by_label("Gebruikersnaam").fill(username)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").last.click()
    page.wait_for_url("**/griffie/")
