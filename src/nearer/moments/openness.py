"""Who opened up, counted: per month, overall and per person (kind ``moments.openness``).

"What opening up did" shows who opened up in moments with each person over years.
Opening five thousand moments on every visit costs far more than the page; the
counts of one sealed blob cost about as much as opening a few. So the counts are
derived data, kept the one way all derived data is (``vault.derived``): the
moments services change them in the same transaction as the moment they create,
change or delete (``openness_add`` / ``openness_remove``), a reader whose value is
missing or old works it out from the moments and writes nothing, the refresh at
login rebuilds it, and ``openness_rebuild`` follows writes that skip the services.

The value, for the whole account: ``overall`` and, per person id, month "YYYY-MM"
-> five counts, in ``ANSWERS`` order (me, them, both, neither, not said). A moment
with two people counts once overall and once for each of them. A person deleted
for good keeps their counts here (people cannot reach into moments); readers show
only people still in People (``counts_for_people``), which is what a rebuild from
the moments gives too, as their links are gone.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from datetime import date
from itertools import chain
from typing import Any
from uuid import UUID

from nearer.accounts.models import User
from nearer.moments.content import OPENED_UP, content_open
from nearer.moments.models import Moment, MomentPerson
from nearer.vault.box import Vault
from nearer.vault.crypto import SealError
from nearer.vault.derived import Kind, derived_change, derived_read, derived_rebuild, register

VERSION = 3
# The answers counted, in the order of each month's five counts; "" is "not said".
ANSWERS: tuple[str, ...] = (*(key for key, _ in OPENED_UP), "")
_WIDTH = len(ANSWERS)
# Stored, the overall months are one flat list of ints: per month its number
# (year * 12 + month - 1) and its five counts. Each person has their five totals
# as ints and their months as one text of the same numbers joined by commas: the
# summary needs everyone's totals but the months of only the five it draws, and a
# text is parsed (and checked, by one pattern over all of them) far faster than
# hundreds of lists of ints.
_STEP = MONTH_STEP = 1 + _WIDTH
_LAST_MONTH = 10_000 * 12 - 1
# Every person's months text, joined by ";", is checked at once for digits and
# separators only (one character class runs at C speed; a pattern of numbers, or a
# search for empty ones, cost more than parsing the whole value). A number left
# empty or a month short of its counts, which ``_text_of`` never writes, is found
# when that person's months are parsed, and they read as none (their totals stay).
_MONTH_CHARACTERS = re.compile(r"[0-9,;]*")

Months = dict[str, list[int]]
Flat = list[int]


class Openness:
    """Counts of who opened up: ``overall`` and ``people`` (person id -> months).

    Read from storage, a person's months stay text until asked for: ``totals`` and
    ``person_ids`` need no months, ``months`` decodes one person, ``people`` all.
    """

    __slots__ = ("_people", "_texts", "_totals", "overall")

    def __init__(
        self,
        overall: Months,
        people: dict[str, Months] | None = None,
        *,
        totals: dict[str, list[int]] | None = None,
        texts: dict[str, str] | None = None,
    ) -> None:
        self.overall = overall
        self._people = people
        self._totals = totals if people is None else None
        self._texts = texts if people is None else None

    def __repr__(self) -> str:
        return f"Openness({len(self.overall)} months, {len(self.person_ids())} people)"

    def __eq__(self, other: object) -> bool:
        # The same counts, whether read from storage or worked out from moments.
        if not isinstance(other, Openness):
            return NotImplemented
        return self.overall == other.overall and self.people == other.people

    __hash__ = None  # type: ignore[assignment]  # mutable counts: not a dict key

    @property
    def people(self) -> dict[str, Months]:
        if self._people is None:
            texts = self._texts or {}
            self._people = {key: _months_of(_numbers(text)) for key, text in texts.items()}
            self._totals = self._texts = None
        return self._people

    def person_ids(self) -> list[str]:
        return list(self._people if self._people is not None else self._totals or {})

    def months(self, person_id: str) -> Months:
        if self._people is not None:
            return self._people.get(person_id, {})
        return _months_of(_numbers((self._texts or {}).get(person_id, "")))

    def month_numbers(self, person_id: str) -> Flat:
        """The person's months as stored: per month its number and its five counts."""
        if self._people is not None:
            return _flat_of(self._people.get(person_id, {}))
        return _numbers((self._texts or {}).get(person_id, ""))

    def totals(self, person_id: str) -> list[int]:
        """The person's five counts summed over every month (zeros when none)."""
        if self._people is not None:
            return _totals_of(self._people.get(person_id, {}))
        return list((self._totals or {}).get(person_id, [0] * _WIDTH))


