"""checkins.kind_words: a varied, calm word after a check-in; never guilt or streaks."""

from __future__ import annotations

import re
import uuid

from nearer.checkins.kind_words import IN_BETWEEN, PLEASANT, UNPLEASANT, kind_word

NEVER = re.compile(
    r"streak|in a row|\bdays?\b|again|should|must|finally|don't forget|keep it up|miss",
    re.IGNORECASE,
)


def test_each_side_has_its_own_few_words_and_none_nags() -> None:
    for words in (PLEASANT, UNPLEASANT, IN_BETWEEN):
        assert len(words) >= 3 and len(set(words)) == len(words)
        for word in words:
            assert not NEVER.search(word), word
            assert "!" not in word, word


def test_the_word_follows_the_side_and_varies_between_check_ins() -> None:
    ids = [uuid.UUID(int=n) for n in range(12)]
    assert {kind_word(checkin_id=i, pleasantness=2) for i in ids} == set(PLEASANT)
    assert {kind_word(checkin_id=i, pleasantness=-1) for i in ids} == set(UNPLEASANT)
    assert {kind_word(checkin_id=i, pleasantness=0) for i in ids} == set(IN_BETWEEN)
    one = uuid.uuid4()
    assert kind_word(checkin_id=one, pleasantness=1) == kind_word(checkin_id=one, pleasantness=1)
