"""One object of every kind a person owns, made through services, for the sweeps.

When a new kind of object (and a URL taking its id) is added, extend
``make_samples`` and ``ID_KWARGS``: the IDOR sweep fails until every id-taking URL
pattern has a sample here.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

from django.apps import apps
from django.urls import URLPattern, URLResolver, get_resolver
from django.utils import timezone

from nearer.accounts.models import AccountSession as Session
from nearer.accounts.services import preferences_update
from nearer.conftest import Person


@dataclass
class Samples:
    """What ``make_samples`` made for one person, with the words written into it."""

    person: Person
    words: list[str] = field(default_factory=list)
    entries: list[Any] = field(default_factory=list)
    checkins: list[Any] = field(default_factory=list)
    moments: list[Any] = field(default_factory=list)
    moment_people: list[Any] = field(default_factory=list)
    people: list[Any] = field(default_factory=list)
    important_dates: list[Any] = field(default_factory=list)
    closeness_ratings: list[Any] = field(default_factory=list)
    scale_results: list[Any] = field(default_factory=list)
    pending_imports: list[Any] = field(default_factory=list)
    jrnl_imports: list[Any] = field(default_factory=list)
    daylio_imports: list[Any] = field(default_factory=list)
    nearer_imports: list[Any] = field(default_factory=list)
    shares: list[Any] = field(default_factory=list)
    deck_sessions: list[Any] = field(default_factory=list)
    shared_copies: list[Any] = field(default_factory=list)
    checkin_weeks: list[Any] = field(default_factory=list)
    pair_deck_sessions: list[Any] = field(default_factory=list)
    session_handles: list[str] = field(default_factory=list)
    passkeys: list[Any] = field(default_factory=list)
    # Ids of searches kept in the person's session (vault.search_words): journal, people.
    journal_searches: list[str] = field(default_factory=list)
    people_searches: list[str] = field(default_factory=list)

    @property
    def entry(self) -> Any:
        return self.entries[0]


def make_samples(person: Person, marker: str = "owner-secret") -> Samples:
    """Create one object of every kind for ``person``; return them and their words."""
    samples = Samples(person=person)
    name = f"{marker}-name"
    preferences_update(user=person.user, vault=person.vault, display_name=name)
    samples.words.append(name)
    from nearer.journal.services import entry_create

    for index, prompt_key in enumerate((None, _any_prompt_key())):
        title, body = f"{marker}-title-{index}", f"{marker}-body-{index}"
        tag = f"{marker}tag{index}"
        entry = entry_create(
            user=person.user,
            vault=person.vault,
            entry_date=timezone.localdate(),
            title=title,
            body=body,
            tags=[tag],
            prompt_key=prompt_key,
        )
        samples.entries.append(entry)
        samples.words += [title, body, tag]
    _make_checkin(samples, marker)
    _make_moment(samples, marker)
    _make_person(samples, marker)
    _make_scale_result(samples)
    _make_pending_import(samples, marker)
    _make_jrnl_and_daylio_imports(samples, marker)
    _make_nearer_import(samples, marker)
    _make_shares(samples, marker)
    _make_deck_sessions(samples)
    _make_shared_copies(samples, marker)
    from nearer.tests.security.samples_rituals import make_rituals

    make_rituals(samples, marker)
    _make_other_session(samples)
    _make_passkey(samples, marker)
    _make_kept_searches(samples, marker)
    return samples


def _make_kept_searches(samples: Samples, marker: str) -> None:
    # A journal search and a people search, each kept in the person's own session
    # (the POST redirects to the results page named by the id).
    client = samples.person.client
    for url, kept in (
        ("/journal/search/", samples.journal_searches),
        ("/people/", samples.people_searches),
    ):
        location = client.post(url, {"q": marker})["Location"]
        kept.append(location.rstrip("/").rsplit("/", 1)[1])


def _make_passkey(samples: Samples, marker: str) -> None:
    # A passkey as kept once the browser's answer checked out (the check itself needs
    # an authenticator: the browser journey makes one with a virtual one).
    import secrets

    from nearer.accounts.passkeys import passkey_keep

    name = f"{marker}-passkey-name"
    samples.passkeys.append(
        passkey_keep(
            user=samples.person.user,
            vault=samples.person.vault,
            name=name,
            credential_id=secrets.token_bytes(32),
            public_key=secrets.token_bytes(77),
            sign_count=0,
        )
    )
    samples.words.append(name)


def _make_other_session(samples: Samples) -> None:
    # Another device's session of the person (Account → Security ends it by handle).
    from django.contrib.auth import SESSION_KEY

    from nearer.accounts.session_store import SessionStore
    from nearer.accounts.signins import session_handle

    store = SessionStore()
    store[SESSION_KEY] = str(samples.person.user.pk)
    store.create()
    assert store.session_key is not None
    samples.session_handles.append(session_handle(store.session_key))


def contacts_file(marker: str) -> tuple[bytes, list[str]]:
    """Return a .vcf file reaching every part of the import preview, and its words.

    Its first card has the name of the person ``_make_person`` made (a look-alike of
    someone already there) with a nickname, a named day and a note; then a new name
    twice (a look-alike within the file) and a card with a date that cannot be read
    (a problem that names the card).
    """
    existing = f"{marker}-person-name"
    nickname, day = f"{marker}-import-nickname", f"{marker}-import-day"
    note, name, problem = (
        f"{marker}-import-note",
        f"{marker}-import-name",
        f"{marker}-import-problem",
    )
    cards = [
        [
            f"FN:{existing}",
            f"NICKNAME:{nickname}",
            "item1.X-ABDATE:2001-05-06",
            f"item1.X-ABLABEL:{day}",
            f"NOTE:{note}",
        ],
        [f"FN:{name}"],
        [f"FN:{name}"],
        [f"FN:{problem}", "BDAY:not a date"],
    ]
    text = "".join(
        "BEGIN:VCARD\r\nVERSION:3.0\r\n" + "".join(f"{line}\r\n" for line in card) + "END:VCARD\r\n"
        for card in cards
    )
    return text.encode(), [nickname, day, note, name, problem]


def _make_pending_import(samples: Samples, marker: str) -> None:
    # Kept beside any earlier one (replace_older=False): the sweep makes two sample sets
    # for the same person and the first one's import must still be there to probe.
    from nearer.people.imports import pending_import_create

    data, words = contacts_file(marker)
    samples.pending_imports.append(
        pending_import_create(
            user=samples.person.user,
            vault=samples.person.vault,
            data=data,
            replace_older=False,
        )
    )
    samples.words += words


def _make_jrnl_and_daylio_imports(samples: Samples, marker: str) -> None:
    # A jrnl file (one entry with a title, one without) and a Daylio export (a mood
    # of the person's own, an activity, a note), each read into a pending import kept
    # beside any earlier one, as the contacts file is.
    import csv
    import io

    from nearer.portability.daylio_import import daylio_prepare
    from nearer.portability.jrnl_import import jrnl_prepare

    day = timezone.localdate().isoformat()
    title, body = f"{marker}-jrnl-title", f"{marker}-jrnl-body"
    journal = f"[{day} 10:00] {title}\nwords\n[{day} 11:00]\n{body}\n".encode()
    mood, activity, note = f"{marker}-mood", f"{marker}-act", f"{marker}-daylio-note"
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(
        ["full_date", "date", "weekday", "time", "mood", "activities", "note_title", "note"]
    )
    writer.writerow([day, "", "", "09:41", mood, activity, "", note])
    user, vault = samples.person.user, samples.person.vault
    samples.jrnl_imports.append(
        jrnl_prepare(user=user, vault=vault, data=journal, replace_older=False)
    )
    samples.daylio_imports.append(
        daylio_prepare(user=user, vault=vault, data=out.getvalue().encode(), replace_older=False)
    )
    samples.words += [title, body, mood, activity, note]


def _make_nearer_import(samples: Samples, marker: str) -> None:
    # A Nearer export's JSON (one journal entry) read into a pending import.
    import json
    import uuid

    from nearer.portability.nearer_import import import_prepare

    title, body = f"{marker}-nearer-title", f"{marker}-nearer-body"
    entry: dict[str, object] = {
        "id": str(uuid.uuid4()),
        "date": timezone.localdate().isoformat(),
        "title": title,
        "body": body,
        "tags": [],
        "kind": "free",
        "prompt": None,
    }
    doc = {"format": "nearer-export", "version": 1, "journal": [entry]}
    user, vault = samples.person.user, samples.person.vault
    pending = import_prepare(user=user, vault=vault, raw=json.dumps(doc).encode())
    samples.nearer_imports.append(pending.id)
    samples.words += [title, body]


def _make_person(samples: Samples, marker: str) -> None:
    # A person with every sealed field filled, an important date and a rating.
    from nearer.people.content import PersonDetails
    from nearer.people.models import ImportantDate
    from nearer.people.rules import DateDraft
    from nearer.people.services import closeness_rate, person_create

    user, vault = samples.person.user, samples.person.vault
    words = [f"{marker}-person-{field}" for field in ("name", "called", "word", "notes", "day")]
    person = person_create(
        user=user,
        vault=vault,
        details=PersonDetails(
            name=words[0],
            called=words[1],
            relationship_label=words[2],
            notes=words[3],
            rhythm_days=7,
            too_long_days=14,
        ),
        # Never within the next 14 days, so the days of ``add_every_shown_state`` are
        # the ones Today shows whatever the day of the year.
        dates=[DateDraft("custom", *_month_day(40), None, words[4])],
    )
    samples.people.append(person)
    samples.important_dates.append(ImportantDate.objects.get(person=person))
    samples.closeness_ratings.append(
        closeness_rate(
            user=user, vault=vault, person_id=person.id, value=5, rated_on=timezone.localdate()
        )
    )
    samples.words += words


def _make_checkin(samples: Samples, marker: str) -> None:
    from nearer.checkins.services import checkin_create

    note, tag = f"{marker}-checkin-note", f"{marker}checkintag"
    samples.checkins.append(
        checkin_create(
            user=samples.person.user,
            vault=samples.person.vault,
            pleasantness=-1,
            energy=1,
            emotion="nervous",
            tags=[tag],
            note=note,
        )
    )
    samples.words += [note, tag]


def _make_scale_result(samples: Samples) -> None:
    # Answers are numbers, not words: the sweep checks the row is unchanged instead.
    from nearer.scales.services import result_create

    samples.scale_results.append(
        result_create(
            user=samples.person.user,
            vault=samples.person.vault,
            scale_key="ucla3",
            answers=[2, 3, 2],
            taken_on=timezone.localdate(),
        )
    )


def _make_moment(samples: Samples, marker: str) -> None:
    from nearer.moments.services import moment_create
    from nearer.people.content import PersonDetails
    from nearer.people.services import person_create

    name, note = f"{marker}-moment-person", f"{marker}-moment-note"
    someone = person_create(
        user=samples.person.user,
        vault=samples.person.vault,
        details=PersonDetails(name=name, rhythm_days=7),
    )
    samples.moment_people.append(someone)
    samples.moments.append(
        moment_create(
            user=samples.person.user,
            vault=samples.person.vault,
            occurred_on=timezone.localdate(),
            person_ids=[someone.id],
            how="call",
            note=note,
        )
    )
    samples.words += [name, note]


def _make_shares(samples: Samples, marker: str) -> None:
    # Three shares with the moment's person (whose clock a share's moment leaves as it
    # is): one preparing, one shared and reflected on (they opened up too), one let go.
    from nearer.opening.services import (
        share_let_go,
        share_mark_shared,
        share_prepare,
        share_reflect,
    )

    user, vault, today = samples.person.user, samples.person.vault, timezone.localdate()
    someone = samples.moment_people[0]
    for index in range(3):
        words = [f"{marker}-share-{part}-{index}" for part in ("text", "fear", "hope")]
        share = share_prepare(
            user=user,
            vault=vault,
            text=words[0],
            person_ids=[someone.id],
            fear=words[1],
            hope=words[2],
            anxiety_before=6,
        )
        samples.shares.append(share)
        samples.words += words
    share_mark_shared(
        user=user,
        vault=vault,
        share_id=samples.shares[1].id,
        shared_on=today,
        how="call",
        today=today,
    )
    note, let_go = f"{marker}-share-reception-note", f"{marker}-share-let-go-note"
    share_reflect(
        user=user,
        vault=vault,
        share_id=samples.shares[1].id,
        reception=["kind"],
        reception_note=note,
        anxiety_after=2,
        closeness_after=None,
        reciprocated="yes",
        today=today,
    )
    share_let_go(user=user, vault=vault, share_id=samples.shares[2].id, note=let_go)
    samples.words += [note, let_go]


def _make_deck_sessions(samples: Samples) -> None:
    # Two deck sessions with the moment's person: one going on (the id URLs' sample),
    # one stopped and not logged (its end page). Card ids only are sealed in them.
    from nearer.decks.session_content import content_open
    from nearer.decks.session_services import session_start, session_step

    user, vault = samples.person.user, samples.person.vault
    for _ in range(2):
        session = session_start(
            user=user, vault=vault, person_id=samples.moment_people[0].id, length=10
        )
        samples.deck_sessions.append(session)
    content = content_open(vault, session.id, session.content)
    session_step(
        user=user,
        vault=vault,
        session_id=session.id,
        step="stop",
        answered=content.answered,
        card_id=content.current or "",
    )
    # A depth reached with them, as an ended session counts it, so the summary's depth
    # table (built through lib/html) shows their name.
    from nearer.decks.depth import depth_session_ended

    depth_session_ended(user=user, vault=vault, person_id=samples.moment_people[0].id, deepest=2)


def _make_shared_copies(samples: Samples, marker: str) -> None:
    # The person invites a partner account and it accepts (so the person's own People
    # is left as it was until their next POST); each shares an entry of their own as
    # a copy sealed for the pair, so the person sees a partner's words too. A second
    # sample set of the same person reuses the pair.
    import uuid

    from nearer.accounts.services import user_sign_up
    from nearer.conftest import PASSWORD
    from nearer.journal.services import entry_create
    from nearer.together import services as together
    from nearer.together.sharing import copy_create
    from nearer.together.space import space_pair_id
    from nearer.vault.box import Vault

    user, vault = samples.person.user, samples.person.vault
    if space_pair_id(user=user) is None:
        made = together.invite_create(user=user, vault=vault, name=f"{marker}-own-shown-name")
        # The marker may hold markup, which no username may: a plain, unique one.
        new = user_sign_up(username=f"partner-{uuid.uuid4().hex[:12]}", password=PASSWORD)
        partner_vault = Vault(user_id=new.user.pk, dek=new.dek)
        together.invite_accept(
            user=new.user, vault=partner_vault, code=made.code, name=f"{marker}-partner-shown-name"
        )
        title, body = f"{marker}-partner-copy-title", f"{marker}-partner-copy-body"
        theirs = entry_create(
            user=new.user,
            vault=partner_vault,
            entry_date=timezone.localdate(),
            title=title,
            body=body,
            tags=[],
        )
        copy_create(user=new.user, vault=partner_vault, kind="entry", item_id=theirs.id)
        samples.words += [f"{marker}-partner-shown-name", title, body]
    samples.shared_copies.append(
        copy_create(user=user, vault=vault, kind="entry", item_id=samples.entries[0].id)
    )


def _month_day(days_ahead: int) -> tuple[int, int]:
    """Return the month and day ``days_ahead`` from today (never 29 February)."""
    day = timezone.localdate() + timedelta(days=days_ahead)
    if (day.month, day.day) == (2, 29):
        day += timedelta(days=1)
    return day.month, day.day


def add_every_shown_state(samples: Samples, marker: str) -> None:
    """Add what makes every state that shows a person's words appear somewhere.

    An entry without tags; three people whose nudges are due (overdue, due, soon:
    on Today and drifting), one of them in a check-in,
    dates within the next 14 days (a birthday with a year, so an age, and a named
    day: on Today and their person pages), a moment with several people, an
    archived person, and a second closeness rating so the chart draws a line.
    Everything through services; ``samples.people[0]`` stays the first person.
    """
    from nearer.moments.services import moment_create
    from nearer.people.content import Circle, PersonDetails
    from nearer.people.rules import DateDraft
    from nearer.people.services import closeness_rate, date_add, person_archive, person_create

    user, vault, today = samples.person.user, samples.person.vault, timezone.localdate()
    first = samples.people[0]

    def someone(state: str, circle: Circle, **more: Any) -> Any:
        name = f"{marker}-{state}-person"
        person = person_create(
            user=user,
            vault=vault,
            details=PersonDetails(
                name=name,
                circle=circle,
                relationship_label=f"{marker}-{state}-word",
                **more,
            ),
        )
        samples.people.append(person)
        samples.words += [name, f"{marker}-{state}-word"]
        return person

    # Rhythm of a week, too long after two: 20 days apart is overdue, 8 due, 6 soon.
    overdue = someone("overdue", "inner", rhythm_days=7, too_long_days=14)
    due = someone("due", "close", rhythm_days=7, too_long_days=14)
    soon = someone("soon", "wider", rhythm_days=7, too_long_days=14)
    for people, days_ago, state in (
        ([overdue, soon], 20, "together"),
        ([due], 8, "due"),
        ([soon], 6, "soon"),
    ):
        note = f"{marker}-moment-{state}-note"
        samples.moments.append(
            moment_create(
                user=user,
                vault=vault,
                occurred_on=today - timedelta(days=days_ago),
                person_ids=[p.id for p in people],
                how="in_person",
                note=note,
            )
        )
        samples.words.append(note)
    from nearer.checkins.services import checkin_create
    from nearer.journal.services import entry_create

    # An entry without tags: its row in a day's list has nothing after the words.
    title, body = f"{marker}-untagged-title", f"{marker}-untagged-body"
    samples.entries.append(
        entry_create(
            user=user,
            vault=vault,
            entry_date=today,
            title=title,
            body=body,
            tags=[],
        )
    )
    samples.words += [title, body]

    note = f"{marker}-checkin-with-note"
    samples.checkins.append(
        checkin_create(
            user=user,
            vault=vault,
            pleasantness=1,
            energy=-1,
            emotion="calm",
            people=[str(due.id)],
            note=note,
        )
    )
    samples.words.append(note)
    birthday_on = today + timedelta(days=1)
    samples.important_dates.append(
        date_add(
            user=user,
            vault=vault,
            person_id=overdue.id,
            draft=DateDraft("birthday", *_month_day(1), birthday_on.year - 30, ""),
        )
    )
    day = f"{marker}-soon-day"
    samples.important_dates.append(
        date_add(
            user=user,
            vault=vault,
            person_id=first.id,
            draft=DateDraft("custom", *_month_day(3), None, day),
        )
    )
    samples.words.append(day)
    archived = someone("archived", "close", rhythm_days=7)
    person_archive(user=user, vault=vault, person_id=archived.id)
    samples.closeness_ratings.append(
        closeness_rate(
            user=user,
            vault=vault,
            person_id=first.id,
            value=3,
            rated_on=today - timedelta(days=45),
        )
    )


def add_a_person_finding(samples: Samples, marker: str) -> None:
    """Add what makes Insights compare the days with one person: 40 days of check-ins,
    20 of them with a moment with a new inner-circle person (each side needs 14), so
    the "with a given person" finding names them."""
    from nearer.checkins.services import checkin_create
    from nearer.moments.services import moment_create
    from nearer.people.content import PersonDetails
    from nearer.people.services import person_create

    user, vault = samples.person.user, samples.person.vault
    now = timezone.localtime()
    name = f"{marker}-insight-person"
    person = person_create(user=user, vault=vault, details=PersonDetails(name=name, circle="inner"))
    # Not in samples.people nor samples.words: every person picker and list would show
    # it too. The sweep asks that /insights/ shows the markup at all, and every page is
    # checked for it raw.
    for days_ago in range(1, 41):
        when = now - timedelta(days=days_ago)
        together = days_ago % 2 == 0
        checkin_create(
            user=user,
            vault=vault,
            pleasantness=1 if together else 0,
            energy=0,
            emotion="calm",
            when=when,
        )
        if together:
            moment_create(
                user=user,
                vault=vault,
                occurred_on=timezone.localdate(when),
                person_ids=[person.id],
                how="call",
            )


def _any_prompt_key() -> str:
    from nearer.journal.prompts import PROMPTS

    return PROMPTS[0].key


# --- URL patterns ----------------------------------------------------------------

# (namespace, URL keyword) -> the owner's value to put in the URL.
ID_KWARGS: dict[tuple[str, str], Callable[[Samples], object]] = {
    ("journal", "entry_id"): lambda s: s.entry.id,
    ("checkins", "checkin_id"): lambda s: s.checkins[0].id,
    ("moments", "moment_id"): lambda s: s.moments[0].id,
    ("moments", "person_id"): lambda s: s.moment_people[0].id,
    ("people", "person_id"): lambda s: s.people[0].id,
    ("people", "date_id"): lambda s: s.important_dates[0].id,
    ("scales", "result_id"): lambda s: s.scale_results[0].id,
    ("people", "import_id"): lambda s: s.pending_imports[0].id,
    ("portability", "jrnl_import_id"): lambda s: s.jrnl_imports[0],
    ("portability", "daylio_import_id"): lambda s: s.daylio_imports[0],
    ("portability", "nearer_import_id"): lambda s: s.nearer_imports[0],
    ("opening", "share_id"): lambda s: s.shares[0].id,
    ("decks", "session_id"): lambda s: s.deck_sessions[0].id,
    ("together", "copy_id"): lambda s: s.shared_copies[0].id,
    ("rituals", "week_id"): lambda s: s.checkin_weeks[0].id,
    ("rituals", "session_id"): lambda s: s.pair_deck_sessions[0].id,
    ("accounts", "handle"): lambda s: s.session_handles[0],
    ("accounts", "passkey_id"): lambda s: s.passkeys[0].id,
    ("journal", "search_id"): lambda s: s.journal_searches[0],
    ("people", "search_id"): lambda s: s.people_searches[0],
}

# (namespace, URL keyword) -> why it is not an object id (a stranger gets their own view).
NOT_OBJECT_KWARGS: dict[tuple[str, str], str] = {
    ("journal", "year"): "a month of the person's own journal",
    ("journal", "month"): "a month of the person's own journal",
    ("checkins", "year"): "a month or day of the person's own check-ins",
    ("checkins", "month"): "a month or day of the person's own check-ins",
    ("checkins", "day"): "a day of the person's own check-ins",
    ("scales", "scale_key"): "a built-in scale, the same for everyone",
    ("decks", "card_id"): "a conversation card, public and the same for everyone",
    ("insights", "year"): "a year of the person's own check-ins (year in pixels)",
    # Forged, tampered and retired tokens: reminders/tests/test_unsubscribe_view.py.
    ("reminders", "token"): "a signed unsubscribe link, not an id: only the server makes one",
    # Forged, tampered, expired and spent tokens: accounts/tests/test_email_address.py.
    ("accounts", "token"): "a signed, single-use link confirming an email, not an id",
}

# The admin is for staff only: every admin URL sends anyone else to the admin login.
ADMIN_NAMESPACE = "admin"


def admin_kwarg(samples: Samples, name: str) -> object:
    """Return a value for an admin URL keyword that points at the owner's rows."""
    from django.contrib.contenttypes.models import ContentType

    values: dict[str, object] = {
        "object_id": samples.person.user.pk,
        "content_type_id": ContentType.objects.get_for_model(type(samples.person.user)).pk,
        "app_label": "auth",
        "url": "accounts/user/",
    }
    return values.get(name, samples.person.user.pk)


