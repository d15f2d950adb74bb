"""What the list keeps of each share (opening.shown) follows every write of a share."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from nearer.conftest import Person
from nearer.opening.content import CONTENT_LABEL
from nearer.opening.models import Share
from nearer.opening.selectors import share_groups
from nearer.opening.services import share_delete, share_let_go, share_update
from nearer.opening.shown import PREVIEW, SHOWN, Shown, head_of
from nearer.opening.tests.conftest import AddPerson, AddShare
from nearer.vault.crypto import SealError
from nearer.vault.models import WHOLE_ACCOUNT, DerivedValue

pytestmark = pytest.mark.django_db


def _stored(owner: Person) -> Shown:
    """The value as kept in the database (not worked out): it must exist."""
    row = DerivedValue.objects.get(owner=owner.user, kind=SHOWN.name)
    assert row.content is not None
    return SHOWN.decode(owner.vault.open_json(SHOWN.label, row.subject, bytes(row.content)))


def _computed(owner: Person) -> Shown:
    return SHOWN.compute(owner.user.pk, owner.vault, WHOLE_ACCOUNT)


def _head(share_id: Any) -> str:
    return head_of(Share.objects.values_list("content", flat=True).get(id=share_id))


def test_a_new_share_is_kept_with_the_start_of_its_words_and_its_people(
    alice: Person, add_person: AddPerson, add_share: AddShare
) -> None:
    ana = add_person(alice)
    share = add_share(alice, [ana], text="Lanternbearer " + "y" * 200)
    [(key, entry)] = _stored(alice).items()
    assert key == share.id.hex
    assert entry == [_head(share.id), "Lanternbearer " + "y" * (PREVIEW - 15) + "…", [str(ana.id)]]
    assert _stored(alice) == _computed(alice)


def test_a_change_of_words_or_state_is_kept_in_the_same_write(
    alice: Person, add_person: AddPerson, add_share: AddShare
) -> None:
    ana, ben = add_person(alice, name="Ana"), add_person(alice, name="Ben")
    share = add_share(alice, [ana], text="Firstdraftword")
    share_update(
        user=alice.user,
        vault=alice.vault,
        share_id=share.id,
        text="Seconddraftword",
        person_ids=[ben.id],
    )
    assert _stored(alice)[share.id.hex][1:] == ["Seconddraftword", [str(ben.id)]]
    share_let_go(user=alice.user, vault=alice.vault, share_id=share.id)
    assert _stored(alice) == _computed(alice)
    assert _stored(alice)[share.id.hex][0] == _head(share.id)


def test_a_share_deleted_with_the_vault_is_kept_no_more(
    alice: Person, add_person: AddPerson, add_share: AddShare
) -> None:
    share = add_share(alice, [add_person(alice)], text="Forgettableword")
    share_delete(user=alice.user, vault=alice.vault, share_id=share.id)
    assert _stored(alice) == {}


def test_the_list_reads_the_kept_value_and_opens_no_share(
    alice: Person, add_person: AddPerson, add_share: AddShare
) -> None:
    ana = add_person(alice, name="Annelieselotte")
    for number in range(3):
        add_share(alice, [ana], text=f"Keptword {number}", shared_on=date(2025, 3, 4 + number))
    with CaptureQueriesContext(connection) as queries:
        groups = share_groups(user=alice.user, vault=alice.vault, today=date.today())
    assert [view.text for view in groups.shared] == ["Keptword 2", "Keptword 1", "Keptword 0"]
    # The index with the kept value (one query), and the clear columns with the heads:
    # nothing per share.
    sql = [query["sql"] for query in queries.captured_queries]
    assert len(sql) == 2, sql
    # The shares' content is read only as the head of each seal.
    assert "SUBSTR" in sql[1] and sql[1].count("content") == 1


def test_a_share_sealed_past_the_services_is_opened_as_it_is_now(
    alice: Person, add_person: AddPerson, add_share: AddShare
) -> None:
    share = add_share(alice, [add_person(alice)], text="Oldsealword")
    sealed = alice.vault.seal_json(CONTENT_LABEL, share.id, {"text": "Newsealword", "people": []})
    Share.objects.filter(id=share.id).update(content=sealed)
    [view] = share_groups(user=alice.user, vault=alice.vault, today=date.today()).preparing
    assert view.text == "Newsealword" and view.people == []


def test_shares_sealed_past_the_services_are_opened_in_one_query(
    alice: Person, add_person: AddPerson, add_share: AddShare
) -> None:
    ana = add_person(alice)
    for number in range(4):
        share = add_share(alice, [ana], text="Oldsealword")
        sealed = alice.vault.seal_json(
            CONTENT_LABEL, share.id, {"text": f"Bulksealword {number}", "people": []}
        )
        Share.objects.filter(id=share.id).update(content=sealed)
    with CaptureQueriesContext(connection) as queries:
        groups = share_groups(user=alice.user, vault=alice.vault, today=date.today())
    assert sorted(view.text or "" for view in groups.preparing) == [
        f"Bulksealword {number}" for number in range(4)
    ]
    # The two derived values, the clear columns, and the stale shares in one query.
    assert len(queries.captured_queries) == 3


@pytest.mark.parametrize(
    "raw",
    [
        [],
        {"ab": []},
        {"ab": ["head", "words"]},
        {"ab": [7]},
        {"ab": ["head", 7, []]},
        {"ab": ["head", "words", "someone"]},
        {"ab": ["head", "words", [7]]},
        {7: ["head"]},
    ],
)
def test_a_value_of_another_shape_will_not_open(raw: Any) -> None:
    with pytest.raises(SealError):
        SHOWN.decode(raw)


def test_a_value_of_the_right_shape_opens_as_it_is() -> None:
    value = {"ab": ["head", "words", ["some-id"]], "cd": ["head"]}
    assert SHOWN.decode(value) == value
    assert SHOWN.decode({}) == {}