def _totals_of(months: Months) -> list[int]:
    return [sum(column) for column in zip(*months.values(), strict=True)] or [0] * _WIDTH


def _numbers(text: str) -> Flat:
    try:
        numbers = list(map(int, text.split(","))) if text else []
    except ValueError:  # a number left empty (see _MONTH_CHARACTERS)
        return []
    return [] if len(numbers) % _STEP else numbers


def _key_of(number: int) -> str:
    return f"{number // 12:04d}-{number % 12 + 1:02d}"


def _months_of(flat: Flat) -> Months:
    columns = [flat[position::_STEP] for position in range(1, _STEP)]
    return dict(
        zip(map(_key_of, flat[0::_STEP]), map(list, zip(*columns, strict=True)), strict=True)
    )


def _flat_of(months: Months) -> Flat:
    flat: Flat = []
    for key, counts in months.items():
        flat.append(int(key[:4]) * 12 + int(key[5:7]) - 1)
        flat.extend(counts)
    return flat


def month_numbers(months: Months) -> Flat:
    """``months`` as stored: per month its number (year * 12 + month - 1) and counts."""
    return _flat_of(months)


def _text_of(months: Months) -> str:
    return ",".join(map(str, _flat_of(months)))


def month_key(day: date) -> str:
    return f"{day.year:04d}-{day.month:02d}"


def _bump(months: Months, key: str, answer: int, by: int) -> None:
    counts = months.setdefault(key, [0] * _WIDTH)
    counts[answer] = max(counts[answer] + by, 0)
    if not any(counts):
        del months[key]


def _apply(
    value: Openness, *, day: date, opened_up: str, person_ids: Iterable[UUID | str], by: int
) -> Openness:
    answer = ANSWERS.index(opened_up) if opened_up in ANSWERS else _WIDTH - 1
    key = month_key(day)
    _bump(value.overall, key, answer, by)
    for person_id in person_ids:
        months = value.people.setdefault(str(person_id), {})
        _bump(months, key, answer, by)
        if not months:
            del value.people[str(person_id)]
    return value


def _compute(owner_id: int, vault: Vault, subject: UUID) -> Openness:
    """The counts worked out from every moment of the owner (those that open)."""
    links: dict[UUID, list[UUID]] = defaultdict(list)
    for moment_id, person_id in MomentPerson.objects.filter(moment__owner_id=owner_id).values_list(
        "moment_id", "person_id"
    ):
        links[moment_id].append(person_id)
    value = Openness(overall={}, people={})
    rows = Moment.objects.filter(owner_id=owner_id).values_list("id", "occurred_on", "content")
    for moment_id, occurred_on, content in rows.iterator(chunk_size=500):
        try:
            opened = content_open(vault, moment_id, content)
        except SealError:
            continue  # an unreadable moment is counted nowhere, as its page says
        _apply(
            value, day=occurred_on, opened_up=opened.opened_up, person_ids=links[moment_id], by=1
        )
    return value


def _overall_checked(raw: Any) -> Flat:
    # Checked a column at a time (set, map and min run at C speed).
    if (
        type(raw) is not list
        or not set(map(type, raw)) <= {int}
        or (raw and min(raw) < 0)
        or len(raw) % _STEP
        or (raw and max(raw[0::_STEP]) > _LAST_MONTH)
    ):
        raise SealError("openness counts have an unexpected shape")
    return raw


