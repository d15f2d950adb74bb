from __future__ import annotations

from datetime import timedelta

import pytest
from django.http import Http404
from django.utils import timezone

from nearer.conftest import Person
from nearer.journal.models import Entry
from nearer.opening.services import share_entry_write
from nearer.opening.tests.conftest import AddPerson, AddShare, opened

pytestmark = pytest.mark.django_db


def test_it_makes_one_entry_dated_the_day_it_was_shared(
    alice: Person, add_person: AddPerson, add_share: AddShare
) -> None:
    day = timezone.localdate() - timedelta(days=4)
    share = add_share(alice, [add_person(alice)], shared_on=day)
    today = timezone.localdate()
    entry = share_entry_write(user=alice.user, vault=alice.vault, share_id=share.id, today=today)
    again = share_entry_write(user=alice.user, vault=alice.vault, share_id=share.id, today=today)
    assert again.id == entry.id and Entry.objects.count() == 1
    assert entry.entry_date == day
    assert opened(alice, share.id)[0].entry_id == entry.id


def test_a_deleted_entry_is_made_again(
    alice: Person, add_person: AddPerson, add_share: AddShare
) -> None:
    share = add_share(alice, [add_person(alice)])
    today = timezone.localdate()
    first = share_entry_write(user=alice.user, vault=alice.vault, share_id=share.id, today=today)
    first.delete()
    second = share_entry_write(user=alice.user, vault=alice.vault, share_id=share.id, today=today)
    assert second.id != first.id and opened(alice, share.id)[0].entry_id == second.id


def test_a_share_of_someone_else_is_a_404(
    alice: Person, charlie: Person, add_person: AddPerson, add_share: AddShare
) -> None:
    theirs = add_share(charlie, [add_person(charlie)])
    with pytest.raises(Http404):
        share_entry_write(
            user=alice.user, vault=alice.vault, share_id=theirs.id, today=timezone.localdate()
        )
    assert not Entry.objects.exists()
