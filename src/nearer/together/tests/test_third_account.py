"""A third account sees nothing of a pair: not the space, not the names, not copies."""

from __future__ import annotations

from nearer.conftest import Person
from nearer.together.models import SharedCopy
from nearer.together.sharing import copy_create
from nearer.together.space import space_open
from nearer.together.tests.helpers import ACCEPTER_NAME, INVITER_NAME, pair_up


def test_a_stranger_sees_only_their_own_empty_space(
    alice: Person, bob: Person, charlie: Person
) -> None:
    pair_up(alice, bob)
    from django.utils import timezone

    from nearer.journal.services import entry_create

    entry = entry_create(
        user=alice.user,
        vault=alice.vault,
        entry_date=timezone.localdate(),
        title="Wintergreen ledger",
        body="Only for bob",
        tags=[],
    )
    copy = copy_create(user=alice.user, vault=alice.vault, kind="entry", item_id=entry.id)
    assert space_open(user=charlie.user, vault=charlie.vault) is None
    for path in ("/together/", "/together/phrase/", "/together/end/", "/together/accept/"):
        page = charlie.client.get(path, follow=True).content
        for word in (b"Wintergreen", INVITER_NAME.encode(), ACCEPTER_NAME.encode()):
            assert word not in page, path
    assert charlie.client.post(f"/together/shared/{copy.id}/unshare/").status_code == 404
    assert SharedCopy.objects.filter(pk=copy.id).exists()
