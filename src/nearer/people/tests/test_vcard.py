"""The contacts-file reader: what phones really export, and what breaks."""

from __future__ import annotations

import base64

import pytest
from hypothesis import given
from hypothesis import strategies as st
from vobject.icalendar import stringToTextValues

from nearer.people import rules, vcard
from nearer.people.vcard import (
    MAX_LABEL,
    MAX_NAME,
    MAX_NICKNAME,
    MAX_NOTE,
    Card,
    CardDate,
    NotAContactsFile,
    parse_card_date,
    parse_vcards,
)


def vcf(*lines: str) -> bytes:
    return ("\r\n".join(lines) + "\r\n").encode("utf-8")


def card(*body: str, version: str = "3.0") -> list[str]:
    return ["BEGIN:VCARD", f"VERSION:{version}", *body, "END:VCARD"]


def only(data: bytes) -> Card:
    parsed = parse_vcards(data)
    assert len(parsed.cards) == 1, parsed
    return parsed.cards[0]


def test_it_reads_a_version_3_card() -> None:
    found = only(
        vcf(
            *card(
                "FN:Maya Lindqvist",
                "N:Lindqvist;Maya;;;",
                "NICKNAME:May",
                "TEL;TYPE=CELL:+46 70 123 45 67",
                "EMAIL:maya@example.org",
                "BDAY:1990-04-01",
                "NOTE:Met at the choir\\, 2015.\\nLoves tea.",
            )
        )
    )
    assert found == Card(
        number=1,
        name="Maya Lindqvist",
        nickname="May",
        note="Met at the choir, 2015.\nLoves tea.",
        dates=(CardDate("birthday", "", 4, 1, 1990),),
    )


def test_it_reads_a_version_4_card_with_an_anniversary() -> None:
    found = only(
        vcf(
            *card(
                "FN:Jonas Berg",
                "BDAY:--0412",
                "ANNIVERSARY:20100601",
                version="4.0",
            )
        )
    )
    assert found.dates == (
        CardDate("birthday", "", 4, 12, None),
        CardDate("anniversary", "", 6, 1, 2010),
    )


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("1990-04-01", (4, 1, 1990)),
        ("19900401", (4, 1, 1990)),
        ("--0401", (4, 1, None)),
        ("--04-01", (4, 1, None)),
        ("1990-04-01T00:00:00Z", (4, 1, 1990)),
        ("0000-04-01", (4, 1, None)),
        ("--0229", (2, 29, None)),
        ("2000-02-29", (2, 29, 2000)),
        ("1990-02-29", None),
        ("--1301", None),
        ("--0431", None),
        ("1990-04", None),
        ("circa 1800", None),
        ("", None),
    ],
)
def test_it_reads_dates_with_and_without_a_year(
    value: str, expected: tuple[int, int, int | None] | None
) -> None:
    assert parse_card_date(value) == expected


def test_it_reads_apples_birthday_without_a_year() -> None:
    found = only(vcf(*card("FN:Ana", "BDAY;X-APPLE-OMIT-YEAR=1604:1604-03-15")))
    assert found.dates == (CardDate("birthday", "", 3, 15, None),)


def test_it_reads_labelled_dates_and_x_anniversaries() -> None:
    found = only(
        vcf(
            *card(
                "FN:Lea",
                "X-ANNIVERSARY:2011-09-10",
                "item1.X-ABDATE:2001-02-03",
                "item1.X-ABLabel:_$!<Anniversary>!$_",
                "item2.X-ABDATE;type=pref:--07-09",
                "item2.X-ABLabel:Name day",
                "item3.X-ABDATE:2005-05-05",
                "item3.X-ABLabel:_$!<Other>!$_",
                "X-ANDROID-CUSTOM:vnd.android.cursor.item/contact_event;2012-08-01;1;;;;;;;;;;;;;",
                "X-ANDROID-CUSTOM:vnd.android.cursor.item/contact_event;"
                "--05-07;0;Sober day;;;;;;;;;;;;",
            )
        )
    )
    assert set(found.dates) == {
        CardDate("anniversary", "", 9, 10, 2011),
        CardDate("anniversary", "", 2, 3, 2001),
        CardDate("custom", "Name day", 7, 9, None),
        CardDate("custom", "Other", 5, 5, 2005),
        CardDate("anniversary", "", 8, 1, 2012),
        CardDate("custom", "Sober day", 5, 7, None),
    }


