"""invite_accept: pairing two accounts, and every way a code can be refused."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from nearer.conftest import Person
from nearer.people.content import PERSON_LABEL, PersonDetails
from nearer.people.models import Person as PersonRow
from nearer.together import services
from nearer.together.models import Invite, InviteAttempt, Member, Pair
from nearer.together.space import space_open


def _names_in_people(owner: Person) -> list[tuple[str, int | None, str]]:
    rows = PersonRow.objects.filter(owner=owner.user)
    found: list[tuple[str, int | None, str]] = []
    for row in rows:
        details = PersonDetails.from_json(
            owner.vault.open_json(PERSON_LABEL, row.id, bytes(row.content))
        )
        found.append((details.name, details.partner_user, details.circle))
    return found


def test_accepting_pairs_both_and_both_open_the_same_space(alice: Person, bob: Person) -> None:
    made = services.invite_create(user=alice.user, vault=alice.vault, name="Inviter Quillfeather")
    space = services.invite_accept(
        user=bob.user, vault=bob.vault, name="Accepter Marchbank", code=made.code
    )
    assert space.partner_id == alice.user.pk
    alices = space_open(user=alice.user, vault=alice.vault)
    assert alices is not None
    assert alices.pair_id == space.pair_id
    sealed = space.box.seal_json("together.test.words", "row", "zebrafinch-harbour")
    assert alices.box.open_json("together.test.words", "row", sealed) == "zebrafinch-harbour"
    assert Invite.objects.get().used_at is not None


def test_the_accepter_gets_the_inviter_in_their_people_and_the_inviter_at_refresh(
    alice: Person, bob: Person
) -> None:
    made = services.invite_create(user=alice.user, vault=alice.vault, name="Inviter Quillfeather")
    services.invite_accept(
        user=bob.user, vault=bob.vault, name="Accepter Marchbank", code=made.code
    )
    assert _names_in_people(bob) == [("Inviter Quillfeather", alice.user.pk, "inner")]
    assert _names_in_people(alice) == []
    services.pair_refresh(user=alice.user, vault=alice.vault)
    services.pair_refresh(user=alice.user, vault=alice.vault)
    assert _names_in_people(alice) == [("Accepter Marchbank", bob.user.pk, "inner")]


def test_a_code_is_used_once(alice: Person, bob: Person, charlie: Person) -> None:
    made = services.invite_create(user=alice.user, vault=alice.vault, name="Inviter Quillfeather")
    services.invite_accept(
        user=bob.user, vault=bob.vault, name="Accepter Marchbank", code=made.code
    )
    with pytest.raises(ValidationError, match="does not open an invite"):
        services.invite_accept(user=charlie.user, vault=charlie.vault, name="C", code=made.code)
    assert not Member.objects.filter(user=charlie.user).exists()


def test_an_old_code_is_refused(alice: Person, bob: Person) -> None:
    made = services.invite_create(user=alice.user, vault=alice.vault, name="Inviter Quillfeather")
    Invite.objects.update(expires_at=timezone.now() - timedelta(seconds=1))
    with pytest.raises(ValidationError, match="does not open an invite"):
        services.invite_accept(
            user=bob.user, vault=bob.vault, name="Accepter Marchbank", code=made.code
        )
    assert not Pair.objects.exists()


def test_ones_own_invite_is_refused(alice: Person) -> None:
    made = services.invite_create(user=alice.user, vault=alice.vault, name="Inviter Quillfeather")
    with pytest.raises(ValidationError, match="your own invite"):
        services.invite_accept(user=alice.user, vault=alice.vault, name="A", code=made.code)
    assert not Pair.objects.exists()


def test_a_person_already_paired_is_told_so(alice: Person, bob: Person, charlie: Person) -> None:
    made = services.invite_create(user=alice.user, vault=alice.vault, name="Inviter Quillfeather")
    services.invite_accept(
        user=bob.user, vault=bob.vault, name="Accepter Marchbank", code=made.code
    )
    other = services.invite_create(
        user=charlie.user, vault=charlie.vault, name="Inviter Quillfeather"
    )
    with pytest.raises(ValidationError, match="already in a space"):
        services.invite_accept(
            user=bob.user, vault=bob.vault, name="Accepter Marchbank", code=other.code
        )
    assert Pair.objects.count() == 1


def test_wrong_codes_are_counted_and_then_even_the_right_one_waits(
    alice: Person, bob: Person
) -> None:
    made = services.invite_create(user=alice.user, vault=alice.vault, name="Inviter Quillfeather")
    for _ in range(services.ATTEMPT_LIMIT):
        with pytest.raises(ValidationError, match="does not open an invite"):
            services.invite_accept(
                user=bob.user,
                vault=bob.vault,
                name="Accepter Marchbank",
                code="0" * 24,
                client="1.2.3.4",
            )
    assert InviteAttempt.objects.count() == 2 * services.ATTEMPT_LIMIT
    with pytest.raises(ValidationError, match="Too many codes"):
        services.invite_accept(
            user=bob.user,
            vault=bob.vault,
            name="Accepter Marchbank",
            code=made.code,
            client="1.2.3.4",
        )
    assert not Pair.objects.exists()


def test_pairing_again_with_the_same_partner_adds_them_to_people_once(
    alice: Person, bob: Person
) -> None:
    for _ in range(2):
        made = services.invite_create(
            user=alice.user, vault=alice.vault, name="Inviter Quillfeather"
        )
        services.invite_accept(
            user=bob.user, vault=bob.vault, name="Accepter Marchbank", code=made.code
        )
        services.pair_refresh(user=alice.user, vault=alice.vault)
        services.pair_end(user=bob.user)
    assert _names_in_people(bob) == [("Inviter Quillfeather", alice.user.pk, "inner")]
    assert _names_in_people(alice) == [("Accepter Marchbank", bob.user.pk, "inner")]
