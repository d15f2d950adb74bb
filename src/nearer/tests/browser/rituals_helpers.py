"""For the rituals' browser tests: a partner made on the server invites, and the
person in the browser accepts (no second browser needed)."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from nearer.tests.browser.helpers import Site, sign_up_fully


def paired_in_browser(page: Page, site: Site, username: str, partner: str = "Wren") -> None:
    """Sign ``username`` up in ``page`` and pair them with a new account named
    ``partner`` (who invited them); end on the space's home."""
    from nearer.accounts.services import user_sign_up
    from nearer.together.services import invite_create
    from nearer.vault.box import Vault

    sign_up_fully(page, site, username)
    new = user_sign_up(username=f"{username}-partner", password="a partner's own long password")
    made = invite_create(user=new.user, vault=Vault(user_id=new.user.pk, dek=new.dek), name=partner)
    page.goto(site.url(f"/together/accept/?code={made.code}"))
    page.get_by_label("Your name, as your partner will see it").fill(username.title())
    page.get_by_role("button", name="Join the space").click()
    page.get_by_role("button", name="We compared them and they match").click()
    expect(page.get_by_text("Your space with")).to_contain_text(partner)