def test_it_keeps_one_birthday_and_no_repeated_date() -> None:
    found = only(
        vcf(
            *card(
                "FN:Ana",
                "BDAY:1990-01-02",
                "BDAY:1991-03-04",
                "ANNIVERSARY:2010-06-01",
                "X-ANNIVERSARY:2010-06-01",
            )
        )
    )
    assert found.dates == (
        CardDate("birthday", "", 1, 2, 1990),
        CardDate("anniversary", "", 6, 1, 2010),
    )


def test_it_unfolds_folded_lines() -> None:
    found = only(
        vcf(
            *card(
                "FN:Maya Lind",
                " qvist",
                "NOTE:A note that is long enough to be folded over seventy-five charact",
                "\ters, with a tab",
            )
        )
    )
    assert found.name == "Maya Lindqvist"
    assert found.note == (
        "A note that is long enough to be folded over seventy-five characters, with a tab"
    )


def test_it_reads_quoted_printable_from_old_android_exports() -> None:
    found = only(
        vcf(
            *card(
                "N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:M=C3=BCller;Zo=C3=AB;;;",
                "FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:Zo=C3=AB M=C3=BC=",
                "ller",
                "NOTE;ENCODING=QUOTED-PRINTABLE:first=0Asecond",
                version="2.1",
            )
        )
    )
    assert found.name == "Zoë Müller"
    assert found.note == "first\nsecond"


def test_it_keeps_accented_names_in_utf8() -> None:
    assert only(vcf(*card("FN:Søren Ångström-Núñez"))).name == "Søren Ångström-Núñez"


def test_it_reads_a_card_that_is_not_utf8_as_windows_1252() -> None:
    data = b"BEGIN:VCARD\r\nVERSION:2.1\r\nN:Dupr\xe9;Ren\xe9\r\nEND:VCARD\r\n"
    assert only(data).name == "René Dupré"


def test_it_reads_utf16_files_with_a_byte_order_mark() -> None:
    data = "\ufeff" + "\r\n".join(card("FN:Zoë")) + "\r\n"
    assert only(data.encode("utf-16")).name == "Zoë"


def test_it_builds_the_name_from_n_when_fn_is_missing() -> None:
    found = only(vcf(*card("N:Lindqvist;Maya;Eva;Dr.;PhD")))
    assert found.name == "Dr. Maya Eva Lindqvist PhD"


def test_it_falls_back_to_the_organisation_or_the_nickname() -> None:
    parsed = parse_vcards(vcf(*card("ORG:Bakery Sun;Front"), *card("NICKNAME:Bo")))
    assert [c.name for c in parsed.cards] == ["Bakery Sun", "Bo"]
    assert parsed.cards[1].nickname == ""


def test_it_ignores_photos_however_large() -> None:
    photo = base64.b64encode(bytes(range(256)) * 20_000).decode()
    folded = "\r\n ".join(photo[i : i + 74] for i in range(0, len(photo), 74))
    data = vcf(
        *card("FN:Maya", f"PHOTO;ENCODING=b;TYPE=JPEG:{folded}", "NOTE:kept"),
        *card("FN:Jonas", "PHOTO;ENCODING=BASE64;JPEG:/9j/4AAQ", "AAAQABAAD", "", "NOTE:too"),
        *card("FN:Ana", "PHOTO;ENCODING=b:!!not base64!!", "LOGO;VALUE=uri:http://x.test/a.png"),
    )
    parsed = parse_vcards(data)
    assert [(c.name, c.note) for c in parsed.cards] == [
        ("Maya", "kept"),
        ("Jonas", "too"),
        ("Ana", ""),
    ]
    assert parsed.problems == ()


def test_it_reports_broken_cards_among_good_ones() -> None:
    data = vcf(
        *card("FN:First"),
        *card("TEL:+1 555 0100", "this line is nonsense"),
        *card("FN:Third", "BDAY:1990-02-30", "::::"),
        "BEGIN:VCARD",
        "VERSION:3.0",
        "FN:Cut off",
    )
    parsed = parse_vcards(data)
    assert [c.name for c in parsed.cards] == ["First", "Third", "Cut off"]
    problems = {p.number: p for p in parsed.problems}
    assert problems[2].skipped and problems[2].name == ""
    assert "no name" in problems[2].reason and "1 line could not be read" in problems[2].reason
    assert not problems[3].skipped and problems[3].name == "Third"
    assert "1 date could not be read" in problems[3].reason
    assert "cut off" in problems[4].reason
    # The reasons never repeat what was in the card.
    assert all("nonsense" not in p.reason and "555" not in p.reason for p in parsed.problems)


