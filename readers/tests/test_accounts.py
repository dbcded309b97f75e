"""Reader accounts: sign-up with a confirmation mail (a real SMTP server), login, reset, throttling."""

from __future__ import annotations

import time
from unittest import mock
from urllib.parse import urlparse

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from readers import tokens

pytestmark = pytest.mark.django_db

PASSWORD = "Kamerbrief-2026-volgen"


def sign_up(client, email: str = "Anna@Example.nl", password: str = PASSWORD, **extra):
    return client.post(
        reverse("readers:signup"), {"email": email, "password1": password, "password2": password}, **extra
    )


def logs_in(client, username: str, password: str) -> bool:
    """Log in through the login form (django-axes needs the request); logged out again afterwards."""
    response = client.post(reverse("login"), {"username": username, "password": password})
    client.logout()
    return response.status_code == 302


def path_of(url: str) -> str:
    return urlparse(url).path


def test_a_reader_signs_up_confirms_through_the_mailed_link_and_lands_on_volgen(client, smtp):
    response = sign_up(client)
    assert response.status_code == 200
    assert "Bevestig uw e-mailadres" in response.content.decode()
    user = get_user_model().objects.get()
    assert (user.username, user.email, user.is_active) == ("anna@example.nl", "anna@example.nl", False)
    assert not user.groups.exists() and not user.is_staff

    [mail] = smtp.wait_for(1)
    assert mail["To"] == "anna@example.nl"
    [link] = [u for u in smtp.links(mail) if "/account/bevestigen/" in u]
    # Not yet confirmed: the password does not log in.
    assert not logs_in(client, "anna@example.nl", PASSWORD)

    page = client.get(path_of(link))
    assert page.status_code == 200 and "Mijn account bevestigen" in page.content.decode()
    user.refresh_from_db()
    assert not user.is_active  # a GET (a mail scanner) confirms nothing
    # The link alone is not enough: the password chosen at sign-up confirms it.
    wrong = client.post(path_of(link), {"password": "Niet-het-wachtwoord-1"})
    assert wrong.status_code == 400 and "niet het wachtwoord van de aanmelding" in wrong.content.decode()
    user.refresh_from_db()
    assert not user.is_active
    done = client.post(path_of(link), {"password": PASSWORD})
    assert done.status_code == 302 and done["Location"] == reverse("readers:follows")
    user.refresh_from_db()
    assert user.is_active
    assert client.get(reverse("readers:follows")).status_code == 200

    # A reader is no clerk: the griffie's pages stay closed.
    assert client.get(reverse("web:review_queue")).status_code == 403
    client.logout()
    login = client.post(reverse("login"), {"username": "ANNA@example.nl", "password": PASSWORD})
    assert login.status_code == 302 and login["Location"] == reverse("readers:follows")


def test_someone_who_signs_up_with_another_persons_address_cannot_take_the_account(client, smtp):
    """Pre-account takeover: a stranger signs up with Anna's address and a password of his own. Anna's own
    sign-up replaces that password and voids the stranger's link; confirming needs the password of the
    newest sign-up, so the stranger's password never logs in and his link confirms nothing."""
    sign_up(client, email="anna@example.nl", password="Vreemde-2026!x")
    sign_up(client)  # Anna herself
    assert get_user_model().objects.count() == 1
    first, second = smtp.wait_for(2)
    [stranger_link] = [u for u in smtp.links(first) if "/account/bevestigen/" in u]
    [own_link] = [u for u in smtp.links(second) if "/account/bevestigen/" in u]
    assert client.post(path_of(stranger_link), {"password": "Vreemde-2026!x"}).status_code == 400  # voided
    assert client.post(path_of(own_link), {"password": "Vreemde-2026!x"}).status_code == 400  # not hers
    assert not get_user_model().objects.get().is_active
    assert client.post(path_of(own_link), {"password": PASSWORD}).status_code == 302
    client.logout()
    assert logs_in(client, "anna@example.nl", PASSWORD)
    assert not logs_in(client, "anna@example.nl", "Vreemde-2026!x")
    # Once confirmed, signing up again changes nothing, sends nothing and says the same.
    response = sign_up(client, email="anna@example.nl", password="Iets-anders-2026!")
    assert "Bevestig uw e-mailadres" in response.content.decode()
    time.sleep(0.3)
    assert len(smtp.messages) == 2
    assert logs_in(client, "anna@example.nl", PASSWORD)


