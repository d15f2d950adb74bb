"""Second factor pages: set up an authenticator app, backup codes, the login's code step.

The login's code step comes after the password and before anything else: the
password opened the data key, which waits sealed in ``second_factor.pending_start``
(its key only in the person's cookie). Only the right code logs in and starts the
vault, so no page can be reached between the two steps.
"""

from __future__ import annotations

from uuid import UUID

from axes.handlers.proxy import AxesProxyHandler
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.signals import user_login_failed
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods, require_POST

from nearer.accounts import passkeys, second_factor, signins, totp
from nearer.accounts.current import current_user, current_vault
from nearer.accounts.forms import CurrentPasswordForm
from nearer.accounts.login_flow import current_password_opens, log_in
from nearer.accounts.models import User
from nearer.accounts.second_factor_forms import (
    PasskeyAddForm,
    PasskeySignInForm,
    SecondStepForm,
    SetupConfirmForm,
    TurnOffForm,
)
from nearer.accounts.second_factor_models import Passkey
from nearer.vault.box import Vault

STEP_COOKIE = "nearer_second_step"
PASSKEY_FAILED = "passkey-failed"
WRONG_CODE = "That code didn't work. Please check it and try again."
BACKUP_ONLY_HELP = "One of your backup codes (10 letters and numbers, each works once)."


def second_step_start(
    request: HttpRequest, *, user: User, dek: bytes, next_path: str
) -> HttpResponse:
    """Answer a right password of an account with a second factor: ask for the code."""
    token = second_factor.pending_start(user=user, dek=dek, next_path=next_path)
    response = redirect("accounts:second_step")
    response.set_cookie(
        STEP_COOKIE,
        token,
        max_age=second_factor.PENDING_MINUTES * 60,
        path=reverse("accounts:second_step"),
        secure=settings.SESSION_COOKIE_SECURE,
        httponly=True,
        samesite="Lax",
    )
    return response


def _credentials(user: User) -> dict[str, str]:
    return {"username": user.get_username()}


def _count_wrong_code(request: HttpRequest, user: User) -> None:
    # Counted by django-axes with the wrong passwords (same name and address, same
    # limit): guessing codes locks the account's logins out like guessing passwords.
    user_login_failed.send(sender=__name__, credentials=_credentials(user), request=request)
    # And kept, sealed, among the person's sign-ins as a failed attempt, like a wrong
    # password; not once axes has locked the name out (as for passwords: a locked-out
    # flood does not push the person's own sign-ins away).
    if not getattr(request, "axes_locked_out", False):
        signins.signin_record(user=user, request=request, succeeded=False)


def _finish(request: HttpRequest, pending: second_factor.Pending) -> HttpResponse:
    """Log in and start the vault: the second step is done."""

    second_factor.pending_end(pending=pending)
    log_in(request, pending.user, pending.dek)
    response = redirect(pending.next_path or reverse("today:index"))
    response.delete_cookie(STEP_COOKIE, path=reverse("accounts:second_step"))
    return response


@sensitive_post_parameters("code")
@require_http_methods(["GET", "HEAD", "POST"])
def second_step(request: HttpRequest) -> HttpResponse:
    """The login's second step: a code from the app or a backup code."""
    if request.user.is_authenticated:
        return redirect("today:index")
    pending = second_factor.pending_open(token=request.COOKIES.get(STEP_COOKIE, ""))
    if pending is None:
        return _closed(request, "That sign-in waited too long, so it was closed.")
    if AxesProxyHandler.is_locked(request, _credentials(pending.user)):
        second_factor.pending_end(pending=pending)
        request.axes_locked_out = True  # type: ignore[attr-defined]
        request.axes_credentials = _credentials(pending.user)  # type: ignore[attr-defined]
        return HttpResponse(status=429)  # the axes middleware answers with its calm page
    form = SecondStepForm(request.POST if request.method == "POST" else None)
    app_on = second_factor.totp_active(user=pending.user)
    if not app_on:
        form.fields["code"].help_text = BACKUP_ONLY_HELP
    if request.method == "POST" and form.is_valid():
        vault_check = Vault(user_id=pending.user.pk, dek=pending.dek)
        if second_factor.code_accept(
            user=pending.user, vault=vault_check, typed=form.cleaned_data["code"]
        ):
            return _finish(request, pending)
        _count_wrong_code(request, pending.user)
        if getattr(request, "axes_locked_out", False):
            second_factor.pending_end(pending=pending)
            return HttpResponse(status=429)
        if second_factor.pending_wrong_code(pending=pending):
            return _closed(request, "That was several wrong codes, so this sign-in was closed.")
        form.add_error("code", WRONG_CODE)
    has_passkey = Passkey.objects.filter(user=pending.user).exists()
    return render(
        request,
        "accounts/second_factor_login.html",
        {
            "form": form,
            "passkey_form": PasskeySignInForm() if has_passkey else None,
            "app_on": app_on,
            # A query flag, not a message: a message would store a session for
            # someone not logged in yet.
            "passkey_failed": request.GET.get(PASSKEY_FAILED) == "1" and request.method == "GET",
        },
    )