def test_it_counts_card_numbers_in_file_order() -> None:
    parsed = parse_vcards(vcf(*card("TEL:1"), *card("FN:Two"), *card("TEL:3"), *card("FN:Four")))
    assert [c.number for c in parsed.cards] == [2, 4]
    assert [p.number for p in parsed.problems] == [1, 3]


def test_it_mentions_lines_outside_any_card() -> None:
    parsed = parse_vcards(vcf("hello", *card("FN:Maya"), "stray"))
    assert parsed.problems[0].number is None
    assert parsed.problems[0].reason.startswith("2 lines outside")


def test_it_refuses_an_empty_file() -> None:
    for data in (b"", b"  \r\n\n"):
        with pytest.raises(NotAContactsFile, match="empty"):
            parse_vcards(data)


def test_it_refuses_a_binary_file() -> None:
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256))
    with pytest.raises(NotAContactsFile, match="binary"):
        parse_vcards(png)


def test_it_refuses_text_without_cards() -> None:
    with pytest.raises(NotAContactsFile, match="No contacts"):
        parse_vcards(b"name,phone\nMaya,123\n")


def test_it_shortens_overlong_values_and_says_so() -> None:
    parsed = parse_vcards(vcf(*card("FN:" + "M" * 300, "NOTE:" + "n" * (MAX_NOTE + 5))))
    assert len(parsed.cards[0].name) == MAX_NAME
    assert len(parsed.cards[0].note) == MAX_NOTE
    assert "the name and the note was too long" in parsed.problems[0].reason


def test_it_drops_control_characters_from_names() -> None:
    assert only(vcf(*card("FN:Ma\x01ya\x7f  Lind"))).name == "Maya Lind"


def test_its_limits_are_the_people_rules() -> None:
    # The parser needs no Django, so it keeps its own numbers; they must agree.
    assert (MAX_NAME, MAX_NICKNAME, MAX_NOTE, MAX_LABEL) == (
        rules.MAX_NAME,
        rules.MAX_CALLED,
        rules.MAX_NOTES,
        rules.MAX_DATE_LABEL,
    )


def test_it_accepts_lowercase_and_lf_only_files() -> None:
    data = b"begin:vcard\nversion:3.0\nfn:Maya\nbday:--0102\nend:vcard\n"
    assert only(data).dates == (CardDate("birthday", "", 1, 2, None),)


@given(st.text(alphabet=st.sampled_from(list('ab,;"\\nN \n\té')), max_size=40))
def test_text_values_are_unescaped_as_vobject_unescapes_them(value: str) -> None:
    # Our one-regex unescaping must read every TEXT value as vobject's walk does; the
    # one difference on purpose: a lone backslash at the very end stays itself.
    trailing = len(value) - len(value.rstrip("\\"))
    expected = stringToTextValues(value, listSeparator="")[0] if value else ""
    if trailing % 2:
        expected = expected.removesuffix("\\eof") + "\\"
    assert vcard._text(value) == expected


def test_a_long_escaped_note_is_read_whole() -> None:
    note = "We walked by the river\\, then talked\\nfor hours\\; again. " * 300
    parsed = only(vcf(*card("FN:Maya", "NOTE:" + note)))
    assert parsed.note == ("We walked by the river, then talked\nfor hours; again. " * 300).strip()


def test_it_strips_control_and_direction_override_characters_from_every_text_field() -> None:
    # ESC starts terminal colour codes; U+202E makes a name read backwards.
    found = only(
        vcf(
            *card(
                "FN:\x1b[31mQuillon\u202e Mar\x85chetti\u2066",
                "NICKNAME:Qu\u202aill\x07",
                "NOTE:Met\u2069 at\x9b the\\nriver\x00",
                "X-ANDROID-CUSTOM:vnd.android.cursor.item/contact_event;"
                "2001-05-06;0;Name\u202d day\x1b",
            )
        )
    )
    assert (found.name, found.nickname, found.note) == (
        "[31mQuillon Marchetti",
        "Quill",
        "Met at the\nriver",
    )
    assert found.dates == (CardDate("custom", "Name day", 5, 6, 2001),)


def test_it_reads_a_property_whose_name_or_encoding_is_folded() -> None:
    found = only(
        vcf(
            *card(
                "F",
                " N:Quillon Fold",
                "X-ANDROID-",
                "\tCUSTOM:vnd.android.cursor.item/nickname;Quill",
                "NOTE;ENCODING=QUOTED-PRI",
                " NTABLE;CHARSET=UTF-8:caf=C3=A9 =",
                "and more",
                version="2.1",
            )
        )
    )
    assert (found.name, found.nickname, found.note) == ("Quillon Fold", "Quill", "café and more")
