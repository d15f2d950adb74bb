"""Journey: balance and care, the year in pixels, and a chart's range switched without
JavaScript; axe at phone and desktop width, light and dark, the keyboard alone."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from nearer.accounts.services import user_sign_up
from nearer.checkins.services import checkin_create
from nearer.moments.services import moment_create
from nearer.people.content import PersonDetails
from nearer.people.services import person_create
from nearer.scales.services import result_create
from nearer.tests.browser.helpers import PASSWORD, Site, assert_clean, audit, log_in
from nearer.tests.browser.keyboard import tab_to
from nearer.vault.box import Vault

pytestmark = pytest.mark.browser

YEAR = 2025
EMOTIONS = {-2: "anxious", -1: "bored", 0: "calm", 1: "calm", 2: "cheerful"}


def _account(username: str) -> None:
    """Moments with kinds over fifteen months, someone far past their rhythm, a year of
    check-ins and WHO-5 results spread over two years, all through the services."""
    new = user_sign_up(username=username, password=PASSWORD)
    user, vault = new.user, Vault(user_id=new.user.pk, dek=new.dek)
    today = timezone.localdate()
    ana = person_create(
        user=user,
        vault=vault,
        details=PersonDetails(name="Ana <b>Lindqvist</b>", circle="inner", rhythm_days=7),
    )
    for days_ago, kinds in ((30, ["emotional", "physical"]), (200, ["intellectual"])):
        moment_create(
            user=user,
            vault=vault,
            occurred_on=today - timedelta(days=days_ago),
            person_ids=[ana.id],
            how="call",
            kinds=kinds,
        )
    for n in range(0, 365, 3):
        day = date(YEAR, 1, 1) + timedelta(days=n)
        level = (n // 3) % 5 - 2
        checkin_create(
            user=user,
            vault=vault,
            pleasantness=level,
            energy=0,
            emotion=EMOTIONS[level],
            when=datetime.combine(day, time(12), tzinfo=UTC),
        )
    checkin_create(
        user=user,
        vault=vault,
        pleasantness=1,
        energy=0,
        emotion="calm",
        when=datetime.combine(date(YEAR - 1, 6, 1), time(12), tzinfo=UTC),
    )
    for n in range(12):
        result_create(
            user=user,
            vault=vault,
            scale_key="who5",
            answers=[n % 6] * 5,
            taken_on=today - timedelta(days=60 * n),
        )


def test_balance_care_and_the_year_in_pixels_read_well_and_are_accessible(
    page: Page, site: Site
) -> None:
    _account("mireille")
    log_in(page, site, "mireille")
    problems: list[str] = []
    page.goto(site.url("/insights/balance/"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Balance and care")
    expect(page.get_by_role("img", name="Kinds of closeness: the last 90 days")).to_be_visible()
    expect(page.get_by_text("Emotional closeness was more of the mix lately")).to_be_visible()
    table = page.get_by_role("table", name="Kinds of closeness marked, as counts and shares")
    expect(table.get_by_role("row", name="Intellectual")).to_contain_text("1 (100%)")
    care = page.get_by_role("region", name="Worth a thought")
    # The name is text, never markup, and leads to the person.
    care.get_by_role("link", name="Ana <b>Lindqvist</b>").wait_for()
    expect(care).to_contain_text("30 days since your last moment together.")
    problems += audit(page, "balance and care")

    page.get_by_role("link", name="Your year in pixels").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        f"{timezone.localdate().year} in pixels"
    )
    page.goto(site.url(f"/insights/year/{YEAR}/"))
    expect(page.get_by_role("heading", level=1)).to_have_text(f"{YEAR} in pixels")
    expect(page.get_by_text("122 days with a check-in")).to_be_visible()
    expect(page.locator(".pixel-legend")).to_contain_text("Very pleasant (+2): 24 days")
    expect(page.locator(".pixel-month")).to_have_count(12)
    problems += audit(page, "year in pixels")
    page.get_by_text("The same days as a table").click()
    january = page.get_by_role("row", name="January")
    expect(january.locator("td").nth(0)).to_have_text("−2.0")
    expect(january.locator("td").nth(3)).to_have_text("−1.0")
    problems += audit(page, "year in pixels, the table open")
    page.get_by_role("link", name=f"Earlier: {YEAR - 1}").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"{YEAR - 1} in pixels")
    expect(page.get_by_role("link", name=f"Later: {YEAR}")).to_be_visible()
    page.goto(site.url("/insights/year/1999/"))
    expect(page.get_by_text("No check-ins in 1999.")).to_be_visible()
    problems += audit(page, "year in pixels, an empty year")

    page.goto(site.url("/scales/trends/"))
    problems += audit(page, "trends with a rolling mean")
    assert_clean(problems)


def test_a_new_account_sees_what_will_appear(page: Page, site: Site) -> None:
    user_sign_up(username="oskar", password=PASSWORD)
    log_in(page, site, "oskar")
    page.goto(site.url("/insights/balance/"))
    expect(page.get_by_text("No moments with a kind of closeness yet")).to_be_visible()
    problems = audit(page, "balance and care, nothing yet")
    page.goto(site.url("/insights/year/"))
    expect(page.get_by_text("each day gets its colour and shape here")).to_be_visible()
    problems += audit(page, "year in pixels, nothing yet")
    assert_clean(problems)


def test_the_pages_are_reached_and_read_with_the_keyboard_alone(page: Page, site: Site) -> None:
    _account("tomasz")
    log_in(page, site, "tomasz")
    page.goto(site.url("/insights/balance/"))
    tab_to(page, "Your year in pixels", limit=60)
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_contain_text("in pixels")
    page.goto(site.url(f"/insights/year/{YEAR}/"))
    tab_to(page, "The same days as a table", limit=60)
    page.keyboard.press("Enter")
    expect(page.get_by_role("row", name="January")).to_be_visible()
    page.goto(site.url("/scales/trends/"))
    tab_to(page, "3 months", limit=60)
    page.keyboard.press("Enter")
    expect(page.get_by_text("3 months", exact=True)).to_have_attribute("aria-current", "true")


def test_a_chart_range_switches_without_javascript(no_js_page: Page, site: Site) -> None:
    _account("ingrid")
    log_in(no_js_page, site, "ingrid")
    no_js_page.goto(site.url("/scales/trends/"))
    rows = no_js_page.locator(".trend-table tbody tr")
    expect(rows).to_have_count(12)
    no_js_page.get_by_role("link", name="3 months").click()
    assert no_js_page.url.endswith("/scales/trends/?range=3m")
    expect(rows).to_have_count(2)
    no_js_page.get_by_role("link", name="A year").click()
    expect(rows).to_have_count(7)
    no_js_page.goto(site.url("/scales/trends/?range=forever"))
    expect(rows).to_have_count(12)
    no_js_page.goto(site.url("/insights/balance/"))
    expect(no_js_page.get_by_role("heading", level=1)).to_have_text("Balance and care")
    no_js_page.goto(site.url(f"/insights/year/{YEAR}/"))
    no_js_page.get_by_text("The same days as a table").click()
    expect(no_js_page.get_by_role("row", name="March")).to_be_visible()