def test_bad_sign_up_input_gets_a_message_and_creates_nothing(client):
    response = client.post(reverse("readers:signup"), {"email": "geen-adres", "password1": "a", "password2": "b"})
    assert response.status_code == 200
    assert get_user_model().objects.count() == 0
    response = client.post(
        reverse("readers:signup"), {"email": "a@example.nl", "password1": "12345678", "password2": "12345678"}
    )
    assert "form-errors" in response.content.decode()
    assert get_user_model().objects.count() == 0


def test_a_forged_or_expired_confirmation_link_is_refused(client, smtp):
    sign_up(client)
    user = get_user_model().objects.get()
    token = tokens.confirm_token(user)
    assert client.post(reverse("readers:confirm", args=[token + "x"]), {"password": PASSWORD}).status_code == 400
    later = time.time() + 4 * 24 * 3600  # ACCOUNT_CONFIRM_DAYS = 3
    with mock.patch("django.core.signing.time.time", return_value=later):
        assert client.post(reverse("readers:confirm", args=[token]), {"password": PASSWORD}).status_code == 400
    user.refresh_from_db()
    assert not user.is_active
    assert client.post(reverse("readers:confirm", args=[token]), {"password": PASSWORD}).status_code == 302


def test_password_reset_through_the_mailed_link(client, smtp, django_user_model):
    django_user_model.objects.create_user("bart@example.nl", email="bart@example.nl", password=PASSWORD)
    client.post(reverse("password_reset"), {"email": "bart@example.nl"})
    [mail] = smtp.wait_for(1)
    [link] = [u for u in smtp.links(mail) if "/accounts/reset/" in u]
    form = client.get(path_of(link), follow=True)
    assert "Nieuw wachtwoord kiezen" in form.content.decode()
    new = "Nog-een-wachtwoord-77"
    done = client.post(form.redirect_chain[-1][0], {"new_password1": new, "new_password2": new})
    assert done.status_code == 302
    assert logs_in(client, "bart@example.nl", new)


def test_sign_up_is_throttled_per_address_and_per_ip(client, settings, smtp):
    settings.READER_SIGNUP_RATE_ADDRESS = "2/h"
    settings.READER_SIGNUP_RATE_IP = "4/h"
    assert sign_up(client, REMOTE_ADDR="10.0.0.1").status_code == 200
    assert sign_up(client, REMOTE_ADDR="10.0.0.2").status_code == 200
    assert sign_up(client, REMOTE_ADDR="10.0.0.3").status_code == 429  # third for the same address
    for i in range(2):
        assert sign_up(client, email=f"u{i}@example.nl", REMOTE_ADDR="10.0.0.9").status_code == 200
    for i in range(2, 4):
        assert sign_up(client, email=f"u{i}@example.nl", REMOTE_ADDR="10.0.0.9").status_code == 200
    response = sign_up(client, email="u9@example.nl", REMOTE_ADDR="10.0.0.9")
    assert response.status_code == 429 and "Te veel pogingen" in response.content.decode()
    assert not get_user_model().objects.filter(email="u9@example.nl").exists()


def test_login_is_throttled_per_address_across_ips_and_per_ip_across_addresses(client, settings, django_user_model):
    settings.READER_LOGIN_RATE_ADDRESS = "3/10m"
    settings.READER_LOGIN_RATE_IP = "5/10m"
    settings.AXES_ENABLED = False  # axes' own lockout (per name + IP) is tested in web/tests
    django_user_model.objects.create_user("c@example.nl", email="c@example.nl", password=PASSWORD)
    url = reverse("login")
    for i in range(3):
        assert client.post(url, {"username": "c@example.nl", "password": "fout"}, REMOTE_ADDR=f"10.1.0.{i}").status_code == 200
    blocked = client.post(url, {"username": "c@example.nl", "password": PASSWORD}, REMOTE_ADDR="10.1.0.99")
    assert blocked.status_code == 429
    for i in range(5):
        client.post(url, {"username": f"x{i}@example.nl", "password": "fout"}, REMOTE_ADDR="10.2.0.1")
    assert client.post(url, {"username": "y@example.nl", "password": "fout"}, REMOTE_ADDR="10.2.0.1").status_code == 429