def _decode(raw: Any) -> Openness:
    if type(raw) is not dict or type(raw.get("t")) is not dict or type(raw.get("m")) is not dict:
        raise SealError("openness is not an object")
    overall = _overall_checked(raw.get("o"))
    totals: dict[str, list[int]] = raw["t"]
    texts: dict[str, str] = raw["m"]
    rows = list(totals.values())
    if (
        totals.keys() != texts.keys()
        or not set(map(type, totals)) <= {str}
        or not set(map(type, rows)) <= {list}
        or not set(map(len, rows)) <= {_WIDTH}
    ):
        raise SealError("openness people have an unexpected shape")
    numbers = list(chain.from_iterable(rows))
    if (
        not set(map(type, numbers)) <= {int}
        or (numbers and min(numbers) < 0)
        or not set(map(type, texts.values())) <= {str}
        or _MONTH_CHARACTERS.fullmatch(joined := ";".join(texts.values())) is None
        or joined.count(";") != max(len(texts) - 1, 0)
    ):
        raise SealError("openness counts have an unexpected shape")
    return Openness(overall=_months_of(overall), totals=totals, texts=texts)


def _encode(value: Openness) -> dict[str, Any]:
    if value._people is None:  # never decoded: stored as it was read
        return {"o": _flat_of(value.overall), "t": value._totals or {}, "m": value._texts or {}}
    return {
        "o": _flat_of(value.overall),
        "t": {key: _totals_of(months) for key, months in value._people.items()},
        "m": {key: _text_of(months) for key, months in value._people.items()},
    }


OPENNESS = register(
    Kind[Openness](
        name="moments.openness",
        version=VERSION,
        compute=_compute,
        encode=_encode,
        decode=_decode,
    )
)


def openness_read(*, user: User, vault: Vault) -> Openness:
    """Return ``user``'s counts (never writes; worked out from the moments if missing)."""
    return derived_read(OPENNESS, user=user, vault=vault)


def openness_add(
    *, user: User, vault: Vault, day: date, opened_up: str, person_ids: Iterable[UUID]
) -> None:
    """Count one moment (inside the service's transaction, after saving it)."""
    ids = list(person_ids)
    derived_change(
        OPENNESS,
        user=user,
        vault=vault,
        change=lambda value: _apply(value, day=day, opened_up=opened_up, person_ids=ids, by=1),
    )


def openness_remove(
    *, user: User, vault: Vault, day: date, opened_up: str, person_ids: Iterable[UUID]
) -> None:
    """Stop counting one moment as it was (inside the service's transaction)."""
    ids = list(person_ids)
    derived_change(
        OPENNESS,
        user=user,
        vault=vault,
        change=lambda value: _apply(value, day=day, opened_up=opened_up, person_ids=ids, by=-1),
    )


def openness_replace(
    *,
    user: User,
    vault: Vault,
    before: tuple[date, str, Iterable[UUID]] | None,
    after: tuple[date, str, Iterable[UUID]],
) -> None:
    """Count a changed moment as it is now instead of as it was (``before`` None when
    its old content would not open, so it was never counted): one open and seal."""
    old = None if before is None else (before[0], before[1], list(before[2]))
    new = (after[0], after[1], list(after[2]))

    def change(value: Openness) -> Openness:
        if old is not None:
            _apply(value, day=old[0], opened_up=old[1], person_ids=old[2], by=-1)
        return _apply(value, day=new[0], opened_up=new[1], person_ids=new[2], by=1)

    derived_change(OPENNESS, user=user, vault=vault, change=change)


def openness_rebuild(*, user: User, vault: Vault) -> Openness:
    """Work the counts out from the moments and store them (after bulk writes)."""
    return derived_rebuild(OPENNESS, user=user, vault=vault)
