"""What a person does in the browser, written once: sign up, log in, check a page with axe."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Literal

from axe_playwright_python.base import AXE_SCRIPT
from playwright.sync_api import Page, ViewportSize, expect

PASSWORD = "quiet morning by the lake"
NEW_PASSWORD = "evening walk under old trees"

# WCAG 2.0, 2.1 and 2.2 at levels A and AA: what we promise (product.md, principle 4).
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
VIEWPORTS: dict[str, ViewportSize] = {
    "phone": {"width": 360, "height": 740},
    "desktop": {"width": 1280, "height": 900},
}
SCHEMES: tuple[Literal["light"], Literal["dark"]] = ("light", "dark")


@dataclass(frozen=True)
class Site:
    base: str

    def url(self, path: str) -> str:
        return f"{self.base}{path}"


def sign_up(page: Page, site: Site, username: str, password: str = PASSWORD) -> str:
    """Create an account through the sign-up page; return the recovery code it shows.

    Leaves the browser on the recovery-code page, before the "saved" box is ticked.
    """
    page.goto(site.url("/accounts/signup/"))
    page.get_by_label("Username").fill(username)
    page.get_by_label("New password", exact=True).fill(password)
    page.get_by_label("New password, again").fill(password)
    page.get_by_role("button", name="Create my space").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Save your recovery code")
    return _recovery_code(page)


def _recovery_code(page: Page) -> str:
    text = page.locator("main").inner_text()
    match = re.search(r"\b[0-9A-Z]{4}(?:-[0-9A-Z]{4}){7}\b", text)
    assert match, f"no recovery code on the page:\n{text}"
    return match.group(0)


def recover_with_code(page: Page, username: str, code: str, new_password: str) -> str:
    """From a logged-out page, set a new password with the recovery code.

    Ends on the page showing the new recovery code (not yet confirmed); returns it.
    """
    page.get_by_role("link", name="Forgot your password?").click()
    page.get_by_label("Username").fill(username)
    page.get_by_label("Recovery code").fill(code)
    page.get_by_label("New password", exact=True).fill(new_password)
    page.get_by_label("New password, again").fill(new_password)
    page.get_by_role("button", name="Set new password").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Save your recovery code")
    return _recovery_code(page)


def confirm_code_saved(page: Page) -> None:
    page.get_by_label("I have saved my recovery code somewhere safe.").check()
    page.get_by_role("button", name="Continue").click()


def sign_up_fully(page: Page, site: Site, username: str, password: str = PASSWORD) -> str:
    """Sign up and confirm the recovery code; end on Today. Return the code."""
    code = sign_up(page, site, username, password)
    confirm_code_saved(page)
    expect_today(page, username)
    return code


def expect_today(page: Page, name: str) -> None:
    expect(page.get_by_role("heading", level=1)).to_contain_text(name)
    today = page.get_by_role("link", name="Today", exact=True)
    expect(today).to_have_attribute("aria-current", "page")


def log_in(page: Page, site: Site | None, username: str, password: str = PASSWORD) -> None:
    """Fill the login form (going to it first when ``site`` is given) and send it."""
    if site is not None:
        page.goto(site.url("/accounts/login/"))
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password", exact=True).fill(password)
    page.get_by_role("button", name="Log in").click()


def open_account_menu(page: Page) -> None:
    """Open the header's account menu (a <details>: it works without JavaScript too)."""
    menu = page.locator("details.account-menu")
    if menu.get_attribute("open") is None:
        menu.locator("summary").click()


def go_to_account(page: Page) -> None:
    """Go to the account page through the account menu."""
    open_account_menu(page)
    page.get_by_role("link", name="Your account and security").click()


def go_to_together(page: Page) -> None:
    """Go to Together, one of the pages of the Insights section."""
    page.get_by_role("link", name="Insights", exact=True).click()
    page.get_by_role("link", name="Together", exact=True).click()


def log_out(page: Page) -> None:
    open_account_menu(page)
    page.get_by_role("button", name="Log out").click()
    expect(page.get_by_role("heading", name="Welcome back")).to_be_visible()
    expect(page.get_by_text("You are logged out.")).to_be_visible()


