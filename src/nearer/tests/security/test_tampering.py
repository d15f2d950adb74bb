"""Security test 3: a flipped ciphertext byte, or a sealed value moved to another row or
another person, fails to open, and the page says so calmly instead of crashing."""

from __future__ import annotations

import base64

from django.conf import settings
from django.test import Client

from nearer.accounts.services import preferences_get, preferences_update
from nearer.accounts.views import PENDING_CODE
from nearer.conftest import Person
from nearer.journal.models import Entry
from nearer.journal.selectors import UNREADABLE_TITLE, entries_recent, entry_for
from nearer.tests.security.samples import make_samples
from nearer.vault.crypto import HEADER
from nearer.vault.models import Keyring
from nearer.vault.session import SESSION_DEK

PAGES = ("/", "/journal/", "/journal/tags/", "/journal/search/", "/journal/prompts/", "/accounts/")


def _flip(sealed: bytes | memoryview, index: int = HEADER + 5) -> bytes:
    broken = bytearray(bytes(sealed))
    broken[index] ^= 0x01
    return bytes(broken)


def _pages_stay_calm(client: Client) -> None:
    for url in PAGES:
        response = client.get(url, follow=True)
        assert response.status_code == 200, url
    assert client.post("/journal/search/", {"q": "owner"}, follow=True).status_code == 200


def test_a_flipped_byte_fails_to_open(alice: Person) -> None:
    entry = make_samples(alice).entry
    Entry.objects.filter(id=entry.id).update(content=_flip(entry.content))
    view = entry_for(user=alice.user, vault=alice.vault, entry_id=entry.id)
    assert not view.readable
    assert view.heading == UNREADABLE_TITLE
    assert view.body == ""


def test_a_flipped_nonce_or_tag_byte_fails_to_open(alice: Person) -> None:
    entry = make_samples(alice).entry
    for index in (2, len(bytes(entry.content)) - 1):
        Entry.objects.filter(id=entry.id).update(content=_flip(entry.content, index))
        assert not entry_for(user=alice.user, vault=alice.vault, entry_id=entry.id).readable


def test_a_value_moved_to_another_row_fails_to_open(alice: Person) -> None:
    samples = make_samples(alice)
    first, second = samples.entries[:2]
    Entry.objects.filter(id=second.id).update(content=first.content)
    assert not entry_for(user=alice.user, vault=alice.vault, entry_id=second.id).readable
    assert entry_for(user=alice.user, vault=alice.vault, entry_id=first.id).readable


def test_a_value_moved_to_another_persons_row_fails_to_open(alice: Person, bob: Person) -> None:
    mine = make_samples(alice).entry
    theirs = make_samples(bob, marker="bob").entry
    Entry.objects.filter(id=theirs.id).update(content=mine.content)
    assert not entry_for(user=bob.user, vault=bob.vault, entry_id=theirs.id).readable


def test_a_row_given_to_another_person_fails_to_open(alice: Person, bob: Person) -> None:
    entry = make_samples(alice).entry
    Entry.objects.filter(id=entry.id).update(owner=bob.user)
    assert not entry_for(user=bob.user, vault=bob.vault, entry_id=entry.id).readable


def test_lists_show_the_others_and_mark_the_broken_one(alice: Person) -> None:
    samples = make_samples(alice)
    broken, fine = samples.entries[:2]
    Entry.objects.filter(id=broken.id).update(content=_flip(broken.content))
    views = {v.id: v for v in entries_recent(user=alice.user, vault=alice.vault, limit=10)}
    assert not views[broken.id].readable
    assert views[fine.id].readable


def test_pages_stay_calm_with_a_broken_entry(alice: Person) -> None:
    samples = make_samples(alice)
    entry = samples.entry
    Entry.objects.filter(id=entry.id).update(content=_flip(entry.content))
    _pages_stay_calm(alice.client)
    assert b"owner-secret-title-0" not in alice.client.get("/").content


def test_broken_preferences_leave_the_pages_calm(alice: Person) -> None:
    preferences_update(user=alice.user, vault=alice.vault, display_name="Ally")
    sealed = Keyring.objects.get(user=alice.user).preferences
    assert sealed is not None
    Keyring.objects.filter(user=alice.user).update(preferences=_flip(sealed))
    assert preferences_get(user=alice.user, vault=alice.vault) == {}
    _pages_stay_calm(alice.client)


