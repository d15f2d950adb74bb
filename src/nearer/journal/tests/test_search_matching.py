"""journal.search: folding and matching, with the fast paths checked against the slow ones."""

from __future__ import annotations

import json
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nearer.journal.content import EntryContent
from nearer.journal.search import Query, excerpt


def _raw(content: EntryContent) -> bytes:
    # Exactly as Vault.seal_json writes it.
    return json.dumps(content.as_json(), ensure_ascii=False, separators=(",", ":")).encode()


def _finds(query: str, content: EntryContent, tag: str | None = None) -> bool:
    """The full answer: the fast verdict where it has one, else parse and match."""
    wanted = Query(query, tag)
    verdict = wanted.check(_raw(content))
    slow = wanted.match(content) is not None
    if verdict is not None:
        assert verdict == slow, (query, content)
    return slow


def test_it_matches_title_body_and_tags_ignoring_case_and_accents() -> None:
    entry = EntryContent(title="Évening", body="A long WALK by the café.", tags=("Family",))
    assert _finds("evening", entry)
    assert _finds("walk cafe", entry)
    assert _finds("CAFÉ", entry)
    assert _finds("family walk", entry)
    assert not _finds("walk zebra", entry)


def test_it_never_matches_the_json_structure() -> None:
    entry = EntryContent(title="x", body="y", tags=("z",), kind="guided", prompt="compassion.tired")
    for word in (
        "title",
        "body",
        "tags",
        "kind",
        "guided",
        "prompt",
        "compassion",
        "tired",
        "null",
        '"',
        ":",
        ",",
        "{",
        'x","body',
    ):
        assert not _finds(word, entry), word


def test_a_word_does_not_span_two_fields() -> None:
    entry = EntryContent(title="sun", body="rise", tags=("a", "b"))
    assert not _finds("sunrise", entry)
    assert not _finds("ab", entry)


def test_escaped_characters_do_not_make_false_matches() -> None:
    # In JSON the newline before "ice" is written \n, which reads "nice".
    entry = EntryContent(title="", body='cold\nice cream, a "quoted" word and a back\\slash')
    assert not _finds("nice", entry)
    assert _finds("ice", entry)
    assert _finds('"quoted"', entry)
    assert _finds("back\\slash", entry)
    assert not _finds("nslash", entry)


def test_curly_and_straight_apostrophes_are_alike() -> None:
    curly = EntryContent(title="", body="I don’t know — maybe.")
    straight = EntryContent(title="", body="I don't know - maybe.")
    for entry in (curly, straight):
        assert _finds("don’t", entry)
        assert _finds("don't", entry)
        assert _finds("DON‘T", entry)
        assert not _finds("dont", entry)


def test_ascii_words_skip_other_characters() -> None:
    entry = EntryContent(title="", body="My well•being matters.")
    assert _finds("wellbeing", entry)
    assert _finds("well•being", entry)


def test_an_ascii_word_beside_a_word_of_other_letters_still_skips_them() -> None:
    # Found by the month texts' equivalence test: the pre-check looked for every word
    # in the fully folded text, where "wellbeing" is "well•being", and said no.
    entry = EntryContent(title="", body="well•being静かな")
    assert Query("wellbeing 静か").check(_raw(entry)) is not False
    assert _finds("wellbeing 静か", entry)
    assert not _finds("wellbeing 静けさ", entry)


def test_dashes_are_alike_and_kept() -> None:
    entry = EntryContent(title="", body="My well—being matters.")
    assert _finds("well-being", entry)
    assert _finds("well–being", entry)
    assert not _finds("wellbeing", entry)


def test_the_punctuation_of_the_tag_list_is_not_a_tag() -> None:
    # The tags are a JSON list: its brackets and commas are no tag's letters.
    entry = EntryContent(title="", body="plain words", tags=("", ""))
    assert not _finds(",", entry)
    assert not _finds("]", EntryContent(title="", body="plain words", tags=("walks",)))
    assert _finds("tea,", EntryContent(title="", body="tea, then walks", tags=("x", "y")))


def test_curly_quotes_that_fold_to_json_quotes_make_no_false_verdict() -> None:
    # Folded, this title holds the text of the JSON separator between title and body.
    entry = EntryContent(title="a”,”body”:”zebra", body="plain words")
    assert Query("zebra").check(_raw(entry)) is None  # parsed, not judged from JSON
    assert _finds("zebra", entry)
    assert _finds("“zebra", EntryContent(title="", body="say “zebra”"))
    assert not _finds("plainwords", entry)


def test_non_latin_words_match() -> None:
    entry = EntryContent(title="Дневник", body="今日は静かな日でした", tags=("семья",))
    assert _finds("дневник", entry)
    assert _finds("静かな", entry)
    assert _finds("СЕМЬЯ", entry)
    assert not _finds("ночь", entry)


def test_the_tag_filter_wants_a_whole_tag() -> None:
    entry = EntryContent(title="", body="text", tags=("Family", "walks"))
    assert _finds("", entry, tag="family")
    assert _finds("", entry, tag="#Walks")
    assert not _finds("", entry, tag="fam")
    assert _finds("text", entry, tag="walks")
    assert not _finds("other", entry, tag="walks")


def test_an_empty_query_is_empty() -> None:
    assert Query("   ").empty
    assert not Query("", "tag").empty


def test_a_different_json_layout_falls_back_to_parsing() -> None:
    content = EntryContent(title="heron", body="b")
    raw = json.dumps({"body": "b", "title": "heron", "tags": []}).encode()
    assert Query("heron").check(raw) is None
    assert Query("heron").match(content) is not None


def test_excerpt_centres_on_the_match() -> None:
    body = "word " * 100 + "The heron stood still. " + "word " * 100
    before, match, after = excerpt(body, "heron")
    assert match == "heron"
    assert before.startswith("…") and before.endswith("The ")
    assert after.startswith(" stood still.") and after.endswith("…")
    assert len(before) + len(after) < 260


def test_excerpt_without_a_body_match_is_the_start() -> None:
    assert excerpt("Short body.", None) == ("Short body.", "", "")


_text = st.text(
    alphabet=st.sampled_from([*'abcdeéÉ ’"\\\n\tßﬁ-ÅøxyzXYZ“”—,:', "\u0301", "ж"]), max_size=40
)


@settings(max_examples=300, deadline=None)
@given(title=_text, body=_text, tags=st.lists(_text, max_size=3), query=_text)
def test_the_fast_verdict_always_agrees_with_parsing(
    title: str, body: str, tags: list[str], query: str
) -> None:
    content = EntryContent(title=title, body=body, tags=tuple(tags))
    wanted = Query(query)
    if wanted.empty:
        return
    slow = wanted.match(content) is not None
    verdict = wanted.check(_raw(content))
    if slow:
        assert verdict is not False  # the pre-check never loses a real match
    if verdict is not None:
        assert verdict == slow


@pytest.mark.parametrize("word", ["cafe", "CAFE", "café", "cafe\u0301"])
def test_decomposed_and_composed_accents_match_alike(word: str) -> None:
    composed = EntryContent(title="", body="un café")
    decomposed = EntryContent(title="", body=unicodedata.normalize("NFD", "un café"))
    assert _finds(word, composed)
    assert _finds(word, decomposed)
