"""Short labels that tell people apart in pickers: "Emma R." and "Emma T.", not "Emma" twice.

The rule, applied to everyone a picker may offer at once:
1. A person is shown by what they are called (``display_name``: their nickname, or
   else their name).
2. Where two or more share that label (compared case- and accent-blind), each gets
   the first letters of their last name after it, as few as tell them apart:
   "Emma R." and "Emma T.", or "Emma Ro.", "Emma Re." and "Emma T.".
3. If that still leaves a tie (the same last name, or none), their full name is
   shown, with the relationship in brackets where that tells them apart, or else a
   number: "Sam (friend)", "Sam (colleague)"; "Sam Lee", "Sam Lee (2)".
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


def _with_initials(people: list[PersonSummary]) -> dict[str, str] | None:
    """Each label and the fewest leading letters of the last name that set it apart."""
    lasts = [_last_name(p) for p in people]
    if not all(lasts):
        return None
    labels: dict[str, str] = {}
    for n, (person, last) in enumerate(zip(people, lasts, strict=True)):
        others = [fold_words(other) for m, other in enumerate(lasts) if m != n]
        for size in range(1, len(last) + 1):
            part = fold_words(last[:size])
            if not any(other.startswith(part) for other in others):
                dot = "." if size < len(last) else ""
                labels[person.id] = f"{person.display_name} {last[:size]}{dot}"
                break
        else:
            return None
    return labels


def _spelled_out(people: list[PersonSummary]) -> dict[str, str]:
    """Full names; then the relationship where that differs; then a number."""
    labels = {p.id: p.name or p.display_name or "Someone" for p in people}
    groups: dict[str, list[PersonSummary]] = defaultdict(list)
    for p in people:
        groups[fold_words(labels[p.id])].append(p)
    for group in groups.values():
        relations = [p.relationship_label or p.relationship for p in group]
        if len(group) > 1 and all(relations) and len(set(relations)) == len(group):
            for p, relation in zip(group, relations, strict=True):
                labels[p.id] = f"{labels[p.id]} ({relation})"
        elif len(group) > 1:
            for number, p in enumerate(group[1:], start=2):
                labels[p.id] = f"{labels[p.id]} ({number})"
    return labels


def short_labels(people: Iterable[PersonSummary]) -> dict[str, str]:
    """Return each person's label by id string, unique among ``people`` (see the rule)."""
    groups: dict[str, list[PersonSummary]] = defaultdict(list)
    for person in people:
        groups[fold_words(person.display_name)].append(person)
    labels: dict[str, str] = {}
    for group in groups.values():
        if len(group) == 1:
            labels[group[0].id] = group[0].display_name or "Someone"
            continue
        labels.update(_with_initials(group) or _spelled_out(group))
    return labels


def labelled(people: Mapping[str, PersonSummary], ids: Iterable[str]) -> list[tuple[str, str]]:
    """Return (id, label) for ``ids`` (those known in ``people``), labels told apart
    among everyone in ``people``."""
    labels = short_labels(people.values())
    return [(key, labels[key]) for key in ids if key in labels]
