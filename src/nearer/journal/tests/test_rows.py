"""journal.rows: the hot partials built in Python escape everything a person wrote."""

from __future__ import annotations

import uuid
from datetime import date

from django.test import override_settings

from nearer.journal.rows import (
    CalendarDay,
    calendar_rows,
    day_sections,
    entry_rows,
    hit_rows,
)
from nearer.journal.selectors import EntryView, SearchHit
from nearer.lib.dates import long_day, short_date
from nearer.lib.html import Markup

EVIL = '<script>alert("x")</script>&\''


def _entry(**fields: object) -> EntryView:
    values: dict[str, object] = {
        "id": uuid.UUID(int=7),
        "entry_date": date(2026, 5, 14),
        "title": EVIL,
        "body": f"{EVIL} body",
        "tags": (EVIL, "walks"),
    }
    values.update(fields)
    return EntryView(**values)  # type: ignore[arg-type]


def test_entry_rows_escape_title_preview_and_tags(db: None) -> None:
    html = entry_rows([_entry()], show_date=True)
    assert isinstance(html, Markup)
    assert "<script>" not in html
    # markupsafe's spelling of the quotes (Django's templates write &quot; and &#x27;).
    escaped = "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;&amp;&#39;"
    assert f'href="/journal/{uuid.UUID(int=7)}/">{escaped}</a>' in html
    assert f'<p class="entry-preview">{escaped} body</p>' in html
    assert f'<span class="tag">{escaped}</span>' in html
    assert f'href="/journal/{uuid.UUID(int=7)}/"' in html
    assert '<time datetime="2026-05-14">Thu 14 May 2026</time>' in html
    assert '<span class="tag">walks</span>' in html


def test_a_guided_entry_shows_its_badge_then_its_tags_one_space_apart(db: None) -> None:
    entry = _entry(kind="guided", tags=("rain", "walks"))
    dated = entry_rows([entry], show_date=True)
    assert (
        '<p class="entry-meta"><time datetime="2026-05-14">Thu 14 May 2026</time> '
        '<span class="badge">Guided</span> <span class="visually-hidden">Tags:</span> '
        '<span class="tag">rain</span> <span class="tag">walks</span></p>'
    ) in dated
    undated = entry_rows([entry], show_date=False)
    assert '<p class="entry-meta"><span class="badge">Guided</span> <span' in undated


def test_an_entry_without_date_kind_or_tags_has_no_meta_line(db: None) -> None:
    html = entry_rows([_entry(tags=())], show_date=False)
    assert "entry-meta" not in html
    assert html.endswith("</li>")


def test_entry_rows_show_first_words_without_a_title(db: None) -> None:
    html = entry_rows([_entry(title="", body="one two three")], show_date=False)
    assert ">one two three</a>" in html
    assert "entry-preview" not in html
    assert "<time" not in html


def test_an_unreadable_entry_says_so(db: None) -> None:
    html = entry_rows([EntryView(id=uuid.uuid4(), entry_date=date(2026, 1, 1), readable=False)])
    assert "entry-unreadable" in html
    assert "This entry could not be opened" in html


def test_hit_rows_mark_the_match_and_escape_around_it(db: None) -> None:
    hit = SearchHit(_entry(), before="<b>", match="<i>", after="</b>")
    html = hit_rows([hit])
    assert '<p class="excerpt">&lt;b&gt;<mark>&lt;i&gt;</mark>&lt;/b&gt;</p>' in html


def test_day_sections_link_to_their_anchor(db: None) -> None:
    html = day_sections([(date(2026, 5, 14), [_entry()])])
    assert 'id="day-2026-05-14"' in html
    assert ">Thursday 14 May</h2>" in html
    assert "<script>" not in html


def test_calendar_rows_say_how_many_entries_and_mark_today() -> None:
    weeks = [
        [
            CalendarDay(),
            CalendarDay(1, 2, False, "day-2026-05-01"),
            CalendarDay(2, 0, True, "day-2026-05-02"),
            CalendarDay(3, 1, True, "day-2026-05-03"),
        ]
    ]
    html = calendar_rows(weeks)
    assert '<td class="cal-pad"></td>' in html
    assert 'href="#day-2026-05-01">1<span class="visually-hidden">, 2 entries</span>' in html
    today = '<span class="cal-day" aria-current="date">2<span class="visually-hidden">, today'
    assert today in html
    assert '3<span class="visually-hidden">, today, 1 entry</span>' in html


def test_dates_are_english_whatever_the_locale() -> None:
    assert short_date(date(2026, 12, 27)) == "Sun 27 Dec 2026"
    assert long_day(date(2026, 12, 27)) == "Sunday 27 December"


@override_settings(FORCE_SCRIPT_NAME="/sub/")
def test_entry_urls_follow_the_script_prefix(db: None) -> None:
    from django.urls import set_script_prefix

    set_script_prefix("/sub/")
    try:
        assert 'href="/sub/journal/' in entry_rows([_entry()])
    finally:
        set_script_prefix("/")
