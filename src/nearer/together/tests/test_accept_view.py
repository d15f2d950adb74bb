"""The accept page: the code typed or from the link; clear messages when refused."""

from __future__ import annotations

from nearer.conftest import Person
from nearer.together.models import Member
from nearer.together.services import ATTEMPT_LIMIT


def _code(person: Person) -> str:
    response = person.client.post("/together/invite/", {"name": "Wren Pocklington"})
    return str(response.context["code"])


def test_the_link_fills_in_the_code(alice: Person, bob: Person) -> None:
    code = _code(alice).replace("-", "")
    page = bob.client.get(f"/together/accept/?code={code}")
    assert code.encode() in page.content


def test_accepting_pairs_and_leads_to_the_safety_words(alice: Person, bob: Person) -> None:
    response = bob.client.post("/together/accept/", {"code": _code(alice), "name": "Tamsin Oar"})
    assert response.status_code == 302
    assert response["Location"] == "/together/phrase/"
    assert Member.objects.filter(user__in=[alice.user, bob.user]).count() == 2


def test_ones_own_code_is_a_clear_message(alice: Person) -> None:
    response = alice.client.post("/together/accept/", {"code": _code(alice), "name": "Me"})
    assert response.status_code == 200
    assert b"That is your own invite" in response.content
    assert not Member.objects.exists()


def test_too_many_wrong_codes_wait(bob: Person) -> None:
    for _ in range(ATTEMPT_LIMIT):
        bob.client.post("/together/accept/", {"code": "Z" * 24, "name": "Tamsin Oar"})
    response = bob.client.post("/together/accept/", {"code": "Z" * 24, "name": "Tamsin Oar"})
    assert response.status_code == 429
    assert b"Too many codes" in response.content


def test_the_code_typed_never_reaches_an_error_report(alice: Person, bob: Person) -> None:
    from django.views.debug import SafeExceptionReporterFilter

    code = _code(alice)
    response = bob.client.post("/together/accept/", {"code": code, "name": "Tamsin Oar"})
    masked = SafeExceptionReporterFilter().get_post_parameters(response.wsgi_request)
    assert masked["code"] != code
    assert masked.get("name") == "Tamsin Oar"