def test_preferences_moved_from_another_person_do_not_open(alice: Person, bob: Person) -> None:
    preferences_update(user=bob.user, vault=bob.vault, display_name="Bobby")
    sealed = Keyring.objects.get(user=bob.user).preferences
    Keyring.objects.filter(user=alice.user).update(preferences=sealed)
    assert b"Bobby" not in alice.client.get("/").content
    _pages_stay_calm(alice.client)


def test_a_broken_password_wrap_refuses_login_calmly(alice: Person) -> None:
    wrap = Keyring.objects.get(user=alice.user).dek_by_password
    Keyring.objects.filter(user=alice.user).update(dek_by_password=_flip(wrap))
    client = Client()
    response = client.post("/accounts/login/", {"username": "alice", "password": alice.password})
    assert response.status_code == 200
    assert b"don&#x27;t match" in response.content
    assert "_auth_user_id" not in client.session


def test_a_broken_session_half_ends_the_session_calmly(alice: Person) -> None:
    session = alice.client.session
    sealed = base64.b64decode(session[SESSION_DEK])
    session[SESSION_DEK] = base64.b64encode(_flip(sealed)).decode()
    session.save()
    response = alice.client.get("/")
    assert response.status_code == 302
    assert "ended=1" in response["Location"]


def test_a_tampered_key_cookie_ends_the_session_calmly(alice: Person) -> None:
    value = alice.client.cookies[settings.VAULT_COOKIE_NAME].value.strip('"')
    raw = base64.urlsafe_b64decode(value)
    alice.client.cookies[settings.VAULT_COOKIE_NAME] = base64.urlsafe_b64encode(
        _flip(raw, 0)
    ).decode()
    response = alice.client.get("/")
    assert response.status_code == 302
    assert "ended=1" in response["Location"]


def test_a_broken_pending_recovery_code_is_not_shown_and_does_not_crash(alice: Person) -> None:
    session = alice.client.session
    session[PENDING_CODE] = base64.b64encode(b"\x01\x01" + b"\x00" * 40).decode()
    session.save()
    response = alice.client.get("/accounts/recovery-code/")
    assert response.status_code == 302
    session = alice.client.session
    session[PENDING_CODE] = "this is not base64 at all!"
    session.save()
    assert alice.client.get("/accounts/recovery-code/").status_code == 302


def test_the_entry_page_says_calmly_that_it_could_not_be_opened(alice: Person) -> None:
    entry = make_samples(alice).entry
    Entry.objects.filter(id=entry.id).update(content=_flip(entry.content))
    response = alice.client.get(f"/journal/{entry.id}/")
    assert response.status_code == 200
    assert UNREADABLE_TITLE.encode() in response.content
    assert b"owner-secret-body-0" not in response.content


def test_an_entry_that_will_not_open_is_not_edited_over(alice: Person) -> None:
    entry = make_samples(alice).entry
    broken = _flip(entry.content)
    Entry.objects.filter(id=entry.id).update(content=broken)
    page = alice.client.get(f"/journal/{entry.id}/edit/", follow=True)
    assert page.status_code == 200
    assert b"could not be opened" in page.content
    response = alice.client.post(
        f"/journal/{entry.id}/edit/",
        {"title": "new", "body": "new words", "tags": "", "entry_date": "2020-01-01"},
        follow=True,
    )
    assert response.status_code == 200
    assert bytes(Entry.objects.get(id=entry.id).content) == broken


def test_an_entry_that_will_not_open_can_still_be_deleted(alice: Person) -> None:
    entry = make_samples(alice).entry
    Entry.objects.filter(id=entry.id).update(content=_flip(entry.content))
    assert alice.client.get(f"/journal/{entry.id}/delete/").status_code == 200
    response = alice.client.post(f"/journal/{entry.id}/delete/")
    assert response.status_code == 302
    assert not Entry.objects.filter(id=entry.id).exists()


def test_a_moved_entry_shows_as_unopened_on_its_new_owners_page(alice: Person, bob: Person) -> None:
    mine = make_samples(alice).entry
    theirs = make_samples(bob, marker="bob").entry
    Entry.objects.filter(id=theirs.id).update(content=mine.content)
    response = bob.client.get(f"/journal/{theirs.id}/")
    assert response.status_code == 200
    assert UNREADABLE_TITLE.encode() in response.content
    assert b"owner-secret" not in response.content
    _pages_stay_calm(bob.client)
