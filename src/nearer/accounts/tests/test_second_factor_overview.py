"""The second step's page (accounts:second_factor) and new backup codes."""

from __future__ import annotations

import re

from nearer.accounts import second_factor
from nearer.accounts.tests.second_factor_helpers import turn_on
from nearer.conftest import Person

PAGE, NEW = "/accounts/second-step/", "/accounts/second-step/backup-codes/new/"


def test_off_it_offers_to_set_up(alice: Person) -> None:
    page = alice.client.get(PAGE).content
    assert b"Set up an authenticator app" in page


def test_on_it_counts_the_backup_codes_left(alice: Person) -> None:
    _, codes = turn_on(alice)
    second_factor.code_accept(user=alice.user, vault=alice.vault, typed=codes[0])
    page = alice.client.get(PAGE).content
    assert b"Backup codes left: 9 of 10" in page
    assert codes[1].encode() not in page


def test_new_backup_codes_are_shown_once_and_end_the_old(alice: Person) -> None:
    _, old = turn_on(alice)
    response = alice.client.post(NEW)
    shown = re.findall(r"<code>([a-z0-9]{5}-[a-z0-9]{5})</code>", response.content.decode())
    assert len(shown) == 10 and not set(shown) & set(old)
    assert not second_factor.code_accept(user=alice.user, vault=alice.vault, typed=old[0])


def test_new_backup_codes_need_the_app_on(alice: Person) -> None:
    assert alice.client.post(NEW)["Location"] == PAGE
    assert second_factor.backup_codes_left(user=alice.user) == 0
