"""Journey: prepare something to share with someone, mark it shared, look back on how it
went; the moment shows on their page and the feared-vs-felt line on the summary. Also
a share prepared and shared with the keyboard alone, and the whole way without
JavaScript. Every Opening up page is checked with axe, light and dark, phone and desktop.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from nearer.accounts.models import AccountSession as Session
from nearer.opening.models import Share
from nearer.tests.browser.helpers import Site, assert_clean, audit, log_in, sign_up_fully
from nearer.tests.browser.keyboard import focused, tab_to

pytestmark = pytest.mark.browser

WORDS = "I have wanted to tell you how much our Sunday calls mean to me."


def _someone(page: Page, name: str) -> None:
    """Through the People pages: add someone; end on their page."""
    page.get_by_role("link", name="People", exact=True).click()
    page.get_by_role("link", name="Add someone").first.click()
    page.get_by_label("Name", exact=True).fill(name)
    page.get_by_role("button", name="Add", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(name)


def _step(page: Page, group: str, label: str) -> None:
    """Tick the choice ``label`` of the fieldset whose legend is ``group``."""
    page.get_by_role("group", name=group).get_by_label(label, exact=True).check()


def test_prepare_share_reflect_and_see_it_on_their_page(page: Page, site: Site) -> None:
    sign_up_fully(page, site, "opal")
    _someone(page, "Ana Moreno")
    page.goto(site.url("/opening-up/"))
    expect(page.get_by_text("Nothing here yet.")).to_be_visible()
    problems = audit(page, "opening up, empty")

    page.get_by_role("link", name="Prepare something to share").click()
    expect(page.get_by_text("Up to 20,000 characters.")).to_be_visible()
    problems += audit(page, "prepare")
    page.get_by_role("button", name="Keep it").click()
    expect(page.get_by_text("Write a few words of what you want to say.")).to_be_visible()
    problems += audit(page, "prepare with mistakes")
    page.get_by_label("What I want to say").fill(WORDS)
    page.get_by_label("Ana Moreno").check()
    page.get_by_label("What I fear might happen").fill("That it sounds strange.")
    page.get_by_label("What I hope for").fill("That she smiles.")
    _step(page, "How anxious do I feel about it now?", "8")
    page.get_by_role("button", name="Keep it").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Preparing to share")
    expect(page.get_by_text("That it sounds strange.")).to_be_visible()
    problems += audit(page, "a share being prepared")

    page.get_by_role("link", name="I shared it").click()
    problems += audit(page, "mark it shared")
    page.get_by_label("In person").check()
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("You shared it. That took courage.")).to_be_visible()

    page.get_by_role("link", name="How did it go?").click()
    problems += audit(page, "reflect")
    page.get_by_label("They listened").check()
    page.get_by_label("In my words").fill("She said she looks forward to them too.")
    _step(page, "How anxious do I feel now?", "2")
    page.locator("label[for=id_closeness_after_5]").click()  # the sixth picture
    page.get_by_label("Yes, they opened up too").check()
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Anxious afterwards: 2 of 10 (before: 8)")).to_be_visible()
    expect(page.get_by_text("Yes, they opened up too")).to_be_visible()
    problems += audit(page, "a share looked back on")

    page.goto(site.url("/opening-up/"))
    reflected = page.get_by_role("region", name="Reflected on")
    expect(reflected).to_contain_text("With Ana Moreno")
    problems += audit(page, "opening up, one reflected on")

    page.get_by_role("link", name=re.compile("^I have wanted to tell you")).click()
    page.get_by_role("link", name="Ana Moreno").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Ana Moreno")
    expect(page.locator("main")).to_contain_text("We both opened up")

    page.goto(site.url("/opening-up/"))
    page.get_by_role("link", name="What opening up did").click()
    # The feared-vs-felt line, over this one share (8 before, 2 after).
    expect(page.locator("main")).to_contain_text("you felt calmer afterwards than you feared")
    assert_clean(problems)


def test_let_go_and_delete_pages_are_accessible(page: Page, site: Site) -> None:
    sign_up_fully(page, site, "petra")
    _someone(page, "Ben Okafor")
    page.goto(site.url("/opening-up/new/"))
    page.get_by_label("What I want to say").fill("Something small.")
    page.get_by_label("Ben Okafor").check()
    page.get_by_role("button", name="Keep it").click()
    page.get_by_role("link", name="I decided not to share this").click()
    problems = audit(page, "let go")
    page.get_by_label("A note for myself").fill("Not the right time.")
    page.get_by_role("button", name="Let it go").click()
    page.get_by_text("Let go (1)").click()
    problems += audit(page, "opening up, one let go, open")
    page.get_by_role("link", name="Something small.").click()
    expect(page.get_by_text("Not the right time.")).to_be_visible()
    problems += audit(page, "a share let go")
    page.get_by_role("button", name="Take it back up").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Preparing to share")
    page.get_by_role("link", name="Edit").click()
    problems += audit(page, "edit a share")
    page.go_back()
    page.get_by_role("link", name="Delete").click()
    problems += audit(page, "delete a share")
    page.get_by_role("button", name="Delete for good").click()
    expect(page.get_by_text("The share is deleted.")).to_be_visible()
    assert_clean(problems)


def test_a_share_prepared_and_shared_with_the_keyboard_alone(page: Page, site: Site) -> None:
    sign_up_fully(page, site, "quinn")
    _someone(page, "Cleo Park")
    page.goto(site.url("/opening-up/new/"))
    tab_to(page, "What I want to say")
    page.keyboard.type("A thing I never said.")
    tab_to(page, "Cleo Park")
    page.keyboard.press("Space")
    tab_to(page, "Keep it")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Preparing to share")
    tab_to(page, "I shared it")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("You shared it")
    # A radio group is one Tab stop; the arrow keys move to (and choose) the next way.
    tab_to(page, "In person")
    page.keyboard.press("ArrowRight")
    assert focused(page)["name"] == "Call"
    tab_to(page, "Save")
    page.keyboard.press("Enter")
    expect(page.get_by_text("You shared it. That took courage.")).to_be_visible()


def test_opening_up_works_without_javascript(no_js_page: Page, site: Site) -> None:
    page = no_js_page
    sign_up_fully(page, site, "rowan")
    _someone(page, "Dev Shah")
    page.goto(site.url("/opening-up/new/"))
    page.get_by_label("What I want to say").fill("Without scripts.")
    page.get_by_label("Dev Shah").check()
    page.get_by_role("button", name="Keep it").click()
    page.get_by_role("link", name="I shared it").click()
    page.get_by_label("Letter").check()
    page.get_by_role("button", name="Save").click()
    page.get_by_role("link", name="How did it go?").click()
    _step(page, "How anxious do I feel now?", "0 · calm")
    page.get_by_label("Not this time").check()
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Not this time")).to_be_visible()
    page.get_by_role("button", name="Write about it").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Edit entry")


def test_words_being_prepared_survive_a_timed_out_session(page: Page, site: Site) -> None:
    sign_up_fully(page, site, "sasha")
    _someone(page, "Eli Varga")
    page.goto(site.url("/opening-up/new/"))
    page.get_by_label("What I want to say").fill(WORDS)
    page.get_by_label("What I fear might happen").fill("That my voice shakes.")
    page.get_by_label("Eli Varga").check()

    Session.objects.all().delete()
    page.get_by_role("button", name="Keep it").click()
    expect(page.get_by_role("status")).to_contain_text("anything you were writing is kept")
    log_in(page, None, "sasha")

    # Back on the form the words and who it is with come back (the draft keeps the
    # ticked people too) and are sent once by themselves: the share is kept.
    expect(page.get_by_role("heading", level=1)).to_have_text("Preparing to share")
    assert Share.objects.filter(owner__username="sasha").count() == 1
    expect(page.get_by_text(WORDS)).to_be_visible()
    expect(page.get_by_text("Eli Varga").first).to_be_visible()
    # Saved, the draft is forgotten: a new form starts empty.
    page.goto(site.url("/opening-up/new/"))
    expect(page.get_by_label("What I want to say")).to_have_value("")
