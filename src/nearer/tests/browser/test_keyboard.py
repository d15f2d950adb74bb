"""Journey E: logging in (and, with the journal, writing) with the keyboard alone."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from nearer.tests.browser.helpers import PASSWORD, Site, expect_today, log_out, sign_up
from nearer.tests.browser.keyboard import focused, tab_to

pytestmark = pytest.mark.browser


def test_it_signs_up_and_logs_in_with_the_keyboard_alone(page: Page, site: Site) -> None:
    sign_up(page, site, "kim")
    tab_to(page, "I have saved my recovery code")
    page.keyboard.press("Space")
    expect(page.get_by_label("I have saved my recovery code")).to_be_checked()
    tab_to(page, "Continue")
    page.keyboard.press("Enter")
    expect_today(page, "kim")
    log_out(page)

    page.goto(site.url("/accounts/login/"))
    # The first stop is the skip link; it moves focus past the header.
    page.keyboard.press("Tab")
    assert focused(page)["name"] == "Skip to content"
    page.keyboard.press("Enter")
    tab_to(page, "Username")
    page.keyboard.type("kim")
    tab_to(page, "Password")
    page.keyboard.type(PASSWORD)
    tab_to(page, "Log in")
    page.keyboard.press("Enter")
    expect_today(page, "kim")

    # The navigation and the log-out button are reachable and show focus too: the
    # account menu opens with Enter and holds the account page and Log out.
    tab_to(page, "Account")
    page.keyboard.press("Enter")
    tab_to(page, "Your account and security")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Account")
    tab_to(page, "Account")
    page.keyboard.press("Enter")
    tab_to(page, "Log out")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="Welcome back")).to_be_visible()


def test_it_writes_and_saves_an_entry_with_the_keyboard_alone(page: Page, site: Site) -> None:
    sign_up(page, site, "lou")
    tab_to(page, "I have saved my recovery code")
    page.keyboard.press("Space")
    tab_to(page, "Continue")
    page.keyboard.press("Enter")
    expect_today(page, "lou")

    tab_to(page, "Journal")
    page.keyboard.press("Enter")
    # Journal shows the current month itself, at /journal/ (no redirect).
    expect(page).to_have_url(re.compile(r"/journal/$"))
    tab_to(page, "Write")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Write")
    tab_to(page, "Title (optional)")
    page.keyboard.type("Typed, not clicked")
    tab_to(page, "Your words")
    page.keyboard.type("Every key of this was pressed.")
    page.keyboard.press("Enter")  # a new line in the text, not a submit
    page.keyboard.type("Second line.")
    tab_to(page, "Tags (optional)")
    page.keyboard.type("keyboard")
    tab_to(page, "Save")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Typed, not clicked")
    expect(page.get_by_role("article")).to_contain_text("Second line.")

    # Delete with the keyboard too: the confirmation is a real button.
    tab_to(page, "Delete")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Delete this entry?")
    tab_to(page, "Delete for good")
    page.keyboard.press("Space")
    expect(page.get_by_text("The entry is deleted.")).to_be_visible()


def test_it_takes_the_keyboard_to_the_first_mistake_of_a_form(page: Page, site: Site) -> None:
    page.goto(site.url("/accounts/signup/"))
    page.get_by_label("Username").fill("nia")
    page.get_by_label("New password", exact=True).fill(PASSWORD)
    page.get_by_label("New password, again").fill(PASSWORD + " typo")
    page.get_by_role("button", name="Create my space").click()
    expect(page.get_by_label("New password, again")).to_be_focused()


def test_it_opts_in_to_and_saves_the_weekly_review_with_the_keyboard_alone(
    page: Page, site: Site
) -> None:
    sign_up(page, site, "vic")
    tab_to(page, "I have saved my recovery code")
    page.keyboard.press("Space")
    tab_to(page, "Continue")
    page.keyboard.press("Enter")
    expect_today(page, "vic")

    page.goto(site.url("/review/settings/"))
    tab_to(page, "Offer me a weekly review on Today")
    page.keyboard.press("Space")
    expect(page.get_by_label("Offer me a weekly review on Today")).to_be_checked()
    tab_to(page, "Save")
    page.keyboard.press("Enter")
    expect(page.get_by_text("Today will offer the review on Sundays.")).to_be_visible()

    page.goto(site.url("/review/"))
    tab_to(page, "Your answer, if you like")
    page.keyboard.type("Typed with keys alone.")
    tab_to(page, "Save as a journal entry")
    page.keyboard.press("Enter")
    expect(page.get_by_text("Saved in your journal.")).to_be_visible()
    expect(page.get_by_text("Typed with keys alone.")).to_be_visible()


def test_it_moves_between_balance_and_the_years_with_the_keyboard_alone(
    page: Page, site: Site
) -> None:
    sign_up(page, site, "hale")
    tab_to(page, "I have saved my recovery code")
    page.keyboard.press("Space")
    tab_to(page, "Continue")
    page.keyboard.press("Enter")
    expect_today(page, "hale")
    page.goto(site.url("/insights/balance/"))
    tab_to(page, "Your year in pixels", limit=60)
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_contain_text("in pixels")
    tab_to(page, "Balance and care", limit=60)
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Balance and care")


def test_it_makes_an_invite_to_together_with_the_keyboard_alone(page: Page, site: Site) -> None:
    sign_up(page, site, "odile")
    tab_to(page, "I have saved my recovery code")
    page.keyboard.press("Space")
    tab_to(page, "Continue")
    page.keyboard.press("Enter")
    expect_today(page, "odile")
    # Together is one of the Insights section's pages.
    tab_to(page, "Insights")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Insights")
    tab_to(page, "Together")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Together")
    tab_to(page, "Your name, as your partner will see it", limit=60)
    page.keyboard.type("Odile")
    tab_to(page, "Make an invite code")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Your invite code")


def test_it_imports_a_daylio_export_with_the_keyboard_alone(
    page: Page, site: Site, tmp_path: Path
) -> None:
    sign_up(page, site, "kofi")
    tab_to(page, "I have saved my recovery code")
    page.keyboard.press("Space")
    tab_to(page, "Continue")
    page.keyboard.press("Enter")
    expect_today(page, "kofi")
    page.goto(site.url("/your-data/"))
    tab_to(page, "Daylio", limit=60)
    page.keyboard.press("Enter")
    export = tmp_path / "daylio.csv"
    export.write_text(
        "full_date,date,weekday,time,mood,activities,note_title,note\n"
        "2024-03-15,,,21:40,sunny,walk,,Typed by keys\n"
    )
    # Choosing a file opens the system's dialog, which is not the page's to test.
    page.get_by_label("Daylio export (.csv)").set_input_files(export)
    tab_to(page, "Read the file")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Check before importing")
    tab_to(page, "sunny", limit=60)
    page.keyboard.press("ArrowUp")
    expect(page.get_by_label("sunny")).to_have_value("1")
    tab_to(page, "As the check-in's note")
    page.keyboard.press("ArrowDown")
    expect(page.get_by_label("As a journal entry of that day")).to_be_checked()
    tab_to(page, "Import 1 check-in", limit=60)
    page.keyboard.press("Enter")
    expect(page.get_by_text("Import done: 1 check-in added, and 1 journal entry.")).to_be_visible()


def test_it_exports_everything_with_the_keyboard_alone(page: Page, site: Site) -> None:
    sign_up(page, site, "quill")
    tab_to(page, "I have saved my recovery code")
    page.keyboard.press("Space")
    tab_to(page, "Continue")
    page.keyboard.press("Enter")
    expect_today(page, "quill")
    page.goto(site.url("/your-data/"))
    tab_to(page, "Export everything", limit=60)
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Export everything")
    tab_to(page, "Your password", limit=60)
    page.keyboard.type(PASSWORD)
    tab_to(page, "Download the zip")
    with page.expect_download() as info:
        page.keyboard.press("Enter")
    assert info.value.suggested_filename.startswith("nearer-export-")


def test_it_reaches_insights_from_the_main_navigation_with_the_keyboard_alone(
    page: Page, site: Site
) -> None:
    sign_up(page, site, "ivar")
    tab_to(page, "I have saved my recovery code")
    page.keyboard.press("Space")
    tab_to(page, "Continue")
    page.keyboard.press("Enter")
    expect_today(page, "ivar")
    tab_to(page, "Insights", limit=60)
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Insights")


def test_it_answers_the_days_question_together_with_the_keyboard_alone(
    page: Page, site: Site
) -> None:
    from nearer.tests.browser.rituals_helpers import paired_in_browser

    paired_in_browser(page, site, "piers")
    tab_to(page, "Today's question", limit=60)
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Today's question")
    tab_to(page, "Your answer", limit=60)
    page.keyboard.type("The first frost on the window")
    tab_to(page, "Keep my answer")
    page.keyboard.press("Enter")
    expect(page.get_by_text("Waiting for Wren.")).to_be_visible()


def test_it_logs_in_with_a_code_with_the_keyboard_alone(page: Page, site: Site) -> None:
    from nearer.tests.browser.helpers import log_in, sign_up_fully
    from nearer.tests.browser.second_factor_helpers import code_in, turn_on

    sign_up_fully(page, site, "kofi")
    secret, _ = turn_on(page, site)
    log_out(page)
    log_in(page, None, "kofi")
    expect(page.get_by_role("heading", level=1)).to_have_text("One more step")
    tab_to(page, "Code")
    page.keyboard.type(code_in(secret, 1))
    tab_to(page, "Log in")
    page.keyboard.press("Enter")
    expect_today(page, "kofi")


def test_it_reaches_security_and_privacy_with_the_keyboard_alone(page: Page, site: Site) -> None:
    from nearer.tests.browser.helpers import sign_up_fully

    sign_up_fully(page, site, "sami")
    page.goto(site.url("/accounts/"))
    tab_to(page, "Security: where you are logged in, recent sign-ins", limit=60)
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Security")
    tab_to(page, "Privacy", limit=60)
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "How Nearer keeps what you write private"
    )


def test_the_offline_page_offers_its_ways_on_to_the_keyboard(page: Page, site: Site) -> None:
    page.goto(site.url("/offline/"))
    tab_to(page, "Try again", limit=20)
    tab_to(page, "Get help now", limit=20)
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Get help now")


def test_it_turns_a_reminder_on_from_the_account_with_the_keyboard_alone(
    page: Page, site: Site
) -> None:
    sign_up(page, site, "rhys")
    tab_to(page, "I have saved my recovery code")
    page.keyboard.press("Space")
    tab_to(page, "Continue")
    page.keyboard.press("Enter")
    expect_today(page, "rhys")

    page.goto(site.url("/accounts/"))
    tab_to(page, "Reminder settings")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Reminders")
    tab_to(page, "“A birthday is coming up”")
    page.keyboard.press("Space")
    expect(page.get_by_label("“A birthday is coming up”")).to_be_checked()
    tab_to(page, "Save reminders")
    page.keyboard.press("Enter")
    expect(page.get_by_text("Reminders will start once your email is verified.")).to_be_visible()


def test_it_confirms_an_email_with_the_keyboard_alone(page: Page, site: Site) -> None:
    from nearer.accounts import email_address
    from nearer.accounts.models import User
    from nearer.tests.browser.helpers import sign_up_fully

    sign_up_fully(page, site, "kira")
    token = email_address.email_change(
        user=User.objects.get(username="kira"), email="kira.fen@example.org"
    )
    assert token is not None
    page.goto(site.url(f"/accounts/email/confirm/{token}/"))
    tab_to(page, "Confirm my email", limit=40)
    page.keyboard.press("Enter")
    expect(page.get_by_text("your email is confirmed")).to_be_visible()
    tab_to(page, "Back to Account", limit=40)
    page.keyboard.press("Enter")
    expect(page.get_by_text(", confirmed.")).to_be_visible()


def test_it_reaches_opening_up_and_draws_a_card_with_the_keyboard_alone(
    page: Page, site: Site
) -> None:
    from nearer.tests.browser.helpers import sign_up_fully

    sign_up_fully(page, site, "kit")
    page.goto(site.url("/opening-up/"))
    tab_to(page, "Prepare something to share", limit=60)
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/opening-up/new/$"))
    page.goto(site.url("/cards/"))
    tab_to(page, "Draw a card", limit=80)
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/cards/[^/]+/$"))
    # The whole way, prepared and shared by keyboard: test_opening_journey.py.
