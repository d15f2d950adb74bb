from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from nearer.conftest import Person
from nearer.opening.models import Share
from nearer.opening.services import share_let_go
from nearer.opening.tests.conftest import AddPerson, AddShare

pytestmark = pytest.mark.django_db

WAITED = "This has waited a while. It's fine to keep it, share it, or let it go."


def test_it_groups_shares_by_where_they_stand(
    alice: Person, add_person: AddPerson, add_share: AddShare
) -> None:
    ana = add_person(alice, name="Anastasia Quill")
    add_share(alice, [ana], text="Preparingword words")
    add_share(alice, [ana], text="Sharedword words", shared_on=timezone.localdate())
    gone = add_share(alice, [ana], text="Letgoword words")
    share_let_go(user=alice.user, vault=alice.vault, share_id=gone.id)
    html = alice.client.get("/opening-up/").content.decode()
    order = [html.index(word) for word in ("Preparingword", "Sharedword", "Letgoword")]
    assert order == sorted(order)
    assert html.index('<h2 id="shared-heading">') < order[1]
    assert "<details" in html and html.index("<details") < order[2]
    assert "With Anastasia Quill" in html
    assert 'href="/cards/"' in html and 'href="/opening-up/summary/"' in html


def test_a_share_waiting_a_month_gets_one_gentle_word(
    alice: Person, add_person: AddPerson, add_share: AddShare
) -> None:
    ana = add_person(alice)
    old = add_share(alice, [ana], text="Oldword words")
    add_share(alice, [ana], text="Newword words")
    Share.objects.filter(id=old.id).update(created_at=timezone.now() - timedelta(days=31))
    html = alice.client.get("/opening-up/").content.decode()
    assert html.count(WAITED) == 1
    assert html.index("Oldword") < html.index(WAITED)
    Share.objects.filter(id=old.id).update(created_at=timezone.now() - timedelta(days=29))
    assert WAITED not in alice.client.get("/opening-up/").content.decode()


def test_nobody_elses_shares_are_listed(
    alice: Person, charlie: Person, add_person: AddPerson, add_share: AddShare
) -> None:
    add_share(charlie, [add_person(charlie)], text="Charliesecretword words")
    html = alice.client.get("/opening-up/").content.decode()
    assert "Charliesecretword" not in html and "Nothing here yet" in html
