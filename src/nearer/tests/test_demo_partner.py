"""The demo's partner: its login printed, paired with the demo, rituals readable."""

from __future__ import annotations

import io

import pytest
from django.test import Client

from nearer.demo import build_demo
from nearer.moments.models import Moment


@pytest.mark.django_db(transaction=True)
def test_the_demo_prints_a_partner_login_paired_with_it() -> None:
    out = io.StringIO()
    demo = build_demo(
        username="demo",
        password="a demo password 123",
        years=1,
        entries=5,
        people=3,
        moments=5,
        checkins=False,
        scales=False,
        shares=0,
        deck_sessions=0,
        out=out,
    )
    printed = out.getvalue()
    assert f"username: {demo.partner_username}" in printed
    assert f"password: {demo.partner_password}" in printed
    partner = Client()
    login = {"username": demo.partner_username, "password": demo.partner_password}
    assert partner.post("/accounts/login/", login).status_code == 302
    before = Moment.objects.filter(owner__username="demo").count()
    client = Client()
    login = {"username": "demo", "password": "a demo password 123"}
    assert client.post("/accounts/login/", login).status_code == 302
    # The moments the partner logged in the space come in at the demo's login.
    assert Moment.objects.filter(owner__username="demo").count() == before + 20
    for who, other in ((client, b"Sam"), (partner, b"Alex")):
        for url in (
            "/together/",
            "/together/rituals/question/earlier/",
            "/together/rituals/check-in/earlier/",
        ):
            page = who.get(url)
            assert page.status_code == 200, url
            assert other in page.content, url