def axe_violations(page: Page) -> list[dict[str, Any]]:
    """Run axe-core on the page as it is now, restricted to WCAG 2.x A and AA.

    axe (bundled with axe-playwright-python) is injected once per document, then
    run as often as needed: after a colour-scheme or viewport change no reload is
    needed. Playwright's evaluate is not subject to the page's CSP.
    """
    if not page.evaluate("typeof window.axe === 'object'"):
        page.evaluate(AXE_SCRIPT)
    options = {"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]}
    violations: list[dict[str, Any]] = page.evaluate(
        "options => axe.run(document, options).then(results => results.violations)", options
    )
    return violations


def describe(violations: list[dict[str, Any]]) -> str:
    lines = []
    for violation in violations:
        lines.append(f"  {violation['id']} ({violation['impact']}): {violation['help']}")
        for node in violation["nodes"][:6]:
            target = " ".join(str(t) for t in node["target"])
            summary = (node.get("failureSummary") or "").replace("\n", " ")
            lines.append(f"      at {target}: {summary[:200]}")
    return "\n".join(lines)


def horizontal_overflow(page: Page) -> int:
    """Return by how many CSS pixels the page is wider than the viewport (0 when it fits)."""
    width: int = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    return max(width, 0)


# A heading's words past the edge of its card (or of its own box) read as spilled over
# the border: every visible heading and legend, measured by the box its text takes.
_HEADINGS_OVERFLOWING = """() => {
    const out = [];
    for (const h of document.querySelectorAll('h1, h2, h3, h4, legend')) {
        const own = h.getBoundingClientRect();
        if (own.width <= 1 || own.height <= 1) continue;  // hidden, or visually hidden
        const range = document.createRange();
        range.selectNodeContents(h);
        const words = range.getBoundingClientRect();
        if (words.width === 0) continue;
        const card = h.closest('.card, fieldset, .entry-list, .notice') || h.parentElement;
        const box = card.getBoundingClientRect();
        const style = getComputedStyle(card);
        const left = box.left + parseFloat(style.borderLeftWidth);
        const right = box.right - parseFloat(style.borderRightWidth);
        // A legend drawn on its fieldset's top border that wraps puts its next lines
        // across that border.
        let across = false;
        if (h.tagName === 'LEGEND' && h.parentElement.tagName === 'FIELDSET') {
            const set = h.parentElement;
            const top = set.getBoundingClientRect().top;
            const border = parseFloat(getComputedStyle(set).borderTopWidth);
            const lines = new Set([...range.getClientRects()].map(r => Math.round(r.top)));
            across = border > 0 && own.top < top + border && lines.size > 1;
        }
        if (across || words.right > right + 1 || words.left < left - 1
                || h.scrollWidth > h.clientWidth + 1) {
            out.push('heading "' + h.textContent.trim().slice(0, 60) + '" runs past its '
                     + (card.className || card.tagName.toLowerCase()) + ' (text '
                     + Math.round(words.left) + '-' + Math.round(words.right) + ', box '
                     + Math.round(left) + '-' + Math.round(right) + ')');
        }
    }
    return out;
}"""


def headings_overflowing(page: Page) -> list[str]:
    """Name each visible heading whose words run past its card's border (empty: none)."""
    found: list[str] = page.evaluate(_HEADINGS_OVERFLOWING)
    return found


def audit(page: Page, name: str) -> list[str]:
    """Check the current page with axe in light and dark, on a phone and a desktop.

    Returns readable problems (empty when the page is clean); also reports horizontal
    scrolling at phone width and headings running past their card at both widths.
    The viewport and colour scheme are restored afterwards.
    """
    page.wait_for_load_state("load")  # judge the page with its stylesheet, not without
    problems: list[str] = []
    original = page.viewport_size
    for scheme in SCHEMES:
        page.emulate_media(color_scheme=scheme)
        for size_name, size in VIEWPORTS.items():
            page.set_viewport_size(size)
            found = axe_violations(page)
            if found:
                problems.append(f"{name} [{scheme}, {size_name}] {page.url}\n{describe(found)}")
            problems += [
                f"{name} [{scheme}, {size_name}] {page.url}: {where}"
                for where in headings_overflowing(page)
            ]
            if size_name == "phone":
                extra = horizontal_overflow(page)
                if extra:
                    problems.append(
                        f"{name} [{scheme}, phone] {page.url}: {extra}px wider than 360px: "
                        f"{_widest(page)}"
                    )
    page.emulate_media(color_scheme="light")
    if original:
        page.set_viewport_size(original)
    return problems


def _widest(page: Page) -> str:
    """Name the elements that stick out to the right, to make an overflow easy to fix."""
    found: list[str] = page.evaluate(
        """() => {
            const limit = document.documentElement.clientWidth;
            const out = [];
            for (const el of document.querySelectorAll('body *')) {
                const r = el.getBoundingClientRect();
                if (r.right > limit + 1 && out.length < 5) {
                    out.push(el.tagName.toLowerCase() + (el.className ? '.' + el.className : '')
                             + ' right=' + Math.round(r.right));
                }
            }
            return out;
        }"""
    )
    return ", ".join(found) or "(nothing named)"


def assert_clean(problems: list[str]) -> None:
    assert not problems, "Accessibility or layout problems:\n" + "\n\n".join(problems)


def open_new_entry(page: Page) -> None:
    """From any logged-in page: Journal, then Write."""
    page.get_by_role("link", name="Journal", exact=True).click()
    page.get_by_role("navigation", name="Journal").get_by_role("link", name="Write").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Write")


def fill_entry(page: Page, *, title: str, body: str, tags: str = "") -> None:
    page.get_by_label("Title (optional)").fill(title)
    page.get_by_label("Your words").fill(body)
    if tags:
        page.get_by_label("Tags (optional)").fill(tags)


def write_entry(page: Page, *, title: str, body: str, tags: str = "") -> None:
    """Write and save an entry; end on the saved entry's page."""
    open_new_entry(page)
    fill_entry(page, title=title, body=body, tags=tags)
    page.get_by_role("button", name="Save", exact=True).click()
    expect_entry(page, title=title, body=body)


def expect_entry(page: Page, *, title: str, body: str) -> None:
    """The page shows a saved entry with this title and text."""
    expect(page.get_by_role("heading", level=1)).to_have_text(title)
    expect(page.get_by_role("article")).to_contain_text(body)


def search_for(page: Page, words: str) -> None:
    page.get_by_role("link", name="Journal", exact=True).click()
    page.get_by_role("navigation", name="Journal").get_by_role("link", name="Search").click()
    page.get_by_label("Words to look for").fill(words)
    page.get_by_role("button", name="Search", exact=True).click()


def virtual_authenticator(page: Page) -> None:
    """Give the page's browser a passkey authenticator (Chrome's DevTools WebAuthn)."""
    cdp = page.context.new_cdp_session(page)
    cdp.send("WebAuthn.enable")
    cdp.send(
        "WebAuthn.addVirtualAuthenticator",
        {
            "options": {
                "protocol": "ctap2",
                "transport": "internal",
                "hasResidentKey": True,
                "hasUserVerification": True,
                "isUserVerified": True,
            }
        },
    )
