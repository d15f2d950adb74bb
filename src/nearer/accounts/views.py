"""Account pages: thin views over accounts.services and the vault session."""

from __future__ import annotations

import base64
import binascii

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import authenticate, logout
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods, require_POST

from nearer.accounts import (
    email_address,
    forms,
    invites,
    second_factor,
    services,
    signins,
    views_second_factor,
)
from nearer.accounts.backends import take_unlocked_dek
from nearer.accounts.client import client_address
from nearer.accounts.current import current_user, current_vault
from nearer.accounts.login_flow import current_password_opens, log_in
from nearer.accounts.models import User
from nearer.lib.forms import add_errors
from nearer.vault.box import Vault
from nearer.vault.crypto import SealError
from nearer.vault.recovery_codes import display
from nearer.vault.session import vault_end

PENDING_CODE = "accounts.pending_recovery_code"
PENDING_LABEL = "session.recovery_code"
LOGGED_OUT_PARAM = "out"


def _client(request: HttpRequest) -> str:
    return client_address(request)


def _posted(request: HttpRequest) -> QueryDict | None:
    """Return the POST data to bind a form to (even when empty), or None for a GET."""
    return request.POST if request.method == "POST" else None


def _safe_next(request: HttpRequest, fallback: str) -> str:
    """Return ``next`` if it is a path on this site, else ``fallback``.

    Anything else is ignored rather than refused: a word ("welcome") would be taken by
    redirect() for a view name (a 500), and a control character or the U+FFFD left by
    bytes that are not UTF-8 has no place in a header or in our URLs.
    """
    target = request.POST.get("next") or request.GET.get("next") or ""
    if (
        target.startswith("/")
        and len(target) <= 2000
        and not any(ord(c) < 0x20 or c in "\x7f\ufffd" for c in target)
        and url_has_allowed_host_and_scheme(
            target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        )
    ):
        return target
    return fallback


def _keep_code_for_display(request: HttpRequest, vault: Vault, code: str) -> None:
    """Keep a new recovery code, sealed, in the session until the person confirms."""
    sealed = vault.seal_text(PENDING_LABEL, vault.user_id, code)
    request.session[PENDING_CODE] = base64.b64encode(sealed).decode("ascii")


def _failed_attempt_keep(request: HttpRequest, username: str) -> None:
    """Keep a sealed record of a wrong password for the account of that name, if any.

    Not while django-axes has the name locked out: the person sees the attempts that
    were checked, and a locked-out flood does not push their own sign-ins away.
    """
    if getattr(request, "axes_locked_out", False):
        return
    account = User.objects.filter(username__iexact=username).order_by("pk").first()
    if account is not None:
        signins.signin_record(user=account, request=request, succeeded=False)


