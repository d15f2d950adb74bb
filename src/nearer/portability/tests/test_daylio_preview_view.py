"""The Daylio preview page: the mood mapping with defaults, rows escaped, 404 for others."""

from __future__ import annotations

import pytest
from django.urls import reverse

from nearer.conftest import Person
from nearer.portability.daylio_import import daylio_prepare
from nearer.portability.tests.conftest import fixture_bytes

pytestmark = pytest.mark.django_db


def test_it_offers_each_mood_with_its_default(alice: Person) -> None:
    import_id = daylio_prepare(user=alice.user, vault=alice.vault, data=fixture_bytes("daylio.csv"))
    page = alice.client.get(
        reverse("portability:daylio_preview", args=[import_id])
    ).content.decode()
    assert '<select name="mood_1" id="id_mood_1">' in page
    rad = page[page.index('name="mood_1"') :]
    assert rad.index('value="2" selected') < rad.index("</select>")
    assert 'sleepy</label> <span class="small muted">(your own mood: please check)' in page
    assert "<strong>6</strong> new check-ins to add" in page
    assert "Very pleasant: Joyful" in page


def test_a_mood_and_note_with_markup_are_shown_escaped(alice: Person) -> None:
    data = (
        b"full_date,date,weekday,time,mood,activities,note_title,note\n"
        b"2024-01-01,,,10:00,<i>Moodwordheron</i>,<b>act</b>,,<script>Notewordheron</script>\n"
    )
    import_id = daylio_prepare(user=alice.user, vault=alice.vault, data=data)
    page = alice.client.get(
        reverse("portability:daylio_preview", args=[import_id])
    ).content.decode()
    assert "&lt;i&gt;Moodwordheron&lt;/i&gt;" in page
    assert "&lt;script&gt;Notewordheron&lt;/script&gt;" in page
    assert "<i>Moodwordheron" not in page and "<script>Notewordheron" not in page


def test_another_accounts_import_is_a_404(alice: Person, bob: Person) -> None:
    import_id = daylio_prepare(user=alice.user, vault=alice.vault, data=fixture_bytes("daylio.csv"))
    assert (
        bob.client.get(reverse("portability:daylio_preview", args=[import_id])).status_code == 404
    )
