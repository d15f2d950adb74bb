"""Error reports never carry passwords or recovery codes; the admin never shows sealed
fields; pages load nothing from another host."""

from __future__ import annotations

import re

import pytest
from django.apps import apps
from django.contrib import admin
from django.db import models
from django.test import Client, RequestFactory
from django.views.debug import SafeExceptionReporterFilter

from nearer.conftest import Person
from nearer.journal.models import Entry
from nearer.people.models import Person as PersonRow
from nearer.tests.security.samples import routes

SECRET_FIELDS = ("password", "new_password1", "new_password2", "recovery_code")
FORMS = {
    "/accounts/login/": {"username": "alice", "password": "secret one here"},
    "/accounts/signup/": {
        "username": "zed",
        "new_password1": "secret one here",
        "new_password2": "secret one here",
    },
    "/accounts/forgot/": {
        "username": "alice",
        "recovery_code": "ABCD",
        "new_password1": "s" * 12,
        "new_password2": "s" * 12,
    },
}
LOGGED_IN_FORMS = {
    "/accounts/password/": {
        "password": "secret one here",
        "new_password1": "another one here",
        "new_password2": "another one here",
    },
    "/accounts/recovery-code/new/": {"password": "secret one here"},
    "/accounts/delete/": {"password": "secret one here"},
}


def _masked(response) -> dict[str, str]:  # type: ignore[no-untyped-def]
    request = response.wsgi_request
    return dict(SafeExceptionReporterFilter().get_post_parameters(request))


@pytest.mark.parametrize("url", FORMS)
def test_anonymous_forms_hide_secrets_from_error_reports(url: str, alice: Person) -> None:
    response = Client().post(url, FORMS[url])
    masked = _masked(response)
    for name in SECRET_FIELDS:
        if name in FORMS[url]:
            assert masked[name] != FORMS[url][name], f"{url} {name}"


@pytest.mark.parametrize("url", LOGGED_IN_FORMS)
def test_logged_in_forms_hide_secrets_from_error_reports(url: str, alice: Person) -> None:
    response = alice.client.post(url, LOGGED_IN_FORMS[url])
    masked = _masked(response)
    for name in SECRET_FIELDS:
        if name in LOGGED_IN_FORMS[url]:
            assert masked[name] != LOGGED_IN_FORMS[url][name], f"{url} {name}"


def _sealed_fields_shown(site: admin.AdminSite, user: object) -> list[str]:
    """Return "app.Model.field" for every sealed (binary) field ``site`` would show."""
    request = RequestFactory().get("/admin/")
    request.user = user  # type: ignore[assignment]
    shown_sealed = []
    for model in apps.get_models():
        sealed = {f.name for f in model._meta.get_fields() if isinstance(f, models.BinaryField)}
        model_admin = site._registry.get(model)
        if not sealed or model_admin is None:
            continue
        shown = set(model_admin.get_fields(request)) | set(model_admin.get_list_display(request))
        shown_sealed += [f"{model._meta.label}.{name}" for name in sorted(sealed & shown)]
    return shown_sealed


def test_the_admin_never_shows_a_sealed_field(alice: Person) -> None:
    alice.user.is_staff = alice.user.is_superuser = True
    alice.user.save()
    assert _sealed_fields_shown(admin.site, alice.user) == []


def test_the_sealed_field_check_sees_a_sealed_field_an_admin_would_show(alice: Person) -> None:
    # The check above passes trivially if it cannot see anything: prove it can.
    alice.user.is_staff = alice.user.is_superuser = True
    alice.user.save()
    site = admin.AdminSite(name="sealed-field-check")
    site.register(PersonRow, admin.ModelAdmin)
    site.register(Entry, type("EntryAdmin", (admin.ModelAdmin,), {"readonly_fields": ["content"]}))
    assert _sealed_fields_shown(site, alice.user) == ["journal.Entry.content"]
    site._registry[PersonRow].list_display = ("id", "content")
    assert _sealed_fields_shown(site, alice.user) == [
        "journal.Entry.content",
        "people.Person.content",
    ]


def test_the_admin_logs_in_through_nearers_own_login(db: None) -> None:
    response = Client().get("/admin/login/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


@pytest.mark.parametrize(
    "route",
    [r for r in routes() if not r.kwargs and r.namespace != "admin"],
    ids=lambda r: r.label,
)
def test_pages_load_nothing_from_another_host(route, alice: Person) -> None:  # type: ignore[no-untyped-def]
    html = alice.client.get("/" + route.route).content.decode()
    assert not re.search(r'\bsrc="(?:https?:)?//', html)
    assert not re.search(r'<link\b[^>]*href="(?:https?:)?//', html)
    assert "@import" not in html
