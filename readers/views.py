"""Reader accounts (sign up, confirm, login) and following (the button, /volgen/, unsubscribe, calendars).

Readers are ordinary users without any group: the griffie's pages stay closed to them
(``web.access.griffie_required``). Sign-up and login are throttled per address and per IP
(django-ratelimit on the shared cache; django-axes also locks a user name + IP after failed logins).
"""

from __future__ import annotations

import logging

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBadRequest, QueryDict
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django_ratelimit.core import is_ratelimited

from commitments.models import Commitment, DigestItem, Follow, FollowFrequency, Motion
from documents.models import Dossier
from web import ical, selectors
from web.access import is_griffie

from . import tokens
from .follows import describe, followed_ids, normalise_search, target_url
from .forms import ConfirmForm, FrequencyForm, ReaderAuthenticationForm, SignupForm

logger = logging.getLogger(__name__)

#: What the "Volgen" button can follow (the ``soort`` field of its form).
KINDS = ("motie", "dossier", "ministerie", "toezegging", "zoekopdracht")
PENDING_KEY = "readers:pending_follow"


# --- throttling ------------------------------------------------------------------------------


def _rate(name: str):
    """A rate read from settings on every request (tests and deployments can change it)."""
    return lambda group, request: getattr(settings, name)


def _limited(request: HttpRequest, group: str, field: str, ip_rate: str, address_rate: str) -> bool:
    """Count this attempt per IP and per address (``field`` of the POST); True when either is over its rate."""
    by_ip = is_ratelimited(request, group=f"{group}:ip", key="ip", rate=_rate(ip_rate), method="POST", increment=True)
    address = (request.POST.get(field) or "").strip().lower()
    by_address = bool(address) and is_ratelimited(
        request, group=f"{group}:address", key=lambda g, r: address, rate=_rate(address_rate), method="POST",
        increment=True,
    )
    return by_ip or by_address


def _too_many(request: HttpRequest) -> HttpResponse:
    return render(request, "readers/too_many.html", status=429)


