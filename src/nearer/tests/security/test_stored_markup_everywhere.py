"""Security test 9, across the whole app: markup a person typed into any field of any
part of Nearer comes back escaped on every page that can show it.

Every kind of object is made with markup in each of its words (the samples of the
IDOR sweep, plus ``add_every_shown_state``: nudges due, dates within 14 days, a
moment with several people, an archived person, a closeness line), then the owner
opens every page the resolver knows — the plain ones and those taking the owner's
own ids — and the states only a query or a form reaches: each person's page, one
person's moments, journal and people searches (with hits, and with typed words
that match nothing, shown back in the search box), and a contacts
file uploaded with names of people already there, read back as its preview.

Not one page may hand the markup back raw, none may fail, and the pages that show
a person's words are exactly the ones listed in ``SHOWN``, each showing (escaped)
the words that prove its states were reached. ``sweep`` is shared with the
mutation test (test_escaping_mutation.py), which runs it with escaping turned off
one call site at a time.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from django.utils.html import escape

from nearer.conftest import Person
from nearer.tests.security.samples import (
    ADMIN_NAMESPACE,
    ID_KWARGS,
    NOT_OBJECT_KWARGS,
    Samples,
    add_a_person_finding,
    add_every_shown_state,
    contacts_file,
    fill,
    make_samples,
    routes,
)
from nearer.tests.security.test_idor_sweep import _harmless_value

MARKUP = '<img src=x onerror="alert(1)">'
PAGES = [r for r in routes() if r.namespace != ADMIN_NAMESPACE]
# Typed into a search box, never stored, matching nothing.
TYPED = f"{MARKUP}-typed-words"


@dataclass(frozen=True)
class Shown:
    """One page as the owner saw it: a name for the state, the path, the answer."""

    key: str
    path: str
    status: int
    html: str

    @property
    def normalised(self) -> str:
        """The page with markupsafe's entities spelt as Django's, to compare words."""
        return self.html.replace("&#34;", "&quot;").replace("&#39;", "&#x27;")

    def shows(self, word: str) -> bool:
        return escape(word) in self.normalised


def make_sweep_samples(person: Person) -> Samples:
    """Samples of every kind and every shown state, markup in each word."""
    samples = make_samples(person, marker=MARKUP)
    add_every_shown_state(samples, MARKUP)
    add_a_person_finding(samples, MARKUP)
    return samples


def sweep(person: Person, samples: Samples) -> list[Shown]:
    """Open every page and every state that shows ``samples``; return what was shown."""
    client = person.client
    shown: list[Shown] = []

    def get(key: str, path: str, data: dict[str, str] | None = None) -> None:
        response = client.get(path, data or {})
        shown.append(Shown(key, path, response.status_code, response.content.decode()))

    def post(key: str, path: str, data: dict[str, object]) -> None:
        response = client.post(path, data, follow=True)
        final = response.redirect_chain[-1][0] if response.redirect_chain else path
        shown.append(
            Shown(key, f"POST {path} → {final}", response.status_code, response.content.decode())
        )

    for route in PAGES:
        values: dict[str, object] = {}
        for kw in route.kwargs:
            if (route.namespace, kw) in ID_KWARGS:
                values[kw] = ID_KWARGS[(route.namespace, kw)](samples)
            else:
                assert (route.namespace, kw) in NOT_OBJECT_KWARGS, route.label
                values[kw] = _harmless_value(route, kw)
        get(f"{route.namespace}:{route.name}", fill(route.route, values))

    # Every person's own page: nudged, archived, with a birthday or a line of ratings.
    for index, someone in enumerate(samples.people + samples.moment_people):
        get(f"people:person #{index}", f"/people/{someone.id}/")
    # One person's moments, and the moment forms with someone chosen already.
    chosen = {"person": str(samples.people[1].id)}
    get("moments:index ?person", "/moments/", chosen)
    get("moments:quick ?person", "/moments/quick/", chosen)
    get("moments:new ?person", "/moments/new/", chosen)
    # A share reflected on and one let go (the sample of the id URLs is preparing).
    shared, let_go = (f"/opening-up/{share.id}/" for share in samples.shares[1:])
    get("opening:share reflected", shared)
    get("opening:reflect reflected", shared + "reflect/")
    get("opening:share let go", let_go)
    # A deck session that has ended (the sample of the id URLs is going on).
    get("decks:session ended", f"/cards/sessions/{samples.deck_sessions[1].id}/")
    # Together's rituals: a deck session ended, and last week's check-in.
    get("rituals:deck ended", f"/together/rituals/cards/{samples.pair_deck_sessions[1].id}/")
    get("rituals:checkin_week past", f"/together/rituals/check-in/{samples.checkin_weeks[1].id}/")
    # Searches are POSTs: journal hits by word and by tag, people by name.
    post("journal:search hits", "/journal/search/", {"q": "title"})
    # The matched words themselves are marked in each hit: match the markup.
    post("journal:search markup", "/journal/search/", {"q": "<img"})
    post("journal:search tag", "/journal/search/", {"q": "", "tag": f"{MARKUP}tag0"})
    post("people:index search", "/people/", {"q": "person"})
    # Words looked for that match nothing are shown back in the search box.
    post("journal:search none", "/journal/search/", {"q": TYPED})
    post("people:index search none", "/people/", {"q": TYPED})
    # The weekly review sent back with an answer over its limit shows the answer again.
    post(
        "review:save too long",
        "/review/save/",
        {"answer": TYPED + "x" * 10_000, "week": timezone.localdate().isoformat()},
    )
    # A contacts file whose first name is someone already there, read as its preview.
    data, _ = contacts_file(MARKUP)
    post(
        "people:import upload",
        "/people/import/",
        {"file": SimpleUploadedFile("contacts.vcf", data, content_type="text/vcard")},
    )
    # A reply over its limit, sent back to the question's page. Last: a POST in the
    # space brings the partner's moments into the person's own, which other pages show.
    post(
        "rituals:question_react too long",
        "/together/rituals/question/react/",
        {"day": timezone.localdate().isoformat(), "reaction": "warm", "reply": TYPED + "x" * 300},
    )
    return shown


def words(*suffixes: str) -> tuple[str, ...]:
    return tuple(MARKUP + suffix for suffix in suffixes)


# The weekly review reads Monday to Sunday: on a Sunday, the sample moment of six
# days ago (the soon person's) falls in this week too.
_SUNDAY = ("-soon-person", "-moment-soon-note") if timezone.localdate().weekday() == 6 else ()

# Every page that shows a person's words, with each word it shows (escaped). A page
# missing here, or a word gone, means a state was not reached or a view changed.
# The check-in list and month, scale trends and the forms without a choice show
# only our own words (emotion names, scale names); the import preview says "a
# note" without it.
SHOWN: dict[str, tuple[str, ...]] = {
    "today:index": words(
        "-name",
        "-title-0",
        "-body-0",
        "tag0",
        "-title-1",
        "-body-1",
        "tag1",
        "-person-called",
        "-overdue-person",
        "-due-person",
        "-untagged-title",
        "-untagged-body",
        "-soon-day",
    ),
    "accounts:settings": words("-name"),
    # The Security page's second step lists the passkeys by their names.
    "accounts:second_factor": words("-passkey-name"),
    # Journal shows the current month itself (no redirect), as journal:month does.
    "journal:index": words(
        "-title-0",
        "-body-0",
        "tag0",
        "-title-1",
        "-body-1",
        "tag1",
        "-untagged-title",
        "-untagged-body",
    ),
    "journal:month": words(
        "-title-0",
        "-body-0",
        "tag0",
        "-title-1",
        "-body-1",
        "tag1",
        "-untagged-title",
        "-untagged-body",
    ),
    "journal:tags": words("tag0", "tag1"),
    # The entry is shared with the partner: its page names them ("Shared with …").
    "journal:entry": words("-title-0", "-body-0", "tag0", "-partner-shown-name"),
    "journal:edit": words("-title-0", "-body-0", "tag0"),
    "journal:delete": words("-title-0"),
    "people:index": words(
        "-moment-person",
        "-person-name",
        "-person-called",
        "-person-word",
        "-overdue-person",
        "-overdue-word",
        "-due-person",
        "-due-word",
        "-soon-person",
        "-soon-word",
    ),
    "people:archived": words("-archived-person", "-archived-word"),
    "people:person": words(
        "-person-name",
        "-person-called",
        "-person-word",
        "-person-notes",
        "-person-day",
        "-soon-day",
    ),
    "people:edit": words(
        "-person-name",
        "-person-called",
        "-person-word",
        "-person-notes",
        "-person-day",
        "-soon-day",
    ),
    "people:delete": words("-person-called"),
    "people:closeness": words("-person-called"),
    "people:date_new": words("-person-called"),
    "people:date_edit": words("-person-called", "-person-day"),
    "people:import_preview": words(
        "-person-name",
        "-import-nickname",
        "-import-day",
        "-import-name",
        "-import-problem",
    ),
    "moments:index": words(
        "-moment-person",
        "-moment-note",
        "-overdue-person",
        "-due-person",
        "-soon-person",
        "-moment-together-note",
        "-moment-due-note",
        "-moment-soon-note",
    ),
    "moments:new": words(
        "-moment-person",
        "-person-called",
        "-overdue-person",
        "-due-person",
        "-soon-person",
    ),
    "moments:quick": words(
        "-moment-person",
        "-person-called",
        "-overdue-person",
        "-due-person",
        "-soon-person",
    ),
    "moments:drifting": words(
        "-moment-person",
        "-person-called",
        "-overdue-person",
        "-due-person",
        "-soon-person",
    ),
    "moments:edit": words(
        "-moment-person",
        "-moment-note",
        "-person-called",
        "-overdue-person",
        "-due-person",
        "-soon-person",
    ),
    "moments:delete": words("-moment-person"),
    "checkins:day": words("-checkin-note", "checkintag", "-due-person", "-checkin-with-note"),
    "checkins:edit": words(
        "-checkin-note",
        "checkintag",
        "-moment-person",
        "-person-called",
        "-partner-shown-name",
        "-overdue-person",
        "-due-person",
        "-soon-person",
    ),
    "scales:result": words("-overdue-person"),
    ":help": words("-overdue-person"),
    "people:person #0": words(
        "-person-name",
        "-person-called",
        "-person-word",
        "-person-notes",
        "-person-day",
        "-soon-day",
    ),
    "people:person #1": words(
        "-overdue-person",
        "-overdue-word",
        "-soon-person",
        "-moment-together-note",
    ),
    "people:person #2": words("-due-person", "-due-word", "-moment-due-note"),
    "people:person #3": words(
        "-overdue-person",
        "-soon-person",
        "-soon-word",
        "-moment-together-note",
        "-moment-soon-note",
    ),
    "people:person #4": words("-archived-person", "-archived-word"),
    "people:person #5": words("-moment-person", "-moment-note"),
    "moments:index ?person": words("-overdue-person", "-soon-person", "-moment-together-note"),
    "moments:quick ?person": words("-overdue-person"),
    "moments:new ?person": words(
        "-moment-person",
        "-person-called",
        "-overdue-person",
        "-due-person",
        "-soon-person",
    ),
    "journal:search hits": words(
        "-title-0",
        "-body-0",
        "tag0",
        "-title-1",
        "-body-1",
        "tag1",
        "-untagged-title",
        "-untagged-body",
    ),
    "journal:search markup": words("-title-0", "tag0", "-title-1", "tag1", "-untagged-title"),
    "journal:search tag": words("-title-0", "-body-0", "tag0"),
    # The samples' kept searches (their words: the markup itself), by their own URLs.
    "journal:search_results": words("-title-0", "tag0", "-title-1", "tag1", "-untagged-title"),
    "people:search_results": words(
        "-moment-person",
        "-person-name",
        "-person-called",
        "-person-word",
        "-overdue-person",
        "-overdue-word",
        "-due-person",
        "-due-word",
        "-soon-person",
        "-soon-word",
    ),
    "people:index search": words(
        "-moment-person",
        "-person-name",
        "-person-called",
        "-person-word",
        "-overdue-person",
        "-overdue-word",
        "-due-person",
        "-due-word",
        "-soon-person",
        "-soon-word",
    ),
    "opening:index": words("-moment-person", "-share-text-0", "-share-text-1", "-share-text-2"),
    "opening:new": words(
        "-moment-person", "-person-called", "-overdue-person", "-due-person", "-soon-person"
    ),
    "opening:share": words("-moment-person", "-share-text-0", "-share-fear-0", "-share-hope-0"),
    "opening:edit": words(
        "-moment-person",
        "-person-called",
        "-share-text-0",
        "-share-fear-0",
        "-share-hope-0",
        "-overdue-person",
        "-due-person",
        "-soon-person",
    ),
    "opening:shared": words("-moment-person"),
    "opening:delete": words("-share-text-0"),
    "opening:share reflected": words(
        "-moment-person",
        "-share-text-1",
        "-share-fear-1",
        "-share-hope-1",
        "-share-reception-note",
        "-partner-shown-name",
    ),
    "opening:reflect reflected": words("-moment-person", "-share-reception-note"),
    "opening:share let go": words(
        "-moment-person",
        "-share-text-2",
        "-share-fear-2",
        "-share-hope-2",
        "-share-let-go-note",
    ),
    # Deck sessions name their person: going on, ended, the list, and the start's choice.
    "decks:sessions": words("-moment-person"),
    "decks:session": words("-moment-person"),
    "decks:session ended": words("-moment-person"),
    "decks:session_new": words(
        "-moment-person", "-person-called", "-overdue-person", "-due-person", "-soon-person"
    ),
    # The rituals show the partner's chosen name, and both partners' words once shared.
    "rituals:question": words(
        "-partner-shown-name", "-own-answer", "-own-reply", "-partner-answer", "-partner-reply"
    ),
    "rituals:question_react too long": words(
        "-partner-shown-name",
        "-own-answer",
        "-own-reply",
        "-partner-answer",
        "-partner-reply",
        "-typed-words",
    ),
    "rituals:question_history": words(
        "-partner-shown-name",
        "-own-past-answer",
        "-partner-past-answer",
        "-own-past-reply",
        "-partner-past-reply",
    ),
    "rituals:checkin": words(
        "-partner-shown-name", "-own-appreciation", "-own-went-well", "-own-hard", "-own-wish"
    ),
    "rituals:checkin_history": words("-partner-shown-name"),
    "rituals:checkin_week": words(
        "-partner-shown-name",
        "-own-appreciation",
        "-own-went-well",
        "-own-hard",
        "-own-wish",
        "-partner-appreciation",
        "-partner-went-well",
        "-partner-hard",
        "-partner-wish",
    ),
    "rituals:checkin_week past": words("-own-past-appreciation"),
    "rituals:moments": words("-partner-shown-name", "-own-shared-note", "-partner-shared-note"),
    "rituals:decks": words("-partner-shown-name"),
    "rituals:deck": words("-partner-shown-name"),
    "rituals:deck ended": words("-partner-shown-name"),
    # Who opened up, per person: the share's moment (they both did) names its person.
    "opening:summary": words("-moment-person"),
    # Care names inner- and close-circle people far past their rhythm (the overdue one).
    "insights:balance": words("-overdue-person"),
    # The days with one person compared, by name (add_a_person_finding: a person kept
    # out of the words above, or every picker would list them; the page must show the
    # markup, and no page may show it raw).
    "insights:index": words(),
    # A jrnl file's titles (and first words of an entry without one), a Daylio export's
    # own mood, activity and note, each in its preview.
    "portability:jrnl_preview": words("-jrnl-title", "-jrnl-body"),
    "portability:daylio_preview": words("-mood", "-act", "-daylio-note"),
    # The space: the partner's chosen name, the person's shared copy and the partner's.
    "together:index": words(
        "-title-0",
        "-body-0",
        "-partner-shown-name",
        "-partner-copy-title",
        "-partner-copy-body",
    ),
    "together:end": words("-partner-shown-name"),
    "journal:search none": words("-typed-words"),
    "people:index search none": words("-typed-words"),
    # This week's review: its moment and the inner-circle person overdue (the
    # suggestion); on a Sunday the week also holds the moment of six days ago.
    "review:index": words("-moment-person", "-moment-note", "-overdue-person", *_SUNDAY),
    "review:save too long": words(
        "-moment-person", "-moment-note", "-overdue-person", *_SUNDAY, "-typed-words"
    ),
    "people:import upload": words(
        "-person-name",
        "-import-nickname",
        "-import-day",
        "-import-name",
        "-import-problem",
    ),
}


def test_markup_typed_anywhere_is_shown_escaped_on_every_page(alice: Person) -> None:
    samples = make_sweep_samples(alice)
    pages = sweep(alice, samples)
    for page in pages:
        assert page.status < 500, f"{page.path}: {page.status}"
        assert "<img" not in page.html.lower(), f"{page.path} shows the markup raw"
        assert "onerror=" not in page.normalised.replace("onerror=&quot;", ""), page.path
    showing = {page.key: page for page in pages if page.shows(MARKUP)}
    assert sorted(showing) == sorted(SHOWN)
    every_word = [*samples.words, TYPED]
    shown_words = {
        key: tuple(w for w in every_word if page.shows(w)) for key, page in showing.items()
    }
    assert shown_words == SHOWN
