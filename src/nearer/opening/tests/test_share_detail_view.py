from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from nearer.conftest import Person
from nearer.opening.models import Share
from nearer.opening.services import share_reflect
from nearer.opening.tests.conftest import AddPerson, AddShare

pytestmark = pytest.mark.django_db


def test_a_preparing_share_offers_to_share_edit_or_let_go(
    alice: Person, add_person: AddPerson, add_share: AddShare
) -> None:
    ana = add_person(alice, name="Anastasia Quill")
    share = add_share(alice, [ana], text="Detailword", fear="Fearword", hope="Hopeword")
    html = alice.client.get(f"/opening-up/{share.id}/").content.decode()
    for words in ("Detailword", "Fearword", "Hopeword", "Anastasia Quill", "I shared it"):
        assert words in html
    assert f'href="/people/{ana.id}/"' in html
    assert "I decided not to share this" in html and "How did it go?" not in html


def test_a_reflected_share_shows_how_it_went(
    alice: Person, add_person: AddPerson, add_share: AddShare
) -> None:
    day = timezone.localdate() - timedelta(days=2)
    share = add_share(alice, [add_person(alice)], shared_on=day, how="letter", anxiety_before=8)
    share_reflect(
        user=alice.user,
        vault=alice.vault,
        share_id=share.id,
        reception=["kind"],
        reception_note="Receptionword",
        anxiety_after=3,
        closeness_after=None,
        reciprocated="yes",
        today=timezone.localdate(),
    )
    html = alice.client.get(f"/opening-up/{share.id}/").content.decode()
    for words in (
        "Letter",
        "They were kind",
        "Receptionword",
        "Anxious afterwards: 3 of 10 (before: 8)",
        "Yes, they opened up too",
    ):
        assert words in html


def test_a_share_that_wont_open_says_so(
    alice: Person, add_person: AddPerson, add_share: AddShare
) -> None:
    share = add_share(alice, [add_person(alice)])
    Share.objects.filter(id=share.id).update(content=b"not sealed")
    html = alice.client.get(f"/opening-up/{share.id}/").content.decode()
    assert "This share could not be opened." in html
    assert "could not be opened" in alice.client.get("/opening-up/").content.decode()


def test_a_share_of_someone_else_is_a_404(
    alice: Person, charlie: Person, add_person: AddPerson, add_share: AddShare
) -> None:
    theirs = add_share(charlie, [add_person(charlie)])
    assert alice.client.get(f"/opening-up/{theirs.id}/").status_code == 404
