"""Short labels that tell people apart in pickers: "Emma R." and "Emma T.", not "Emma" twice.

The rule, applied to everyone a picker may offer at once:
1. A person is shown by what they are called (``display_name``: their nickname, or
   else their name).
2. Where two or more share that label (compared case- and accent-blind), each gets
   the first letters of their last name after it, as few as tell them apart:
   "Emma R." and "Emma T.", or "Emma Ro." and "Emma Re.".
3. If that still leaves a tie (the same full name, or no last name), their full name
   is shown, then the relationship in brackets, then a number: "Sam (friend)",
   "Sam (colleague)"; "Sam Lee (2)".
Labels are worked out in memory from the index's summaries; nothing is stored.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping

from nearer.lib.text import fold_words
from nearer.people.index import PersonSummary


def _last_name(summary: PersonSummary) -> str:
    words = summary.name.split()
    # The last name is the last word of the full name, when it has more than one.
    return words[-1] if len(words) > 1 else ""


def _with_initials(label: str, people: list[PersonSummary]) -> dict[str, str] | None:
    """``label`` and the fewest leading letters of each last name that tell them apart."""
    lasts = [_last_name(p) for p in people]
    if not all(lasts):
        return None
    longest = max(len(last) for last in lasts)
    for size in range(1, longest + 1):
        parts = [last[:size] + ("." if size < len(last) else "") for last in lasts]
        if len({fold_words(part) for part in parts}) == len(parts):
            return {p.id: f"{label} {part}" for p, part in zip(people, parts, strict=True)}
    return None


def _spelled_out(people: list[PersonSummary]) -> dict[str, str]:
    """Full names, then the relationship, then a number, until each label is its own."""
    labels = {p.id: p.name or p.display_name for p in people}
    counts: dict[str, int] = defaultdict(int)
    for label in labels.values():
        counts[fold_words(label)] += 1
    for p in people:
        if counts[fold_words(labels[p.id])] > 1:
            relation = p.relationship_label or p.relationship
            if relation:
                labels[p.id] = f"{labels[p.id]} ({relation})"
    seen: dict[str, int] = defaultdict(int)
    repeated: dict[str, int] = defaultdict(int)
    for label in labels.values():
        repeated[fold_words(label)] += 1
    for p in people:
        key = fold_words(labels[p.id])
        if repeated[key] > 1:
            seen[key] += 1
            if seen[key] > 1:
                labels[p.id] = f"{labels[p.id]} ({seen[key]})"
    return labels


def short_labels(people: Iterable[PersonSummary]) -> dict[str, str]:
    """Return each person's label by id string, unique among ``people`` (see the rule)."""
    groups: dict[str, list[PersonSummary]] = defaultdict(list)
    for person in people:
        groups[fold_words(person.display_name)].append(person)
    labels: dict[str, str] = {}
    for group in groups.values():
        label = group[0].display_name or "Someone"
        if len(group) == 1:
            labels[group[0].id] = label
            continue
        labels.update(_with_initials(label, group) or _spelled_out(group))
    return labels


def labelled(people: Mapping[str, PersonSummary], ids: Iterable[str]) -> list[tuple[str, str]]:
    """Return (id, label) for ``ids`` (those known in ``people``), labels told apart
    among everyone in ``people``."""
    labels = short_labels(people.values())
    return [(key, labels[key]) for key in ids if key in labels]