@dataclass(frozen=True)
class Route:
    """One URL pattern: its full route string, namespace, name and keywords."""

    route: str
    namespace: str
    name: str | None
    kwargs: tuple[str, ...]

    @property
    def label(self) -> str:
        return f"{self.namespace}:{self.name or '?'} {self.route}"


def routes() -> Iterator[Route]:
    """Yield every URL pattern of the project, walking nested resolvers."""

    def walk(patterns: list[Any], prefix: str, namespaces: tuple[str, ...]) -> Iterator[Route]:
        for pattern in patterns:
            route = prefix + str(pattern.pattern)
            if isinstance(pattern, URLResolver):
                inner = namespaces + ((pattern.namespace,) if pattern.namespace else ())
                yield from walk(pattern.url_patterns, route, inner)
            elif isinstance(pattern, URLPattern):
                yield Route(
                    route=route,
                    namespace=":".join(namespaces),
                    name=pattern.name,
                    kwargs=tuple(pattern.pattern.regex.groupindex),
                )

    yield from walk(get_resolver().url_patterns, "", ())


def fill(route: str, values: dict[str, object]) -> str:
    """Return the path for ``route`` with its keywords replaced by ``values``."""
    import re

    path = re.sub(r"\(\?P<(\w+)>[^()]*\)", lambda m: str(values[m.group(1)]), route)
    path = re.sub(r"<(?:\w+:)?(\w+)>", lambda m: str(values[m.group(1)]), path)
    return "/" + path.replace("^", "").replace("$", "")


# --- Snapshots -------------------------------------------------------------------

# Tables a request may legitimately touch while refusing it: the stranger's own
# session (idle timeout) and login bookkeeping.
_VOLATILE = {Session}


def database_snapshot() -> dict[str, list[dict[str, object]]]:
    """Return every row of every table (but sessions) as comparable plain values."""
    snapshot: dict[str, list[dict[str, object]]] = {}
    for model in apps.get_models():
        if model in _VOLATILE or model._meta.proxy:
            continue
        rows = []
        for row in model._default_manager.order_by("pk").values():
            rows.append(
                {k: bytes(v) if isinstance(v, memoryview | bytes) else v for k, v in row.items()}
            )
        snapshot[model._meta.label] = rows
    return snapshot
