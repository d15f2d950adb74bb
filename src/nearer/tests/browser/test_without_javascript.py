"""Journey F: everything works with JavaScript switched off."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from nearer.lib.dates import DAY_NAMES
from nearer.tests.browser.helpers import (
    PASSWORD,
    Site,
    expect_entry,
    expect_today,
    log_in,
    log_out,
    search_for,
    sign_up_fully,
    write_entry,
)

pytestmark = pytest.mark.browser


def test_it_signs_up_logs_out_and_in_without_javascript(no_js_page: Page, site: Site) -> None:
    page = no_js_page
    # nearer.js would preselect the time zone; here it never runs: UTC, plainly shown.
    page.goto(site.url("/accounts/signup/"))
    assert page.locator("select[name='time_zone']").input_value() == "UTC"
    sign_up_fully(page, site, "jo")
    log_out(page)
    log_in(page, None, "jo")
    expect_today(page, "jo")
    expect(page.get_by_role("link", name="Journal")).to_be_visible()


def test_the_journal_works_without_javascript(no_js_page: Page, site: Site) -> None:
    page = no_js_page
    sign_up_fully(page, site, "pia")
    write_entry(
        page, title="No scripts here", body="Plain forms still carry every word.", tags="plain"
    )

    search_for(page, "every word")
    # The POST's 303 lands on the results' own page: Back returns to it, no resubmit.
    expect(page).to_have_url(re.compile(r"/journal/search/[0-9a-f]{32}/$"))
    page.get_by_role("link", name="No scripts here").click()
    page.go_back()
    page.get_by_role("region", name="1 entry found").get_by_role("link").first.click()
    page.get_by_role("link", name="Edit", exact=True).click()
    page.get_by_label("Your words").fill("Plain forms still carry every word, even edited.")
    page.get_by_role("button", name="Save", exact=True).click()
    expect_entry(page, title="No scripts here", body="even edited.")

    page.get_by_role("button", name="Entries tagged plain").click()
    expect(page.get_by_role("link", name="No scripts here")).to_be_visible()

    page.get_by_role("link", name="Prompts", exact=True).click()
    page.get_by_role("button", name="Give me a prompt").click()
    expect(page.locator("figure.prompt")).to_be_visible()

    page.get_by_role("link", name="Journal", exact=True).click()
    page.get_by_role("link", name="No scripts here").click()
    page.get_by_role("link", name="Delete", exact=True).click()
    page.get_by_role("button", name="Delete for good").click()
    expect(page.get_by_text("The entry is deleted.")).to_be_visible()
    expect(page.get_by_role("link", name="No scripts here")).to_have_count(0)


def test_the_weekly_review_works_without_javascript(no_js_page: Page, site: Site) -> None:
    page = no_js_page
    sign_up_fully(page, site, "ula")
    # Without nearer.js no time zone was given: the person's day is the server's.
    today = DAY_NAMES[timezone.localdate().weekday()]
    page.goto(site.url("/review/settings/"))
    page.get_by_label("Offer me a weekly review on Today").check()
    page.get_by_label("On which day").select_option(label=today)
    page.get_by_role("button", name="Save").click()
    page.get_by_role("link", name="Today", exact=True).click()
    offer = page.get_by_role("region", name="A look back at your week")
    offer.get_by_role("link", name="Open your weekly review").click()
    page.get_by_label("Your answer, if you like").fill("Plain forms, a plain week.")
    page.get_by_role("button", name="Save as a journal entry").click()
    expect(page.get_by_text("Plain forms, a plain week.")).to_be_visible()
    page.get_by_role("link", name="Today", exact=True).click()
    expect(page.get_by_role("region", name="A look back at your week")).to_have_count(0)


def test_balance_and_the_year_in_pixels_work_without_javascript(
    no_js_page: Page, site: Site
) -> None:
    page = no_js_page
    sign_up_fully(page, site, "nils")
    page.goto(site.url("/insights/balance/"))
    expect(page.get_by_text("No moments with a kind of closeness yet")).to_be_visible()
    page.get_by_role("link", name="Your year in pixels").click()
    expect(page.get_by_text("each day gets its colour and shape here")).to_be_visible()
    page.get_by_role("link", name="Check in now").click()
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    page.goto(site.url("/scales/trends/?range=1y"))
    page.get_by_role("link", name="All", exact=True).click()
    assert page.url.endswith("/scales/trends/?range=all")


def test_together_pairs_compares_and_ends_without_javascript(no_js_page: Page, site: Site) -> None:
    from nearer.accounts.services import user_sign_up
    from nearer.together.services import invite_create
    from nearer.vault.box import Vault

    page = no_js_page
    sign_up_fully(page, site, "pia")
    # The partner invites from their own account (made here, not in a second browser).
    new = user_sign_up(username="quin", password="a partner's own long password")
    made = invite_create(user=new.user, vault=Vault(user_id=new.user.pk, dek=new.dek), name="Quin")
    page.goto(site.url(f"/together/accept/?code={made.code}"))
    page.get_by_label("Your name, as your partner will see it").fill("Pia")
    page.get_by_role("button", name="Join the space").click()
    expect(page.locator("ol.safety-words li")).to_have_count(8)
    page.get_by_role("button", name="We compared them and they match").click()
    expect(page.get_by_text("Your space with")).to_contain_text("Quin")
    page.get_by_role("link", name="End this space").click()
    page.get_by_role("button", name="End the space").click()
    expect(page.get_by_text("The space has ended.")).to_be_visible()


def test_the_jrnl_and_daylio_imports_work_without_javascript(
    no_js_page: Page, site: Site, tmp_path: Path
) -> None:
    page = no_js_page
    sign_up_fully(page, site, "nell")
    journal = tmp_path / "journal.json"
    journal.write_text(
        '{"entries": [{"date": "2024-03-14", "time": "08:05", "title": "No scripts here",'
        ' "body": "Plain forms @plain", "tags": ["@plain"], "starred": true}]}'
    )
    page.goto(site.url("/your-data/"))
    page.get_by_role("link", name="jrnl", exact=True).click()
    page.get_by_label("jrnl journal or JSON export").set_input_files(journal)
    page.get_by_role("button", name="Read the file").click()
    page.get_by_role("button", name="Import 1 entry").click()
    expect(page.get_by_text("Import done: 1 entry added to your journal.")).to_be_visible()
    page.goto(site.url("/journal/2024/3/"))
    expect(page.get_by_role("link", name="No scripts here")).to_be_visible()

    export = tmp_path / "daylio.csv"
    export.write_text(
        "full_date,date,weekday,time,mood,activities,note_title,note\n"
        "2024-03-15,,,21:40,cloudy,walk,,Plain forms still\n"
    )
    page.goto(site.url("/your-data/daylio/"))
    page.get_by_label("Daylio export (.csv)").set_input_files(export)
    page.get_by_role("button", name="Read the file").click()
    page.get_by_label("cloudy").select_option(label="Unpleasant")
    page.get_by_role("button", name="Import 1 check-in").click()
    expect(page.get_by_text("Import done: 1 check-in added.")).to_be_visible()
    page.goto(site.url("/checkins/2024/3/15/"))
    expect(page.get_by_role("heading", name="Down at 21:40")).to_be_visible()


def test_the_export_downloads_and_imports_again_without_javascript(
    no_js_page: Page, site: Site, tmp_path: Path
) -> None:
    page = no_js_page
    sign_up_fully(page, site, "orla")
    write_entry(page, title="Scriptless export", body="Plain forms carry it all.")
    page.goto(site.url("/your-data/"))
    page.get_by_role("link", name="Export everything").click()
    page.get_by_label("Your password").fill(PASSWORD)
    with page.expect_download() as info:
        page.get_by_role("button", name="Download the zip").click()
    export = tmp_path / "export.zip"
    info.value.save_as(export)
    log_out(page)
    sign_up_fully(page, site, "orla-two")
    page.goto(site.url("/your-data/nearer/"))
    page.get_by_label("Nearer export (zip or JSON)").set_input_files(export)
    page.get_by_role("button", name="Read the file").click()
    page.get_by_role("button", name="Import 1 new item").click()
    expect(page.get_by_text("Import done: 1 item added.")).to_be_visible()
    page.goto(site.url("/journal/"))
    expect(page.get_by_role("link", name="Scriptless export")).to_be_visible()


def test_insights_say_what_is_missing_without_javascript(no_js_page: Page, site: Site) -> None:
    page = no_js_page
    sign_up_fully(page, site, "ilka")
    page.get_by_role("link", name="Insights", exact=True).click()
    expect(page.get_by_text("Not enough data yet: there are no check-ins.")).to_be_visible()


def test_the_rituals_work_without_javascript(no_js_page: Page, site: Site) -> None:
    from nearer.tests.browser.rituals_helpers import paired_in_browser

    page = no_js_page
    paired_in_browser(page, site, "quilla")
    page.get_by_role("link", name="Today's question").click()
    page.get_by_label("Your answer").fill("Warm bread on a cold day")
    page.get_by_role("button", name="Keep my answer").click()
    expect(page.get_by_text("Waiting for Wren.")).to_be_visible()
    page.get_by_role("link", name="Weekly check-in").click()
    page.get_by_label("One wish for the coming week").fill("More walks")
    page.get_by_role("button", name="Keep what I prepared").click()
    expect(page.get_by_text("Waiting for Wren to prepare.")).to_be_visible()
    page.get_by_role("button", name="Go through it together now").click()
    expect(page.get_by_text("More walks")).to_be_visible()
    page.get_by_role("link", name="Moments together").click()
    page.get_by_role("button", name="Log for both of us").click()
    expect(page.get_by_text("Logged for both of you.")).to_be_visible()
    page.get_by_role("link", name="Cards together").click()
    page.get_by_role("button", name="Start").click()
    page.get_by_role("button", name="Next card").click()
    expect(page.get_by_text("Wren asks")).to_be_visible()
    page.get_by_role("button", name="Stop here").click()
    expect(page.get_by_text("It is kept as a moment for both of you.")).to_be_visible()


def test_the_second_step_works_without_javascript(no_js_page: Page, site: Site) -> None:
    from nearer.tests.browser.second_factor_helpers import code_in, turn_on, type_code

    page = no_js_page
    sign_up_fully(page, site, "ines2fa")
    secret, codes = turn_on(page, site)
    log_out(page)
    log_in(page, None, "ines2fa")
    type_code(page, code_in(secret, 1))
    expect_today(page, "ines2fa")
    log_out(page)
    log_in(page, None, "ines2fa")
    type_code(page, codes[0])
    expect_today(page, "ines2fa")


def test_sessions_end_and_sign_up_by_invite_work_without_javascript(
    no_js_page: Page, site: Site, settings: Any
) -> None:
    from nearer.accounts.invites import signup_invite_create

    page = no_js_page
    settings.SIGNUP = "invite"
    code = signup_invite_create().code
    page.goto(site.url("/accounts/signup/"))
    page.get_by_label("Invite code").fill(code)
    page.get_by_label("Username").fill("noor")
    page.get_by_label("New password", exact=True).fill(PASSWORD)
    page.get_by_label("New password, again").fill(PASSWORD)
    page.get_by_role("button", name="Create my space").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Save your recovery code")
    page.get_by_label("I have saved my recovery code somewhere safe.").check()
    page.get_by_role("button", name="Continue").click()
    expect_today(page, "noor")
    other = page.context.browser.new_context(java_script_enabled=False)  # type: ignore[union-attr]
    try:
        second = other.new_page()
        log_in(second, site, "noor")
        expect_today(second, "noor")
        page.goto(site.url("/accounts/security/"))
        page.get_by_role("button", name="End this session").click()
        expect(page.get_by_text("That session has ended.")).to_be_visible()
        second.reload()
        expect(second.get_by_role("button", name="Log in")).to_be_visible()
    finally:
        other.close()


def test_the_offline_page_needs_no_javascript(no_js_page: Page, site: Site) -> None:
    page = no_js_page
    page.goto(site.url("/offline/"))
    expect(page.get_by_role("heading", level=1)).to_have_text("You're offline for now")
    page.get_by_role("link", name="Try again").click()
    # Logged out, "Try again" lands on the welcome for a first visit.
    expect(page.get_by_role("heading", level=1)).to_have_text("Welcome to Nearer")
    assert page.locator("link[rel='manifest']").count() == 1


def test_an_email_is_confirmed_without_javascript(no_js_page: Page, site: Site) -> None:
    from nearer.accounts import email_address
    from nearer.accounts.models import User

    page = no_js_page
    sign_up_fully(page, site, "nell")
    page.goto(site.url("/accounts/"))
    page.get_by_label("Email (optional)").fill("nell.moss@example.org")
    page.get_by_role("button", name="Save email").click()
    expect(page.get_by_text("not confirmed yet")).to_be_visible()
    # The link as the email would carry it (the SMTP round trip is in the email journey).
    token = email_address.verification_renew(user=User.objects.get(username="nell"))
    assert token is not None
    page.goto(site.url(f"/accounts/email/confirm/{token}/"))
    page.get_by_role("button", name="Confirm my email").click()
    expect(page.get_by_text("your email is confirmed")).to_be_visible()


def test_reminders_are_turned_on_and_stopped_without_javascript(
    no_js_page: Page, site: Site
) -> None:
    from nearer.accounts.models import User
    from nearer.reminders.models import Reminder
    from nearer.reminders.tokens import token_make

    page = no_js_page
    sign_up_fully(page, site, "remy")
    page.goto(site.url("/reminders/"))
    page.get_by_label("“A well-being check is due”").check()
    page.get_by_label("From what time of day").select_option("07:45")
    page.get_by_role("button", name="Save reminders").click()
    expect(page.get_by_text("Reminders will start once your email is verified.")).to_be_visible()
    expect(page.get_by_label("From what time of day")).to_have_value("07:45")
    row = Reminder.objects.get(owner=User.objects.get(username="remy"))
    token = token_make(owner_id=row.owner_id, kind="scale", generation=row.link_generation)
    page.goto(site.url(f"/reminders/unsubscribe/{token}/"))
    page.get_by_role("button", name="Stop this reminder").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Done: this reminder is off")
    row.refresh_from_db()
    assert row.scale is False


def test_opening_up_and_the_cards_work_without_javascript(no_js_page: Page, site: Site) -> None:
    from nearer.tests.browser.helpers import sign_up_fully

    page = no_js_page
    sign_up_fully(page, site, "noor")
    page.goto(site.url("/opening-up/summary/"))
    expect(page.get_by_text("Nothing to compare yet.", exact=False)).to_be_visible()
    page.goto(site.url("/cards/"))
    page.get_by_role("button", name="Draw a card").click()
    expect(page).to_have_url(re.compile(r"/cards/[^/]+/$"))
    expect(page.get_by_role("button", name="Favourite")).to_be_visible()
    # A share prepared, shared and reflected on without scripts: test_opening_journey.py.


def test_the_people_picker_of_a_moment_finds_someone_without_javascript(
    no_js_page: Page, site: Site
) -> None:
    from nearer.accounts.services import user_sign_up
    from nearer.people.content import PersonDetails
    from nearer.people.services import people_create_many
    from nearer.tests.browser.helpers import PASSWORD, log_in
    from nearer.vault.box import Vault

    page = no_js_page
    new = user_sign_up(username="perpetua", password=PASSWORD)
    people = [(PersonDetails(name=f"Neighbour{n:02d} Street"), ()) for n in range(20)]
    people.append((PersonDetails(name="Isadora Quill"), ()))
    people_create_many(user=new.user, vault=Vault(user_id=new.user.pk, dek=new.dek), people=people)
    log_in(page, site, "perpetua")
    page.goto(site.url("/moments/new/"))
    who = page.get_by_role("group", name="Who were you with?")
    expect(who.get_by_role("checkbox")).to_have_count(8)
    who.get_by_label("Find someone by name").fill("quill")
    who.get_by_role("button", name="Find").click()
    expect(who.get_by_role("checkbox")).to_have_count(1)
    who.get_by_role("checkbox", name="Isadora Quill").check()
    page.get_by_label("Call", exact=True).check()
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.get_by_text("Moment saved.")).to_be_visible()
