"""Journey: the check-in grid in one gesture (mouse, touch, the keyboard in two
dimensions, its names for screen readers, without JavaScript), its kind word, and the
people picker on a demo-sized account (300 people): short, quick to Tab through, a
search box, and two Emmas told apart."""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone
from playwright.sync_api import Browser, Page, ViewportSize, expect

from nearer.accounts.services import user_sign_up
from nearer.checkins.content import GRID
from nearer.checkins.kind_words import IN_BETWEEN, PLEASANT, UNPLEASANT
from nearer.moments.services import moment_create
from nearer.people.content import PersonDetails
from nearer.people.services import people_create_many
from nearer.tests.browser.helpers import (
    PASSWORD,
    Site,
    assert_clean,
    audit,
    log_in,
    sign_up_fully,
)
from nearer.tests.browser.keyboard import focused, tab_to
from nearer.vault.box import Vault

pytestmark = pytest.mark.browser

KIND = re.compile("|".join(re.escape(word) for word in (*PLEASANT, *UNPLEASANT, *IN_BETWEEN)))
PHONE: ViewportSize = {"width": 360, "height": 740}


def _card(page: Page) -> Any:
    return page.get_by_role("region", name="How are you feeling?")


def _checked(page: Page) -> list[str]:
    found: list[str] = page.eval_on_selector_all(
        "[data-feeling-grid] input:checked", "els => els.map(e => e.labels[0].innerText)"
    )
    return found


def test_three_clicks_check_in_from_today_with_a_kind_word(page: Page, site: Site) -> None:
    sign_up_fully(page, site, "gwendolyn")
    card = _card(page)
    expect(card.get_by_role("radio", name="Cheerful")).to_be_hidden()
    expect(card.get_by_role("button", name="Done")).to_be_hidden()
    card.get_by_role("radio", name="pleasant, high energy", exact=True).click()
    # The words of that quadrant only, and "Done".
    expect(card.get_by_role("radio", name="Cheerful")).to_be_visible()
    expect(card.get_by_role("radio", name="Calm")).to_be_hidden()
    expect(card.get_by_text("Pleasant, high energy", exact=True)).to_be_visible()
    problems = audit(page, "Today, a cell chosen and its words shown")
    card.get_by_role("radio", name="Cheerful").click()
    card.get_by_role("button", name="Done").click()

    expect(page.get_by_role("heading", level=1)).to_contain_text("Today")
    expect(page.locator(".message-kind-word")).to_have_text(KIND)
    item = page.get_by_role("listitem").filter(
        has=page.get_by_role("heading", name=re.compile("Cheerful"))
    )
    expect(item).to_contain_text("High energy, pleasant")
    problems += audit(page, "the day after a check-in, with its kind word")
    assert_clean(problems)


def test_a_middle_cell_offers_the_words_of_both_sides(page: Page, site: Site) -> None:
    sign_up_fully(page, site, "bartholomew")
    card = _card(page)
    card.get_by_role("radio", name="neutral, high energy", exact=True).click()
    expect(card.get_by_role("radio", name="Cheerful")).to_be_visible()
    expect(card.get_by_role("radio", name="Stressed")).to_be_visible()
    expect(card.get_by_role("radio", name="Calm")).to_be_hidden()
    card.get_by_role("radio", name="Stressed").click()
    # Another cell on the other side: the word no longer fits and is let go.
    card.get_by_role("radio", name="pleasant, very low energy", exact=True).click()
    expect(card.get_by_role("radio", name="Stressed")).to_be_hidden()
    assert page.eval_on_selector_all("input[name='emotion']:checked", "els => els.length") == 0


def test_every_cell_has_its_name_and_the_grid_is_one_radio_group(page: Page, site: Site) -> None:
    sign_up_fully(page, site, "philippa")
    page.goto(site.url("/checkins/new/"))
    group = page.get_by_role("group", name="How pleasant, and how much energy?")
    radios = group.get_by_role("radio")
    expect(radios).to_have_count(25)
    names = [cell.said for cell in GRID]
    assert "neutral, medium energy" in names and "pleasant, high energy" in names
    for name in names:
        expect(group.get_by_role("radio", name=name, exact=True)).to_have_count(1)
    assert (
        page.eval_on_selector_all(
            "[data-feeling-grid] input", "els => new Set(els.map(e => e.name)).size"
        )
        == 1
    )
    assert_clean(audit(page, "check-in, step one"))


