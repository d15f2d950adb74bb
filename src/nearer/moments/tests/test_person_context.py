from __future__ import annotations

import pytest
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.utils import timezone

from nearer.conftest import Person
from nearer.moments.person import LATEST, person_context
from nearer.moments.tests.conftest import AddMoment, AddPerson, days_ago
from nearer.people.selectors import person_get

pytestmark = pytest.mark.django_db


def test_it_gives_the_latest_moments_and_a_quick_log(
    alice: Person, add_person: AddPerson, add_moment: AddMoment
) -> None:
    ana = add_person(alice, name="Ana")
    for days in range(LATEST + 2):
        add_moment(alice, [ana], occurred_on=days_ago(days), note=f"note {days}.")
    view = person_get(user=alice.user, vault=alice.vault, person_id=ana.id)
    context = person_context(
        user=alice.user, vault=alice.vault, person=view, today=timezone.localdate()
    )
    assert len(context["moments_latest"]) == LATEST
    assert context["moments_total"] == LATEST + 2
    assert context["moments_latest_words"] == "today"
    request = RequestFactory().get(f"/people/{ana.id}/")
    request.user = alice.user
    html = render_to_string("moments/_person_moments.html", context, request=request)
    assert "note 0." in html and f"note {LATEST}." not in html
    assert f'name="people" value="{ana.id}"' in html
    assert f"/moments/?person={ana.id}" in html
    assert f"All {LATEST + 2} moments together" in html
    assert "Latest moment: today." in html
    # The quick log's radio buttons, one per way of being together, each with its label.
    assert html.count('type="radio" name="how"') == 6
    assert '<label class="choice" for="person-how_0"><input type="radio" name="how" ' in html


def test_an_archived_person_has_no_quick_log(alice: Person, add_person: AddPerson) -> None:
    from nearer.people.services import person_archive

    ana = add_person(alice, name="Ana")
    person_archive(user=alice.user, vault=alice.vault, person_id=ana.id)
    view = person_get(user=alice.user, vault=alice.vault, person_id=ana.id)
    context = person_context(
        user=alice.user, vault=alice.vault, person=view, today=timezone.localdate()
    )
    assert context["moments_can_log"] is False
    assert context["moments_latest_words"] == "none yet"


def test_on_their_page_only_the_others_are_named_and_escaped(
    alice: Person, add_person: AddPerson, add_moment: AddMoment
) -> None:
    ana = add_person(alice, name="Ana")
    ben = add_person(alice, name="<b>Ben</b>")
    add_moment(alice, [ana, ben], note="<script>x</script>")
    add_moment(alice, [ana], note="just us")
    view = person_get(user=alice.user, vault=alice.vault, person_id=ana.id)
    rows = person_context(
        user=alice.user, vault=alice.vault, person=view, today=timezone.localdate()
    )["moments_rows"]
    assert "Also with &lt;b&gt;Ben&lt;/b&gt;" in rows
    assert "&lt;script&gt;" in rows and "<script>" not in rows
    assert rows.count("moment-with") == 1


def test_a_few_others_are_named_from_their_own_rows_and_many_from_the_index(
    alice: Person, add_person: AddPerson, add_moment: AddMoment
) -> None:
    from unittest.mock import patch

    from nearer.moments.selectors import FEW_OTHERS, moments_with
    from nearer.people import index

    ana = add_person(alice, name="Ana")
    others = [add_person(alice, name=f"Friend {n}") for n in range(FEW_OTHERS + 1)]
    add_moment(alice, [ana, *others[:2]], occurred_on=days_ago(1))
    with patch.object(
        index,
        "derived_read",
        wraps=index.derived_read,  # type: ignore[attr-defined]
    ) as index_read:
        latest, _ = moments_with(user=alice.user, vault=alice.vault, person_id=ana.id, name="Ana")
        assert latest[0].names == "Ana, Friend 0 and Friend 1"
        assert index_read.call_count == 0  # the index was not opened

        add_moment(alice, [ana, *others], occurred_on=days_ago(0))
        latest, _ = moments_with(user=alice.user, vault=alice.vault, person_id=ana.id, name="Ana")
        assert "Friend 8" in latest[0].names
        assert index_read.call_count == 1


def test_moments_with_counts_and_never_shows_a_strangers_person(
    alice: Person, charlie: Person, add_person: AddPerson, add_moment: AddMoment
) -> None:
    from nearer.moments.selectors import moments_with

    ana = add_person(alice, name="Ana")
    for days in range(3):
        add_moment(alice, [ana], occurred_on=days_ago(days))
    latest, total = moments_with(user=alice.user, vault=alice.vault, person_id=ana.id, limit=2)
    assert (len(latest), total) == (2, 3)
    assert moments_with(user=charlie.user, vault=charlie.vault, person_id=ana.id) == ([], 0)
    nobody = add_person(alice, name="Nobody yet")
    assert moments_with(user=alice.user, vault=alice.vault, person_id=nobody.id) == ([], 0)