def _closed(request: HttpRequest, why: str) -> HttpResponse:
    """Say the step is closed (on the page, storing nothing) and drop its cookie."""
    response = render(request, "accounts/second_factor_closed.html", {"why": why})
    response.delete_cookie(STEP_COOKIE, path=reverse("accounts:second_step"))
    return response


@login_required
@require_http_methods(["GET", "HEAD"])
def overview(request: HttpRequest) -> HttpResponse:
    """Whether the login asks for a code, and the ways to change that."""
    user = current_user(request)
    return render(
        request,
        "accounts/second_factor.html",
        {
            "active": second_factor.second_factor_on(user=user),
            "app_on": second_factor.totp_active(user=user),
            "codes_left": second_factor.backup_codes_left(user=user),
            "passkeys": passkeys.passkeys_of(user=user, vault=current_vault(request)),
            "passkey_form": PasskeyAddForm(),
        },
    )


@login_required
@require_POST
def totp_begin(request: HttpRequest) -> HttpResponse:
    """Make a new secret to set up, then show it."""
    user = current_user(request)
    if second_factor.totp_active(user=user):
        return redirect("accounts:second_factor")
    second_factor.totp_setup_begin(user=user, vault=current_vault(request))
    return redirect("accounts:totp_setup")


@sensitive_post_parameters("code")
@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def totp_setup(request: HttpRequest) -> HttpResponse:
    """Show the QR code and the secret; a first right code turns the app on."""
    user, vault = current_user(request), current_vault(request)
    secret = second_factor.totp_setup_secret(user=user, vault=vault)
    if secret is None:
        return redirect("accounts:second_factor")
    form = SetupConfirmForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        codes = second_factor.totp_setup_confirm(
            user=user, vault=vault, code=form.cleaned_data["code"]
        )
        if codes is not None:
            # Shown in this answer only: nothing keeps them but their hashes.
            return render(
                request, "accounts/second_factor_backup_codes.html", {"codes": codes, "first": True}
            )
        form.add_error("code", WRONG_CODE)
    uri = totp.setup_uri(secret, account_name=user.get_username())
    return render(
        request,
        "accounts/second_factor_setup.html",
        {"form": form, "qr": totp.qr_data_uri(uri), "secret": totp.grouped(secret)},
    )


@login_required
@require_POST
def backup_codes_new(request: HttpRequest) -> HttpResponse:
    """Ten new backup codes, shown once; the old ones stop working."""
    user = current_user(request)
    if not second_factor.second_factor_on(user=user):
        return redirect("accounts:second_factor")
    codes = second_factor.backup_codes_renew(user=user)
    return render(
        request, "accounts/second_factor_backup_codes.html", {"codes": codes, "first": False}
    )


@sensitive_post_parameters("password", "code")
@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def totp_turn_off(request: HttpRequest) -> HttpResponse:
    """Turning the second factor off takes the password, and a code when there is an app.

    With passkeys alone there is nothing to type but the password (a passkey can't
    be typed), as when the last passkey is removed.
    """

    user, vault = current_user(request), current_vault(request)
    if not second_factor.second_factor_on(user=user):
        return redirect("accounts:second_factor")
    app_on = second_factor.totp_active(user=user)
    posted = request.POST if request.method == "POST" else None
    form: CurrentPasswordForm = TurnOffForm(posted) if app_on else CurrentPasswordForm(posted)
    if request.method == "POST" and form.is_valid():
        if current_password_opens(request, user, form.cleaned_data["password"]) is None:
            form.add_error("password", "That isn't your current password.")
        elif app_on and not second_factor.code_accept(
            user=user, vault=vault, typed=form.cleaned_data["code"]
        ):
            _count_wrong_code(request, user)
            form.add_error("code", WRONG_CODE)
        else:
            second_factor.second_factor_turn_off(user=user)
            messages.success(
                request, "The second step is off. Logging in asks for your password only."
            )
            return redirect("accounts:second_factor")
    return render(request, "accounts/second_factor_turn_off.html", {"form": form, "app_on": app_on})


