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
    """A member of the griffie group (the group itself comes from the data migration)."""

    class Meta:
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"griffie-medewerker{n}")

    @factory.post_generation
    def griffie(self, create, extracted, **kwargs):
        if create:
            self.save()  # keeps the password set by UserFactory
            self.groups.add(Group.objects.get(name=GRIFFIE_GROUP))
