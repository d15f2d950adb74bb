"""The scales' data: as published, with sources and terms beside each."""

from __future__ import annotations

from nearer.scales.instruments import PSS4, SCALES, UCLA3, WHO5, scale_by_key


def test_every_scale_has_its_citation_terms_and_changes_written_down() -> None:
    for scale in SCALES:
        assert scale.citation and scale.terms and scale.altered and scale.instructions


def test_who5_is_five_items_answered_0_to_5_about_the_last_two_weeks() -> None:
    assert len(WHO5.items) == 5
    assert [o.value for o in WHO5.options] == [5, 4, 3, 2, 1, 0]
    assert WHO5.options[0].label == "All of the time"
    assert WHO5.options[-1].label == "At no time"
    assert "two weeks" in WHO5.time_frame
    assert WHO5.items[0].text == "I have felt cheerful and in good spirits"
    assert not any(item.reverse for item in WHO5.items)
    assert (WHO5.min_score, WHO5.max_score) == (0, 25)


def test_pss4_is_four_items_answered_0_to_4_about_the_last_month() -> None:
    assert len(PSS4.items) == 4
    assert [o.value for o in PSS4.options] == [0, 1, 2, 3, 4]
    assert all(item.text.startswith("In the last month") for item in PSS4.items)
    assert (PSS4.min_score, PSS4.max_score) == (0, 16)


def test_ucla3_is_three_items_answered_1_to_3() -> None:
    assert [o.label for o in UCLA3.options] == ["Hardly ever", "Some of the time", "Often"]
    assert [o.value for o in UCLA3.options] == [1, 2, 3]
    assert [item.text for item in UCLA3.items] == [
        "How often do you feel that you lack companionship?",
        "How often do you feel left out?",
        "How often do you feel isolated from others?",
    ]
    assert (UCLA3.min_score, UCLA3.max_score) == (3, 9)


def test_scale_by_key_never_raises() -> None:
    assert scale_by_key("who5") is WHO5
    assert scale_by_key("nope") is None
    assert scale_by_key(["who5"]) is None
