"""Journey D: axe (WCAG 2.x A/AA) on every page, light and dark, phone and desktop.

Each test walks a group of pages as a person would reach them and collects every
problem before failing, so one run shows all that needs fixing.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from nearer.tests.browser.helpers import (
    PASSWORD,
    Site,
    assert_clean,
    audit,
    confirm_code_saved,
    log_in,
    log_out,
    open_new_entry,
    search_for,
    sign_up,
    write_entry,
)

pytestmark = pytest.mark.browser


def test_the_pages_before_logging_in_are_accessible(page: Page, site: Site) -> None:
    problems: list[str] = []

    page.goto(site.url("/accounts/signup/"))
    problems += audit(page, "sign up")
    page.get_by_role("button", name="Create my space").click()
    expect(page.locator(".field-invalid").first).to_be_visible()
    problems += audit(page, "sign up with errors")

    page.goto(site.url("/accounts/login/"))
    problems += audit(page, "log in")
    log_in(page, None, "nobody", "wrong")
    expect(page.get_by_role("alert")).to_be_visible()
    problems += audit(page, "log in with an error")
    page.goto(site.url("/accounts/login/?ended=1"))
    problems += audit(page, "log in after the session ended")

    page.goto(site.url("/accounts/forgot/"))
    problems += audit(page, "forgot password")
    page.get_by_role("button", name="Set new password").click()
    problems += audit(page, "forgot password with errors")

    page.goto(site.url("/no-such-page/"))
    expect(page.get_by_role("heading", name="We couldn't find that page")).to_be_visible()
    problems += audit(page, "404")

    # A form sent without its CSRF cookie reaches the calm CSRF failure page.
    page.goto(site.url("/accounts/login/"))
    page.context.clear_cookies()
    log_in(page, None, "nobody", "whatever")
    expect(page.get_by_role("heading", name="This page was open for too long")).to_be_visible()
    problems += audit(page, "CSRF failure")

    assert_clean(problems)


def test_the_account_pages_are_accessible(page: Page, site: Site) -> None:
    problems: list[str] = []

    sign_up(page, site, "ada")
    problems += audit(page, "recovery code")
    page.get_by_role("button", name="Continue").click()
    problems += audit(page, "recovery code not ticked")
    confirm_code_saved(page)
    problems += audit(page, "Today (first visit, with a message)")
    page.reload()
    problems += audit(page, "Today")

    page.goto(site.url("/accounts/"))
    problems += audit(page, "account settings")
    page.goto(site.url("/accounts/password/"))
    problems += audit(page, "password change")
    page.get_by_role("button", name="Change password").click()
    problems += audit(page, "password change with errors")
    page.goto(site.url("/accounts/recovery-code/new/"))
    problems += audit(page, "recovery code renew")
    page.goto(site.url("/accounts/delete/"))
    problems += audit(page, "delete account")
    page.get_by_role("button", name="Delete everything").click()
    problems += audit(page, "delete account with errors")

    page.goto(site.url("/accounts/no-such-page/"))
    problems += audit(page, "404 while logged in")

    page.goto(site.url("/accounts/delete/"))
    page.get_by_label("Your password").fill(PASSWORD)
    page.get_by_label("I understand").check()
    page.get_by_role("button", name="Delete everything").click()
    expect(page.get_by_role("heading", name="Your account is deleted")).to_be_visible()
    problems += audit(page, "account deleted")

    assert_clean(problems)


def test_the_locked_out_and_logged_out_pages_are_accessible(page: Page, site: Site) -> None:
    problems: list[str] = []
    sign_up(page, site, "tove")
    confirm_code_saved(page)
    log_out(page)
    problems += audit(page, "logged out")
    for _ in range(6):
        if page.get_by_role("heading", name="Too many tries").is_visible():
            break
        log_in(page, None, "tove", "a wrong guess")
    expect(page.get_by_role("heading", name="Too many tries")).to_be_visible()
    problems += audit(page, "locked out")
    assert_clean(problems)


def test_the_journal_pages_are_accessible(page: Page, site: Site) -> None:
    problems: list[str] = []
    sign_up(page, site, "june")
    confirm_code_saved(page)

    page.get_by_role("link", name="Journal", exact=True).click()
    problems += audit(page, "journal month, empty")
    page.get_by_role("link", name="Tags", exact=True).click()
    problems += audit(page, "tags, none yet")

    open_new_entry(page)
    problems += audit(page, "new entry")
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.locator(".field-invalid").first).to_be_visible()
    problems += audit(page, "new entry with errors")

    write_entry(
        page, title="A quiet Sunday", body="Reading together.\n\nThen soup.", tags="home, rest"
    )
    problems += audit(page, "entry")
    page.get_by_role("link", name="Edit", exact=True).click()
    problems += audit(page, "edit entry")
    page.get_by_label("Your words").fill("Reading together, then soup, then a nap.")
    page.get_by_role("link", name="Cancel").click()
    page.get_by_role("link", name="Edit", exact=True).click()
    expect(page.get_by_text("We kept what you were writing.")).to_be_visible()
    problems += audit(page, "edit entry with a kept draft")
    page.get_by_role("button", name="Discard it").click()
    page.get_by_role("link", name="Cancel").click()
    page.get_by_role("link", name="Delete", exact=True).click()
    problems += audit(page, "delete entry")

    page.get_by_role("link", name="Journal", exact=True).click()
    problems += audit(page, "journal month with an entry")
    page.get_by_role("navigation", name="Other months").get_by_role("link").first.click()
    expect(page).to_have_url(re.compile(r"/journal/\d{4}/\d{1,2}/$"))
    problems += audit(page, "journal, last month")

    page.get_by_role("link", name="Tags", exact=True).click()
    problems += audit(page, "tags")
    page.get_by_role("link", name="Search", exact=True).click()
    problems += audit(page, "search")
    page.get_by_role("button", name="Search", exact=True).click()
    problems += audit(page, "search with an error")
    search_for(page, "soup")
    expect(page.get_by_role("link", name="A quiet Sunday")).to_be_visible()
    problems += audit(page, "search results")
    search_for(page, "thunderstorm")
    problems += audit(page, "search, nothing found")

    page.get_by_role("link", name="Prompts", exact=True).click()
    problems += audit(page, "prompts")
    page.get_by_role("button", name="Give me a prompt").click()
    expect(page.locator("figure.prompt")).to_be_visible()
    problems += audit(page, "guided entry")
    page.get_by_label("Your words").fill("An answer.")
    page.get_by_role("button", name="Save", exact=True).click()
    problems += audit(page, "guided entry, saved")

    page.get_by_role("link", name="Today", exact=True).click()
    problems += audit(page, "Today with entries")

    page.goto(site.url("/journal/00000000-0000-0000-0000-000000000000/"))
    problems += audit(page, "unknown entry (404)")

    assert_clean(problems)


def test_the_weekly_review_pages_are_accessible(page: Page, site: Site) -> None:
    problems: list[str] = []
    sign_up(page, site, "wren")
    confirm_code_saved(page)
    page.goto(site.url("/review/"))
    problems += audit(page, "weekly review")
    answer = page.get_by_label("Your answer, if you like")
    # The browser stops typing at the limit; past it, the server says so.
    answer.evaluate("field => field.removeAttribute('maxlength')")
    answer.fill("x" * 10_001)
    page.get_by_role("button", name="Save as a journal entry").click()
    expect(page.locator(".field-invalid")).to_be_visible()
    problems += audit(page, "weekly review, answer too long")
    page.goto(site.url("/review/?week=soon"))
    problems += audit(page, "weekly review, a week it can't show")
    page.goto(site.url("/review/settings/"))
    problems += audit(page, "weekly review settings")
    page.get_by_label("On which day").select_option(label="Friday")
    page.get_by_label("Offer me a weekly review on Today").check()
    page.get_by_role("button", name="Save").click()
    problems += audit(page, "weekly review settings, saved")
    assert_clean(problems)


def test_the_balance_and_year_in_pixels_pages_are_accessible(page: Page, site: Site) -> None:
    problems: list[str] = []
    sign_up(page, site, "bette")
    confirm_code_saved(page)
    page.goto(site.url("/insights/balance/"))
    problems += audit(page, "balance and care, nothing yet")
    page.goto(site.url("/insights/year/"))
    problems += audit(page, "year in pixels, nothing yet")
    page.get_by_role("link", name="Today", exact=True).click()
    card = page.get_by_role("region", name="How are you feeling?")
    card.get_by_role("radio", name="pleasant, low energy", exact=True).check()
    card.get_by_role("button", name="Add who or what contributed").click()
    page.get_by_label("Calm", exact=True).check()
    page.get_by_role("button", name="Done", exact=True).click()
    expect(page.locator(".message-kind-word")).to_be_visible()
    page.goto(site.url("/insights/year/"))
    expect(page.get_by_text("1 day with a check-in")).to_be_visible()
    problems += audit(page, "year in pixels, a day")
    page.goto(site.url("/scales/trends/?range=3m"))
    problems += audit(page, "trends, three months")
    assert_clean(problems)


def test_the_together_pages_with_their_messages_are_accessible(page: Page, site: Site) -> None:
    # The journey (test_together_journey.py) audits each page as two people pair;
    # here, the states only a mistake reaches.
    problems: list[str] = []
    sign_up(page, site, "tamsin")
    confirm_code_saved(page)
    page.goto(site.url("/together/invite/"))
    # Spaces pass the browser's own check; the server says a name is needed.
    page.get_by_label("Your name, as your partner will see it").fill("   ")
    page.get_by_role("button", name="Make an invite code").click()
    expect(page.locator(".field-invalid")).to_be_visible()
    problems += audit(page, "invite, no name given")
    page.goto(site.url("/together/accept/"))
    page.get_by_label("Invite code").fill("NOT-A-REAL-CODE")
    page.get_by_label("Your name, as your partner will see it").fill("Tamsin")
    page.get_by_role("button", name="Join the space").click()
    expect(page.get_by_text("That code does not open an invite.")).to_be_visible()
    problems += audit(page, "accept, a code that opens nothing")
    assert_clean(problems)


def test_the_jrnl_and_daylio_import_pages_in_every_state_are_accessible(
    page: Page, site: Site, tmp_path: Path
) -> None:
    # The journeys (test_jrnl_import_journey.py, test_daylio_import_journey.py) audit
    # the usual pages; here, the states only an odd file or a wrong answer reaches.
    problems: list[str] = []
    sign_up(page, site, "imogen")
    confirm_code_saved(page)
    odd = tmp_path / "odd.txt"
    odd.write_text(
        "[2024-02-30 10:00] No such day\nx\n[2024-03-01 10:00] " + "t" * 201 + "\nbody\n"
    )
    page.goto(site.url("/your-data/jrnl/"))
    page.get_by_label("jrnl journal or JSON export").set_input_files(odd)
    page.get_by_role("button", name="Read the file").click()
    expect(page.get_by_role("region", name="Could not be imported")).to_be_visible()
    expect(page.get_by_role("region", name="Changed to fit")).to_be_visible()
    problems += audit(page, "jrnl preview, entries changed and left out")
    page.goto(site.url("/your-data/daylio/"))
    page.get_by_label("Daylio export (.csv)").set_input_files(odd)
    page.get_by_role("button", name="Read the file").click()
    expect(page.locator(".field-invalid")).to_be_visible()
    problems += audit(page, "Daylio upload, not an export")
    daylio = tmp_path / "daylio.csv"
    daylio.write_text(
        "full_date,date,weekday,time,mood,activities,note_title,note\n"
        "2024-03-15,,,21:40,rad,walk,,A note\n2024-02-30,,,10:00,meh,,,\n"
    )
    page.get_by_label("Daylio export (.csv)").set_input_files(daylio)
    page.get_by_role("button", name="Read the file").click()
    # An answer off the list (as a tampered form would send) shows the page again.
    page.get_by_label("rad").evaluate(
        "select => { select.add(new Option('Off the list', '9')); select.value = '9'; }"
    )
    page.get_by_role("button", name="Import 1 check-in").click()
    expect(page.get_by_role("alert")).to_contain_text("Nothing was saved.")
    problems += audit(page, "Daylio preview, an answer off the list")
    assert_clean(problems)


def test_the_export_and_nearer_import_pages_in_every_state_are_accessible(
    page: Page, site: Site, tmp_path: Path
) -> None:
    # The export journey (test_export_journey.py) audits the usual pages; here, an
    # account with nothing yet, a passphrase refused, and a file that is not an export.
    problems: list[str] = []
    sign_up(page, site, "esme")
    confirm_code_saved(page)
    page.goto(site.url("/your-data/export/"))
    expect(page.get_by_text("Nothing is kept here yet")).to_be_visible()
    problems += audit(page, "export, nothing kept yet")
    page.get_by_label("Your password").fill("anything at all")
    page.get_by_label("Passphrase for the zip").fill("short")
    page.get_by_role("button", name="Download the zip").click()
    expect(page.get_by_text("Please use at least 12 characters")).to_be_visible()
    problems += audit(page, "export, a passphrase too short")
    odd = tmp_path / "odd.json"
    odd.write_text('{"format": "nearer-export", "version": 1, "moments": [{"id": 1}]}')
    page.goto(site.url("/your-data/nearer/"))
    page.get_by_label("Nearer export (zip or JSON)").set_input_files(odd)
    page.get_by_role("button", name="Read the file").click()
    expect(page.get_by_text("Moment 1 in the file: its id is not text.")).to_be_visible()
    problems += audit(page, "nearer import, not an export")
    assert_clean(problems)


def test_the_insights_page_is_accessible(page: Page, site: Site) -> None:
    problems: list[str] = []
    sign_up(page, site, "ilse")
    confirm_code_saved(page)
    page.get_by_role("link", name="Insights", exact=True).click()
    expect(page.get_by_text("Not enough data yet: there are no check-ins.")).to_be_visible()
    problems += audit(page, "insights, not enough data yet")
    # With findings: test_insights_journey.py audits the page with a month of data.
    assert_clean(problems)


def test_the_rituals_pages_with_their_messages_are_accessible(page: Page, site: Site) -> None:
    # The journey (test_together_rituals_journey.py) audits each page as two people
    # use them; here, the states only a mistake reaches.
    from nearer.tests.browser.rituals_helpers import paired_in_browser

    problems: list[str] = []
    paired_in_browser(page, site, "ottilie")
    page.goto(site.url("/together/rituals/question/"))
    page.get_by_role("button", name="Keep my answer").click()
    expect(page.get_by_text("Write a few words to answer.")).to_be_visible()
    problems += audit(page, "today's question, no answer given")
    page.goto(site.url("/together/rituals/check-in/"))
    page.get_by_role("button", name="Keep what I prepared").click()
    expect(page.get_by_text("Write something in at least one part.")).to_be_visible()
    problems += audit(page, "the check-in, nothing prepared")
    page.goto(site.url("/together/rituals/moments/"))
    page.get_by_label("Day").fill("")
    page.get_by_role("button", name="Log for both of us").click()
    expect(page.get_by_text("Please give the day of the moment.")).to_be_visible()
    problems += audit(page, "moments together, no day")
    assert_clean(problems)


def test_the_second_step_pages_are_accessible(page: Page, site: Site) -> None:
    from nearer.tests.browser.helpers import sign_up_fully
    from nearer.tests.browser.second_factor_helpers import code_in, turn_on, type_code

    problems: list[str] = []
    sign_up_fully(page, site, "sefa")
    secret, _ = turn_on(page, site)
    problems += audit(page, "backup codes")
    page.goto(site.url("/accounts/second-step/app/off/"))
    problems += audit(page, "turn the second step off")
    log_out(page)
    log_in(page, None, "sefa")
    problems += audit(page, "the code step")
    type_code(page, code_in(secret, 1))
    problems += audit(page, "today after the code")
    assert_clean(problems)


def test_the_security_privacy_and_closed_sign_up_pages_are_accessible(
    page: Page, site: Site, settings: Any
) -> None:
    problems: list[str] = []
    page.goto(site.url("/privacy/"))
    problems += audit(page, "privacy, logged out")
    settings.SIGNUP = "closed"
    page.goto(site.url("/accounts/signup/"))
    problems += audit(page, "sign-up closed")
    settings.SIGNUP = "invite"
    page.goto(site.url("/accounts/signup/"))
    problems += audit(page, "sign-up by invite")
    settings.SIGNUP = "open"
    from nearer.tests.browser.helpers import sign_up_fully

    sign_up_fully(page, site, "sora")
    page.goto(site.url("/accounts/security/"))
    problems += audit(page, "security")
    assert_clean(problems)


def test_the_offline_page_is_accessible_as_the_service_worker_shows_it(
    page: Page, site: Site
) -> None:
    page.goto(site.url("/accounts/login/"))
    page.evaluate("navigator.serviceWorker.ready.then(() => true)")
    page.wait_for_function("navigator.serviceWorker.controller !== null")
    page.context.set_offline(True)
    try:
        page.goto(site.url("/journal/"))
        expect(page.get_by_role("heading", level=1)).to_have_text("You're offline for now")
        problems = audit(page, "offline page (network cut)")
    finally:
        page.context.set_offline(False)
    assert_clean(problems)


def test_the_reminder_pages_in_every_state_are_accessible(page: Page, site: Site) -> None:
    from nearer.accounts.models import User
    from nearer.reminders.models import Reminder
    from nearer.reminders.tokens import token_make

    problems: list[str] = []
    sign_up(page, site, "rory")
    confirm_code_saved(page)
    page.goto(site.url("/reminders/"))
    problems += audit(page, "reminders, no email yet")
    page.get_by_label("“It's a good day to check in”").check()
    page.get_by_label("From what time of day").select_option("22:30")
    page.get_by_label("Quiet hours from (optional)").select_option("21:00")
    page.get_by_label("Quiet hours until (optional)").select_option("07:00")
    page.get_by_role("button", name="Save reminders").click()
    expect(page.locator(".field-invalid")).to_be_visible()
    problems += audit(page, "reminders, a time inside quiet hours")
    page.get_by_label("From what time of day").select_option("08:00")
    page.get_by_role("button", name="Save reminders").click()
    expect(page.get_by_text("Reminders will start once your email is verified.")).to_be_visible()
    problems += audit(page, "reminders, saved")
    row = Reminder.objects.get(owner=User.objects.get(username="rory"))
    token = token_make(owner_id=row.owner_id, kind="checkin", generation=row.link_generation)
    page.goto(site.url(f"/reminders/unsubscribe/{token}/"))
    problems += audit(page, "unsubscribe")
    page.get_by_role("button", name="Stop this reminder").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Done: this reminder is off")
    problems += audit(page, "unsubscribed")
    page.goto(site.url(f"/reminders/unsubscribe/x{token}/"))
    problems += audit(page, "unsubscribe link that no longer works")
    assert_clean(problems)


def test_the_email_confirm_pages_are_accessible(page: Page, site: Site) -> None:
    from nearer.accounts import email_address
    from nearer.accounts.models import User
    from nearer.tests.browser.helpers import sign_up_fully

    problems: list[str] = []
    sign_up_fully(page, site, "elsa")
    token = email_address.email_change(
        user=User.objects.get(username="elsa"), email="elsa.brook@example.org"
    )
    assert token is not None
    page.goto(site.url("/accounts/"))
    problems += audit(page, "account, email not confirmed yet")
    page.goto(site.url(f"/accounts/email/confirm/{token}/"))
    problems += audit(page, "confirm your email")
    page.get_by_role("button", name="Confirm my email").click()
    problems += audit(page, "email confirmed")
    page.goto(site.url(f"/accounts/email/confirm/{token}/"))
    problems += audit(page, "a used link")
    assert_clean(problems)


def test_the_opening_up_and_conversation_card_pages_are_accessible(page: Page, site: Site) -> None:
    from nearer.tests.browser.helpers import sign_up_fully

    problems: list[str] = []
    sign_up_fully(page, site, "otto")
    page.goto(site.url("/opening-up/"))
    expect(page.get_by_text("Nothing here yet.")).to_be_visible()
    problems += audit(page, "opening up, empty")
    page.goto(site.url("/opening-up/summary/"))
    expect(page.get_by_text("Nothing to compare yet.", exact=False)).to_be_visible()
    problems += audit(page, "what opening up did, nothing yet")
    page.goto(site.url("/cards/"))
    problems += audit(page, "draw page")
    page.get_by_role("button", name="Draw a card").click()
    problems += audit(page, "a card")
    page.goto(site.url("/cards/sessions/new/"))
    expect(page.get_by_text("First add the person you want to talk with")).to_be_visible()
    problems += audit(page, "start a session, no people yet")
    # Every state with data: test_opening_journey.py, test_opening_summary_journey.py,
    # test_deck_draw_journey.py and test_deck_session_journey.py audit them.
    assert_clean(problems)
