from __future__ import annotations

from django import forms
from django.contrib.auth import get_user_model, password_validation
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _

from commitments.models import FollowFrequency


def normalise_email(value: str) -> str:
    return (value or "").strip().lower()


class SignupForm(forms.Form):
    email = forms.EmailField(label=_("E-mailadres"), max_length=150, widget=forms.EmailInput(attrs={"autocomplete": "email"}))
    password1 = forms.CharField(
        label=_("Wachtwoord"), strip=False, widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=_("Minstens 8 tekens, niet alleen cijfers, niet te gewoon."),
    )
    password2 = forms.CharField(
        label=_("Wachtwoord nogmaals"), strip=False, widget=forms.PasswordInput(attrs={"autocomplete": "new-password"})
    )

    def clean_email(self) -> str:
        return normalise_email(self.cleaned_data["email"])

    def clean(self):
        data = super().clean()
        p1, p2 = data.get("password1"), data.get("password2")
        if p1 and p2 and p1 != p2:
            self.add_error("password2", _("De wachtwoorden zijn niet gelijk."))
        elif p1 and data.get("email"):
            user = get_user_model()(username=data["email"], email=data["email"])
            try:
                password_validation.validate_password(p1, user)
            except forms.ValidationError as exc:
                self.add_error("password1", exc)
        return data


class ConfirmForm(forms.Form):
    """The password chosen at sign-up, asked again when the account is confirmed."""

    password = forms.CharField(
        label=_("Wachtwoord"), strip=False, widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        help_text=_("Het wachtwoord dat u bij het aanmelden koos."),
    )

    def __init__(self, user, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_password(self) -> str:
        value = self.cleaned_data["password"]
        if not self.user.check_password(value):
            raise forms.ValidationError(_(
                "Dit is niet het wachtwoord van de aanmelding. Heeft u zich niet zelf aangemeld, of weet u het niet "
                "meer? Meld u dan opnieuw aan met dit adres: de nieuwe link vervangt deze."
            ))
        return value


class ReaderAuthenticationForm(AuthenticationForm):
    """Login with the e-mail address (readers) or the user name (griffie); addresses in any case."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["username"].label = _("E-mailadres of gebruikersnaam")

    def clean_username(self) -> str:
        value = (self.cleaned_data.get("username") or "").strip()
        return normalise_email(value) if "@" in value else value


class FrequencyForm(forms.Form):
    frequency = forms.ChoiceField(label=_("E-mail"), choices=FollowFrequency.choices)
