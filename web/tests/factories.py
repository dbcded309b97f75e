"""factory-boy factories for documents, motions and commitments (shared with the griffie tests)."""

from __future__ import annotations

import datetime as dt
import hashlib

import factory
from django.contrib.auth import get_user_model

from commitments.models import (
    Commitment,
    DeadlineChange,
    DeadlineKind,
    FulfilmentKind,
    FulfilmentLink,
    Measure,
    Motion,
    Status,
    StatusChange,
)
from documents.models import (
    Document,
    DocumentType,
    Dossier,
    Passage,
    PassageKind,
    Reference,
)


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"griffier{n}")
    password = factory.django.Password("geheim-wachtwoord-123")


class DossierFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Dossier
        django_get_or_create = ("number", "toevoeging")

    number = "31497"
    toevoeging = ""
    title = "Jeugdhulp"


class DocumentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Document

    type = DocumentType.KAMERBRIEF
    date = dt.date(2026, 5, 20)
    dossier = factory.SubFactory(DossierFactory)
    ondernummer = factory.Sequence(lambda n: 900 + n)
    kamerstuk = factory.LazyAttribute(lambda o: f"{o.dossier.key}-{o.ondernummer}" if o.dossier else None)
    subject = "Voortgang hervormingsagenda jeugd"
    ministry = "Volksgezondheid, Welzijn en Sport"
    bewindspersoon = "de staatssecretaris van Jeugd, Preventie en Sport"
    committee = "vaste commissie voor Volksgezondheid, Welzijn en Sport"
    source_name = factory.Sequence(lambda n: f"brief-{n}.txt")
    sha256 = factory.Sequence(lambda n: hashlib.sha256(f"doc-{n}".encode()).hexdigest())
    text = "Geachte voorzitter,"


class PassageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Passage

    document = factory.SubFactory(DocumentFactory)
    index = factory.Sequence(lambda n: n)
    kind = PassageKind.PARAGRAPH
    text = "Ik zal uw Kamer voor de zomer informeren over de uitkomsten."


class ReferenceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Reference

    document = factory.SubFactory(DocumentFactory)
    key = "31497-507"
    text = factory.LazyAttribute(lambda o: f"Kamerstuk {o.key}")


class MotionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Motion
        django_get_or_create = ("key",)

    key = factory.Sequence(lambda n: f"31497-{600 + n}")
    dossier = factory.SubFactory(DossierFactory)
    ondernummer = factory.LazyAttribute(lambda o: int(o.key.rsplit("-", 1)[1]))
    name = "motie Westerveld"
    names_seen = factory.LazyAttribute(lambda o: [o.name])
    submitters = factory.LazyAttribute(lambda o: [o.name.split()[-1]])
    date = dt.date(2025, 11, 12)


class MeasureFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Measure
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"Maatregel {n}")


class CommitmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Commitment
        skip_postgeneration_save = True

    document = factory.SubFactory(DocumentFactory)
    passage = None
    quote = "Ik zal uw Kamer voor de zomer informeren over de uitkomsten."
    actor = factory.LazyAttribute(lambda o: o.document.bewindspersoon)
    ministry = factory.LazyAttribute(lambda o: o.document.ministry)
    deadline_phrase = "vóór de zomer van 2026"
    deadline_kind = DeadlineKind.BEFORE_SUMMER
    due_date = dt.date(2026, 7, 3)
    estimated = True
    status = Status.OPEN

    @factory.post_generation
    def motions(self, create, extracted, **kwargs):
        if create and extracted:
            self.motions.add(*extracted)


class StatusChangeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = StatusChange

    commitment = factory.SubFactory(CommitmentFactory)
    old_status = Status.PROPOSED
    new_status = Status.OPEN


class DeadlineChangeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DeadlineChange

    commitment = factory.SubFactory(CommitmentFactory)
    old_due_date = dt.date(2026, 7, 3)
    new_due_date = dt.date(2026, 12, 31)
    old_phrase = "vóór de zomer van 2026"
    new_phrase = "eind 2026"
    is_postponement = True


class FulfilmentLinkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FulfilmentLink

    commitment = factory.SubFactory(CommitmentFactory)
    document = factory.SubFactory(DocumentFactory)
    kind = FulfilmentKind.FULFILS