@sensitive_post_parameters("new_password1", "new_password2", "invite")
@require_http_methods(["GET", "HEAD", "POST"])
def signup(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        return redirect("today:index")
    rule = settings.SIGNUP
    if rule == "closed":
        # Said kindly on the page; a POST (a form kept open from before) makes nothing.
        status = 403 if request.method == "POST" else 200
        return render(request, "accounts/signup_closed.html", status=status)
    by_invite = rule == "invite"
    form_class = forms.InviteSignUpForm if by_invite else forms.SignUpForm
    form = form_class(_posted(request))
    if request.method == "POST" and form.is_valid():
        if by_invite and invites.invite_throttled(client=_client(request)):
            form.add_error("invite", invites.THROTTLED)
            return render(
                request, "accounts/signup.html", {"form": form, "by_invite": by_invite}, status=429
            )
        try:
            new = services.user_sign_up(
                username=form.cleaned_data["username"],
                email=form.cleaned_data["email"],
                password=form.cleaned_data["new_password1"],
                invite_code=form.cleaned_data["invite"] if by_invite else None,
            )
        except ValidationError as exc:
            if hasattr(exc, "error_dict") and "invite" in exc.error_dict:
                # Counted after the sign-up's transaction rolled back, so it stays.
                invites.invite_attempt_count(client=_client(request))
            # Password rules that need the account (e.g. too like the username).
            add_errors(form, exc, unnamed="new_password1")
        else:
            vault = log_in(request, new.user, new.dek)
            services.preferences_update(
                user=new.user, vault=vault, time_zone=form.cleaned_data["time_zone"]
            )
            _keep_code_for_display(request, vault, new.recovery_code)
            token = email_address.verification_renew(user=new.user)
            if token is not None:
                _send_link(request, new.user, token)
            return redirect("accounts:recovery_code")
    return render(request, "accounts/signup.html", {"form": form, "by_invite": by_invite})


SEND_FAILED = (
    "Your email is saved, but the link to confirm it couldn't be sent just now. "
    "You can ask for it again below in a while."
)


def _send_link(request: HttpRequest, user: User, token: str) -> bool:
    """Email the verification link; say calmly on the next page if it couldn't go."""
    link = email_address.link_for(token=token, site=request.build_absolute_uri("/"))
    if email_address.verification_send(user=user, link=link):
        return True
    messages.warning(request, SEND_FAILED)
    return False


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def recovery_code(request: HttpRequest) -> HttpResponse:
    """Show a new recovery code until the person confirms they saved it."""
    vault = current_vault(request)
    sealed_b64 = request.session.get(PENDING_CODE)
    code = None
    if isinstance(sealed_b64, str):
        try:
            code = vault.open_text(PENDING_LABEL, vault.user_id, base64.b64decode(sealed_b64))
        except (SealError, binascii.Error, UnicodeDecodeError):
            code = None
    if code is None:
        return redirect("accounts:settings")
    form = forms.RecoverySavedForm(_posted(request))
    if request.method == "POST" and form.is_valid():
        del request.session[PENDING_CODE]
        messages.success(request, "Thank you. Your recovery code is saved with you, not with us.")
        return redirect("today:index")
    return render(request, "accounts/recovery_code.html", {"form": form, "code": display(code)})


@sensitive_post_parameters("password")
@require_http_methods(["GET", "HEAD", "POST"])
def login_view(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        return redirect(_safe_next(request, reverse("today:index")))
    form = forms.LoginForm(_posted(request))
    error = None
    if request.method == "POST" and form.is_valid():
        user = authenticate(
            request,
            username=form.cleaned_data["username"],
            password=form.cleaned_data["password"],
        )
        if isinstance(user, User) and not services.has_vault(user=user):
            # An account made outside sign-up (e.g. `nearer createsuperuser`) gets its
            # vault at first login, and its recovery code is shown like at sign-up.
            new = services.vault_create_for(user=user, password=form.cleaned_data["password"])
            vault = log_in(request, user, new.dek)
            _keep_code_for_display(request, vault, new.recovery_code)
            return redirect("accounts:recovery_code")
        # The password check opened the keyring (accounts/backends.py): one Argon2id run.
        dek = take_unlocked_dek(user) if isinstance(user, User) else None
        if isinstance(user, User) and dek is not None:
            if second_factor.second_factor_on(user=user):
                # Not logged in yet: the data key waits, sealed, for the code.
                return views_second_factor.second_step_start(
                    request, user=user, dek=dek, next_path=_safe_next(request, "")
                )
            log_in(request, user, dek)
            return redirect(_safe_next(request, reverse("today:index")))
        _failed_attempt_keep(request, form.cleaned_data["username"])
        error = "That username and password don't match. Please try again."
    ended = request.GET.get("ended") == "1" and request.method == "GET"
    logged_out = request.GET.get(LOGGED_OUT_PARAM) == "1" and request.method == "GET"
    return render(
        request,
        "accounts/login.html",
        {
            "form": form,
            "error": error,
            "ended": ended,
            "logged_out": logged_out,
            # "Welcome back" only to someone who was just here; a first visit (and any
            # visit without a session that just ended) learns what Nearer is and can
            # create an account or log in. No cookie is kept to tell them apart.
            "returning": logged_out or ended,
            "next": _safe_next(request, ""),
        },
    )


@require_POST
def logout_view(request: HttpRequest) -> HttpResponse:
    """Log out, and say so on the login page without storing anything to say it.

    The goodbye is a query flag, not a message: a message would be kept in a new
    session row, one for every logout (and for every anonymous POST here).
    """
    if request.user.is_authenticated:
        vault_end(request)
        logout(request)
    return redirect(f"{reverse('accounts:login')}?{LOGGED_OUT_PARAM}=1")


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def settings_view(request: HttpRequest) -> HttpResponse:
    user, vault = current_user(request), current_vault(request)
    prefs = services.preferences_get(user=user, vault=vault)
    initial = {"display_name": prefs.get("display_name", ""), "time_zone": prefs.get("time_zone")}
    form = forms.PreferencesForm(_posted(request), initial=initial)
    if request.method == "POST" and form.is_valid():
        services.preferences_update(user=user, vault=vault, **form.cleaned_data)
        messages.success(request, "Saved.")
        return redirect("accounts:settings")
    email_form = forms.EmailForm(initial={"email": user.email}, prefix="account")
    return render(
        request, "accounts/settings.html", {"form": form, "email_form": email_form, "user": user}
    )


@login_required
@require_POST
def email_change(request: HttpRequest) -> HttpResponse:
    """Change or remove the email; a new address gets a link to confirm it.

    A bad address changes nothing; a mail server that fails is a calm message.
    """
    user = current_user(request)
    form = forms.EmailForm(request.POST, prefix="account")
    if form.is_valid():
        try:
            token = email_address.email_change(user=user, email=form.cleaned_data["email"])
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            if not form.cleaned_data["email"]:
                messages.success(request, "Your email is removed.")
            elif token is None:
                messages.success(request, "Your email is saved.")
            elif _send_link(request, user, token):
                messages.success(
                    request,
                    "Your email is saved. We sent it a link to confirm it's yours; "
                    "it works for 48 hours.",
                )
            return redirect(f"{reverse('accounts:settings')}#email")
    # The address kept, not the one refused.
    user.refresh_from_db(fields=["email", "email_verified_at"])
    prefs = services.preferences_get(user=user, vault=current_vault(request))
    initial = {"display_name": prefs.get("display_name", ""), "time_zone": prefs.get("time_zone")}
    context = {"form": forms.PreferencesForm(initial=initial), "email_form": form, "user": user}
    return render(request, "accounts/settings.html", context)


@login_required
@require_POST
def email_link_again(request: HttpRequest) -> HttpResponse:
    """Send a new link to the unconfirmed address (the earlier one stops working)."""
    user = current_user(request)
    token = email_address.verification_renew(user=user)
    if token is not None and _send_link(request, user, token):
        messages.success(request, "A new link is on its way; it works for 48 hours.")
    return redirect(f"{reverse('accounts:settings')}#email")


@require_http_methods(["GET", "HEAD", "POST"])
def email_verify(request: HttpRequest, token: str) -> HttpResponse:
    """Confirm an address from the emailed link, logged in or not.

    The link opens a page with a button rather than confirming on GET: mail
    scanners open links, and the link works once.
    """
    if request.method == "POST":
        verified = email_address.email_verify(token=token)
        if verified is not None:
            return render(request, "accounts/email_verify.html", {"state": "done"})
        return render(request, "accounts/email_verify.html", {"state": "spent"}, status=400)
    state = "ready" if email_address.token_pending(token=token) else "spent"
    return render(request, "accounts/email_verify.html", {"state": state})


@sensitive_post_parameters("password", "new_password1", "new_password2")
@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def password_change(request: HttpRequest) -> HttpResponse:
    user = current_user(request)
    form = forms.PasswordChangeForm(_posted(request))
    if request.method == "POST" and form.is_valid():
        dek = current_password_opens(request, user, form.cleaned_data["password"])
        if dek is None:
            form.add_error("password", "That is not your current password.")
        else:
            try:
                services.user_change_password(
                    user=user, vault_dek=dek, new_password=form.cleaned_data["new_password1"]
                )
            except ValidationError as exc:
                form.add_error("new_password1", exc)
            else:
                # A fresh session for this device; every other session has ended.
                log_in(request, user, dek)
                messages.success(request, "Your password is changed. Other devices are logged out.")
                return redirect("accounts:settings")
    return render(request, "accounts/password_change.html", {"form": form})


@sensitive_post_parameters("password")
@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def recovery_renew(request: HttpRequest) -> HttpResponse:
    user = current_user(request)
    form = forms.CurrentPasswordForm(_posted(request))
    if request.method == "POST" and form.is_valid():
        dek = current_password_opens(request, user, form.cleaned_data["password"])
        if dek is None:
            form.add_error("password", "That is not your password.")
        else:
            code = services.recovery_code_renew(user=user, vault_dek=dek)
            _keep_code_for_display(request, current_vault(request), code)
            return redirect("accounts:recovery_code")
    return render(request, "accounts/recovery_renew.html", {"form": form})


@sensitive_post_parameters("recovery_code", "new_password1", "new_password2")
@require_http_methods(["GET", "HEAD", "POST"])
def forgot(request: HttpRequest) -> HttpResponse:
    """Set a new password with the recovery code; without it, nothing can be opened."""
    if request.user.is_authenticated:
        return redirect("accounts:password_change")
    form = forms.RecoverForm(_posted(request))
    throttled = False
    if request.method == "POST" and form.is_valid():
        username = form.cleaned_data["username"]
        if services.recovery_throttled(username=username, client=_client(request)):
            throttled = True
        else:
            try:
                recovered = services.user_recover(
                    username=username,
                    typed_code=form.cleaned_data["recovery_code"],
                    new_password=form.cleaned_data["new_password1"],
                    client=_client(request),
                )
            except ValidationError as exc:
                form.add_error("new_password1", exc)
            else:
                if recovered is None:
                    form.add_error(
                        "recovery_code",
                        "That code doesn't open this account. Check it and try again.",
                    )
                else:
                    vault = log_in(request, recovered.user, recovered.dek)
                    _keep_code_for_display(request, vault, recovered.recovery_code)
                    messages.success(
                        request, "Your new password is set and your journal is open again."
                    )
                    return redirect("accounts:recovery_code")
    status = 429 if throttled else 200
    return render(
        request, "accounts/forgot.html", {"form": form, "throttled": throttled}, status=status
    )


@sensitive_post_parameters("password")
@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def delete_account(request: HttpRequest) -> HttpResponse:
    user = current_user(request)
    form = forms.DeleteAccountForm(_posted(request))
    if request.method == "POST" and form.is_valid():
        if current_password_opens(request, user, form.cleaned_data["password"]) is None:
            form.add_error("password", "That is not your password. Nothing was deleted.")
        else:
            vault_end(request)
            logout(request)
            services.user_delete(user=user)
            return render(request, "accounts/deleted.html")
    return render(request, "accounts/delete.html", {"form": form})
