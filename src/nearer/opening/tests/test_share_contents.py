from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from nearer.conftest import Person
from nearer.opening.models import Share
from nearer.opening.selectors import share_contents
from nearer.opening.tests.conftest import AddPerson, AddShare

pytestmark = pytest.mark.django_db


def test_it_gives_the_owners_shares_opened_newest_first(
    alice: Person, charlie: Person, add_person: AddPerson, add_share: AddShare
) -> None:
    ana = add_person(alice)
    older = add_share(alice, [ana], text="Olderword", anxiety_before=7)
    newer = add_share(alice, [ana], text="Newerword")
    Share.objects.filter(id=older.id).update(created_at=timezone.now() - timedelta(days=3))
    add_share(charlie, [add_person(charlie)], text="Charlieword")
    found = share_contents(user=alice.user, vault=alice.vault)
    assert [(share.id, content.text) for share, content in found] == [
        (newer.id, "Newerword"),
        (older.id, "Olderword"),
    ]
    assert found[1][1].anxiety_before == 7


def test_a_share_that_wont_open_is_left_out(
    alice: Person, add_person: AddPerson, add_share: AddShare
) -> None:
    ana = add_person(alice)
    kept = add_share(alice, [ana])
    broken = add_share(alice, [ana])
    Share.objects.filter(id=broken.id).update(content=b"damaged")
    assert [share.id for share, _ in share_contents(user=alice.user, vault=alice.vault)] == [
        kept.id
    ]