@login_required
@require_POST
def passkey_options(request: HttpRequest) -> HttpResponse:
    """The options the browser needs to make a passkey (read by passkeys.js)."""
    user = current_user(request)
    body = passkeys.registration_options(request=request, user=user)
    return HttpResponse(body, content_type="application/json")


@login_required
@require_POST
def passkey_add(request: HttpRequest) -> HttpResponse:
    """Keep the passkey the browser just made, under the name the person typed."""
    user, vault = current_user(request), current_vault(request)
    form = PasskeyAddForm(request.POST)
    if form.is_valid() and form.cleaned_data["credential"]:
        try:
            passkeys.passkey_add(
                request=request,
                user=user,
                vault=vault,
                name=form.cleaned_data["name"],
                credential=form.cleaned_data["credential"],
            )
        except passkeys.PasskeyError as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, "The passkey is added. You can use it at the second step.")
            codes = second_factor.backup_codes_first(user=user)
            if codes is not None:
                # The first factor of any kind brings backup codes, shown this once.
                return render(
                    request,
                    "accounts/second_factor_backup_codes.html",
                    {"codes": codes, "first": True},
                )
    elif form.is_valid():
        messages.error(request, "Adding a passkey needs JavaScript in this browser.")
    else:
        messages.error(request, " ".join(str(e) for errors in form.errors.values() for e in errors))
    return redirect("accounts:second_factor")


@sensitive_post_parameters("password")
@login_required
@require_POST
def passkey_remove(request: HttpRequest, passkey_id: UUID) -> HttpResponse:
    """Remove one of the person's passkeys (someone else's is not found).

    The last second step left turns the step off: that asks for the password first,
    on a page of its own (the list's button sends none).
    """
    user = current_user(request)
    try:
        removed = passkeys.passkey_remove(user=user, passkey_id=passkey_id)
    except passkeys.LastFactor:
        return _remove_last(request, user)
    if not removed:
        raise Http404
    messages.success(request, "The passkey is removed.")
    return redirect("accounts:second_factor")


def _remove_last(request: HttpRequest, user: User) -> HttpResponse:
    form = CurrentPasswordForm(request.POST if "password" in request.POST else None)
    if form.is_bound and form.is_valid():
        if current_password_opens(request, user, form.cleaned_data["password"]) is None:
            form.add_error("password", "That isn't your current password.")
        else:
            second_factor.second_factor_turn_off(user=user)
            messages.success(
                request,
                "The passkey is removed, and the second step is off. "
                "Logging in asks for your password only.",
            )
            return redirect("accounts:second_factor")
    return render(request, "accounts/second_factor_remove_last.html", {"form": form})


@require_POST
def second_step_passkey_options(request: HttpRequest) -> HttpResponse:
    """The options for signing in with a passkey at the second step."""
    pending = second_factor.pending_open(token=request.COOKIES.get(STEP_COOKIE, ""))
    if pending is None:
        return HttpResponse(status=404)
    body = passkeys.authentication_options(
        request=request, user=pending.user, token_hash=pending.token_hash
    )
    if body is None:
        return HttpResponse(status=404)
    return HttpResponse(body, content_type="application/json")


@require_POST
def second_step_passkey(request: HttpRequest) -> HttpResponse:
    """The second step with a passkey: a right signature logs in, as a right code does."""
    pending = second_factor.pending_open(token=request.COOKIES.get(STEP_COOKIE, ""))
    if pending is None:
        return redirect("accounts:second_step")
    if AxesProxyHandler.is_locked(request, _credentials(pending.user)):
        second_factor.pending_end(pending=pending)
        request.axes_locked_out = True  # type: ignore[attr-defined]
        request.axes_credentials = _credentials(pending.user)  # type: ignore[attr-defined]
        return HttpResponse(status=429)
    form = PasskeySignInForm(request.POST)
    if form.is_valid() and passkeys.passkey_sign_in(
        request=request,
        user=pending.user,
        token_hash=pending.token_hash,
        credential=form.cleaned_data["credential"],
    ):
        return _finish(request, pending)
    _count_wrong_code(request, pending.user)
    if getattr(request, "axes_locked_out", False):
        second_factor.pending_end(pending=pending)
        return HttpResponse(status=429)
    return redirect(f"{reverse('accounts:second_step')}?{PASSKEY_FAILED}=1")