# --- accounts --------------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
def signup(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        return redirect("readers:follows")
    form = SignupForm(request.POST or None)
    if request.method == "POST":
        if _limited(request, "signup", "email", "READER_SIGNUP_RATE_IP", "READER_SIGNUP_RATE_ADDRESS"):
            return _too_many(request)
        if form.is_valid():
            _register(request, form.cleaned_data["email"], form.cleaned_data["password1"])
            return render(request, "readers/signup_sent.html", {"email": form.cleaned_data["email"]})
    return render(request, "readers/signup.html", {"form": form})


def _register(request: HttpRequest, email: str, password: str) -> None:
    """Create an inactive account and mail its confirmation link. An address already in use gets no new account
    (and the page says the same thing, so it does not tell who has one). An unconfirmed one takes the new
    password and gets a new link (older links stop working): confirming asks for the password, so someone
    who signed up with another person's address can neither confirm it nor keep a password the owner
    would then be logged in with."""
    User = get_user_model()
    existing = User.objects.filter(email__iexact=email).first() or User.objects.filter(username__iexact=email).first()
    if existing is not None:
        if existing.is_active:
            return
        user = existing
        user.set_password(password)
        user.save(update_fields=["password"])
    else:
        try:
            with transaction.atomic():
                user = User.objects.create_user(username=email, email=email, password=password, is_active=False)
        except IntegrityError:  # the same address signed up at the same moment
            return
    link = request.build_absolute_uri(reverse("readers:confirm", args=[tokens.confirm_token(user)]))
    days = getattr(settings, "ACCOUNT_CONFIRM_DAYS", 3)
    send_mail(
        _("Bevestig uw account bij het toezeggingenregister"),
        _(
            "Bevestig uw e-mailadres om het toezeggingenregister van de Tweede Kamer te volgen:\n\n%(link)s\n\n"
            "De link is %(days)d dagen geldig. Heeft u zich niet aangemeld? Dan kunt u dit bericht negeren."
        )
        % {"link": link, "days": days},
        None,
        [email],
    )


@require_http_methods(["GET", "POST"])
def confirm(request: HttpRequest, token: str) -> HttpResponse:
    """GET shows the form (a mail scanner following the link confirms nothing); POST with the password chosen
    at sign-up activates and logs in: the link alone (the mailbox) is not enough, nor the password alone."""
    user = tokens.user_from_confirm_token(token)
    if user is None:
        return render(request, "readers/confirm_invalid.html", status=400)
    form = ConfirmForm(user, request.POST or None)
    if request.method == "POST":
        if not user.is_active and not form.is_valid():
            return render(request, "readers/confirm.html", {"already": False, "form": form}, status=400)
        if not user.is_active:
            user.is_active = True
            user.save(update_fields=["is_active"])
        from django.contrib.auth import login

        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        messages.success(request, _("Uw account is bevestigd. U kunt nu toezeggingen, moties en zoekopdrachten volgen."))
        return redirect("readers:follows")
    return render(request, "readers/confirm.html", {"already": user.is_active, "form": form})


class LoginView(auth_views.LoginView):
    """Django's login, throttled per address and IP; clerks land on the review queue, readers on /volgen/.

    A follow clicked before logging in (kept in the session) is completed here.
    """

    authentication_form = ReaderAuthenticationForm

    def post(self, request, *args, **kwargs):
        if _limited(request, "login", "username", "READER_LOGIN_RATE_IP", "READER_LOGIN_RATE_ADDRESS"):
            return _too_many(request)
        return super().post(request, *args, **kwargs)

    def get_default_redirect_url(self):
        if is_griffie(self.request.user):
            return reverse("web:review_queue")
        return reverse("readers:follows")

    def form_valid(self, form):
        pending = self.request.session.get(PENDING_KEY)
        response = super().form_valid(form)
        if pending:
            self.request.session.pop(PENDING_KEY, None)
            try:
                follow, _created = _follow(self.request.user, pending["kind"], pending["value"])
                messages.success(self.request, _("U volgt nu %(what)s.") % {"what": describe(follow)})
            except (ValueError, KeyError, Http404):
                pass
        return response


# --- the Volgen button -----------------------------------------------------------------------


def _target(kind: str, value: str) -> dict:
    """The Follow fields for a button's kind and value; ``ValueError`` for anything unknown."""
    value = (value or "").strip()
    if kind == "motie":
        return {"motion": get_object_or_404(Motion, key=value)}
    if kind == "dossier":
        number, toevoeging = selectors.parse_dossier_key(value)
        return {"dossier": get_object_or_404(Dossier, number=number, toevoeging=toevoeging)}
    if kind == "ministerie":
        if not value or len(value) > 200:
            raise ValueError(_("Geen ministerie gekozen."))
        return {"ministry": value}
    if kind == "toezegging":
        if not value.isdigit():
            raise ValueError(_("Onbekende toezegging."))
        return {"commitment": get_object_or_404(Commitment.objects.public(), pk=int(value))}
    if kind == "zoekopdracht":
        search = normalise_search(QueryDict(value.lstrip("?")))
        if not search:
            raise ValueError(_("Kies eerst een filter; de hele lijst volgen kan niet."))
        if len(search) > 1000:
            raise ValueError(_("Deze zoekopdracht is te lang om te bewaren."))
        return {"search": search}
    raise ValueError(_("Dit kan niet gevolgd worden."))


def _follow(user, kind: str, value: str) -> tuple[Follow, bool]:
    target = _target(kind, value)
    try:
        with transaction.atomic():
            return Follow.objects.get_or_create(user=user, **target)
    except IntegrityError:
        return Follow.objects.get(user=user, **target), False


def _back(request: HttpRequest, fallback: str) -> str:
    nxt = request.POST.get("next") or request.GET.get("next") or ""
    if nxt and url_has_allowed_host_and_scheme(nxt, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return nxt
    return fallback


@require_POST
def toggle(request: HttpRequest) -> HttpResponse:
    """Follow or unfollow (``actie=volgen|ontvolgen``) what the button names. Anonymous: log in, then back."""
    kind, value = request.POST.get("soort", ""), request.POST.get("waarde", "")
    back = _back(request, reverse("web:commitment_list"))
    if kind not in KINDS:
        return HttpResponseBadRequest(_("Dit kan niet gevolgd worden."))
    if not request.user.is_authenticated:
        request.session[PENDING_KEY] = {"kind": kind, "value": value[:2000]}
        messages.info(request, _("Log in of maak een account aan om te volgen; daarna gaat u terug naar de pagina."))
        return redirect(f"{reverse('login')}?{_next_query(back)}")
    try:
        target = _target(kind, value)
    except ValueError as exc:
        messages.error(request, str(exc))
        return redirect(back)
    if request.POST.get("actie") == "ontvolgen":
        follow = Follow.objects.filter(user=request.user, **target).first()
        if follow is not None:
            label = describe(follow)
            _forget_pending(request.user, [follow])
            follow.delete()
            messages.success(request, _("U volgt %(what)s niet meer.") % {"what": label})
        return redirect(back)
    follow, created = _follow(request.user, kind, value)
    messages.success(request, _("U volgt nu %(what)s.") % {"what": describe(follow)})
    return redirect(back)


def _next_query(back: str) -> str:
    q = QueryDict(mutable=True)
    q["next"] = back
    return q.urlencode()


def _forget_pending(user, follows: list[Follow]) -> None:
    """Pending (unsent) digest items of ``user`` are dropped once no e-mailing follow is left."""
    remaining = Follow.objects.filter(user=user).exclude(frequency=FollowFrequency.NONE)
    remaining = remaining.exclude(pk__in=[f.pk for f in follows])
    if not remaining.exists():
        DigestItem.objects.filter(user=user, delivery__isnull=True).delete()


def following(user, kind: str, value: str) -> bool:
    """Whether ``user`` follows what a button names (for the button's label)."""
    if not (user and user.is_authenticated):
        return False
    try:
        target = _target(kind, value)
    except (ValueError, Http404):
        return False
    return Follow.objects.filter(user=user, **target).exists()


# --- /volgen/ --------------------------------------------------------------------------------


@login_required
@require_GET
def follows(request: HttpRequest) -> HttpResponse:
    rows = list(
        request.user.follows.select_related("motion", "dossier", "commitment").order_by("created_at", "id")
    )
    items = [
        {"follow": f, "label": describe(f), "url": target_url(f), "form": FrequencyForm(initial={"frequency": f.frequency})}
        for f in rows
    ]
    token = tokens.agenda_token(request.user)
    agenda = request.build_absolute_uri(reverse("readers:agenda")) + "?token=" + token
    webcal = "webcal://" + agenda.split("://", 1)[1]
    return render(
        request,
        "readers/follows.html",
        {"items": items, "agenda_url": agenda, "webcal_url": webcal, "is_griffie": is_griffie(request.user)},
    )


@login_required
@require_POST
def follow_update(request: HttpRequest, pk: int) -> HttpResponse:
    follow = get_object_or_404(Follow, pk=pk, user=request.user)  # never another user's follow
    if request.POST.get("actie") == "ontvolgen":
        label = describe(follow)
        _forget_pending(request.user, [follow])
        follow.delete()
        messages.success(request, _("U volgt %(what)s niet meer.") % {"what": label})
        return redirect("readers:follows")
    form = FrequencyForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Kies dagelijks, wekelijks of geen e-mail."))
        return redirect("readers:follows")
    follow.frequency = form.cleaned_data["frequency"]
    follow.save(update_fields=["frequency"])
    if follow.frequency == FollowFrequency.NONE:
        _forget_pending(request.user, [])
    messages.success(request, _("Opgeslagen: %(what)s, e-mail %(frequency)s.") % {
        "what": describe(follow), "frequency": follow.get_frequency_display().lower()})
    return redirect("readers:follows")


# --- unsubscribe -----------------------------------------------------------------------------


@csrf_exempt  # RFC 8058: mail clients POST "List-Unsubscribe=One-Click" without a form; the signed token is the proof
@require_http_methods(["GET", "POST"])
def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    """All digest e-mail off for the token's user, without login. GET asks (link scanners), POST does it."""
    user = tokens.user_from_unsubscribe_token(token)
    if user is None:
        raise Http404
    if request.method == "POST":
        with transaction.atomic():
            Follow.objects.filter(user=user).update(frequency=FollowFrequency.NONE)
            DigestItem.objects.filter(user=user, delivery__isnull=True).delete()
        logger.info("user %s unsubscribed from every digest", user.pk)
        return render(request, "readers/unsubscribed.html", {"email": user.email})
    return render(request, "readers/unsubscribe.html", {"email": user.email, "token": token})


# --- calendars -------------------------------------------------------------------------------


@require_GET
def agenda(request: HttpRequest) -> HttpResponse:
    """The personal calendar: every public commitment with a due date in what the token's user follows."""
    user = tokens.user_from_agenda_token(request.GET.get("token", ""))
    if user is None:
        raise Http404
    ids = followed_ids(list(user.follows.all()))
    qs = ical.rows(Commitment.objects.filter(pk__in=ids))
    return ical.response(qs, request, _("Toezeggingen die ik volg"), "volgen.ics")

