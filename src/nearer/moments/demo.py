"""Made-up people and ten years of moments together, for the demo and benchmarks.

Several hundred people in three circles (a few close ones seen often, many seen
rarely), their birthdays and anniversaries, closeness ratings now and then, and
tens of thousands of moments. Everything is sealed exactly as the services seal
it, but written with bulk inserts: the services' one-by-one path would take
minutes for 20,000 moments.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from django.utils import timezone

from nearer.accounts.models import User
from nearer.lib.owner import check_vault
from nearer.moments.content import CLOSENESS, HOWS, KINDS, OPENED_UP, MomentContent, content_seal
from nearer.moments.models import Moment, MomentPerson
from nearer.moments.openness import openness_rebuild
from nearer.people.content import PersonDetails
from nearer.people.days import rating_seal
from nearer.people.models import ClosenessRating, Person
from nearer.people.rules import DateDraft
from nearer.people.services import people_create_many
from nearer.vault.box import Vault

BATCH = 1000

# Our own short lists; combined they give hundreds of distinct names.
FIRST_NAMES = (
    "Ada",
    "Amir",
    "Anna",
    "Ben",
    "Bea",
    "Carl",
    "Chiara",
    "Dan",
    "Dora",
    "Eli",
    "Emma",
    "Femi",
    "Freya",
    "Gus",
    "Hana",
    "Ines",
    "Ivo",
    "Jonas",
    "June",
    "Kai",
    "Lena",
    "Leo",
    "Mara",
    "Maya",
    "Nico",
    "Noor",
    "Olu",
    "Pia",
    "Quinn",
    "Rosa",
    "Sami",
    "Sofia",
    "Tom",
    "Uma",
    "Vera",
    "Wim",
    "Yara",
    "Zoe",
    "Ravi",
    "Lucía",
)
LAST_NAMES = (
    "Almeida",
    "Berg",
    "Castillo",
    "Dubois",
    "Eriksen",
    "Fischer",
    "García",
    "Haddad",
    "Ito",
    "Jansen",
    "Kowalski",
    "Lindqvist",
    "Moreau",
    "Nakamura",
    "Okafor",
    "Petrov",
    "Quist",
    "Rossi",
    "Schmidt",
    "Tanaka",
    "Usman",
    "Varga",
    "Weber",
    "Xu",
    "Yilmaz",
    "Zhou",
)
NOTES = (
    "Long walk by the river; we talked about our parents.",
    "Coffee before work, quick but warm.",
    "Cooked together and laughed a lot.",
    "A hard conversation, and it went better than I feared.",
    "Sent photos from the trip; they answered with a voice note.",
    "Helped with the move. Tired and happy.",
    "They told me about the new job.",
    "",
    "",
    "",
)


@dataclass(frozen=True)
class Circle:
    key: str
    share: float  # of all people
    rhythm: tuple[int, int]  # ideal days, too-long days
    moments_weight: float  # how much of the time together goes to one such person


CIRCLES = (
    Circle("inner", 0.03, (3, 7), 60.0),
    Circle("close", 0.17, (14, 30), 6.0),
    Circle("wider", 0.80, (60, 120), 0.4),
)


def _circle_of(number: int, count: int) -> Circle:
    """The circle of the ``number``-th of ``count`` people: closest first, as shares say."""
    limit = 0.0
    for circle in CIRCLES:
        limit += circle.share * count
        if number < max(1, round(limit)):
            return circle
    return CIRCLES[-1]


def _years_before(day: date, years: int) -> date:
    """Return the same day ``years`` earlier; 29 February becomes 28 February in a
    year that has none (``replace`` would raise on a leap day)."""
    try:
        return day.replace(year=day.year - years)
    except ValueError:
        return day.replace(year=day.year - years, day=28)


def _people(
    rng: random.Random, count: int, today: date
) -> list[tuple[PersonDetails, list[DateDraft]]]:
    people: list[tuple[PersonDetails, list[DateDraft]]] = []
    for number in range(count):
        circle = _circle_of(number, count)
        first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
        relationship = (
            "partner"
            if number == 0
            else rng.choice(("family", "friend", "friend", "colleague", "other"))
        )
        # Not everyone has a wished rhythm: half the wider circle just is.
        rhythm = circle.rhythm if circle.key != "wider" or rng.random() < 0.5 else None
        details = PersonDetails(
            name=f"{first} {last}",
            called=first if rng.random() < 0.3 else "",
            relationship=relationship,
            circle=circle.key,  # type: ignore[arg-type]
            notes=rng.choice(NOTES),
            rhythm_days=rhythm[0] if rhythm else None,
            too_long_days=rhythm[1] if rhythm else None,
        )
        dates: list[DateDraft] = []
        if rng.random() < 0.7:
            born = _years_before(today, rng.randint(20, 70))
            birthday = born - timedelta(days=rng.randint(0, 364))
            if birthday.month == 2 and birthday.day == 29:
                birthday -= timedelta(days=1)
            year = birthday.year if rng.random() < 0.6 else None
            dates.append(DateDraft("birthday", birthday.month, birthday.day, year))
        if relationship == "partner":
            dates.append(DateDraft("anniversary", 6, 14, today.year - 8))
        people.append((details, dates))
    return people


def build_people_and_moments(
    user: User,
    vault: Vault,
    *,
    people: int = 300,
    moments: int = 20_000,
    years: int = 10,
    today: date | None = None,
    seed: int = 7,
) -> list[str]:
    """Create ``people`` people and ``moments`` moments over ``years`` years; return the ids.

    Closeness is rated about monthly for the inner circle and a few times a year for
    close people. Call inside a transaction (SQLite is far faster that way).
    """
    check_vault(user, vault)
    rng = random.Random(seed)  # noqa: S311 - made-up demo data, repeatable on purpose
    end = today or timezone.localdate()
    start = end - timedelta(days=round(365.25 * years))
    drafts = _people(rng, people, end)
    rows = people_create_many(user=user, vault=vault, people=drafts)
    weights = [
        next(c.moments_weight for c in CIRCLES if c.key == details.circle) for details, _ in drafts
    ]
    _moments(user, vault, rng, rows, weights, count=moments, start=start, end=end)
    _ratings(user, vault, rng, rows, [d.circle for d, _ in drafts], start=start, end=end)
    return [str(row.id) for row in rows]


def _moment_offsets(rng: random.Random, span: int, count: int) -> list[int]:
    """Return ``count`` day offsets (0..span) for moments, as life spreads them.

    Life has social and quiet stretches: each month gets a level (a quarter to
    all) of how many of its days hold time together and how full they are, so
    some days have no moment at all and some months few. The Insights page's
    demo findings rest on that contrast (and checkins/demo.py and scales/demo.py
    plant their modest effects on these days).
    """
    levels: dict[int, float] = {}
    weights: list[float] = []
    for offset in range(span + 1):
        month = offset // 30  # stretches of 30 days: "months" enough for a demo
        if month not in levels:
            levels[month] = rng.uniform(0.25, 1.0)
        level = levels[month]
        weights.append(level if rng.random() < level else 0.0)
    if not any(weights):
        weights = [1.0] * (span + 1)
    return rng.choices(range(span + 1), weights=weights, k=count)


def _moments(
    user: User,
    vault: Vault,
    rng: random.Random,
    rows: Sequence[Person],
    weights: Sequence[float],
    *,
    count: int,
    start: date,
    end: date,
) -> None:
    span = (end - start).days
    latest: dict[object, date] = {}
    moment_rows: list[Moment] = []
    links: list[MomentPerson] = []
    hows = [key for key, _ in HOWS]
    kinds = [key for key, _ in KINDS]
    opened = [key for key, _ in OPENED_UP]
    for offset in _moment_offsets(rng, span, count):
        day = start + timedelta(days=offset)
        # Most moments are with one person; some with two or three at once.
        company = rng.choices(rows, weights=weights, k=rng.choice((1, 1, 1, 1, 2, 3)))
        content = MomentContent(
            how=rng.choice(hows),
            time=f"{rng.randint(7, 22):02d}:{rng.choice((0, 15, 30, 45)):02d}"
            if rng.random() < 0.4
            else None,
            minutes=rng.choice((None, 10, 30, 60, 90, 180)),
            kinds=tuple(sorted(set(rng.sample(kinds, rng.randint(0, 3))))),
            closeness=rng.choice((None, *(value for value, _ in CLOSENESS))),
            opened_up=rng.choice(("", *opened)),
            note=rng.choice(NOTES),
        )
        moment = Moment(owner=user, occurred_on=day)
        moment.content = content_seal(vault, moment.id, content)
        moment_rows.append(moment)
        for person in dict.fromkeys(company):
            links.append(MomentPerson(moment=moment, person=person, occurred_on=day))
            if latest.get(person.id, date.min) < day:
                latest[person.id] = day
        if len(moment_rows) >= BATCH:
            Moment.objects.bulk_create(moment_rows)
            MomentPerson.objects.bulk_create(links)
            moment_rows, links = [], []
    Moment.objects.bulk_create(moment_rows)
    MomentPerson.objects.bulk_create(links)
    for person in rows:
        person.last_moment_on = latest.get(person.id)
    Person.objects.bulk_update(rows, ["last_moment_on"], batch_size=BATCH)
    # The bulk insert skipped the services: count who opened up from the rows once.
    openness_rebuild(user=user, vault=vault)


def _ratings(
    user: User,
    vault: Vault,
    rng: random.Random,
    rows: Sequence[Person],
    circles: Sequence[str],
    *,
    start: date,
    end: date,
) -> None:
    ratings: list[ClosenessRating] = []
    every = {"inner": 30, "close": 120}
    for person, circle in zip(rows, circles, strict=True):
        step = every.get(circle)
        if step is None:
            continue
        value = rng.randint(3, 6) if circle == "inner" else rng.randint(2, 4)
        day = start + timedelta(days=rng.randint(0, step))
        while day <= end:
            value = min(7, max(1, value + rng.choice((-1, 0, 0, 1))))
            rating = ClosenessRating(owner=user, person=person, rated_on=day)
            rating.content = rating_seal(vault, rating.id, value)
            ratings.append(rating)
            day += timedelta(days=step + rng.randint(-5, 5))
    ClosenessRating.objects.bulk_create(ratings, batch_size=BATCH)
