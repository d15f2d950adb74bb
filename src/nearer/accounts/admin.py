"""The admin's sign-up invites: a list, make one (its code shown once), revoke."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django import forms
from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.utils import timezone

from nearer.accounts import invites
from nearer.accounts.models import SignupInvite

_MADE_CODE = "_nearer_invite_code"

if TYPE_CHECKING:
    # django-stubs makes these generic for the type checker only.
    _InviteAdminBase = admin.ModelAdmin[SignupInvite]
    _InviteFormBase = forms.ModelForm[SignupInvite]
else:
    _InviteAdminBase = admin.ModelAdmin
    _InviteFormBase = forms.ModelForm


class InviteAddForm(_InviteFormBase):
    days = forms.IntegerField(
        label="Good for (days)",
        min_value=1,
        max_value=invites.MAX_DAYS,
        initial=invites.DEFAULT_DAYS,
        help_text=invites.DAYS_RANGE + " It works once.",
    )

    class Meta:
        model = SignupInvite
        fields: list[str] = []


@admin.register(SignupInvite)
class SignupInviteAdmin(_InviteAdminBase):
    list_display = ("created_at", "expires_at", "state")
    actions = ("revoke",)
    readonly_fields = ("created_at", "expires_at", "used_at", "revoked_at")

    @admin.display(description="state")
    def state(self, invite: SignupInvite) -> str:
        if invite.used_at is not None:
            return "used"
        if invite.revoked_at is not None:
            return "revoked"
        if invite.expires_at <= timezone.now():
            return "expired"
        return "open"

    def get_form(
        self,
        request: HttpRequest,
        obj: SignupInvite | None = None,
        change: bool = False,
        **kwargs: Any,
    ) -> type[forms.ModelForm[SignupInvite]]:
        if obj is None:
            return InviteAddForm
        return super().get_form(request, obj, change=change, **kwargs)

    def has_change_permission(self, request: HttpRequest, obj: SignupInvite | None = None) -> bool:
        # An invite is made and revoked, never edited; the list and details stay readable.
        return False

    def save_model(self, request: HttpRequest, obj: SignupInvite, form: Any, change: bool) -> None:
        made = invites.signup_invite_create(days=form.cleaned_data["days"])
        obj.pk = made.invite.pk
        obj.code_hash = made.invite.code_hash
        obj.created_at = made.invite.created_at
        obj.expires_at = made.invite.expires_at
        # Shown on the next page only, never stored: a message would keep it in a session.
        setattr(request, _MADE_CODE, made.code)

    def response_add(
        self, request: HttpRequest, obj: SignupInvite, post_url_continue: str | None = None
    ) -> HttpResponse:
        return TemplateResponse(
            request,
            "admin/accounts/signupinvite/made.html",
            {
                **self.admin_site.each_context(request),
                "code": getattr(request, _MADE_CODE, ""),
                "invite": obj,
                "opts": self.model._meta,
                "title": "Invite made",
            },
        )

    @admin.action(description="Revoke the selected invites")
    def revoke(self, request: HttpRequest, queryset: QuerySet[SignupInvite]) -> None:
        for invite in queryset:
            invites.signup_invite_revoke(invite=invite)
        self.message_user(request, "Revoked. A used invite stays as it was.", messages.SUCCESS)
