"""The preview page: counts, new names, every possible duplicate and every problem."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from nearer.conftest import Person
from nearer.people.imports import MAX_AGE, import_prepare
from nearer.people.models import PendingImport
from nearer.people.models import Person as PersonRow
from nearer.people.tests.conftest import AddPerson
from nearer.people.views_import import NEW_NAMES_SHOWN

pytestmark = pytest.mark.django_db


def vcf(*cards: str) -> bytes:
    out = []
    for body in cards:
        out += ["BEGIN:VCARD", "VERSION:3.0", *body.split("|"), "END:VCARD"]
    return ("\r\n".join(out) + "\r\n").encode()


def test_it_shows_new_people_duplicates_and_problems(alice: Person, add_person: AddPerson) -> None:
    add_person(alice, name="Maya Lindqvist")
    pending = import_prepare(
        user=alice.user,
        vault=alice.vault,
        data=vcf(
            "FN:Maya Lindqvist|NICKNAME:May|BDAY:--0401",
            "FN:Jonas",
            "TEL:+1 555 0100",
            "FN:jonas",
            "FN:<b>Zoë</b>|BDAY:1990-02-30",
        ),
    )
    response = alice.client.get(reverse("people:import_preview", args=[pending.id]))
    page = response.content.decode()
    assert response.status_code == 200
    assert "<strong>2</strong> new people to add" in page
    assert "<strong>2</strong> possible duplicates" in page
    assert "<strong>1</strong> card that could not be read" in page
    assert "<li>Jonas</li>" in page and "<li>&lt;b&gt;Zoë&lt;/b&gt;</li>" in page
    assert "already in your people" in page and "looks like card 2 in this file" in page
    assert 'name="m0" value="skip" checked' in page and 'name="m2" value="merge"' in page
    assert "called “May”, birthday 1 April" in page
    assert "<strong>Card 3</strong>: it has no name; not imported." in page
    assert "555 0100" not in page  # the unreadable card's content is never shown
    assert 'name="circle" value="wider" checked' in page
    assert 'name="relationship" value="other" checked' in page
    assert not PersonRow.objects.exclude(owner=alice.user).exists()


def test_it_lists_the_first_new_names_and_counts_the_rest(alice: Person) -> None:
    cards = [f"FN:Person {n:04d}" for n in range(NEW_NAMES_SHOWN + 25)]
    pending = import_prepare(user=alice.user, vault=alice.vault, data=vcf(*cards))
    page = alice.client.get(reverse("people:import_preview", args=[pending.id])).content.decode()
    assert f"Person {NEW_NAMES_SHOWN - 1:04d}" in page
    assert f"Person {NEW_NAMES_SHOWN:04d}" not in page
    assert "… and 25 more." in page


def test_it_offers_only_cancel_when_nothing_can_be_imported(alice: Person) -> None:
    pending = import_prepare(user=alice.user, vault=alice.vault, data=vcf("TEL:1", "TEL:2"))
    page = alice.client.get(reverse("people:import_preview", args=[pending.id])).content.decode()
    assert "Cancel import" in page
    assert 'form="import-form">Import<' not in page


def test_an_old_preview_is_put_away_with_a_message(alice: Person) -> None:
    pending = import_prepare(user=alice.user, vault=alice.vault, data=vcf("FN:Jonas"))
    PendingImport.objects.filter(id=pending.id).update(
        created_at=timezone.now() - MAX_AGE - timedelta(seconds=1)
    )
    response = alice.client.get(reverse("people:import_preview", args=[pending.id]), follow=True)
    assert response.redirect_chain[-1][0] == reverse("people:import")
    assert b"more than a day old" in response.content
    assert not PendingImport.objects.exists()


def test_a_preview_that_will_not_open_is_put_away(alice: Person) -> None:
    pending = import_prepare(user=alice.user, vault=alice.vault, data=vcf("FN:Jonas"))
    PendingImport.objects.filter(id=pending.id).update(content=b"tampered")
    response = alice.client.get(reverse("people:import_preview", args=[pending.id]), follow=True)
    assert b"could not be opened" in response.content
    assert not PendingImport.objects.exists()


def test_a_stranger_gets_404(alice: Person, charlie: Person) -> None:
    pending = import_prepare(user=alice.user, vault=alice.vault, data=vcf("FN:Jonas"))
    response = charlie.client.get(reverse("people:import_preview", args=[pending.id]))
    assert response.status_code == 404
    assert b"Jonas" not in response.content


def test_look_alike_names_and_what_a_card_holds_are_shown_as_text(
    alice: Person, add_person: AddPerson
) -> None:
    add_person(alice, name="<i>Maya</i> & 'Lindqvist'")
    pending = import_prepare(
        user=alice.user,
        vault=alice.vault,
        data=vcf(
            "FN:<i>Maya</i> & 'Lindqvist'|NICKNAME:<u>May</u>", "FN:<s>Jonas</s>", "FN:<s>Jonas</s>"
        ),
    )
    page = alice.client.get(reverse("people:import_preview", args=[pending.id])).content.decode()
    # Built in code (markupsafe: &#39;) and by Django's widget (&#x27;).
    maya = "&lt;i&gt;Maya&lt;/i&gt; &amp; &#39;Lindqvist&#39;"
    jonas = "&lt;s&gt;Jonas&lt;/s&gt;"
    # Someone already here: the card's name, whom it looks like, the merge choice.
    assert f"Card 1: <strong>{maya}</strong> looks like <strong>{maya}</strong>" in page
    assert f"> Merge into {maya.replace('#39;', '#x27;')}: fill what is empty" in page
    assert "called “&lt;u&gt;May&lt;/u&gt;”" in page
    # An earlier card in the same file.
    assert (
        f"Card 3: <strong>{jonas}</strong> looks like card 2 in this file, "
        f"<strong>{jonas}</strong>" in page
    )
    assert "<i>" not in page and "<s>" not in page and "<u>" not in page


def test_its_choices_for_everyone_are_the_forms_radios_without_ids(alice: Person) -> None:
    pending = import_prepare(
        user=alice.user, vault=alice.vault, data=vcf("FN:Jonas", "FN:jonas", "FN:JONAS")
    )
    page = alice.client.get(reverse("people:import_preview", args=[pending.id])).content.decode()
    # Circle, relationship, the choice for all, and the two look-alikes' rows.
    assert page.count('<div class="import-options">') == 5
    assert '<input type="radio" name="all" value="each" checked> Decide one by one below' in page
    assert '<input type="radio" name="all" value="merge"> Merge them all' in page
    assert '<input type="radio" name="circle" value="wider" checked>' in page
    assert 'name="circle" value="wider" checked id=' not in page and ' id="id_' not in page


def test_the_counts_tell_cards_not_read_from_cards_read_in_part(alice: Person) -> None:
    # Two cards read with a part left out, none refused: the page said "0 cards that
    # could not be read" above a list of two under "Could not be read".
    pending = import_prepare(
        user=alice.user,
        vault=alice.vault,
        data=vcf("FN:Quenby Marchetti|BDAY:1850-03-04", "FN:Ottilie Ravensworth|BDAY:1851-05-06"),
    )
    page = alice.client.get(reverse("people:import_preview", args=[pending.id])).content.decode()
    assert "<strong>0</strong> cards that could not be read" in page
    assert "<strong>2</strong> cards read in part" in page
    assert '<h2 id="import-problems">Not read, or read in part</h2>' in page
    assert page.count("imported with what could be read") == 2
