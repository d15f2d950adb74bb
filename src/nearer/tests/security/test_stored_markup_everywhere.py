"""Security test 9, across the whole app: markup a person typed into any field of any
part of Nearer comes back escaped on every page that can show it.

Every kind of object is made with markup in each of its words (the same samples as
the IDOR sweep), then the owner opens every page the resolver knows — the plain
ones and those taking the owner's own ids. Not one page may hand the markup back
raw, and none may fail.
"""

from __future__ import annotations

import html

from nearer.conftest import Person
from nearer.tests.security.samples import (
    ADMIN_NAMESPACE,
    ID_KWARGS,
    NOT_OBJECT_KWARGS,
    fill,
    make_samples,
    routes,
)
from nearer.tests.security.test_idor_sweep import _harmless_value

MARKUP = '<img src=x onerror="alert(1)">'
PAGES = [r for r in routes() if r.namespace != ADMIN_NAMESPACE]


def test_markup_typed_anywhere_is_shown_escaped_on_every_page(alice: Person) -> None:
    samples = make_samples(alice, marker=MARKUP)
    seen_escaped = 0
    for route in PAGES:
        values: dict[str, object] = {}
        for kw in route.kwargs:
            if (route.namespace, kw) in ID_KWARGS:
                values[kw] = ID_KWARGS[(route.namespace, kw)](samples)
            else:
                assert (route.namespace, kw) in NOT_OBJECT_KWARGS, route.label
                values[kw] = _harmless_value(route, kw)
        path = fill(route.route, values)
        response = alice.client.get(path)
        assert response.status_code < 500, f"{path}: {response.status_code}"
        page = response.content.decode()
        assert MARKUP not in page, f"{path} shows the markup raw"
        assert "onerror=" not in page.replace("onerror=&quot;", ""), path
        seen_escaped += page.count(html.escape(MARKUP))
    # The words did reach the pages, escaped: the test looked at real content.
    assert seen_escaped >= len(PAGES) // 4