def test_the_arrows_move_in_two_dimensions_with_focus_shown(page: Page, site: Site) -> None:
    sign_up_fully(page, site, "leopold")
    page.goto(site.url("/checkins/new/"))
    tab_to(page, "very unpleasant, very high energy")
    moves = [
        ("ArrowRight", "unpleasant, very high energy"),
        ("ArrowRight", "neutral, very high energy"),
        ("ArrowRight", "pleasant, very high energy"),
        ("ArrowDown", "pleasant, high energy"),
        ("ArrowDown", "pleasant, medium energy"),
        ("ArrowDown", "pleasant, low energy"),
        ("ArrowLeft", "neutral, low energy"),
        ("ArrowUp", "neutral, medium energy"),
        ("ArrowRight", "pleasant, medium energy"),
        ("ArrowDown", "pleasant, low energy"),
        ("ArrowDown", "pleasant, very low energy"),
        ("ArrowDown", "pleasant, very low energy"),  # the edge: it stays
    ]
    for key, name in moves:
        page.keyboard.press(key)
        assert focused(page)["name"] == name, key
        assert _checked(page) == [name]
        # The focus shows on the cell itself: an outline around its label.
        outline = page.evaluate(
            "() => getComputedStyle(document.activeElement.closest('label')).outlineStyle"
        )
        assert outline == "solid"
    page.keyboard.press("ArrowUp")
    tab_to(page, "At ease")
    page.keyboard.press("ArrowRight")
    expect(page.get_by_role("radio", name="Calm")).to_be_checked()
    tab_to(page, "Done")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name=re.compile("Calm"))).to_be_visible()
    expect(page.get_by_text("Pleasantness: Pleasant. Energy: Low.")).to_be_visible()


def test_a_tap_checks_in_on_a_touch_phone(
    browser: Browser, browser_context_args: dict[str, Any], site: Site
) -> None:
    context = browser.new_context(
        **{**browser_context_args, "viewport": PHONE}, has_touch=True, is_mobile=True
    )
    page = context.new_page()
    page.set_default_timeout(8_000)
    try:
        sign_up_fully(page, site, "marguerite")
        card = _card(page)
        card.locator("label.grid-cell").filter(
            has_text=re.compile("^unpleasant, low energy$")
        ).tap()
        assert _checked(page) == ["unpleasant, low energy"]
        card.get_by_text("Tired", exact=True).tap()
        card.get_by_role("button", name="Done").tap()
        expect(page.locator(".message-kind-word")).to_have_text(KIND)
        expect(page.get_by_role("heading", name=re.compile("Tired"))).to_be_visible()
    finally:
        context.close()


def test_it_checks_in_without_javascript_in_two_steps(no_js_page: Page, site: Site) -> None:
    page = no_js_page
    sign_up_fully(page, site, "cornelius")
    card = _card(page)
    # The words and "Done" wait for step two; the cell is a plain radio.
    expect(card.get_by_role("button", name="Done")).to_be_hidden()
    card.get_by_role("radio", name="very unpleasant, very high energy", exact=True).check()
    card.get_by_role("button", name="Next").click()
    expect(page.get_by_text("You feel very unpleasant, very high energy.")).to_be_visible()
    expect(page.get_by_role("radio", name="Calm")).to_have_count(0)
    page.get_by_role("radio", name="Overwhelmed").check()
    page.get_by_role("button", name="Done", exact=True).click()
    expect(page.get_by_role("heading", name=re.compile("Overwhelmed"))).to_be_visible()
    expect(page.locator(".message-kind-word")).to_have_text(KIND)


# --- The people picker on a demo-sized account ---------------------------------------

FIRST = ("Ada", "Bea", "Cal", "Dov", "Eli", "Fay", "Gus", "Hal", "Ivo", "Jun")


def _big_account(username: str) -> None:
    """300 people (two called Emma), and moments with a few, so some are seen most."""
    new = user_sign_up(username=username, password=PASSWORD)
    user, vault = new.user, Vault(user_id=new.user.pk, dek=new.dek)
    people = [(PersonDetails(name=f"{FIRST[n % 10]} Surname{n:03d}"), ()) for n in range(298)]
    people += [
        (PersonDetails(name="Emma Rosenthal", called="Emma"), ()),
        (PersonDetails(name="Emma Thornbury", called="Emma"), ()),
    ]
    rows = people_create_many(user=user, vault=vault, people=people)
    today = timezone.localdate()
    for days_ago in range(5):
        moment_create(
            user=user,
            vault=vault,
            occurred_on=today - timedelta(days=days_ago),
            person_ids=[rows[7].id, rows[42].id],
            how="call",
        )


