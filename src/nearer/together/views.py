"""Together pages: thin views over together.selectors and the services.

Every page needs a login. Nothing of a partner's own journal, check-ins, people
or moments is read here: only the space's rows, sealed with the pair key.
"""

from __future__ import annotations

from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from nearer.accounts.client import client_address
from nearer.accounts.current import current_user, current_vault
from nearer.lib.forms import add_errors
from nearer.lib.urls import url_for
from nearer.together import selectors, services, sharing
from nearer.together.forms import AcceptForm, InviteForm, ShareForm
from nearer.together.invite_codes import display

ENDED = "This space has ended."


@login_required
@require_safe
def index(request: HttpRequest) -> HttpResponse:
    """The space's home: invite or accept; or, paired, the phrase, rituals and copies."""
    home = selectors.home_for(user=current_user(request), vault=current_vault(request))
    return render(request, "together/index.html", {"home": home, "invite_form": InviteForm()})


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def invite(request: HttpRequest) -> HttpResponse:
    """Make an invite: its code and link are shown in this answer only."""
    user, vault = current_user(request), current_vault(request)
    form = InviteForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            made = services.invite_create(user=user, vault=vault, name=form.cleaned_data["name"])
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            link = request.build_absolute_uri(url_for("together:accept")) + "?code=" + made.code
            return render(
                request,
                "together/invite_made.html",
                {"code": display(made.code), "link": link, "expires_at": made.invite.expires_at},
            )
    return render(request, "together/invite.html", {"form": form})


@login_required
@require_POST
def invite_cancel(request: HttpRequest) -> HttpResponse:
    services.invite_cancel(user=current_user(request))
    messages.success(request, "Your invite no longer works.")
    return redirect("together:index")


@sensitive_post_parameters("code")
@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def accept(request: HttpRequest) -> HttpResponse:
    """Accept a partner's invite: the code typed, or filled in from their link."""
    user, vault = current_user(request), current_vault(request)
    if request.method == "POST":
        form = AcceptForm(request.POST)
    else:
        form = AcceptForm(initial={"code": request.GET.get("code", "")[:200]})
    status = 200
    if request.method == "POST" and form.is_valid():
        try:
            services.invite_accept(
                user=user,
                vault=vault,
                code=form.cleaned_data["code"],
                name=form.cleaned_data["name"],
                client=client_address(request),
            )
        except ValidationError as exc:
            add_errors(form, exc, unnamed="code")
            status = 429 if exc.code == "throttled" else 200
        else:
            messages.success(request, "You are in a space together now.")
            return redirect("together:phrase")
    return render(request, "together/accept.html", {"form": form}, status=status)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def phrase(request: HttpRequest) -> HttpResponse:
    """The safety phrase, and the mark that it was compared in person."""
    user, vault = current_user(request), current_vault(request)
    if request.method == "POST":
        services.pair_refresh(user=user, vault=vault)
        try:
            services.phrase_compare(user=user, vault=vault)
        except ValidationError:
            return redirect("together:index")
        messages.success(request, "Thank you. The words matched, so this space is yours.")
        return redirect("together:index")
    home = selectors.home_for(user=user, vault=vault)
    if home.state == "unpaired":
        return redirect("together:index")
    return render(request, "together/phrase.html", {"home": home})


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def end(request: HttpRequest) -> HttpResponse:
    """End the space: one POST, for either partner, now."""
    user = current_user(request)
    if request.method == "POST":
        services.pair_end(user=user)
        messages.success(request, "The space has ended. Everything in it is gone.")
        return redirect("together:index")
    home = selectors.home_for(user=user, vault=current_vault(request))
    if home.state == "unpaired":
        return redirect("together:index")
    return render(request, "together/end.html", {"partner_name": home.partner_name})


def _back(request: HttpRequest) -> str:
    """Return the page the form came from when it is a path on this site, else the home."""
    target = request.POST.get("next", "")
    # Only our own pages: never another site, a scheme-relative URL, or a backslash
    # some browsers read as a slash; no control characters in a header.
    if (
        target.startswith("/")
        and len(target) < 500
        and not any(ord(c) < 0x20 or c in "\\\x7f" for c in target)
        and url_has_allowed_host_and_scheme(
            target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        )
    ):
        return target
    return url_for("together:index")


@login_required
@require_POST
def share(request: HttpRequest) -> HttpResponse:
    """Share one of the person's own items with their partner, as a sealed copy."""
    user, vault = current_user(request), current_vault(request)
    form = ShareForm(request.POST)
    if not form.is_valid():
        messages.error(request, "That could not be shared. Nothing was changed.")
        return redirect(_back(request))
    services.pair_refresh(user=user, vault=vault)
    try:
        sharing.copy_create(
            user=user,
            vault=vault,
            kind=form.cleaned_data["kind"],
            item_id=form.cleaned_data["item"],
        )
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, "Shared with your partner. You can unshare it at any time.")
    return redirect(_back(request))


@login_required
@require_POST
def unshare(request: HttpRequest, copy_id: UUID) -> HttpResponse:
    """Delete the person's own shared copy (a partner's or a stranger's id is a 404)."""
    user, vault = current_user(request), current_vault(request)
    sharing.copy_delete(user=user, vault=vault, copy_id=copy_id)
    services.pair_refresh(user=user, vault=vault)
    messages.success(request, "Unshared. Your partner no longer sees it.")
    return redirect(_back(request))
