"""What an export will gather, counted without opening anything.

The export page says how many of each kind there are and about how large the
download will be before the person starts it, so a long export is expected rather
than a surprise. Counts and sizes come from the database alone: rows are counted
and their sealed lengths summed; nothing is decrypted.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, F, Func, IntegerField, Model, QuerySet, Sum

from nearer.accounts.models import User
from nearer.checkins.models import CheckIn
from nearer.decks.models import DeckSession
from nearer.journal.models import Entry
from nearer.moments.models import Moment
from nearer.opening.models import Share
from nearer.people.models import ClosenessRating, ImportantDate, Person
from nearer.scales.models import ScaleResult

# Sealed bytes → download bytes, measured on the ten-year demo (docs/benchmarks.md,
# "Export"): 20.5 MB sealed gave a 15.2 MB zip. The JSON and its readable copies hold
# each value about twice, and deflate at its fastest level shrinks text about 2.7×.
DOWNLOAD_PER_SEALED_BYTE = 0.75


@dataclass(frozen=True, slots=True)
class KindCount:
    one: str
    many: str
    count: int

    @property
    def words(self) -> str:
        return self.one if self.count == 1 else self.many


@dataclass(frozen=True, slots=True)
class ExportSummary:
    kinds: tuple[KindCount, ...]
    sealed_bytes: int

    @property
    def total(self) -> int:
        return sum(kind.count for kind in self.kinds)

    @property
    def size_words(self) -> str:
        """About how large the zip will be, in words ("about 12 MB", "under 1 MB")."""
        size = self.sealed_bytes * DOWNLOAD_PER_SEALED_BYTE
        megabytes = size / (1024 * 1024)
        if megabytes < 1:
            return "under 1 MB"
        return f"about {megabytes:,.0f} MB"


class _Length(Func):
    function = "LENGTH"
    output_field = IntegerField()


def _counted(rows: QuerySet[Model]) -> tuple[int, int]:
    found = rows.aggregate(count=Count("pk"), size=Sum(_Length(F("content"))))
    return int(found["count"] or 0), int(found["size"] or 0)


def export_summary(*, user: User) -> ExportSummary:
    """Count ``user``'s rows of every kind the export writes, and their sealed size."""
    parts = (
        ("person", "people", Person.objects.filter(owner=user)),
        ("important date", "important dates", ImportantDate.objects.filter(owner=user)),
        ("closeness rating", "closeness ratings", ClosenessRating.objects.filter(owner=user)),
        ("journal entry", "journal entries", Entry.objects.filter(owner=user)),
        ("check-in", "check-ins", CheckIn.objects.filter(owner=user)),
        ("scale result", "scale results", ScaleResult.objects.filter(owner=user)),
        ("moment", "moments", Moment.objects.filter(owner=user)),
        ("opening-up share", "opening-up shares", Share.objects.filter(owner=user)),
        (
            "conversation-deck session",
            "conversation-deck sessions",
            DeckSession.objects.filter(owner=user),
        ),
    )
    kinds = []
    sealed = 0
    for one, many, rows in parts:
        count, size = _counted(rows)
        kinds.append(KindCount(one, many, count))
        sealed += size
    return ExportSummary(kinds=tuple(kinds), sealed_bytes=sealed)
