"""/journal/new/: write an entry, free or guided; bad input keeps the words and saves nothing."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, timedelta

import pytest
from django.test import Client
from django.utils import timezone

from nearer.accounts.services import preferences_update
from nearer.conftest import Person, Response
from nearer.journal.content import content_open
from nearer.journal.models import Entry
from nearer.journal.rules import MAX_BODY

URL = "/journal/new/"


def _post(person: Person, **fields: str) -> Response:
    data = {"entry_date": "2026-05-14", "title": "", "body": "Some words.", "tags": ""}
    data.update(fields)
    return person.client.post(URL, data)


def test_it_shows_the_form_with_a_draft_key_and_today(alice: Person) -> None:
    response = alice.client.get(URL)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'data-draft-key="journal:new"' in html
    assert f'data-draft-owner="{alice.user.pk}"' in html
    assert 'name="draft_id"' in html
    assert "data-draft-errors" not in html
    assert "maxlength" not in html  # nothing typed may be cut off by the browser


def test_it_saves_and_shows_the_entry(alice: Person) -> None:
    response = _post(alice, title="Walk", body="By the river.", tags="walks, River, walks")
    entry = Entry.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/journal/{entry.id}/"
    content = content_open(alice.vault, entry.id, entry.content)
    assert (content.title, content.body) == ("Walk", "By the river.")
    assert content.tags == ("walks", "River")
    assert entry.entry_date == date(2026, 5, 14)


def test_the_next_page_tells_the_browser_to_forget_the_draft(alice: Person) -> None:
    response = _post(alice)
    page = alice.client.get(response["Location"]).content.decode()
    assert 'data-draft-saved="journal:new"' in page
    # Only once: a reload does not clear a draft started since.
    page = alice.client.get(response["Location"]).content.decode()
    assert "data-draft-saved" not in page


def test_it_saves_a_guided_entry_with_its_prompt(alice: Person) -> None:
    page = alice.client.get(URL, {"prompt": "acceptance.rest"}).content.decode()
    assert "What would rest look like today" in page
    assert 'value="acceptance.rest"' in page
    _post(alice, prompt="acceptance.rest")
    entry = Entry.objects.get()
    content = content_open(alice.vault, entry.id, entry.content)
    assert (content.kind, content.prompt) == ("guided", "acceptance.rest")


def test_an_unknown_prompt_is_a_free_entry(alice: Person) -> None:
    assert alice.client.get(URL, {"prompt": "nope"}).status_code == 200
    _post(alice, prompt="nope")
    entry = Entry.objects.get()
    assert content_open(alice.vault, entry.id, entry.content).kind == "free"


def test_a_date_in_the_query_fills_the_date(alice: Person) -> None:
    page = alice.client.get(URL, {"date": "2025-12-24"}).content.decode()
    assert 'value="2025-12-24"' in page
    assert alice.client.get(URL, {"date": "2025-13-45"}).status_code == 200


def test_a_huge_entry_gets_a_clear_message_keeps_the_words_and_saves_nothing(alice: Person) -> None:
    body = "w" * (MAX_BODY + 1)
    response = _post(alice, body=body)
    assert response.status_code == 200
    html = response.content.decode()
    assert "more than the 100,000 one entry can hold" in html
    assert body in html
    assert "data-draft-errors" in html
    assert not Entry.objects.exists()


def test_an_empty_entry_gets_a_clear_message(alice: Person) -> None:
    response = _post(alice, body="   ")
    assert "the entry is empty" in response.content.decode()
    assert not Entry.objects.exists()


def test_bad_dates_get_a_clear_message(alice: Person) -> None:
    for bad in ("2026-02-30", "yesterday", "1850-01-01", "3026-01-01", ""):
        response = _post(alice, entry_date=bad)
        assert response.status_code == 200, bad
        assert 'class="errors"' in response.content.decode(), bad
    assert not Entry.objects.exists()


def test_a_day_after_the_persons_today_is_refused_with_a_clear_message(
    alice: Person, monkeypatch: pytest.MonkeyPatch
) -> None:
    # 23:30 UTC on 31 January is already 1 February in Tokyo: that day is theirs to
    # write about, the next one is not.
    monkeypatch.setattr(timezone, "now", lambda: datetime(2026, 1, 31, 23, 30, tzinfo=UTC))
    preferences_update(user=alice.user, vault=alice.vault, time_zone="Asia/Tokyo")
    response = _post(alice, entry_date="2026-02-02")
    assert response.status_code == 200
    assert "That day hasn&#x27;t come yet" in response.content.decode()
    assert not Entry.objects.exists()
    assert _post(alice, entry_date="2026-02-01").status_code == 302
    assert Entry.objects.get().entry_date == date(2026, 2, 1)


def test_the_servers_today_is_refused_when_it_is_the_persons_tomorrow(
    alice: Person, monkeypatch: pytest.MonkeyPatch
) -> None:
    # 05:00 UTC on 1 February is still 31 January in Pago Pago.
    monkeypatch.setattr(timezone, "now", lambda: datetime(2026, 2, 1, 5, 0, tzinfo=UTC))
    preferences_update(user=alice.user, vault=alice.vault, time_zone="Pacific/Pago_Pago")
    response = _post(alice, entry_date="2026-02-01")
    assert "That day hasn&#x27;t come yet" in response.content.decode()
    assert not Entry.objects.exists()


def test_the_form_says_and_offers_only_days_up_to_today(alice: Person) -> None:
    today = timezone.localdate()
    html = alice.client.get(URL).content.decode()
    assert "Today or an earlier day." in html
    assert f'max="{today.isoformat()}"' in html


def test_a_date_after_today_in_the_address_is_not_offered(alice: Person) -> None:
    today = timezone.localdate()
    later = (today + timedelta(days=3)).isoformat()
    html = alice.client.get(f"{URL}?date={later}").content.decode()
    assert f'value="{later}"' not in html
    assert f'value="{today.isoformat()}"' in html


def test_too_many_or_too_long_tags_get_a_clear_message(alice: Person) -> None:
    response = _post(alice, tags=",".join(f"t{i}" for i in range(21)))
    assert "at most 20 tags" in response.content.decode()
    response = _post(alice, tags="x" * 41)
    assert "at most 40 characters" in response.content.decode()
    assert not Entry.objects.exists()


def test_sending_the_same_draft_twice_keeps_one_entry_with_the_latest_words(alice: Person) -> None:
    draft = str(uuid.uuid4())
    first = _post(alice, draft_id=draft, body="First go.")
    second = _post(alice, draft_id=draft, body="First go, and more.")
    entry = Entry.objects.get()
    assert str(entry.id) == draft
    assert first["Location"] == second["Location"] == f"/journal/{draft}/"
    assert content_open(alice.vault, entry.id, entry.content).body == "First go, and more."


def test_a_draft_id_of_someone_else_makes_a_new_entry(alice: Person, bob: Person) -> None:
    _post(bob, body="Bob's.")
    bobs = Entry.objects.get()
    _post(alice, draft_id=str(bobs.id), body="Alice's.")
    assert Entry.objects.count() == 2
    assert content_open(bob.vault, bobs.id, Entry.objects.get(id=bobs.id).content).body == "Bob's."


def test_a_logged_out_post_goes_to_login_and_comes_back_here(db: None) -> None:
    response = Client().post(URL, {"body": "Typed before the session ended."})
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/?next=/journal/new/")
    assert not Entry.objects.exists()


def test_a_timed_out_session_post_goes_to_login_and_comes_back_here(alice: Person) -> None:
    # What the browser sees when the session row is gone (idle timeout).
    alice.client.session.flush()
    alice.client.cookies.pop("nearer_session", None)
    response = _post(alice, body="Typed before the session ended.")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/?next=/journal/new/")
    assert not Entry.objects.exists()
