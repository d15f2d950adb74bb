"""An account with every kind of row and every optional field set, made through services.

The export tests build it so that a field the export (or the import) dropped shows
up as a difference: ``every_field_is_set`` proves each field has a value somewhere.
"""

from __future__ import annotations

import random
from collections.abc import Iterable, Mapping
from datetime import UTC, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from django.utils import timezone

from nearer.accounts.models import User
from nearer.accounts.services import preferences_update
from nearer.checkins.services import checkin_create
from nearer.decks.models import DeckSession
from nearer.decks.services import card_draw, card_favourite, card_hide, deck_opt_ins_set
from nearer.decks.session_content import content_open as session_open
from nearer.decks.session_services import session_log, session_start, session_step
from nearer.journal.prompts import PROMPTS
from nearer.journal.services import entry_create
from nearer.moments.services import moment_create, nudge_snooze
from nearer.opening.services import (
    share_entry_write,
    share_let_go,
    share_mark_shared,
    share_prepare,
    share_reflect,
)
from nearer.people.content import PersonDetails
from nearer.people.rules import DateDraft
from nearer.people.services import closeness_rate, person_archive, person_create
from nearer.scales.services import result_create
from nearer.vault.box import Vault

# Words long enough that no random id contains them.
SAM_NAME = "Samwise Roundtripper"


def build_full_account(user: User, vault: Vault) -> None:
    """Fill ``user``'s account with one or more of everything Nearer keeps."""
    today = timezone.localdate()
    sam = person_create(
        user=user,
        vault=vault,
        details=PersonDetails(
            name=SAM_NAME,
            called="Sammy <b>",
            relationship="friend",
            relationship_label="oldest friend",
            circle="inner",
            notes="Likes long walks;\nand =SUM(A1) in notes",
            rhythm_days=7,
            too_long_days=21,
        ),
        dates=[
            DateDraft(kind="birthday", month=2, day=29, year=1992),
            DateDraft(kind="anniversary", month=6, day=12, year=None, label="met at the lake"),
            DateDraft(kind="custom", month=11, day=3, year=2015, label="moved to the coast"),
        ],
    )
    kit = person_create(
        user=user,
        vault=vault,
        details=PersonDetails(
            name="Kitterick Archivedperson", circle="wider", relationship="family"
        ),
        dates=[DateDraft(kind="birthday", month=4, day=1, year=None)],
    )
    closeness_rate(
        user=user, vault=vault, person_id=sam.id, value=5, rated_on=today - timedelta(days=3)
    )
    closeness_rate(
        user=user, vault=vault, person_id=kit.id, value=2, rated_on=today - timedelta(days=9)
    )
    nudge_snooze(user=user, person_id=sam.id, until=today + timedelta(days=5))

    prompt = PROMPTS[0]
    entry_create(
        user=user,
        vault=vault,
        entry_date=today - timedelta(days=2),
        title='A "guided" evening: quiet',
        body="Wrote about the lake.\n\n---\nnot front matter",
        tags=["lake", "evening"],
        prompt_key=prompt.key,
    )
    entry_create(
        user=user,
        vault=vault,
        entry_date=today - timedelta(days=40),
        title="",
        body="Plain day.",
        tags=[],
    )

    zone = ZoneInfo("Pacific/Auckland")
    checkin_create(
        user=user,
        vault=vault,
        pleasantness=1,
        energy=-1,
        emotion="calm",
        people=[str(sam.id)],
        tags=["walk", "sun"],
        note="=cmd| a note that looks like a formula",
        when=datetime.combine(today - timedelta(days=1), time(7, 45), tzinfo=zone),
    )
    result_create(
        user=user,
        vault=vault,
        scale_key="who5",
        answers=[3, 4, 2, 5, 1],
        taken_on=today - timedelta(days=6),
        taken_at=datetime.combine(today - timedelta(days=6), time(20, 5), tzinfo=UTC),
    )
    moment_create(
        user=user,
        vault=vault,
        occurred_on=today - timedelta(days=4),
        person_ids=[sam.id, kit.id],
        how="in_person",
        at=time(18, 30),
        minutes=95,
        kinds=["emotional", "experiential"],
        closeness=4,
        opened_up="both",
        note="Dinner by the water",
    )

    share = share_prepare(
        user=user,
        vault=vault,
        text="That I missed our walks",
        person_ids=[sam.id],
        fear="that it sounds like blame",
        hope="that we walk again",
        anxiety_before=7,
    )
    share_mark_shared(
        user=user,
        vault=vault,
        share_id=share.id,
        shared_on=today - timedelta(days=2),
        how="call",
        today=today,
    )
    share_reflect(
        user=user,
        vault=vault,
        share_id=share.id,
        reception=["listened", "kind"],
        reception_note="They laughed, kindly",
        anxiety_after=2,
        closeness_after=6,
        reciprocated="yes",
        today=today,
    )
    share_entry_write(user=user, vault=vault, share_id=share.id, today=today)
    gone = share_prepare(user=user, vault=vault, text="Something left unsaid", person_ids=[kit.id])
    share_let_go(user=user, vault=vault, share_id=gone.id, note="Not mine to say")

    rng = random.Random(12)
    deck_opt_ins_set(user=user, vault=vault, themes=["touch"])
    drawn = card_draw(user=user, vault=vault, rng=rng)
    assert drawn is not None
    card_favourite(user=user, vault=vault, card_id=drawn.card.id, on=True)
    other = card_draw(user=user, vault=vault, rng=rng)
    assert other is not None
    card_hide(user=user, vault=vault, card_id=other.card.id, on=True)
    started = timezone.now() - timedelta(hours=3)
    session = session_start(
        user=user, vault=vault, person_id=sam.id, length=10, now=started, rng=rng
    )
    for step in ("next", "skip", "stop"):
        content = session_open(vault, session.id, DeckSession.objects.get(id=session.id).content)
        session_step(
            user=user,
            vault=vault,
            session_id=session.id,
            step=step,
            answered=content.answered,
            card_id=content.current or "",
            now=started + timedelta(minutes=20),
            rng=rng,
        )
    session_log(user=user, vault=vault, session_id=session.id, occurred_on=today)

    person_archive(user=user, vault=vault, person_id=kit.id)
    preferences_update(
        user=user,
        vault=vault,
        display_name="Ro <i>",
        time_zone="Pacific/Auckland",
        review_day=3,
    )


def every_field_is_set(doc: Mapping[str, Any]) -> list[str]:
    """Return ``kind.field`` for every field no item of its kind has a value for."""
    missing: list[str] = []

    def look(kind: str, items: Iterable[Mapping[str, Any]]) -> None:
        items = list(items)
        if not items:
            missing.append(f"{kind} (none at all)")
            return
        for key in items[0]:
            if not any(item.get(key) not in (None, "", [], {}) for item in items):
                missing.append(f"{kind}.{key}")

    for kind in (
        "people",
        "journal",
        "checkins",
        "scale_results",
        "moments",
        "shares",
        "deck_sessions",
    ):
        look(kind, doc[kind])
    look("important_dates", (d for p in doc["people"] for d in p["important_dates"]))
    look("closeness_ratings", (r for p in doc["people"] for r in p["closeness_ratings"]))
    look("deck", [doc["deck"]] if doc["deck"] else [])
    if not doc["preferences"]:
        missing.append("preferences")
    return missing
