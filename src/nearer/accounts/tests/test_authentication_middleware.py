"""The logged-in person is read in the session's own query; Django's checks still run."""

from __future__ import annotations

from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext

from nearer.accounts.models import AccountSession, User
from nearer.accounts.session_store import SessionStore, account_loaded_with, reading_user_of
from nearer.conftest import Person


def _queries_of(person: Person, path: str) -> tuple[int, list[str]]:
    with CaptureQueriesContext(connection) as captured:
        response = person.client.get(path)
    return response.status_code, [query["sql"] for query in captured.captured_queries]


def test_a_logged_in_page_reads_the_account_with_the_session(alice: Person) -> None:
    status, queries = _queries_of(alice, "/")
    assert status == 200
    session_reads = [sql for sql in queries if 'FROM "accounts_accountsession"' in sql]
    assert len(session_reads) == 1
    assert '"accounts_user"."password"' in session_reads[0]
    # No second query for the account on its own.
    assert not [sql for sql in queries if sql.lstrip().startswith('SELECT "accounts_user"')]


def test_a_changed_password_elsewhere_still_ends_the_session(alice: Person) -> None:
    # The session's auth hash no longer matches the account read with it.
    User.objects.filter(pk=alice.user.pk).update(password="!changed-elsewhere-zebrafinch")
    response = alice.client.get("/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_a_deactivated_account_is_logged_out(alice: Person) -> None:
    User.objects.filter(pk=alice.user.pk).update(is_active=False)
    response = alice.client.get("/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_a_session_ended_elsewhere_is_logged_out(alice: Person) -> None:
    AccountSession.objects.filter(user_id=alice.user.pk).delete()
    response = alice.client.get("/")
    assert response.status_code == 302


def test_the_joined_account_is_only_handed_out_for_its_own_id(alice: Person, bob: Person) -> None:
    key = alice.client.cookies[settings.SESSION_COOKIE_NAME].value
    store = SessionStore(session_key=key)
    store.load()
    with reading_user_of(store):
        assert account_loaded_with(alice.user.pk) == alice.user
        assert account_loaded_with(bob.user.pk) is None
    # Outside a lookup, nothing is handed out.
    assert account_loaded_with(alice.user.pk) is None


def test_an_unknown_session_key_has_no_account(db: None) -> None:
    store = SessionStore(session_key="nosuchsessionkeyquagmirepelican1")
    assert store.load() == {}
    with reading_user_of(store):
        assert account_loaded_with(1) is None
