"""A kind word after a check-in: varied, calm, never guilt, never about streaks or counts.

The word follows the feeling's side: a pleasant one is savoured, an unpleasant one
met gently, one in between simply noted. Which of the few is said follows the
check-in's id, so it varies from one check-in to the next but a page shown again
says the same.
"""

from __future__ import annotations

from uuid import UUID

PLEASANT: tuple[str, ...] = (
    "Noted. May it stay with you a while.",
    "Good to hear. Enjoy it.",
    "Kept. A good moment to remember.",
    "Thank you for noticing the good parts too.",
)
UNPLEASANT: tuple[str, ...] = (
    "Thank you for checking in. Naming a feeling is already a kind thing to do.",
    "Noted. Be gentle with yourself today.",
    "Kept. Hard feelings are allowed here too.",
    "Thank you. You don't have to fix anything right now.",
)
IN_BETWEEN: tuple[str, ...] = (
    "Noted. Thank you for taking a moment.",
    "Kept. Every feeling counts, the quiet ones too.",
    "Thank you for checking in.",
)


def kind_word(*, checkin_id: UUID, pleasantness: int) -> str:
    """Return the word to say after saving the check-in ``checkin_id``."""
    words = PLEASANT if pleasantness > 0 else UNPLEASANT if pleasantness < 0 else IN_BETWEEN
    return words[checkin_id.int % len(words)]