def _step_two(page: Page, site: Site) -> None:
    page.goto(site.url("/checkins/new/"))
    page.get_by_role("radio", name="pleasant, low energy", exact=True).click()
    page.get_by_role("button", name="Add who or what contributed").click()
    expect(page.get_by_role("group", name="Who contributed? (optional)")).to_be_visible()


def test_the_picker_shows_a_handful_first_and_finds_anyone(page: Page, site: Site) -> None:
    _big_account("wilhelmina")
    log_in(page, site, "wilhelmina")
    page.set_viewport_size(PHONE)
    _step_two(page, site)
    who = page.get_by_role("group", name="Who contributed? (optional)")
    boxes = who.get_by_role("checkbox")
    expect(boxes).to_have_count(8)
    # Those seen most come first.
    expect(boxes.nth(0)).to_have_accessible_name(re.compile("Hal Surname007|Cal Surname042"))
    expect(who).to_contain_text("The 8 you see most and lately, of 300 people.")
    height = page.evaluate("() => document.documentElement.scrollHeight")
    assert height < 2600, f"step two is {height}px tall on a phone"
    problems = audit(page, "check-in step two, 300 people")

    # From the chosen word to "Done": a short walk with Tab.
    page.get_by_role("radio", name="Calm").check()
    page.get_by_role("radio", name="Calm").focus()
    presses = 0
    while focused(page)["name"] != "Done":
        page.keyboard.press("Tab")
        presses += 1
        assert presses <= 16, f"more than 16 Tab presses to Done: {focused(page)}"
    print(f"step two at 360 px: {height} px tall, {presses} Tab presses from the word to Done")

    # Search in place: the two Emmas, told apart.
    who.get_by_label("Find someone by name").fill("emma")
    expect(boxes).to_have_count(2)
    expect(who.get_by_role("checkbox", name="Emma R.")).to_be_visible()
    expect(who.get_by_role("checkbox", name="Emma T.")).to_be_visible()
    expect(who).to_contain_text("2 people match")
    problems += audit(page, "check-in step two, a search")
    who.get_by_role("checkbox", name="Emma T.").check()
    who.get_by_label("Find someone by name").fill("Surname12")
    expect(who).to_contain_text("10 people match")
    # The one chosen stays, ticked, first.
    expect(boxes.nth(0)).to_have_accessible_name(re.compile(r"Emma T\.$"))
    expect(boxes.nth(0)).to_be_checked()
    page.get_by_role("button", name="Done", exact=True).click()
    expect(page.get_by_role("heading", name=re.compile("Calm"))).to_be_visible()
    expect(page.get_by_text("With: Emma T.")).to_be_visible()
    assert_clean(problems)


def test_the_picker_searches_without_javascript(no_js_page: Page, site: Site) -> None:
    page = no_js_page
    _big_account("ottoline")
    log_in(page, site, "ottoline")
    page.goto(site.url("/checkins/new/"))
    page.get_by_role("radio", name="pleasant, low energy", exact=True).check()
    page.get_by_role("button", name="Next").click()
    page.get_by_role("radio", name="Calm").check()
    page.get_by_label("A note (optional)").fill("Tea on the balcony.")
    who = page.get_by_role("group", name="Who contributed? (optional)")
    expect(who.get_by_role("checkbox")).to_have_count(8)
    who.get_by_label("Find someone by name").fill("emma")
    who.get_by_role("button", name="Find").click()
    # Nothing saved; the list filtered; what was typed kept.
    expect(page.get_by_label("A note (optional)")).to_have_value("Tea on the balcony.")
    expect(page.get_by_role("radio", name="Calm")).to_be_checked()
    expect(who.get_by_role("checkbox")).to_have_count(2)
    who.get_by_role("checkbox", name="Emma R.").check()
    # No axe here: with scripts off, axe.run on this page was seen never to settle
    # (a hang of the whole run); the picker's states are checked with axe in
    # test_the_picker_shows_a_handful_first_and_finds_anyone.
    who.get_by_label("Find someone by name").fill("nobody by that name")
    who.get_by_role("button", name="Find").click()
    expect(who).to_contain_text("No one matches")
    # The one chosen stays, ticked.
    expect(who.get_by_role("checkbox", name="Emma R.")).to_be_checked()
    page.get_by_role("button", name="Done", exact=True).click()
    expect(page.get_by_text("With: Emma R.")).to_be_visible()
    expect(page.get_by_text("Tea on the balcony.")).to_be_visible()
