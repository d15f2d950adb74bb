"""/journal/tags/: every tag with its count; each filters by POST."""

from __future__ import annotations

from nearer.conftest import Person
from nearer.journal.tests.conftest import Write


def test_it_lists_tags_with_counts_most_used_first(alice: Person, write: Write) -> None:
    write(alice, tags=["family", "walks"])
    write(alice, tags=["Family"])
    write(alice, tags=["work"])
    html = alice.client.get("/journal/tags/").content.decode()
    # One tag whatever the case, spelled as most recently written.
    assert html.index(">Family <") < html.index(">walks <")
    assert '<span class="tag-count">2<' in html
    assert 'name="tag" value="Family"' in html
    assert 'action="/journal/search/"' in html


def test_it_invites_tagging_when_there_are_none(alice: Person) -> None:
    assert "No tags yet" in alice.client.get("/journal/tags/").content.decode()


def test_it_shows_only_the_persons_tags(alice: Person, charlie: Person, write: Write) -> None:
    write(alice, tags=["alicetag"])
    assert "alicetag" not in charlie.client.get("/journal/tags/").content.decode()
